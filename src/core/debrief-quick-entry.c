/* debrief-quick-entry.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-quick-entry"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "debrief-error.h"
#include "debrief-log-parse.h"
#include "debrief-quick-entry.h"
#include "debrief-text.h"
#include "debrief-time.h"

/* Sets @clock on the incident's current day: the day of the last timed
 * entry of the timeline (and a time much earlier in the day than that
 * entry falls on the next day), else the day the incident started, else
 * today, all in the report's zone. */
static void
set_current_day (DebriefClock *clock, DebriefReport *report)
{
  GListModel *timeline = debrief_report_get_timeline (report);
  gint64      started = debrief_report_get_started_at (report);

  for (guint i = g_list_model_get_n_items (timeline); i > 0; i--)
    {
      g_autoptr (DebriefTimelineEntry) entry = g_list_model_get_item (timeline, i - 1);
      gint64               at = debrief_timeline_entry_get_occurred_at (entry);
      DebriefTimePrecision precision = debrief_timeline_entry_get_precision (entry);

      if (at == DEBRIEF_TIME_UNSET || precision == DEBRIEF_TIME_PRECISION_UNKNOWN)
        continue;

      if (precision == DEBRIEF_TIME_PRECISION_DAY)
        {
          int y, m, d;

          _debrief_clock_day_of (clock, at, &y, &m, &d);
          _debrief_clock_set_day (clock, y, m, d);
        }
      else
        _debrief_clock_set_previous (clock, at);
      return;
    }

  if (started != DEBRIEF_TIME_UNSET)
    {
      int y, m, d;

      _debrief_clock_day_of (clock, started, &y, &m, &d);
      _debrief_clock_set_day (clock, y, m, d);
    }
}

/**
 * debrief_quick_entry_parse:
 * @report: the report the entry is for; its zone and timeline give the
 *   day a bare time falls on
 * @text: what was typed, e.g. "14:02 alert fired for auth-api"
 *
 * Reads a line typed into the timeline's quick entry. It may start with a
 * time ("14:02", "14:02:33", "[14:02]", "2026-12-04 14:02", ISO 8601 with
 * an offset or "Z") and a kind prefix ("obs:", "act:", "dec:", "hyp:",
 * "com:", in any case, before or after the time). A time without a date
 * falls on the incident's current day in the report's zone: the day of
 * the last timed entry of the timeline, else of the incident's start,
 * else today; a time more than 12 hours earlier in the day than that
 * last entry falls on the next day (the incident went past midnight).
 * Without a time, the entry's time is unknown.
 *
 * Returns: (transfer full): a new entry, not yet in the timeline, or
 *   %NULL with @error set (a time that does not exist, no text, a zone
 *   the report cannot use)
 */
DebriefTimelineEntry *
debrief_quick_entry_parse (DebriefReport *report, const char *text, GError **error)
{
  g_autoptr (DebriefClock) clock = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char      *body = NULL;
  DebriefTimelineEntry *entry;
  DebriefParsedTime     time;
  DebriefEntryKind      kind = DEBRIEF_ENTRY_KIND_OBSERVATION;
  gint64                utc = DEBRIEF_TIME_UNSET;
  gboolean              has_kind = FALSE;
  gboolean              has_time = FALSE;
  const char           *p;
  gsize                 n;

  g_return_val_if_fail (DEBRIEF_IS_REPORT (report), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!debrief_text_validate (text, -1, DEBRIEF_MAX_SECTION_BYTES, TRUE, _ ("The entry"), error))
    return NULL;

  p = text;
  while (g_ascii_isspace (*p))
    p++;

  if ((n = _debrief_parse_kind_prefix (p, strlen (p), &kind)) > 0)
    {
      has_kind = TRUE;
      p += n;
    }

  if ((n = _debrief_parse_leading_time (p, strlen (p), &time, &local_error)) > 0)
    {
      has_time = TRUE;
      p += n;
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!has_kind && (n = _debrief_parse_kind_prefix (p, strlen (p), &kind)) > 0)
    p += n;

  body = g_strstrip (g_strdup (p));
  if (body[0] == '\0')
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TEXT,
                   has_time ? _ ("Write what happened after the time, for example “14:02 alert "
                                 "fired”.")
                            : _ ("Write what happened, for example “14:02 alert fired”."));
      return NULL;
    }

  if (has_time)
    {
      if (!(clock = _debrief_clock_new (debrief_report_get_timezone (report), error)))
        return NULL;
      set_current_day (clock, report);
      if (!_debrief_clock_resolve (clock, &time, &utc, error))
        return NULL;
    }

  entry = debrief_timeline_entry_new (
      utc, has_time ? time.precision : DEBRIEF_TIME_PRECISION_UNKNOWN, kind, body);
  debrief_timeline_entry_set_source (entry, DEBRIEF_ENTRY_SOURCE_TYPED);

  return entry;
}
