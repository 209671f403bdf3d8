/* timeline-bench.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Imports a generated capture log into a fresh library and prints how
 * long each step took and the peak memory. Run through bench/timeline. */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "debrief-core.h"

#define ZONE "Europe/Berlin"

static const char *const words[] = {
  "obs: error rate on auth-api at 12%",    "act: restarted auth-api-3",
  "5xx from the edge for /checkout",       "dec: roll back release 2026.12.1",
  "hyp: the connection pool is exhausted", "com: status page updated",
  "p99 latency 2.4 s on payments",         "db-2 replication lag 45 s",
};

/* Lines of a busy capture log: a line every second or so, a continuation
 * line now and then, running past midnight. */
static void
generate (const char *path, guint n_lines)
{
  g_autoptr (GString) log = g_string_sized_new ((gsize) n_lines * 64);
  g_autoptr (GError) error = NULL;
  int seconds = 8 * 3600;

  for (guint i = 0; i < n_lines; i++)
    {
      if (i % 10 == 9)
        g_string_append_printf (log, "    at handler.c:%u (request %u)\n", i % 977, i);
      else
        {
          int s = seconds % 86400;

          g_string_append_printf (log, "%02d:%02d:%02d %s (#%u)\n", s / 3600, (s / 60) % 60,
                                  s % 60, words[i % G_N_ELEMENTS (words)], i);
          seconds += 1 + (int) (i % 2);
        }
    }

  if (!g_file_set_contents (path, log->str, (gssize) log->len, &error))
    g_error ("Cannot write %s: %s", path, error->message);
}

static double
now_ms (void)
{
  return (double) g_get_monotonic_time () / 1000.0;
}

/* CPU time of the whole process (all threads), to tell the work from
 * waiting on a busy machine */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 +
         usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
}

static long
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* How long SQLite alone takes here to write as many rows of the same size
 * into a table without indexes, in one transaction: the floor under
 * "flush" on this machine, to read the figures against */
static double
sqlite_floor_ms (const char *dir, guint n_rows)
{
  g_autofree char *path = g_build_filename (dir, "floor.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  sqlite3_stmt    *stmt = NULL;
  sqlite3         *db = NULL;
  double           t0, t1;

  sqlite3_open (path, &db);
  sqlite3_exec (db,
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                "CREATE TABLE t (a TEXT, b TEXT, c INTEGER, d INTEGER, e TEXT, f TEXT, g TEXT, "
                "h TEXT, i TEXT)",
                NULL, NULL, NULL);
  t0 = now_ms ();
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &stmt, NULL);
  for (guint i = 0; i < n_rows; i++)
    {
      char uuid[37];

      g_snprintf (uuid, sizeof uuid, "%08x-0000-4000-8000-%012x", g_random_int (), i);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, "00000000-0000-4000-8000-000000000000", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, i);
      sqlite3_bind_int64 (stmt, 4, 1796389320 + i);
      sqlite3_bind_text (stmt, 5, "second", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, "observation", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, "none", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, "error rate on auth-api at 12% (#12345)", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, "log", -1, SQLITE_STATIC);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  t1 = now_ms ();
  sqlite3_close (db);

  g_remove (path);
  g_remove (wal);
  g_remove (shm);

  return t1 - t0;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) log_file = NULL;
  g_autoptr (GFile) lib_file = NULL;
  g_autoptr (GPtrArray) added = NULL;
  g_autofree char  *dir = NULL;
  g_autofree char  *log_path = NULL;
  g_autofree char  *lib_path = NULL;
  g_autofree char  *uuid = NULL;
  DebriefLibrary   *library;
  DebriefReport    *report;
  DebriefLogImport *import;
  guint             n_lines = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  GStatBuf          st;
  double            t0, t1, t2, t3, t4, t5;
  double            c0, c1, c2, c3;
  long              rss_before;
  guint             added_len = 0;

  dir = g_dir_make_tmp ("debrief-bench-XXXXXX", &error);
  g_assert_no_error (error);
  log_path = g_build_filename (dir, "capture.log", NULL);
  lib_path = g_build_filename (dir, "bench.debrief", NULL);
  log_file = g_file_new_for_path (log_path);
  lib_file = g_file_new_for_path (lib_path);

  generate (log_path, n_lines);
  g_stat (log_path, &st);

  library = debrief_library_open (lib_file, &error);
  g_assert_no_error (error);
  report = debrief_library_create_report (library, "Benchmark", &error);
  g_assert_no_error (error);
  uuid = g_strdup (debrief_report_get_uuid (report));
  debrief_report_set_timezone (report, ZONE, &error);
  g_assert_no_error (error);
  debrief_library_flush (library, &error);
  g_assert_no_error (error);
  rss_before = peak_rss_kb ();

  t0 = now_ms ();
  c0 = cpu_ms ();
  import = debrief_log_import_new_from_file (report, log_file, DEBRIEF_LOG_FORMAT_AUTO, &error);
  g_assert_no_error (error);
  t1 = now_ms ();
  c1 = cpu_ms ();
  added = debrief_log_import_apply (import);
  t2 = now_ms ();
  c2 = cpu_ms ();
  debrief_library_flush (library, &error);
  g_assert_no_error (error);
  t3 = now_ms ();
  c3 = cpu_ms ();

  g_print ("log:            %u lines, %.1f MB, %u entries, %u problems\n", n_lines,
           (double) st.st_size / (1024.0 * 1024.0), added->len,
           g_list_model_get_n_items (debrief_log_import_get_problems (import)));
  g_print ("                   wall       CPU (all threads)\n");
  g_print ("parse:          %7.0f ms %7.0f ms\n", t1 - t0, c1 - c0);
  g_print ("apply:          %7.0f ms %7.0f ms\n", t2 - t1, c2 - c1);
  g_print ("flush (commit): %7.0f ms %7.0f ms\n", t3 - t2, c3 - c2);
  g_print ("import total:   %7.0f ms %7.0f ms  (parse + apply + flush)\n", t3 - t0, c3 - c0);
  g_print ("peak RSS:       %7.1f MB  (%.1f MB before the import)\n", peak_rss_kb () / 1024.0,
           rss_before / 1024.0);

  added_len = added->len;
  g_clear_pointer (&added, g_ptr_array_unref);
  g_object_unref (import);
  g_object_unref (library);

  /* Reading the report back */
  t4 = now_ms ();
  library = debrief_library_open (lib_file, &error);
  g_assert_no_error (error);
  report = debrief_library_find_report (library, uuid);
  debrief_report_ensure_loaded (report, &error);
  g_assert_no_error (error);
  t5 = now_ms ();
  g_print ("reopen + load:  %7.0f ms  (%u timeline entries)\n", t5 - t4,
           g_list_model_get_n_items (debrief_report_get_timeline (report)));

  /* Undoing the import, as the timeline does: one removal of them all */
  {
    GListModel *timeline = debrief_report_get_timeline (report);
    g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
    double t6, t7;

    for (guint i = 0; i < g_list_model_get_n_items (timeline); i++)
      g_ptr_array_add (all, g_list_model_get_item (timeline, i));
    t6 = now_ms ();
    debrief_report_remove_timeline_entries (report, all);
    debrief_library_flush (library, &error);
    g_assert_no_error (error);
    t7 = now_ms ();
    g_print ("undo + flush:   %7.0f ms  (%u entries removed)\n", t7 - t6, all->len);
  }

  g_print ("peak RSS:       %7.1f MB  (whole run)\n", peak_rss_kb () / 1024.0);
  g_object_unref (library);

  g_print ("machine floor:  %7.0f ms  (SQLite alone: %u rows, no indexes, one transaction)\n",
           sqlite_floor_ms (dir, added_len), added_len);

  g_remove (log_path);
  g_remove (lib_path);
  {
    g_autofree char *wal = g_strconcat (lib_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (lib_path, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (dir);

  return 0;
}
