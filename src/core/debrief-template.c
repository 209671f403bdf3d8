/* debrief-template.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-template"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "debrief-template.h"

/* The built-in template: the free-text sections of a standard
 * post-incident report, in the order they are written and read. The
 * timeline, the action items and the evidence are structured parts of a
 * report and are not listed here.
 */
static const DebriefTemplateSection sections[] = {
  { "summary", N_ ("Executive summary"),
    N_ ("What happened, who was affected, for how long, and what is being done so it does not "
        "happen again?") },
  { "impact", N_ ("Impact assessment"),
    N_ ("Which customers, services and regions were affected, how badly and for how long? "
        "Give numbers where you have them.") },
  { "detection", N_ ("Detection and response"),
    N_ ("How was the incident noticed, who responded, and what did they do first? What slowed "
        "the response down?") },
  { "root-cause", N_ ("Root cause analysis"),
    N_ ("Why did this happen? Follow the chain of causes past the first answer, and mark what "
        "is confirmed and what is still a hypothesis.") },
  { "resolution", N_ ("Resolution steps"),
    N_ ("What mitigated the impact and what finally resolved it? List the steps in the order "
        "they were taken.") },
  { "communication", N_ ("Communication notes"),
    N_ ("Who was told what, when, and through which channel: status page, customers, support, "
        "leadership?") },
  { "lessons", N_ ("Lessons learned"),
    N_ ("What went well, what went badly, and where were we lucky?") },
};

/**
 * debrief_template_get_sections:
 * @n_sections: (out): the number of sections
 *
 * Returns: (transfer none): the sections of the built-in template, in order
 */
const DebriefTemplateSection *
debrief_template_get_sections (guint *n_sections)
{
  g_return_val_if_fail (n_sections != NULL, NULL);

  *n_sections = G_N_ELEMENTS (sections);
  return sections;
}

/**
 * debrief_template_get_section_index:
 *
 * Returns: the position of the section @key in the template, or -1
 */
int
debrief_template_get_section_index (const char *key)
{
  g_return_val_if_fail (key != NULL, -1);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      if (g_str_equal (sections[i].key, key))
        return (int) i;
    }

  return -1;
}

/**
 * debrief_template_find_section:
 *
 * Returns: (transfer none) (nullable): the section @key, or %NULL
 */
const DebriefTemplateSection *
debrief_template_find_section (const char *key)
{
  int index = debrief_template_get_section_index (key);

  return index < 0 ? NULL : &sections[index];
}

const char *
debrief_template_section_get_title (const DebriefTemplateSection *section)
{
  g_return_val_if_fail (section != NULL, NULL);

  return g_dgettext (GETTEXT_PACKAGE, section->title);
}

const char *
debrief_template_section_get_question (const DebriefTemplateSection *section)
{
  g_return_val_if_fail (section != NULL, NULL);

  return g_dgettext (GETTEXT_PACKAGE, section->question);
}
