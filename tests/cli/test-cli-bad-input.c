/* test-cli-bad-input.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"

/* Bad input given to debrief-cli: damaged, foreign, newer and read-only
 * libraries, text that is not UTF-8 or too long, broken JSON documents,
 * unknown time zones. Each is refused with a clear message and a nonzero
 * exit, and leaves the files as they were. */

static char *
make_library (const char *dir, const char *name, char **uuid)
{
  char            *lib = cli_path (dir, name);
  g_autofree char *id = cli_new_report (lib, "Database failover");
  g_autoptr (CliRun) run = cli_run_with_input (lib, "The primary stopped answering.\n", -1,
                                               "section", id, "summary", "-", NULL);

  cli_assert_status (run, 0);
  if (uuid != NULL)
    *uuid = g_steal_pointer (&id);

  return lib;
}

static void
assert_no_side_files (const char *lib)
{
  const char *const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (lib, suffixes[i], NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        g_error ("%s was left behind", path);
    }
}

static char *
section_body (const char *lib, const char *report, const char *key)
{
  g_autoptr (CliRun) run = cli_run (lib, "section", report, key, NULL);

  cli_assert_status (run, 0);

  return g_strdup (run->out);
}

static char *
report_json (const char *lib, const char *report)
{
  g_autoptr (CliRun) run = cli_run (lib, "show", "--json", report, NULL);

  cli_assert_status (run, 0);

  return g_strdup (run->out);
}

/* Runs commands that read and that write against a file that is not a
 * usable library, and checks that each is refused and the file unchanged. */
static void
assert_library_refused (const char *lib, const char *message_part)
{
  g_autofree char *before = debrief_test_sha256_file (lib);
  g_autofree char *after = NULL;
  g_autoptr (CliRun) list = cli_run (lib, "list", NULL);
  g_autoptr (CliRun) show = cli_run (lib, "show", "Database failover", NULL);
  g_autoptr (CliRun) created = cli_run (lib, "new", "--title", "Another one", NULL);
  g_autoptr (CliRun) set = cli_run (lib, "set", "Database failover", "lead", "Dana", NULL);

  cli_assert_failure (list, 1, message_part);
  cli_assert_failure (show, 1, message_part);
  cli_assert_failure (created, 1, message_part);
  cli_assert_failure (set, 1, message_part);
  g_assert_cmpstr (list->out, ==, "");
  g_assert_cmpstr (created->out, ==, "");

  after = debrief_test_sha256_file (lib);
  g_assert_cmpstr (before, ==, after);
  assert_no_side_files (lib);
}

static void
test_random_bytes (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "random.debrief");
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261204);
  g_autofree guint8 *bytes = g_malloc (64 * 1024);

  for (guint i = 0; i < 64 * 1024; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  debrief_test_write_file (lib, bytes, 64 * 1024);

  assert_library_refused (lib, "is not a Debrief library");

  debrief_test_remove_dir (dir);
}

static void
test_not_sqlite (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "notes.txt");

  debrief_test_write_file (lib, "Shopping list:\n- milk\n- bread\n", -1);

  assert_library_refused (lib, "“notes.txt” is not a Debrief library");

  debrief_test_remove_dir (dir);
}

static void
test_truncated (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *uuid = NULL;
  g_autofree char *lib = make_library (dir, "whole.debrief", &uuid);
  g_autofree char *cut = cli_path (dir, "cut.debrief");
  g_autofree char *data = NULL;
  g_autoptr (GString) long_text = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  gsize length = 0;

  /* Enough text for many pages */
  for (guint i = 0; i < 4000; i++)
    g_string_append_printf (long_text, "Line %u of the detailed response log.\n", i);
  {
    g_autoptr (CliRun) run = cli_run_with_input (lib, long_text->str, (gssize) long_text->len,
                                                 "section", uuid, "detection", "-", NULL);

    cli_assert_status (run, 0);
  }
  assert_no_side_files (lib);

  g_file_get_contents (lib, &data, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 16 * 4096);
  debrief_test_write_file (cut, data, (gssize) (length / 2));

  assert_library_refused (cut, "is damaged");

  debrief_test_remove_dir (dir);
}

static void
test_too_new (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = make_library (dir, "future.debrief", NULL);
  sqlite3         *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (lib, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  assert_no_side_files (lib);

  assert_library_refused (lib, "was written by a newer version of Debrief");

  debrief_test_remove_dir (dir);
}

/* Root may write to any file whatever its mode. The immutable flag
 * (chattr +i) stops root too, where the file system has it. */
static gboolean
set_immutable (const char *path, gboolean immutable, GError **error)
{
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  int flags = 0;
  int saved;

  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
      return FALSE;
    }

  if (ioctl (fd, FS_IOC_GETFLAGS, &flags) == 0)
    {
      flags = immutable ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
      if (ioctl (fd, FS_IOC_SETFLAGS, &flags) == 0)
        {
          close (fd);
          return TRUE;
        }
    }

  saved = errno;
  close (fd);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));

  return FALSE;
}

/* Makes @path read-only for this process: by its mode, and as root also
 * immutable. Returns %FALSE (and skips the test) where that is not
 * possible. */
static gboolean
make_read_only (const char *path, int mode)
{
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_chmod (path, mode), ==, 0);

  if (geteuid () != 0)
    return TRUE;

  if (!set_immutable (path, TRUE, &error))
    {
      g_autofree char *message = g_strdup_printf (
          "running as root, which writes to files whatever their mode, and %s cannot be made "
          "immutable (chattr +i) on this file system: %s",
          path, error->message);

      g_chmod (path, 0755);
      g_test_skip (message);
      return FALSE;
    }

  return TRUE;
}

static void
make_writable (const char *path, int mode)
{
  if (geteuid () == 0)
    set_immutable (path, FALSE, NULL);
  g_chmod (path, mode);
}

typedef struct
{
  CliRun *set;
  CliRun *created;
  CliRun *section;
  CliRun *list;
  char   *before;
  char   *after;
} ReadOnlyRuns;

static void
run_against_read_only (const char *lib, const char *uuid, const char *body, ReadOnlyRuns *runs)
{
  runs->before = debrief_test_sha256_file (lib);
  runs->set = cli_run (lib, "set", uuid, "title", "Renamed", NULL);
  runs->created = cli_run (lib, "new", "--title", "Another one", NULL);
  runs->section = cli_run (lib, "section", uuid, "impact", body, NULL);
  runs->list = cli_run (lib, "list", "--json", NULL);
  runs->after = debrief_test_sha256_file (lib);
}

static void
assert_read_only_refused (ReadOnlyRuns *runs, const char *uuid)
{
  g_autoptr (JsonNode) reports = NULL;
  JsonArray *array;

  /* Changes are refused, before anything is changed */
  cli_assert_failure (runs->set, 1, "is read-only, so nothing was changed");
  cli_assert_failure (runs->created, 1, "is read-only, so nothing was changed");
  cli_assert_failure (runs->section, 1, "is read-only, so nothing was changed");
  g_assert_cmpstr (runs->created->out, ==, "");
  g_assert_cmpstr (runs->before, ==, runs->after);

  /* Reading still works */
  cli_assert_status (runs->list, 0);
  reports = cli_parse_json (runs->list);
  array = json_node_get_array (reports);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (array, 0), "title"), ==,
      "Database failover");
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (array, 0), "uuid"), ==, uuid);

  g_clear_pointer (&runs->set, cli_run_free);
  g_clear_pointer (&runs->created, cli_run_free);
  g_clear_pointer (&runs->section, cli_run_free);
  g_clear_pointer (&runs->list, cli_run_free);
  g_clear_pointer (&runs->before, g_free);
  g_clear_pointer (&runs->after, g_free);
}

static void
test_read_only_file (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *uuid = NULL;
  g_autofree char *lib = make_library (dir, "locked.debrief", &uuid);
  g_autofree char *body = cli_path (dir, "impact.md");
  ReadOnlyRuns     runs = { 0 };

  debrief_test_write_file (body, "Nobody could log in.\n", -1);

  if (!make_read_only (lib, 0444))
    {
      debrief_test_remove_dir (dir);
      return;
    }

  /* Run everything first, and assert once the file is writable again, so
   * that a failing assertion leaves no immutable file behind */
  run_against_read_only (lib, uuid, body, &runs);
  make_writable (lib, 0644);

  assert_read_only_refused (&runs, uuid);

  debrief_test_remove_dir (dir);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *folder = cli_path (dir, "shared");
  g_autofree char *uuid = NULL;
  g_autofree char *lib = NULL;
  g_autofree char *body = cli_path (dir, "impact.md");
  ReadOnlyRuns     runs = { 0 };

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  lib = make_library (folder, "lib.debrief", &uuid);
  debrief_test_write_file (body, "Nobody could log in.\n", -1);

  /* The file is writable; the folder, where the write-ahead log goes, is not */
  if (!make_read_only (folder, 0555))
    {
      debrief_test_remove_dir (dir);
      return;
    }

  run_against_read_only (lib, uuid, body, &runs);
  make_writable (folder, 0755);

  assert_read_only_refused (&runs, uuid);
  assert_no_side_files (lib);

  debrief_test_remove_dir (dir);
}

static void
test_invalid_utf8_title (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *uuid = NULL;
  g_autofree char *lib = make_library (dir, "lib.debrief", &uuid);
  g_autofree char *before = report_json (lib, uuid);
  g_autofree char *after = NULL;
  g_autoptr (CliRun) created = cli_run (lib, "new", "--title", "Outage \xff\xfe in \xc3", NULL);
  g_autoptr (CliRun) set = cli_run (lib, "set", uuid, "title", "Fail\xc3\x28over", NULL);
  g_autoptr (CliRun) list = cli_run (lib, "list", "--json", NULL);
  g_autoptr (JsonNode) reports = NULL;

  cli_assert_failure (created, 1, "The title is not valid UTF-8 text");
  g_assert_cmpstr (created->out, ==, "");
  cli_assert_failure (set, 1, "The title is not valid UTF-8 text");

  /* No report was added, and the title is as it was */
  reports = cli_parse_json (list);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (reports)), ==, 1);
  after = report_json (lib, uuid);
  g_assert_cmpstr (before, ==, after);

  debrief_test_remove_dir (dir);
}

static void
test_invalid_utf8_section (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *uuid = NULL;
  g_autofree char *lib = make_library (dir, "lib.debrief", &uuid);
  g_autofree char *file = cli_path (dir, "latin1.md");
  g_autofree char *before = section_body (lib, uuid, "summary");
  g_autofree char *after = NULL;
  g_autoptr (CliRun) from_file = NULL;
  g_autoptr (CliRun) from_stdin = NULL;

  /* "Störung" in Latin-1 */
  debrief_test_write_file (file, "St\xf6rung der Datenbank\n", -1);
  from_file = cli_run (lib, "section", uuid, "summary", file, NULL);
  cli_assert_failure (from_file, 1, "The section “Executive summary” is not valid UTF-8 text");
  g_assert_nonnull (strstr (from_file->err, "byte 2"));

  from_stdin = cli_run_with_input (lib, "ok\n\x80\n", -1, "section", uuid, "summary", "-", NULL);
  cli_assert_failure (from_stdin, 1, "is not valid UTF-8 text");

  after = section_body (lib, uuid, "summary");
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (after, ==, "The primary stopped answering.\n");

  debrief_test_remove_dir (dir);
}

static void
test_huge_section (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *uuid = NULL;
  g_autofree char *lib = make_library (dir, "lib.debrief", &uuid);
  g_autofree char *file = cli_path (dir, "huge.md");
  g_autofree char *limit = g_format_size (DEBRIEF_MAX_SECTION_BYTES);
  g_autofree char *size = g_format_size (10 * 1000 * 1000);
  g_autofree char *before = report_json (lib, uuid);
  g_autofree char *after = NULL;
  g_autofree char *huge = g_malloc (10 * 1000 * 1000);
  g_autoptr (CliRun) from_file = NULL;
  g_autoptr (CliRun) from_stdin = NULL;

  /* 10 MB of ordinary text */
  for (gsize i = 0; i < 10 * 1000 * 1000; i++)
    huge[i] = (i % 80 == 79) ? '\n' : 'a' + (char) (i % 26);
  debrief_test_write_file (file, huge, 10 * 1000 * 1000);

  from_file = cli_run (lib, "section", uuid, "impact", file, NULL);
  cli_assert_failure (from_file, 1, "The section “Impact assessment” was not changed");
  g_assert_nonnull (strstr (from_file->err, size));
  g_assert_nonnull (strstr (from_file->err, limit));

  from_stdin = cli_run_with_input (lib, huge, 10 * 1000 * 1000, "section", uuid, "impact", "-",
                                   NULL);
  cli_assert_failure (from_stdin, 1, "The section “Impact assessment” was not changed");
  g_assert_nonnull (strstr (from_stdin->err, size));
  g_assert_nonnull (strstr (from_stdin->err, limit));

  after = report_json (lib, uuid);
  g_assert_cmpstr (before, ==, after);

  debrief_test_remove_dir (dir);
}

static void
test_json_import (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *uuid = NULL;
  g_autofree char *source = make_library (dir, "source.debrief", &uuid);
  g_autofree char *lib = cli_path (dir, "target.debrief");
  g_autofree char *good = report_json (source, uuid);
  const struct
  {
    const char *name;
    const char *member;
    const char *json_value;
    const char *message;
  } cases[] = {
    /* member removed */
    { "missing", "title", NULL, "“title”: this field is required but missing" },
    { "wrong-type", "severity", "3", "“severity”: expected text, found a number" },
    { "unknown", "colour", "\"red\"", "“colour”: Debrief does not know this field" },
  };

  /* A report in the target library, so that it exists and has one report */
  {
    g_autofree char *other = cli_new_report (lib, "Already here");
    g_autofree char *other_json = report_json (lib, other);

    g_assert_nonnull (other_json);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (GError) error = NULL;
      g_autofree char *path = NULL;
      g_autofree char *name = g_strdup_printf ("%s.json", cases[i].name);
      g_autofree char *data = NULL;
      g_autofree char *before = debrief_test_sha256_file (lib);
      g_autofree char *after = NULL;
      g_autoptr (CliRun) run = NULL;
      g_autoptr (CliRun) list = NULL;
      g_autoptr (JsonNode) reports = NULL;
      JsonObject *object;

      json_parser_load_from_data (parser, good, -1, &error);
      g_assert_no_error (error);
      object = json_node_get_object (json_parser_get_root (parser));
      if (cases[i].json_value == NULL)
        json_object_remove_member (object, cases[i].member);
      else
        {
          JsonNode *value = json_from_string (cases[i].json_value, &error);

          g_assert_no_error (error);
          json_object_set_member (object, cases[i].member, value);
        }

      path = cli_path (dir, name);
      data = json_to_string (json_parser_get_root (parser), TRUE);
      debrief_test_write_file (path, data, -1);

      run = cli_run (lib, "import", path, NULL);
      cli_assert_failure (run, 1, cases[i].message);
      g_assert_cmpstr (run->out, ==, "");

      after = debrief_test_sha256_file (lib);
      g_assert_cmpstr (before, ==, after);
      list = cli_run (lib, "list", "--json", NULL);
      reports = cli_parse_json (list);
      g_assert_cmpuint (json_array_get_length (json_node_get_array (reports)), ==, 1);
    }

  /* Not JSON at all, and not a file */
  {
    g_autofree char *path = cli_path (dir, "notes.json");
    g_autofree char *missing = cli_path (dir, "absent.json");
    g_autoptr (CliRun) garbage = NULL;
    g_autoptr (CliRun) absent = NULL;

    debrief_test_write_file (path, "{ \"format\": \"debrief-report\", ", -1);
    garbage = cli_run (lib, "import", path, NULL);
    cli_assert_failure (garbage, 1, "is not valid JSON");
    absent = cli_run (lib, "import", missing, NULL);
    cli_assert_failure (absent, 1, "absent.json");
  }

  debrief_test_remove_dir (dir);
}

static void
test_unknown_time_zone (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *uuid = NULL;
  g_autofree char *lib = make_library (dir, "lib.debrief", &uuid);
  g_autofree char *before = report_json (lib, uuid);
  g_autofree char *after = NULL;
  g_autoptr (CliRun)
      created = cli_run (lib, "new", "--title", "Red planet", "--timezone", "Mars/Olympus", NULL);
  g_autoptr (CliRun) set = cli_run (lib, "set", uuid, "timezone", "Mars/Olympus", NULL);
  g_autoptr (CliRun) list = cli_run (lib, "list", "--json", NULL);
  g_autoptr (JsonNode) reports = NULL;

  cli_assert_failure (created, 1, "“Mars/Olympus” is not a known time zone");
  g_assert_cmpstr (created->out, ==, "");
  cli_assert_failure (set, 1, "“Mars/Olympus” is not a known time zone");

  reports = cli_parse_json (list);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (reports)), ==, 1);
  after = report_json (lib, uuid);
  g_assert_cmpstr (before, ==, after);

  debrief_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* A program that stops reading its input must not kill the test */
  signal (SIGPIPE, SIG_IGN);

  g_test_add_func ("/cli/bad-input/random-bytes", test_random_bytes);
  g_test_add_func ("/cli/bad-input/not-sqlite", test_not_sqlite);
  g_test_add_func ("/cli/bad-input/truncated", test_truncated);
  g_test_add_func ("/cli/bad-input/too-new", test_too_new);
  g_test_add_func ("/cli/bad-input/read-only-file", test_read_only_file);
  g_test_add_func ("/cli/bad-input/read-only-folder", test_read_only_folder);
  g_test_add_func ("/cli/bad-input/invalid-utf8-title", test_invalid_utf8_title);
  g_test_add_func ("/cli/bad-input/invalid-utf8-section", test_invalid_utf8_section);
  g_test_add_func ("/cli/bad-input/huge-section", test_huge_section);
  g_test_add_func ("/cli/bad-input/json-import", test_json_import);
  g_test_add_func ("/cli/bad-input/unknown-time-zone", test_unknown_time_zone);

  return g_test_run ();
}
