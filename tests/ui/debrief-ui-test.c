/* debrief-ui-test.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-ui-test"

#include "config.h"

#include "debrief-ui-test.h"

/* Helpers for tests that drive the real windows under Xvfb. */

static DebriefApplication *app;

void
debrief_ui_test_init (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;

  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();

  app = debrief_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
}

DebriefApplication *
debrief_ui_test_get_app (void)
{
  return app;
}

int
debrief_ui_test_finish (int status)
{
  g_clear_object (&app);
  return status;
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds, failing after 20 s. */
void
debrief_ui_test_run_until (DebriefUiCondition condition, gpointer data)
{
  gboolean timed_out = FALSE;
  guint    id = g_timeout_add_seconds (20, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

void
debrief_ui_test_run_for (guint ms)
{
  gboolean timed_out = FALSE;

  g_timeout_add (ms, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

/* The library is shown and, with room for both panes, its newest report
 * is open (it is read on a worker thread) */
static gboolean
window_settled (gpointer data)
{
  DebriefLibrary *library = debrief_window_get_library (data);

  return library != NULL && (g_list_model_get_n_items (G_LIST_MODEL (library)) == 0 ||
                             debrief_window_get_report (data) != NULL ||
                             adw_leaflet_get_folded (debrief_window_get_leaflet (data)));
}

DebriefWindow *
debrief_ui_test_open_window (GFile *file)
{
  DebriefWindow *window = DEBRIEF_WINDOW (debrief_application_new_window (app, file));

  debrief_ui_test_run_until (window_settled, window);
  debrief_ui_test_run_for (150);

  return window;
}

typedef struct
{
  DebriefWindow *window;
  DebriefReport *report;
} Showing;

static gboolean
report_shown (gpointer data)
{
  Showing *showing = data;

  return debrief_window_get_report (showing->window) == showing->report;
}

/* Selects @report as a click in the list would and waits until the
 * window shows it (a report not read yet is read on a worker thread). */
void
debrief_ui_test_show_report (DebriefWindow *window, DebriefReport *report)
{
  Showing showing = { window, report };

  debrief_window_select_report (window, report);
  debrief_ui_test_run_until (report_shown, &showing);
}

/* Closes @window as the user would and checks that nothing keeps it. */
void
debrief_ui_test_close_window (DebriefWindow *window)
{
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  debrief_ui_test_run_for (100);
  g_assert_finalize_object (window);
}

static void
collect (GtkWidget *widget, GType type, GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_mapped (child))
        g_ptr_array_add (found, child);
      collect (child, type, found);
    }
}

/**
 * debrief_ui_test_find:
 *
 * Returns: (transfer container): the mapped widgets of @type below @root,
 *   in tree order
 */
GPtrArray *
debrief_ui_test_find (GtkWidget *root, GType type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

GtkWidget *
debrief_ui_test_find_first (GtkWidget *root, GType type)
{
  g_autoptr (GPtrArray) found = debrief_ui_test_find (root, type);

  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

/**
 * debrief_ui_test_find_dialog:
 *
 * Returns: (transfer none) (nullable): a visible toplevel of @type
 */
GtkWindow *
debrief_ui_test_find_dialog (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint       n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* Types @text at the cursor as a user would: undoable, one insertion. */
void
debrief_ui_test_type (GtkTextView *view, const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
}

/* With DEBRIEF_TEST_SCREENSHOTS=DIR, saves what @widget shows as DIR/name.png */
void
debrief_ui_test_screenshot (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("DEBRIEF_TEST_SCREENSHOTS");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer     *renderer;
  int              width, height;

  if (dir == NULL)
    return;

  debrief_ui_test_run_for (200);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}
