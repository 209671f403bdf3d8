/* debrief-log-parse.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "debrief-enums.h"
#include "debrief-log-problem.h"

G_BEGIN_DECLS

/* What quick entry and log import share: reading the time at the start of
 * a line, the kind prefix ("obs:", "act:"…) and turning wall-clock times
 * into UTC along a log. Only the core uses these. */

typedef struct
{
  int                  year; /* 0 when the text gave no date */
  int                  month;
  int                  day;
  int                  hour; /* -1 when the text gave only a date */
  int                  minute;
  int                  second;
  DebriefTimePrecision precision;
  gboolean             has_offset;
  int                  offset; /* seconds east of UTC */
} DebriefParsedTime;

gsize    _debrief_parse_leading_time (const char        *text,
                                      gsize              length,
                                      DebriefParsedTime *time,
                                      GError           **error);
gboolean _debrief_parse_time_field (const char *text, DebriefParsedTime *time, GError **error);
gsize    _debrief_parse_kind_prefix (const char *text, gsize length, DebriefEntryKind *kind);

/* Reads wall-clock times of a log in order. Times without a date fall on
 * the clock's current day; a time more than DEBRIEF_CLOCK_ROLLOVER earlier
 * than the previous one means the log went past midnight, and moves the
 * current day on. A date moves the current day to it. In the repeated hour
 * when clocks go back, a time is read as the first of its two moments
 * unless that would put it before the previous time and the second would
 * not. */
#define DEBRIEF_CLOCK_ROLLOVER (12 * 3600)

typedef struct _DebriefClock DebriefClock;

DebriefClock *_debrief_clock_new (const char *zone, GError **error);
void          _debrief_clock_free (DebriefClock *clock);
void          _debrief_clock_set_day (DebriefClock *clock, int year, int month, int day);
void          _debrief_clock_set_previous (DebriefClock *clock, gint64 utc);
void          _debrief_clock_set_today (DebriefClock *clock);
void          _debrief_clock_get_day (DebriefClock *clock, int *year, int *month, int *day);
void     _debrief_clock_day_of (DebriefClock *clock, gint64 utc, int *year, int *month, int *day);
gboolean _debrief_clock_resolve (DebriefClock            *clock,
                                 const DebriefParsedTime *time,
                                 gint64                  *utc,
                                 GError                 **error);

DebriefLogProblem *
_debrief_log_problem_new (guint line, const char *text, gsize length, const char *message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DebriefClock, _debrief_clock_free)

G_END_DECLS
