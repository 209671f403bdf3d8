/* debrief-json.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "debrief-report.h"

G_BEGIN_DECLS

char    *debrief_json_export_report (DebriefReport *report, gsize *length, GError **error);
gboolean debrief_json_export_report_to_file (DebriefReport *report, GFile *file, GError **error);
DebriefReport *debrief_json_import_report (const char *data, gssize length, GError **error);
DebriefReport *debrief_json_import_file (GFile *file, GError **error);

G_END_DECLS
