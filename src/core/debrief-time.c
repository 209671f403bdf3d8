/* debrief-time.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-time"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "debrief-error.h"
#include "debrief-time.h"

static gboolean
looks_like_zone_name (const char *identifier)
{
  if (g_str_equal (identifier, "UTC"))
    return TRUE;

  /* IANA names are Area/Location (or a few legacy single words); offsets
   * such as "+02:00" are not zones and would not follow DST rules. */
  for (const char *p = identifier; *p; p++)
    {
      if (!(g_ascii_isalnum (*p) || *p == '/' || *p == '_' || *p == '-' || *p == '+'))
        return FALSE;
    }

  return g_ascii_isalpha (identifier[0]);
}

/* GLib reads a name it finds no zone file for as a POSIX TZ rule, where
 * "UTC+2" means two hours behind UTC, and complains about files of the
 * zone database that are not zones ("leapseconds"). Only names of zone
 * files, where GLib looks for them, are zones. */
static gboolean
is_zone_file (const char *identifier)
{
  const char      *tzdir = g_getenv ("TZDIR");
  g_autofree char *path = g_build_filename (tzdir != NULL ? tzdir : "/usr/share/zoneinfo",
                                            identifier, NULL);
  char   magic[4];
  size_t n;
  FILE  *fp;

  if (g_str_equal (identifier, "UTC"))
    return TRUE;

  if (!(fp = g_fopen (path, "rb")))
    return FALSE;
  n = fread (magic, 1, sizeof magic, fp);
  fclose (fp);

  return n == sizeof magic && memcmp (magic, "TZif", sizeof magic) == 0;
}

/**
 * debrief_time_zone_new:
 * @identifier: an IANA time zone name such as "Europe/Berlin"
 *
 * Returns: (transfer full) (nullable): the zone, or %NULL with @error set
 *   if @identifier is not a known zone name
 */
GTimeZone *
debrief_time_zone_new (const char *identifier, GError **error)
{
  /* Zones once read are kept: GLib forgets a zone when its last reference
   * goes, and reading it again from disk for every time shown is slow. */
  static GHashTable *cache;
  G_LOCK_DEFINE_STATIC (cache);
  GTimeZone *tz = NULL;

  if (identifier != NULL)
    {
      G_LOCK (cache);
      if (cache != NULL && (tz = g_hash_table_lookup (cache, identifier)))
        tz = g_time_zone_ref (tz);
      G_UNLOCK (cache);

      if (tz != NULL)
        return tz;
    }

  if (identifier != NULL && g_utf8_validate (identifier, -1, NULL) &&
      looks_like_zone_name (identifier) && is_zone_file (identifier))
    tz = g_time_zone_new_identifier (identifier);

  if (tz != NULL)
    {
      G_LOCK (cache);
      if (cache == NULL)
        cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_time_zone_unref);
      g_hash_table_replace (cache, g_strdup (identifier), g_time_zone_ref (tz));
      G_UNLOCK (cache);
    }

  if (tz == NULL)
    g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME_ZONE,
                 _ ("“%s” is not a known time zone. Use an IANA name such as Europe/Berlin, "
                    "America/New_York or UTC."),
                 identifier != NULL && g_utf8_validate (identifier, -1, NULL) ? identifier : "?");

  return tz;
}

gboolean
debrief_time_zone_validate (const char *identifier, GError **error)
{
  g_autoptr (GTimeZone) tz = debrief_time_zone_new (identifier, error);

  return tz != NULL;
}

/**
 * debrief_time_zone_abbreviation:
 *
 * Returns: (transfer full): the abbreviation of @identifier in force at
 *   @utc, such as "CET" or "EDT"
 */
char *
debrief_time_zone_abbreviation (const char *identifier, gint64 utc)
{
  g_autoptr (GTimeZone) tz = debrief_time_zone_new (identifier, NULL);
  g_autoptr (GDateTime) dt = NULL;

  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  dt = g_date_time_new_from_unix_utc (utc == DEBRIEF_TIME_UNSET ? 0 : utc);
  if (dt == NULL)
    return g_strdup ("UTC");

  return g_strdup (g_time_zone_get_abbreviation (
      tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, g_date_time_to_unix (dt))));
}

gint64
debrief_time_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* sscanf() alone also takes signs and blanks ("2026-03- 9") */
static gboolean
has_digits (const char *p, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
invalid_time (GError **error, const char *text)
{
  g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME,
               _ ("“%s” is not a date and time Debrief can read. Write it as 2026-12-04 14:02, "
                  "2026-12-04T14:02:33Z or 2026-12-04T14:02+01:00."),
               text != NULL && g_utf8_validate (text, -1, NULL) ? text : "?");
  return FALSE;
}

/**
 * debrief_time_from_local:
 * @zone: IANA zone the local time is read in
 * @utc: (out): the moment in seconds since the epoch
 *
 * Converts a wall-clock time in @zone. A time that falls into a gap when
 * the clocks go forward does not exist and is refused; a time that occurs
 * twice when they go back is read as the first of the two.
 */
gboolean
debrief_time_from_local (const char *zone,
                         int         year,
                         int         month,
                         int         day,
                         int         hour,
                         int         minute,
                         int         second,
                         gint64     *utc,
                         GError    **error)
{
  g_autoptr (GTimeZone) tz = NULL;
  g_autoptr (GDateTime) dt = NULL;
  g_autoptr (GDateTime) earlier = NULL;

  g_return_val_if_fail (utc != NULL, FALSE);

  if (!(tz = debrief_time_zone_new (zone, error)))
    return FALSE;

  if (year < 1 || year > 9999 || !g_date_valid_dmy (day, month, year) || hour < 0 || hour > 23 ||
      minute < 0 || minute > 59 || second < 0 || second > 59)
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME,
                   _ ("%04d-%02d-%02d %02d:%02d:%02d is not a valid date and time."), year, month,
                   day, hour, minute, second);
      return FALSE;
    }

  dt = g_date_time_new (tz, year, month, day, hour, minute, second);
  if (dt == NULL || g_date_time_get_year (dt) != year || g_date_time_get_month (dt) != month ||
      g_date_time_get_day_of_month (dt) != day || g_date_time_get_hour (dt) != hour ||
      g_date_time_get_minute (dt) != minute)
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME,
                   _ ("%04d-%02d-%02d %02d:%02d does not exist in %s: the clocks skipped it when "
                      "daylight saving time began. Check the time, or give it with its UTC "
                      "offset."),
                   year, month, day, hour, minute, zone);
      return FALSE;
    }

  /* In the repeated hour GLib may pick either offset; take the earlier
   * moment so that logs read in order stay in order. */
  earlier = g_date_time_add_hours (dt, -1);
  if (earlier != NULL && g_date_time_get_hour (earlier) == hour &&
      g_date_time_get_day_of_month (earlier) == day && g_date_time_get_minute (earlier) == minute)
    *utc = g_date_time_to_unix (earlier);
  else
    *utc = g_date_time_to_unix (dt);

  return TRUE;
}

/**
 * debrief_time_parse:
 * @text: "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS]" or ISO 8601 with "T",
 *   optionally followed by "Z" or an offset such as "+01:00"
 * @zone: the IANA zone a time without offset is read in
 * @utc: (out): the moment in seconds since the epoch, UTC
 * @precision: (out) (optional): how precisely @text gave the time
 */
gboolean
debrief_time_parse (const char           *text,
                    const char           *zone,
                    gint64               *utc,
                    DebriefTimePrecision *precision,
                    GError              **error)
{
  int                  year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  DebriefTimePrecision prec = DEBRIEF_TIME_PRECISION_DAY;
  const char          *p;
  int                  n = 0;

  g_return_val_if_fail (utc != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return invalid_time (error, text);

  p = text;
  while (g_ascii_isspace (*p))
    p++;

  if (!has_digits (p, 4) || p[4] != '-' || !has_digits (p + 5, 2) || p[7] != '-' ||
      !has_digits (p + 8, 2) || sscanf (p, "%4d-%2d-%2d%n", &year, &month, &day, &n) != 3 ||
      n != 10)
    return invalid_time (error, text);
  p += n;

  if (*p == 'T' || *p == 't' || *p == ' ')
    {
      int m = 0;

      p++;
      if (!has_digits (p, 2) || p[2] != ':' || !has_digits (p + 3, 2) ||
          sscanf (p, "%2d:%2d%n", &hour, &minute, &m) != 2 || m != 5)
        return invalid_time (error, text);
      p += m;
      prec = DEBRIEF_TIME_PRECISION_MINUTE;

      if (*p == ':')
        {
          p++;
          if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
            return invalid_time (error, text);
          second = (p[0] - '0') * 10 + (p[1] - '0');
          p += 2;
          prec = DEBRIEF_TIME_PRECISION_SECOND;

          /* Fractions of a second are accepted and dropped. */
          if (*p == '.' || *p == ',')
            {
              p++;
              if (!g_ascii_isdigit (*p))
                return invalid_time (error, text);
              while (g_ascii_isdigit (*p))
                p++;
            }
        }
    }

  if (*p == 'Z' || *p == 'z' || *p == '+' || *p == '-')
    {
      int sign = 1, oh = 0, om = 0;
      g_autoptr (GDateTime) dt = NULL;

      if (prec == DEBRIEF_TIME_PRECISION_DAY)
        return invalid_time (error, text);

      if (*p == 'Z' || *p == 'z')
        p++;
      else
        {
          sign = *p == '-' ? -1 : 1;
          p++;
          if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
            return invalid_time (error, text);
          oh = (p[0] - '0') * 10 + (p[1] - '0');
          p += 2;
          if (*p == ':')
            p++;
          if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]))
            {
              om = (p[0] - '0') * 10 + (p[1] - '0');
              p += 2;
            }
          if (oh > 14 || om > 59)
            return invalid_time (error, text);
        }

      while (g_ascii_isspace (*p))
        p++;
      if (*p != '\0')
        return invalid_time (error, text);

      if (!g_date_valid_dmy (day, month, year) || hour > 23 || minute > 59 || second > 59)
        return invalid_time (error, text);

      dt = g_date_time_new_utc (year, month, day, hour, minute, second);
      if (dt == NULL)
        return invalid_time (error, text);

      *utc = g_date_time_to_unix (dt) - sign * (oh * 3600 + om * 60);
      if (precision)
        *precision = prec;
      return TRUE;
    }

  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return invalid_time (error, text);

  if (!g_date_valid_dmy (day, month, year))
    return invalid_time (error, text);

  if (!debrief_time_from_local (zone, year, month, day, hour, minute, second, utc, error))
    return FALSE;

  if (precision)
    *precision = prec;

  return TRUE;
}

/**
 * debrief_time_format:
 * @utc: seconds since the epoch
 * @zone: IANA zone to show the time in
 * @precision: how much of the time to show
 * @with_date: whether to show the date with a time
 *
 * Returns: (transfer full): e.g. "2026-12-04 14:02 CET", or "unknown"
 */
char *
debrief_time_format (gint64               utc,
                     const char          *zone,
                     DebriefTimePrecision precision,
                     gboolean             with_date)
{
  g_autoptr (GTimeZone) tz = NULL;
  g_autoptr (GDateTime) at_utc = NULL;
  g_autoptr (GDateTime) local = NULL;
  const char *format;

  if (utc == DEBRIEF_TIME_UNSET || precision == DEBRIEF_TIME_PRECISION_UNKNOWN)
    return g_strdup (_ ("unknown"));

  tz = debrief_time_zone_new (zone, NULL);
  if (tz == NULL)
    tz = g_time_zone_new_utc ();

  at_utc = g_date_time_new_from_unix_utc (utc);
  if (at_utc == NULL)
    return g_strdup (_ ("unknown"));
  local = g_date_time_to_timezone (at_utc, tz);

  switch (precision)
    {
      case DEBRIEF_TIME_PRECISION_DAY:
        format = "%Y-%m-%d";
        break;
      case DEBRIEF_TIME_PRECISION_SECOND:
        format = with_date ? "%Y-%m-%d %H:%M:%S %Z" : "%H:%M:%S %Z";
        break;
      case DEBRIEF_TIME_PRECISION_MINUTE:
      case DEBRIEF_TIME_PRECISION_UNKNOWN:
      default:
        format = with_date ? "%Y-%m-%d %H:%M %Z" : "%H:%M %Z";
        break;
    }

  return g_date_time_format (local, format);
}

/**
 * debrief_time_format_iso:
 *
 * Returns: (transfer full) (nullable): @utc as "2026-12-04T13:02:00Z", or
 *   %NULL for %DEBRIEF_TIME_UNSET
 */
char *
debrief_time_format_iso (gint64 utc)
{
  g_autoptr (GDateTime) dt = NULL;

  if (utc == DEBRIEF_TIME_UNSET)
    return NULL;

  dt = g_date_time_new_from_unix_utc (utc);
  if (dt == NULL)
    return NULL;

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * debrief_date_validate:
 *
 * Checks that @text is a calendar date written as YYYY-MM-DD.
 */
gboolean
debrief_date_validate (const char *text, GError **error)
{
  int y, m, d, n = 0;

  if (text != NULL && g_utf8_validate (text, -1, NULL) &&
      sscanf (text, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10 && text[n] == '\0' &&
      g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[5]) && g_ascii_isdigit (text[8]) &&
      y >= 1 && g_date_valid_dmy (d, m, y))
    return TRUE;

  g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME,
               _ ("“%s” is not a date. Write dates as YYYY-MM-DD, for example 2026-12-31."),
               text != NULL && g_utf8_validate (text, -1, NULL) ? text : "?");
  return FALSE;
}

/**
 * debrief_duration_format:
 *
 * Returns: (transfer full): @seconds as "2 h 05 min", "45 min" or "30 s"
 */
char *
debrief_duration_format (gint64 seconds)
{
  gint64      abs_s = seconds < 0 ? -seconds : seconds;
  const char *sign = seconds < 0 ? "−" : "";
  int         d = (int) MIN (abs_s / 86400, G_MAXINT);
  int         h = (int) ((abs_s % 86400) / 3600);
  int         m = (int) ((abs_s % 3600) / 60);
  int         s = (int) (abs_s % 60);

  if (d > 0)
    /* Translators: a duration in days, hours and minutes; %s is a minus sign or nothing */
    return g_strdup_printf (_ ("%s%d d %d h %02d min"), sign, d, h, m);
  if (h > 0)
    /* Translators: a duration in hours and minutes */
    return g_strdup_printf (_ ("%s%d h %02d min"), sign, h, m);
  if (m > 0 && s == 0)
    /* Translators: a duration in minutes */
    return g_strdup_printf (_ ("%s%d min"), sign, m);
  if (m > 0)
    /* Translators: a duration in minutes and seconds */
    return g_strdup_printf (_ ("%s%d min %02d s"), sign, m, s);

  /* Translators: a duration in seconds */
  return g_strdup_printf (_ ("%s%d s"), sign, s);
}
