/* test-window.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "debrief-application.h"
#include "debrief-report-row.h"
#include "debrief-test-util.h"
#include "debrief-window.h"

static DebriefApplication *app;

static void
collect_widgets (GtkWidget *widget, GType type, GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_mapped (child))
        g_ptr_array_add (found, child);
      collect_widgets (child, type, found);
    }
}

static GPtrArray *
find_widgets (GtkWidget *root, GType type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (root, type, found);
  return found;
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_until (gboolean (*condition) (gpointer), gpointer data)
{
  gboolean timed_out = FALSE;
  guint    id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
run_for (guint ms)
{
  gboolean timed_out = FALSE;

  g_timeout_add (ms, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
window_has_library (gpointer data)
{
  return debrief_window_get_library (data) != NULL;
}

static DebriefWindow *
open_window (GFile *file)
{
  DebriefWindow *window = DEBRIEF_WINDOW (debrief_application_new_window (app, file));

  run_until (window_has_library, window);
  run_for (100);

  return window;
}

static void
close_window (DebriefWindow *window)
{
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  run_for (50);
  g_assert_finalize_object (window);
}

static void
test_sidebar_lists_reports (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "three.debrief");
  const char     *titles[] = { "Payment errors", "DNS outage", "Slow search" };
  DebriefLibrary *library = debrief_test_open_library (file);
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  DebriefWindow *window;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_nonnull (debrief_library_create_report (library, titles[i], NULL));
  g_assert_true (debrief_library_flush (library, NULL));
  g_assert_finalize_object (library);

  window = open_window (file);
  rows = find_widgets (GTK_WIDGET (debrief_window_get_report_list (window)),
                       DEBRIEF_TYPE_REPORT_ROW);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    g_hash_table_add (shown, (char *) debrief_report_get_title (
                                 debrief_report_row_get_report (g_ptr_array_index (rows, i))));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_true (g_hash_table_contains (shown, titles[i]));

  close_window (window);
  debrief_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  app = debrief_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/sidebar-lists-reports", test_sidebar_lists_reports);

  ret = g_test_run ();

  g_object_unref (app);

  return ret;
}
