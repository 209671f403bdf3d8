/* test-timeline.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "debrief-import-dialog.h"
#include "debrief-timeline-page.h"
#include "debrief-timeline-row.h"
#include "debrief-ui-test.h"
#include "debrief-window-private.h"

typedef struct
{
  char          *dir;
  GFile         *file;
  char          *uuid;
  DebriefWindow *window;
} Fixture;

/* A library with one report in Europe/Berlin whose incident started on
 * 2026-11-18 at 15:00 CET, shown on the window's timeline page. */
static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  DebriefLibrary *library;
  DebriefReport  *report;
  gint64          started;

  fixture->dir = debrief_test_make_dir ();
  fixture->file = debrief_test_file (fixture->dir, "timeline.debrief");

  library = debrief_test_open_library (fixture->file);
  report = debrief_library_create_report (library, "Login outage", NULL);
  g_assert_true (debrief_report_set_timezone (report, "Europe/Berlin", NULL));
  g_assert_true (debrief_time_parse ("2026-11-18 15:00", "Europe/Berlin", &started, NULL, NULL));
  debrief_report_set_started_at (report, started);
  fixture->uuid = g_strdup (debrief_report_get_uuid (report));
  g_assert_true (debrief_library_flush (library, NULL));
  g_assert_finalize_object (library);

  fixture->window = debrief_ui_test_open_window (fixture->file);
  debrief_ui_test_show_report (
      fixture->window,
      debrief_library_find_report (debrief_window_get_library (fixture->window), fixture->uuid));
  adw_view_stack_set_visible_child_name (fixture->window->report_views, "timeline");
  debrief_ui_test_run_for (100);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  if (fixture->window != NULL)
    debrief_ui_test_close_window (fixture->window);
  debrief_test_remove_dir (fixture->dir);
  g_clear_object (&fixture->file);
  g_free (fixture->uuid);
  g_free (fixture->dir);
}

static DebriefTimelinePage *
page (Fixture *fixture)
{
  return fixture->window->timeline_page;
}

static DebriefReport *
report (Fixture *fixture)
{
  return debrief_window_get_report (fixture->window);
}

static DebriefTimelineEntry *
entry_at (Fixture *fixture, guint position)
{
  g_autoptr (DebriefTimelineEntry)
      entry = g_list_model_get_item (debrief_report_get_timeline (report (fixture)), position);

  return entry;
}

static void
type_entry (Fixture *fixture, const char *text)
{
  GtkEntry *entry = debrief_timeline_page_get_quick_entry (page (fixture));

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  debrief_ui_test_run_for (50);
}

static char *
order_of (DebriefReport *r)
{
  GListModel *timeline = debrief_report_get_timeline (r);
  GString    *str = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (timeline); i++)
    {
      g_autoptr (DebriefTimelineEntry) entry = g_list_model_get_item (timeline, i);

      g_string_append_printf (str, "%s%s", i ? "," : "", debrief_timeline_entry_get_text (entry));
    }

  return g_string_free (str, FALSE);
}

/* Reads the timeline's order from the library file, as a new window would */
static char *
stored_order (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  DebriefLibrary *library;
  DebriefReport  *r;
  char           *order;

  g_assert_true (debrief_library_flush (debrief_window_get_library (fixture->window), &error));
  g_assert_no_error (error);

  library = debrief_test_open_library (fixture->file);
  r = debrief_library_find_report (library, fixture->uuid);
  g_assert_true (debrief_report_ensure_loaded (r, NULL));
  order = order_of (r);
  g_assert_finalize_object (library);

  return order;
}

static void
test_quick_entry (Fixture *fixture, gconstpointer data)
{
  DebriefTimelineEntry *entry;
  g_autofree char      *when = NULL;

  type_entry (fixture, "15:02 alert fired for auth-api");
  type_entry (fixture, "hyp: the new release exhausts the connection pool");
  g_assert_cmpuint (g_list_model_get_n_items (debrief_report_get_timeline (report (fixture))), ==,
                    2);

  /* 15:02 on the incident's day, in its zone */
  entry = entry_at (fixture, 0);
  when = debrief_time_format_iso (debrief_timeline_entry_get_occurred_at (entry));
  g_assert_cmpstr (when, ==, "2026-11-18T14:02:00Z");
  g_assert_cmpstr (debrief_timeline_entry_get_text (entry), ==, "alert fired for auth-api");
  g_assert_cmpint (debrief_timeline_entry_get_kind (entry_at (fixture, 1)), ==,
                   DEBRIEF_ENTRY_KIND_HYPOTHESIS);

  /* Enter keeps the cursor in the line for the next entry */
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (debrief_timeline_page_get_quick_entry (page (fixture)))),
                   ==, "");
  g_assert_null (debrief_timeline_page_get_quick_error (page (fixture)));

  debrief_ui_test_screenshot (GTK_WIDGET (fixture->window), "timeline-quick-entry");
}

static void
test_quick_entry_refuses_missing_time (Fixture *fixture, gconstpointer data)
{
  /* The clocks skipped 02:30 on 2026-03-29 in Berlin */
  type_entry (fixture, "2026-03-29 02:30 failover started");

  g_assert_cmpuint (g_list_model_get_n_items (debrief_report_get_timeline (report (fixture))), ==,
                    0);
  g_assert_nonnull (debrief_timeline_page_get_quick_error (page (fixture)));
  g_assert_nonnull (strstr (debrief_timeline_page_get_quick_error (page (fixture)), "not exist"));
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (debrief_timeline_page_get_quick_entry (page (fixture)))),
                   ==, "2026-03-29 02:30 failover started");
}

static DebriefTimelineRow *
row_for (Fixture *fixture, const char *text)
{
  g_autoptr (GPtrArray) rows = debrief_ui_test_find (
      GTK_WIDGET (debrief_timeline_page_get_list_view (page (fixture))),
      DEBRIEF_TYPE_TIMELINE_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      DebriefTimelineRow   *row = g_ptr_array_index (rows, i);
      DebriefTimelineEntry *entry = debrief_timeline_row_get_entry (row);

      if (entry != NULL && g_str_equal (debrief_timeline_entry_get_text (entry), text))
        return row;
    }

  return NULL;
}

static void
test_drag_and_drop_reorders (Fixture *fixture, gconstpointer data)
{
  DebriefTimelineRow *target;
  g_auto (GValue) value = G_VALUE_INIT;
  g_autofree char *order = NULL;
  g_autofree char *stored = NULL;
  gboolean         taken = FALSE;

  type_entry (fixture, "15:01 first");
  type_entry (fixture, "15:02 second");
  type_entry (fixture, "15:03 third");
  debrief_ui_test_run_for (100);

  /* Drop "third" on the upper half of the "first" row */
  target = row_for (fixture, "first");
  g_assert_nonnull (target);
  g_value_init (&value, DEBRIEF_TYPE_TIMELINE_ENTRY);
  g_value_set_object (&value, entry_at (fixture, 2));
  g_signal_emit_by_name (debrief_timeline_row_get_drop_target (target), "drop", &value, 10.0, 2.0,
                         &taken);
  g_assert_true (taken);

  order = order_of (report (fixture));
  g_assert_cmpstr (order, ==, "third,first,second");

  /* The user's order is kept, and marked where it goes against time */
  debrief_ui_test_run_for (100);
  g_assert_true (debrief_timeline_row_get_out_of_order (row_for (fixture, "first")));
  stored = stored_order (fixture);
  g_assert_cmpstr (stored, ==, "third,first,second");
}

static void
test_keyboard_reorders (Fixture *fixture, gconstpointer data)
{
  g_autofree char *order = NULL;
  g_autofree char *stored = NULL;

  type_entry (fixture, "15:01 first");
  type_entry (fixture, "15:02 second");
  type_entry (fixture, "15:03 third");

  debrief_timeline_page_select (page (fixture), 0);
  gtk_widget_activate_action (GTK_WIDGET (page (fixture)), "timeline.move-down", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page (fixture)), "timeline.move-down", NULL);
  order = order_of (report (fixture));
  g_assert_cmpstr (order, ==, "second,third,first");

  gtk_widget_activate_action (GTK_WIDGET (page (fixture)), "timeline.move-up", NULL);
  g_free (order);
  order = order_of (report (fixture));
  g_assert_cmpstr (order, ==, "second,first,third");

  stored = stored_order (fixture);
  g_assert_cmpstr (stored, ==, "second,first,third");

  /* Sort by time restores chronological order, and undo the user's */
  gtk_widget_activate_action (GTK_WIDGET (page (fixture)), "timeline.sort", NULL);
  g_free (order);
  order = order_of (report (fixture));
  g_assert_cmpstr (order, ==, "first,second,third");
  g_assert_cmpstr (adw_toast_get_title (debrief_window_get_last_toast (fixture->window)), ==,
                   "Timeline sorted by time");
  g_signal_emit_by_name (debrief_window_get_last_toast (fixture->window), "button-clicked");
  g_free (order);
  order = order_of (report (fixture));
  g_assert_cmpstr (order, ==, "second,first,third");
}

static void
tag (Fixture *fixture, const char *text, const char *key)
{
  DebriefTimelineRow *row = row_for (fixture, text);

  g_assert_nonnull (row);
  gtk_widget_activate_action (
      GTK_WIDGET (page (fixture)), "timeline.tag-entry", "(ss)",
      debrief_timeline_entry_get_uuid (debrief_timeline_row_get_entry (row)), key);
  debrief_ui_test_run_for (50);
}

static void
test_key_events_give_metrics (Fixture *fixture, gconstpointer data)
{
  type_entry (fixture, "15:02 errors start");
  type_entry (fixture, "15:09 alert fires");
  type_entry (fixture, "15:12 on-call acknowledges");
  type_entry (fixture, "15:31 rollback done");
  type_entry (fixture, "15:52 resolved");
  debrief_ui_test_run_for (100);

  g_assert_cmpstr (
      debrief_timeline_page_get_metric_text (page (fixture), DEBRIEF_METRIC_TIME_TO_DETECT), ==,
      "—");
  g_assert_nonnull (strstr (
      debrief_timeline_page_get_metric_detail (page (fixture), DEBRIEF_METRIC_TIME_TO_DETECT),
      "Started"));

  tag (fixture, "errors start", "started");
  tag (fixture, "alert fires", "detected");
  tag (fixture, "on-call acknowledges", "acknowledged");
  tag (fixture, "rollback done", "mitigated");
  tag (fixture, "resolved", "resolved");

  g_assert_cmpstr (
      debrief_timeline_page_get_metric_text (page (fixture), DEBRIEF_METRIC_TIME_TO_DETECT), ==,
      "7 min");
  g_assert_cmpstr (
      debrief_timeline_page_get_metric_text (page (fixture), DEBRIEF_METRIC_TIME_TO_ACKNOWLEDGE),
      ==, "3 min");
  g_assert_cmpstr (
      debrief_timeline_page_get_metric_text (page (fixture), DEBRIEF_METRIC_TIME_TO_MITIGATE), ==,
      "29 min");
  g_assert_cmpstr (
      debrief_timeline_page_get_metric_text (page (fixture), DEBRIEF_METRIC_TIME_TO_RESOLVE), ==,
      "50 min");
  debrief_ui_test_screenshot (GTK_WIDGET (fixture->window), "timeline-metrics");

  /* Tagging another entry moves the tag, and says so */
  tag (fixture, "errors start", "detected");
  g_assert_nonnull (
      strstr (adw_toast_get_title (debrief_window_get_last_toast (fixture->window)), "moved"));
  g_assert_cmpint (debrief_timeline_entry_get_key_event (entry_at (fixture, 1)), ==,
                   DEBRIEF_KEY_EVENT_NONE);

  /* Detected before started is impossible: no figure, a reason */
  tag (fixture, "alert fires", "started");
  g_assert_cmpstr (
      debrief_timeline_page_get_metric_text (page (fixture), DEBRIEF_METRIC_TIME_TO_DETECT), ==,
      "—");
  g_assert_nonnull (strstr (
      debrief_timeline_page_get_metric_detail (page (fixture), DEBRIEF_METRIC_TIME_TO_DETECT),
      "before"));
}

static gboolean
import_dialog_shown (gpointer data)
{
  return debrief_ui_test_find_dialog (DEBRIEF_TYPE_IMPORT_DIALOG) != NULL;
}

static void
test_import_preview_and_undo (Fixture *fixture, gconstpointer data)
{
  DebriefImportDialog *dialog;
  AdwToast            *toast;
  const char          *log = "15:02 errors start\n"
                             "   stack trace continues here\n"
                             "2026-03-29 02:30 a time that never was\n"
                             "15:09 alert fires\n";

  type_entry (fixture, "15:00 typed by hand");

  debrief_timeline_page_import_text (page (fixture), log);
  debrief_ui_test_run_until (import_dialog_shown, NULL);
  dialog = DEBRIEF_IMPORT_DIALOG (debrief_ui_test_find_dialog (DEBRIEF_TYPE_IMPORT_DIALOG));

  /* Nothing is stored before the user says so */
  g_assert_cmpuint (g_list_model_get_n_items (debrief_report_get_timeline (report (fixture))), ==,
                    1);
  g_assert_nonnull (strstr (debrief_import_dialog_get_summary (dialog), "Found 2 entries"));
  g_assert_nonnull (
      strstr (debrief_import_dialog_get_summary (dialog), "1 line could not be read"));
  debrief_ui_test_screenshot (GTK_WIDGET (dialog), "import-preview");

  debrief_import_dialog_confirm (dialog);
  debrief_ui_test_run_for (100);
  g_assert_cmpuint (g_list_model_get_n_items (debrief_report_get_timeline (report (fixture))), ==,
                    3);
  g_assert_cmpstr (debrief_timeline_entry_get_text (entry_at (fixture, 1)), ==,
                   "errors start\nstack trace continues here");

  /* One step to undo */
  toast = debrief_window_get_last_toast (fixture->window);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Imported 2 entries");
  g_signal_emit_by_name (toast, "button-clicked");
  g_assert_cmpuint (g_list_model_get_n_items (debrief_report_get_timeline (report (fixture))), ==,
                    1);
}

static gboolean
list_complete (gpointer data)
{
  Fixture    *fixture = data;
  GListModel *shown = G_LIST_MODEL (
      gtk_list_view_get_model (debrief_timeline_page_get_list_view (page (fixture))));

  return g_list_model_get_n_items (shown) ==
         g_list_model_get_n_items (debrief_report_get_timeline (report (fixture)));
}

/* A long timeline reaches the list a screenful at a time: the first frame
 * makes few rows, the rest arrive over the next frames, and selecting an
 * entry further down shows it at once. */
static void
test_long_timeline_is_paced (Fixture *fixture, gconstpointer data)
{
  DebriefTimelinePage *timeline = page (fixture);
  DebriefReport       *r = report (fixture);
  GListModel          *shown = G_LIST_MODEL (
               gtk_list_view_get_model (debrief_timeline_page_get_list_view (timeline)));
  gint64 started = debrief_report_get_started_at (r);
  g_autoptr (GPtrArray) rows = NULL;

  for (guint i = 0; i < 600; i++)
    {
      g_autofree char *text = g_strdup_printf ("Check %u of the fleet", i);
      g_autoptr (DebriefTimelineEntry) entry = debrief_timeline_entry_new (
          started + 60 * i, DEBRIEF_TIME_PRECISION_MINUTE, DEBRIEF_ENTRY_KIND_OBSERVATION, text);

      debrief_report_insert_timeline_entry (r, G_MAXUINT, entry);
    }

  debrief_timeline_page_set_report (timeline, NULL);
  debrief_timeline_page_set_report (timeline, r);
  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, 100);
  debrief_ui_test_run_until (list_complete, fixture);
  rows = debrief_ui_test_find (GTK_WIDGET (timeline), DEBRIEF_TYPE_TIMELINE_ROW);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (rows->len, <=, 200);

  /* Far down before the rest has arrived */
  debrief_timeline_page_set_report (timeline, NULL);
  debrief_timeline_page_set_report (timeline, r);
  g_assert_false (list_complete (fixture));
  debrief_timeline_page_select (timeline, 550);
  g_assert_true (list_complete (fixture));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (
                        gtk_list_view_get_model (debrief_timeline_page_get_list_view (timeline)))),
                    ==, 550);
}

int
main (int argc, char *argv[])
{
  debrief_ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/timeline/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("quick-entry", test_quick_entry);
  ADD ("quick-entry-refuses-missing-time", test_quick_entry_refuses_missing_time);
  ADD ("drag-and-drop-reorders", test_drag_and_drop_reorders);
  ADD ("keyboard-reorders", test_keyboard_reorders);
  ADD ("key-events-give-metrics", test_key_events_give_metrics);
  ADD ("import-preview-and-undo", test_import_preview_and_undo);
  ADD ("long-timeline-is-paced", test_long_timeline_is_paced);

#undef ADD

  return debrief_ui_test_finish (g_test_run ());
}
