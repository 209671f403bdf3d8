/* debrief-application.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-core.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_APPLICATION (debrief_application_get_type ())

G_DECLARE_FINAL_TYPE (DebriefApplication, debrief_application, DEBRIEF, APPLICATION, AdwApplication)

DebriefApplication *debrief_application_new (void);
void                debrief_application_open_library_async (DebriefApplication *self,
                                                            GFile              *file,
                                                            GCancellable       *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer            user_data);
DebriefLibrary     *debrief_application_open_library_finish (DebriefApplication *self,
                                                             GAsyncResult       *result,
                                                             GError            **error);
GtkWindow          *debrief_application_new_window (DebriefApplication *self, GFile *file);

G_END_DECLS
