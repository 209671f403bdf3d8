/* debrief-zone-chooser.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-zone-chooser"

#include "config.h"

#include "debrief-core.h"
#include "debrief-zone-chooser.h"

/* A popover with a searchable list of the IANA time zones. */

struct _DebriefZoneChooser
{
  GtkPopover parent_instance;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkListView    *list_view;

  /* Owned */
  GtkStringList      *zones;
  GtkStringFilter    *filter;
  GtkFilterListModel *filtered;
};

G_DEFINE_FINAL_TYPE (DebriefZoneChooser, debrief_zone_chooser, GTK_TYPE_POPOVER)

enum
{
  ZONE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The zone list is read the first time it is needed, not at start-up. */
static void
ensure_zones (DebriefZoneChooser *self)
{
  g_auto (GStrv) names = NULL;

  g_assert (DEBRIEF_IS_ZONE_CHOOSER (self));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->zones)) > 0)
    return;

  names = debrief_time_zone_list ();
  gtk_string_list_splice (self->zones, 0, 0, (const char *const *) names);
}

static void
show_cb (DebriefZoneChooser *self)
{
  ensure_zones (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_changed_cb (DebriefZoneChooser *self)
{
  debrief_zone_chooser_set_filter (self,
                                   gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_activate_cb (DebriefZoneChooser *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    debrief_zone_chooser_choose (self, 0);
}

static void
zone_activated_cb (DebriefZoneChooser *self, guint position)
{
  debrief_zone_chooser_choose (self, position);
}

static void
debrief_zone_chooser_dispose (GObject *object)
{
  DebriefZoneChooser *self = (DebriefZoneChooser *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_ZONE_CHOOSER);
  g_clear_object (&self->filtered);

  G_OBJECT_CLASS (debrief_zone_chooser_parent_class)->dispose (object);
}

static void
debrief_zone_chooser_class_init (DebriefZoneChooserClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_zone_chooser_dispose;

  /**
   * DebriefZoneChooser::zone-chosen:
   * @zone: the IANA name of the zone
   */
  signals[ZONE_CHOSEN] = g_signal_new ("zone-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/debrief-zone-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefZoneChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DebriefZoneChooser, list_view);
  gtk_widget_class_bind_template_callback (widget_class, show_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, zone_activated_cb);
}

static void
debrief_zone_chooser_init (DebriefZoneChooser *self)
{
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->zones = gtk_string_list_new (NULL);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  self->filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->zones),
                                              GTK_FILTER (self->filter));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (gtk_no_selection_new (
                                                G_LIST_MODEL (g_object_ref (self->filtered)))));
}

GtkWidget *
debrief_zone_chooser_new (void)
{
  return g_object_new (DEBRIEF_TYPE_ZONE_CHOOSER, NULL);
}

/**
 * debrief_zone_chooser_get_model:
 *
 * Returns: (transfer none): the zones shown, after filtering
 */
GListModel *
debrief_zone_chooser_get_model (DebriefZoneChooser *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ZONE_CHOOSER (self), NULL);

  ensure_zones (self);
  return G_LIST_MODEL (self->filtered);
}

/**
 * debrief_zone_chooser_set_filter:
 *
 * Shows only zones whose name contains @text; spaces match underscores,
 * so "new york" finds America/New_York.
 */
void
debrief_zone_chooser_set_filter (DebriefZoneChooser *self, const char *text)
{
  g_autofree char *search = NULL;

  g_return_if_fail (DEBRIEF_IS_ZONE_CHOOSER (self));

  search = g_strstrip (g_strdup (text ? text : ""));
  g_strdelimit (search, " ", '_');
  gtk_string_filter_set_search (self->filter, search);
}

/**
 * debrief_zone_chooser_choose:
 * @position: a position in debrief_zone_chooser_get_model()
 */
void
debrief_zone_chooser_choose (DebriefZoneChooser *self, guint position)
{
  g_autoptr (GtkStringObject) item = NULL;

  g_return_if_fail (DEBRIEF_IS_ZONE_CHOOSER (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (item == NULL)
    return;

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[ZONE_CHOSEN], 0, gtk_string_object_get_string (item));
}
