/* debrief-report-editor.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-action-list.h"
#include "debrief-core.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_REPORT_EDITOR (debrief_report_editor_get_type ())

G_DECLARE_FINAL_TYPE (DebriefReportEditor, debrief_report_editor, DEBRIEF, REPORT_EDITOR, GtkWidget)

GtkWidget     *debrief_report_editor_new (void);
DebriefReport *debrief_report_editor_get_report (DebriefReportEditor *self);
void           debrief_report_editor_set_report (DebriefReportEditor *self, DebriefReport *report);
void           debrief_report_editor_commit (DebriefReportEditor *self);
GtkWidget     *debrief_report_editor_get_sections_popover (DebriefReportEditor *self);
GtkTextView   *debrief_report_editor_get_section_view (DebriefReportEditor *self, const char *key);
void           debrief_report_editor_show_section (DebriefReportEditor *self, const char *key);
DebriefActionList *debrief_report_editor_get_action_list (DebriefReportEditor *self);
const char        *debrief_report_editor_get_progress_text (DebriefReportEditor *self);
AdwComboRow       *debrief_report_editor_get_severity_row (DebriefReportEditor *self);

G_END_DECLS
