/* debrief-report-row.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "debrief-core.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_REPORT_ROW (debrief_report_row_get_type ())

G_DECLARE_FINAL_TYPE (DebriefReportRow, debrief_report_row, DEBRIEF, REPORT_ROW, GtkWidget)

GtkWidget     *debrief_report_row_new (void);
DebriefReport *debrief_report_row_get_report (DebriefReportRow *self);
void           debrief_report_row_set_report (DebriefReportRow *self, DebriefReport *report);
void           debrief_report_row_set_snippet_markup (DebriefReportRow *self, const char *markup);
const char    *debrief_report_row_get_severity_text (DebriefReportRow *self);
const char    *debrief_report_row_get_snippet_text (DebriefReportRow *self);

G_END_DECLS
