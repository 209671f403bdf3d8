/* debrief-import-dialog.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-core.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_IMPORT_DIALOG (debrief_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DebriefImportDialog, debrief_import_dialog, DEBRIEF, IMPORT_DIALOG, AdwWindow)

GtkWidget        *debrief_import_dialog_new (DebriefLogImport *import);
DebriefLogImport *debrief_import_dialog_get_import (DebriefImportDialog *self);
const char       *debrief_import_dialog_get_summary (DebriefImportDialog *self);
void              debrief_import_dialog_confirm (DebriefImportDialog *self);

G_END_DECLS
