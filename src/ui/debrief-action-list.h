/* debrief-action-list.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "debrief-core.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_ACTION_LIST (debrief_action_list_get_type ())

G_DECLARE_FINAL_TYPE (DebriefActionList, debrief_action_list, DEBRIEF, ACTION_LIST, GtkWidget)

GtkWidget         *debrief_action_list_new (void);
void               debrief_action_list_set_report (DebriefActionList *self, DebriefReport *report);
DebriefActionItem *debrief_action_list_add_item (DebriefActionList *self);
void           debrief_action_list_delete_item (DebriefActionList *self, DebriefActionItem *item);
GtkColumnView *debrief_action_list_get_column_view (DebriefActionList *self);

G_END_DECLS
