/* debrief-timeline-entry.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "debrief-enums.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_TIMELINE_ENTRY (debrief_timeline_entry_get_type ())

G_DECLARE_FINAL_TYPE (
    DebriefTimelineEntry, debrief_timeline_entry, DEBRIEF, TIMELINE_ENTRY, GObject)

DebriefTimelineEntry *debrief_timeline_entry_new (gint64               occurred_at,
                                                  DebriefTimePrecision precision,
                                                  DebriefEntryKind     kind,
                                                  const char          *text);
const char           *debrief_timeline_entry_get_uuid (DebriefTimelineEntry *self);
gint64                debrief_timeline_entry_get_occurred_at (DebriefTimelineEntry *self);
DebriefTimePrecision  debrief_timeline_entry_get_precision (DebriefTimelineEntry *self);
void                  debrief_timeline_entry_set_occurred_at (DebriefTimelineEntry *self,
                                                              gint64                occurred_at,
                                                              DebriefTimePrecision  precision);
DebriefEntryKind      debrief_timeline_entry_get_kind (DebriefTimelineEntry *self);
void debrief_timeline_entry_set_kind (DebriefTimelineEntry *self, DebriefEntryKind kind);
DebriefKeyEvent debrief_timeline_entry_get_key_event (DebriefTimelineEntry *self);
void debrief_timeline_entry_set_key_event (DebriefTimelineEntry *self, DebriefKeyEvent key_event);
const char        *debrief_timeline_entry_get_text (DebriefTimelineEntry *self);
void               debrief_timeline_entry_set_text (DebriefTimelineEntry *self, const char *text);
DebriefEntrySource debrief_timeline_entry_get_source (DebriefTimelineEntry *self);
void debrief_timeline_entry_set_source (DebriefTimelineEntry *self, DebriefEntrySource source);

G_END_DECLS
