/* test-window.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtksourceview/gtksource.h>
#include <sqlite3.h>
#include <string.h>

#include "debrief-datetime-button.h"
#include "debrief-private.h"
#include "debrief-store.h"
#include "debrief-export-dialog.h"
#include "debrief-report-row.h"
#include "debrief-tooltip.h"
#include "debrief-ui-test.h"
#include "debrief-window-private.h"

typedef struct
{
  char  *dir;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->dir = debrief_test_make_dir ();
  fixture->file = debrief_test_file (fixture->dir, "test.debrief");
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  debrief_test_remove_dir (fixture->dir);
  g_clear_object (&fixture->file);
  g_free (fixture->dir);
}

/* Writes reports to the library file before any window opens it. */
static void
make_library (GFile *file, const char *first, ...)
{
  DebriefLibrary *library = debrief_test_open_library (file);
  va_list         args;

  va_start (args, first);
  for (const char *title = first; title != NULL; title = va_arg (args, const char *))
    {
      DebriefReport *report = debrief_library_create_report (library, title, NULL);

      g_assert_nonnull (report);
    }
  va_end (args);

  g_assert_true (debrief_library_flush (library, NULL));
  g_assert_finalize_object (library);
}

static GPtrArray *
visible_rows (DebriefWindow *window)
{
  return debrief_ui_test_find (GTK_WIDGET (debrief_window_get_report_list (window)),
                               DEBRIEF_TYPE_REPORT_ROW);
}

static DebriefReportRow *
find_row (DebriefWindow *window, const char *title)
{
  g_autoptr (GPtrArray) rows = visible_rows (window);

  for (guint i = 0; i < rows->len; i++)
    {
      DebriefReportRow *row = g_ptr_array_index (rows, i);
      DebriefReport    *report = debrief_report_row_get_report (row);

      if (report != NULL && g_str_equal (debrief_report_get_title (report), title))
        return row;
    }

  return NULL;
}

static DebriefReport *
find_report (DebriefWindow *window, const char *title)
{
  g_autoptr (GError) error = NULL;
  DebriefReport *report;

  report = debrief_library_lookup_report (debrief_window_get_library (window), title, &error);
  g_assert_no_error (error);

  return report;
}

static char *
view_text (GtkTextView *view)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
}

static void
test_sidebar_lists_reports (Fixture *fixture, gconstpointer data)
{
  const char *titles[] = { "Payment errors", "DNS outage", "Slow search" };
  g_autoptr (GPtrArray) rows = NULL;
  DebriefWindow *window;

  make_library (fixture->file, titles[0], titles[1], titles[2], NULL);

  window = debrief_ui_test_open_window (fixture->file);
  rows = visible_rows (window);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_nonnull (find_row (window, titles[i]));

  debrief_ui_test_screenshot (GTK_WIDGET (window), "sidebar");
  debrief_ui_test_close_window (window);
}

static void
test_typed_text_survives_reopening (Fixture *fixture, gconstpointer data)
{
  const char      *typed = "The cache stampede began when the TTLs expired together.";
  DebriefWindow   *window;
  DebriefReport   *report;
  GtkTextView     *view;
  g_autofree char *uuid = NULL;
  g_autofree char *text = NULL;

  make_library (fixture->file, NULL);
  window = debrief_ui_test_open_window (fixture->file);
  /* An empty library says that no report is open */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "none");

  /* Ctrl+N: a new report is created, selected and opened */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", NULL);
  report = debrief_window_get_report (window);
  g_assert_nonnull (report);
  uuid = g_strdup (debrief_report_get_uuid (report));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (debrief_window_get_library (window))),
                    ==, 1);

  view = debrief_report_editor_get_section_view (debrief_window_get_editor (window), "summary");
  debrief_ui_test_type (view, typed);
  debrief_ui_test_run_for (400);
  g_assert_cmpstr (debrief_report_editor_get_progress_text (debrief_window_get_editor (window)),
                   ==, "6 of 7 sections are still empty.");

  /* Closing the window releases the library, which saves everything */
  debrief_ui_test_close_window (window);

  window = debrief_ui_test_open_window (fixture->file);
  report = debrief_library_find_report (debrief_window_get_library (window), uuid);
  g_assert_nonnull (report);
  debrief_ui_test_show_report (window, report);
  view = debrief_report_editor_get_section_view (debrief_window_get_editor (window), "summary");
  text = view_text (view);
  g_assert_cmpstr (text, ==, typed);

  debrief_ui_test_close_window (window);
}

static gboolean
search_shows_one_hit (gpointer data)
{
  DebriefWindow *window = data;
  g_autoptr (GPtrArray) rows = visible_rows (window);

  return debrief_window_is_searching (window) && rows->len == 1 &&
         *debrief_report_row_get_snippet_text (g_ptr_array_index (rows, 0)) != '\0';
}

static gboolean
search_shows_all (gpointer data)
{
  g_autoptr (GPtrArray) rows = visible_rows (data);

  return !debrief_window_is_searching (data) && rows->len == 3;
}

static void
test_search_narrows_list (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) rows = NULL;
  DebriefWindow *window;
  DebriefReport *report;

  make_library (fixture->file, "Payment errors", "DNS outage", "Slow search", NULL);
  window = debrief_ui_test_open_window (fixture->file);

  report = find_report (window, "DNS outage");
  g_assert_true (debrief_report_ensure_loaded (report, NULL));
  debrief_section_set_body (debrief_report_get_section (report, "root-cause"),
                            "A resolver in Zürich cached a stale record for the API domain.");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (debrief_window_get_search_entry (window)), "zurich resolv");
  debrief_ui_test_run_until (search_shows_one_hit, window);

  rows = visible_rows (window);
  g_assert_true (debrief_report_row_get_report (g_ptr_array_index (rows, 0)) == report);
  g_assert_nonnull (
      strstr (debrief_report_row_get_snippet_text (g_ptr_array_index (rows, 0)), "Zürich"));
  g_assert_nonnull (strstr (debrief_report_row_get_snippet_text (g_ptr_array_index (rows, 0)),
                            "Root cause analysis"));
  debrief_ui_test_screenshot (GTK_WIDGET (window), "search");

  gtk_editable_set_text (GTK_EDITABLE (debrief_window_get_search_entry (window)), "");
  debrief_ui_test_run_until (search_shows_all, window);

  debrief_ui_test_close_window (window);
}

static GtkWidget *
find_delete_button (DebriefWindow *window, guint index)
{
  DebriefActionList *list = debrief_report_editor_get_action_list (
      debrief_window_get_editor (window));
  g_autoptr (GPtrArray) buttons = debrief_ui_test_find (
      GTK_WIDGET (debrief_action_list_get_column_view (list)), GTK_TYPE_BUTTON);
  guint seen = 0;

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (debrief_widget_get_tooltip (button), "Delete Action Item") == 0 &&
          seen++ == index)
        return button;
    }

  return NULL;
}

static void
test_delete_action_and_undo (Fixture *fixture, gconstpointer data)
{
  DebriefWindow *window;
  DebriefReport *report;
  GListModel    *actions;
  AdwToast      *toast;
  g_autoptr (DebriefActionItem) second = NULL;

  make_library (fixture->file, "Disk full on db-3", NULL);
  window = debrief_ui_test_open_window (fixture->file);
  report = find_report (window, "Disk full on db-3");
  debrief_ui_test_show_report (window, report);

  actions = debrief_report_get_actions (report);
  gtk_widget_activate_action (GTK_WIDGET (debrief_window_get_editor (window)), "editor.add-action",
                              NULL);
  gtk_widget_activate_action (GTK_WIDGET (debrief_window_get_editor (window)), "editor.add-action",
                              NULL);
  gtk_widget_activate_action (GTK_WIDGET (debrief_window_get_editor (window)), "editor.add-action",
                              NULL);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (DebriefActionItem) item = g_list_model_get_item (actions, i);
      g_autofree char *description = g_strdup_printf ("Action %u", i + 1);

      debrief_action_item_set_description (item, description);
    }
  second = g_list_model_get_item (actions, 1);
  debrief_ui_test_run_for (200);
  debrief_ui_test_screenshot (GTK_WIDGET (window), "actions");

  /* The user clicks the second row's delete button */
  g_assert_nonnull (find_delete_button (window, 1));
  g_signal_emit_by_name (find_delete_button (window, 1), "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 2);

  toast = debrief_window_get_last_toast (window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Action item deleted");

  /* …and changes their mind */
  g_signal_emit_by_name (toast, "button-clicked");
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 3);
  g_assert_true (g_list_model_get_item (actions, 1) == (gpointer) second);
  g_object_unref (second);
  g_assert_true (debrief_library_flush (debrief_window_get_library (window), NULL));

  debrief_ui_test_close_window (window);
}

static void
test_severity_changes_badge (Fixture *fixture, gconstpointer data)
{
  DebriefWindow    *window;
  DebriefReport    *report;
  DebriefReportRow *row;

  make_library (fixture->file, "Checkout latency", NULL);
  window = debrief_ui_test_open_window (fixture->file);
  report = find_report (window, "Checkout latency");
  debrief_ui_test_show_report (window, report);

  row = find_row (window, "Checkout latency");
  g_assert_cmpstr (debrief_report_row_get_severity_text (row), ==, "SEV3");

  adw_combo_row_set_selected (
      debrief_report_editor_get_severity_row (debrief_window_get_editor (window)), 0);
  g_assert_cmpint (debrief_report_get_severity (report), ==, DEBRIEF_SEVERITY_SEV1);
  g_assert_cmpstr (debrief_report_row_get_severity_text (row), ==, "SEV1");

  debrief_ui_test_close_window (window);
}

static GtkButton *
find_button (GtkWidget *root, const char *label)
{
  g_autoptr (GPtrArray) buttons = debrief_ui_test_find (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);

  return NULL;
}

static gboolean
widget_visible (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
widget_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

/* The incident start is picked from a calendar in the report's zone; a
 * time that does not exist there (the spring-forward gap) is refused. */
static void
test_start_time_from_calendar (Fixture *fixture, gconstpointer data)
{
  DebriefWindow         *window;
  DebriefReport         *report;
  DebriefDatetimeButton *start;
  GtkMenuButton         *menu_button;
  GtkPopover            *popover;
  GtkCalendar           *calendar;
  g_autoptr (GPtrArray) spins = NULL;
  g_autoptr (GDateTime) day = NULL;
  g_autoptr (GTimeZone) zone = NULL;
  GtkLabel *error_label = NULL;
  gint64    expected;

  make_library (fixture->file, "Queue backlog", NULL);
  window = debrief_ui_test_open_window (fixture->file);
  report = find_report (window, "Queue backlog");
  g_assert_true (debrief_report_set_timezone (report, "America/New_York", NULL));
  debrief_ui_test_show_report (window, report);

  start = DEBRIEF_DATETIME_BUTTON (debrief_ui_test_find_first (
      GTK_WIDGET (debrief_window_get_editor (window)), DEBRIEF_TYPE_DATETIME_BUTTON));
  g_assert_cmpstr (debrief_datetime_button_get_label (start), ==, "Not set");

  /* Nothing of the popover exists until it is opened */
  g_assert_null (debrief_ui_test_find_first (GTK_WIDGET (start), GTK_TYPE_CALENDAR));
  menu_button = GTK_MENU_BUTTON (
      debrief_ui_test_find_first (GTK_WIDGET (start), GTK_TYPE_MENU_BUTTON));
  gtk_menu_button_popup (menu_button);
  popover = gtk_menu_button_get_popover (menu_button);
  g_assert_nonnull (popover);
  debrief_ui_test_run_until (widget_visible, popover);

  calendar = GTK_CALENDAR (debrief_ui_test_find_first (GTK_WIDGET (popover), GTK_TYPE_CALENDAR));
  zone = g_time_zone_new_identifier ("America/New_York");
  day = g_date_time_new (zone, 2026, 3, 8, 12, 0, 0);
  gtk_calendar_select_day (calendar, day);
  spins = debrief_ui_test_find (GTK_WIDGET (popover), GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpuint (spins->len, ==, 2);
  gtk_spin_button_set_value (g_ptr_array_index (spins, 0), 2);
  gtk_spin_button_set_value (g_ptr_array_index (spins, 1), 30);

  g_signal_emit_by_name (find_button (GTK_WIDGET (popover), "_Set"), "clicked");
  g_assert_cmpint (debrief_report_get_started_at (report), ==, DEBRIEF_TIME_UNSET);
  {
    g_autoptr (GPtrArray) labels = debrief_ui_test_find (GTK_WIDGET (popover), GTK_TYPE_LABEL);

    for (guint i = 0; i < labels->len; i++)
      if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "error"))
        error_label = g_ptr_array_index (labels, i);
  }
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_label (error_label), "America/New_York"));

  gtk_spin_button_set_value (g_ptr_array_index (spins, 0), 3);
  g_signal_emit_by_name (find_button (GTK_WIDGET (popover), "_Set"), "clicked");
  debrief_ui_test_run_until (widget_hidden, popover);

  g_assert_true (
      debrief_time_from_local ("America/New_York", 2026, 3, 8, 3, 30, 0, &expected, NULL));
  g_assert_cmpint (debrief_report_get_started_at (report), ==, expected);
  g_assert_cmpstr (debrief_datetime_button_get_label (start), ==, "2026-03-08 03:30 EDT");

  debrief_ui_test_close_window (window);
}

/* Ctrl+? shows the shortcuts window, built when it is first asked for,
 * with the accelerators the application really uses */
static void
test_shortcuts_window (Fixture *fixture, gconstpointer data)
{
  DebriefWindow *window;
  GtkWindow     *shortcuts;
  g_autoptr (GPtrArray) entries = NULL;
  gboolean found = FALSE;

  make_library (fixture->file, "Cache stampede", NULL);
  window = debrief_ui_test_open_window (fixture->file);
  g_assert_null (debrief_ui_test_find_dialog (GTK_TYPE_SHORTCUTS_WINDOW));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  shortcuts = debrief_ui_test_find_dialog (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
  debrief_ui_test_run_until (widget_visible, shortcuts);

  entries = debrief_ui_test_find (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SHORTCUT);
  g_assert_cmpuint (entries->len, >=, 10);
  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *action = NULL;
      g_autofree char *title = NULL;

      g_object_get (g_ptr_array_index (entries, i), "action-name", &action, "title", &title, NULL);
      if (g_strcmp0 (action, "win.new-report") == 0)
        {
          g_autoptr (GPtrArray)
              labels = debrief_ui_test_find (g_ptr_array_index (entries, i), GTK_TYPE_LABEL);
          GString *shown = g_string_new (NULL);

          for (guint j = 0; j < labels->len; j++)
            g_string_append (shown, gtk_label_get_label (g_ptr_array_index (labels, j)));
          g_assert_nonnull (strstr (shown->str, "Ctrl"));
          g_assert_nonnull (strstr (shown->str, "N"));
          g_string_free (shown, TRUE);
          found = TRUE;
        }
    }
  g_assert_true (found);
  debrief_ui_test_screenshot (GTK_WIDGET (shortcuts), "shortcuts");

  /* Closing hides it; the next Ctrl+? shows the same window again */
  gtk_window_close (shortcuts);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (debrief_ui_test_find_dialog (GTK_TYPE_SHORTCUTS_WINDOW) == shortcuts);

  debrief_ui_test_close_window (window);
  g_assert_null (debrief_ui_test_find_dialog (GTK_TYPE_SHORTCUTS_WINDOW));
}

/* Whether the text at the first @word of @buffer is drawn with a style
 * that sets @property (a boolean "-set" property of GtkTextTag) */
static gboolean
word_styled (GtkTextBuffer *buffer, const char *word, const char *property)
{
  GtkTextIter start, match, end;
  GSList     *tags;
  gboolean    styled = FALSE;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, word, 0, &match, &end, NULL));
  tags = gtk_text_iter_get_tags (&match);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      gboolean set = FALSE;

      g_object_get (l->data, property, &set, NULL);
      styled = styled || set;
    }
  g_slist_free (tags);

  return styled;
}

/* Section text is highlighted as Markdown by the project's own language
 * definition (GtkSourceView's takes several times longer to load) */
static void
test_markdown_is_highlighted (Fixture *fixture, gconstpointer data)
{
  DebriefWindow   *window;
  GtkTextView     *view;
  GtkSourceBuffer *buffer;
  GtkTextIter      start, end;

  make_library (fixture->file, "Disk pressure", NULL);
  window = debrief_ui_test_open_window (fixture->file);
  debrief_ui_test_show_report (window, find_report (window, "Disk pressure"));

  view = debrief_report_editor_get_section_view (debrief_window_get_editor (window), "summary");
  buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (view));
  g_assert_cmpstr (gtk_source_language_get_id (gtk_source_buffer_get_language (buffer)), ==,
                   "debrief-markdown");

  debrief_ui_test_type (view, "## Cause\nThe **quota** was *stale*; see `df -h` and "
                              "[the runbook](https://example.org/rb). A 2 * 3 grid.\n"
                              "```kubectl rollout undo```\nback to normal");
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &start, &end);
  gtk_source_buffer_ensure_highlight (buffer, &start, &end);

  g_assert_true (word_styled (GTK_TEXT_BUFFER (buffer), "Cause", "weight-set"));
  g_assert_true (word_styled (GTK_TEXT_BUFFER (buffer), "quota", "weight-set"));
  g_assert_true (word_styled (GTK_TEXT_BUFFER (buffer), "stale", "style-set"));
  g_assert_true (word_styled (GTK_TEXT_BUFFER (buffer), "df -h", "foreground-set"));
  g_assert_true (word_styled (GTK_TEXT_BUFFER (buffer), "the runbook", "foreground-set"));
  g_assert_true (word_styled (GTK_TEXT_BUFFER (buffer), "example.org", "foreground-set"));
  /* Plain prose stays plain: a lone asterisk is not emphasis */
  g_assert_false (word_styled (GTK_TEXT_BUFFER (buffer), "was", "style-set"));
  g_assert_false (word_styled (GTK_TEXT_BUFFER (buffer), "3 grid", "style-set"));
  /* Backticks on one line are a code span, not a fence that colours the
   * rest of the section */
  g_assert_true (word_styled (GTK_TEXT_BUFFER (buffer), "kubectl", "foreground-set"));
  g_assert_false (word_styled (GTK_TEXT_BUFFER (buffer), "normal", "foreground-set"));

  debrief_ui_test_close_window (window);
}

/* Reports are read on a worker thread: choosing another one while the
 * first is still being read shows the last one chosen, and only it */
static void
test_last_chosen_report_wins (Fixture *fixture, gconstpointer data)
{
  DebriefWindow *window;
  DebriefReport *shown, *first = NULL, *second = NULL;
  GListModel    *reports;

  make_library (fixture->file, "Cert expiry", "Queue stall", "Disk full", NULL);
  window = debrief_ui_test_open_window (fixture->file);
  shown = debrief_window_get_report (window);
  g_assert_nonnull (shown);

  /* The two reports not open, neither read yet */
  reports = G_LIST_MODEL (debrief_window_get_library (window));
  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr (DebriefReport) report = g_list_model_get_item (reports, i);

      if (report == shown)
        continue;
      g_assert_false (debrief_report_is_loaded (report));
      if (first == NULL)
        first = report;
      else
        second = report;
    }
  g_assert_nonnull (second);

  debrief_window_select_report (window, first);
  debrief_window_select_report (window, second);
  /* Until it is read, nothing of the report that was open is shown or
   * exported, deleted or renamed by mistake */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "blank");
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (window->report_menu_button)));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL) &&
                  debrief_ui_test_find_dialog (DEBRIEF_TYPE_EXPORT_DIALOG) != NULL);

  debrief_ui_test_show_report (window, second);
  debrief_ui_test_run_for (200);
  g_assert_true (debrief_window_get_report (window) == second);
  g_assert_cmpstr (gtk_label_get_label (window->title_label), ==,
                   debrief_report_get_title (second));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "editor");

  debrief_ui_test_close_window (window);
}

/* In a list longer than a screenful, a filter that still shows the open
 * report keeps it selected */
static void
test_filter_keeps_selection (Fixture *fixture, gconstpointer data)
{
  DebriefLibrary *library = debrief_test_open_library (fixture->file);
  DebriefWindow  *window;
  g_autoptr (DebriefReport) report = NULL;

  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *title = g_strdup_printf ("Incident %u", i);

      g_assert_nonnull (debrief_library_create_report (library, title, NULL));
    }
  g_assert_true (debrief_library_flush (library, NULL));
  g_assert_finalize_object (library);

  /* One far down the list */
  window = debrief_ui_test_open_window (fixture->file);
  report = g_list_model_get_item (G_LIST_MODEL (debrief_window_get_library (window)), 100);
  debrief_ui_test_show_report (window, report);
  debrief_ui_test_run_for (300);
  g_assert_cmpuint (gtk_single_selection_get_selected (window->selection), ==, 100);

  /* Every report is a draft: the filter hides none */
  gtk_drop_down_set_selected (window->status_filter, 1 + DEBRIEF_STATUS_DRAFT);
  debrief_ui_test_run_for (300);
  g_assert_true (gtk_single_selection_get_selected_item (window->selection) == (gpointer) report);
  g_assert_true (debrief_window_get_report (window) == report);

  debrief_ui_test_close_window (window);
}

static gboolean
leaflet_folded (gpointer data)
{
  return adw_leaflet_get_folded (debrief_window_get_leaflet (data));
}

static void
test_narrow_window_folds (Fixture *fixture, gconstpointer data)
{
  DebriefWindow *window;
  AdwLeaflet    *leaflet;

  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  make_library (fixture->file, "Queue backlog", NULL);
  window = debrief_ui_test_open_window (fixture->file);
  g_assert_false (adw_leaflet_get_folded (debrief_window_get_leaflet (window)));
  debrief_ui_test_close_window (window);

  /* The window opens at the size it was closed at */
  g_settings_set_int (settings, "window-width", 480);
  window = debrief_ui_test_open_window (fixture->file);
  leaflet = debrief_window_get_leaflet (window);
  debrief_ui_test_run_until (leaflet_folded, window);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (debrief_window_get_search_entry (window)),
                                         adw_leaflet_get_visible_child (leaflet)));

  /* One pane at a time: opening a report shows the editor, Back the list */
  debrief_ui_test_show_report (window, find_report (window, "Queue backlog"));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (debrief_window_get_editor (window)),
                                         adw_leaflet_get_visible_child (leaflet)));
  debrief_ui_test_screenshot (GTK_WIDGET (window), "narrow-editor");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-list", NULL);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (debrief_window_get_search_entry (window)),
                                         adw_leaflet_get_visible_child (leaflet)));

  debrief_ui_test_close_window (window);
  g_settings_reset (settings, "window-width");
}

static gboolean
message_dialog_shown (gpointer data)
{
  return debrief_ui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
close_dialog (AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, adw_message_dialog_get_close_response (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  debrief_ui_test_run_for (50);
}

static void
test_damaged_library_shows_dialog (Fixture *fixture, gconstpointer data)
{
  g_autofree char  *path = g_file_get_path (fixture->file);
  g_autofree char  *before = NULL;
  g_autofree char  *after = NULL;
  guint8            noise[8192];
  AdwMessageDialog *dialog;
  DebriefWindow    *window;

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_random_int ();
  debrief_test_write_file (path, noise, sizeof noise);
  before = debrief_test_sha256_file (path);

  window = DEBRIEF_WINDOW (
      debrief_application_new_window (debrief_ui_test_get_app (), fixture->file));
  debrief_ui_test_run_until (message_dialog_shown, NULL);

  dialog = ADW_MESSAGE_DIALOG (debrief_ui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open the Library");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "is not a Debrief library"));
  g_assert_true (adw_message_dialog_has_response (dialog, "open"));
  g_assert_true (adw_message_dialog_has_response (dialog, "default"));
  g_assert_null (debrief_window_get_library (window));
  debrief_ui_test_screenshot (GTK_WIDGET (dialog), "open-error");
  close_dialog (dialog);

  after = debrief_test_sha256_file (path);
  g_assert_cmpstr (before, ==, after);

  debrief_ui_test_close_window (window);
}

static gboolean
export_dialog_shown (gpointer data)
{
  return debrief_ui_test_find_dialog (DEBRIEF_TYPE_EXPORT_DIALOG) != NULL;
}

/* A window on a report, whose library another program then locks, and an
 * edit to it: the "Changes Cannot Be Saved" dialog is up */
static DebriefWindow *
open_locked (Fixture *fixture, DebriefReport **report, sqlite3 **other)
{
  g_autofree char *path = g_file_get_path (fixture->file);
  DebriefWindow   *window;

  make_library (fixture->file, "Certificate expiry", NULL);
  window = debrief_ui_test_open_window (fixture->file);
  *report = find_report (window, "Certificate expiry");
  debrief_ui_test_show_report (window, *report);
  /* Each save fails sooner than the five seconds a user's would take */
  debrief_store_set_busy_timeout (_debrief_library_get_store (debrief_window_get_library (window)),
                                  250);

  g_assert_cmpint (sqlite3_open (path, other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (*other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  adw_combo_row_set_selected (
      debrief_report_editor_get_severity_row (debrief_window_get_editor (window)), 1);
  debrief_ui_test_run_until (message_dialog_shown, NULL);

  return window;
}

static void
test_locked_library_shows_dialog (Fixture *fixture, gconstpointer data)
{
  AdwMessageDialog *dialog;
  DebriefWindow    *window;
  DebriefReport    *report;
  sqlite3          *other = NULL;
  sqlite3_stmt     *stmt = NULL;

  window = open_locked (fixture, &report, &other);

  dialog = ADW_MESSAGE_DIALOG (debrief_ui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Changes Cannot Be Saved");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "locked by another program"));
  /* The open report can be kept elsewhere meanwhile */
  g_assert_true (adw_message_dialog_has_response (dialog, "export"));
  adw_message_dialog_response (dialog, "export");
  debrief_ui_test_run_until (export_dialog_shown, NULL);
  gtk_window_close (debrief_ui_test_find_dialog (DEBRIEF_TYPE_EXPORT_DIALOG));
  debrief_ui_test_run_for (100);

  /* Nothing was lost: once the lock is gone, the change is written */
  g_assert_cmpint (debrief_report_get_severity (report), ==, DEBRIEF_SEVERITY_SEV2);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  g_assert_true (debrief_library_flush (debrief_window_get_library (window), NULL));

  g_assert_cmpint (sqlite3_prepare_v2 (other, "SELECT severity FROM reports", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "sev2");
  sqlite3_finalize (stmt);
  sqlite3_close (other);

  debrief_ui_test_close_window (window);
}

static void
weak_notify_cb (gpointer data, GObject *where_the_object_was)
{
  *(gboolean *) data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Closing a window whose changes cannot be saved asks first */
static void
test_close_with_unsaved_changes_asks (Fixture *fixture, gconstpointer data)
{
  AdwMessageDialog *dialog;
  DebriefWindow    *window;
  DebriefReport    *report;
  sqlite3          *other = NULL;
  sqlite3_stmt     *stmt = NULL;
  gboolean          gone = FALSE;

  window = open_locked (fixture, &report, &other);
  close_dialog (ADW_MESSAGE_DIALOG (debrief_ui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG)));

  /* Opening another library asks too, and keeps this one if told to */
  {
    g_autoptr (GFile) elsewhere = debrief_test_file (fixture->dir, "other.debrief");
    DebriefLibrary *library = debrief_window_get_library (window);

    _debrief_window_open_library_file (window, elsewhere);
    debrief_ui_test_run_until (message_dialog_shown, NULL);
    dialog = ADW_MESSAGE_DIALOG (debrief_ui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "open another library"));
    close_dialog (dialog);
    g_assert_true (debrief_window_get_library (window) == library);
  }

  /* Closing tries once more, then asks; the window stays meanwhile */
  g_object_weak_ref (G_OBJECT (window), weak_notify_cb, &gone);
  gtk_window_close (GTK_WINDOW (window));
  debrief_ui_test_run_until (message_dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (debrief_ui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Changes Cannot Be Saved");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "locked by another program"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "are lost"));
  g_assert_true (adw_message_dialog_has_response (dialog, "export"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  debrief_ui_test_screenshot (GTK_WIDGET (dialog), "close-unsaved");
  close_dialog (dialog);
  g_assert_false (gone);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* A question that goes away unanswered leaves the window as it was */
  gtk_window_close (GTK_WINDOW (window));
  debrief_ui_test_run_until (message_dialog_shown, NULL);
  gtk_window_destroy (debrief_ui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG));
  debrief_ui_test_run_for (50);
  g_assert_false (gone);

  /* Asked again, the user lets the changes go */
  gtk_window_close (GTK_WINDOW (window));
  debrief_ui_test_run_until (message_dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (debrief_ui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  debrief_ui_test_run_until (is_true, &gone);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  g_assert_cmpint (sqlite3_prepare_v2 (other, "SELECT severity FROM reports", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), !=, "sev2");
  sqlite3_finalize (stmt);
  sqlite3_close (other);
}

static gboolean
shows_library (gpointer data)
{
  DebriefWindow  *window = data;
  GFile          *wanted = g_object_get_data (G_OBJECT (window), "wanted");
  DebriefLibrary *library = debrief_window_get_library (window);

  return library != NULL && g_file_equal (debrief_library_get_file (library), wanted);
}

static void
test_open_another_library (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GFile) other = debrief_test_file (fixture->dir, "other.debrief");
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *other_path = g_file_get_path (other);
  g_autofree char *remembered = NULL;
  DebriefWindow   *window;

  make_library (fixture->file, "Alpha outage", NULL);
  make_library (other, "Beta outage", NULL);

  window = debrief_ui_test_open_window (fixture->file);
  g_assert_nonnull (find_row (window, "Alpha outage"));

  /* What Open Library… does with the file the user chose */
  g_object_set_data (G_OBJECT (window), "wanted", other);
  _debrief_window_open_library_file (window, other);
  debrief_ui_test_run_until (shows_library, window);
  debrief_ui_test_run_for (150);

  g_assert_nonnull (find_row (window, "Beta outage"));
  g_assert_null (find_row (window, "Alpha outage"));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->library_title), ==, "other.debrief");

  /* The library is remembered for the next start */
  remembered = g_settings_get_string (settings, "last-library");
  g_assert_cmpstr (remembered, ==, other_path);
  debrief_ui_test_close_window (window);

  window = debrief_ui_test_open_window (NULL);
  g_assert_nonnull (find_row (window, "Beta outage"));
  debrief_ui_test_close_window (window);

  g_settings_reset (settings, "last-library");
}

int
main (int argc, char *argv[])
{
  debrief_ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("sidebar-lists-reports", test_sidebar_lists_reports);
  ADD ("typed-text-survives-reopening", test_typed_text_survives_reopening);
  ADD ("search-narrows-list", test_search_narrows_list);
  ADD ("delete-action-and-undo", test_delete_action_and_undo);
  ADD ("severity-changes-badge", test_severity_changes_badge);
  ADD ("narrow-window-folds", test_narrow_window_folds);
  ADD ("start-time-from-calendar", test_start_time_from_calendar);
  ADD ("shortcuts-window", test_shortcuts_window);
  ADD ("markdown-is-highlighted", test_markdown_is_highlighted);
  ADD ("last-chosen-report-wins", test_last_chosen_report_wins);
  ADD ("filter-keeps-selection", test_filter_keeps_selection);
  ADD ("damaged-library-shows-dialog", test_damaged_library_shows_dialog);
  ADD ("locked-library-shows-dialog", test_locked_library_shows_dialog);
  ADD ("close-with-unsaved-changes-asks", test_close_with_unsaved_changes_asks);
  ADD ("open-another-library", test_open_another_library);

#undef ADD

  return debrief_ui_test_finish (g_test_run ());
}
