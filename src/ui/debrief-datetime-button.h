/* debrief-datetime-button.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DEBRIEF_TYPE_DATETIME_BUTTON (debrief_datetime_button_get_type ())

G_DECLARE_FINAL_TYPE (
    DebriefDatetimeButton, debrief_datetime_button, DEBRIEF, DATETIME_BUTTON, GtkWidget)

GtkWidget  *debrief_datetime_button_new (gboolean show_time);
gint64      debrief_datetime_button_get_time (DebriefDatetimeButton *self);
void        debrief_datetime_button_set_time (DebriefDatetimeButton *self, gint64 time);
const char *debrief_datetime_button_get_date (DebriefDatetimeButton *self);
void        debrief_datetime_button_set_date (DebriefDatetimeButton *self, const char *date);
void debrief_datetime_button_set_timezone (DebriefDatetimeButton *self, const char *timezone);
const char *debrief_datetime_button_get_label (DebriefDatetimeButton *self);

G_END_DECLS
