/* debrief-export-dialog.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-export-dialog.h"

/* Export a report: choose the profile, format and paper size, see the
 * pages as they will come out (rendered with poppler), then save. The
 * document is made and its pages drawn on worker threads; the preview is
 * remade, cancelling the previous one, whenever an option changes. */

#define PREVIEW_DELAY_MS  150
#define PREVIEW_SCALE     0.9
#define PREVIEW_MAX_PAGES 80

struct _DebriefExportDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkButton      *cancel_button;
  GtkButton      *export_button;
  GtkProgressBar *progress_bar;
  AdwComboRow    *profile_row;
  GtkStringList  *profile_model;
  AdwComboRow    *format_row;
  AdwComboRow    *paper_row;
  GtkStringList  *paper_model;
  GtkLabel       *profile_description;
  GtkWidget      *missing_box;
  GtkLabel       *missing_label;
  GtkStack       *preview_stack;
  GtkSpinner     *spinner;
  GtkWidget      *pages_box;
  GtkTextView    *text_view;
  AdwStatusPage  *error_page;

  /* Owned */
  DebriefReport        *report;
  DebriefExportOptions *options;
  GSettings            *settings;
  GBytes               *document;
  GCancellable         *preview_cancellable;
  GCancellable         *export_cancellable;
  GFile                *export_file;
  guint                 preview_source;
  guint                 n_pages;
  guint                 n_rendered;
  gboolean              exporting;
};

G_DEFINE_FINAL_TYPE (DebriefExportDialog, debrief_export_dialog, ADW_TYPE_WINDOW)

enum
{
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const DebriefPaper papers[] = { DEBRIEF_PAPER_AUTO, DEBRIEF_PAPER_A4,
                                       DEBRIEF_PAPER_LETTER };

static void render_next_page (DebriefExportDialog *self);

static void
show_progress (double fraction, gpointer user_data)
{
  DebriefExportDialog *self = user_data;

  /* Not once the dialog is gone */
  if (self->progress_bar != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  g_autoptr (GBytes) bytes = NULL;
  int width, height, stride;

  cairo_surface_flush (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);

  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static void
page_rendered_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DebriefExportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *label = NULL;
  cairo_surface_t *surface;
  GtkWidget       *picture;
  guint            n_pages = 0;

  surface = debrief_export_render_page_finish (result, &n_pages, &error);
  if (surface == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->preview_stack, "error");
        }
      return;
    }

  self->n_pages = n_pages;
  texture = texture_from_surface (surface);
  cairo_surface_destroy (surface);

  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_widget_set_size_request (picture, gdk_texture_get_width (texture),
                               gdk_texture_get_height (texture));
  gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (picture, "export-page");
  /* Translators: the accessible name of a page in the export preview */
  label = g_strdup_printf (_ ("Page %u of %u"), self->n_rendered + 1, n_pages);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_box_append (GTK_BOX (self->pages_box), picture);

  if (self->n_rendered == 0)
    {
      gtk_spinner_stop (self->spinner);
      gtk_stack_set_visible_child_name (self->preview_stack, "pages");
    }

  self->n_rendered++;
  render_next_page (self);
}

static void
render_next_page (DebriefExportDialog *self)
{
  g_assert (DEBRIEF_IS_EXPORT_DIALOG (self));

  if (self->document == NULL || (self->n_pages > 0 && self->n_rendered >= self->n_pages) ||
      self->n_rendered >= PREVIEW_MAX_PAGES)
    return;

  debrief_export_render_page_async (self->document, self->n_rendered, PREVIEW_SCALE,
                                    self->preview_cancellable, page_rendered_cb,
                                    g_object_ref (self));
}

static void
preview_made_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DebriefExportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *missing = NULL;
  GtkWidget       *child;

  bytes = debrief_export_to_bytes_finish (result, &error);
  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_spinner_stop (self->spinner);
          gtk_widget_set_visible (self->missing_box, FALSE);
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->preview_stack, "error");
        }
      return;
    }

  g_clear_pointer (&self->document, g_bytes_unref);
  self->document = g_steal_pointer (&bytes);

  /* Characters that will show as boxes, said before they are exported */
  missing = debrief_export_get_missing_characters (result);
  if (missing != NULL)
    {
      g_autofree char *message = debrief_export_describe_missing_characters (missing);

      gtk_label_set_label (self->missing_label, message);
    }
  gtk_widget_set_visible (self->missing_box, missing != NULL);

  if (debrief_export_options_get_format (self->options) != DEBRIEF_EXPORT_FORMAT_PDF)
    {
      gsize       length = 0;
      const char *text = g_bytes_get_data (self->document, &length);

      gtk_spinner_stop (self->spinner);
      if (text != NULL && g_utf8_validate (text, (gssize) length, NULL))
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, (int) length);
      gtk_stack_set_visible_child_name (self->preview_stack, "text");
      return;
    }

  while ((child = gtk_widget_get_first_child (self->pages_box)))
    gtk_box_remove (GTK_BOX (self->pages_box), child);
  self->n_pages = 0;
  self->n_rendered = 0;
  render_next_page (self);
}

static void
make_preview (DebriefExportDialog *self)
{
  g_assert (DEBRIEF_IS_EXPORT_DIALOG (self));

  g_clear_handle_id (&self->preview_source, g_source_remove);

  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  self->preview_cancellable = g_cancellable_new ();

  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->preview_stack, "working");

  debrief_export_to_bytes_async (self->report, self->options, self->preview_cancellable, NULL,
                                 NULL, NULL, preview_made_cb, g_object_ref (self));
}

static gboolean
make_preview_cb (gpointer data)
{
  DebriefExportDialog *self = data;

  self->preview_source = 0;
  make_preview (self);

  return G_SOURCE_REMOVE;
}

/* Nothing changes while exporting; the profile is for PDF and Markdown,
 * the paper for PDF */
static void
update_sensitivity (DebriefExportDialog *self)
{
  guint format = adw_combo_row_get_selected (self->format_row);

  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !self->exporting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), !self->exporting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->profile_row),
                            !self->exporting && format != DEBRIEF_EXPORT_FORMAT_JSON);
  gtk_widget_set_sensitive (GTK_WIDGET (self->paper_row),
                            !self->exporting && format == DEBRIEF_EXPORT_FORMAT_PDF);
}

static void
options_changed_cb (DebriefExportDialog *self)
{
  guint                 n_profiles, profile = adw_combo_row_get_selected (self->profile_row);
  guint                 paper = adw_combo_row_get_selected (self->paper_row);
  guint                 format = adw_combo_row_get_selected (self->format_row);
  const DebriefProfile *profiles = debrief_profile_get_all (&n_profiles);

  if (self->options == NULL || profile >= n_profiles || paper >= G_N_ELEMENTS (papers) ||
      format > DEBRIEF_EXPORT_FORMAT_JSON)
    return;

  /* JSON always holds the whole report: the first profile that does */
  if (format == DEBRIEF_EXPORT_FORMAT_JSON && !debrief_profile_is_whole (&profiles[profile]))
    {
      for (guint i = 0; i < n_profiles; i++)
        if (debrief_profile_is_whole (&profiles[i]))
          {
            adw_combo_row_set_selected (self->profile_row, i);
            break;
          }
      return;
    }

  debrief_export_options_set_profile (self->options, profiles[profile].name, NULL);
  debrief_export_options_set_paper (self->options, papers[paper]);
  debrief_export_options_set_format (self->options, format);
  gtk_label_set_label (self->profile_description,
                       format == DEBRIEF_EXPORT_FORMAT_JSON
                           ? _ ("The report’s whole JSON document, with every field, which "
                                "Debrief imports again.")
                           : debrief_profile_get_description (&profiles[profile]));
  update_sensitivity (self);

  g_settings_set_string (self->settings, "export-profile", profiles[profile].name);
  g_settings_set_string (self->settings, "paper-size",
                         debrief_enum_to_nick (DEBRIEF_TYPE_PAPER, papers[paper]));

  if (self->preview_source == 0)
    self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, make_preview_cb, self);
}

static void
set_exporting (DebriefExportDialog *self, gboolean exporting)
{
  self->exporting = exporting;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), exporting);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  update_sensitivity (self);
}

static void
exported_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DebriefExportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = g_steal_pointer (&self->export_file);
  gboolean done = debrief_export_finish (result, &error);

  /* Closed meanwhile, which cancelled the export (unless it was done) */
  if (self->progress_bar == NULL)
    {
      if (done)
        g_signal_emit (self, signals[EXPORTED], 0, file);
      return;
    }

  set_exporting (self, FALSE);

  if (!done)
    {
      AdwMessageDialog *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      dialog = ADW_MESSAGE_DIALOG (
          adw_message_dialog_new (GTK_WINDOW (self), _ ("Export Failed"), error->message));
      adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_signal_emit (self, signals[EXPORTED], 0, file);
  gtk_window_close (GTK_WINDOW (self));
}

/**
 * debrief_export_dialog_export_to:
 *
 * Exports with the chosen options to @file, showing progress; what the
 * Export button does once a file is chosen.
 */
void
debrief_export_dialog_export_to (DebriefExportDialog *self, GFile *file)
{
  g_return_if_fail (DEBRIEF_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  self->export_cancellable = g_cancellable_new ();

  g_set_object (&self->export_file, file);
  set_exporting (self, TRUE);
  debrief_export_async (self->report, self->options, file, self->export_cancellable, show_progress,
                        g_object_ref (self), g_object_unref, exported_cb, g_object_ref (self));
}

static void
save_response_cb (GtkNativeDialog *chooser, int response, DebriefExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        debrief_export_dialog_export_to (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static char *
suggested_name (DebriefExportDialog *self)
{
  g_autofree char *title = g_strdup (debrief_report_get_title (self->report));
  const char      *extension = debrief_export_format_get_extension (
           debrief_export_options_get_format (self->options));

  /* No path separators or control characters in a file name */
  g_strdelimit (title, "/\\:*?\"<>|\n\r\t", '-');
  if (*g_strstrip (title) == '\0')
    return g_strdup_printf ("%s.%s", _ ("Incident report"), extension);

  return g_strdup_printf ("%s.%s", title, extension);
}

static void
export_clicked_cb (DebriefExportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char      *name = suggested_name (self);

  chooser = gtk_file_chooser_native_new (_ ("Export Report"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"),
                                         _ ("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_clicked_cb (DebriefExportDialog *self)
{
  /* Cancel stops an export under way; otherwise it closes */
  if (self->exporting)
    {
      g_cancellable_cancel (self->export_cancellable);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

/* Closing the dialog (Escape, the window's close button) during an
 * export cancels it, as the Cancel button does */
static gboolean
debrief_export_dialog_close_request (GtkWindow *window)
{
  DebriefExportDialog *self = DEBRIEF_EXPORT_DIALOG (window);

  if (self->exporting)
    g_cancellable_cancel (self->export_cancellable);

  return GTK_WINDOW_CLASS (debrief_export_dialog_parent_class)->close_request (window);
}

static void
debrief_export_dialog_dispose (GObject *object)
{
  DebriefExportDialog *self = (DebriefExportDialog *) object;

  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_cancellable_cancel (self->preview_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_EXPORT_DIALOG);

  g_clear_object (&self->report);
  g_clear_object (&self->options);
  g_clear_object (&self->settings);
  g_clear_object (&self->preview_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->export_file);
  g_clear_pointer (&self->document, g_bytes_unref);

  G_OBJECT_CLASS (debrief_export_dialog_parent_class)->dispose (object);
}

static void
debrief_export_dialog_class_init (DebriefExportDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_export_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = debrief_export_dialog_close_request;

  /**
   * DebriefExportDialog::exported:
   * @file: the file written
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/debrief-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DebriefExportDialog, profile_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefExportDialog, profile_model);
  gtk_widget_class_bind_template_child (widget_class, DebriefExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefExportDialog, paper_model);
  gtk_widget_class_bind_template_child (widget_class, DebriefExportDialog, profile_description);
  gtk_widget_class_bind_template_child (widget_class, DebriefExportDialog, missing_box);
  gtk_widget_class_bind_template_child (widget_class, DebriefExportDialog, missing_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefExportDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, DebriefExportDialog, pages_box);
  gtk_widget_class_bind_template_child (widget_class, DebriefExportDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, DebriefExportDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
debrief_export_dialog_init (DebriefExportDialog *self)
{
  const DebriefProfile *profiles;
  g_autofree char      *automatic = NULL;
  guint                 n_profiles;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  profiles = debrief_profile_get_all (&n_profiles);
  for (guint i = 0; i < n_profiles; i++)
    gtk_string_list_append (self->profile_model, debrief_profile_get_label (&profiles[i]));

  /* Translators: the paper size the locale suggests, e.g. "Automatic (A4)" */
  automatic = g_strdup_printf (_ ("Automatic (%s)"),
                               debrief_paper_from_locale () == DEBRIEF_PAPER_LETTER ? _ ("Letter")
                                                                                    : _ ("A4"));
  gtk_string_list_append (self->paper_model, automatic);
  gtk_string_list_append (self->paper_model, _ ("A4"));
  gtk_string_list_append (self->paper_model, _ ("Letter"));
}

/**
 * debrief_export_dialog_new:
 * @report: the report to export
 */
GtkWidget *
debrief_export_dialog_new (DebriefReport *report)
{
  DebriefExportDialog  *self;
  g_autofree char      *profile = NULL;
  g_autofree char      *paper = NULL;
  const DebriefProfile *profiles;
  guint                 n_profiles;
  int                   paper_value = DEBRIEF_PAPER_AUTO;

  g_return_val_if_fail (DEBRIEF_IS_REPORT (report), NULL);

  self = g_object_new (DEBRIEF_TYPE_EXPORT_DIALOG, NULL);
  self->report = g_object_ref (report);

  /* Start with the options used last */
  profile = g_settings_get_string (self->settings, "export-profile");
  paper = g_settings_get_string (self->settings, "paper-size");
  profiles = debrief_profile_get_all (&n_profiles);
  for (guint i = 0; i < n_profiles; i++)
    {
      if (g_str_equal (profiles[i].name, profile))
        adw_combo_row_set_selected (self->profile_row, i);
    }
  if (debrief_enum_from_nick (DEBRIEF_TYPE_PAPER, paper, &paper_value, NULL))
    for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
      if ((int) papers[i] == paper_value)
        adw_combo_row_set_selected (self->paper_row, i);

  self->options = debrief_export_options_new ();
  options_changed_cb (self);
  make_preview (self);

  return GTK_WIDGET (self);
}

/**
 * debrief_export_dialog_get_options:
 *
 * Returns: (transfer none): the options chosen
 */
DebriefExportOptions *
debrief_export_dialog_get_options (DebriefExportDialog *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EXPORT_DIALOG (self), NULL);

  return self->options;
}

guint
debrief_export_dialog_get_n_preview_pages (DebriefExportDialog *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EXPORT_DIALOG (self), 0);

  return self->n_rendered;
}

guint
debrief_export_dialog_get_n_pages (DebriefExportDialog *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EXPORT_DIALOG (self), 0);

  return self->n_pages;
}

/**
 * debrief_export_dialog_select:
 * @profile: a profile name, or %NULL to keep it
 * @format: a format
 *
 * Chooses options as the user would in the dialog.
 */
void
debrief_export_dialog_select (DebriefExportDialog *self,
                              const char          *profile,
                              DebriefExportFormat  format)
{
  const DebriefProfile *profiles;
  guint                 n_profiles;

  g_return_if_fail (DEBRIEF_IS_EXPORT_DIALOG (self));

  /* The format first: JSON takes the full profile */
  adw_combo_row_set_selected (self->format_row, format);
  profiles = debrief_profile_get_all (&n_profiles);
  for (guint i = 0; profile != NULL && i < n_profiles; i++)
    {
      if (g_str_equal (profiles[i].name, profile))
        adw_combo_row_set_selected (self->profile_row, i);
    }
}

gboolean
debrief_export_dialog_get_exporting (DebriefExportDialog *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EXPORT_DIALOG (self), FALSE);

  return self->exporting;
}

/**
 * debrief_export_dialog_cancel:
 *
 * What the Cancel button does.
 */
void
debrief_export_dialog_cancel (DebriefExportDialog *self)
{
  g_return_if_fail (DEBRIEF_IS_EXPORT_DIALOG (self));

  cancel_clicked_cb (self);
}
