/* debrief-timeline-page.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "debrief-core.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_TIMELINE_PAGE (debrief_timeline_page_get_type ())

G_DECLARE_FINAL_TYPE (DebriefTimelinePage, debrief_timeline_page, DEBRIEF, TIMELINE_PAGE, GtkWidget)

GtkWidget     *debrief_timeline_page_new (void);
DebriefReport *debrief_timeline_page_get_report (DebriefTimelinePage *self);
void           debrief_timeline_page_set_report (DebriefTimelinePage *self, DebriefReport *report);
void           debrief_timeline_page_import_file (DebriefTimelinePage *self, GFile *file);
void           debrief_timeline_page_import_text (DebriefTimelinePage *self, const char *text);
GtkListView   *debrief_timeline_page_get_list_view (DebriefTimelinePage *self);
GtkEntry      *debrief_timeline_page_get_quick_entry (DebriefTimelinePage *self);
const char    *debrief_timeline_page_get_quick_error (DebriefTimelinePage *self);
const char *
debrief_timeline_page_get_metric_text (DebriefTimelinePage *self, DebriefMetric metric);
const char      *
debrief_timeline_page_get_metric_detail (DebriefTimelinePage *self, DebriefMetric metric);
void debrief_timeline_page_select (DebriefTimelinePage *self, guint position);

G_END_DECLS
