/* debrief-library.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "debrief-report.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_LIBRARY (debrief_library_get_type ())

G_DECLARE_FINAL_TYPE (DebriefLibrary, debrief_library, DEBRIEF, LIBRARY, GObject)

GFile          *debrief_library_get_default_file (void);
DebriefLibrary *debrief_library_open (GFile *file, GError **error);
void            debrief_library_open_async (GFile              *file,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
DebriefLibrary *debrief_library_open_finish (GAsyncResult *result, GError **error);
GFile          *debrief_library_get_file (DebriefLibrary *self);
gboolean        debrief_library_get_read_only (DebriefLibrary *self);
gboolean        debrief_library_get_created (DebriefLibrary *self);

DebriefReport          *
debrief_library_create_report (DebriefLibrary *self, const char *title, GError **error);
gboolean debrief_library_add_report (DebriefLibrary *self, DebriefReport *report, GError **error);
gboolean
debrief_library_delete_report (DebriefLibrary *self, DebriefReport *report, GError **error);
DebriefReport *debrief_library_find_report (DebriefLibrary *self, const char *uuid);
DebriefReport *
debrief_library_lookup_report (DebriefLibrary *self, const char *reference, GError **error);

GListModel *debrief_library_search (DebriefLibrary *self, const char *query, GError **error);
void        debrief_library_search_async (DebriefLibrary     *self,
                                          const char         *query,
                                          GCancellable       *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer            user_data);
GListModel *
debrief_library_search_finish (DebriefLibrary *self, GAsyncResult *result, GError **error);

gboolean debrief_library_flush (DebriefLibrary *self, GError **error);
void     debrief_library_flush_async (DebriefLibrary     *self,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data);
gboolean debrief_library_flush_finish (DebriefLibrary *self, GAsyncResult *result, GError **error);
void     debrief_library_discard_unsaved (DebriefLibrary *self);

G_END_DECLS
