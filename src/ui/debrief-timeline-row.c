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
#include "debrief-tooltip.h"

/* One timeline entry: its time in the report's zone, kind, key event,
 * text and linked evidence.
 *
 * A row is a drag source for its entry and a drop target: dropping above
 * or below it asks its owner (through ::dropped) to put the dropped thing
 * there. The types a row accepts are given by its owner, so that new
 * kinds of dropped things need no change here.
 *
 * GTK 4.8's list view makes a couple of hundred rows at once, so a row is
 * built in code from as few widgets as will do: the drag handle and the
 * kinds' icons are drawn by the style sheet, the badge and the evidence
 * count only exist once needed, and the entry's menu is one popover that
 * the owner shows for the row that asks (::menu-requested).
 *
 *   ⋮⋮ [time ⚠]  [badge]             [n items] […]
 *      [◇ kind]  text, wrapped
 */

enum
{
  COLUMN_HANDLE,
  COLUMN_TIME,
  COLUMN_TEXT,
  COLUMN_EVIDENCE,
  COLUMN_MENU,
};

struct _DebriefTimelineRow
{
  GtkWidget parent_instance;

  /* Children */
  GtkLabel  *time_label;
  GtkLabel  *kind_label;
  GtkLabel  *key_label;
  GtkLabel  *text_label;
  GtkLabel  *evidence_label;
  GtkWidget *menu_button;

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
  MENU_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Each kind's icon is drawn by style.css beside its name */
static const char *kind_classes[] = {
  [DEBRIEF_ENTRY_KIND_OBSERVATION] = "observation",
  [DEBRIEF_ENTRY_KIND_ACTION] = "action",
  [DEBRIEF_ENTRY_KIND_DECISION] = "decision",
  [DEBRIEF_ENTRY_KIND_HYPOTHESIS] = "hypothesis",
  [DEBRIEF_ENTRY_KIND_COMMUNICATION] = "communication",
};

static const char *key_classes[] = {
  NULL, "started", "detected", "acknowledged", "mitigated", "resolved",
};

static void
place (DebriefTimelineRow *self, GtkWidget *child, int column, int row, int height)
{
  GtkLayoutManager   *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkGridLayoutChild *cell;

  if (gtk_widget_get_parent (child) == NULL)
    gtk_widget_set_parent (child, GTK_WIDGET (self));

  cell = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, child));
  gtk_grid_layout_child_set_column (cell, column);
  gtk_grid_layout_child_set_row (cell, row);
  gtk_grid_layout_child_set_row_span (cell, height);
}

static GtkLabel *
new_label (const char *css_class)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_xalign (label, 0);
  gtk_widget_set_valign (GTK_WIDGET (label), GTK_ALIGN_START);
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), css_class);

  return label;
}

static void
update_key_event (DebriefTimelineRow *self)
{
  DebriefKeyEvent key = debrief_timeline_entry_get_key_event (self->entry);

  g_assert (DEBRIEF_IS_TIMELINE_ROW (self));

  if (key == DEBRIEF_KEY_EVENT_NONE && self->key_label == NULL)
    return;

  if (self->key_label == NULL)
    {
      self->key_label = new_label ("key-event-badge");
      gtk_widget_set_halign (GTK_WIDGET (self->key_label), GTK_ALIGN_START);
      gtk_widget_set_margin_bottom (GTK_WIDGET (self->key_label), 3);
      place (self, GTK_WIDGET (self->key_label), COLUMN_TEXT, 0, 1);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->key_label), key != DEBRIEF_KEY_EVENT_NONE);
  gtk_label_set_label (self->key_label, debrief_enum_get_label (DEBRIEF_TYPE_KEY_EVENT, key));
  for (guint i = 1; i < G_N_ELEMENTS (key_classes); i++)
    {
      if (i == key)
        gtk_widget_add_css_class (GTK_WIDGET (self->key_label), key_classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->key_label), key_classes[i]);
    }

  /* With a badge, the text goes below it; without, it starts at the top */
  place (self, GTK_WIDGET (self->text_label), COLUMN_TEXT, key != DEBRIEF_KEY_EVENT_NONE ? 1 : 0,
         key != DEBRIEF_KEY_EVENT_NONE ? 1 : 2);
}

static void
update (DebriefTimelineRow *self)
{
  DebriefEntryKind kind;
  g_autofree char *time = NULL;

  g_assert (DEBRIEF_IS_TIMELINE_ROW (self));

  if (self->entry == NULL)
    return;

  time = debrief_time_format (debrief_timeline_entry_get_occurred_at (self->entry), self->timezone,
                              debrief_timeline_entry_get_precision (self->entry), self->show_date);
  if (self->out_of_order)
    {
      g_autofree char *marked = g_strconcat (time, " ⚠", NULL);

      gtk_label_set_label (self->time_label, marked);
      gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "warning");
      debrief_widget_set_tooltip (GTK_WIDGET (self->time_label),
                                  _ ("This time is out of order with the entries around it"));
    }
  else
    {
      gtk_label_set_label (self->time_label, time);
      gtk_widget_remove_css_class (GTK_WIDGET (self->time_label), "warning");
      debrief_widget_set_tooltip (GTK_WIDGET (self->time_label), NULL);
    }

  kind = debrief_timeline_entry_get_kind (self->entry);
  gtk_label_set_label (self->kind_label, debrief_enum_get_label (DEBRIEF_TYPE_ENTRY_KIND, kind));
  for (guint i = 0; i < G_N_ELEMENTS (kind_classes); i++)
    {
      if (i == kind)
        gtk_widget_add_css_class (GTK_WIDGET (self->kind_label), kind_classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->kind_label), kind_classes[i]);
    }
  gtk_label_set_label (self->text_label, debrief_timeline_entry_get_text (self->entry));

  /* Guesses look different from facts */
  if (kind == DEBRIEF_ENTRY_KIND_HYPOTHESIS)
    gtk_widget_add_css_class (GTK_WIDGET (self), "hypothesis");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "hypothesis");

  update_key_event (self);
}

static void
entry_notify_cb (DebriefTimelineRow *self)
{
  update (self);
}

static void
menu_clicked_cb (DebriefTimelineRow *self)
{
  if (self->entry != NULL)
    g_signal_emit (self, signals[MENU_REQUESTED], 0, self->menu_button);
}

static void
secondary_click_cb (
    GtkGestureClick *gesture, int n_press, double x, double y, DebriefTimelineRow *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  menu_clicked_cb (self);
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
  GtkWidget          *child;

  debrief_timeline_row_set_entry (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

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

  /**
   * DebriefTimelineRow::menu-requested:
   * @anchor: the widget the entry's menu should point at
   */
  signals[MENU_REQUESTED] = g_signal_new ("menu-requested", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                          GTK_TYPE_WIDGET);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_GRID_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timelinerow");
}

static void
debrief_timeline_row_init (DebriefTimelineRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkDragSource    *source;
  GtkGesture       *click;

  self->timezone = g_strdup ("UTC");

  gtk_grid_layout_set_column_spacing (GTK_GRID_LAYOUT (layout), 10);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 2);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 4);

  /* The drag handle is drawn by style.css in the row's left margin */
  self->time_label = new_label ("numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "timeline-time");
  gtk_widget_set_size_request (GTK_WIDGET (self->time_label), 118, -1);
  place (self, GTK_WIDGET (self->time_label), COLUMN_TIME, 0, 1);

  self->kind_label = new_label ("caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->kind_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->kind_label), "entry-kind");
  place (self, GTK_WIDGET (self->kind_label), COLUMN_TIME, 1, 1);

  self->text_label = new_label ("timeline-text");
  gtk_label_set_wrap (self->text_label, TRUE);
  /* Without these, measuring a wrapping label searches for its widths,
   * which for two hundred rows takes longer than everything else */
  gtk_label_set_width_chars (self->text_label, 20);
  gtk_label_set_max_width_chars (self->text_label, 200);
  gtk_label_set_wrap_mode (self->text_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (GTK_WIDGET (self->text_label), TRUE);
  place (self, GTK_WIDGET (self->text_label), COLUMN_TEXT, 0, 2);

  self->menu_button = gtk_button_new_from_icon_name ("view-more-symbolic");
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_START);
  debrief_widget_set_tooltip (self->menu_button, _ ("Entry Menu"));
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Entry menu"), -1);
  g_signal_connect_swapped (self->menu_button, "clicked", G_CALLBACK (menu_clicked_cb), self);
  place (self, self->menu_button, COLUMN_MENU, 0, 2);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (secondary_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  self->drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect (self->drop_target, "enter", G_CALLBACK (drop_motion_cb), self);
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
    }

  if (entry != NULL)
    {
      self->entry = g_object_ref (entry);
      g_signal_connect_swapped (entry, "notify", G_CALLBACK (entry_notify_cb), self);
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

  if (g_strcmp0 (self->timezone, timezone) == 0 && self->show_date == show_date &&
      self->out_of_order == out_of_order)
    return;

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

  if (count == 0 && self->evidence_label == NULL)
    return;

  if (self->evidence_label == NULL)
    {
      self->evidence_label = new_label ("caption");
      gtk_widget_add_css_class (GTK_WIDGET (self->evidence_label), "dim-label");
      place (self, GTK_WIDGET (self->evidence_label), COLUMN_EVIDENCE, 0, 1);
    }

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

/**
 * debrief_timeline_row_get_menu_button:
 *
 * Returns: (transfer none): the button that opens the entry's menu
 */
GtkWidget *
debrief_timeline_row_get_menu_button (DebriefTimelineRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_ROW (self), NULL);

  return self->menu_button;
}
