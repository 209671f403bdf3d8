/* test-export.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <poppler.h>
#include <string.h>

#include "debrief-export-dialog.h"
#include "debrief-ui-test.h"

typedef struct
{
  char          *dir;
  GFile         *file;
  DebriefWindow *window;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  DebriefLibrary *library;
  DebriefReport  *report;

  fixture->dir = debrief_test_make_dir ();
  fixture->file = debrief_test_file (fixture->dir, "export.debrief");

  library = debrief_test_open_library (fixture->file);
  report = debrief_library_create_report (library, "Payment API errors", NULL);
  debrief_report_set_lead (report, "Dana Example");
  debrief_section_set_body (debrief_report_get_section (report, "summary"),
                            "Card payments failed for **twelve minutes** after a certificate "
                            "expired on the payment gateway.");
  debrief_section_set_body (debrief_report_get_section (report, "root-cause"),
                            "1. The certificate was renewed by hand.\n2. The reminder went to a "
                            "mailbox nobody reads.");
  g_assert_true (debrief_library_flush (library, NULL));
  g_assert_finalize_object (library);

  fixture->window = debrief_ui_test_open_window (fixture->file);
  g_assert_nonnull (debrief_window_get_report (fixture->window));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  debrief_ui_test_close_window (fixture->window);
  debrief_test_remove_dir (fixture->dir);
  g_clear_object (&fixture->file);
  g_free (fixture->dir);
}

static gboolean
dialog_shown (gpointer data)
{
  return debrief_ui_test_find_dialog (DEBRIEF_TYPE_EXPORT_DIALOG) != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return debrief_ui_test_find_dialog (DEBRIEF_TYPE_EXPORT_DIALOG) == NULL;
}

static gboolean
preview_has_pages (gpointer data)
{
  DebriefExportDialog *dialog = data;

  return debrief_export_dialog_get_n_pages (dialog) > 0 &&
         debrief_export_dialog_get_n_preview_pages (dialog) ==
             debrief_export_dialog_get_n_pages (dialog);
}

static gboolean
not_exporting (gpointer data)
{
  return !debrief_export_dialog_get_exporting (data);
}

static gboolean
message_dialog_shown (gpointer data)
{
  return debrief_ui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static DebriefExportDialog *
open_dialog (Fixture *fixture)
{
  DebriefExportDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL);
  debrief_ui_test_run_until (dialog_shown, NULL);
  dialog = DEBRIEF_EXPORT_DIALOG (debrief_ui_test_find_dialog (DEBRIEF_TYPE_EXPORT_DIALOG));
  debrief_ui_test_run_until (preview_has_pages, dialog);

  return dialog;
}

static void
test_export_pdf (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GFile) pdf = debrief_test_file (fixture->dir, "payment.pdf");
  PopplerDocument *document = NULL;
  PopplerPage     *page = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char     *uri = g_file_get_uri (pdf);
  g_autofree char     *text = NULL;
  DebriefExportDialog *dialog = open_dialog (fixture);

  g_assert_cmpuint (debrief_export_dialog_get_n_pages (dialog), >=, 1);
  debrief_ui_test_screenshot (GTK_WIDGET (dialog), "export-dialog");

  debrief_export_dialog_select (dialog, "full", DEBRIEF_EXPORT_FORMAT_PDF);
  debrief_export_dialog_export_to (dialog, pdf);
  debrief_ui_test_run_until (dialog_gone, NULL);

  /* The window says where the file went */
  g_assert_nonnull (strstr (adw_toast_get_title (debrief_window_get_last_toast (fixture->window)),
                            "payment.pdf"));

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "Payment API errors"));
  g_assert_nonnull (strstr (text, "twelve minutes"));
  g_object_unref (page);
  g_object_unref (document);
}

static void
test_customer_profile_leaves_out_names (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GFile) md = debrief_test_file (fixture->dir, "customer.md");
  g_autofree char     *path = g_file_get_path (md);
  g_autofree char     *contents = NULL;
  DebriefExportDialog *dialog = open_dialog (fixture);

  debrief_export_dialog_select (dialog, "customer", DEBRIEF_EXPORT_FORMAT_MARKDOWN);
  debrief_export_dialog_export_to (dialog, md);
  debrief_ui_test_run_until (dialog_gone, NULL);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Payment API errors"));
  g_assert_null (strstr (contents, "Dana Example"));
}

/* The label on show in @dialog that says @needle, or NULL */
static GtkLabel *
find_label (GtkWidget *dialog, const char *needle)
{
  g_autoptr (GPtrArray) labels = debrief_ui_test_find (dialog, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (strstr (gtk_label_get_label (label), needle) != NULL)
        return label;
    }

  return NULL;
}

static gboolean
preview_is_text (gpointer data)
{
  /* Only a text view on show is found */
  GtkWidget *view = debrief_ui_test_find_first (data, GTK_TYPE_TEXT_VIEW);

  return view != NULL &&
         gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view))) > 0;
}

static void
test_missing_characters_are_named (Fixture *fixture, gconstpointer data)
{
  DebriefReport       *report = debrief_window_get_report (fixture->window);
  DebriefExportDialog *dialog;

  /* A character no font has, in a private use area */
  debrief_section_set_body (debrief_report_get_section (report, "impact"),
                            "Shown as a box: \U0010FFFD.");
  dialog = open_dialog (fixture);
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "U+10FFFD"));
  debrief_ui_test_screenshot (GTK_WIDGET (dialog), "export-dialog-missing");

  /* Markdown has no fonts to miss */
  debrief_export_dialog_select (dialog, "full", DEBRIEF_EXPORT_FORMAT_MARKDOWN);
  debrief_ui_test_run_until (preview_is_text, dialog);
  g_assert_null (find_label (GTK_WIDGET (dialog), "U+10FFFD"));

  gtk_window_close (GTK_WINDOW (dialog));
  debrief_ui_test_run_until (dialog_gone, NULL);
}

static void
test_failed_export_says_why (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GFile) pdf = debrief_test_file (fixture->dir, "missing-folder/report.pdf");
  DebriefExportDialog *dialog = open_dialog (fixture);
  AdwMessageDialog    *message;

  debrief_export_dialog_export_to (dialog, pdf);
  debrief_ui_test_run_until (message_dialog_shown, NULL);

  message = ADW_MESSAGE_DIALOG (debrief_ui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Export Failed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "report.pdf"));
  gtk_window_destroy (GTK_WINDOW (message));

  /* Nothing half-written, and the dialog stays for another try */
  g_assert_false (g_file_query_exists (pdf, NULL));
  g_assert_nonnull (debrief_ui_test_find_dialog (DEBRIEF_TYPE_EXPORT_DIALOG));
  debrief_export_dialog_cancel (dialog);
  debrief_ui_test_run_until (dialog_gone, NULL);
}

/* Enough pages that an export is still under way when it is cancelled */
static void
add_many_entries (DebriefReport *report)
{
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *text = g_strdup_printf ("Step %u of the recovery, with a few words", i);
      g_autoptr (DebriefTimelineEntry) entry = debrief_timeline_entry_new (
          1795000000 + i * 60, DEBRIEF_TIME_PRECISION_MINUTE, DEBRIEF_ENTRY_KIND_ACTION, text);

      debrief_report_insert_timeline_entry (report, G_MAXUINT, entry);
    }
}

static void
test_cancelled_export_leaves_nothing (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GFile) pdf = debrief_test_file (fixture->dir, "cancelled.pdf");
  DebriefExportDialog *dialog;

  add_many_entries (debrief_window_get_report (fixture->window));
  dialog = open_dialog (fixture);

  debrief_export_dialog_export_to (dialog, pdf);
  g_assert_true (debrief_export_dialog_get_exporting (dialog));
  debrief_export_dialog_cancel (dialog);
  debrief_ui_test_run_until (not_exporting, dialog);

  g_assert_false (g_file_query_exists (pdf, NULL));
  debrief_export_dialog_cancel (dialog);
  debrief_ui_test_run_until (dialog_gone, NULL);
}

/* JSON holds the whole report: choosing it picks the full profile and
 * leaves no other to choose */
static void
test_json_holds_the_whole_report (Fixture *fixture, gconstpointer data)
{
  DebriefExportDialog *dialog = open_dialog (fixture);
  GtkWidget           *profile_row = GTK_WIDGET (gtk_widget_get_template_child (
                GTK_WIDGET (dialog), DEBRIEF_TYPE_EXPORT_DIALOG, "profile_row"));

  debrief_export_dialog_select (dialog, "leadership", DEBRIEF_EXPORT_FORMAT_PDF);
  g_assert_true (gtk_widget_get_sensitive (profile_row));

  debrief_export_dialog_select (dialog, "leadership", DEBRIEF_EXPORT_FORMAT_JSON);
  g_assert_cmpstr (debrief_export_options_get_profile (debrief_export_dialog_get_options (dialog)),
                   ==, "full");
  g_assert_false (gtk_widget_get_sensitive (profile_row));
  debrief_ui_test_run_until (preview_has_pages, dialog);
  debrief_ui_test_screenshot (GTK_WIDGET (dialog), "export-json");

  debrief_export_dialog_select (dialog, "customer", DEBRIEF_EXPORT_FORMAT_MARKDOWN);
  g_assert_true (gtk_widget_get_sensitive (profile_row));
  g_assert_cmpstr (debrief_export_options_get_profile (debrief_export_dialog_get_options (dialog)),
                   ==, "customer");

  debrief_export_dialog_cancel (dialog);
  debrief_ui_test_run_until (dialog_gone, NULL);
}

/* Closing the dialog (Escape) while it exports cancels the export */
static void
test_closing_cancels_export (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GFile) pdf = debrief_test_file (fixture->dir, "closed.pdf");
  g_autoptr (DebriefExportDialog) dialog = NULL;

  add_many_entries (debrief_window_get_report (fixture->window));
  dialog = g_object_ref (open_dialog (fixture));

  debrief_export_dialog_export_to (dialog, pdf);
  g_assert_true (debrief_export_dialog_get_exporting (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  debrief_ui_test_run_until (dialog_gone, NULL);
  debrief_ui_test_run_until (not_exporting, dialog);

  g_assert_false (g_file_query_exists (pdf, NULL));
  g_assert_null (debrief_window_get_last_toast (fixture->window));
}

int
main (int argc, char *argv[])
{
  debrief_ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/export/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("pdf", test_export_pdf);
  ADD ("missing-characters-are-named", test_missing_characters_are_named);
  ADD ("customer-profile-leaves-out-names", test_customer_profile_leaves_out_names);
  ADD ("failed-export-says-why", test_failed_export_says_why);
  ADD ("cancelled-export-leaves-nothing", test_cancelled_export_leaves_nothing);
  ADD ("json-holds-the-whole-report", test_json_holds_the_whole_report);
  ADD ("closing-cancels-export", test_closing_cancels_export);

#undef ADD

  return debrief_ui_test_finish (g_test_run ());
}
