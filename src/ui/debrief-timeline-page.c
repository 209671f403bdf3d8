/* debrief-timeline-page.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-timeline-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "debrief-import-dialog.h"
#include "debrief-list-pacer.h"
#include "debrief-timeline-page.h"
#include "debrief-timeline-row.h"
#include "debrief-window.h"

/* The timeline of a report: the metrics computed from its key events, the
 * entries in the user's order (reordered by drag and drop or Alt+Up and
 * Alt+Down), and a quick-entry line at the bottom. Work logs come in by
 * paste, by dropping a file, or with Import Log…, through a preview. */

typedef struct
{
  GtkWidget *card;
  GtkLabel  *value;
  GtkLabel  *formula;
  GtkLabel  *detail;
} MetricCard;

/* What can be dropped on a timeline row, and what it does there. A new
 * kind of dropped thing (evidence, say) is one more row here. */
typedef gboolean (*DropHandler) (DebriefTimelinePage  *self,
                                 const GValue         *value,
                                 DebriefTimelineEntry *target,
                                 gboolean              above);

struct _DebriefTimelinePage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkLabel    *summary_label;
  GtkFlowBox  *metrics_box;
  GtkStack    *list_stack;
  GtkWidget   *scroller;
  GtkListView *list_view;
  GtkEntry    *quick_entry;
  GtkLabel    *quick_error;

  /* Owned */
  DebriefReport      *report;
  GtkSingleSelection *selection;
  DebriefListPacer   *pacer;
  GHashTable         *out_of_order;
  GHashTable         *rows;
  GCancellable       *cancellable;
  MetricCard          cards[DEBRIEF_N_METRICS];
  guint               refresh_source;
  gboolean            show_date;

  /* The menu of an entry, shown for the row that asks */
  GtkPopover *entry_menu;

  /* The entry editor popover */
  GtkPopover           *edit_popover;
  GtkEntry             *edit_time;
  GtkDropDown          *edit_kind;
  GtkTextView          *edit_text;
  GtkLabel             *edit_error;
  DebriefTimelineEntry *editing;
};

G_DEFINE_FINAL_TYPE (DebriefTimelinePage, debrief_timeline_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean move_dropped_entry (DebriefTimelinePage  *self,
                                    const GValue         *value,
                                    DebriefTimelineEntry *target,
                                    gboolean              above);

static const struct
{
  GType (*get_type) (void);
  DropHandler handler;
} drop_handlers[] = {
  { debrief_timeline_entry_get_type, move_dropped_entry },
};

static void
add_toast (DebriefTimelinePage *self, AdwToast *toast)
{
  GtkRoot   *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (DEBRIEF_IS_WINDOW (root))
    debrief_window_add_toast (DEBRIEF_WINDOW (root), toast);
  else if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (DebriefTimelinePage *self, const char *heading, const char *body)
{
  GtkRoot          *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body));
  adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static DebriefTimelineEntry *
find_entry (DebriefTimelinePage *self, const char *uuid, guint *position)
{
  GListModel *timeline;
  guint       n;

  g_assert (DEBRIEF_IS_TIMELINE_PAGE (self));

  if (self->report == NULL)
    return NULL;

  timeline = debrief_report_get_timeline (self->report);
  n = g_list_model_get_n_items (timeline);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefTimelineEntry) entry = g_list_model_get_item (timeline, i);

      if (g_str_equal (debrief_timeline_entry_get_uuid (entry), uuid))
        {
          if (position != NULL)
            *position = i;
          /* The report keeps the entry alive */
          return entry;
        }
    }

  return NULL;
}

static gboolean
find_position (DebriefTimelinePage *self, DebriefTimelineEntry *entry, guint *position)
{
  GListModel *timeline = debrief_report_get_timeline (self->report);
  guint       n = g_list_model_get_n_items (timeline);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (timeline, i);

      if (item == (GObject *) entry)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static int
local_day (GTimeZone *tz, gint64 utc)
{
  g_autoptr (GDateTime) at = g_date_time_new_from_unix_utc (utc);
  g_autoptr (GDateTime) local = at != NULL ? g_date_time_to_timezone (at, tz) : NULL;

  return local != NULL ? g_date_time_get_year (local) * 400 + g_date_time_get_day_of_year (local)
                       : 0;
}

/* Whether the timeline's times fall on more than one day in the report's
 * zone: then the rows show dates too */
static gboolean
spans_several_days (DebriefTimelinePage *self)
{
  GListModel *timeline = debrief_report_get_timeline (self->report);
  g_autoptr (GTimeZone)
      tz = debrief_time_zone_new (debrief_report_get_timezone (self->report), NULL);
  guint  n = g_list_model_get_n_items (timeline);
  gint64 first = G_MAXINT64, last = G_MININT64;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefTimelineEntry) entry = g_list_model_get_item (timeline, i);
      gint64 at = debrief_timeline_entry_get_occurred_at (entry);

      if (at == DEBRIEF_TIME_UNSET)
        continue;
      first = MIN (first, at);
      last = MAX (last, at);
    }

  if (first > last)
    return FALSE;

  if (tz == NULL)
    tz = g_time_zone_new_utc ();

  return local_day (tz, first) != local_day (tz, last);
}

static void
update_metrics (DebriefTimelinePage *self)
{
  g_autoptr (DebriefMetrics) metrics = debrief_metrics_new (self->report);
  const char *zone = debrief_report_get_timezone (self->report);

  g_assert (DEBRIEF_IS_TIMELINE_PAGE (self));

  for (guint m = 0; m < DEBRIEF_N_METRICS; m++)
    {
      MetricCard        *card = &self->cards[m];
      gint64             seconds = 0;
      DebriefMetricState state = debrief_metrics_get (metrics, m, &seconds);

      gtk_widget_remove_css_class (card->card, "missing");
      gtk_widget_remove_css_class (card->card, "problem");

      if (state == DEBRIEF_METRIC_STATE_OK)
        {
          DebriefTimelineEntry *from = debrief_metrics_get_from_entry (metrics, m);
          DebriefTimelineEntry *to = debrief_metrics_get_to_entry (metrics, m);
          g_autofree char      *value = debrief_duration_format (seconds);
          g_autofree char      *from_text = NULL;
          g_autofree char      *to_text = NULL;
          g_autofree char      *detail = NULL;

          from_text = debrief_time_format (debrief_timeline_entry_get_occurred_at (from), zone,
                                           DEBRIEF_TIME_PRECISION_MINUTE, self->show_date);
          to_text = debrief_time_format (debrief_timeline_entry_get_occurred_at (to), zone,
                                         DEBRIEF_TIME_PRECISION_MINUTE, self->show_date);
          /* Translators: the two entries a metric was computed from */
          detail = g_strdup_printf (_ ("%s → %s"), from_text, to_text);

          gtk_label_set_label (card->value, value);
          gtk_label_set_label (card->detail, detail);
        }
      else
        {
          g_autofree char *why = debrief_metrics_describe (metrics, m);

          gtk_label_set_label (card->value, "—");
          gtk_label_set_label (card->detail, why);
          gtk_widget_add_css_class (card->card,
                                    state == DEBRIEF_METRIC_STATE_MISSING ? "missing" : "problem");
        }
    }
}

static void
refresh (DebriefTimelinePage *self)
{
  GHashTableIter   iter;
  gpointer         row;
  guint            n;
  g_autofree char *summary = NULL;

  g_assert (DEBRIEF_IS_TIMELINE_PAGE (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  if (self->report == NULL)
    return;

  g_clear_pointer (&self->out_of_order, g_hash_table_unref);
  self->out_of_order = debrief_report_get_out_of_order_entries (self->report);
  self->show_date = spans_several_days (self);

  n = g_list_model_get_n_items (debrief_report_get_timeline (self->report));
  if (g_hash_table_size (self->out_of_order) > 0)
    summary = g_strdup_printf (
        ngettext ("%u entry, %u out of order", "%u entries, %u out of order", n), n,
        g_hash_table_size (self->out_of_order));
  else
    summary = g_strdup_printf (ngettext ("%u entry", "%u entries", n), n);
  gtk_label_set_label (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.sort", n > 1);

  update_metrics (self);

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    {
      DebriefTimelineEntry *entry = debrief_timeline_row_get_entry (row);

      debrief_timeline_row_set_context (
          row, debrief_report_get_timezone (self->report), self->show_date,
          entry != NULL && g_hash_table_contains (self->out_of_order, entry));
    }
}

static gboolean
refresh_cb (gpointer data)
{
  DebriefTimelinePage *self = data;

  self->refresh_source = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

static void
queue_refresh (DebriefTimelinePage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_cb, self, NULL);
}

static void
timeline_changed_cb (DebriefTimelinePage *self)
{
  queue_refresh (self);
}

static void
report_notify_cb (DebriefTimelinePage *self, GParamSpec *pspec)
{
  if (g_str_equal (g_param_spec_get_name (pspec), "timezone"))
    queue_refresh (self);
}

static gboolean
move_dropped_entry (DebriefTimelinePage  *self,
                    const GValue         *value,
                    DebriefTimelineEntry *target,
                    gboolean              above)
{
  DebriefTimelineEntry *dropped = g_value_get_object (value);
  guint                 from, to;

  if (dropped == NULL || dropped == target || !find_position (self, dropped, &from) ||
      !find_position (self, target, &to))
    return FALSE;

  if (!above)
    to++;
  if (from < to)
    to--;

  debrief_report_move_timeline_entry (self->report, from, to);
  debrief_list_pacer_reveal (self->pacer, to);
  gtk_single_selection_set_selected (self->selection, to);

  return TRUE;
}

static gboolean
row_dropped_cb (DebriefTimelineRow  *row,
                const GValue        *value,
                gboolean             above,
                DebriefTimelinePage *self)
{
  DebriefTimelineEntry *target = debrief_timeline_row_get_entry (row);

  if (self->report == NULL || target == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (drop_handlers); i++)
    {
      if (G_VALUE_HOLDS (value, drop_handlers[i].get_type ()))
        return drop_handlers[i].handler (self, value, target, above);
    }

  return FALSE;
}

static GMenuModel *
build_entry_menu (DebriefTimelineEntry *entry)
{
  GMenu      *menu = g_menu_new ();
  GMenu      *section = g_menu_new ();
  GMenu      *tags = g_menu_new ();
  GMenu      *kinds = g_menu_new ();
  const char *uuid = debrief_timeline_entry_get_uuid (entry);
  g_autoptr (GEnumClass) key_class = g_type_class_ref (DEBRIEF_TYPE_KEY_EVENT);
  g_autoptr (GEnumClass) kind_class = g_type_class_ref (DEBRIEF_TYPE_ENTRY_KIND);
  g_autoptr (GMenuItem) edit = NULL;
  g_autoptr (GMenuItem) delete = NULL;

  edit = g_menu_item_new (_ ("_Edit…"), NULL);
  g_menu_item_set_action_and_target (edit, "timeline.edit-entry", "s", uuid);
  g_menu_append_item (section, edit);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  for (guint i = 0; i < key_class->n_values; i++)
    {
      DebriefKeyEvent key = key_class->values[i].value;
      g_autoptr (GMenuItem) item = NULL;

      item = g_menu_item_new (key == DEBRIEF_KEY_EVENT_NONE
                                  ? _ ("No Key Event")
                                  : debrief_enum_get_label (DEBRIEF_TYPE_KEY_EVENT, key),
                              NULL);
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
row_menu_requested_cb (DebriefTimelineRow *row, GtkWidget *anchor, DebriefTimelinePage *self)
{
  DebriefTimelineEntry *entry = debrief_timeline_row_get_entry (row);
  g_autoptr (GMenuModel) menu = NULL;
  graphene_rect_t bounds;

  if (entry == NULL)
    return;

  menu = build_entry_menu (entry);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->entry_menu), menu);

  if (gtk_widget_compute_bounds (anchor, GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (
        self->entry_menu, &(GdkRectangle){ (int) bounds.origin.x, (int) bounds.origin.y,
                                           (int) bounds.size.width, (int) bounds.size.height });
  gtk_popover_popup (self->entry_menu);
}

static void
row_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DebriefTimelinePage *self)
{
  GType      types[G_N_ELEMENTS (drop_handlers)];
  GtkWidget *row;

  for (guint i = 0; i < G_N_ELEMENTS (drop_handlers); i++)
    types[i] = drop_handlers[i].get_type ();

  row = debrief_timeline_row_new (types, G_N_ELEMENTS (types));
  g_signal_connect (row, "dropped", G_CALLBACK (row_dropped_cb), self);
  g_signal_connect (row, "menu-requested", G_CALLBACK (row_menu_requested_cb), self);
  gtk_list_item_set_child (list_item, row);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DebriefTimelinePage *self)
{
  DebriefTimelineRow   *row = DEBRIEF_TIMELINE_ROW (gtk_list_item_get_child (list_item));
  DebriefTimelineEntry *entry = gtk_list_item_get_item (list_item);

  debrief_timeline_row_set_entry (row, entry);
  debrief_timeline_row_set_context (
      row, debrief_report_get_timezone (self->report), self->show_date,
      self->out_of_order != NULL && g_hash_table_contains (self->out_of_order, entry));
  g_hash_table_add (self->rows, row);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               DebriefTimelinePage      *self)
{
  DebriefTimelineRow *row = DEBRIEF_TIMELINE_ROW (gtk_list_item_get_child (list_item));

  g_hash_table_remove (self->rows, row);
  debrief_timeline_row_set_entry (row, NULL);
}

static void
set_quick_error (DebriefTimelinePage *self, const char *message)
{
  gtk_label_set_label (self->quick_error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->quick_error), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->quick_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->quick_entry), "error");
}

static void
quick_entry_changed_cb (DebriefTimelinePage *self)
{
  set_quick_error (self, NULL);
}

static void
quick_entry_activate_cb (DebriefTimelinePage *self)
{
  g_autoptr (DebriefTimelineEntry) entry = NULL;
  g_autoptr (GError) error = NULL;
  const char      *text = gtk_editable_get_text (GTK_EDITABLE (self->quick_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  guint            n;

  if (self->report == NULL || *stripped == '\0')
    return;

  if (!(entry = debrief_quick_entry_parse (self->report, text, &error)))
    {
      set_quick_error (self, error->message);
      return;
    }

  debrief_report_insert_timeline_entry (self->report, G_MAXUINT, entry);
  gtk_editable_set_text (GTK_EDITABLE (self->quick_entry), "");

  /* Show the new entry; the cursor stays in the entry for the next one */
  n = g_list_model_get_n_items (debrief_report_get_timeline (self->report));
  refresh (self);
  debrief_list_pacer_reveal (self->pacer, n - 1);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", n - 1);
  gtk_widget_grab_focus (GTK_WIDGET (self->quick_entry));
}

/* --- Editing an entry -------------------------------------------------- */

static gboolean
parse_edited_time (DebriefTimelinePage  *self,
                   DebriefTimelineEntry *entry,
                   const char           *text,
                   gint64               *utc,
                   DebriefTimePrecision *precision,
                   GError              **error)
{
  const char      *zone = debrief_report_get_timezone (self->report);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  int              h, m, s = 0, n = 0;

  if (*stripped == '\0')
    {
      *utc = DEBRIEF_TIME_UNSET;
      *precision = DEBRIEF_TIME_PRECISION_UNKNOWN;
      return TRUE;
    }

  /* A time of day alone keeps the entry's date (or the incident's) */
  if ((sscanf (stripped, "%d:%d:%d%n", &h, &m, &s, &n) == 3 ||
       sscanf (stripped, "%d:%d%n", &h, &m, &n) == 2) &&
      stripped[n] == '\0')
    {
      gint64 base = debrief_timeline_entry_get_occurred_at (entry);
      g_autoptr (GTimeZone) tz = debrief_time_zone_new (zone, NULL);
      g_autoptr (GDateTime) utc_base = NULL;
      g_autoptr (GDateTime) local = NULL;

      if (base == DEBRIEF_TIME_UNSET)
        base = debrief_report_get_started_at (self->report);
      if (base == DEBRIEF_TIME_UNSET)
        base = debrief_time_now ();

      utc_base = g_date_time_new_from_unix_utc (base);
      local = g_date_time_to_timezone (utc_base, tz ? tz : g_time_zone_new_utc ());
      *precision = strchr (stripped, ':') != strrchr (stripped, ':')
                       ? DEBRIEF_TIME_PRECISION_SECOND
                       : DEBRIEF_TIME_PRECISION_MINUTE;

      return debrief_time_from_local (zone, g_date_time_get_year (local),
                                      g_date_time_get_month (local),
                                      g_date_time_get_day_of_month (local), h, m, s, utc, error);
    }

  return debrief_time_parse (stripped, zone, utc, precision, error);
}

static void
edit_save_cb (DebriefTimelinePage *self)
{
  DebriefTimelineEntry *entry = self->editing;
  g_autoptr (GError) error = NULL;
  g_autofree char     *text = NULL;
  GtkTextBuffer       *buffer = gtk_text_view_get_buffer (self->edit_text);
  GtkTextIter          start, end;
  DebriefTimePrecision precision;
  gint64               utc;

  if (entry == NULL || self->report == NULL)
    return;

  if (!parse_edited_time (self, entry, gtk_editable_get_text (GTK_EDITABLE (self->edit_time)),
                          &utc, &precision, &error))
    {
      gtk_label_set_label (self->edit_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->edit_error), TRUE);
      return;
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  debrief_timeline_entry_set_occurred_at (entry, utc, precision);
  debrief_timeline_entry_set_kind (entry, gtk_drop_down_get_selected (self->edit_kind));
  debrief_timeline_entry_set_text (entry, g_strstrip (text));

  gtk_popover_popdown (self->edit_popover);
  queue_refresh (self);
}

static void
edit_popover_closed_cb (DebriefTimelinePage *self)
{
  g_clear_object (&self->editing);
}

static void
build_edit_popover (DebriefTimelinePage *self)
{
  GtkWidget *box, *grid, *label, *scrolled, *buttons, *cancel, *save;
  g_autoptr (GEnumClass) kinds = g_type_class_ref (DEBRIEF_TYPE_ENTRY_KIND);
  GtkStringList *kind_labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < kinds->n_values; i++)
    gtk_string_list_append (
        kind_labels, debrief_enum_get_label (DEBRIEF_TYPE_ENTRY_KIND, kinds->values[i].value));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_size_request (box, 360, -1);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);

  label = gtk_label_new_with_mnemonic (_ ("_Time"));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  self->edit_time = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->edit_time), TRUE);
  gtk_entry_set_placeholder_text (self->edit_time,
                                  _ ("14:02, or 2026-12-04 14:02; empty if unknown"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->edit_time));
  g_signal_connect_swapped (self->edit_time, "activate", G_CALLBACK (edit_save_cb), self);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->edit_time), 1, 0, 1, 1);

  label = gtk_label_new_with_mnemonic (_ ("_Kind"));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  self->edit_kind = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (kind_labels), NULL));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->edit_kind));
  gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->edit_kind), 1, 1, 1, 1);
  gtk_box_append (GTK_BOX (box), grid);

  self->edit_text = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->edit_text, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->edit_text, 6);
  gtk_text_view_set_bottom_margin (self->edit_text, 6);
  gtk_text_view_set_left_margin (self->edit_text, 6);
  gtk_text_view_set_right_margin (self->edit_text, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Entry text"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->edit_text));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 100);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (GTK_BOX (box), scrolled);

  self->edit_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->edit_error, TRUE);
  gtk_label_set_xalign (self->edit_error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->edit_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->edit_error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->edit_error));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));
  save = gtk_button_new_with_mnemonic (_ ("_Save"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (edit_save_cb), self);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), save);
  gtk_box_append (GTK_BOX (box), buttons);

  self->edit_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->edit_popover, box);
  gtk_popover_set_position (self->edit_popover, GTK_POS_BOTTOM);
  gtk_widget_set_parent (GTK_WIDGET (self->edit_popover), GTK_WIDGET (self));
  g_signal_connect_swapped (self->edit_popover, "closed", G_CALLBACK (edit_popover_closed_cb),
                            self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_popover_popdown),
                            self->edit_popover);
}

static GtkWidget *
find_row_widget (DebriefTimelinePage *self, DebriefTimelineEntry *entry)
{
  GHashTableIter iter;
  gpointer       row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    {
      if (debrief_timeline_row_get_entry (row) == entry)
        return row;
    }

  return NULL;
}

static void
edit_entry (DebriefTimelinePage *self, DebriefTimelineEntry *entry)
{
  GtkWidget       *row = find_row_widget (self, entry);
  gint64           at = debrief_timeline_entry_get_occurred_at (entry);
  g_autofree char *time = NULL;
  graphene_rect_t  bounds;

  g_assert (DEBRIEF_IS_TIMELINE_PAGE (self));

  g_set_object (&self->editing, entry);

  time = at == DEBRIEF_TIME_UNSET
             ? g_strdup ("")
             : debrief_time_format (at, debrief_report_get_timezone (self->report),
                                    debrief_timeline_entry_get_precision (entry), TRUE);
  /* Drop the zone abbreviation: the time is read in the report's zone */
  if (strrchr (time, ' ') != NULL && strchr (time, ' ') != strrchr (time, ' '))
    *strrchr (time, ' ') = '\0';

  gtk_editable_set_text (GTK_EDITABLE (self->edit_time), time);
  gtk_drop_down_set_selected (self->edit_kind, debrief_timeline_entry_get_kind (entry));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->edit_text),
                            debrief_timeline_entry_get_text (entry), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_error), FALSE);

  if (row != NULL && gtk_widget_compute_bounds (row, GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (
        self->edit_popover, &(GdkRectangle){ (int) bounds.origin.x, (int) bounds.origin.y,
                                             (int) bounds.size.width, (int) bounds.size.height });
  else
    gtk_popover_set_pointing_to (self->edit_popover, NULL);

  gtk_popover_popup (self->edit_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->edit_text));
}

/* --- Actions -------------------------------------------------------- */

static void
edit_entry_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefTimelinePage  *self = DEBRIEF_TIMELINE_PAGE (widget);
  DebriefTimelineEntry *entry = find_entry (self, g_variant_get_string (param, NULL), NULL);

  if (entry != NULL)
    edit_entry (self, entry);
}

static void
tag_entry_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefTimelinePage  *self = DEBRIEF_TIMELINE_PAGE (widget);
  const char           *uuid, *nick;
  DebriefTimelineEntry *entry, *previous;
  int                   key;

  g_variant_get (param, "(&s&s)", &uuid, &nick);
  if (!(entry = find_entry (self, uuid, NULL)) ||
      !debrief_enum_from_nick (DEBRIEF_TYPE_KEY_EVENT, nick, &key, NULL))
    return;

  previous = debrief_report_tag_key_event (self->report, entry, key);
  if (previous != NULL && previous != entry)
    {
      g_autofree char *when = NULL;
      g_autofree char *message = NULL;

      when = debrief_time_format (debrief_timeline_entry_get_occurred_at (previous),
                                  debrief_report_get_timezone (self->report),
                                  debrief_timeline_entry_get_precision (previous), FALSE);
      /* Translators: "Detected" moved here from the entry at 14:05 CET */
      message = g_strdup_printf (_ ("“%s” moved here from the entry at %s"),
                                 debrief_enum_get_label (DEBRIEF_TYPE_KEY_EVENT, key), when);
      add_toast (self, adw_toast_new (message));
    }

  queue_refresh (self);
}

static void
set_kind_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefTimelinePage  *self = DEBRIEF_TIMELINE_PAGE (widget);
  const char           *uuid, *nick;
  DebriefTimelineEntry *entry;
  int                   kind;

  g_variant_get (param, "(&s&s)", &uuid, &nick);
  if ((entry = find_entry (self, uuid, NULL)) &&
      debrief_enum_from_nick (DEBRIEF_TYPE_ENTRY_KIND, nick, &kind, NULL))
    debrief_timeline_entry_set_kind (entry, kind);
}

static void
undo_delete_cb (AdwToast *toast, gpointer user_data)
{
  DebriefReport        *report = g_object_get_data (G_OBJECT (toast), "report");
  DebriefTimelineEntry *entry = g_object_get_data (G_OBJECT (toast), "entry");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "position"));

  debrief_report_insert_timeline_entry (report, position, entry);
}

static void
delete_entry_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefTimelinePage *self = DEBRIEF_TIMELINE_PAGE (widget);
  g_autoptr (DebriefTimelineEntry) entry = NULL;
  AdwToast *toast;
  guint     position;

  entry = find_entry (self, g_variant_get_string (param, NULL), NULL);
  if (entry == NULL)
    return;

  g_object_ref (entry);
  if (!debrief_report_remove_timeline_entry (self->report, entry, &position))
    return;

  toast = adw_toast_new (_ ("Timeline entry deleted"));
  adw_toast_set_button_label (toast, _ ("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "report", g_object_ref (self->report), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "entry", g_object_ref (entry), g_object_unref);
  g_object_set_data (G_OBJECT (toast), "position", GUINT_TO_POINTER (position));
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_delete_cb), NULL);
  add_toast (self, toast);
}

static void
move_selected (DebriefTimelinePage *self, int delta)
{
  guint n, from = gtk_single_selection_get_selected (self->selection);

  if (self->report == NULL || from == GTK_INVALID_LIST_POSITION)
    return;

  n = g_list_model_get_n_items (debrief_report_get_timeline (self->report));
  if ((delta < 0 && from == 0) || (delta > 0 && from + 1 >= n))
    return;

  debrief_report_move_timeline_entry (self->report, from, from + delta);
  debrief_list_pacer_reveal (self->pacer, from + delta);
  gtk_single_selection_set_selected (self->selection, from + delta);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                              from + delta);
}

static void
move_up_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  move_selected (DEBRIEF_TIMELINE_PAGE (widget), -1);
}

static void
move_down_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  move_selected (DEBRIEF_TIMELINE_PAGE (widget), 1);
}

static void
undo_sort_cb (AdwToast *toast, gpointer user_data)
{
  DebriefReport *report = g_object_get_data (G_OBJECT (toast), "report");
  GPtrArray     *order = g_object_get_data (G_OBJECT (toast), "order");
  g_autoptr (GError) error = NULL;

  /* Entries added or removed since make the old order inapplicable */
  if (!debrief_report_set_timeline_order (report, order, &error))
    g_message ("Could not restore the timeline order: %s", error->message);
}

static void
sort_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefTimelinePage *self = DEBRIEF_TIMELINE_PAGE (widget);
  GPtrArray           *previous = NULL;
  AdwToast            *toast;

  if (self->report == NULL)
    return;

  if (!debrief_report_sort_timeline_by_time (self->report, &previous) || previous == NULL)
    {
      add_toast (self, adw_toast_new (_ ("The timeline is in chronological order already")));
      return;
    }

  toast = adw_toast_new (_ ("Timeline sorted by time"));
  adw_toast_set_button_label (toast, _ ("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "report", g_object_ref (self->report), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "order", previous, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_sort_cb), NULL);
  add_toast (self, toast);
}

static void
undo_import_cb (AdwToast *toast, gpointer user_data)
{
  DebriefReport *report = g_object_get_data (G_OBJECT (toast), "report");
  GPtrArray     *added = g_object_get_data (G_OBJECT (toast), "added");

  debrief_report_remove_timeline_entries (report, added);
}

static void
import_confirmed_cb (DebriefImportDialog *dialog, DebriefTimelinePage *self)
{
  DebriefLogImport *import = debrief_import_dialog_get_import (dialog);
  g_autoptr (GPtrArray) added = NULL;
  g_autofree char *message = NULL;
  AdwToast        *toast;

  if (self->report == NULL || debrief_log_import_get_report (import) != self->report)
    return;

  added = debrief_log_import_apply (import);
  if (added == NULL || added->len == 0)
    return;

  message = g_strdup_printf (ngettext ("Imported %u entry", "Imported %u entries", added->len),
                             added->len);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "report", g_object_ref (self->report), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "added", g_ptr_array_ref (added),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_import_cb), NULL);
  add_toast (self, toast);

  refresh (self);
}

static void
show_preview (DebriefTimelinePage *self, DebriefLogImport *import)
{
  GtkRoot   *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = debrief_import_dialog_new (import);

  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_signal_connect_object (dialog, "confirmed", G_CALLBACK (import_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_read_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DebriefTimelinePage) self = user_data;
  g_autoptr (DebriefLogImport) import = NULL;
  g_autoptr (GError) error = NULL;

  if (!(import = debrief_log_import_new_from_file_finish (result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _ ("Could Not Read the Log"), error->message);
      return;
    }

  if (self->report != NULL && debrief_log_import_get_report (import) == self->report)
    show_preview (self, import);
}

/**
 * debrief_timeline_page_import_file:
 *
 * Reads @file as a work log on a worker thread and shows what would be
 * imported.
 */
void
debrief_timeline_page_import_file (DebriefTimelinePage *self, GFile *file)
{
  g_return_if_fail (DEBRIEF_IS_TIMELINE_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->report == NULL)
    return;

  debrief_log_import_new_from_file_async (self->report, file, DEBRIEF_LOG_FORMAT_AUTO,
                                          self->cancellable, import_read_cb, g_object_ref (self));
}

/**
 * debrief_timeline_page_import_text:
 *
 * Reads pasted text as a work log and shows what would be imported.
 */
void
debrief_timeline_page_import_text (DebriefTimelinePage *self, const char *text)
{
  g_autoptr (DebriefLogImport) import = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (DEBRIEF_IS_TIMELINE_PAGE (self));

  if (self->report == NULL || text == NULL)
    return;

  bytes = g_bytes_new (text, strlen (text));
  if (!(import = debrief_log_import_new_from_bytes (self->report, bytes, DEBRIEF_LOG_FORMAT_AUTO,
                                                    &error)))
    {
      show_error (self, _ ("Could Not Read the Pasted Log"), error->message);
      return;
    }

  show_preview (self, import);
}

static void
import_dialog_response_cb (GtkNativeDialog *dialog, int response, DebriefTimelinePage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        debrief_timeline_page_import_file (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
import_log_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefTimelinePage  *self = DEBRIEF_TIMELINE_PAGE (widget);
  GtkRoot              *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autoptr (GtkFileFilter) logs = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (
      _ ("Import Log"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
      GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Import"), _ ("_Cancel"));
  gtk_file_filter_set_name (logs, _ ("Logs, CSV and Slack Exports"));
  gtk_file_filter_add_mime_type (logs, "text/plain");
  gtk_file_filter_add_mime_type (logs, "text/csv");
  gtk_file_filter_add_mime_type (logs, "application/json");
  gtk_file_filter_add_pattern (logs, "*.log");
  gtk_file_filter_add_pattern (logs, "*.txt");
  gtk_file_filter_add_pattern (logs, "*.csv");
  gtk_file_filter_add_pattern (logs, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), logs);
  gtk_file_filter_set_name (all, _ ("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);

  g_signal_connect (dialog, "response", G_CALLBACK (import_dialog_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
paste_read_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DebriefTimelinePage) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);

  if (text != NULL && *text != '\0')
    debrief_timeline_page_import_text (self, text);
}

static void
paste_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);

  gdk_clipboard_read_text_async (clipboard, NULL, paste_read_cb, g_object_ref (widget));
}

static gboolean
files_dropped_cb (
    GtkDropTarget *target, const GValue *value, double x, double y, DebriefTimelinePage *self)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL || self->report == NULL)
    return FALSE;

  debrief_timeline_page_import_file (self, files->data);
  return TRUE;
}

/* --- Object ------------------------------------------------------------ */

static void
build_metric_cards (DebriefTimelinePage *self)
{
  for (guint m = 0; m < DEBRIEF_N_METRICS; m++)
    {
      MetricCard *card = &self->cards[m];
      GtkWidget  *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget  *title = gtk_label_new (debrief_metric_get_label (m));

      card->value = GTK_LABEL (gtk_label_new ("—"));
      card->formula = GTK_LABEL (gtk_label_new (debrief_metric_get_formula (m)));
      card->detail = GTK_LABEL (gtk_label_new (NULL));

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_xalign (card->value, 0);
      gtk_label_set_xalign (card->formula, 0);
      gtk_label_set_xalign (card->detail, 0);
      gtk_label_set_wrap (card->detail, TRUE);
      gtk_label_set_wrap_mode (card->detail, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (card->detail, 28);
      gtk_widget_add_css_class (title, "caption-heading");
      gtk_widget_add_css_class (GTK_WIDGET (card->value), "title-3");
      gtk_widget_add_css_class (GTK_WIDGET (card->value), "numeric");
      gtk_widget_add_css_class (GTK_WIDGET (card->formula), "caption");
      gtk_widget_add_css_class (GTK_WIDGET (card->formula), "monospace");
      gtk_widget_add_css_class (GTK_WIDGET (card->formula), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (card->detail), "caption");
      gtk_widget_add_css_class (GTK_WIDGET (card->detail), "metric-detail");

      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (card->value));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (card->formula));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (card->detail));
      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, "metric-card");
      gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      debrief_metric_get_label (m), -1);

      card->card = box;
      gtk_flow_box_append (self->metrics_box, box);
    }
}

static void
debrief_timeline_page_dispose (GObject *object)
{
  DebriefTimelinePage *self = (DebriefTimelinePage *) object;
  GtkWidget           *child;

  g_cancellable_cancel (self->cancellable);
  debrief_timeline_page_set_report (self, NULL);
  if (self->edit_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->edit_popover));
      self->edit_popover = NULL;
    }
  if (self->entry_menu != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->entry_menu));
      self->entry_menu = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_TIMELINE_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->pacer);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->editing);

  G_OBJECT_CLASS (debrief_timeline_page_parent_class)->dispose (object);
}

static void
debrief_timeline_page_finalize (GObject *object)
{
  DebriefTimelinePage *self = (DebriefTimelinePage *) object;

  g_clear_pointer (&self->out_of_order, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (debrief_timeline_page_parent_class)->finalize (object);
}

static void
debrief_timeline_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DebriefTimelinePage *self = DEBRIEF_TIMELINE_PAGE (object);

  switch (prop_id)
    {
      case PROP_REPORT:
        g_value_set_object (value, self->report);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_timeline_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DebriefTimelinePage *self = DEBRIEF_TIMELINE_PAGE (object);

  switch (prop_id)
    {
      case PROP_REPORT:
        debrief_timeline_page_set_report (self, g_value_get_object (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_timeline_page_class_init (DebriefTimelinePageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_timeline_page_dispose;
  object_class->finalize = debrief_timeline_page_finalize;
  object_class->get_property = debrief_timeline_page_get_property;
  object_class->set_property = debrief_timeline_page_set_property;

  properties[PROP_REPORT] = g_param_spec_object ("report", NULL, NULL, DEBRIEF_TYPE_REPORT,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                     G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/debrief-timeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefTimelinePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefTimelinePage, metrics_box);
  gtk_widget_class_bind_template_child (widget_class, DebriefTimelinePage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefTimelinePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, DebriefTimelinePage, list_view);
  gtk_widget_class_bind_template_child (widget_class, DebriefTimelinePage, quick_entry);
  gtk_widget_class_bind_template_child (widget_class, DebriefTimelinePage, quick_error);
  gtk_widget_class_bind_template_callback (widget_class, quick_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, quick_entry_changed_cb);

  gtk_widget_class_install_action (widget_class, "timeline.edit-entry", "s", edit_entry_action);
  gtk_widget_class_install_action (widget_class, "timeline.tag-entry", "(ss)", tag_entry_action);
  gtk_widget_class_install_action (widget_class, "timeline.set-kind", "(ss)", set_kind_action);
  gtk_widget_class_install_action (widget_class, "timeline.delete-entry", "s",
                                   delete_entry_action);
  gtk_widget_class_install_action (widget_class, "timeline.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "timeline.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "timeline.sort", NULL, sort_action);
  gtk_widget_class_install_action (widget_class, "timeline.import-log", NULL, import_log_action);
  gtk_widget_class_install_action (widget_class, "timeline.paste", NULL, paste_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "timeline.move-up",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "timeline.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "timeline.paste",
                                       NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
debrief_timeline_page_init (DebriefTimelinePage *self)
{
  GtkListItemFactory *factory;
  GtkDropTarget      *files;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_hash_table_new (NULL, NULL);
  self->cancellable = g_cancellable_new ();

  /* A long timeline reaches the view a screenful at a time */
  self->pacer = debrief_list_pacer_new (GTK_WIDGET (self->list_view));
  self->selection = gtk_single_selection_new (
      g_object_ref (debrief_list_pacer_get_model (self->pacer)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* A work log dropped on the timeline is imported */
  files = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (files, "drop", G_CALLBACK (files_dropped_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_stack), GTK_EVENT_CONTROLLER (files));

  build_metric_cards (self);
  build_edit_popover (self);

  self->entry_menu = GTK_POPOVER (gtk_popover_menu_new_from_model (NULL));
  gtk_popover_set_position (self->entry_menu, GTK_POS_BOTTOM);
  gtk_widget_set_parent (GTK_WIDGET (self->entry_menu), GTK_WIDGET (self));
}

GtkWidget *
debrief_timeline_page_new (void)
{
  return g_object_new (DEBRIEF_TYPE_TIMELINE_PAGE, NULL);
}

DebriefReport *
debrief_timeline_page_get_report (DebriefTimelinePage *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_PAGE (self), NULL);

  return self->report;
}

/**
 * debrief_timeline_page_set_report:
 * @report: (nullable): a loaded report
 */
void
debrief_timeline_page_set_report (DebriefTimelinePage *self, DebriefReport *report)
{
  g_return_if_fail (DEBRIEF_IS_TIMELINE_PAGE (self));
  g_return_if_fail (report == NULL || debrief_report_is_loaded (report));

  if (self->report == report)
    return;

  if (self->edit_popover != NULL)
    gtk_popover_popdown (self->edit_popover);

  if (self->report != NULL)
    {
      g_signal_handlers_disconnect_by_data (debrief_report_get_timeline (self->report), self);
      g_signal_handlers_disconnect_by_data (self->report, self);
      g_clear_object (&self->report);
    }

  debrief_list_pacer_set_model (self->pacer, NULL);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  set_quick_error (self, NULL);

  if (report != NULL)
    {
      self->report = g_object_ref (report);
      g_signal_connect_swapped (debrief_report_get_timeline (report), "items-changed",
                                G_CALLBACK (timeline_changed_cb), self);
      g_signal_connect_swapped (report, "notify", G_CALLBACK (report_notify_cb), self);
      refresh (self);
      debrief_list_pacer_set_model (self->pacer, debrief_report_get_timeline (report));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

/**
 * debrief_timeline_page_get_list_view:
 *
 * Returns: (transfer none): the list of entries
 */
GtkListView *
debrief_timeline_page_get_list_view (DebriefTimelinePage *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_PAGE (self), NULL);

  return self->list_view;
}

/**
 * debrief_timeline_page_get_quick_entry:
 *
 * Returns: (transfer none): the entry for new timeline lines
 */
GtkEntry *
debrief_timeline_page_get_quick_entry (DebriefTimelinePage *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_PAGE (self), NULL);

  return self->quick_entry;
}

const char *
debrief_timeline_page_get_quick_error (DebriefTimelinePage *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_PAGE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->quick_error))
             ? gtk_label_get_text (self->quick_error)
             : NULL;
}

/**
 * debrief_timeline_page_get_metric_text:
 *
 * Returns: (transfer none): the figure shown for @metric ("7 min" or "—")
 */
const char *
debrief_timeline_page_get_metric_text (DebriefTimelinePage *self, DebriefMetric metric)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_PAGE (self), NULL);
  g_return_val_if_fail (metric < DEBRIEF_N_METRICS, NULL);

  return gtk_label_get_text (self->cards[metric].value);
}

const char *
debrief_timeline_page_get_metric_detail (DebriefTimelinePage *self, DebriefMetric metric)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_PAGE (self), NULL);
  g_return_val_if_fail (metric < DEBRIEF_N_METRICS, NULL);

  return gtk_label_get_text (self->cards[metric].detail);
}

void
debrief_timeline_page_select (DebriefTimelinePage *self, guint position)
{
  g_return_if_fail (DEBRIEF_IS_TIMELINE_PAGE (self));

  debrief_list_pacer_reveal (self->pacer, position);
  gtk_single_selection_set_selected (self->selection, position);
}
