/* debrief-import-dialog.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "debrief-datetime-button.h"
#include "debrief-import-dialog.h"

/* The preview of a work log import: the entries that would be added, the
 * lines that could not be read and why, and the day that times without a
 * date fall on. Nothing is stored until the user confirms. */

struct _DebriefImportDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkButton             *import_button;
  GtkLabel              *summary_label;
  DebriefDatetimeButton *date_button;
  GtkStack              *stack;
  GtkStackPage          *problems_page;
  GtkListView           *entries_view;
  GtkListView           *problems_view;

  /* Owned */
  DebriefLogImport *import;
};

G_DEFINE_FINAL_TYPE (DebriefImportDialog, debrief_import_dialog, ADW_TYPE_WINDOW)

enum
{
  CONFIRMED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
format_name (DebriefLogFormat format)
{
  switch (format)
    {
      case DEBRIEF_LOG_FORMAT_CSV:
        return _ ("CSV");
      case DEBRIEF_LOG_FORMAT_SLACK:
        return _ ("Slack export");
      case DEBRIEF_LOG_FORMAT_TEXT:
      case DEBRIEF_LOG_FORMAT_AUTO:
      default:
        return _ ("plain text");
    }
}

static void
update (DebriefImportDialog *self)
{
  guint n_entries = g_list_model_get_n_items (debrief_log_import_get_entries (self->import));
  guint n_problems = g_list_model_get_n_items (debrief_log_import_get_problems (self->import));
  guint n_lines = debrief_log_import_get_n_lines (self->import);
  g_autofree char *entries = NULL;
  g_autofree char *lines = NULL;
  g_autofree char *found = NULL;
  g_autofree char *left_out = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *button = NULL;
  g_autofree char *problems = NULL;

  g_assert (DEBRIEF_IS_IMPORT_DIALOG (self));

  /* Translators: the start of "Found 42 entries in 45 lines (plain text)." */
  entries = g_strdup_printf (ngettext ("Found %u entry", "Found %u entries", n_entries),
                             n_entries);
  /* Translators: the end of "Found 42 entries in 45 lines (plain text)."; %s is the format */
  lines = g_strdup_printf (ngettext ("in %u line (%s).", "in %u lines (%s).", n_lines), n_lines,
                           format_name (debrief_log_import_get_format (self->import)));
  found = g_strjoin (" ", entries, lines, NULL);
  if (n_problems > 0)
    left_out = g_strdup_printf (ngettext ("%u line could not be read and will be left out.",
                                          "%u lines could not be read and will be left out.",
                                          n_problems),
                                n_problems);
  summary = g_strjoin (" ", found, left_out ? left_out : "", NULL);
  gtk_label_set_label (self->summary_label, g_strstrip (summary));

  button = g_strdup_printf (ngettext ("_Import %u Entry", "_Import %u Entries", n_entries),
                            n_entries);
  gtk_button_set_label (self->import_button, button);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), n_entries > 0);

  /* Translators: the tab listing the lines of a log that could not be read */
  problems = g_strdup_printf (_ ("Lines Left Out (%u)"), n_problems);
  gtk_stack_page_set_title (self->problems_page, problems);
  gtk_stack_page_set_visible (self->problems_page, n_problems > 0);
}

static void
entry_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                DebriefImportDialog      *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *time = gtk_label_new (NULL);
  GtkWidget *kind = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_label_set_xalign (GTK_LABEL (time), 0);
  gtk_widget_set_size_request (time, 150, -1);
  gtk_widget_set_valign (time, GTK_ALIGN_START);
  gtk_widget_add_css_class (time, "numeric");
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_set_size_request (kind, 100, -1);
  gtk_widget_set_valign (kind, GTK_ALIGN_START);
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (text, TRUE);

  gtk_box_append (GTK_BOX (box), time);
  gtk_box_append (GTK_BOX (box), kind);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_item_set_child (list_item, box);
}

static void
entry_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               DebriefImportDialog      *self)
{
  DebriefTimelineEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget            *time = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget            *kind = gtk_widget_get_next_sibling (time);
  GtkWidget            *text = gtk_widget_get_next_sibling (kind);
  DebriefReport        *report = debrief_log_import_get_report (self->import);
  g_autofree char      *when = NULL;

  when = debrief_time_format (debrief_timeline_entry_get_occurred_at (entry),
                              debrief_report_get_timezone (report),
                              debrief_timeline_entry_get_precision (entry), TRUE);
  gtk_label_set_label (GTK_LABEL (time), when);
  gtk_label_set_label (
      GTK_LABEL (kind),
      debrief_enum_get_label (DEBRIEF_TYPE_ENTRY_KIND, debrief_timeline_entry_get_kind (entry)));
  gtk_label_set_label (GTK_LABEL (text), debrief_timeline_entry_get_text (entry));
}

static void
problem_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  DebriefImportDialog      *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *message = gtk_label_new (NULL);
  GtkWidget *excerpt = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (excerpt), 0);
  gtk_label_set_ellipsize (GTK_LABEL (excerpt), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (excerpt, "monospace");
  gtk_widget_add_css_class (excerpt, "dim-label");
  gtk_widget_add_css_class (excerpt, "caption");

  gtk_box_append (GTK_BOX (box), message);
  gtk_box_append (GTK_BOX (box), excerpt);
  gtk_list_item_set_child (list_item, box);
}

static void
problem_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 DebriefImportDialog      *self)
{
  DebriefLogProblem *problem = gtk_list_item_get_item (list_item);
  GtkWidget         *message = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget         *excerpt = gtk_widget_get_next_sibling (message);
  g_autofree char   *text = NULL;

  /* Translators: "Line 12: the time 25:61 does not exist" */
  text = g_strdup_printf (_ ("Line %u: %s"), debrief_log_problem_get_line (problem),
                          debrief_log_problem_get_message (problem));
  gtk_label_set_label (GTK_LABEL (message), text);
  gtk_label_set_label (GTK_LABEL (excerpt), debrief_log_problem_get_excerpt (problem));
}

static GtkListItemFactory *
new_factory (DebriefImportDialog *self, GCallback setup, GCallback bind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);

  return factory;
}

static void
date_changed_cb (DebriefImportDialog *self)
{
  const char *text = debrief_datetime_button_get_date (self->date_button);
  g_autoptr (GError) error = NULL;
  GDate date;
  int   y, m, d;

  if (self->import == NULL || text == NULL || sscanf (text, "%d-%d-%d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  if (!debrief_log_import_set_start_date (self->import, &date, &error))
    {
      gtk_label_set_label (self->summary_label, error->message);
      return;
    }

  update (self);
}

static void
import_clicked_cb (DebriefImportDialog *self)
{
  debrief_import_dialog_confirm (self);
}

static void
debrief_import_dialog_dispose (GObject *object)
{
  DebriefImportDialog *self = (DebriefImportDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->import);

  G_OBJECT_CLASS (debrief_import_dialog_parent_class)->dispose (object);
}

static void
debrief_import_dialog_class_init (DebriefImportDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_import_dialog_dispose;

  /**
   * DebriefImportDialog::confirmed:
   *
   * The user chose to import the entries.
   */
  signals[CONFIRMED] = g_signal_new ("confirmed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (DEBRIEF_TYPE_DATETIME_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/debrief-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefImportDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefImportDialog, problems_page);
  gtk_widget_class_bind_template_child (widget_class, DebriefImportDialog, entries_view);
  gtk_widget_class_bind_template_child (widget_class, DebriefImportDialog, problems_view);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
debrief_import_dialog_init (DebriefImportDialog *self)
{
  g_autoptr (GtkListItemFactory) entries = NULL;
  g_autoptr (GtkListItemFactory) problems = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  entries = new_factory (self, G_CALLBACK (entry_setup_cb), G_CALLBACK (entry_bind_cb));
  problems = new_factory (self, G_CALLBACK (problem_setup_cb), G_CALLBACK (problem_bind_cb));
  gtk_list_view_set_factory (self->entries_view, entries);
  gtk_list_view_set_factory (self->problems_view, problems);
}

/**
 * debrief_import_dialog_new:
 * @import: a parsed log that has not been applied
 */
GtkWidget *
debrief_import_dialog_new (DebriefLogImport *import)
{
  DebriefImportDialog *self;
  g_autofree char     *date = NULL;
  GDate                start;

  g_return_val_if_fail (DEBRIEF_IS_LOG_IMPORT (import), NULL);

  self = g_object_new (DEBRIEF_TYPE_IMPORT_DIALOG, NULL);
  self->import = g_object_ref (import);

  gtk_list_view_set_model (self->entries_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (
                               g_object_ref (debrief_log_import_get_entries (import)))));
  gtk_list_view_set_model (self->problems_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (
                               g_object_ref (debrief_log_import_get_problems (import)))));

  g_date_clear (&start, 1);
  debrief_log_import_get_start_date (import, &start);
  if (g_date_valid (&start))
    {
      date = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&start),
                              g_date_get_month (&start), g_date_get_day (&start));
      g_signal_handlers_block_by_func (self->date_button, date_changed_cb, self);
      debrief_datetime_button_set_date (self->date_button, date);
      g_signal_handlers_unblock_by_func (self->date_button, date_changed_cb, self);
    }

  update (self);
  if (g_list_model_get_n_items (debrief_log_import_get_entries (import)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "problems");

  return GTK_WIDGET (self);
}

/**
 * debrief_import_dialog_get_import:
 *
 * Returns: (transfer none): the import being previewed
 */
DebriefLogImport *
debrief_import_dialog_get_import (DebriefImportDialog *self)
{
  g_return_val_if_fail (DEBRIEF_IS_IMPORT_DIALOG (self), NULL);

  return self->import;
}

const char *
debrief_import_dialog_get_summary (DebriefImportDialog *self)
{
  g_return_val_if_fail (DEBRIEF_IS_IMPORT_DIALOG (self), NULL);

  return gtk_label_get_text (self->summary_label);
}

/**
 * debrief_import_dialog_confirm:
 *
 * Does what the Import button does: emits ::confirmed and closes.
 */
void
debrief_import_dialog_confirm (DebriefImportDialog *self)
{
  g_return_if_fail (DEBRIEF_IS_IMPORT_DIALOG (self));

  g_signal_emit (self, signals[CONFIRMED], 0);
  gtk_window_close (GTK_WINDOW (self));
}
