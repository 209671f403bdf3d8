/* debrief-profile.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * DebriefProfileRows:
 *
 * The rows of the metadata table on an export's first page.
 */
typedef enum
{
  DEBRIEF_PROFILE_ROW_STATUS = 1 << 0,
  DEBRIEF_PROFILE_ROW_SEVERITY = 1 << 1,
  DEBRIEF_PROFILE_ROW_LEAD = 1 << 2,
  DEBRIEF_PROFILE_ROW_STARTED = 1 << 3,
  DEBRIEF_PROFILE_ROW_ENDED = 1 << 4,
  DEBRIEF_PROFILE_ROW_DURATION = 1 << 5,
  DEBRIEF_PROFILE_ROW_METRICS = 1 << 6,
  DEBRIEF_PROFILE_ROW_GENERATED = 1 << 7,
} DebriefProfileRows;

/**
 * DebriefSectionExtent:
 * @DEBRIEF_SECTION_FULL: the whole section
 * @DEBRIEF_SECTION_FIRST_PARAGRAPH: only the first block of its text (the
 *   brief version: by convention the first paragraph states the finding)
 */
typedef enum
{
  DEBRIEF_SECTION_FULL,
  DEBRIEF_SECTION_FIRST_PARAGRAPH,
} DebriefSectionExtent;

/**
 * DebriefProfileTimeline:
 *
 * Which views of the timeline an export shows.
 */
typedef enum
{
  DEBRIEF_PROFILE_TIMELINE_CHART = 1 << 0,
  DEBRIEF_PROFILE_TIMELINE_TABLE = 1 << 1,
  DEBRIEF_PROFILE_TIMELINE_KEY_EVENTS = 1 << 2,
} DebriefProfileTimeline;

/**
 * DebriefActionColumns:
 *
 * The columns of the action items table; none means no action items.
 */
typedef enum
{
  DEBRIEF_ACTION_COLUMN_DESCRIPTION = 1 << 0,
  DEBRIEF_ACTION_COLUMN_OWNER = 1 << 1,
  DEBRIEF_ACTION_COLUMN_DUE = 1 << 2,
  DEBRIEF_ACTION_COLUMN_STATUS = 1 << 3,
  DEBRIEF_ACTION_COLUMN_TYPE = 1 << 4,
  DEBRIEF_ACTION_COLUMN_LINK = 1 << 5,
} DebriefActionColumns;

#define DEBRIEF_PROFILE_MAX_SECTIONS 16

typedef struct
{
  const char          *key;
  DebriefSectionExtent extent;
} DebriefProfileSection;

/**
 * DebriefProfile:
 * @name: stable identifier, used by the CLI (`--profile`) and settings
 * @label: untranslated name (use debrief_profile_get_label())
 * @description: untranslated one-line description
 * @rows: the metadata rows on the first page
 * @all_sections: every template section in full, in template order
 * @sections: otherwise, the sections to include, in template order
 * @timeline: the timeline views
 * @metrics: whether the metrics section (figures with formulas) is included
 * @action_columns: the action table's columns; 0 leaves the actions out
 * @names: whether people's names may appear (incident lead, owners, chat
 *   user names)
 * @links: whether links may appear (URLs in section text, tracker links);
 *   without, link text is kept as plain text and tracker links are dropped
 *
 * What an export includes. Profiles are rows of a table: adding one is a
 * matter of adding a row in debrief-profile.c and describing it in
 * docs/export.md.
 */
typedef struct
{
  const char            *name;
  const char            *label;
  const char            *description;
  DebriefProfileRows     rows;
  gboolean               all_sections;
  DebriefProfileSection  sections[DEBRIEF_PROFILE_MAX_SECTIONS];
  DebriefProfileTimeline timeline;
  gboolean               metrics;
  DebriefActionColumns   action_columns;
  gboolean               names;
  gboolean               links;
} DebriefProfile;

const DebriefProfile *debrief_profile_get_all (guint *n_profiles);
const DebriefProfile *debrief_profile_lookup (const char *name, GError **error);
const char           *debrief_profile_get_label (const DebriefProfile *self);
const char           *debrief_profile_get_description (const DebriefProfile *self);
gboolean              debrief_profile_is_whole (const DebriefProfile *self);
gboolean              debrief_profile_includes_section (const DebriefProfile *self,
                                                        const char           *key,
                                                        DebriefSectionExtent *extent);

G_END_DECLS
