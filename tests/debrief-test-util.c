/* debrief-test-util.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-test-util"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#ifdef __linux__
#include <linux/fs.h>
#endif

#include "debrief-test-util.h"

/* The test program itself, run again to read a library in a fresh
 * process. */
static char *self_path;

#if defined(FS_IOC_GETFLAGS) && defined(FS_IMMUTABLE_FL)
static gboolean
set_immutable_here (const char *path, gboolean immutable)
{
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW, 0);
  int flags = 0;
  int ret = -1;

  if (fd < 0)
    return FALSE;

  if (ioctl (fd, FS_IOC_GETFLAGS, &flags) == 0)
    {
      if (immutable)
        flags |= FS_IMMUTABLE_FL;
      else
        flags &= ~FS_IMMUTABLE_FL;
      ret = ioctl (fd, FS_IOC_SETFLAGS, &flags);
    }
  close (fd);

  return ret == 0;
}
#else
static gboolean
set_immutable_here (const char *path, gboolean immutable)
{
  return FALSE;
}
#endif

static char *
sha256_here (const char *path)
{
  g_autofree char *contents = NULL;
  gsize            length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static int
helper_main (const char *what, const char *path)
{
  if (g_str_equal (what, "sha256"))
    {
      g_autofree char *sum = sha256_here (path);

      g_print ("%s", sum);
      return 0;
    }

  if (g_str_equal (what, "immutable") || g_str_equal (what, "mutable"))
    return set_immutable_here (path, g_str_equal (what, "immutable")) ? 0 : 1;

  return 2;
}

/* Opening and closing a file in this process drops every POSIX lock the
 * process holds on it, SQLite's included: a library open in this process
 * would no longer be protected from other processes. So the file is
 * touched from another process when this program can run itself. */
static gboolean
run_helper (const char *what, const char *path, char **output)
{
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self_path, "--debrief-helper",
                           what, path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, output, NULL, &error);
  g_assert_no_error (error);

  return g_subprocess_get_successful (proc);
}

static gboolean
set_immutable (const char *path, gboolean immutable)
{
  if (self_path == NULL)
    return set_immutable_here (path, immutable);

  return run_helper (immutable ? "immutable" : "mutable", path, NULL);
}

static int
dump_main (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *dump = NULL;
  DebriefLibrary  *library;

  if (!(library = debrief_library_open (file, &error)))
    {
      g_printerr ("Cannot open %s: %s\n", path, error->message);
      return 1;
    }

  dump = debrief_test_dump_library (library);
  fwrite (dump, 1, strlen (dump), stdout);
  fflush (stdout);
  g_assert_finalize_object (library);

  return 0;
}

/**
 * debrief_test_init:
 *
 * Like g_test_init(), and first handles `--debrief-dump PATH`: print
 * everything the library at PATH holds, as read by this new process, and
 * exit.
 */
void
debrief_test_init (int *argc, char ***argv)
{
  const char *argv0 = (*argv)[0];

  if (*argc == 3 && g_str_equal ((*argv)[1], "--debrief-dump"))
    exit (dump_main ((*argv)[2]));

  if (*argc == 4 && g_str_equal ((*argv)[1], "--debrief-helper"))
    exit (helper_main ((*argv)[2], (*argv)[3]));

  if (g_path_is_absolute (argv0))
    self_path = g_strdup (argv0);
  else if (strchr (argv0, G_DIR_SEPARATOR) != NULL)
    self_path = g_canonicalize_filename (argv0, NULL);
  else
    self_path = g_find_program_in_path (argv0);

  g_test_init (argc, argv, NULL);
}

/**
 * debrief_test_make_dir:
 *
 * Returns: (transfer full): a new empty folder for one test
 */
char *
debrief_test_make_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("debrief-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (GFile *file)
{
  g_autoptr (GFileEnumerator) children = NULL;
  g_autofree char *path = g_file_get_path (file);
  GFileInfo       *info;

  /* Files a test made read-only must be writable again to be removed */
  if (path != NULL && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    set_immutable_here (path, FALSE);

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      while ((info = g_file_enumerator_next_file (children, NULL, NULL)))
        {
          g_autoptr (GFile) child = g_file_get_child (file, g_file_info_get_name (info));

          remove_tree (child);
          g_object_unref (info);
        }
    }

  g_file_delete (file, NULL, NULL);
}

void
debrief_test_remove_dir (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);

  /* Folders made read-only by a test must be writable to be emptied */
  g_chmod (path, 0700);
  remove_tree (file);
}

GFile *
debrief_test_file (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_new_for_path (path);
}

DebriefLibrary *
debrief_test_open_library (GFile *file)
{
  g_autoptr (GError) error = NULL;
  DebriefLibrary *library = debrief_library_open (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (library);

  return library;
}

/**
 * debrief_test_sha256_file:
 *
 * Returns: (transfer full): the SHA-256 of the file at @path; it may be
 *   a library open in this process
 */
char *
debrief_test_sha256_file (const char *path)
{
  char *sum = NULL;

  if (self_path == NULL)
    return sha256_here (path);

  g_assert_true (run_helper ("sha256", path, &sum));
  return sum;
}

void
debrief_test_write_file (const char *path, const void *data, gssize length)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

char *
debrief_test_read_file (const char *path, gsize *length)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

/**
 * debrief_test_spin:
 *
 * Runs the default main context for @milliseconds.
 */
void
debrief_test_spin (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * debrief_test_spin_until:
 *
 * Runs the default main context until @flag is set or @timeout_ms passed.
 *
 * Returns: the value of @flag
 */
gboolean
debrief_test_spin_until (gboolean *flag, guint timeout_ms)
{
  gboolean timed_out = FALSE;
  guint    id = g_timeout_add (timeout_ms, set_flag_cb, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return *flag;
}

/**
 * debrief_test_wait_for_last_ref:
 *
 * Runs the default main context until the caller holds the only
 * reference to @object: a GTask that ran in a thread may still hold its
 * source object for a moment after its callback ran.
 */
void
debrief_test_wait_for_last_ref (gpointer object)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_atomic_int_get (&G_OBJECT (object)->ref_count) > 1 &&
         g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static void
append_text (GString *str, const char *name, const char *value)
{
  g_autofree char *escaped = value != NULL ? g_strescape (value, NULL) : NULL;

  if (value == NULL)
    g_string_append_printf (str, "  %s: (none)\n", name);
  else
    g_string_append_printf (str, "  %s: \"%s\"\n", name, escaped);
}

static void
append_time (GString *str, const char *name, gint64 utc)
{
  if (utc == DEBRIEF_TIME_UNSET)
    g_string_append_printf (str, "  %s: (unset)\n", name);
  else
    g_string_append_printf (str, "  %s: %" G_GINT64_FORMAT "\n", name, utc);
}

static void
append_enum (GString *str, const char *name, GType type, int value)
{
  g_string_append_printf (str, "  %s: %s\n", name, debrief_enum_to_nick (type, value));
}

/**
 * debrief_test_dump_report:
 *
 * Returns: (transfer full): every field of @report and of everything in
 *   it, as text, in a form that compares as a whole
 */
char *
debrief_test_dump_report (DebriefReport *report)
{
  g_autoptr (GError) error = NULL;
  GString    *str = g_string_new (NULL);
  GListModel *list;

  debrief_report_ensure_loaded (report, &error);
  g_assert_no_error (error);

  g_string_append_printf (str, "report %s\n", debrief_report_get_uuid (report));
  append_text (str, "title", debrief_report_get_title (report));
  append_enum (str, "status", DEBRIEF_TYPE_STATUS, debrief_report_get_status (report));
  append_enum (str, "severity", DEBRIEF_TYPE_SEVERITY, debrief_report_get_severity (report));
  append_text (str, "lead", debrief_report_get_lead (report));
  append_text (str, "timezone", debrief_report_get_timezone (report));
  append_time (str, "started", debrief_report_get_started_at (report));
  append_time (str, "created", debrief_report_get_created_at (report));
  append_time (str, "updated", debrief_report_get_updated_at (report));
  g_string_append_printf (str, "  empty sections: %u\n",
                          debrief_report_get_n_empty_sections (report));

  list = debrief_report_get_sections (report);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (DebriefSection) section = g_list_model_get_item (list, i);

      g_string_append_printf (str, " section %s\n", debrief_section_get_key (section));
      append_text (str, "body", debrief_section_get_body (section));
    }

  list = debrief_report_get_actions (report);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (DebriefActionItem) item = g_list_model_get_item (list, i);

      g_string_append_printf (str, " action %s\n", debrief_action_item_get_uuid (item));
      append_text (str, "description", debrief_action_item_get_description (item));
      append_text (str, "owner", debrief_action_item_get_owner (item));
      append_text (str, "due", debrief_action_item_get_due (item));
      append_enum (str, "status", DEBRIEF_TYPE_ACTION_STATUS,
                   debrief_action_item_get_status (item));
      append_enum (str, "type", DEBRIEF_TYPE_ACTION_TYPE,
                   debrief_action_item_get_action_type (item));
      append_text (str, "link", debrief_action_item_get_link (item));
    }

  list = debrief_report_get_timeline (report);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (DebriefTimelineEntry) entry = g_list_model_get_item (list, i);

      g_string_append_printf (str, " entry %s\n", debrief_timeline_entry_get_uuid (entry));
      append_time (str, "at", debrief_timeline_entry_get_occurred_at (entry));
      append_enum (str, "precision", DEBRIEF_TYPE_TIME_PRECISION,
                   debrief_timeline_entry_get_precision (entry));
      append_enum (str, "kind", DEBRIEF_TYPE_ENTRY_KIND, debrief_timeline_entry_get_kind (entry));
      append_enum (str, "key event", DEBRIEF_TYPE_KEY_EVENT,
                   debrief_timeline_entry_get_key_event (entry));
      append_text (str, "text", debrief_timeline_entry_get_text (entry));
      append_enum (str, "source", DEBRIEF_TYPE_ENTRY_SOURCE,
                   debrief_timeline_entry_get_source (entry));
    }

  return g_string_free (str, FALSE);
}

/**
 * debrief_test_dump_library:
 *
 * Returns: (transfer full): every report of @library, in list order, as
 *   debrief_test_dump_report() writes them
 */
char *
debrief_test_dump_library (DebriefLibrary *library)
{
  GString *str = g_string_new (NULL);
  guint    n = g_list_model_get_n_items (G_LIST_MODEL (library));

  g_string_append_printf (str, "%u reports\n", n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefReport) report = g_list_model_get_item (G_LIST_MODEL (library), i);
      g_autofree char *dump = debrief_test_dump_report (report);

      g_string_append (str, dump);
    }

  return g_string_free (str, FALSE);
}

/**
 * debrief_test_dump_in_subprocess:
 *
 * Runs this test program again to open @file and dump it, so that what is
 * read comes from the disk and not from this process's memory.
 *
 * Returns: (transfer full): the dump, as debrief_test_dump_library()
 */
char *
debrief_test_dump_in_subprocess (GFile *file)
{
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  char            *out = NULL;
  g_autofree char *err = NULL;

  g_assert_nonnull (self_path);

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                           self_path, "--debrief-dump", path, NULL);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  if (!g_subprocess_get_successful (proc))
    g_error ("Reading %s in a new process failed: %s", path, err);

  return out;
}

static sqlite3 *
open_read_only (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("Cannot open %s: %s", path, sqlite3_errmsg (db));

  return db;
}

/**
 * debrief_test_query_int:
 *
 * Runs @sql on @path, with a connection of its own, read-only.
 */
gint64
debrief_test_query_int (const char *path, const char *sql)
{
  sqlite3      *db = open_read_only (path);
  sqlite3_stmt *stmt = NULL;
  gint64        value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Cannot run %s on %s: %s", sql, path, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

char *
debrief_test_query_text (const char *path, const char *sql)
{
  sqlite3      *db = open_read_only (path);
  sqlite3_stmt *stmt = NULL;
  char         *value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Cannot run %s on %s: %s", sql, path, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/**
 * debrief_test_exec:
 *
 * Runs @sql on @path (created if missing) as another program would.
 */
void
debrief_test_exec (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char    *message = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    g_error ("Cannot open %s: %s", path, sqlite3_errmsg (db));
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("Cannot run %s on %s: %s", sql, path, message);
  sqlite3_close (db);
}

/**
 * debrief_test_header_u32:
 *
 * Returns: the big-endian 32-bit number at @offset of the SQLite header
 *   of @path, read without SQLite
 */
guint32
debrief_test_header_u32 (const char *path, guint offset)
{
  g_autofree char *data = NULL;
  gsize            length = 0;
  const guint8    *p;

  data = debrief_test_read_file (path, &length);
  g_assert_cmpuint (length, >=, offset + 4);
  p = (const guint8 *) data + offset;

  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/**
 * debrief_test_make_read_only:
 *
 * Makes @path impossible to write for this process: by its permissions,
 * or, for root (who ignores them), with the immutable attribute.
 *
 * Returns: whether @path is now read-only
 */
gboolean
debrief_test_make_read_only (const char *path)
{
  g_chmod (path, 0444);

  if (g_access (path, W_OK) == 0)
    set_immutable (path, TRUE);

  return g_access (path, W_OK) != 0;
}

void
debrief_test_make_writable (const char *path)
{
  set_immutable (path, FALSE);
  g_chmod (path, 0644);
  g_assert_cmpint (g_access (path, W_OK), ==, 0);
}

/**
 * debrief_test_create_report:
 *
 * Returns: (transfer none): a new report in @library
 */
DebriefReport *
debrief_test_create_report (DebriefLibrary *library, const char *title)
{
  g_autoptr (GError) error = NULL;
  DebriefReport *report = debrief_library_create_report (library, title, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_true (debrief_report_is_loaded (report));

  return report;
}
