/* debrief-search-hit.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "debrief-report.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_SEARCH_HIT (debrief_search_hit_get_type ())

G_DECLARE_FINAL_TYPE (DebriefSearchHit, debrief_search_hit, DEBRIEF, SEARCH_HIT, GObject)

DebriefSearchHit *debrief_search_hit_new (
    DebriefReport *report, const char *kind, const char *ref, const char *snippet, double rank);
DebriefReport *debrief_search_hit_get_report (DebriefSearchHit *self);
const char    *debrief_search_hit_get_kind (DebriefSearchHit *self);
const char    *debrief_search_hit_get_ref (DebriefSearchHit *self);
const char    *debrief_search_hit_get_location (DebriefSearchHit *self);
double         debrief_search_hit_get_rank (DebriefSearchHit *self);
char *debrief_search_hit_get_snippet (DebriefSearchHit *self, const char *open, const char *close);
char *debrief_search_hit_get_snippet_markup (DebriefSearchHit *self);

G_END_DECLS
