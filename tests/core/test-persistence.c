/* test-persistence.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-persistence"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "debrief-private.h"
#include "debrief-store.h"
#include "debrief-test-util.h"

/* Every edit is read back by a new process, which sees only what reached
 * the disk. */

static DebriefActionItem *
add_action (DebriefReport *report,
            const char    *description,
            const char    *owner,
            const char    *due,
            const char    *status,
            const char    *type,
            const char    *link)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DebriefActionItem) item = debrief_action_item_new (NULL);

  debrief_report_append_action (report, item);
  g_assert_true (debrief_action_item_set_field (item, "description", description, &error));
  g_assert_true (debrief_action_item_set_field (item, "owner", owner, &error));
  g_assert_true (debrief_action_item_set_field (item, "due", due, &error));
  g_assert_true (debrief_action_item_set_field (item, "status", status, &error));
  g_assert_true (debrief_action_item_set_field (item, "type", type, &error));
  g_assert_true (debrief_action_item_set_field (item, "link", link, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&item);
}

static DebriefTimelineEntry *
add_entry (DebriefReport     *report,
           guint              position,
           const char        *at,
           DebriefEntryKind   kind,
           DebriefKeyEvent    key_event,
           DebriefEntrySource source,
           const char        *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DebriefTimelineEntry) entry = NULL;
  DebriefTimePrecision precision = DEBRIEF_TIME_PRECISION_UNKNOWN;
  gint64               utc = DEBRIEF_TIME_UNSET;

  if (at != NULL)
    {
      g_assert_true (
          debrief_time_parse (at, debrief_report_get_timezone (report), &utc, &precision, &error));
      g_assert_no_error (error);
    }

  /* Made empty, inserted, then edited: the edits must reach the disk
   * too, not only the insert */
  entry = debrief_timeline_entry_new (DEBRIEF_TIME_UNSET, DEBRIEF_TIME_PRECISION_UNKNOWN,
                                      DEBRIEF_ENTRY_KIND_OBSERVATION, NULL);
  debrief_report_insert_timeline_entry (report, position, entry);
  debrief_timeline_entry_set_occurred_at (entry, utc, precision);
  debrief_timeline_entry_set_kind (entry, kind);
  debrief_timeline_entry_set_key_event (entry, key_event);
  debrief_timeline_entry_set_source (entry, source);
  debrief_timeline_entry_set_text (entry, text);

  return g_steal_pointer (&entry);
}

static const char *const bodies[][2] = {
  { "summary", "Checkout failed for 38 minutes.\n\nAbout 4 % of orders were lost." },
  { "impact", "* EU customers\n* Mobile app — “Zahlung fehlgeschlagen”" },
  { "detection", "An alert fired at 14:07; the on-call engineer acknowledged at 14:09." },
  { "root-cause", "A config push set the pool size to 0.\n\tConfirmed by the diff." },
  { "resolution", "1. Rolled back\n2. Drained the queue" },
  { "communication", "Status page at 14:15, customers mailed at 16:00. 日本語 العربية 🚒" },
  { "lessons", "Pushes need a canary." },
};

/* Makes one report with every field set, lists edited in every way. */
static DebriefReport *
fill_library (DebriefLibrary *library)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DebriefActionItem) removed = NULL;
  g_autoptr (DebriefTimelineEntry) dropped = NULL;
  DebriefReport *report;
  DebriefReport *other;

  report = debrief_test_create_report (library, "Draft title");
  g_assert_true (debrief_report_set_field (report, "title", "Checkout outage in Zürich", &error));
  g_assert_true (debrief_report_set_field (report, "status", "in-review", &error));
  g_assert_true (debrief_report_set_field (report, "severity", "sev2", &error));
  g_assert_true (debrief_report_set_field (report, "lead", "Zoë Ødegaard", &error));
  g_assert_true (debrief_report_set_field (report, "timezone", "Europe/Berlin", &error));
  g_assert_true (debrief_report_set_field (report, "started", "2026-03-02 14:05", &error));
  g_assert_no_error (error);
  g_assert_cmpint (debrief_report_get_started_at (report), ==, 1772456700);

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      DebriefSection *section = debrief_report_get_section (report, bodies[i][0]);

      g_assert_nonnull (section);
      debrief_section_set_body (section, "first draft");
      g_assert_true (debrief_section_set_text (section, bodies[i][1], -1, &error));
      g_assert_no_error (error);
    }

  g_object_unref (add_action (report, "Add a canary stage", "Ana", "2026-04-01", "in-progress",
                              "prevent", "https://tracker.example/OPS-1"));
  removed = add_action (report, "Dropped idea", "Bo", "", "open", "process", "");
  g_object_unref (add_action (report, "Alert on pool size", "Chen", "2026-03-20", "done", "detect",
                              "https://tracker.example/OPS-2"));
  g_object_unref (
      add_action (report, "Runbook for rollbacks", "", "2026-05-15", "wont-do", "mitigate", ""));

  /* Reorder: "Runbook" to the top, then remove one from the middle */
  g_assert_true (debrief_report_move_action (report, 3, 0));
  g_assert_true (debrief_report_remove_action (report, removed, NULL));

  g_object_unref (add_entry (report, G_MAXUINT, "2026-03-02 14:05", DEBRIEF_ENTRY_KIND_ACTION,
                             DEBRIEF_KEY_EVENT_STARTED, DEBRIEF_ENTRY_SOURCE_LOG,
                             "Config push started"));
  g_object_unref (add_entry (report, G_MAXUINT, "2026-03-02T14:07:31+01:00",
                             DEBRIEF_ENTRY_KIND_OBSERVATION, DEBRIEF_KEY_EVENT_DETECTED,
                             DEBRIEF_ENTRY_SOURCE_TYPED, "Alert: checkout 5xx > 2 %"));
  dropped = add_entry (report, G_MAXUINT, "2026-03-02", DEBRIEF_ENTRY_KIND_HYPOTHESIS,
                       DEBRIEF_KEY_EVENT_NONE, DEBRIEF_ENTRY_SOURCE_TYPED, "Maybe the CDN?");
  g_object_unref (add_entry (report, G_MAXUINT, NULL, DEBRIEF_ENTRY_KIND_COMMUNICATION,
                             DEBRIEF_KEY_EVENT_NONE, DEBRIEF_ENTRY_SOURCE_CHAT,
                             "Someone posted in #incidents\nsecond line"));
  g_object_unref (add_entry (report, 1, "2026-03-02T13:43:00Z", DEBRIEF_ENTRY_KIND_DECISION,
                             DEBRIEF_KEY_EVENT_MITIGATED, DEBRIEF_ENTRY_SOURCE_TYPED,
                             "Decided to roll back"));
  g_assert_true (debrief_report_remove_timeline_entry (report, dropped, NULL));
  g_assert_true (debrief_report_move_timeline_entry (report, 0, 3));

  other = debrief_test_create_report (library, "Second report");
  debrief_section_set_body (debrief_report_get_section (other, "summary"), "Unrelated.");

  return report;
}

static void
assert_in_order (const char *haystack, const char *const *needles)
{
  const char *at = haystack;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      const char *found = strstr (at, needles[i]);

      if (found == NULL)
        g_error ("“%s” not found (in order) in:\n%s", needles[i], haystack);
      at = found + strlen (needles[i]);
    }
}

static void
assert_expected_contents (const char *dump)
{
  static const char *const report[] = {
    "title: \"Checkout outage in Z\\303\\274rich\"",
    "status: in-review",
    "severity: sev2",
    "lead: \"Zo\\303\\253 \\303\\230degaard\"",
    "timezone: \"Europe/Berlin\"",
    "started: 1772456700",
    "empty sections: 0",
    "section summary",
    "body: \"Checkout failed for 38 minutes.\\n\\nAbout 4 % of orders were lost.\"",
    "section root-cause",
    "\\tConfirmed by the diff.",
    NULL,
  };
  static const char *const actions[] = {
    "description: \"Runbook for rollbacks\"",
    "owner: \"\"",
    "due: \"2026-05-15\"",
    "status: wont-do",
    "type: mitigate",
    "description: \"Add a canary stage\"",
    "owner: \"Ana\"",
    "due: \"2026-04-01\"",
    "status: in-progress",
    "type: prevent",
    "link: \"https://tracker.example/OPS-1\"",
    "description: \"Alert on pool size\"",
    "status: done",
    "type: detect",
    "entry",
    NULL,
  };
  static const char *const timeline[] = {
    "at: 1772458980",
    "precision: second",
    "kind: decision",
    "key event: mitigated",
    "source: typed",
    "at: 1772456851",
    "precision: second",
    "key event: detected",
    "at: (unset)",
    "precision: unknown",
    "kind: communication",
    "text: \"Someone posted in #incidents\\nsecond line\"",
    "source: chat",
    "at: 1772456700",
    "precision: minute",
    "kind: action",
    "key event: started",
    "source: log",
    NULL,
  };

  assert_in_order (dump, report);
  assert_in_order (dump, actions);
  assert_in_order (strstr (dump, "Alert on pool size"), timeline);
  g_assert_null (strstr (dump, "Dropped idea"));
  g_assert_null (strstr (dump, "Maybe the CDN?"));
  g_assert_null (strstr (dump, "Draft title"));
  g_assert_null (strstr (dump, "first draft"));
}

static void
test_every_field (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "lib.debrief");
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *read_back = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *uuid = NULL;
  DebriefLibrary  *library;
  DebriefReport   *report;

  library = debrief_test_open_library (file);
  report = fill_library (library);
  uuid = g_strdup (debrief_report_get_uuid (report));
  g_assert_true (debrief_library_flush (library, &error));
  g_assert_no_error (error);

  expected = debrief_test_dump_library (library);
  assert_expected_contents (expected);
  read_back = debrief_test_dump_in_subprocess (file);
  g_assert_cmpstr (read_back, ==, expected);
  g_assert_finalize_object (library);

  /* Edits made after reopening are kept too */
  library = debrief_test_open_library (file);
  report = debrief_library_find_report (library, uuid);
  g_assert_true (debrief_report_ensure_loaded (report, &error));
  g_assert_no_error (error);
  debrief_report_set_status (report, DEBRIEF_STATUS_FINAL);
  debrief_report_set_started_at (report, DEBRIEF_TIME_UNSET);
  debrief_section_set_body (debrief_report_get_section (report, "lessons"), "");
  g_assert_true (debrief_report_move_action (report, 0, 2));
  g_assert_true (debrief_report_move_timeline_entry (report, 3, 0));
  g_assert_true (debrief_library_flush (library, &error));
  g_assert_no_error (error);

  g_clear_pointer (&expected, g_free);
  expected = debrief_test_dump_library (library);
  g_assert_nonnull (strstr (expected, "status: final"));
  g_assert_nonnull (strstr (expected, "started: (unset)"));
  g_assert_nonnull (strstr (expected, "empty sections: 1"));
  edited = debrief_test_dump_in_subprocess (file);
  g_assert_cmpstr (edited, ==, expected);

  g_assert_finalize_object (library);
  debrief_test_remove_dir (dir);
}

/* Waits for the autosave: it promises the disk within about a second.
 * A loaded machine gets up to three. */
static char *
read_back_after_autosave (GFile *file, const char *expected)
{
  char *read_back;

  debrief_test_spin (1500);
  read_back = debrief_test_dump_in_subprocess (file);
  if (g_strcmp0 (read_back, expected) != 0)
    {
      g_free (read_back);
      debrief_test_spin (1500);
      read_back = debrief_test_dump_in_subprocess (file);
    }

  return read_back;
}

static void
test_autosave (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "lib.debrief");
  g_autofree char *expected = NULL;
  g_autofree char *read_back = NULL;
  DebriefLibrary  *library;
  DebriefReport   *report;

  library = debrief_test_open_library (file);
  report = fill_library (library);

  /* No flush: only the main loop runs */
  expected = debrief_test_dump_library (library);
  read_back = read_back_after_autosave (file, expected);
  g_assert_cmpstr (read_back, ==, expected);
  assert_expected_contents (read_back);

  /* Typing into a field: many quick changes, the last one is kept */
  for (guint i = 0; i <= 200; i++)
    {
      g_autofree char *text = g_strdup_printf ("Typed %u characters", i);

      debrief_section_set_body (debrief_report_get_section (report, "lessons"), text);
    }

  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&read_back, g_free);
  expected = debrief_test_dump_library (library);
  g_assert_nonnull (strstr (expected, "Typed 200 characters"));
  read_back = read_back_after_autosave (file, expected);
  g_assert_cmpstr (read_back, ==, expected);

  g_assert_finalize_object (library);
  debrief_test_remove_dir (dir);
}

static void
test_close_saves (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "lib.debrief");
  g_autofree char *expected = NULL;
  g_autofree char *read_back = NULL;
  DebriefLibrary  *library;

  /* Neither a flush nor a main loop: closing the library writes what is
   * pending */
  library = debrief_test_open_library (file);
  fill_library (library);
  expected = debrief_test_dump_library (library);
  g_assert_finalize_object (library);

  read_back = debrief_test_dump_in_subprocess (file);
  g_assert_cmpstr (read_back, ==, expected);

  debrief_test_remove_dir (dir);
}

static void
test_updated_at (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "lib.debrief");
  g_autoptr (GError) error = NULL;
  DebriefLibrary *library;
  DebriefReport  *report;
  gint64          created;
  gint64          before, after;

  library = debrief_test_open_library (file);
  report = debrief_test_create_report (library, "Clock");
  created = debrief_report_get_created_at (report);
  g_assert_cmpint (ABS (created - debrief_time_now ()), <=, 5);
  g_assert_cmpint (debrief_report_get_updated_at (report), ==, created);

  /* Wait for the clock to move, then edit */
  before = debrief_time_now ();
  while (debrief_time_now () == before)
    g_usleep (50 * 1000);
  debrief_section_set_body (debrief_report_get_section (report, "impact"), "Some");
  after = debrief_report_get_updated_at (report);
  g_assert_cmpint (after, >, created);
  g_assert_cmpint (debrief_report_get_created_at (report), ==, created);
  g_assert_true (debrief_library_flush (library, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (library);

  library = debrief_test_open_library (file);
  report = g_list_model_get_item (G_LIST_MODEL (library), 0);
  g_assert_cmpint (debrief_report_get_created_at (report), ==, created);
  g_assert_cmpint (debrief_report_get_updated_at (report), ==, after);
  g_object_unref (report);
  g_assert_finalize_object (library);

  debrief_test_remove_dir (dir);
}

/* What another program reads as the one report's title */
static void
assert_title_on_disk (sqlite3 *db, const char *title)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT title FROM reports", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, title);
  sqlite3_finalize (stmt);
}

/* Changes that cannot be written are kept until the user lets them go */
static void
test_discard_unsaved (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "discard.debrief");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) error = NULL;
  DebriefLibrary *library;
  DebriefReport  *report;
  sqlite3        *other = NULL;

  library = debrief_test_open_library (file);
  report = debrief_library_create_report (library, "Kept title", NULL);
  g_assert_true (debrief_library_flush (library, NULL));

  /* Another program holds the write lock: the change fails and is kept */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  debrief_report_set_title (report, "Lost title");
  g_assert_false (debrief_library_flush (library, &error));
  g_clear_error (&error);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);

  /* Let go: nothing is left to write, and the file keeps the old title */
  debrief_library_discard_unsaved (library);
  g_assert_true (debrief_library_flush (library, &error));
  g_assert_no_error (error);
  assert_title_on_disk (other, "Kept title");
  sqlite3_close (other);

  g_assert_finalize_object (library);
  debrief_test_remove_dir (dir);
}

static void
task_gone_cb (gpointer data, GObject *where_the_object_was)
{
  g_atomic_int_set ((int *) data, TRUE);
}

static void
flushed_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  int *saved = user_data;

  saved[0] = debrief_library_flush_finish (DEBRIEF_LIBRARY (object), result, NULL);
  /* The worker thread may hold the task, and so the library, a moment
   * longer */
  g_object_weak_ref (G_OBJECT (result), task_gone_cb, &saved[1]);
}

static gboolean
fail_waiting_cb (gpointer data)
{
  g_error ("Still waiting for the lock after the changes were let go");

  return G_SOURCE_REMOVE;
}

/* Letting go of changes that wait for another program's lock ends the
 * wait at once, so that closing the library does not wait for the lock */
static void
test_discard_while_waiting (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "waiting.debrief");
  g_autofree char *path = g_file_get_path (file);
  DebriefLibrary  *library;
  DebriefReport   *report;
  sqlite3         *other = NULL;
  int              saved[2] = { -1, FALSE };
  guint            guard;

  library = debrief_test_open_library (file);
  report = debrief_library_create_report (library, "Kept title", NULL);
  g_assert_true (debrief_library_flush (library, NULL));
  /* Far longer than the guard below */
  debrief_store_set_busy_timeout (_debrief_library_get_store (library), 10 * 60 * 1000);

  /* Another program holds the write lock while the change is written */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  debrief_report_set_title (report, "Lost title");
  debrief_library_flush_async (library, NULL, flushed_cb, saved);
  /* Give the writer time to start waiting (if it has not, the change is
   * dropped before it is written, and the test passes as well) */
  g_usleep (200 * G_TIME_SPAN_MILLISECOND);

  debrief_library_discard_unsaved (library);
  guard = g_timeout_add_seconds (30, fail_waiting_cb, NULL);
  while (saved[0] == -1)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
  g_assert_true (saved[0]);
  while (!g_atomic_int_get (&saved[1]))
    g_usleep (1000);

  /* Still locked, and closing does not wait either */
  g_assert_finalize_object (library);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  assert_title_on_disk (other, "Kept title");
  sqlite3_close (other);

  debrief_test_remove_dir (dir);
}

static void
loaded_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  GError **error = user_data;

  g_assert_true (debrief_report_load_finish (DEBRIEF_REPORT (object), result, error) ==
                 (*error == NULL));
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NONE, "done");
}

/* Loads @report on a worker thread and waits: %NULL if it was loaded */
static GError *
load_and_wait (DebriefReport *report)
{
  GError *error = NULL;

  debrief_report_load_async (report, NULL, loaded_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NONE))
    g_clear_error (&error);

  return error;
}

/* A report read on a worker thread is the same as one read in place, and
 * one that cannot be read says why */
static void
test_load_async (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "lib.debrief");
  g_autoptr (GError) error = NULL;
  g_autofree char *in_place = NULL;
  g_autofree char *on_thread = NULL;
  g_autofree char *uuid = NULL;
  DebriefLibrary  *library;
  DebriefReport   *report;

  library = debrief_test_open_library (file);
  uuid = g_strdup (debrief_report_get_uuid (fill_library (library)));
  g_assert_true (debrief_library_flush (library, &error));
  g_assert_finalize_object (library);

  library = debrief_test_open_library (file);
  report = debrief_library_find_report (library, uuid);
  g_assert_true (debrief_report_ensure_loaded (report, &error));
  in_place = debrief_test_dump_report (report);
  g_assert_finalize_object (library);

  library = debrief_test_open_library (file);
  report = debrief_library_find_report (library, uuid);
  g_assert_false (debrief_report_is_loaded (report));
  g_assert_no_error ((error = load_and_wait (report)));
  g_assert_true (debrief_report_is_loaded (report));
  on_thread = debrief_test_dump_report (report);
  g_assert_cmpstr (on_thread, ==, in_place);
  g_assert_cmpuint (g_list_model_get_n_items (debrief_report_get_timeline (report)), >, 0);

  /* Loading a loaded report is done at once */
  g_assert_no_error ((error = load_and_wait (report)));
  g_assert_finalize_object (library);

  /* A library moved while it is open is still read, through its own
   * connection, since the worker cannot find the file by its old name */
  library = debrief_test_open_library (file);
  report = debrief_library_find_report (library, uuid);
  {
    g_autofree char *path = g_file_get_path (file);
    g_autofree char *moved = g_strconcat (path, ".moved", NULL);

    g_assert_cmpint (g_rename (path, moved), ==, 0);
    g_assert_no_error ((error = load_and_wait (report)));
    g_assert_true (debrief_report_is_loaded (report));
    g_free (on_thread);
    on_thread = debrief_test_dump_report (report);
    g_assert_cmpstr (on_thread, ==, in_place);
    g_assert_finalize_object (library);
    g_assert_cmpint (g_rename (moved, path), ==, 0);
  }

  /* A library damaged after it was opened: the error reaches the caller
   * and the report stays unread */
  library = debrief_test_open_library (file);
  report = debrief_library_find_report (library, uuid);
  {
    g_autofree char *path = g_file_get_path (file);

    debrief_test_exec (path, "DROP TABLE timeline_entries");
  }
  error = load_and_wait (report);
  g_assert_nonnull (error);
  g_assert_true (error->domain == DEBRIEF_ERROR);
  g_assert_false (debrief_report_is_loaded (report));
  g_assert_finalize_object (library);
}

int
main (int argc, char *argv[])
{
  debrief_test_init (&argc, &argv);

  g_test_add_func ("/persistence/every-field", test_every_field);
  g_test_add_func ("/persistence/load-async", test_load_async);
  g_test_add_func ("/persistence/autosave", test_autosave);
  g_test_add_func ("/persistence/close-saves", test_close_saves);
  g_test_add_func ("/persistence/discard-unsaved", test_discard_unsaved);
  g_test_add_func ("/persistence/discard-while-waiting", test_discard_while_waiting);
  g_test_add_func ("/persistence/updated-at", test_updated_at);

  return g_test_run ();
}
