/* debrief-export-dialog.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-core.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_EXPORT_DIALOG (debrief_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DebriefExportDialog, debrief_export_dialog, DEBRIEF, EXPORT_DIALOG, AdwWindow)

GtkWidget            *debrief_export_dialog_new (DebriefReport *report);
DebriefExportOptions *debrief_export_dialog_get_options (DebriefExportDialog *self);
void                  debrief_export_dialog_select (DebriefExportDialog *self,
                                                    const char          *profile,
                                                    DebriefExportFormat  format);
void                  debrief_export_dialog_export_to (DebriefExportDialog *self, GFile *file);
void                  debrief_export_dialog_cancel (DebriefExportDialog *self);
gboolean              debrief_export_dialog_get_exporting (DebriefExportDialog *self);
guint                 debrief_export_dialog_get_n_preview_pages (DebriefExportDialog *self);
guint                 debrief_export_dialog_get_n_pages (DebriefExportDialog *self);

G_END_DECLS
