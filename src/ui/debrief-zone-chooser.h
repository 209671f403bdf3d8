/* debrief-zone-chooser.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DEBRIEF_TYPE_ZONE_CHOOSER (debrief_zone_chooser_get_type ())

G_DECLARE_FINAL_TYPE (DebriefZoneChooser, debrief_zone_chooser, DEBRIEF, ZONE_CHOOSER, GtkPopover)

GtkWidget  *debrief_zone_chooser_new (void);
GListModel *debrief_zone_chooser_get_model (DebriefZoneChooser *self);
void        debrief_zone_chooser_set_filter (DebriefZoneChooser *self, const char *text);
void        debrief_zone_chooser_choose (DebriefZoneChooser *self, guint position);

G_END_DECLS
