/* test-bad-input.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-bad-input"

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "debrief-store.h"
#include "debrief-test-util.h"

/* Files that are not good libraries are refused with their own error,
 * and are left exactly as they were: same bytes, no journal files. Bad
 * values are refused without changing the model or the disk. */

typedef struct
{
  char  *dir;
  char  *path;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = debrief_test_make_dir ();
  f->file = debrief_test_file (f->dir, "incidents.debrief");
  f->path = g_file_get_path (f->file);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  debrief_test_remove_dir (f->dir);
  g_clear_object (&f->file);
  g_free (f->path);
  g_free (f->dir);
}

static void
assert_no_side_files (Fixture *f)
{
  static const char *const suffixes[] = { "-wal", "-shm", "-journal", NULL };

  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *side = g_strconcat (f->path, suffixes[i], NULL);

      if (g_file_test (side, G_FILE_TEST_EXISTS))
        g_error ("%s was created", side);
    }
}

/* Opens the file, expects @code with a message naming the file, and
 * checks that nothing was written. */
static void
assert_refused (Fixture *f, int code, const char *mention)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = debrief_test_sha256_file (f->path);
  g_autofree char *after = NULL;
  DebriefLibrary  *library;

  assert_no_side_files (f);

  library = debrief_library_open (f->file, &error);
  g_assert_null (library);
  g_assert_error (error, DEBRIEF_ERROR, code);
  g_assert_nonnull (strstr (error->message, "incidents.debrief"));
  if (mention != NULL && strstr (error->message, mention) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, mention);
  g_test_message ("Refused: %s", error->message);

  after = debrief_test_sha256_file (f->path);
  g_assert_cmpstr (after, ==, before);
  assert_no_side_files (f);
}

/* A library with enough data to fill many pages, closed. */
static void
make_big_library (Fixture *f)
{
  g_autoptr (GString) body = g_string_new (NULL);
  DebriefLibrary *library;

  while (body->len < 16 * 1024)
    g_string_append (body, "The primary database failed over to the replica. ");

  library = debrief_test_open_library (f->file);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *title = g_strdup_printf ("Incident %u", i);
      DebriefReport   *report = debrief_test_create_report (library, title);

      debrief_section_set_body (debrief_report_get_section (report, "summary"), body->str);
    }
  g_assert_finalize_object (library);

  /* Closing checkpointed the log into the file */
  assert_no_side_files (f);
}

static void
test_random_bytes (Fixture *f, gconstpointer data)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20260304);
  g_autofree guint32 *bytes = g_new (guint32, 16384);

  for (guint i = 0; i < 16384; i++)
    bytes[i] = g_rand_int (rand);
  debrief_test_write_file (f->path, bytes, 16384 * sizeof (guint32));

  assert_refused (f, DEBRIEF_ERROR_NOT_A_LIBRARY, "not a Debrief library");
}

static void
test_text_file (Fixture *f, gconstpointer data)
{
  debrief_test_write_file (f->path, "# Incident notes\n\nThe database fell over at 14:02.\n", -1);
  assert_refused (f, DEBRIEF_ERROR_NOT_A_LIBRARY, "not a Debrief library");

  /* Long enough to have a whole header's worth of bytes */
  {
    g_autoptr (GString) text = g_string_new (NULL);

    while (text->len < 8192)
      g_string_append (text, "SQLite format 3 is what this line talks about.\n");
    debrief_test_write_file (f->path, text->str, (gssize) text->len);
    assert_refused (f, DEBRIEF_ERROR_NOT_A_LIBRARY, "not a Debrief library");
  }
}

static void
test_folder (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
  g_assert_null (debrief_library_open (f->file, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_NOT_A_LIBRARY);
  g_assert_nonnull (strstr (error->message, "incidents.debrief"));
  assert_no_side_files (f);
}

static void
test_truncated (Fixture *f, gconstpointer data)
{
  g_autofree char *contents = NULL;
  gsize            length = 0;

  make_big_library (f);
  contents = debrief_test_read_file (f->path, &length);
  g_assert_cmpuint (length, >=, 16 * 4096);

  debrief_test_write_file (f->path, contents, (gssize) length / 2);
  assert_refused (f, DEBRIEF_ERROR_CORRUPT, "damaged");

  /* Cut inside the first pages, too */
  debrief_test_write_file (f->path, contents, 3000);
  assert_refused (f, DEBRIEF_ERROR_CORRUPT, "damaged");
}

static void
test_damaged_page (Fixture *f, gconstpointer data)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DebriefLibrary  *library;
  gsize            length = 0;
  guint            page_size;

  make_big_library (f);
  contents = debrief_test_read_file (f->path, &length);
  page_size = debrief_test_header_u32 (f->path, 16) >> 16;

  /* Scribble over every page but the first, which holds the schema */
  for (gsize i = page_size; i < length; i++)
    contents[i] = (char) (i * 7 + 3);
  debrief_test_write_file (f->path, contents, (gssize) length);
  before = debrief_test_sha256_file (f->path);

  library = debrief_library_open (f->file, &error);
  g_assert_null (library);
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "incidents.debrief"));
  after = debrief_test_sha256_file (f->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_too_new (Fixture *f, gconstpointer data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", DEBRIEF_SCHEMA_VERSION + 7);

  make_big_library (f);
  debrief_test_exec (f->path, sql);
  g_assert_cmpint (debrief_test_header_u32 (f->path, 60), ==, DEBRIEF_SCHEMA_VERSION + 7);
  assert_no_side_files (f);

  assert_refused (f, DEBRIEF_ERROR_TOO_NEW, "newer version of Debrief");
  assert_refused (f, DEBRIEF_ERROR_TOO_NEW, "has not been changed");
}

static void
test_foreign_database (Fixture *f, gconstpointer data)
{
  /* Another program's database */
  debrief_test_exec (f->path, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);"
                              "INSERT INTO customers (name) VALUES ('Ada'), ('Grace');");
  assert_refused (f, DEBRIEF_ERROR_NOT_A_LIBRARY, "another program");
  g_assert_cmpint (debrief_test_query_int (f->path, "SELECT count(*) FROM customers"), ==, 2);
  g_assert_cmpint (g_remove (f->path), ==, 0);

  /* ...that marks itself with its own application id */
  debrief_test_exec (f->path, "PRAGMA application_id = 1234;"
                              "CREATE TABLE notes (body TEXT);");
  assert_refused (f, DEBRIEF_ERROR_NOT_A_LIBRARY, "another program");
  g_assert_cmpint (g_remove (f->path), ==, 0);

  /* ...that counts its own schema versions in user_version, as many
   * programs do: it is not a Debrief library of that version */
  debrief_test_exec (f->path, "PRAGMA user_version = 1;"
                              "CREATE TABLE reports (id INTEGER PRIMARY KEY, text TEXT);");
  assert_refused (f, DEBRIEF_ERROR_NOT_A_LIBRARY, "another program");
  g_assert_cmpint (g_remove (f->path), ==, 0);

  debrief_test_exec (f->path, "PRAGMA user_version = 57;"
                              "CREATE TABLE things (id INTEGER PRIMARY KEY);");
  assert_refused (f, DEBRIEF_ERROR_NOT_A_LIBRARY, "another program");
  g_assert_cmpint (g_remove (f->path), ==, 0);

  /* ...in write-ahead-log mode too */
  debrief_test_exec (f->path, "PRAGMA journal_mode = WAL;"
                              "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);");
  assert_refused (f, DEBRIEF_ERROR_NOT_A_LIBRARY, "another program");
}

static void
test_migrate_old_library (Fixture *f, gconstpointer data)
{
  g_autofree char *migration = NULL;
  g_autofree char *sql = NULL;
  g_autoptr (GError) error = NULL;
  DebriefLibrary *library;
  DebriefReport  *report;

  if (DEBRIEF_SCHEMA_VERSION < 2)
    {
      g_test_skip ("There is only one library format so far");
      return;
    }

  /* A library of the first format, with a report in it */
  migration = g_build_filename (g_getenv ("DEBRIEF_SOURCE_ROOT"), "src", "core", "migrations",
                                "0001-initial.sql", NULL);
  sql = debrief_test_read_file (migration, NULL);
  debrief_test_exec (f->path, "PRAGMA journal_mode = WAL");
  debrief_test_exec (f->path, sql);
  debrief_test_exec (f->path, "PRAGMA user_version = 1;"
                              "INSERT INTO reports (uuid, title, created_at, updated_at) VALUES "
                              "('0b7e2f3a-1c4d-4e5f-8a9b-0c1d2e3f4a5b', 'Old report', 1700000000, "
                              "1700000100);"
                              "INSERT INTO sections (report_uuid, key, body) VALUES "
                              "('0b7e2f3a-1c4d-4e5f-8a9b-0c1d2e3f4a5b', 'summary', 'Kept.');");

  /* It cannot be upgraded while it is read-only */
  if (debrief_test_make_read_only (f->path))
    {
      g_autofree char *before = debrief_test_sha256_file (f->path);
      g_autofree char *after = NULL;

      /* (SQLite may leave its empty side files next to it: reading a
       * library in write-ahead-log mode needs them) */
      g_assert_null (debrief_library_open (f->file, &error));
      g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_READ_ONLY);
      g_assert_nonnull (strstr (error->message, "incidents.debrief"));
      g_assert_nonnull (strstr (error->message, "upgraded"));
      g_clear_error (&error);
      after = debrief_test_sha256_file (f->path);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpint (debrief_test_header_u32 (f->path, 60), ==, 1);
      debrief_test_make_writable (f->path);
    }

  library = debrief_test_open_library (f->file);
  g_assert_false (debrief_library_get_created (library));
  report = debrief_library_lookup_report (library, "0b7e", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (debrief_report_get_title (report), ==, "Old report");
  g_assert_cmpint (debrief_report_get_created_at (report), ==, 1700000000);
  g_assert_true (debrief_report_ensure_loaded (report, &error));
  g_assert_cmpstr (debrief_section_get_body (debrief_report_get_section (report, "summary")), ==,
                   "Kept.");
  g_assert_finalize_object (library);

  g_assert_cmpint (debrief_test_query_int (f->path, "PRAGMA user_version"), ==,
                   DEBRIEF_SCHEMA_VERSION);
}

static void
write_failed_cb (DebriefLibrary *library, const GError *error, GPtrArray *errors)
{
  g_ptr_array_add (errors, g_error_copy (error));
}

static gboolean
wait_for_errors (GPtrArray *errors, guint n)
{
  gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  while (errors->len < n && g_get_monotonic_time () < deadline)
    debrief_test_spin (50);

  return errors->len >= n;
}

static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *read_back = NULL;
  g_autofree char *uuid = NULL;
  DebriefLibrary  *library;
  DebriefReport   *report;

  library = debrief_test_open_library (f->file);
  report = debrief_test_create_report (library, "Original title");
  uuid = g_strdup (debrief_report_get_uuid (report));
  g_assert_finalize_object (library);

  if (!debrief_test_make_read_only (f->path))
    {
      g_test_skip ("Cannot make a file read-only here: running as root on a file system "
                   "without the immutable attribute");
      return;
    }
  before = debrief_test_sha256_file (f->path);

  library = debrief_test_open_library (f->file);
  g_assert_true (debrief_library_get_read_only (library));
  g_signal_connect (library, "write-failed", G_CALLBACK (write_failed_cb), errors);
  report = debrief_library_find_report (library, uuid);
  g_assert_true (debrief_report_ensure_loaded (report, &error));
  g_assert_no_error (error);

  /* The first edit: kept in memory, refused on saving */
  g_assert_true (debrief_report_set_field (report, "title", "Edited while read-only", &error));
  g_assert_no_error (error);
  g_assert_false (debrief_library_flush (library, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "incidents.debrief"));
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);
  g_assert_cmpstr (debrief_report_get_title (report), ==, "Edited while read-only");

  /* The window hears of it once the main loop runs */
  g_assert_true (wait_for_errors (errors, 1));
  g_assert_error ((GError *) g_ptr_array_index (errors, 0), DEBRIEF_ERROR,
                  DEBRIEF_ERROR_READ_ONLY);

  /* Without a flush too: the autosave fails and says so */
  debrief_section_set_body (debrief_report_get_section (report, "summary"), "Typed later.");
  g_assert_true (wait_for_errors (errors, 2));
  g_assert_error ((GError *) g_ptr_array_index (errors, 1), DEBRIEF_ERROR,
                  DEBRIEF_ERROR_READ_ONLY);

  /* Adding and deleting reports are refused up front */
  g_assert_null (debrief_library_create_report (library, "New", &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (debrief_library_delete_report (library, report, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);

  /* Searching still works, on what is saved */
  {
    g_autoptr (GListModel) hits = debrief_library_search (library, "original", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  }

  /* Nothing reached the file */
  after = debrief_test_sha256_file (f->path);
  g_assert_cmpstr (after, ==, before);
  read_back = debrief_test_dump_in_subprocess (f->file);
  g_assert_nonnull (strstr (read_back, "Original title"));
  g_assert_null (strstr (read_back, "Typed later."));

  /* Made writable again, as the message asks: the kept changes are
   * saved, nothing is lost */
  debrief_test_make_writable (f->path);
  g_assert_true (debrief_library_flush (library, &error));
  g_assert_no_error (error);
  g_assert_false (debrief_library_get_read_only (library));
  g_clear_pointer (&read_back, g_free);
  read_back = debrief_test_dump_in_subprocess (f->file);
  g_assert_nonnull (strstr (read_back, "Edited while read-only"));
  g_assert_nonnull (strstr (read_back, "Typed later."));
  g_assert_null (strstr (read_back, "Original title"));

  /* ...and so are later ones, by the autosave */
  debrief_report_set_lead (report, "Back to normal");
  {
    gboolean done = FALSE;

    for (guint i = 0; i < 6 && !done; i++)
      {
        debrief_test_spin (500);
        g_clear_pointer (&read_back, g_free);
        read_back = debrief_test_dump_in_subprocess (f->file);
        done = strstr (read_back, "Back to normal") != NULL;
      }
    g_assert_true (done);
  }
  g_assert_cmpuint (errors->len, ==, 2);

  g_assert_finalize_object (library);
}

/* Bad values: refused, the model and the disk unchanged ---------------- */

typedef struct
{
  Fixture         base;
  DebriefLibrary *library;
  DebriefReport  *report;
  char           *saved;
} Model;

static void
model_set_up (Model *m, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture_set_up (&m->base, data);
  m->library = debrief_test_open_library (m->base.file);
  m->report = debrief_test_create_report (m->library, "Good title");
  g_assert_true (debrief_report_set_timezone (m->report, "Europe/Berlin", &error));
  debrief_section_set_body (debrief_report_get_section (m->report, "summary"), "Good summary");
  g_assert_true (debrief_library_flush (m->library, &error));
  g_assert_no_error (error);
  m->saved = debrief_test_dump_library (m->library);
}

/* Nothing changed in memory, and nothing more on the disk */
static void
assert_unchanged (Model *m)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *now = debrief_test_dump_library (m->library);
  g_autofree char *read_back = NULL;

  g_assert_cmpstr (now, ==, m->saved);
  g_assert_true (debrief_library_flush (m->library, &error));
  g_assert_no_error (error);
  read_back = debrief_test_dump_in_subprocess (m->base.file);
  g_assert_cmpstr (read_back, ==, m->saved);
}

static void
model_tear_down (Model *m, gconstpointer data)
{
  g_assert_finalize_object (m->library);
  g_free (m->saved);
  fixture_tear_down (&m->base, data);
}

static void
assert_error_mentions (const GError *error, const char *mention)
{
  if (strstr (error->message, mention) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, mention);
}

static void
test_invalid_utf8 (Model *m, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  DebriefSection *summary = debrief_report_get_section (m->report, "summary");

  g_assert_false (debrief_report_set_field (m->report, "title", "Bad \xc3\x28 title", &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TEXT);
  assert_error_mentions (error, "title");
  assert_error_mentions (error, "UTF-8");
  assert_error_mentions (error, "byte 4");
  g_clear_error (&error);

  g_assert_false (debrief_report_set_field (m->report, "lead", "\xff", &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TEXT);
  assert_error_mentions (error, "lead");
  g_clear_error (&error);

  g_assert_null (debrief_library_create_report (m->library, "Caf\xe9", &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TEXT);
  assert_error_mentions (error, "title");
  g_clear_error (&error);

  g_assert_false (debrief_section_set_text (summary, "Latin-1 caf\xe9 text", -1, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TEXT);
  assert_error_mentions (error, "Executive summary");
  assert_error_mentions (error, "UTF-8");
  g_clear_error (&error);

  /* Overlong encodings and lone surrogates are not UTF-8 either */
  g_assert_false (debrief_section_set_text (summary, "\xc0\xaf", -1, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TEXT);
  g_clear_error (&error);
  g_assert_false (debrief_section_set_text (summary, "\xed\xa0\x80", -1, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TEXT);
  g_clear_error (&error);

  /* Binary data with a NUL inside the given length */
  g_assert_false (debrief_section_set_text (summary, "PNG\0\x01\x02", 6, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TEXT);
  assert_error_mentions (error, "NUL");
  g_clear_error (&error);

  g_assert_false (debrief_section_set_text (summary, "Bell \a here", -1, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TEXT);
  assert_error_mentions (error, "U+0007");
  g_clear_error (&error);

  assert_unchanged (m);
}

static void
test_section_too_large (Model *m, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  DebriefSection  *summary = debrief_report_get_section (m->report, "summary");
  gsize            size = 10 * 1024 * 1024;
  g_autofree char *big = g_malloc (size + 1);

  memset (big, 'a', size);
  big[size] = '\0';

  g_assert_false (debrief_section_set_text (summary, big, -1, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_TOO_LARGE);
  assert_error_mentions (error, "Executive summary");
  assert_error_mentions (error, "10.5");
  assert_error_mentions (error, "2.1");
  assert_error_mentions (error, "evidence");
  g_clear_error (&error);

  /* One byte over the limit, with the length given */
  g_assert_false (debrief_section_set_text (summary, big, DEBRIEF_MAX_SECTION_BYTES + 1, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_TOO_LARGE);
  g_clear_error (&error);

  assert_unchanged (m);

  /* The limit itself is accepted, and stored */
  g_assert_true (debrief_section_set_text (summary, big, DEBRIEF_MAX_SECTION_BYTES, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (debrief_section_get_body (summary)), ==, DEBRIEF_MAX_SECTION_BYTES);
  g_assert_true (debrief_library_flush (m->library, &error));
  g_assert_cmpint (debrief_test_query_int (m->base.path, "SELECT length (body) FROM sections "
                                                         "WHERE key = 'summary'"),
                   ==, DEBRIEF_MAX_SECTION_BYTES);
}

static void
test_unknown_time_zone (Model *m, gconstpointer data)
{
  static const char *const bad[] = {
    "Mars/Olympus_Mons",
    "Europe/Berlín",
    "+02:00",
    "UTC+2",
    "CET-1CEST",
    "leapseconds",
    "Europe",
    "zone.tab",
    "",
    "Europe/../Europe/Berlin",
    "/usr/share/zoneinfo/Europe/Berlin",
    "Europe/Berlin ",
    NULL,
  };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_assert_false (debrief_time_zone_validate (bad[i], &error));
      g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME_ZONE);
      assert_error_mentions (error, "IANA");
      g_clear_error (&error);

      g_assert_false (debrief_report_set_timezone (m->report, bad[i], &error));
      g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME_ZONE);
      if (*bad[i] != '\0')
        assert_error_mentions (error, bad[i]);
      g_clear_error (&error);

      g_assert_false (debrief_report_set_field (m->report, "timezone", bad[i], &error));
      g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME_ZONE);
      g_clear_error (&error);
    }

  g_assert_false (debrief_time_zone_validate (NULL, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME_ZONE);
  g_clear_error (&error);
  g_assert_false (debrief_time_zone_validate ("Europe/\xff", &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME_ZONE);
  g_clear_error (&error);

  g_assert_cmpstr (debrief_report_get_timezone (m->report), ==, "Europe/Berlin");
  assert_unchanged (m);
}

static void
test_bad_fields (Model *m, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DebriefActionItem) item = debrief_action_item_new ("Check");

  g_assert_false (debrief_report_set_field (m->report, "colour", "red", &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE);
  assert_error_mentions (error, "colour");
  assert_error_mentions (error, "severity");
  g_clear_error (&error);

  g_assert_false (debrief_report_set_field (m->report, "status", "closed", &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE);
  assert_error_mentions (error, "closed");
  assert_error_mentions (error, "in-review");
  g_clear_error (&error);

  g_assert_false (debrief_report_set_field (m->report, "severity", NULL, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_false (debrief_report_set_field (m->report, "title", "  ", &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* A time in the gap when the clocks go forward in the report's zone */
  g_assert_false (debrief_report_set_field (m->report, "started", "2026-03-29 02:30", &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME);
  assert_error_mentions (error, "Europe/Berlin");
  g_clear_error (&error);

  g_assert_false (debrief_report_set_field (m->report, "started", "soon", &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME);
  assert_error_mentions (error, "soon");
  g_clear_error (&error);

  assert_unchanged (m);

  g_assert_false (debrief_action_item_set_field (item, "due", "2026-02-30", &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME);
  assert_error_mentions (error, "2026-02-30");
  g_clear_error (&error);
  g_assert_false (debrief_action_item_set_field (item, "type", "fix", &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (debrief_action_item_set_field (item, "owner", "Two\nlines", &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TEXT);
  assert_error_mentions (error, "owner");
  g_clear_error (&error);
  g_assert_false (debrief_action_item_set_field (item, "priority", "high", &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE);
  assert_error_mentions (error, "priority");
  g_clear_error (&error);
  g_assert_null (debrief_action_item_get_due (item));
  g_assert_cmpstr (debrief_action_item_get_owner (item), ==, "");
}

int
main (int argc, char *argv[])
{
  debrief_test_init (&argc, &argv);

#define ADD(path, func)       g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_MODEL(path, func) g_test_add (path, Model, NULL, model_set_up, func, model_tear_down)

  ADD ("/bad-input/random-bytes", test_random_bytes);
  ADD ("/bad-input/text-file", test_text_file);
  ADD ("/bad-input/folder", test_folder);
  ADD ("/bad-input/truncated", test_truncated);
  ADD ("/bad-input/damaged-page", test_damaged_page);
  ADD ("/bad-input/too-new", test_too_new);
  ADD ("/bad-input/foreign-database", test_foreign_database);
  ADD ("/bad-input/migrate-old-library", test_migrate_old_library);
  ADD ("/bad-input/read-only", test_read_only);
  ADD_MODEL ("/bad-input/invalid-utf8", test_invalid_utf8);
  ADD_MODEL ("/bad-input/section-too-large", test_section_too_large);
  ADD_MODEL ("/bad-input/unknown-time-zone", test_unknown_time_zone);
  ADD_MODEL ("/bad-input/bad-fields", test_bad_fields);

#undef ADD
#undef ADD_MODEL

  return g_test_run ();
}
