/* debrief-export-private.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-enums.h"
#include "debrief-export.h"
#include "debrief-metrics.h"
#include "debrief-profile.h"

G_BEGIN_DECLS

/* What an export needs of a report, copied on the thread that owns the
 * report so that layout and rendering can run on a worker thread. The
 * profile has been applied: what it leaves out is not copied. */

typedef struct
{
  char                *key;
  char                *title;
  char                *body;
  DebriefSectionExtent extent;
} DebriefExportSection;

typedef struct
{
  gint64               at;
  DebriefTimePrecision precision;
  DebriefEntryKind     kind;
  DebriefKeyEvent      key_event;
  DebriefEntrySource   source;
  char                *text;
} DebriefExportEntry;

typedef struct
{
  char               *description;
  char               *owner;
  char               *due;
  char               *link;
  DebriefActionStatus status;
  DebriefActionType   type;
} DebriefExportAction;

typedef struct
{
  DebriefMetricState state;
  gint64             seconds;
  char              *label;
  char              *formula;
  char              *description;
  gint64             from_at;
  gint64             to_at;
} DebriefExportMetric;

#define DEBRIEF_N_KEY_EVENTS (DEBRIEF_KEY_EVENT_RESOLVED + 1)

typedef struct
{
  const DebriefProfile *profile;
  /* For profiles without names: GRegex that find the people's names */
  GPtrArray          *names;
  DebriefExportFormat format;
  DebriefPaper        paper;
  gint64              generated_at;

  char           *title;
  char           *lead;
  char           *timezone;
  GTimeZone      *tz;
  char           *classification;
  DebriefStatus   status;
  DebriefSeverity severity;
  gint64          started_at;
  gint64          ended_at;
  gint64          event_at[DEBRIEF_N_KEY_EVENTS];
  gint64          first_entry_at;
  gint64          last_entry_at;
  gboolean        spans_days;

  DebriefExportMetric metrics[DEBRIEF_N_METRICS];
  gboolean            metrics_have_problems;

  GPtrArray *sections; /* DebriefExportSection */
  GPtrArray *entries;  /* DebriefExportEntry */
  GPtrArray *actions;  /* DebriefExportAction */

  char *json;
  gsize json_length;
} DebriefExportSnapshot;

void _debrief_export_snapshot_free (DebriefExportSnapshot *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DebriefExportSnapshot, _debrief_export_snapshot_free)

/* Progress of a renderer; safe to call from the worker thread. Returns
 * FALSE (with @error set) once the export was cancelled. */
typedef struct _DebriefExportJob DebriefExportJob;

gboolean _debrief_export_job_progress (DebriefExportJob *job, double fraction, GError **error);
void     _debrief_export_job_set_missing (DebriefExportJob *job, char *missing);

char       *_debrief_export_format_time (DebriefExportSnapshot *snapshot,
                                         gint64                 utc,
                                         DebriefTimePrecision   precision,
                                         gboolean               with_date);
const char *_debrief_export_duration_formula (void);
char       *_debrief_export_chat_author (const char *text);
char       *_debrief_export_strip_chat_author (const char *text);

/* Addresses, in debrief-export-links.c */
const char *_debrief_export_link_removed (void);
gboolean    _debrief_export_looks_like_address (const char *text);
char       *_debrief_export_remove_addresses (const char *text);
typedef struct
{
  char  in;     /* 0 in text, '<' in a tag, '!' in a comment */
  char  quote;  /* in a tag: the quote of the value it is in */
  guint dashes; /* in a comment: the '-' just before */
} DebriefHtmlState;

char *_debrief_export_html_text (const char *html, gssize length, DebriefHtmlState *state);

/* Names of people, in debrief-export-names.c */
typedef struct
{
  gsize start;
  gsize end;
} DebriefNameRange;

GPtrArray *_debrief_export_names_new (DebriefReport *report, GError **error);
char      *_debrief_export_remove_names (GPtrArray *names, const char *text, gssize length);
void       _debrief_export_find_names (
          GPtrArray *names, const char *text, gsize start, gsize length, GArray *ranges);
void        _debrief_export_merge_names (GArray *ranges);
const char *_debrief_export_name_removed (void);

/* Renderers, in debrief-pdf.c and debrief-markdown.c */
GBytes *
_debrief_pdf_render (DebriefExportSnapshot *snapshot, DebriefExportJob *job, GError **error);
GBytes *
_debrief_markdown_render (DebriefExportSnapshot *snapshot, DebriefExportJob *job, GError **error);
char *_debrief_markdown_first_block (const char *body);

G_END_DECLS
