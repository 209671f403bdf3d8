/* debrief-log-parse.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-log-parse"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "debrief-error.h"
#include "debrief-log-parse.h"
#include "debrief-time.h"

#define SECONDS_PER_DAY 86400

struct _DebriefClock
{
  GTimeZone *tz;
  char      *zone;
  GDate      day;
  int        previous_wall; /* seconds after midnight, or -1 */
  gint64     previous_utc;
  guint32    epoch_julian;

  /* The offsets around the day last converted: most days have one */
  guint32  cache_julian;
  gboolean cache_single;
  gint32   cache_before;
  gint32   cache_after;
};

typedef struct
{
  const char      *word;
  DebriefEntryKind kind;
} KindWord;

static const KindWord kind_words[] = {
  { "obs", DEBRIEF_ENTRY_KIND_OBSERVATION },
  { "observation", DEBRIEF_ENTRY_KIND_OBSERVATION },
  { "act", DEBRIEF_ENTRY_KIND_ACTION },
  { "action", DEBRIEF_ENTRY_KIND_ACTION },
  { "dec", DEBRIEF_ENTRY_KIND_DECISION },
  { "decision", DEBRIEF_ENTRY_KIND_DECISION },
  { "hyp", DEBRIEF_ENTRY_KIND_HYPOTHESIS },
  { "hypothesis", DEBRIEF_ENTRY_KIND_HYPOTHESIS },
  { "com", DEBRIEF_ENTRY_KIND_COMMUNICATION },
  { "communication", DEBRIEF_ENTRY_KIND_COMMUNICATION },
};

static gboolean
read_number (const char *p, const char *end, int digits, int *value)
{
  int v = 0;

  if (end - p < digits)
    return FALSE;

  for (int i = 0; i < digits; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      v = v * 10 + (p[i] - '0');
    }

  *value = v;
  return TRUE;
}

/* YYYY-MM-DD */
static const char *
read_date (const char *p, const char *end, DebriefParsedTime *time)
{
  if (!read_number (p, end, 4, &time->year) || end - p < 10 || p[4] != '-' ||
      !read_number (p + 5, end, 2, &time->month) || p[7] != '-' ||
      !read_number (p + 8, end, 2, &time->day))
    return NULL;

  return p + 10;
}

/* H:MM, HH:MM, HH:MM:SS, HH:MM:SS.fff */
static const char *
read_clock (const char *p, const char *end, DebriefParsedTime *time)
{
  int hour_digits = 0;

  while (hour_digits < 2 && p + hour_digits < end && g_ascii_isdigit (p[hour_digits]))
    hour_digits++;
  if (hour_digits == 0 || !read_number (p, end, hour_digits, &time->hour))
    return NULL;
  p += hour_digits;

  if (p >= end || *p != ':' || !read_number (p + 1, end, 2, &time->minute))
    return NULL;
  p += 3;
  time->second = 0;
  time->precision = DEBRIEF_TIME_PRECISION_MINUTE;

  if (p < end && *p == ':' && read_number (p + 1, end, 2, &time->second))
    {
      p += 3;
      time->precision = DEBRIEF_TIME_PRECISION_SECOND;

      /* Fractions of a second are accepted and dropped */
      if (p + 1 < end && (*p == '.' || *p == ',') && g_ascii_isdigit (p[1]))
        {
          p++;
          while (p < end && g_ascii_isdigit (*p))
            p++;
        }
    }

  return p;
}

/* Z, +HH:MM, +HHMM or +HH */
static const char *
read_offset (const char *p, const char *end, DebriefParsedTime *time)
{
  int sign, hours = 0, minutes = 0;

  if (p >= end)
    return NULL;

  if (*p == 'Z' || *p == 'z')
    {
      time->has_offset = TRUE;
      time->offset = 0;
      return p + 1;
    }

  if (*p != '+' && *p != '-')
    return NULL;
  sign = *p == '-' ? -1 : 1;
  p++;

  if (!read_number (p, end, 2, &hours))
    return NULL;
  p += 2;
  if (p < end && *p == ':' && read_number (p + 1, end, 2, &minutes))
    p += 3;
  else if (read_number (p, end, 2, &minutes))
    p += 2;

  time->has_offset = TRUE;
  time->offset = sign * (hours * 3600 + minutes * 60);
  /* Out of range offsets are refused by check_ranges() */
  if (hours > 14 || minutes > 59)
    time->offset = G_MAXINT;

  return p;
}

static gboolean
is_boundary (const char *p, const char *end)
{
  return p >= end || g_ascii_isspace (*p) || *p == ':' || *p == ',' || *p == '|';
}

static gboolean
check_ranges (const DebriefParsedTime *time, const char *token, gsize length, GError **error)
{
  g_autofree char *shown = g_utf8_make_valid (token, (gssize) length);

  if (time->year != 0 &&
      (time->year < 1 || !g_date_valid_dmy (time->day, time->month, time->year)))
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME,
                   _ ("“%s” is not a date. Write dates as YYYY-MM-DD, for example 2026-12-31."),
                   shown);
      return FALSE;
    }

  if (time->hour > 23 || time->minute > 59 || time->second > 59)
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME,
                   _ ("“%s” is not a time of day. Write times as 14:02 or 14:02:33, from 00:00 "
                      "to 23:59."),
                   shown);
      return FALSE;
    }

  if (time->has_offset && time->offset == G_MAXINT)
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME,
                   _ ("“%s” has an offset from UTC that does not exist. Offsets run from −14:00 "
                      "to +14:00."),
                   shown);
      return FALSE;
    }

  return TRUE;
}

/**
 * _debrief_parse_leading_time:
 * @text: the start of a line
 * @length: its length in bytes
 * @time: (out): what the time said
 *
 * Reads a time at the start of @text: "14:02", "14:02:33", "[14:02]",
 * "2026-12-04 14:02", "2026-12-04" or ISO 8601 such as
 * "2026-12-04T14:02:33.120+01:00" or "…Z". An offset is read only after a
 * date. The time must be followed by a space, the end of the line, or
 * ":", "," or "|"; a separator (" - ", ": ", "| "…) after it is skipped.
 *
 * Returns: how many bytes the time and its separator take, or 0 if
 *   @text does not start with a time. When it starts with something
 *   written like a time that is not one ("25:61"), returns 0 and sets
 *   @error.
 */
gsize
_debrief_parse_leading_time (const char        *text,
                             gsize              length,
                             DebriefParsedTime *time,
                             GError           **error)
{
  const char *end = text + length;
  const char *p = text;
  const char *token, *q;
  gboolean    bracket = FALSE;
  gsize       token_length;

  g_return_val_if_fail (text != NULL, 0);
  g_return_val_if_fail (time != NULL, 0);

  memset (time, 0, sizeof *time);
  time->hour = -1;

  if (p < end && *p == '[')
    {
      bracket = TRUE;
      p++;
    }
  token = p;

  if ((q = read_date (p, end, time)) != NULL)
    {
      p = q;
      time->precision = DEBRIEF_TIME_PRECISION_DAY;

      if (p < end && (*p == 'T' || *p == 't'))
        {
          if (!(p = read_clock (p + 1, end, time)))
            return 0;
        }
      else if (p < end && *p == ' ' && (q = read_clock (p + 1, end, time)) != NULL)
        p = q;
      else
        time->hour = -1;

      if (time->hour >= 0 && (q = read_offset (p, end, time)) != NULL)
        p = q;
    }
  else if (!(p = read_clock (p, end, time)))
    return 0;

  token_length = (gsize) (p - token);

  if (bracket)
    {
      if (p >= end || *p != ']')
        return 0;
      p++;
    }
  else if (!is_boundary (p, end))
    return 0;

  if (!check_ranges (time, token, token_length, error))
    return 0;

  /* Skip a separator between the time and the text */
  while (p < end && g_ascii_isspace (*p))
    p++;
  for (const char *const *sep = (const char *const[]){ ":", ",", "|", "-", "–", "—", NULL };
       *sep != NULL; sep++)
    {
      gsize n = strlen (*sep);

      /* Dashes only with a space after them: "-5%" is text */
      if ((gsize) (end - p) >= n && memcmp (p, *sep, n) == 0 &&
          (n == 1 && *p != '-' ? TRUE : p + n == end || g_ascii_isspace (p[n])))
        {
          p += n;
          while (p < end && g_ascii_isspace (*p))
            p++;
          break;
        }
    }

  return (gsize) (p - text);
}

/**
 * _debrief_parse_time_field:
 *
 * Reads a whole field (of a CSV file) as a time, in the forms that
 * _debrief_parse_leading_time() reads.
 */
gboolean
_debrief_parse_time_field (const char *text, DebriefParsedTime *time, GError **error)
{
  const char *p = text;
  gsize       length, n;

  while (g_ascii_isspace (*p))
    p++;
  length = strlen (p);
  while (length > 0 && g_ascii_isspace (p[length - 1]))
    length--;

  n = _debrief_parse_leading_time (p, length, time, error);
  if (n == 0 && error != NULL && *error != NULL)
    return FALSE;

  if (n == 0 || n != length)
    {
      g_set_error (
          error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME,
          _ ("“%s” is not a date and time Debrief can read. Write it as 2026-12-04 14:02, "
             "2026-12-04T14:02:33Z or 2026-12-04T14:02+01:00."),
          text);
      return FALSE;
    }

  return TRUE;
}

/**
 * _debrief_parse_kind_prefix:
 *
 * Reads a kind prefix such as "obs:", "act:", "dec:", "hyp:", "com:" (or
 * the kind's full name), in any case, followed by a space or the end.
 *
 * Returns: how many bytes the prefix and the spaces after it take, or 0
 */
gsize
_debrief_parse_kind_prefix (const char *text, gsize length, DebriefEntryKind *kind)
{
  /* Most lines have no colon right after their first word: look for one
   * before comparing words (the longest, "communication", has 13 letters) */
  const char *colon = memchr (text, ':', MIN (length, 14));

  if (colon == NULL)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (kind_words); i++)
    {
      gsize n = strlen (kind_words[i].word);
      gsize end;

      if ((gsize) (colon - text) != n || g_ascii_strncasecmp (text, kind_words[i].word, n) != 0)
        continue;

      end = n + 1;
      if (end < length && !g_ascii_isspace (text[end]))
        continue;
      while (end < length && g_ascii_isspace (text[end]))
        end++;

      *kind = kind_words[i].kind;
      return end;
    }

  return 0;
}

static gint32
offset_at (DebriefClock *clock, gint64 utc)
{
  return g_time_zone_get_offset (
      clock->tz, g_time_zone_find_interval (clock->tz, G_TIME_TYPE_UNIVERSAL, utc));
}

static gint64
midnight_as_utc (DebriefClock *clock, const GDate *day)
{
  return ((gint64) g_date_get_julian (day) - clock->epoch_julian) * SECONDS_PER_DAY;
}

/* The moments at which the wall clock shows @wall on @day: none in a gap,
 * two in the repeated hour. */
static guint
local_to_utc (DebriefClock *clock, const GDate *day, int wall, gint64 *first, gint64 *second)
{
  gint64 midnight = midnight_as_utc (clock, day);
  gint64 naive = midnight + wall;
  guint  n = 0;

  if (clock->cache_julian != g_date_get_julian (day))
    {
      gint64 before = midnight - SECONDS_PER_DAY;
      gint64 after = midnight + 2 * SECONDS_PER_DAY;
      int    i_before = g_time_zone_find_interval (clock->tz, G_TIME_TYPE_UNIVERSAL, before);
      int    i_after = g_time_zone_find_interval (clock->tz, G_TIME_TYPE_UNIVERSAL, after);

      clock->cache_julian = g_date_get_julian (day);
      clock->cache_single = i_before == i_after;
      clock->cache_before = g_time_zone_get_offset (clock->tz, i_before);
      clock->cache_after = g_time_zone_get_offset (clock->tz, i_after);
    }

  if (clock->cache_single)
    {
      *first = naive - clock->cache_before;
      return 1;
    }

  /* A transition is near: a reading is right if the zone has that offset
   * at the moment it gives */
  if (offset_at (clock, naive - clock->cache_before) == clock->cache_before)
    {
      *first = naive - clock->cache_before;
      n++;
    }
  if (clock->cache_after != clock->cache_before &&
      offset_at (clock, naive - clock->cache_after) == clock->cache_after)
    {
      gint64 t = naive - clock->cache_after;

      if (n == 0)
        *first = t;
      else if (t < *first)
        {
          *second = *first;
          *first = t;
        }
      else
        *second = t;
      n++;
    }

  return n;
}

DebriefClock *
_debrief_clock_new (const char *zone, GError **error)
{
  g_autoptr (DebriefClock) clock = g_new0 (DebriefClock, 1);
  GDate epoch;

  if (!(clock->tz = debrief_time_zone_new (zone, error)))
    return NULL;

  clock->zone = g_strdup (zone);
  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 1970);
  clock->epoch_julian = g_date_get_julian (&epoch);
  g_date_clear (&clock->day, 1);
  clock->previous_wall = -1;
  clock->previous_utc = DEBRIEF_TIME_UNSET;
  _debrief_clock_set_today (clock);

  return g_steal_pointer (&clock);
}

void
_debrief_clock_free (DebriefClock *clock)
{
  if (clock == NULL)
    return;

  g_clear_pointer (&clock->tz, g_time_zone_unref);
  g_clear_pointer (&clock->zone, g_free);
  g_free (clock);
}

void
_debrief_clock_set_day (DebriefClock *clock, int year, int month, int day)
{
  g_return_if_fail (g_date_valid_dmy (day, month, year));

  g_date_set_dmy (&clock->day, day, month, year);
  clock->previous_wall = -1;
}

void
_debrief_clock_get_day (DebriefClock *clock, int *year, int *month, int *day)
{
  *year = g_date_get_year (&clock->day);
  *month = g_date_get_month (&clock->day);
  *day = g_date_get_day (&clock->day);
}

static int
local_day_of (DebriefClock *clock, gint64 utc, GDate *date)
{
  gint64 local = utc + offset_at (clock, utc);
  gint64 days = local / SECONDS_PER_DAY;

  if (local % SECONDS_PER_DAY < 0)
    days--;

  g_date_clear (date, 1);
  g_date_set_julian (date, (guint32) (days + clock->epoch_julian));

  return (int) (local - days * SECONDS_PER_DAY);
}

void
_debrief_clock_day_of (DebriefClock *clock, gint64 utc, int *year, int *month, int *day)
{
  GDate date;

  local_day_of (clock, utc, &date);
  *year = g_date_get_year (&date);
  *month = g_date_get_month (&date);
  *day = g_date_get_day (&date);
}

/* Continues after the moment @utc: its day becomes the current day and a
 * following time much earlier in the day falls on the next one. */
void
_debrief_clock_set_previous (DebriefClock *clock, gint64 utc)
{
  clock->previous_wall = local_day_of (clock, utc, &clock->day);
  clock->previous_utc = utc;
}

void
_debrief_clock_set_today (DebriefClock *clock)
{
  local_day_of (clock, debrief_time_now (), &clock->day);
  clock->previous_wall = -1;
}

/**
 * _debrief_clock_resolve:
 * @time: a time read by _debrief_parse_leading_time()
 * @utc: (out): the moment it means
 *
 * Reads @time as the next time of the log (see DebriefClock).
 */
gboolean
_debrief_clock_resolve (DebriefClock            *clock,
                        const DebriefParsedTime *time,
                        gint64                  *utc,
                        GError                 **error)
{
  GDate  day;
  int    wall;
  gint64 first = 0, second = 0;
  guint  n;

  g_return_val_if_fail (clock != NULL, FALSE);
  g_return_val_if_fail (time != NULL, FALSE);

  wall = time->hour < 0 ? 0 : time->hour * 3600 + time->minute * 60 + time->second;

  if (time->year != 0)
    {
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, time->day, time->month, time->year);

      if (time->has_offset)
        {
          *utc = midnight_as_utc (clock, &day) + wall - time->offset;
          _debrief_clock_set_previous (clock, *utc);
          return TRUE;
        }
    }
  else
    {
      day = clock->day;
      if (clock->previous_wall >= 0 && clock->previous_wall - wall > DEBRIEF_CLOCK_ROLLOVER)
        g_date_add_days (&day, 1);
    }

  clock->day = day;
  clock->previous_wall = time->hour < 0 ? -1 : wall;

  n = local_to_utc (clock, &day, wall, &first, &second);
  if (n == 0)
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME,
                   _ ("%04d-%02d-%02d %02d:%02d does not exist in %s: the clocks skipped it when "
                      "daylight saving time began. Check the time, or give it with its UTC "
                      "offset."),
                   g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day),
                   wall / 3600, (wall / 60) % 60, clock->zone);
      return FALSE;
    }

  /* In the repeated hour, take the second reading when only it keeps the
   * log in order */
  if (n == 2 && clock->previous_utc != DEBRIEF_TIME_UNSET && first < clock->previous_utc &&
      second >= clock->previous_utc)
    first = second;

  clock->previous_utc = first;
  *utc = first;

  return TRUE;
}
