/* debrief-section.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DEBRIEF_TYPE_SECTION (debrief_section_get_type ())

G_DECLARE_FINAL_TYPE (DebriefSection, debrief_section, DEBRIEF, SECTION, GObject)

const char *debrief_section_get_key (DebriefSection *self);
const char *debrief_section_get_title (DebriefSection *self);
const char *debrief_section_get_question (DebriefSection *self);
const char *debrief_section_get_body (DebriefSection *self);
void        debrief_section_set_body (DebriefSection *self, const char *body);
gboolean
debrief_section_set_text (DebriefSection *self, const char *text, gssize length, GError **error);
gboolean debrief_section_is_empty (DebriefSection *self);

G_END_DECLS
