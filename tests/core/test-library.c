/* test-library.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-library"

#include "config.h"

#include <glib/gstdio.h>

#include "debrief-store.h"
#include "debrief-test-util.h"

/* A report with a chosen uuid, made the way an import makes it. */
static DebriefReport *
import_report_created (const char *uuid, const char *title, const char *created)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *json = g_strdup_printf ("{\"format\": \"debrief-report\", \"version\": 1, "
                                           "\"uuid\": \"%s\", \"title\": \"%s\", "
                                           "\"status\": \"draft\", \"severity\": \"sev3\", "
                                           "\"timezone\": \"UTC\", "
                                           "\"created\": \"%s\"}",
                                           uuid, title, created);
  DebriefReport   *report = debrief_json_import_report (json, -1, &error);

  g_assert_no_error (error);
  return report;
}

static DebriefReport *
import_report (const char *uuid, const char *title)
{
  return import_report_created (uuid, title, "2026-01-02T03:04:05Z");
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, GString *log)
{
  g_string_append_printf (log, "%u-%u+%u;", position, removed, added);
}

static void
test_create (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sub", "folder", "lib.debrief", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *journal_mode = NULL;
  DebriefLibrary  *library;

  library = debrief_test_open_library (file);
  g_assert_true (debrief_library_get_created (library));
  g_assert_false (debrief_library_get_read_only (library));
  g_assert_true (g_file_equal (debrief_library_get_file (library), file));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_finalize_object (library);

  /* What another program sees in the file */
  g_assert_cmpint (debrief_test_query_int (path, "PRAGMA user_version"), ==,
                   DEBRIEF_SCHEMA_VERSION);
  g_assert_cmpint (debrief_test_query_int (path, "PRAGMA application_id"), ==,
                   DEBRIEF_APPLICATION_ID);
  journal_mode = debrief_test_query_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (debrief_test_query_int (path, "SELECT count(*) FROM sqlite_schema WHERE "
                                                 "type = 'table' AND name = 'reports'"),
                   ==, 1);

  /* ...and in its header, read without SQLite */
  g_assert_cmpuint (debrief_test_header_u32 (path, 60), ==, DEBRIEF_SCHEMA_VERSION);
  g_assert_cmpuint (debrief_test_header_u32 (path, 68), ==, 0x44425246);
  g_assert_cmpuint (debrief_test_header_u32 (path, 16) & 0xffff, ==, 0x0202);

  debrief_test_remove_dir (dir);
}

static void
test_empty_file_becomes_library (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "empty.debrief");
  g_autofree char *path = g_file_get_path (file);
  DebriefLibrary  *library;

  debrief_test_write_file (path, "", 0);

  library = debrief_test_open_library (file);
  g_assert_true (debrief_library_get_created (library));
  debrief_test_create_report (library, "First");
  g_assert_finalize_object (library);

  g_assert_cmpint (debrief_test_query_int (path, "PRAGMA user_version"), ==,
                   DEBRIEF_SCHEMA_VERSION);
  g_assert_cmpint (debrief_test_query_int (path, "SELECT count(*) FROM reports"), ==, 1);

  debrief_test_remove_dir (dir);
}

static void
test_reopen (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "lib.debrief");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) error = NULL;
  g_autofree char   *before = NULL;
  g_autofree char   *after = NULL;
  g_autofree char   *uuid = NULL;
  g_autofree char   *schema_before = NULL;
  g_autofree char   *schema_after = NULL;
  DebriefLibrary    *library;
  DebriefReport     *report;
  DebriefActionItem *item;

  library = debrief_test_open_library (file);
  report = debrief_test_create_report (library, "Database failover");
  uuid = g_strdup (debrief_report_get_uuid (report));
  debrief_report_set_severity (report, DEBRIEF_SEVERITY_SEV1);
  debrief_section_set_body (debrief_report_get_section (report, "summary"), "It broke.");
  item = debrief_action_item_new ("Add alert");
  debrief_report_append_action (report, item);
  g_object_unref (item);
  debrief_test_create_report (library, "Second");
  g_assert_true (debrief_library_flush (library, &error));
  g_assert_no_error (error);
  before = debrief_test_dump_library (library);
  g_assert_finalize_object (library);

  schema_before = debrief_test_query_text (path, "SELECT group_concat (sql, ';') FROM "
                                                 "sqlite_schema");

  library = debrief_test_open_library (file);
  g_assert_false (debrief_library_get_created (library));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 2);
  report = debrief_library_find_report (library, uuid);
  g_assert_nonnull (report);
  g_assert_cmpstr (debrief_report_get_title (report), ==, "Database failover");
  g_assert_cmpint (debrief_report_get_severity (report), ==, DEBRIEF_SEVERITY_SEV1);
  g_assert_true (debrief_report_ensure_loaded (report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (debrief_section_get_body (debrief_report_get_section (report, "summary")), ==,
                   "It broke.");
  g_assert_cmpuint (g_list_model_get_n_items (debrief_report_get_actions (report)), ==, 1);
  after = debrief_test_dump_library (library);
  g_assert_cmpstr (after, ==, before);
  g_assert_finalize_object (library);

  /* Opening again neither migrates nor changes the schema */
  schema_after = debrief_test_query_text (path, "SELECT group_concat (sql, ';') FROM "
                                                "sqlite_schema");
  g_assert_cmpstr (schema_after, ==, schema_before);
  g_assert_cmpint (debrief_test_query_int (path, "PRAGMA user_version"), ==,
                   DEBRIEF_SCHEMA_VERSION);

  debrief_test_remove_dir (dir);
}

static void
test_default_file (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (GFile) file = debrief_library_get_default_file ();
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *expected = g_build_filename (g_getenv ("XDG_DATA_HOME"), "debrief",
                                                    "library.debrief", NULL);
      DebriefLibrary  *library;

      g_assert_cmpstr (path, ==, expected);

      library = debrief_test_open_library (file);
      g_assert_true (debrief_library_get_created (library));
      debrief_test_create_report (library, "In the default library");
      g_assert_finalize_object (library);
      return;
    }
  else
    {
      g_autofree char *dir = debrief_test_make_dir ();
      g_autofree char *data_home = g_build_filename (dir, "data home", NULL);
      g_autofree char *old = g_strdup (g_getenv ("XDG_DATA_HOME"));
      g_autofree char *path = g_build_filename (data_home, "debrief", "library.debrief", NULL);

      g_setenv ("XDG_DATA_HOME", data_home, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      if (old != NULL)
        g_setenv ("XDG_DATA_HOME", old, TRUE);
      else
        g_unsetenv ("XDG_DATA_HOME");

      g_test_trap_assert_passed ();
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_assert_cmpint (debrief_test_query_int (path, "SELECT count(*) FROM reports WHERE "
                                                     "title = 'In the default library'"),
                       ==, 1);

      debrief_test_remove_dir (dir);
    }
}

static void
open_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  DebriefLibrary **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = debrief_library_open_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out);
}

static void
open_failed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GError **out = user_data;

  g_assert_null (debrief_library_open_finish (result, out));
  g_assert_nonnull (*out);
}

static void
test_open_async (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "lib.debrief");
  g_autoptr (GFile) text = debrief_test_file (dir, "notes.txt");
  g_autofree char *text_path = g_file_get_path (text);
  g_autoptr (GError) error = NULL;
  DebriefLibrary *library = NULL;

  library = debrief_test_open_library (file);
  debrief_test_create_report (library, "Opened on a thread");
  g_assert_finalize_object (library);
  library = NULL;

  debrief_library_open_async (file, NULL, open_cb, &library);
  while (library == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
  debrief_test_wait_for_last_ref (library);
  g_assert_finalize_object (library);

  debrief_test_write_file (text_path, "just some notes\n", -1);
  debrief_library_open_async (text, NULL, open_failed_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_NOT_A_LIBRARY);

  debrief_test_remove_dir (dir);
}

static void
test_lookup (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "lib.debrief");
  g_autoptr (GError) error = NULL;
  g_autoptr (DebriefReport)
      first = import_report ("aaaaaaaa-1111-4000-8000-000000000001", "Login outage");
  g_autoptr (DebriefReport)
      second = import_report ("aaaaaaaa-2222-4000-8000-000000000002", "Cache stampede");
  g_autoptr (DebriefReport)
      third = import_report ("bbbbbbbb-3333-4000-8000-000000000003", "Cache stampede");
  g_autoptr (DebriefReport)
      fourth = import_report ("cccccccc-4444-4000-8000-000000000004", "Queue backlog");
  DebriefLibrary *library;
  DebriefReport  *found;

  library = debrief_test_open_library (file);
  g_assert_true (debrief_library_add_report (library, first, &error));
  g_assert_true (debrief_library_add_report (library, second, &error));
  g_assert_true (debrief_library_add_report (library, third, &error));
  g_assert_true (debrief_library_add_report (library, fourth, &error));
  g_assert_no_error (error);

  /* The whole uuid */
  found = debrief_library_find_report (library, "aaaaaaaa-2222-4000-8000-000000000002");
  g_assert_true (found == second);
  found = debrief_library_lookup_report (library, "aaaaaaaa-2222-4000-8000-000000000002", &error);
  g_assert_no_error (error);
  g_assert_true (found == second);
  g_assert_null (debrief_library_find_report (library, "aaaaaaaa"));

  /* A unique prefix, in either case */
  found = debrief_library_lookup_report (library, "aaaaaaaa-1", &error);
  g_assert_no_error (error);
  g_assert_true (found == first);
  found = debrief_library_lookup_report (library, "CCCC", &error);
  g_assert_no_error (error);
  g_assert_true (found == fourth);

  /* The exact title */
  found = debrief_library_lookup_report (library, "Login outage", &error);
  g_assert_no_error (error);
  g_assert_true (found == first);
  found = debrief_library_lookup_report (library, "login outage", &error);
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_NOT_FOUND);
  g_assert_null (found);
  g_assert_nonnull (strstr (error->message, "login outage"));
  g_clear_error (&error);

  /* A prefix of two uuids, a title two reports have */
  found = debrief_library_lookup_report (library, "aaaa", &error);
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_AMBIGUOUS);
  g_assert_null (found);
  g_assert_nonnull (strstr (error->message, "Login outage"));
  g_assert_nonnull (strstr (error->message, "Cache stampede"));
  g_clear_error (&error);
  found = debrief_library_lookup_report (library, "Cache stampede", &error);
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, "aaaaaaaa"));
  g_assert_nonnull (strstr (error->message, "bbbbbbbb"));
  g_clear_error (&error);

  /* Nothing */
  found = debrief_library_lookup_report (library, "dddd", &error);
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "dddd"));
  g_clear_error (&error);
  found = debrief_library_lookup_report (library, "", &error);
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  found = debrief_library_lookup_report (library, "\xff\xfe", &error);
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_finalize_object (library);
  debrief_test_remove_dir (dir);
}

static void
test_order (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "lib.debrief");
  g_autoptr (GError) error = NULL;
  g_autoptr (DebriefReport) old = import_report ("11111111-1111-4000-8000-000000000001", "Old");
  g_autoptr (DebriefReport) older = import_report_created ("22222222-2222-4000-8000-000000000002",
                                                           "Older", "2025-06-01T00:00:00Z");
  g_autoptr (GString) log = g_string_new (NULL);
  g_autoptr (DebriefReport) item = NULL;
  DebriefLibrary *library;
  DebriefReport  *newest;

  library = debrief_test_open_library (file);
  g_signal_connect (library, "items-changed", G_CALLBACK (items_changed_cb), log);

  /* Newest first: a report made now goes above imported older ones */
  g_assert_true (debrief_library_add_report (library, old, &error));
  newest = debrief_test_create_report (library, "Newest");
  g_assert_true (debrief_library_add_report (library, older, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (log->str, ==, "0-0+1;0-0+1;2-0+1;");

  item = g_list_model_get_item (G_LIST_MODEL (library), 0);
  g_assert_true (item == newest);
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (library), 2);
  g_assert_true (item == older);
  g_clear_object (&item);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (library), 3));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (library)) == DEBRIEF_TYPE_REPORT);

  g_assert_finalize_object (library);
  debrief_test_remove_dir (dir);
}

static void
test_delete_and_undo (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "lib.debrief");
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) log = g_string_new (NULL);
  g_autoptr (DebriefReport) report = NULL;
  g_autofree char      *before = NULL;
  g_autofree char      *gone = NULL;
  g_autofree char      *back = NULL;
  g_autofree char      *removed = NULL;
  g_autofree char      *restored = NULL;
  guint                 position = 0;
  DebriefLibrary       *library;
  DebriefActionItem    *item;
  DebriefTimelineEntry *entry;

  library = debrief_test_open_library (file);
  debrief_test_create_report (library, "Stays");
  report = g_object_ref (debrief_test_create_report (library, "Deleted and restored"));
  debrief_section_set_body (debrief_report_get_section (report, "impact"), "All users.");
  item = debrief_action_item_new ("Fix it");
  debrief_action_item_set_owner (item, "Ana");
  debrief_report_append_action (report, item);
  g_object_unref (item);
  entry = debrief_timeline_entry_new (1767225600, DEBRIEF_TIME_PRECISION_MINUTE,
                                      DEBRIEF_ENTRY_KIND_ACTION, "Paged");
  debrief_report_insert_timeline_entry (report, 0, entry);
  g_object_unref (entry);
  g_assert_true (debrief_library_flush (library, &error));
  g_assert_no_error (error);
  before = debrief_test_dump_in_subprocess (file);

  g_signal_connect (library, "items-changed", G_CALLBACK (items_changed_cb), log);
  while (position < 2)
    {
      g_autoptr (DebriefReport) at = g_list_model_get_item (G_LIST_MODEL (library), position);

      if (at == report)
        break;
      position++;
    }
  g_assert_cmpuint (position, <, 2);
  removed = g_strdup_printf ("%u-1+0;", position);
  restored = g_strdup_printf ("%u-1+0;%u-0+1;", position, position);

  g_assert_true (debrief_library_delete_report (library, report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (log->str, ==, removed);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
  g_assert_null (debrief_library_find_report (library, debrief_report_get_uuid (report)));

  /* Deleting it twice says so */
  g_assert_false (debrief_library_delete_report (library, report, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Edits to a deleted report are not saved anywhere */
  debrief_report_set_lead (report, "Nobody");
  g_assert_true (debrief_library_flush (library, &error));
  gone = debrief_test_dump_in_subprocess (file);
  g_assert_null (strstr (gone, "Deleted and restored"));
  g_assert_null (strstr (gone, "Fix it"));
  g_assert_nonnull (strstr (gone, "1 reports"));
  debrief_report_set_lead (report, "");

  /* Undo brings back everything it held */
  g_assert_true (debrief_library_add_report (library, report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (log->str, ==, restored);
  g_assert_true (debrief_library_flush (library, &error));
  back = debrief_test_dump_in_subprocess (file);
  g_assert_cmpstr (back, ==, before);

  /* Deleting and restoring without waiting in between works too */
  g_assert_true (debrief_library_delete_report (library, report, &error));
  g_assert_true (debrief_library_add_report (library, report, &error));
  g_assert_no_error (error);
  g_assert_true (debrief_library_flush (library, &error));
  g_clear_pointer (&back, g_free);
  back = debrief_test_dump_in_subprocess (file);
  g_assert_cmpstr (back, ==, before);

  g_assert_finalize_object (library);
  g_assert_finalize_object (g_steal_pointer (&report));
  debrief_test_remove_dir (dir);
}

static void
test_create_report_refuses_bad_titles (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "lib.debrief");
  g_autoptr (GError) error = NULL;
  DebriefLibrary *library;
  DebriefReport  *report;

  library = debrief_test_open_library (file);

  g_assert_null (debrief_library_create_report (library, "   ", &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "title"));
  g_clear_error (&error);

  g_assert_null (debrief_library_create_report (library, "Two\nlines", &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TEXT);
  g_assert_nonnull (strstr (error->message, "title"));
  g_clear_error (&error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);

  /* Surrounding blanks are dropped */
  report = debrief_library_create_report (library, "  Padded  ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (debrief_report_get_title (report), ==, "Padded");

  g_assert_finalize_object (library);
  debrief_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  debrief_test_init (&argc, &argv);

  g_test_add_func ("/library/create", test_create);
  g_test_add_func ("/library/empty-file", test_empty_file_becomes_library);
  g_test_add_func ("/library/reopen", test_reopen);
  g_test_add_func ("/library/default-file", test_default_file);
  g_test_add_func ("/library/open-async", test_open_async);
  g_test_add_func ("/library/lookup", test_lookup);
  g_test_add_func ("/library/order", test_order);
  g_test_add_func ("/library/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/library/create-report-titles", test_create_report_refuses_bad_titles);

  return g_test_run ();
}
