/* debrief-profile.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-profile"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "debrief-error.h"
#include "debrief-profile.h"

#define ALL_ROWS                                                                            \
  (DEBRIEF_PROFILE_ROW_STATUS | DEBRIEF_PROFILE_ROW_SEVERITY | DEBRIEF_PROFILE_ROW_LEAD |   \
   DEBRIEF_PROFILE_ROW_STARTED | DEBRIEF_PROFILE_ROW_ENDED | DEBRIEF_PROFILE_ROW_DURATION | \
   DEBRIEF_PROFILE_ROW_METRICS | DEBRIEF_PROFILE_ROW_GENERATED)

#define ALL_ACTION_COLUMNS                                                                       \
  (DEBRIEF_ACTION_COLUMN_DESCRIPTION | DEBRIEF_ACTION_COLUMN_OWNER | DEBRIEF_ACTION_COLUMN_DUE | \
   DEBRIEF_ACTION_COLUMN_STATUS | DEBRIEF_ACTION_COLUMN_TYPE | DEBRIEF_ACTION_COLUMN_LINK)

/* Each profile is one row. docs/export.md describes them for readers, and
 * tests/core/test-export.c checks the PDFs against that description. */
static const DebriefProfile profiles[] = {
  {
      .name = "full",
      .label = N_ ("Full report"),
      .description = N_ ("Everything: all sections, the whole timeline, metrics and action "
                         "items with owners and tracker links."),
      .rows = ALL_ROWS,
      .all_sections = TRUE,
      .timeline = DEBRIEF_PROFILE_TIMELINE_CHART | DEBRIEF_PROFILE_TIMELINE_TABLE,
      .metrics = TRUE,
      .action_columns = ALL_ACTION_COLUMNS,
      .names = TRUE,
      .links = TRUE,
  },
  {
      .name = "leadership",
      .label = N_ ("Leadership summary"),
      .description = N_ ("Summary, impact, metrics, the root cause in brief and the action "
                         "items."),
      .rows = ALL_ROWS,
      .sections = { { "summary", DEBRIEF_SECTION_FULL },
                    { "impact", DEBRIEF_SECTION_FULL },
                    { "root-cause", DEBRIEF_SECTION_FIRST_PARAGRAPH } },
      .timeline = DEBRIEF_PROFILE_TIMELINE_CHART,
      .metrics = TRUE,
      .action_columns = DEBRIEF_ACTION_COLUMN_DESCRIPTION | DEBRIEF_ACTION_COLUMN_OWNER |
                        DEBRIEF_ACTION_COLUMN_DUE | DEBRIEF_ACTION_COLUMN_STATUS |
                        DEBRIEF_ACTION_COLUMN_TYPE,
      .names = TRUE,
      .links = TRUE,
  },
  {
      .name = "customer",
      .label = N_ ("Customer note"),
      .description = N_ ("What customers saw, when, and what changes: no names of people and "
                         "no internal links."),
      .rows = DEBRIEF_PROFILE_ROW_STARTED | DEBRIEF_PROFILE_ROW_ENDED |
              DEBRIEF_PROFILE_ROW_DURATION | DEBRIEF_PROFILE_ROW_GENERATED,
      .sections = { { "summary", DEBRIEF_SECTION_FULL },
                    { "impact", DEBRIEF_SECTION_FULL },
                    { "resolution", DEBRIEF_SECTION_FULL } },
      .timeline = DEBRIEF_PROFILE_TIMELINE_KEY_EVENTS,
      .metrics = FALSE,
      .action_columns = DEBRIEF_ACTION_COLUMN_DESCRIPTION | DEBRIEF_ACTION_COLUMN_STATUS,
      .names = FALSE,
      .links = FALSE,
  },
};

/**
 * debrief_profile_get_all:
 * @n_profiles: (out): the number of profiles
 *
 * Returns: (transfer none): the export profiles; the first is the default
 */
const DebriefProfile *
debrief_profile_get_all (guint *n_profiles)
{
  g_return_val_if_fail (n_profiles != NULL, NULL);

  *n_profiles = G_N_ELEMENTS (profiles);
  return profiles;
}

/**
 * debrief_profile_lookup:
 * @name: a profile's name, e.g. "customer"
 *
 * Returns: (transfer none) (nullable): the profile, or %NULL with @error set
 */
const DebriefProfile *
debrief_profile_lookup (const char *name, GError **error)
{
  g_autoptr (GString) accepted = g_string_new (NULL);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (profiles); i++)
    {
      if (g_ascii_strcasecmp (profiles[i].name, name) == 0)
        return &profiles[i];
    }

  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    g_string_append_printf (accepted, "%s%s", i > 0 ? ", " : "", profiles[i].name);

  g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE,
               _ ("There is no export profile “%s”. Use one of: %s."),
               name != NULL && g_utf8_validate (name, -1, NULL) ? name : "?", accepted->str);
  return NULL;
}

const char *
debrief_profile_get_label (const DebriefProfile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_dgettext (GETTEXT_PACKAGE, self->label);
}

const char *
debrief_profile_get_description (const DebriefProfile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_dgettext (GETTEXT_PACKAGE, self->description);
}

/**
 * debrief_profile_is_whole:
 *
 * Returns: whether the profile leaves nothing out (every section, names,
 *   links), as the JSON export, a lossless copy, needs
 */
gboolean
debrief_profile_is_whole (const DebriefProfile *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->all_sections && self->names && self->links;
}

/**
 * debrief_profile_includes_section:
 * @key: a template section's key
 * @extent: (out) (optional): how much of the section goes in
 *
 * Returns: whether the section @key goes into exports with this profile
 */
gboolean
debrief_profile_includes_section (const DebriefProfile *self,
                                  const char           *key,
                                  DebriefSectionExtent *extent)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (self->all_sections)
    {
      if (extent != NULL)
        *extent = DEBRIEF_SECTION_FULL;
      return TRUE;
    }

  for (guint i = 0; i < DEBRIEF_PROFILE_MAX_SECTIONS && self->sections[i].key != NULL; i++)
    {
      if (g_str_equal (self->sections[i].key, key))
        {
          if (extent != NULL)
            *extent = self->sections[i].extent;
          return TRUE;
        }
    }

  return FALSE;
}
