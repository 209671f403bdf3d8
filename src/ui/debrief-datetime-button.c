/* debrief-datetime-button.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-datetime-button"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "debrief-core.h"
#include "debrief-datetime-button.h"

/* A button showing a date (or a date and time in a report's time zone)
 * that opens a calendar to change it. In date mode the value is a
 * YYYY-MM-DD string (or NULL); in time mode seconds since the epoch (or
 * DEBRIEF_TIME_UNSET).
 *
 * The popover is built the first time it opens: a calendar and two spin
 * buttons cost several milliseconds, and the action list has one button
 * per row. */

struct _DebriefDatetimeButton
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkMenuButton *button;

  /* The popover's widgets, once it has been opened */
  GtkPopover    *popover;
  GtkCalendar   *calendar;
  GtkWidget     *time_box;
  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;
  GtkLabel      *zone_label;
  GtkLabel      *error_label;

  /* Owned */
  char    *timezone;
  char    *date;
  gint64   time;
  gboolean show_time;
};

G_DEFINE_FINAL_TYPE (DebriefDatetimeButton, debrief_datetime_button, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SHOW_TIME,
  PROP_TIME,
  PROP_DATE,
  PROP_TIMEZONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GTimeZone *
get_zone (DebriefDatetimeButton *self)
{
  GTimeZone *tz = debrief_time_zone_new (self->timezone, NULL);

  return tz != NULL ? tz : g_time_zone_new_utc ();
}

static void
update_label (DebriefDatetimeButton *self)
{
  g_autofree char *label = NULL;

  g_assert (DEBRIEF_IS_DATETIME_BUTTON (self));

  if (self->show_time)
    label = self->time == DEBRIEF_TIME_UNSET
                ? g_strdup (_ ("Not set"))
                : debrief_time_format (self->time, self->timezone, DEBRIEF_TIME_PRECISION_MINUTE,
                                       TRUE);
  else
    label = g_strdup (self->date != NULL ? self->date : _ ("No date"));

  gtk_menu_button_set_label (self->button, label);
}

static void
update_zone_label (DebriefDatetimeButton *self)
{
  g_autoptr (GTimeZone) tz = get_zone (self);
  g_autoptr (GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autoptr (GDateTime) local = NULL;

  g_assert (DEBRIEF_IS_DATETIME_BUTTON (self));

  local = g_date_time_new (tz, g_date_time_get_year (date), g_date_time_get_month (date),
                           g_date_time_get_day_of_month (date),
                           gtk_spin_button_get_value_as_int (self->hour_spin),
                           gtk_spin_button_get_value_as_int (self->minute_spin), 0);
  gtk_label_set_label (self->zone_label,
                       local ? g_date_time_get_timezone_abbreviation (local) : "");
}

static gboolean
spin_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf (
      "%02d", (int) gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin)));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
day_selected_cb (DebriefDatetimeButton *self)
{
  update_zone_label (self);
}

static void
popover_show_cb (DebriefDatetimeButton *self)
{
  g_autoptr (GTimeZone) tz = get_zone (self);
  g_autoptr (GDateTime) shown = NULL;
  int y, m, d;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  if (self->show_time && self->time != DEBRIEF_TIME_UNSET)
    {
      g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (self->time);

      shown = g_date_time_to_timezone (utc, tz);
    }
  else if (!self->show_time && self->date != NULL &&
           sscanf (self->date, "%d-%d-%d", &y, &m, &d) == 3)
    shown = g_date_time_new (tz, y, m, d, 12, 0, 0);

  if (shown == NULL)
    shown = g_date_time_new_now (tz);

  gtk_calendar_select_day (self->calendar, shown);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (shown));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (shown));
  update_zone_label (self);
}

static void
clear_clicked_cb (DebriefDatetimeButton *self)
{
  if (self->show_time)
    debrief_datetime_button_set_time (self, DEBRIEF_TIME_UNSET);
  else
    debrief_datetime_button_set_date (self, NULL);

  gtk_popover_popdown (self->popover);
}

static void
set_clicked_cb (DebriefDatetimeButton *self)
{
  g_autoptr (GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autoptr (GError) error = NULL;

  if (self->show_time)
    {
      gint64 utc;

      if (!debrief_time_from_local (
              self->timezone ? self->timezone : "UTC", g_date_time_get_year (date),
              g_date_time_get_month (date), g_date_time_get_day_of_month (date),
              gtk_spin_button_get_value_as_int (self->hour_spin),
              gtk_spin_button_get_value_as_int (self->minute_spin), 0, &utc, &error))
        {
          gtk_label_set_label (self->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
          return;
        }

      debrief_datetime_button_set_time (self, utc);
    }
  else
    {
      g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

      debrief_datetime_button_set_date (self, text);
    }

  gtk_popover_popdown (self->popover);
}

static void
create_popup_cb (GtkMenuButton *button, gpointer user_data)
{
  DebriefDatetimeButton *self = user_data;
  g_autoptr (GtkBuilder) builder = NULL;
  g_autoptr (GtkBuilderScope) scope = NULL;

  if (self->popover != NULL)
    return;

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), spin_output_cb);
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), day_selected_cb);
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), popover_show_cb);
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), clear_clicked_cb);
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), set_clicked_cb);

  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  gtk_builder_add_from_resource (builder, RESOURCE_PREFIX "/ui/debrief-datetime-popover.ui", NULL);

  self->popover = GTK_POPOVER (gtk_builder_get_object (builder, "popover"));
  self->calendar = GTK_CALENDAR (gtk_builder_get_object (builder, "calendar"));
  self->time_box = GTK_WIDGET (gtk_builder_get_object (builder, "time_box"));
  self->hour_spin = GTK_SPIN_BUTTON (gtk_builder_get_object (builder, "hour_spin"));
  self->minute_spin = GTK_SPIN_BUTTON (gtk_builder_get_object (builder, "minute_spin"));
  self->zone_label = GTK_LABEL (gtk_builder_get_object (builder, "zone_label"));
  self->error_label = GTK_LABEL (gtk_builder_get_object (builder, "error_label"));

  gtk_widget_set_visible (self->time_box, self->show_time);
  gtk_menu_button_set_popover (self->button, GTK_WIDGET (self->popover));
}

static void
debrief_datetime_button_dispose (GObject *object)
{
  DebriefDatetimeButton *self = (DebriefDatetimeButton *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_DATETIME_BUTTON);
  self->popover = NULL;
  self->calendar = NULL;
  self->time_box = NULL;
  self->hour_spin = NULL;
  self->minute_spin = NULL;
  self->zone_label = NULL;
  self->error_label = NULL;

  G_OBJECT_CLASS (debrief_datetime_button_parent_class)->dispose (object);
}

static void
debrief_datetime_button_finalize (GObject *object)
{
  DebriefDatetimeButton *self = (DebriefDatetimeButton *) object;

  g_clear_pointer (&self->timezone, g_free);
  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (debrief_datetime_button_parent_class)->finalize (object);
}

static void
debrief_datetime_button_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DebriefDatetimeButton *self = DEBRIEF_DATETIME_BUTTON (object);

  switch (prop_id)
    {
      case PROP_SHOW_TIME:
        g_value_set_boolean (value, self->show_time);
        break;
      case PROP_TIME:
        g_value_set_int64 (value, self->time);
        break;
      case PROP_DATE:
        g_value_set_string (value, self->date);
        break;
      case PROP_TIMEZONE:
        g_value_set_string (value, self->timezone);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_datetime_button_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DebriefDatetimeButton *self = DEBRIEF_DATETIME_BUTTON (object);

  switch (prop_id)
    {
      case PROP_SHOW_TIME:
        self->show_time = g_value_get_boolean (value);
        if (self->time_box != NULL)
          gtk_widget_set_visible (self->time_box, self->show_time);
        update_label (self);
        break;
      case PROP_TIME:
        debrief_datetime_button_set_time (self, g_value_get_int64 (value));
        break;
      case PROP_DATE:
        debrief_datetime_button_set_date (self, g_value_get_string (value));
        break;
      case PROP_TIMEZONE:
        debrief_datetime_button_set_timezone (self, g_value_get_string (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_datetime_button_class_init (DebriefDatetimeButtonClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags     rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = debrief_datetime_button_dispose;
  object_class->finalize = debrief_datetime_button_finalize;
  object_class->get_property = debrief_datetime_button_get_property;
  object_class->set_property = debrief_datetime_button_set_property;

  properties[PROP_SHOW_TIME] = g_param_spec_boolean ("show-time", NULL, NULL, FALSE, rw);
  properties[PROP_TIME] = g_param_spec_int64 ("time", NULL, NULL, G_MININT64, G_MAXINT64,
                                              DEBRIEF_TIME_UNSET, rw);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, rw);
  properties[PROP_TIMEZONE] = g_param_spec_string ("timezone", NULL, NULL, "UTC", rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/debrief-datetime-button.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefDatetimeButton, button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
debrief_datetime_button_init (DebriefDatetimeButton *self)
{
  self->time = DEBRIEF_TIME_UNSET;
  self->timezone = g_strdup ("UTC");

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->button, create_popup_cb, self, NULL);
  update_label (self);
}

GtkWidget *
debrief_datetime_button_new (gboolean show_time)
{
  return g_object_new (DEBRIEF_TYPE_DATETIME_BUTTON, "show-time", show_time, NULL);
}

gint64
debrief_datetime_button_get_time (DebriefDatetimeButton *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DATETIME_BUTTON (self), DEBRIEF_TIME_UNSET);

  return self->time;
}

void
debrief_datetime_button_set_time (DebriefDatetimeButton *self, gint64 time)
{
  g_return_if_fail (DEBRIEF_IS_DATETIME_BUTTON (self));

  if (self->time == time)
    return;

  self->time = time;
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
}

/**
 * debrief_datetime_button_get_date:
 *
 * Returns: (nullable): the date as YYYY-MM-DD, or %NULL
 */
const char *
debrief_datetime_button_get_date (DebriefDatetimeButton *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DATETIME_BUTTON (self), NULL);

  return self->date;
}

void
debrief_datetime_button_set_date (DebriefDatetimeButton *self, const char *date)
{
  g_return_if_fail (DEBRIEF_IS_DATETIME_BUTTON (self));

  if (date != NULL && *date == '\0')
    date = NULL;

  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

void
debrief_datetime_button_set_timezone (DebriefDatetimeButton *self, const char *timezone)
{
  g_return_if_fail (DEBRIEF_IS_DATETIME_BUTTON (self));

  if (g_strcmp0 (self->timezone, timezone) == 0)
    return;

  g_free (self->timezone);
  self->timezone = g_strdup (timezone ? timezone : "UTC");
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEZONE]);
}

const char *
debrief_datetime_button_get_label (DebriefDatetimeButton *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DATETIME_BUTTON (self), NULL);

  return gtk_menu_button_get_label (self->button);
}
