/* debrief-window.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-window"

#include "config.h"

#include <glib/gi18n.h>
#include <time.h>

#include "debrief-application.h"
#include "debrief-report-row.h"
#include "debrief-window-private.h"

G_DEFINE_FINAL_TYPE (DebriefWindow, debrief_window, ADW_TYPE_APPLICATION_WINDOW)

static void open_newest_cb (DebriefWindow *self);

/* With DEBRIEF_PROFILE_T0 set to the launch time (nanoseconds since the
 * epoch, as `date +%s%N` prints it), the window prints when its first
 * frame and its first frame with the library's reports were drawn. The
 * benchmarks in bench/ use this. */
static void
profile_frame_cb (GdkFrameClock *clock, const char *what)
{
  const char *t0 = g_getenv ("DEBRIEF_PROFILE_T0");
  gint64      start = g_ascii_strtoll (t0, NULL, 10) / 1000;

  struct timespec cpu;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu);
  g_printerr ("debrief-profile: %s %.1f ms (cpu %.1f ms)\n", what,
              (g_get_real_time () - start) / 1000.0, cpu.tv_sec * 1e3 + cpu.tv_nsec / 1e6);
  g_signal_handlers_disconnect_by_func (clock, profile_frame_cb, (gpointer) what);
}

static void
profile_next_frame (GtkWidget *widget, const char *what)
{
  GdkFrameClock *clock;

  if (g_getenv ("DEBRIEF_PROFILE_T0") == NULL || !(clock = gtk_widget_get_frame_clock (widget)))
    return;

  g_signal_connect (clock, "after-paint", G_CALLBACK (profile_frame_cb), (gpointer) what);
  gtk_widget_queue_draw (widget);
}

static DebriefReport *
item_get_report (gpointer item)
{
  if (DEBRIEF_IS_SEARCH_HIT (item))
    return debrief_search_hit_get_report (item);

  return item;
}

static gboolean
filter_func (gpointer item, gpointer user_data)
{
  DebriefWindow *self = user_data;
  DebriefReport *report = item_get_report (item);
  guint          status = gtk_drop_down_get_selected (self->status_filter);
  guint          severity = gtk_drop_down_get_selected (self->severity_filter);

  /* Position 0 of each filter is "all" */
  if (status > 0 && status != GTK_INVALID_LIST_POSITION &&
      (guint) debrief_report_get_status (report) != status - 1)
    return FALSE;

  if (severity > 0 && severity != GTK_INVALID_LIST_POSITION &&
      (guint) debrief_report_get_severity (report) != severity - 1)
    return FALSE;

  return TRUE;
}

static void
update_sidebar_page (DebriefWindow *self)
{
  const char *page;

  g_assert (DEBRIEF_IS_WINDOW (self));

  if (self->library == NULL)
    page = "loading";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    page = "list";
  else if (!self->searching && g_list_model_get_n_items (G_LIST_MODEL (self->library)) == 0)
    page = "empty";
  else
    page = "no-results";

  gtk_spinner_set_spinning (self->loading_spinner, self->library == NULL);
  gtk_stack_set_visible_child_name (self->sidebar_stack, page);
}

static void
selection_items_changed_cb (DebriefWindow *self)
{
  update_sidebar_page (self);
}

/* The header's title, buttons and actions for @report (or none) */
static void
set_report_chrome (DebriefWindow *self, DebriefReport *report)
{
  g_clear_pointer (&self->title_binding, g_binding_unbind);

  if (report != NULL)
    self->title_binding = g_object_bind_property (report, "title", self->title_label, "label",
                                                  G_BINDING_SYNC_CREATE);
  gtk_stack_set_visible_child_name (self->title_stack, report != NULL ? "report" : "none");
  gtk_widget_set_visible (GTK_WIDGET (self->sections_button), report != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->report_menu_button), report != NULL);
  _debrief_window_update_actions (self);
}

static void
show_loaded_report (DebriefWindow *self, DebriefReport *report)
{
  debrief_report_editor_set_report (self->editor, report);
  debrief_timeline_page_set_report (self->timeline_page, report);
  gtk_stack_set_visible_child_name (self->content_stack, report != NULL ? "editor" : "none");
  set_report_chrome (self, report);
}

static void
report_loaded_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DebriefWindow) self = user_data;
  DebriefReport *report = DEBRIEF_REPORT (object);
  g_autoptr (GError) error = NULL;

  if (!debrief_report_load_finish (report, result, &error))
    {
      AdwMessageDialog *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_clear_object (&self->loading_report);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
          GTK_WINDOW (self), _ ("Could Not Open the Report"), error->message));
      adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      show_loaded_report (self, NULL);
      return;
    }

  if (report != self->loading_report)
    return;

  g_clear_object (&self->loading_report);
  show_loaded_report (self, report);
}

/* Shows @report in the editor and on the timeline. A report not read yet
 * is read on a worker thread first; the one shown stays until then. */
void
_debrief_window_show_report (DebriefWindow *self, DebriefReport *report)
{
  g_assert (DEBRIEF_IS_WINDOW (self));

  if (self->loading_report != NULL && self->loading_report != report)
    {
      g_cancellable_cancel (self->load_cancellable);
      g_clear_object (&self->load_cancellable);
      g_clear_object (&self->loading_report);
    }

  if (report == self->loading_report)
    return;

  /* Back to the open report: show it again as it was */
  if (report == debrief_report_editor_get_report (self->editor))
    {
      if (report != NULL)
        gtk_stack_set_visible_child_name (self->content_stack, "editor");
      set_report_chrome (self, report);
      return;
    }

  /* Nothing of the report that was open is shown or acted on meanwhile */
  if (report != NULL && !debrief_report_is_loaded (report))
    {
      self->loading_report = g_object_ref (report);
      self->load_cancellable = g_cancellable_new ();
      gtk_stack_set_visible_child_name (self->content_stack, "blank");
      set_report_chrome (self, NULL);
      debrief_report_load_async (report, self->load_cancellable, report_loaded_cb,
                                 g_object_ref (self));
      return;
    }

  show_loaded_report (self, report);
}

static void
selected_item_cb (DebriefWindow *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  /* A report that drops out of a filtered or searched list stays open */
  if (item == NULL)
    return;

  _debrief_window_show_report (self, item_get_report (item));

  if (self->navigate_on_select || adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
  self->navigate_on_select = FALSE;
}

static void
report_activated_cb (DebriefWindow *self, guint position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
list_clicked_cb (GtkGestureClick *gesture, int n_press, double x, double y, DebriefWindow *self)
{
  /* In one pane, a click on the report already selected opens it too */
  if (adw_leaflet_get_folded (self->leaflet) &&
      gtk_single_selection_get_selected_item (self->selection) != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
row_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DebriefWindow *self)
{
  gtk_list_item_set_child (list_item, debrief_report_row_new ());
}

static void
row_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DebriefWindow *self)
{
  DebriefReportRow *row = DEBRIEF_REPORT_ROW (gtk_list_item_get_child (list_item));
  gpointer          item = gtk_list_item_get_item (list_item);
  g_autofree char  *snippet = NULL;

  debrief_report_row_set_report (row, item_get_report (item));

  if (DEBRIEF_IS_SEARCH_HIT (item))
    {
      g_autofree char *markup = debrief_search_hit_get_snippet_markup (item);
      g_autofree char *location = g_markup_escape_text (debrief_search_hit_get_location (item),
                                                        -1);

      /* Translators: where a search matched, then the text around it */
      snippet = g_strdup_printf (_ ("<i>%s:</i> %s"), location, markup);
    }

  debrief_report_row_set_snippet_markup (row, snippet);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DebriefWindow *self)
{
  DebriefReportRow *row = DEBRIEF_REPORT_ROW (gtk_list_item_get_child (list_item));

  debrief_report_row_set_report (row, NULL);
  debrief_report_row_set_snippet_markup (row, NULL);
}

static void
set_list_model (DebriefWindow *self, GListModel *model)
{
  DebriefReport *current = self->loading_report != NULL
                               ? self->loading_report
                               : debrief_report_editor_get_report (self->editor);
  guint          n;

  g_assert (DEBRIEF_IS_WINDOW (self));

  debrief_list_pacer_restart (self->pacer);
  gtk_filter_list_model_set_model (self->filtered, model);

  /* Keep the open report selected if it is in the new list */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; current != NULL && i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (item_get_report (item) == current)
        {
          debrief_list_pacer_reveal (self->pacer, i);
          gtk_single_selection_set_selected (self->selection, i);
          break;
        }
    }

  update_sidebar_page (self);
}

static void
search_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DebriefWindow) self = user_data;
  g_autoptr (GListModel) hits = NULL;
  g_autoptr (GError) error = NULL;

  hits = debrief_library_search_finish (DEBRIEF_LIBRARY (object), result, &error);
  if (hits == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          AdwToast *toast = adw_toast_new (error->message);

          adw_toast_overlay_add_toast (self->toast_overlay, toast);
        }
      return;
    }

  /* The library the search ran in may have been replaced since */
  if (DEBRIEF_LIBRARY (object) != self->library || !self->searching)
    return;

  g_set_object (&self->search_results, hits);
  set_list_model (self, hits);
}

static void
search_changed_cb (DebriefWindow *self)
{
  const char      *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (self->library == NULL)
    return;

  if (*stripped == '\0')
    {
      self->searching = FALSE;
      g_clear_object (&self->search_results);
      set_list_model (self, G_LIST_MODEL (self->library));
      return;
    }

  self->searching = TRUE;
  self->search_cancellable = g_cancellable_new ();
  debrief_library_search_async (self->library, stripped, self->search_cancellable, search_done_cb,
                                g_object_ref (self));
}

static void
search_stopped_cb (DebriefWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
search_activated_cb (DebriefWindow *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    {
      self->navigate_on_select = TRUE;
      gtk_single_selection_set_selected (self->selection, 0);
      selected_item_cb (self);
    }
}

static void
filter_changed_cb (DebriefWindow *self)
{
  gboolean active = gtk_drop_down_get_selected (self->status_filter) > 0 ||
                    gtk_drop_down_get_selected (self->severity_filter) > 0;

  if (self->filter == NULL)
    return;

  /* Without a filter the list model passes the reports through untouched,
   * which is much cheaper for a large library */
  if (!active)
    gtk_filter_list_model_set_filter (self->filtered, NULL);
  else if (gtk_filter_list_model_get_filter (self->filtered) == NULL)
    gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
finish_title_editing (DebriefWindow *self, gboolean commit)
{
  DebriefReport   *report = debrief_report_editor_get_report (self->editor);
  g_autofree char *title = NULL;

  g_assert (DEBRIEF_IS_WINDOW (self));

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->title_stack), "editing"))
    return;

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));
  if (commit && report != NULL && *title != '\0')
    debrief_report_set_title (report, title);

  gtk_stack_set_visible_child_name (self->title_stack, report != NULL ? "report" : "none");
}

void
_debrief_window_edit_title (DebriefWindow *self)
{
  DebriefReport *report = debrief_report_editor_get_report (self->editor);

  g_return_if_fail (DEBRIEF_IS_WINDOW (self));

  if (report == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), debrief_report_get_title (report));
  gtk_stack_set_visible_child_name (self->title_stack, "editing");
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->title_entry), 0, -1);
}

static void
title_clicked_cb (DebriefWindow *self)
{
  _debrief_window_edit_title (self);
}

static void
title_entry_activate_cb (DebriefWindow *self)
{
  finish_title_editing (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_button));
}

static gboolean
title_entry_key_cb (DebriefWindow *self, guint keyval, guint keycode, GdkModifierType state)
{
  if (keyval != GDK_KEY_Escape)
    return GDK_EVENT_PROPAGATE;

  finish_title_editing (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_button));
  return GDK_EVENT_STOP;
}

static void
title_entry_leave_cb (DebriefWindow *self)
{
  finish_title_editing (self, TRUE);
}

static void
update_menu_primary (DebriefWindow *self)
{
  gboolean content_shown = !adw_leaflet_get_folded (self->leaflet) ||
                           adw_leaflet_get_visible_child (self->leaflet) == self->content;

  /* F10 opens the menu of the pane in view */
  gtk_menu_button_set_primary (self->report_menu_button,
                               content_shown &&
                                   gtk_widget_get_visible (GTK_WIDGET (self->report_menu_button)));
  gtk_menu_button_set_primary (self->sidebar_menu_button,
                               !gtk_menu_button_get_primary (self->report_menu_button));
}

static void
leaflet_folded_cb (DebriefWindow *self)
{
  update_menu_primary (self);
}

static void
leaflet_visible_child_cb (DebriefWindow *self)
{
  update_menu_primary (self);
}

static void
toast_undo_delete_action_cb (AdwToast *toast, gpointer user_data)
{
  DebriefReport     *report = g_object_get_data (G_OBJECT (toast), "report");
  DebriefActionItem *item = g_object_get_data (G_OBJECT (toast), "item");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "position"));

  debrief_report_insert_action (report, position, item);
}

static void
editor_action_deleted_cb (DebriefWindow *self, DebriefActionItem *item, guint position)
{
  DebriefReport *report = debrief_report_editor_get_report (self->editor);
  AdwToast      *toast;

  toast = adw_toast_new (_ ("Action item deleted"));
  adw_toast_set_button_label (toast, _ ("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "report", g_object_ref (report), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (toast), "position", GUINT_TO_POINTER (position));
  g_signal_connect (toast, "button-clicked", G_CALLBACK (toast_undo_delete_action_cb), NULL);
  debrief_window_add_toast (self, toast);
}

static void
write_failed_dialog_response_cb (AdwMessageDialog *dialog,
                                 const char       *response,
                                 DebriefWindow    *self)
{
  if (g_str_equal (response, "open"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-library", NULL);
  else if (g_str_equal (response, "export"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.export", NULL);
}

static void
write_failed_cb (DebriefWindow *self, const GError *error, DebriefLibrary *library)
{
  AdwMessageDialog *dialog;

  /* Once per window and library: the changes stay in memory and every
   * later edit tries again. While the window closes, closing asks. */
  if (self->write_error_shown || self->flushing || self->flush_dialog != NULL)
    return;
  self->write_error_shown = TRUE;

  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_WINDOW (self), _ ("Changes Cannot Be Saved"), error->message));
  adw_message_dialog_add_responses (dialog, "close", _ ("_Keep Editing"), "open",
                                    _ ("_Open Another Library…"), NULL);
  /* What is on screen can still be kept elsewhere, in any export format */
  if (debrief_report_editor_get_report (self->editor) != NULL)
    adw_message_dialog_add_response (dialog, "export", _ ("_Export a Copy…"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (write_failed_dialog_response_cb), self,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_error_response_cb (AdwMessageDialog *dialog, const char *response, DebriefWindow *self)
{
  if (g_str_equal (response, "open"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-library", NULL);
  else if (g_str_equal (response, "export"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.export", NULL);
  else if (g_str_equal (response, "default"))
    {
      g_autoptr (GFile) file = debrief_library_get_default_file ();

      _debrief_window_open_library_file (self, file);
    }
}

static void
save_window_state (DebriefWindow *self)
{
  int width, height;

  g_assert (DEBRIEF_IS_WINDOW (self));

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static void
debrief_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (debrief_window_parent_class)->realize (widget);

  profile_next_frame (widget, "first-frame");
}

/* Something the window does once its library has written every change,
 * or once the user agrees to lose the changes that cannot be. Shared
 * (GRcBox) by the flush, the question and the idle that goes on; none of
 * them keeps the window alive. */
typedef struct
{
  GWeakRef          window;
  char             *consequence;
  char             *discard_label;
  DebriefWindowThen then;
  gpointer          data;
  GDestroyNotify    destroy;
  gboolean          ran;
} FlushThen;

static void
flush_then_clear (gpointer data)
{
  FlushThen *ft = data;

  if (ft->destroy != NULL)
    ft->destroy (ft->data);
  g_weak_ref_clear (&ft->window);
  g_free (ft->consequence);
  g_free (ft->discard_label);
}

static void
flush_then_unref (gpointer data)
{
  g_rc_box_release_full (data, flush_then_clear);
}

static void
flush_then_run (FlushThen *ft, gboolean discard)
{
  g_autoptr (DebriefWindow) self = g_weak_ref_get (&ft->window);

  if (ft->ran || self == NULL || self->disposed)
    return;

  ft->ran = TRUE;
  if (discard && self->library != NULL)
    debrief_library_discard_unsaved (self->library);
  ft->then (self, ft->data);
}

static gboolean
flush_then_discard_cb (gpointer data)
{
  flush_then_run (data, TRUE);

  return G_SOURCE_REMOVE;
}

static void
flush_then_response_cb (AdwMessageDialog *dialog, const char *response, FlushThen *ft)
{
  g_autoptr (DebriefWindow) self = g_weak_ref_get (&ft->window);

  if (self != NULL && g_str_equal (response, "export"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.export", NULL);
  else if (g_str_equal (response, "discard"))
    /* Once the dialog, which may close with the window, is done */
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, flush_then_discard_cb, g_rc_box_acquire (ft),
                     flush_then_unref);
}

static void
flush_then_dialog_gone_cb (gpointer data, GClosure *closure)
{
  flush_then_unref (data);
}

/* The question is gone, answered or not: the window may ask again */
static void
flush_dialog_unmap_cb (GtkWidget *dialog, DebriefWindow *self)
{
  if (self->flush_dialog == GTK_WINDOW (dialog))
    self->flush_dialog = NULL;
}

static void
flush_then_flushed_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  FlushThen *ft = user_data;
  g_autoptr (DebriefWindow) self = g_weak_ref_get (&ft->window);
  g_autoptr (GError) error = NULL;
  g_autofree char  *body = NULL;
  AdwMessageDialog *dialog;
  gboolean          saved;

  saved = debrief_library_flush_finish (DEBRIEF_LIBRARY (object), result, &error);
  if (self != NULL)
    self->flushing = FALSE;
  if (saved || self == NULL || self->disposed)
    {
      if (saved)
        flush_then_run (ft, FALSE);
      flush_then_unref (ft);
      return;
    }

  body = g_strdup_printf ("%s\n\n%s", error->message, ft->consequence);
  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_WINDOW (self), _ ("Changes Cannot Be Saved"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Keep Window Open"), NULL);
  if (debrief_report_editor_get_report (self->editor) != NULL)
    adw_message_dialog_add_response (dialog, "export", _ ("_Export a Copy…"));
  adw_message_dialog_add_response (dialog, "discard", ft->discard_label);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* The dialog holds the task from here until it is gone */
  g_signal_connect_data (dialog, "response", G_CALLBACK (flush_then_response_cb), ft,
                         flush_then_dialog_gone_cb, 0);
  g_signal_connect_object (dialog, "unmap", G_CALLBACK (flush_dialog_unmap_cb), self, 0);
  self->flush_dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Whether another window shows the same library, and so keeps its
 * changes when this one closes */
static gboolean
library_shown_elsewhere (DebriefWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  for (GList *l = app != NULL ? gtk_application_get_windows (app) : NULL; l != NULL; l = l->next)
    {
      if (l->data != self && DEBRIEF_IS_WINDOW (l->data) &&
          debrief_window_get_library (l->data) == self->library)
        return TRUE;
    }

  return FALSE;
}

/**
 * _debrief_window_flush_then:
 * @consequence: what happens to the changes if the user goes on anyway
 * @discard_label: the button that goes on anyway
 *
 * Calls @then once the library has written every change. Changes that
 * cannot be written are never dropped without asking: the user may keep
 * the window as it is, export a copy of the open report, or go on. While
 * the window waits or asks, another request shows the question again and
 * is otherwise dropped.
 */
void
_debrief_window_flush_then (DebriefWindow    *self,
                            const char       *consequence,
                            const char       *discard_label,
                            DebriefWindowThen then,
                            gpointer          data,
                            GDestroyNotify    destroy)
{
  FlushThen *ft;

  /* Already writing, or asking */
  if (self->flushing || self->flush_dialog != NULL)
    {
      if (self->flush_dialog != NULL)
        gtk_window_present (self->flush_dialog);
      if (destroy != NULL)
        destroy (data);
      return;
    }

  /* Nothing to write, or another window on the same library keeps it */
  if (self->library == NULL || library_shown_elsewhere (self))
    {
      then (self, data);
      if (destroy != NULL)
        destroy (data);
      return;
    }

  ft = g_rc_box_new0 (FlushThen);
  g_weak_ref_init (&ft->window, self);
  ft->consequence = g_strdup (consequence);
  ft->discard_label = g_strdup (discard_label);
  ft->then = then;
  ft->data = data;
  ft->destroy = destroy;
  self->flushing = TRUE;
  debrief_library_flush_async (self->library, NULL, flush_then_flushed_cb, ft);
}

static void
close_then (DebriefWindow *self, gpointer data)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
debrief_window_close_request (GtkWindow *window)
{
  DebriefWindow *self = DEBRIEF_WINDOW (window);

  /* Keep a title being typed, and what was typed while the changes were
   * being written */
  finish_title_editing (self, TRUE);
  debrief_report_editor_commit (self->editor);

  if (self->close_confirmed || self->library == NULL || library_shown_elsewhere (self))
    {
      save_window_state (self);
      return GTK_WINDOW_CLASS (debrief_window_parent_class)->close_request (window);
    }

  /* Close once every change is on disk */
  _debrief_window_flush_then (
      self, _ ("If you close the window now, the changes that could not be saved are lost."),
      _ ("_Close and Lose Changes"), close_then, NULL, NULL);

  return TRUE;
}

static void
debrief_window_dispose (GObject *object)
{
  DebriefWindow *self = (DebriefWindow *) object;

  /* A pending flush or question ends with the window */
  self->disposed = TRUE;
  if (self->flush_dialog != NULL)
    gtk_window_destroy (g_steal_pointer (&self->flush_dialog));

  if (self->search_cancellable != NULL)
    g_cancellable_cancel (self->search_cancellable);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->loading_report);

  g_clear_pointer (&self->title_binding, g_binding_unbind);
  if (gtk_widget_get_frame_clock (GTK_WIDGET (self)) != NULL)
    g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (self)),
                                          open_newest_cb, self);
  debrief_window_set_library (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->pacer);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->search_results);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->last_toast);
  g_clear_pointer (&self->shortcuts_window, gtk_window_destroy);

  G_OBJECT_CLASS (debrief_window_parent_class)->dispose (object);
}

static void
debrief_window_class_init (DebriefWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = debrief_window_dispose;
  widget_class->realize = debrief_window_realize;
  window_class->close_request = debrief_window_close_request;

  g_type_ensure (DEBRIEF_TYPE_REPORT_EDITOR);
  g_type_ensure (DEBRIEF_TYPE_TIMELINE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/debrief-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, content);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, library_title);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, status_filter);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, status_filter_model);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, severity_filter);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, severity_filter_model);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, report_list);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, sidebar_menu_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, report_menu_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, sections_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, title_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, title_entry);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, report_views);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, timeline_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, report_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_entry_key_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_entry_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_action_deleted_cb);

  _debrief_window_class_actions_init (widget_class);
}

static void
fill_filter_model (GtkStringList *model, const char *all, GType type)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (type);

  gtk_string_list_append (model, all);
  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (model, debrief_enum_get_label (type, klass->values[i].value));
}

static void
debrief_window_init (DebriefWindow *self)
{
  GtkListItemFactory *factory;
  GtkGesture         *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  fill_filter_model (self->status_filter_model, _ ("Any status"), DEBRIEF_TYPE_STATUS);
  fill_filter_model (self->severity_filter_model, _ ("Any severity"), DEBRIEF_TYPE_SEVERITY);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, NULL);
  self->pacer = debrief_list_pacer_new (GTK_WIDGET (self->report_list));
  debrief_list_pacer_set_model (self->pacer, G_LIST_MODEL (self->filtered));
  self->selection = gtk_single_selection_new (
      g_object_ref (debrief_list_pacer_get_model (self->pacer)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selected_item_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_items_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind_cb), self);
  gtk_list_view_set_factory (self->report_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->report_list, GTK_SELECTION_MODEL (self->selection));

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (list_clicked_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->report_list), GTK_EVENT_CONTROLLER (click));

  gtk_menu_button_set_popover (self->sections_button,
                               debrief_report_editor_get_sections_popover (self->editor));

  gtk_widget_set_visible (GTK_WIDGET (self->sections_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->report_menu_button), FALSE);
  _debrief_window_update_actions (self);
  update_sidebar_page (self);
  update_menu_primary (self);
}

DebriefWindow *
debrief_window_new (GtkApplication *application)
{
  return g_object_new (DEBRIEF_TYPE_WINDOW, "application", application, NULL);
}

/**
 * debrief_window_get_library:
 *
 * Returns: (transfer none) (nullable): the library shown
 */
DebriefLibrary *
debrief_window_get_library (DebriefWindow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_WINDOW (self), NULL);

  return self->library;
}

static void
open_newest_cb (DebriefWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock != NULL)
    g_signal_handlers_disconnect_by_func (clock, open_newest_cb, self);

  if (self->library != NULL && !adw_leaflet_get_folded (self->leaflet) &&
      debrief_report_editor_get_report (self->editor) == NULL &&
      gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION &&
      g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);

  /* Until now the content pane was left blank rather than saying that no
   * report is open, a moment before one is */
  if (self->loading_report == NULL && debrief_report_editor_get_report (self->editor) == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "none");
}

/**
 * debrief_window_set_library:
 * @library: (nullable): the library to show, or %NULL while one is opened
 */
void
debrief_window_set_library (DebriefWindow *self, DebriefLibrary *library)
{
  g_return_if_fail (DEBRIEF_IS_WINDOW (self));

  if (self->library == library)
    return;

  _debrief_window_show_report (self, NULL);

  if (self->library != NULL)
    {
      g_clear_signal_handler (&self->write_failed_handler, self->library);
      g_clear_object (&self->library);
    }

  self->write_error_shown = FALSE;
  self->searching = FALSE;
  g_clear_object (&self->search_results);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  if (library != NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *path = g_file_get_path (debrief_library_get_file (library));

      self->library = g_object_ref (library);
      self->write_failed_handler = g_signal_connect_object (
          library, "write-failed", G_CALLBACK (write_failed_cb), self, G_CONNECT_SWAPPED);

      name = g_file_get_basename (debrief_library_get_file (library));
      adw_window_title_set_subtitle (self->library_title, name);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->library_title), path);
      if (debrief_library_get_read_only (library))
        {
          /* Translators: the window subtitle of a library that cannot be written */
          g_autofree char *subtitle = g_strdup_printf (_ ("%s (read-only)"), name);

          adw_window_title_set_subtitle (self->library_title, subtitle);
        }
    }
  else
    adw_window_title_set_subtitle (self->library_title, NULL);

  debrief_list_pacer_restart (self->pacer);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (library));
  update_sidebar_page (self);
  _debrief_window_update_actions (self);

  if (library != NULL)
    profile_next_frame (GTK_WIDGET (self), "reports-shown");

  /* With room for both panes, open the newest report right after the
   * list is drawn (opening it first would make the list wait) */
  if (library != NULL)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

      if (clock != NULL)
        g_signal_connect_object (clock, "after-paint", G_CALLBACK (open_newest_cb), self,
                                 G_CONNECT_SWAPPED);
      else
        open_newest_cb (self);
    }
}

/**
 * debrief_window_show_open_error:
 *
 * Tells the user that @file could not be opened as a library, why, and
 * offers to open another one.
 */
void
debrief_window_show_open_error (DebriefWindow *self, GFile *file, const GError *error)
{
  AdwMessageDialog *dialog;
  g_autoptr (GFile) default_file = debrief_library_get_default_file ();

  g_return_if_fail (DEBRIEF_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->content_stack, "none");
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_WINDOW (self), _ ("Could Not Open the Library"), error->message));
  adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
  if (!g_file_equal (file, default_file))
    adw_message_dialog_add_response (dialog, "default", _ ("Use _Default Library"));
  adw_message_dialog_add_response (dialog, "open", _ ("_Open Another…"));
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * debrief_window_get_report:
 *
 * Returns: (transfer none) (nullable): the report being edited
 */
DebriefReport *
debrief_window_get_report (DebriefWindow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_WINDOW (self), NULL);

  return debrief_report_editor_get_report (self->editor);
}

/**
 * debrief_window_select_report:
 *
 * Selects @report in the list (clearing search and filters if it is not
 * shown) and opens it in the editor.
 */
void
debrief_window_select_report (DebriefWindow *self, DebriefReport *report)
{
  guint n;

  g_return_if_fail (DEBRIEF_IS_WINDOW (self));
  g_return_if_fail (DEBRIEF_IS_REPORT (report));

  for (int attempt = 0; attempt < 2; attempt++)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

          if (item_get_report (item) == report)
            {
              self->navigate_on_select = TRUE;
              if (gtk_single_selection_get_selected (self->selection) == i)
                selected_item_cb (self);
              debrief_list_pacer_reveal (self->pacer, i);
              gtk_single_selection_set_selected (self->selection, i);
              gtk_widget_activate_action (GTK_WIDGET (self->report_list), "list.scroll-to-item",
                                          "u", i);
              return;
            }
        }

      /* Not shown: clear the search and filters and look again */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      search_changed_cb (self);
      gtk_drop_down_set_selected (self->status_filter, 0);
      gtk_drop_down_set_selected (self->severity_filter, 0);
    }

  _debrief_window_show_report (self, report);
}

/**
 * debrief_window_get_editor:
 *
 * Returns: (transfer none): the report editor
 */
DebriefReportEditor *
debrief_window_get_editor (DebriefWindow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_WINDOW (self), NULL);

  return self->editor;
}

/**
 * debrief_window_get_report_list:
 *
 * Returns: (transfer none): the sidebar's list
 */
GtkListView *
debrief_window_get_report_list (DebriefWindow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_WINDOW (self), NULL);

  return self->report_list;
}

/**
 * debrief_window_get_search_entry:
 *
 * Returns: (transfer none): the sidebar's search entry
 */
GtkSearchEntry *
debrief_window_get_search_entry (DebriefWindow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_WINDOW (self), NULL);

  return self->search_entry;
}

/**
 * debrief_window_get_leaflet:
 *
 * Returns: (transfer none): the leaflet holding the sidebar and editor
 */
AdwLeaflet *
debrief_window_get_leaflet (DebriefWindow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_WINDOW (self), NULL);

  return self->leaflet;
}

void
debrief_window_add_toast (DebriefWindow *self, AdwToast *toast)
{
  g_return_if_fail (DEBRIEF_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_set_weak_pointer (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * debrief_window_get_last_toast:
 *
 * Returns: (transfer none) (nullable): the toast shown last, if it is
 *   still alive
 */
AdwToast *
debrief_window_get_last_toast (DebriefWindow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_WINDOW (self), NULL);

  return self->last_toast;
}

gboolean
debrief_window_is_searching (DebriefWindow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_WINDOW (self), FALSE);

  return self->searching;
}
