/* debrief-window-actions.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-application.h"
#include "debrief-export-dialog.h"
#include "debrief-window-private.h"

static void
new_report_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  DebriefReport *report;

  if (self->library == NULL)
    return;

  report = debrief_library_create_report (self->library, _ ("Untitled incident"), &error);
  if (report == NULL)
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
          GTK_WINDOW (self), _ ("Could Not Create a Report"), error->message));

      adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  debrief_window_select_report (self, report);

  /* Name the incident first */
  _debrief_window_edit_title (self);
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_list_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
show_report_view_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->report_views, "report");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
show_timeline_view_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->report_views, "timeline");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
undo_delete_report_cb (AdwToast *toast, gpointer user_data)
{
  DebriefLibrary *library = g_object_get_data (G_OBJECT (toast), "library");
  DebriefReport  *report = g_object_get_data (G_OBJECT (toast), "report");
  GtkWidget      *window = g_object_get_data (G_OBJECT (toast), "window");
  g_autoptr (GError) error = NULL;

  if (!debrief_library_add_report (library, report, &error))
    {
      g_warning ("Could not restore the report: %s", error->message);
      return;
    }

  if (window != NULL && debrief_window_get_library (DEBRIEF_WINDOW (window)) == library)
    debrief_window_select_report (DEBRIEF_WINDOW (window), report);
}

static void
delete_report_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);
  g_autoptr (DebriefReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast        *toast;

  if (self->library == NULL || debrief_report_editor_get_report (self->editor) == NULL)
    return;

  report = g_object_ref (debrief_report_editor_get_report (self->editor));
  debrief_report_editor_commit (self->editor);

  if (!debrief_library_delete_report (self->library, report, &error))
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
          GTK_WINDOW (self), _ ("Could Not Delete the Report"), error->message));

      adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  _debrief_window_show_report (self, NULL);
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);

  /* Translators: %s is the title of the deleted report */
  message = g_strdup_printf (_ ("“%s” deleted"), debrief_report_get_title (report));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "library", g_object_ref (self->library),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "report", g_object_ref (report), g_object_unref);
  g_object_set_data (G_OBJECT (toast), "window", self);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_delete_report_cb), NULL);
  debrief_window_add_toast (self, toast);
}

static void
open_dialog_response_cb (GtkNativeDialog *dialog, int response, DebriefWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        _debrief_window_open_library_file (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_library_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefWindow        *self = DEBRIEF_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr (GtkFileFilter) libraries = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_ ("Open Library"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));

  gtk_file_filter_set_name (libraries, _ ("Debrief Libraries"));
  gtk_file_filter_add_pattern (libraries, "*.debrief");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), libraries);
  gtk_file_filter_set_name (all, _ ("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);

  g_signal_connect (dialog, "response", G_CALLBACK (open_dialog_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
library_opened_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DebriefWindow) self = user_data;
  g_autoptr (DebriefLibrary) library = NULL;
  g_autoptr (GError) error = NULL;
  GFile *file = g_task_get_task_data (G_TASK (result));

  library = debrief_application_open_library_finish (DEBRIEF_APPLICATION (object), result, &error);
  if (library == NULL)
    {
      /* Keep the library that was open */
      debrief_window_set_library (self, g_object_get_data (G_OBJECT (self), "previous-library"));
      g_object_set_data (G_OBJECT (self), "previous-library", NULL);
      debrief_window_show_open_error (self, file, error);
      return;
    }

  g_object_set_data (G_OBJECT (self), "previous-library", NULL);
  debrief_window_set_library (self, library);
}

static void
open_library_then (DebriefWindow *self, gpointer data)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GFile          *file = data;

  if (self->library != NULL)
    g_object_set_data_full (G_OBJECT (self), "previous-library", g_object_ref (self->library),
                            g_object_unref);
  debrief_window_set_library (self, NULL);
  debrief_application_open_library_async (DEBRIEF_APPLICATION (app), file, NULL, library_opened_cb,
                                          g_object_ref (self));
}

void
_debrief_window_open_library_file (DebriefWindow *self, GFile *file)
{
  g_return_if_fail (DEBRIEF_IS_WINDOW (self));
  g_return_if_fail (DEBRIEF_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));

  /* The library in use writes its changes first */
  debrief_report_editor_commit (self->editor);
  _debrief_window_flush_then (
      self, _ ("If you open another library now, the changes that could not be saved are lost."),
      _ ("_Open and Lose Changes"), open_library_then, g_object_ref (file), g_object_unref);
}

static void
open_exported_cb (AdwToast *toast, gpointer user_data)
{
  GFile           *file = g_object_get_data (G_OBJECT (toast), "file");
  GtkWindow       *window = g_object_get_data (G_OBJECT (toast), "window");
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (window, uri, GDK_CURRENT_TIME);
}

static void
exported_cb (DebriefExportDialog *dialog, GFile *file, DebriefWindow *self)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;
  AdwToast        *toast;

  /* Translators: %s is the name of the exported file */
  message = g_strdup_printf (_ ("Exported “%s”"), name);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _ ("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "file", g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (toast), "window", self);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (open_exported_cb), NULL);
  debrief_window_add_toast (self, toast);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);
  DebriefReport *report = debrief_report_editor_get_report (self->editor);
  GtkWidget     *dialog;

  if (report == NULL)
    return;

  /* Export what is on screen, including the last keystrokes */
  debrief_report_editor_commit (self->editor);

  /* One export dialog at a time */
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    {
      if (DEBRIEF_IS_EXPORT_DIALOG (l->data) &&
          gtk_window_get_transient_for (l->data) == GTK_WINDOW (self))
        {
          gtk_window_present (l->data);
          g_list_free (l);
          return;
        }
    }

  dialog = debrief_export_dialog_new (report);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shows each shortcut that names an action with the accelerators the
 * application has for it (what GtkApplicationWindow does for the help
 * overlay it builds itself) */
static void
set_shortcut_accels (GtkWidget *widget, GtkApplication *application)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (child))
        {
          g_autofree char *action = NULL;
          g_auto (GStrv) accels = NULL;
          g_autofree char *joined = NULL;

          g_object_get (child, "action-name", &action, NULL);
          if (action == NULL)
            continue;
          accels = gtk_application_get_accels_for_action (application, action);
          joined = g_strjoinv (" ", accels);
          g_object_set (child, "accelerator", joined, NULL);
        }
      else
        set_shortcut_accels (child, application);
    }
}

/* The shortcuts window is built the first time it is asked for, not with
 * every window as GtkApplication would build gtk/help-overlay.ui */
static void
show_help_overlay_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource (
          RESOURCE_PREFIX "/ui/debrief-shortcuts-window.ui");

      self->shortcuts_window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
        set_shortcut_accels (GTK_WIDGET (self->shortcuts_window),
                             gtk_window_get_application (GTK_WINDOW (self)));
    }

  gtk_window_present (self->shortcuts_window);
}

void
_debrief_window_update_actions (DebriefWindow *self)
{
  gboolean has_library = self->library != NULL;
  gboolean has_report = debrief_report_editor_get_report (self->editor) != NULL &&
                        self->loading_report == NULL;
  gboolean writable = has_library && !debrief_library_get_read_only (self->library);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-report", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-report", writable && has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", has_library);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-report", has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-timeline", has_report);
}

void
_debrief_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-report", NULL, new_report_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "win.show-report", NULL, show_report_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-timeline", NULL,
                                   show_timeline_view_action);
  gtk_widget_class_install_action (widget_class, "win.delete-report", NULL, delete_report_action);
  gtk_widget_class_install_action (widget_class, "win.open-library", NULL, open_library_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-report",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-library", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-report",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-timeline",
                                       NULL);
}
