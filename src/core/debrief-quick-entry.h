/* debrief-quick-entry.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "debrief-report.h"
#include "debrief-timeline-entry.h"

G_BEGIN_DECLS

DebriefTimelineEntry *
debrief_quick_entry_parse (DebriefReport *report, const char *text, GError **error);

G_END_DECLS
