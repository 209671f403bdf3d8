/* debrief-private.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "debrief-action-item.h"
#include "debrief-library.h"
#include "debrief-report.h"
#include "debrief-section.h"
#include "debrief-store.h"
#include "debrief-timeline-entry.h"

G_BEGIN_DECLS

/* How the model objects reach the library that stores them. Only the
 * core uses these. */

DebriefStore *_debrief_library_get_store (DebriefLibrary *self);

#define DEBRIEF_REPORT_COLUMNS                                                          \
  "uuid, title, status, severity, lead, timezone, started_at, created_at, updated_at, " \
  "classification"
DebriefReport *_debrief_report_new_from_stmt (sqlite3_stmt *stmt);
void           _debrief_report_attach (DebriefReport *self, DebriefLibrary *library);
void           _debrief_report_detach (DebriefReport *self);
gboolean       _debrief_report_is_attached (DebriefReport *self);
void           _debrief_report_queue_insert (DebriefReport *self);
void
_debrief_report_queue (DebriefReport *self, const char *key, const char *sql, GVariant *params);
void
_debrief_report_section_changed (DebriefReport *self, DebriefSection *section, gboolean was_empty);
gboolean _debrief_report_load (DebriefReport *self, sqlite3 *db, GError **error);
void     _debrief_report_mark_loaded (DebriefReport *self);
void     _debrief_report_init_contents (DebriefReport *self, gint64 created_at, gint64 updated_at);

DebriefSection *_debrief_section_new (const char *key, const char *body);
void            _debrief_section_attach (DebriefSection *self, DebriefReport *report);
void            _debrief_section_queue_insert (DebriefSection *self);

#define DEBRIEF_ACTION_ITEM_COLUMNS "uuid, description, owner, due, status, type, link"
DebriefActionItem *_debrief_action_item_new_from_stmt (sqlite3_stmt *stmt);
void               _debrief_action_item_attach (DebriefActionItem *self, DebriefReport *report);
void               _debrief_action_item_queue_insert (DebriefActionItem *self, guint position);

#define DEBRIEF_TIMELINE_ENTRY_COLUMNS \
  "uuid, occurred_at, precision, kind, key_event, text, source"
DebriefTimelineEntry *_debrief_timeline_entry_new_from_stmt (sqlite3_stmt *stmt);
DebriefTimelineEntry *_debrief_timeline_entry_new_full (const char          *uuid,
                                                        gint64               occurred_at,
                                                        DebriefTimePrecision precision,
                                                        DebriefEntryKind     kind,
                                                        DebriefKeyEvent      key_event,
                                                        const char          *text,
                                                        DebriefEntrySource   source);
void _debrief_timeline_entry_attach (DebriefTimelineEntry *self, DebriefReport *report);
void _debrief_timeline_entry_queue_insert (DebriefTimelineEntry *self, guint position);

G_END_DECLS
