/* debrief-template.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * DebriefTemplateSection:
 * @key: stable identifier, stored in libraries and documents
 * @title: untranslated title (use debrief_template_section_get_title())
 * @question: untranslated guiding question
 *
 * One free-text section of the built-in post-incident template.
 */
typedef struct
{
  const char *key;
  const char *title;
  const char *question;
} DebriefTemplateSection;

const DebriefTemplateSection *debrief_template_get_sections (guint *n_sections);
const DebriefTemplateSection *debrief_template_find_section (const char *key);
int                           debrief_template_get_section_index (const char *key);
const char *debrief_template_section_get_title (const DebriefTemplateSection *section);
const char *debrief_template_section_get_question (const DebriefTemplateSection *section);

G_END_DECLS
