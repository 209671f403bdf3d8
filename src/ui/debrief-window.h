/* debrief-window.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-core.h"
#include "debrief-report-editor.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_WINDOW (debrief_window_get_type ())

G_DECLARE_FINAL_TYPE (DebriefWindow, debrief_window, DEBRIEF, WINDOW, AdwApplicationWindow)

DebriefWindow  *debrief_window_new (GtkApplication *application);
DebriefLibrary *debrief_window_get_library (DebriefWindow *self);
void            debrief_window_set_library (DebriefWindow *self, DebriefLibrary *library);
void debrief_window_show_open_error (DebriefWindow *self, GFile *file, const GError *error);
DebriefReport       *debrief_window_get_report (DebriefWindow *self);
void                 debrief_window_select_report (DebriefWindow *self, DebriefReport *report);
DebriefReportEditor *debrief_window_get_editor (DebriefWindow *self);
GtkListView         *debrief_window_get_report_list (DebriefWindow *self);
GtkSearchEntry      *debrief_window_get_search_entry (DebriefWindow *self);
AdwLeaflet          *debrief_window_get_leaflet (DebriefWindow *self);
void                 debrief_window_add_toast (DebriefWindow *self, AdwToast *toast);
AdwToast            *debrief_window_get_last_toast (DebriefWindow *self);
gboolean             debrief_window_is_searching (DebriefWindow *self);

G_END_DECLS
