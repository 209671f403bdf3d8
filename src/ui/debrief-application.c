/* debrief-application.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-application"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-application.h"
#include "debrief-window.h"

struct _DebriefApplication
{
  AdwApplication parent_instance;

  /* Owned */
  GSettings *settings;

  /* Borrowed: libraries open in some window, by path */
  GHashTable *libraries;
};

G_DEFINE_FINAL_TYPE (DebriefApplication, debrief_application, ADW_TYPE_APPLICATION)

static void
library_finalized_cb (gpointer data, GObject *where_the_object_was)
{
  DebriefApplication *self = data;
  GHashTableIter      iter;
  gpointer            value;

  g_hash_table_iter_init (&iter, self->libraries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (value == (gpointer) where_the_object_was)
        g_hash_table_iter_remove (&iter);
    }
}

static void
remember_library (DebriefApplication *self, DebriefLibrary *library)
{
  g_autoptr (GFile) default_file = debrief_library_get_default_file ();
  GFile           *file = debrief_library_get_file (library);
  g_autofree char *path = g_file_get_path (file);

  g_assert (DEBRIEF_IS_APPLICATION (self));

  if (!g_hash_table_contains (self->libraries, path))
    {
      g_hash_table_insert (self->libraries, g_strdup (path), library);
      g_object_weak_ref (G_OBJECT (library), library_finalized_cb, self);
    }

  g_settings_set_string (self->settings, "last-library",
                         g_file_equal (file, default_file) ? "" : path);
}

static void
library_opened_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  DebriefApplication *self = g_task_get_source_object (task);
  g_autoptr (DebriefLibrary) library = NULL;
  g_autoptr (GFile) default_file = debrief_library_get_default_file ();
  GError *error = NULL;

  if (!(library = debrief_library_open_finish (result, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  /* A new user's first library shows what a good report looks like */
  if (debrief_library_get_created (library) &&
      g_file_equal (debrief_library_get_file (library), default_file))
    {
      g_autoptr (GError) example_error = NULL;

      if (!debrief_library_add_example (library, &example_error))
        g_message ("Could not add the example report: %s", example_error->message);
    }

  remember_library (self, library);
  g_task_return_pointer (task, g_steal_pointer (&library), g_object_unref);
}

static void
window_library_opened_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  GWeakRef *target = user_data;
  g_autoptr (DebriefWindow) window = g_weak_ref_get (target);
  g_autoptr (DebriefLibrary) library = NULL;
  g_autoptr (GError) error = NULL;
  GFile *file = g_task_get_task_data (G_TASK (result));

  g_weak_ref_clear (target);
  g_free (target);

  library = debrief_application_open_library_finish (DEBRIEF_APPLICATION (object), result, &error);
  if (window == NULL)
    return;

  if (library == NULL)
    {
      if (gtk_widget_get_root (GTK_WIDGET (window)) != NULL)
        debrief_window_show_open_error (window, file, error);
      return;
    }

  debrief_window_set_library (window, library);
}

static void
about_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DebriefApplication *self = user_data;
  static const char  *developers[] = { "The Debrief authors", NULL };
  GtkWindow          *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window, "application-name", _ ("Debrief"), "application-icon", APP_ID,
                         "developer-name", _ ("The Debrief authors"), "version", PACKAGE_VERSION,
                         "website", "https://github.com/debrief/debrief", "issue-url",
                         "https://github.com/debrief/debrief/issues", "comments",
                         _ ("Write incident reports while the facts are fresh, and "
                            "export them for every audience."),
                         "developers", developers, "copyright", "© 2026 The Debrief authors",
                         "license-type", GTK_LICENSE_GPL_3_0, "translator-credits",
                         _ ("translator-credits"), NULL);
}

static void
quit_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DebriefApplication *self = user_data;
  GList              *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Close each window as the user would, so that it saves its state */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
new_window_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  debrief_application_new_window (user_data, NULL);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
  { "new-window", new_window_action },
};

static void
debrief_application_startup (GApplication *application)
{
  DebriefApplication *self = DEBRIEF_APPLICATION (application);
  GtkApplication     *app = GTK_APPLICATION (application);

  G_APPLICATION_CLASS (debrief_application_parent_class)->startup (application);

  self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);

  gtk_application_set_accels_for_action (app, "app.quit", (const char *[]){ "<Control>q", NULL });
  gtk_application_set_accels_for_action (app, "app.new-window",
                                         (const char *[]){ "<Control><Shift>n", NULL });
  gtk_application_set_accels_for_action (app, "window.close",
                                         (const char *[]){ "<Control>w", NULL });
  gtk_application_set_accels_for_action (app, "win.new-report",
                                         (const char *[]){ "<Control>n", NULL });
  gtk_application_set_accels_for_action (app, "win.search",
                                         (const char *[]){ "<Control>f", NULL });
  gtk_application_set_accels_for_action (app, "win.open-library",
                                         (const char *[]){ "<Control>o", NULL });
  gtk_application_set_accels_for_action (app, "win.export",
                                         (const char *[]){ "<Control>e", NULL });
  gtk_application_set_accels_for_action (app, "win.show-help-overlay",
                                         (const char *[]){ "<Control>question", NULL });
}

static void
debrief_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window != NULL)
    gtk_window_present (window);
  else
    debrief_application_new_window (DEBRIEF_APPLICATION (application), NULL);
}

static void
debrief_application_open (GApplication *application, GFile **files, int n_files, const char *hint)
{
  for (int i = 0; i < n_files; i++)
    debrief_application_new_window (DEBRIEF_APPLICATION (application), files[i]);
}

static void
debrief_application_dispose (GObject *object)
{
  DebriefApplication *self = (DebriefApplication *) object;

  if (self->libraries != NULL)
    {
      GHashTableIter iter;
      gpointer       value;

      g_hash_table_iter_init (&iter, self->libraries);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_object_weak_unref (value, library_finalized_cb, self);
      g_clear_pointer (&self->libraries, g_hash_table_unref);
    }

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (debrief_application_parent_class)->dispose (object);
}

static void
debrief_application_class_init (DebriefApplicationClass *klass)
{
  GObjectClass      *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = debrief_application_dispose;

  app_class->startup = debrief_application_startup;
  app_class->activate = debrief_application_activate;
  app_class->open = debrief_application_open;
}

static void
debrief_application_init (DebriefApplication *self)
{
  self->libraries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

DebriefApplication *
debrief_application_new (void)
{
  return g_object_new (DEBRIEF_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       G_APPLICATION_HANDLES_OPEN, "resource-base-path", RESOURCE_PREFIX, NULL);
}

/**
 * debrief_application_open_library_async:
 * @file: (nullable): a library file, or %NULL for the one used last (or
 *   the default library)
 *
 * Opens a library, sharing it with windows that have it open already.
 * The default library gets the example report when it is created.
 */
void
debrief_application_open_library_async (DebriefApplication *self,
                                        GFile              *file,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GFile) chosen = NULL;
  g_autofree char *path = NULL;
  DebriefLibrary  *open;

  g_return_if_fail (DEBRIEF_IS_APPLICATION (self));

  if (file != NULL)
    chosen = g_object_ref (file);
  else
    {
      g_autofree char *last = self->settings
                                  ? g_settings_get_string (self->settings, "last-library")
                                  : NULL;

      chosen = last != NULL && *last != '\0' ? g_file_new_for_path (last)
                                             : debrief_library_get_default_file ();
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_application_open_library_async);
  g_task_set_task_data (task, g_object_ref (chosen), g_object_unref);

  path = g_file_get_path (chosen);
  if (path != NULL && (open = g_hash_table_lookup (self->libraries, path)))
    {
      remember_library (self, open);
      g_task_return_pointer (task, g_object_ref (open), g_object_unref);
      return;
    }

  debrief_library_open_async (chosen, cancellable, library_opened_cb, g_steal_pointer (&task));
}

/**
 * debrief_application_open_library_finish:
 *
 * Returns: (transfer full): the library, or %NULL with @error set
 */
DebriefLibrary *
debrief_application_open_library_finish (DebriefApplication *self,
                                         GAsyncResult       *result,
                                         GError            **error)
{
  g_return_val_if_fail (DEBRIEF_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * debrief_application_new_window:
 * @file: (nullable): the library to show, or %NULL for the last one used
 *
 * Opens a window at once; the library appears in it when it is read.
 *
 * Returns: (transfer none): the new window
 */
GtkWindow *
debrief_application_new_window (DebriefApplication *self, GFile *file)
{
  DebriefWindow *window;
  GWeakRef      *target;

  g_return_val_if_fail (DEBRIEF_IS_APPLICATION (self), NULL);

  /* Read the library on a worker thread while the window is built and
   * drawn; it goes to the window if the window is still open then */
  target = g_new0 (GWeakRef, 1);
  g_weak_ref_init (target, NULL);
  debrief_application_open_library_async (self, file, NULL, window_library_opened_cb, target);

  window = debrief_window_new (GTK_APPLICATION (self));
  g_weak_ref_set (target, window);
  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}
