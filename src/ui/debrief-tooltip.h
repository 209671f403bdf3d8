/* debrief-tooltip.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        debrief_widget_set_tooltip (GtkWidget *widget, const char *text);
const char *debrief_widget_get_tooltip (GtkWidget *widget);

G_END_DECLS
