/* test-time.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-time"

#include "config.h"

#include "debrief-test-util.h"

/* Seconds since the epoch of a UTC time written as ISO 8601, computed by
 * GLib, not by the code under test. */
static gint64
utc (const char *iso)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_utc ();
  g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (iso, tz);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static void
assert_parses (const char *text, const char *zone, const char *expected, DebriefTimePrecision prec)
{
  g_autoptr (GError) error = NULL;
  DebriefTimePrecision precision = DEBRIEF_TIME_PRECISION_UNKNOWN;
  gint64               value = 0;

  if (!debrief_time_parse (text, zone, &value, &precision, &error))
    g_error ("“%s” in %s was refused: %s", text, zone, error->message);

  if (value != utc (expected) || precision != prec)
    g_error ("“%s” in %s was read as %" G_GINT64_FORMAT " (%s), expected %s (%s)", text, zone,
             value, debrief_enum_to_nick (DEBRIEF_TYPE_TIME_PRECISION, precision), expected,
             debrief_enum_to_nick (DEBRIEF_TYPE_TIME_PRECISION, prec));
}

static void
assert_refused (const char *text, const char *zone, int code)
{
  g_autoptr (GError) error = NULL;
  gint64 value = 12345;

  if (debrief_time_parse (text, zone, &value, NULL, &error))
    g_error ("“%s” in %s was read as %" G_GINT64_FORMAT, text, zone, value);
  g_assert_error (error, DEBRIEF_ERROR, code);
  g_assert_cmpint (value, ==, 12345);
  if (code == DEBRIEF_ERROR_INVALID_TIME && text != NULL && g_utf8_validate (text, -1, NULL) &&
      strstr (error->message, text) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, text);
}

static void
test_parse_forms (void)
{
  assert_parses ("2026-03-02", "UTC", "2026-03-02T00:00:00Z", DEBRIEF_TIME_PRECISION_DAY);
  assert_parses ("2026-03-02 14:05", "UTC", "2026-03-02T14:05:00Z", DEBRIEF_TIME_PRECISION_MINUTE);
  assert_parses ("2026-03-02T14:05", "UTC", "2026-03-02T14:05:00Z", DEBRIEF_TIME_PRECISION_MINUTE);
  assert_parses ("2026-03-02t14:05", "UTC", "2026-03-02T14:05:00Z", DEBRIEF_TIME_PRECISION_MINUTE);
  assert_parses ("2026-03-02 14:05:33", "UTC", "2026-03-02T14:05:33Z",
                 DEBRIEF_TIME_PRECISION_SECOND);
  assert_parses ("  2026-03-02T14:05:33  ", "UTC", "2026-03-02T14:05:33Z",
                 DEBRIEF_TIME_PRECISION_SECOND);
  assert_parses ("2026-03-02T14:05:33Z\n", "UTC", "2026-03-02T14:05:33Z",
                 DEBRIEF_TIME_PRECISION_SECOND);

  /* Z and offsets: the zone does not matter then */
  assert_parses ("2026-03-02T14:05:33Z", "Asia/Tokyo", "2026-03-02T14:05:33Z",
                 DEBRIEF_TIME_PRECISION_SECOND);
  assert_parses ("2026-03-02T14:05:33z", "Asia/Tokyo", "2026-03-02T14:05:33Z",
                 DEBRIEF_TIME_PRECISION_SECOND);
  assert_parses ("2026-03-02 14:05Z", "Asia/Tokyo", "2026-03-02T14:05:00Z",
                 DEBRIEF_TIME_PRECISION_MINUTE);
  assert_parses ("2026-03-02T14:05:33+01:00", "Asia/Tokyo", "2026-03-02T13:05:33Z",
                 DEBRIEF_TIME_PRECISION_SECOND);
  assert_parses ("2026-03-02T14:05+0100", "UTC", "2026-03-02T13:05:00Z",
                 DEBRIEF_TIME_PRECISION_MINUTE);
  assert_parses ("2026-03-02T14:05+01", "UTC", "2026-03-02T13:05:00Z",
                 DEBRIEF_TIME_PRECISION_MINUTE);
  assert_parses ("2026-03-02T14:05:00-05:30", "Europe/Berlin", "2026-03-02T19:35:00Z",
                 DEBRIEF_TIME_PRECISION_SECOND);
  assert_parses ("2026-03-02T00:30:00+14:00", "UTC", "2026-03-01T10:30:00Z",
                 DEBRIEF_TIME_PRECISION_SECOND);
  assert_parses ("2026-03-02T14:05:00-00:00", "Europe/Berlin", "2026-03-02T14:05:00Z",
                 DEBRIEF_TIME_PRECISION_SECOND);

  /* Fractions of a second are read and dropped */
  assert_parses ("2026-03-02T14:05:33.5Z", "UTC", "2026-03-02T14:05:33Z",
                 DEBRIEF_TIME_PRECISION_SECOND);
  assert_parses ("2026-03-02T14:05:33,123456+02:00", "UTC", "2026-03-02T12:05:33Z",
                 DEBRIEF_TIME_PRECISION_SECOND);
  assert_parses ("2026-03-02 14:05:33.999", "UTC", "2026-03-02T14:05:33Z",
                 DEBRIEF_TIME_PRECISION_SECOND);

  /* Without an offset, in the zone given */
  assert_parses ("2026-01-15 12:00", "Europe/Berlin", "2026-01-15T11:00:00Z",
                 DEBRIEF_TIME_PRECISION_MINUTE);
  assert_parses ("2026-07-01 12:00", "Europe/Berlin", "2026-07-01T10:00:00Z",
                 DEBRIEF_TIME_PRECISION_MINUTE);
  assert_parses ("2026-07-01", "Europe/Berlin", "2026-06-30T22:00:00Z",
                 DEBRIEF_TIME_PRECISION_DAY);
  assert_parses ("2026-07-01 09:30", "Asia/Kolkata", "2026-07-01T04:00:00Z",
                 DEBRIEF_TIME_PRECISION_MINUTE);
  assert_parses ("2026-07-01 09:30", "America/New_York", "2026-07-01T13:30:00Z",
                 DEBRIEF_TIME_PRECISION_MINUTE);

  /* Leap days */
  assert_parses ("2028-02-29 12:00", "UTC", "2028-02-29T12:00:00Z", DEBRIEF_TIME_PRECISION_MINUTE);
}

static void
test_parse_refused (void)
{
  static const char *const bad[] = {
    "",
    "   ",
    "2026",
    "2026-03",
    "yesterday",
    "29.03.2026",
    "03/29/2026",
    "2026-3-29",
    "2026-03-9",
    "2026-03- 9",
    "+026-03-29",
    "2026/03/29",
    "2026-02-30",
    "2026-02-29",
    "2026-13-01",
    "2026-00-10",
    "2026-03-29 24:00",
    "2026-03-29 12:60",
    "2026-03-29 12:00:60",
    "2026-03-29 1:05",
    "2026-03-29 01: 5",
    "2026-03-29T 1:05",
    "2026-03-29T12",
    "2026-03-29T12:5",
    "2026-03-29T12:00:0",
    "2026-03-29T12:00:00.",
    "2026-03-29T12:00:00.Z",
    "2026-03-29Z",
    "2026-03-29+01:00",
    "2026-03-29T12:00+15:00",
    "2026-03-29T12:00+01:0",
    "2026-03-29T12:00+1",
    "2026-03-29T12:00:00 UTC",
    "2026-03-29T12:00:00ZZ",
    "2026-03-29 12:00 CET",
    NULL,
  };

  for (guint i = 0; bad[i] != NULL; i++)
    assert_refused (bad[i], "UTC", DEBRIEF_ERROR_INVALID_TIME);

  assert_refused (NULL, "UTC", DEBRIEF_ERROR_INVALID_TIME);
  assert_refused ("2026-03-29 \xff", "UTC", DEBRIEF_ERROR_INVALID_TIME);

  /* An unknown zone is said to be one */
  assert_refused ("2026-03-29 12:00", "Nowhere/Land", DEBRIEF_ERROR_INVALID_TIME_ZONE);
}

static void
test_dst_gap (void)
{
  g_autoptr (GError) error = NULL;
  gint64 value = 0;

  /* The clocks went from 02:00 to 03:00 in Berlin: 02:30 never happened */
  g_assert_false (debrief_time_parse ("2026-03-29 02:30", "Europe/Berlin", &value, NULL, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME);
  g_assert_nonnull (strstr (error->message, "2026-03-29 02:30"));
  g_assert_nonnull (strstr (error->message, "Europe/Berlin"));
  g_assert_nonnull (strstr (error->message, "daylight saving"));
  g_clear_error (&error);

  g_assert_false (debrief_time_from_local ("Europe/Berlin", 2026, 3, 29, 2, 0, 0, &value, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME);
  g_clear_error (&error);
  g_assert_false (
      debrief_time_from_local ("Europe/Berlin", 2026, 3, 29, 2, 59, 59, &value, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME);
  g_clear_error (&error);

  /* The edges of the gap exist */
  assert_parses ("2026-03-29 01:59:59", "Europe/Berlin", "2026-03-29T00:59:59Z",
                 DEBRIEF_TIME_PRECISION_SECOND);
  assert_parses ("2026-03-29 03:00", "Europe/Berlin", "2026-03-29T01:00:00Z",
                 DEBRIEF_TIME_PRECISION_MINUTE);

  /* The same moment with its offset is fine */
  assert_parses ("2026-03-29T02:30:00+01:00", "Europe/Berlin", "2026-03-29T01:30:00Z",
                 DEBRIEF_TIME_PRECISION_SECOND);

  /* Another zone, another day */
  assert_refused ("2026-03-08 02:30", "America/New_York", DEBRIEF_ERROR_INVALID_TIME);
  assert_parses ("2026-03-29 02:30", "America/New_York", "2026-03-29T06:30:00Z",
                 DEBRIEF_TIME_PRECISION_MINUTE);
}

static void
test_dst_repeated_hour (void)
{
  gint64 value = 0;
  g_autoptr (GError) error = NULL;

  /* 02:30 happened twice in Berlin: first in summer time (CEST), then in
   * winter time (CET). The first is taken. */
  assert_parses ("2026-10-25 02:30", "Europe/Berlin", "2026-10-25T00:30:00Z",
                 DEBRIEF_TIME_PRECISION_MINUTE);
  assert_parses ("2026-10-25 02:00", "Europe/Berlin", "2026-10-25T00:00:00Z",
                 DEBRIEF_TIME_PRECISION_MINUTE);
  assert_parses ("2026-10-25 02:59:59", "Europe/Berlin", "2026-10-25T00:59:59Z",
                 DEBRIEF_TIME_PRECISION_SECOND);
  assert_parses ("2026-10-25 03:00", "Europe/Berlin", "2026-10-25T02:00:00Z",
                 DEBRIEF_TIME_PRECISION_MINUTE);
  assert_parses ("2026-10-25 01:59", "Europe/Berlin", "2026-10-24T23:59:00Z",
                 DEBRIEF_TIME_PRECISION_MINUTE);

  /* The second one can be given with its offset */
  assert_parses ("2026-10-25T02:30+01:00", "Europe/Berlin", "2026-10-25T01:30:00Z",
                 DEBRIEF_TIME_PRECISION_MINUTE);

  g_assert_true (
      debrief_time_from_local ("America/New_York", 2026, 11, 1, 1, 30, 0, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, utc ("2026-11-01T05:30:00Z"));
}

static void
test_from_local (void)
{
  g_autoptr (GError) error = NULL;
  gint64 value = 0;

  g_assert_true (debrief_time_from_local ("UTC", 2026, 12, 31, 23, 59, 59, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, utc ("2026-12-31T23:59:59Z"));

  g_assert_false (debrief_time_from_local ("UTC", 2026, 13, 1, 0, 0, 0, &value, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME);
  g_clear_error (&error);
  g_assert_false (debrief_time_from_local ("UTC", 2026, 4, 31, 0, 0, 0, &value, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME);
  g_clear_error (&error);
  g_assert_false (debrief_time_from_local ("UTC", 2026, 4, 30, 0, 0, 60, &value, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME);
  g_clear_error (&error);
  g_assert_false (debrief_time_from_local ("UTC", 0, 1, 1, 0, 0, 0, &value, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME);
  g_clear_error (&error);
  g_assert_false (debrief_time_from_local ("Atlantis", 2026, 1, 1, 0, 0, 0, &value, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME_ZONE);
  g_assert_nonnull (strstr (error->message, "Atlantis"));
  g_clear_error (&error);
}

static void
assert_format (gint64               value,
               const char          *zone,
               DebriefTimePrecision precision,
               gboolean             with_date,
               const char          *expected)
{
  g_autofree char *text = debrief_time_format (value, zone, precision, with_date);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format (void)
{
  gint64 winter = utc ("2026-01-15T12:00:05Z");
  gint64 summer = utc ("2026-07-01T12:00:05Z");

  /* With the zone's abbreviation, which changes with daylight saving */
  assert_format (winter, "Europe/Berlin", DEBRIEF_TIME_PRECISION_MINUTE, TRUE,
                 "2026-01-15 13:00 CET");
  assert_format (summer, "Europe/Berlin", DEBRIEF_TIME_PRECISION_MINUTE, TRUE,
                 "2026-07-01 14:00 CEST");
  assert_format (summer, "Europe/Berlin", DEBRIEF_TIME_PRECISION_SECOND, TRUE,
                 "2026-07-01 14:00:05 CEST");
  assert_format (summer, "Europe/Berlin", DEBRIEF_TIME_PRECISION_MINUTE, FALSE, "14:00 CEST");
  assert_format (summer, "Europe/Berlin", DEBRIEF_TIME_PRECISION_SECOND, FALSE, "14:00:05 CEST");
  assert_format (summer, "Europe/Berlin", DEBRIEF_TIME_PRECISION_DAY, TRUE, "2026-07-01");
  assert_format (summer, "America/New_York", DEBRIEF_TIME_PRECISION_MINUTE, TRUE,
                 "2026-07-01 08:00 EDT");
  assert_format (winter, "America/New_York", DEBRIEF_TIME_PRECISION_MINUTE, TRUE,
                 "2026-01-15 07:00 EST");
  assert_format (summer, "Asia/Tokyo", DEBRIEF_TIME_PRECISION_MINUTE, TRUE,
                 "2026-07-01 21:00 JST");
  assert_format (summer, "UTC", DEBRIEF_TIME_PRECISION_MINUTE, TRUE, "2026-07-01 12:00 UTC");

  /* The day is the day in the zone */
  assert_format (utc ("2026-06-30T23:30:00Z"), "Europe/Berlin", DEBRIEF_TIME_PRECISION_DAY, TRUE,
                 "2026-07-01");

  /* The repeated hour shows which of the two it is */
  assert_format (utc ("2026-10-25T00:30:00Z"), "Europe/Berlin", DEBRIEF_TIME_PRECISION_MINUTE,
                 TRUE, "2026-10-25 02:30 CEST");
  assert_format (utc ("2026-10-25T01:30:00Z"), "Europe/Berlin", DEBRIEF_TIME_PRECISION_MINUTE,
                 TRUE, "2026-10-25 02:30 CET");

  /* Unknown times, and unknown zones fall back to UTC */
  assert_format (DEBRIEF_TIME_UNSET, "Europe/Berlin", DEBRIEF_TIME_PRECISION_MINUTE, TRUE,
                 "unknown");
  assert_format (summer, "Europe/Berlin", DEBRIEF_TIME_PRECISION_UNKNOWN, TRUE, "unknown");
  assert_format (summer, "Nowhere/Land", DEBRIEF_TIME_PRECISION_MINUTE, TRUE,
                 "2026-07-01 12:00 UTC");

  {
    g_autofree char *cest = debrief_time_zone_abbreviation ("Europe/Berlin", summer);
    g_autofree char *cet = debrief_time_zone_abbreviation ("Europe/Berlin", winter);
    g_autofree char *ist = debrief_time_zone_abbreviation ("Asia/Kolkata", summer);

    g_assert_cmpstr (cest, ==, "CEST");
    g_assert_cmpstr (cet, ==, "CET");
    g_assert_cmpstr (ist, ==, "IST");
  }
}

static void
assert_reads_back (gint64 t, const char *zone)
{
  g_autofree char *shown = debrief_time_format (t, zone, DEBRIEF_TIME_PRECISION_SECOND, TRUE);
  g_autofree char *typed = g_strndup (shown, strlen ("2026-01-01 00:00:00"));
  g_autoptr (GError) error = NULL;
  gint64 back = 0;

  if (!debrief_time_parse (typed, zone, &back, NULL, &error))
    g_error ("%s (shown as “%s”) cannot be read back: %s", typed, shown, error->message);

  /* In the second of two repeated hours the first is read */
  if (back != t && back != t - 3600)
    g_error ("“%s” in %s is read back as %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT, typed, zone,
             back, t);
}

static void
test_format_round_trip (void)
{
  static const struct
  {
    const char *zone;
    const char *changes[2];
  } zones[] = {
    { "Europe/Berlin", { "2026-03-29T00:00:00Z", "2026-10-25T00:00:00Z" } },
    { "America/New_York", { "2026-03-08T00:00:00Z", "2026-11-01T00:00:00Z" } },
    { "Australia/Adelaide", { "2026-04-05T00:00:00Z", "2026-10-04T00:00:00Z" } },
    { "Asia/Kolkata", { "2026-06-01T00:00:00Z", NULL } },
  };

  /* What is shown can be typed back in: through the year, and closely
   * around the days the clocks change */
  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      for (gint64 t = utc ("2026-01-01T00:00:00Z"); t < utc ("2027-01-01T00:00:00Z");
           t += 7 * 86400 + 7 * 60 + 7)
        assert_reads_back (t, zones[z].zone);

      for (guint c = 0; c < G_N_ELEMENTS (zones[z].changes) && zones[z].changes[c]; c++)
        {
          gint64 day = utc (zones[z].changes[c]);

          for (gint64 t = day - 86400; t < day + 86400; t += 601)
            assert_reads_back (t, zones[z].zone);
        }
    }
}

static void
test_format_iso (void)
{
  g_autofree char *iso = debrief_time_format_iso (utc ("2026-07-01T12:00:05Z"));
  g_autofree char *epoch = debrief_time_format_iso (0);

  g_assert_cmpstr (iso, ==, "2026-07-01T12:00:05Z");
  g_assert_cmpstr (epoch, ==, "1970-01-01T00:00:00Z");
  g_assert_null (debrief_time_format_iso (DEBRIEF_TIME_UNSET));
}

static void
test_duration (void)
{
  static const struct
  {
    gint64      seconds;
    const char *text;
  } cases[] = {
    { 0, "0 s" },
    { 45, "45 s" },
    { 60, "1 min" },
    { 90, "1 min 30 s" },
    { 59 * 60 + 59, "59 min 59 s" },
    { 3600, "1 h 00 min" },
    { 3600 + 5 * 60, "1 h 05 min" },
    { 3600 + 5 * 60 + 30, "1 h 05 min" },
    { 23 * 3600 + 59 * 60, "23 h 59 min" },
    { 86400, "1 d 0 h 00 min" },
    { 2 * 86400 + 3 * 3600 + 7 * 60, "2 d 3 h 07 min" },
    { -300, "−5 min" },
    { -45, "−45 s" },
    { -(3600 + 60), "−1 h 01 min" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = debrief_duration_format (cases[i].seconds);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_date_validate (void)
{
  static const char *const good[] = { "2026-12-31", "2028-02-29", "2000-02-29", "0001-01-01",
                                      NULL };
  static const char *const bad[] = {
    "2026-02-29",  "1900-02-29",  "2026-1-01",  "2026-01-1",
    "2026-12-31 ", " 2026-12-31", "+026-12-31", "2026-12-3x",
    "2026/12/31",  "31.12.2026",  "",           "0000-01-01",
    "2026-12-32",  "2026-00-01",  "2026-12- 1", "20261231",
    NULL,
  };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; good[i] != NULL; i++)
    {
      if (!debrief_date_validate (good[i], &error))
        g_error ("%s was refused: %s", good[i], error->message);
    }

  for (guint i = 0; bad[i] != NULL; i++)
    {
      if (debrief_date_validate (bad[i], &error))
        g_error ("%s was accepted as a date", bad[i]);
      g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME);
      g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
      g_clear_error (&error);
    }

  g_assert_false (debrief_date_validate (NULL, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME);
}

static void
test_zones (void)
{
  static const char *const good[] = { "UTC",
                                      "Europe/Berlin",
                                      "America/Argentina/Buenos_Aires",
                                      "Asia/Kolkata",
                                      "Etc/GMT+2",
                                      "America/Port-au-Prince",
                                      NULL };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; good[i] != NULL; i++)
    {
      g_autoptr (GTimeZone) tz = debrief_time_zone_new (good[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (tz);
      g_assert_true (debrief_time_zone_validate (good[i], NULL));
    }
}

int
main (int argc, char *argv[])
{
  debrief_test_init (&argc, &argv);

  g_test_add_func ("/time/parse-forms", test_parse_forms);
  g_test_add_func ("/time/parse-refused", test_parse_refused);
  g_test_add_func ("/time/dst-gap", test_dst_gap);
  g_test_add_func ("/time/dst-repeated-hour", test_dst_repeated_hour);
  g_test_add_func ("/time/from-local", test_from_local);
  g_test_add_func ("/time/format", test_format);
  g_test_add_func ("/time/format-round-trip", test_format_round_trip);
  g_test_add_func ("/time/format-iso", test_format_iso);
  g_test_add_func ("/time/duration", test_duration);
  g_test_add_func ("/time/date-validate", test_date_validate);
  g_test_add_func ("/time/zones", test_zones);

  return g_test_run ();
}
