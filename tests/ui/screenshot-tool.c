/* screenshot-tool.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "debrief-export-dialog.h"
#include "debrief-ui-test.h"
#include "debrief-window-private.h"

/* Renders the screenshots for the README and the AppStream metainfo:
 *
 *   debrief-screenshot-tool OUTPUT-DIR SUFFIX
 *
 * It opens the default library (the caller points XDG_DATA_HOME at an
 * empty folder, so it holds the example report) and saves the window as
 * the user sees it. The colour scheme comes from ADW_DEBUG_COLOR_SCHEME. */

static const char *output;
static const char *suffix;

static void
save (GtkWidget *widget, const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s%s", name, suffix);

  g_setenv ("DEBRIEF_TEST_SCREENSHOTS", output, TRUE);
  debrief_ui_test_run_for (600);
  debrief_ui_test_screenshot (widget, file);
  g_print ("%s/%s.png\n", output, file);
}

static gboolean
preview_ready (gpointer data)
{
  DebriefExportDialog *dialog = data;

  return debrief_export_dialog_get_n_preview_pages (dialog) >= 2 ||
         (debrief_export_dialog_get_n_pages (dialog) > 0 &&
          debrief_export_dialog_get_n_preview_pages (dialog) ==
              debrief_export_dialog_get_n_pages (dialog));
}

static gboolean
dialog_shown (gpointer data)
{
  return debrief_ui_test_find_dialog (DEBRIEF_TYPE_EXPORT_DIALOG) != NULL;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GSettings) settings = NULL;
  DebriefExportDialog *dialog;
  DebriefWindow       *window;

  if (argc != 3)
    {
      g_printerr ("Usage: %s OUTPUT-DIR SUFFIX\n", argv[0]);
      return 2;
    }
  output = argv[1];
  suffix = argv[2];
  argc = 1;

  debrief_ui_test_init (&argc, &argv);
  settings = g_settings_new (APP_ID);

  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 820);
  window = debrief_ui_test_open_window (NULL);
  save (GTK_WIDGET (window), "main");

  adw_view_stack_set_visible_child_name (window->report_views, "timeline");
  save (GTK_WIDGET (window), "timeline");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  debrief_ui_test_run_until (dialog_shown, NULL);
  dialog = DEBRIEF_EXPORT_DIALOG (debrief_ui_test_find_dialog (DEBRIEF_TYPE_EXPORT_DIALOG));
  debrief_ui_test_run_until (preview_ready, dialog);
  save (GTK_WIDGET (dialog), "export");
  gtk_window_destroy (GTK_WINDOW (dialog));
  debrief_ui_test_close_window (window);

  g_settings_set_int (settings, "window-width", 360);
  window = debrief_ui_test_open_window (NULL);
  save (GTK_WIDGET (window), "narrow");
  debrief_ui_test_close_window (window);

  return debrief_ui_test_finish (0);
}
