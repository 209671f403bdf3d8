/* debrief-report.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "debrief-action-item.h"
#include "debrief-enums.h"
#include "debrief-section.h"
#include "debrief-timeline-entry.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_REPORT (debrief_report_get_type ())

G_DECLARE_FINAL_TYPE (DebriefReport, debrief_report, DEBRIEF, REPORT, GObject)

DebriefReport  *debrief_report_new (const char *title);
const char     *debrief_report_get_uuid (DebriefReport *self);
const char     *debrief_report_get_title (DebriefReport *self);
void            debrief_report_set_title (DebriefReport *self, const char *title);
DebriefStatus   debrief_report_get_status (DebriefReport *self);
void            debrief_report_set_status (DebriefReport *self, DebriefStatus status);
DebriefSeverity debrief_report_get_severity (DebriefReport *self);
void            debrief_report_set_severity (DebriefReport *self, DebriefSeverity severity);
const char     *debrief_report_get_lead (DebriefReport *self);
void            debrief_report_set_lead (DebriefReport *self, const char *lead);
const char     *debrief_report_get_timezone (DebriefReport *self);
gboolean debrief_report_set_timezone (DebriefReport *self, const char *timezone, GError **error);
const char *debrief_report_get_classification (DebriefReport *self);
void        debrief_report_set_classification (DebriefReport *self, const char *classification);
const char *const *debrief_report_list_classifications (void);
gint64             debrief_report_get_started_at (DebriefReport *self);
void               debrief_report_set_started_at (DebriefReport *self, gint64 started_at);
gint64             debrief_report_get_created_at (DebriefReport *self);
gint64             debrief_report_get_updated_at (DebriefReport *self);
gboolean           debrief_report_set_field (DebriefReport *self,
                                             const char    *field,
                                             const char    *value,
                                             GError       **error);
const char *const *debrief_report_list_fields (void);

gboolean debrief_report_is_loaded (DebriefReport *self);
gboolean debrief_report_ensure_loaded (DebriefReport *self, GError **error);
void     debrief_report_load_async (DebriefReport      *self,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data);
gboolean debrief_report_load_finish (DebriefReport *self, GAsyncResult *result, GError **error);

GListModel     *debrief_report_get_sections (DebriefReport *self);
DebriefSection *debrief_report_get_section (DebriefReport *self, const char *key);
guint           debrief_report_get_n_empty_sections (DebriefReport *self);

GListModel *debrief_report_get_actions (DebriefReport *self);
void debrief_report_insert_action (DebriefReport *self, guint position, DebriefActionItem *item);
void debrief_report_append_action (DebriefReport *self, DebriefActionItem *item);
gboolean
debrief_report_remove_action (DebriefReport *self, DebriefActionItem *item, guint *position);
gboolean debrief_report_move_action (DebriefReport *self, guint from, guint to);

GListModel *debrief_report_get_timeline (DebriefReport *self);
void        debrief_report_insert_timeline_entry (DebriefReport        *self,
                                                  guint                 position,
                                                  DebriefTimelineEntry *entry);
gboolean    debrief_report_remove_timeline_entry (DebriefReport        *self,
                                                  DebriefTimelineEntry *entry,
                                                  guint                *position);
gboolean    debrief_report_move_timeline_entry (DebriefReport *self, guint from, guint to);
void
debrief_report_insert_timeline_entries (DebriefReport *self, guint position, GPtrArray *entries);
guint debrief_report_remove_timeline_entries (DebriefReport *self, GPtrArray *entries);
DebriefTimelineEntry *
debrief_report_find_key_event (DebriefReport *self, DebriefKeyEvent key_event);
DebriefTimelineEntry *debrief_report_tag_key_event (DebriefReport        *self,
                                                    DebriefTimelineEntry *entry,
                                                    DebriefKeyEvent       key_event);
gboolean debrief_report_sort_timeline_by_time (DebriefReport *self, GPtrArray **previous_order);
gboolean debrief_report_set_timeline_order (DebriefReport *self, GPtrArray *order, GError **error);
GHashTable *debrief_report_get_out_of_order_entries (DebriefReport *self);

const char *debrief_classification_get_label (const char *classification);

G_END_DECLS
