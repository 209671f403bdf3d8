/* debrief-timeline-row.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-timeline-row"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-timeline-row.h"

/* One timeline entry: its time in the report's zone, kind, key event,
 * text and linked evidence. A row is a drag source for its entry and a
 * drop target: dropping above or below it asks its owner (through
 * ::dropped) to put the dropped thing there. The types a row accepts are
 * given by its owner, so that new kinds of dropped things need no change
 * here. */

struct _DebriefTimelineRow
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget     *box;
  GtkLabel      *time_label;
  GtkWidget     *order_icon;
  GtkImage      *kind_icon;
  GtkLabel      *kind_label;
  GtkLabel      *key_label;
  GtkLabel      *text_label;
  GtkLabel      *evidence_label;
  GtkMenuButton *menu_button;

  /* Owned */
  DebriefTimelineEntry *entry;
  char                 *timezone;
  GtkDropTarget        *drop_target;
  gboolean              show_date;
  gboolean              out_of_order;
  gboolean              drop_above;
};

G_DEFINE_FINAL_TYPE (DebriefTimelineRow, debrief_timeline_row, GTK_TYPE_WIDGET)

enum
{
  DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *kind_icons[] = {
  [DEBRIEF_ENTRY_KIND_OBSERVATION] = "find-location-symbolic",
  [DEBRIEF_ENTRY_KIND_ACTION] = "system-run-symbolic",
  [DEBRIEF_ENTRY_KIND_DECISION] = "emblem-ok-symbolic",
  [DEBRIEF_ENTRY_KIND_HYPOTHESIS] = "dialog-question-symbolic",
  [DEBRIEF_ENTRY_KIND_COMMUNICATION] = "mail-send-symbolic",
};

static const char *key_classes[] = {
  NULL, "started", "detected", "acknowledged", "mitigated", "resolved",
};

static GMenuModel *
build_menu (DebriefTimelineRow *self)
{
  GMenu      *menu = g_menu_new ();
  GMenu      *section = g_menu_new ();
  GMenu      *tags = g_menu_new ();
  GMenu      *kinds = g_menu_new ();
  const char *uuid = debrief_timeline_entry_get_uuid (self->entry);
  g_autoptr (GEnumClass) key_class = g_type_class_ref (DEBRIEF_TYPE_KEY_EVENT);
  g_autoptr (GEnumClass) kind_class = g_type_class_ref (DEBRIEF_TYPE_ENTRY_KIND);
  g_autoptr (GMenuItem) edit = NULL;
  g_autoptr (GMenuItem) delete = NULL;

  g_assert (DEBRIEF_IS_TIMELINE_ROW (self));

  edit = g_menu_item_new (_ ("_Edit…"), NULL);
  g_menu_item_set_action_and_target (edit, "timeline.edit-entry", "s", uuid);
  g_menu_append_item (section, edit);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  for (guint i = 0; i < key_class->n_values; i++)
    {
      DebriefKeyEvent key = key_class->values[i].value;
      g_autoptr (GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      /* Translators: a menu item that tags a timeline entry, e.g. "Detected" */
      label = key == DEBRIEF_KEY_EVENT_NONE
                  ? g_strdup (_ ("No Key Event"))
                  : g_strdup (debrief_enum_get_label (DEBRIEF_TYPE_KEY_EVENT, key));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "timeline.tag-entry", "(ss)", uuid,
                                         key_class->values[i].value_nick);
      g_menu_append_item (tags, item);
    }
  g_menu_append_submenu (menu, _ ("_Key Event"), G_MENU_MODEL (tags));
  g_object_unref (tags);

  for (guint i = 0; i < kind_class->n_values; i++)
    {
      g_autoptr (GMenuItem) item = NULL;

      item = g_menu_item_new (
          debrief_enum_get_label (DEBRIEF_TYPE_ENTRY_KIND, kind_class->values[i].value), NULL);
      g_menu_item_set_action_and_target (item, "timeline.set-kind", "(ss)", uuid,
                                         kind_class->values[i].value_nick);
      g_menu_append_item (kinds, item);
    }
  g_menu_append_submenu (menu, _ ("K_ind"), G_MENU_MODEL (kinds));
  g_object_unref (kinds);

  section = g_menu_new ();
  delete = g_menu_item_new (_ ("_Delete"), NULL);
  g_menu_item_set_action_and_target (delete, "timeline.delete-entry", "s", uuid);
  g_menu_append_item (section, delete);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  return G_MENU_MODEL (menu);
}

static void
update (DebriefTimelineRow *self)
{
  DebriefEntryKind kind;
  DebriefKeyEvent  key;
  g_autofree char *time = NULL;

  g_assert (DEBRIEF_IS_TIMELINE_ROW (self));

  if (self->entry == NULL)
    return;

  time = debrief_time_format (debrief_timeline_entry_get_occurred_at (self->entry), self->timezone,
                              debrief_timeline_entry_get_precision (self->entry), self->show_date);
  gtk_label_set_label (self->time_label, time);

  kind = debrief_timeline_entry_get_kind (self->entry);
  gtk_image_set_from_icon_name (self->kind_icon, kind_icons[kind]);
  gtk_label_set_label (self->kind_label, debrief_enum_get_label (DEBRIEF_TYPE_ENTRY_KIND, kind));

  gtk_label_set_label (self->text_label, debrief_timeline_entry_get_text (self->entry));

  /* Guesses look different from facts */
  if (kind == DEBRIEF_ENTRY_KIND_HYPOTHESIS)
    gtk_widget_add_css_class (GTK_WIDGET (self), "hypothesis");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "hypothesis");

  key = debrief_timeline_entry_get_key_event (self->entry);
  gtk_widget_set_visible (GTK_WIDGET (self->key_label), key != DEBRIEF_KEY_EVENT_NONE);
  gtk_label_set_label (self->key_label, debrief_enum_get_label (DEBRIEF_TYPE_KEY_EVENT, key));
  for (guint i = 1; i < G_N_ELEMENTS (key_classes); i++)
    {
      if (i == key)
        gtk_widget_add_css_class (GTK_WIDGET (self->key_label), key_classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->key_label), key_classes[i]);
    }

  gtk_widget_set_visible (self->order_icon, self->out_of_order);
  if (self->out_of_order)
    gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->time_label), "warning");
}

static void
entry_notify_cb (DebriefTimelineRow *self)
{
  update (self);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source, double x, double y, DebriefTimelineRow *self)
{
  if (self->entry == NULL)
    return NULL;

  return gdk_content_provider_new_typed (DEBRIEF_TYPE_TIMELINE_ENTRY, self->entry);
}

static void
drag_begin_cb (GtkDragSource *source, GdkDrag *drag, DebriefTimelineRow *self)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");
}

static void
drag_end_cb (GtkDragSource *source, GdkDrag *drag, gboolean delete_data, DebriefTimelineRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragged");
}

static void
show_drop_indicator (DebriefTimelineRow *self, double y)
{
  g_assert (DEBRIEF_IS_TIMELINE_ROW (self));

  self->drop_above = y < gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  gtk_widget_add_css_class (GTK_WIDGET (self), self->drop_above ? "drop-above" : "drop-below");
  gtk_widget_remove_css_class (GTK_WIDGET (self), self->drop_above ? "drop-below" : "drop-above");
}

static void
hide_drop_indicator (DebriefTimelineRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-above");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-below");
}

static GdkDragAction
drop_motion_cb (GtkDropTarget *target, double x, double y, DebriefTimelineRow *self)
{
  show_drop_indicator (self, y);
  return GDK_ACTION_MOVE;
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target, double x, double y, DebriefTimelineRow *self)
{
  show_drop_indicator (self, y);
  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget *target, DebriefTimelineRow *self)
{
  hide_drop_indicator (self);
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, DebriefTimelineRow *self)
{
  gboolean handled = FALSE;

  show_drop_indicator (self, y);
  hide_drop_indicator (self);

  if (self->entry != NULL)
    g_signal_emit (self, signals[DROPPED], 0, value, self->drop_above, &handled);

  return handled;
}

static void
debrief_timeline_row_dispose (GObject *object)
{
  DebriefTimelineRow *self = (DebriefTimelineRow *) object;

  debrief_timeline_row_set_entry (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_TIMELINE_ROW);

  G_OBJECT_CLASS (debrief_timeline_row_parent_class)->dispose (object);
}

static void
debrief_timeline_row_finalize (GObject *object)
{
  DebriefTimelineRow *self = (DebriefTimelineRow *) object;

  g_clear_pointer (&self->timezone, g_free);

  G_OBJECT_CLASS (debrief_timeline_row_parent_class)->finalize (object);
}

static void
debrief_timeline_row_class_init (DebriefTimelineRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_timeline_row_dispose;
  object_class->finalize = debrief_timeline_row_finalize;

  /**
   * DebriefTimelineRow::dropped:
   * @value: what was dropped, of one of the row's accepted types
   * @above: whether it was dropped on the upper half of the row
   *
   * Returns: %TRUE if the drop was taken
   */
  signals[DROPPED] = g_signal_new ("dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   g_signal_accumulator_true_handled, NULL, NULL, G_TYPE_BOOLEAN,
                                   2, G_TYPE_VALUE | G_SIGNAL_TYPE_STATIC_SCOPE, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/debrief-timeline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefTimelineRow, box);
  gtk_widget_class_bind_template_child (widget_class, DebriefTimelineRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefTimelineRow, order_icon);
  gtk_widget_class_bind_template_child (widget_class, DebriefTimelineRow, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, DebriefTimelineRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefTimelineRow, key_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefTimelineRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefTimelineRow, evidence_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefTimelineRow, menu_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timelinerow");
}

static void
debrief_timeline_row_init (DebriefTimelineRow *self)
{
  GtkDragSource *source;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->timezone = g_strdup ("UTC");

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  self->drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect (self->drop_target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (self->drop_target, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (self->drop_target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (self->drop_target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));
}

/**
 * debrief_timeline_row_new:
 * @drop_types: (array length=n_drop_types): what can be dropped on the row
 */
GtkWidget *
debrief_timeline_row_new (const GType *drop_types, gsize n_drop_types)
{
  DebriefTimelineRow *self = g_object_new (DEBRIEF_TYPE_TIMELINE_ROW, NULL);

  gtk_drop_target_set_gtypes (self->drop_target, (GType *) drop_types, n_drop_types);

  return GTK_WIDGET (self);
}

/**
 * debrief_timeline_row_get_entry:
 *
 * Returns: (transfer none) (nullable): the entry shown
 */
DebriefTimelineEntry *
debrief_timeline_row_get_entry (DebriefTimelineRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_ROW (self), NULL);

  return self->entry;
}

void
debrief_timeline_row_set_entry (DebriefTimelineRow *self, DebriefTimelineEntry *entry)
{
  g_return_if_fail (DEBRIEF_IS_TIMELINE_ROW (self));

  if (self->entry == entry)
    return;

  if (self->entry != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->entry, entry_notify_cb, self);
      g_clear_object (&self->entry);
      gtk_menu_button_set_menu_model (self->menu_button, NULL);
    }

  if (entry != NULL)
    {
      g_autoptr (GMenuModel) menu = NULL;

      self->entry = g_object_ref (entry);
      g_signal_connect_swapped (entry, "notify", G_CALLBACK (entry_notify_cb), self);
      menu = build_menu (self);
      gtk_menu_button_set_menu_model (self->menu_button, menu);
      update (self);
    }
}

/**
 * debrief_timeline_row_set_context:
 * @timezone: the report's zone, for the time
 * @show_date: whether the time shows its date (the incident spans days)
 * @out_of_order: whether the entry's time is out of order with its
 *   neighbours
 */
void
debrief_timeline_row_set_context (DebriefTimelineRow *self,
                                  const char         *timezone,
                                  gboolean            show_date,
                                  gboolean            out_of_order)
{
  g_return_if_fail (DEBRIEF_IS_TIMELINE_ROW (self));

  if (g_strcmp0 (self->timezone, timezone) != 0)
    {
      g_free (self->timezone);
      self->timezone = g_strdup (timezone);
    }
  self->show_date = show_date;
  self->out_of_order = out_of_order;
  update (self);
}

void
debrief_timeline_row_set_evidence_count (DebriefTimelineRow *self, guint count)
{
  g_autofree char *text = NULL;

  g_return_if_fail (DEBRIEF_IS_TIMELINE_ROW (self));

  /* Translators: the number of evidence items linked to a timeline entry */
  text = g_strdup_printf (ngettext ("%u item", "%u items", count), count);
  gtk_label_set_label (self->evidence_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_label), count > 0);
}

gboolean
debrief_timeline_row_get_out_of_order (DebriefTimelineRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_ROW (self), FALSE);

  return self->out_of_order;
}

const char *
debrief_timeline_row_get_time_text (DebriefTimelineRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_ROW (self), NULL);

  return gtk_label_get_text (self->time_label);
}

/**
 * debrief_timeline_row_get_drop_target:
 *
 * Returns: (transfer none): the row's drop target
 */
GtkDropTarget *
debrief_timeline_row_get_drop_target (DebriefTimelineRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_ROW (self), NULL);

  return self->drop_target;
}
