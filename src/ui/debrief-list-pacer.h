/* debrief-list-pacer.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DEBRIEF_TYPE_LIST_PACER (debrief_list_pacer_get_type ())

G_DECLARE_FINAL_TYPE (DebriefListPacer, debrief_list_pacer, DEBRIEF, LIST_PACER, GObject)

DebriefListPacer *debrief_list_pacer_new (GtkWidget *list_view);
GListModel       *debrief_list_pacer_get_model (DebriefListPacer *self);
void              debrief_list_pacer_set_model (DebriefListPacer *self, GListModel *model);
void              debrief_list_pacer_restart (DebriefListPacer *self);
void              debrief_list_pacer_reveal (DebriefListPacer *self, guint position);

G_END_DECLS
