/* debrief-action-item.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "debrief-enums.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_ACTION_ITEM (debrief_action_item_get_type ())

G_DECLARE_FINAL_TYPE (DebriefActionItem, debrief_action_item, DEBRIEF, ACTION_ITEM, GObject)

DebriefActionItem *debrief_action_item_new (const char *description);
const char        *debrief_action_item_get_uuid (DebriefActionItem *self);
const char        *debrief_action_item_get_description (DebriefActionItem *self);
void        debrief_action_item_set_description (DebriefActionItem *self, const char *description);
const char *debrief_action_item_get_owner (DebriefActionItem *self);
void        debrief_action_item_set_owner (DebriefActionItem *self, const char *owner);
const char *debrief_action_item_get_due (DebriefActionItem *self);
void        debrief_action_item_set_due (DebriefActionItem *self, const char *due);
DebriefActionStatus debrief_action_item_get_status (DebriefActionItem *self);
void debrief_action_item_set_status (DebriefActionItem *self, DebriefActionStatus status);
DebriefActionType debrief_action_item_get_action_type (DebriefActionItem *self);
void        debrief_action_item_set_action_type (DebriefActionItem *self, DebriefActionType type);
const char *debrief_action_item_get_link (DebriefActionItem *self);
void        debrief_action_item_set_link (DebriefActionItem *self, const char *link);
gboolean    debrief_action_item_is_overdue (DebriefActionItem *self, GDate *today);
gboolean    debrief_action_item_set_field (DebriefActionItem *self,
                                           const char        *field,
                                           const char        *value,
                                           GError           **error);
const char *const *debrief_action_item_list_fields (void);

G_END_DECLS
