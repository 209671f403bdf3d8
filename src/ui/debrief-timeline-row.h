/* debrief-timeline-row.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "debrief-core.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_TIMELINE_ROW (debrief_timeline_row_get_type ())

G_DECLARE_FINAL_TYPE (DebriefTimelineRow, debrief_timeline_row, DEBRIEF, TIMELINE_ROW, GtkWidget)

GtkWidget            *debrief_timeline_row_new (const GType *drop_types, gsize n_drop_types);
DebriefTimelineEntry *debrief_timeline_row_get_entry (DebriefTimelineRow *self);
void        debrief_timeline_row_set_entry (DebriefTimelineRow *self, DebriefTimelineEntry *entry);
void        debrief_timeline_row_set_context (DebriefTimelineRow *self,
                                              const char         *timezone,
                                              gboolean            show_date,
                                              gboolean            out_of_order);
void        debrief_timeline_row_set_evidence_count (DebriefTimelineRow *self, guint count);
gboolean    debrief_timeline_row_get_out_of_order (DebriefTimelineRow *self);
const char *debrief_timeline_row_get_time_text (DebriefTimelineRow *self);
GtkDropTarget *debrief_timeline_row_get_drop_target (DebriefTimelineRow *self);

GtkWidget *debrief_timeline_row_get_menu_button (DebriefTimelineRow *self);

G_END_DECLS
