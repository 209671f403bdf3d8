/* test-quick-entry.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "debrief-test-util.h"

#define BERLIN   "Europe/Berlin"
#define NEW_YORK "America/New_York"

static gint64
local (const char *zone, int year, int month, int day, int hour, int minute, int second)
{
  g_autoptr (GError) error = NULL;
  gint64 utc = 0;

  g_assert_true (
      debrief_time_from_local (zone, year, month, day, hour, minute, second, &utc, &error));
  g_assert_no_error (error);
  return utc;
}

static gint64
utc (int year, int month, int day, int hour, int minute, int second)
{
  g_autoptr (GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, second);

  return g_date_time_to_unix (dt);
}

static DebriefReport *
new_report (const char *zone)
{
  g_autoptr (GError) error = NULL;
  DebriefReport *report = debrief_report_new ("Auth outage");

  g_assert_true (debrief_report_set_timezone (report, zone, &error));
  g_assert_no_error (error);
  return report;
}

static void
append (DebriefReport *report, gint64 at, DebriefTimePrecision precision, const char *text)
{
  DebriefTimelineEntry *entry = debrief_timeline_entry_new (at, precision,
                                                            DEBRIEF_ENTRY_KIND_OBSERVATION, text);

  debrief_report_insert_timeline_entry (
      report, g_list_model_get_n_items (debrief_report_get_timeline (report)), entry);
  g_object_unref (entry);
}

/* Parses @text and checks the entry it gives */
static void
check (DebriefReport       *report,
       const char          *text,
       gint64               at,
       DebriefTimePrecision precision,
       DebriefEntryKind     kind,
       const char          *body)
{
  g_autoptr (GError) error = NULL;
  DebriefTimelineEntry *entry = debrief_quick_entry_parse (report, text, &error);

  g_autofree char *shown = g_strescape (text, NULL);

  g_test_message ("quick entry: %s", shown);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
  g_assert_cmpint (debrief_timeline_entry_get_occurred_at (entry), ==, at);
  g_assert_cmpint (debrief_timeline_entry_get_precision (entry), ==, precision);
  g_assert_cmpint (debrief_timeline_entry_get_kind (entry), ==, kind);
  g_assert_cmpstr (debrief_timeline_entry_get_text (entry), ==, body);
  g_assert_cmpint (debrief_timeline_entry_get_source (entry), ==, DEBRIEF_ENTRY_SOURCE_TYPED);
  g_assert_cmpint (debrief_timeline_entry_get_key_event (entry), ==, DEBRIEF_KEY_EVENT_NONE);
  /* Parsing does not insert */
  g_assert_false (
      g_list_store_find (G_LIST_STORE (debrief_report_get_timeline (report)), entry, NULL));
  g_assert_finalize_object (entry);
}

static void
check_error (DebriefReport *report, const char *text, int code, const char *message)
{
  g_autoptr (GError) error = NULL;
  DebriefTimelineEntry *entry = debrief_quick_entry_parse (report, text, &error);

  g_autofree char *shown = g_strescape (text, NULL);

  g_test_message ("quick entry: %s", shown);
  g_assert_null (entry);
  g_assert_error (error, DEBRIEF_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static void
test_time_forms (void)
{
  DebriefReport         *report = new_report (BERLIN);
  const DebriefEntryKind obs = DEBRIEF_ENTRY_KIND_OBSERVATION;

  append (report, local (BERLIN, 2026, 12, 4, 13, 50, 0), DEBRIEF_TIME_PRECISION_MINUTE, "a");

  check (report, "14:02 alert fired for auth-api", local (BERLIN, 2026, 12, 4, 14, 2, 0),
         DEBRIEF_TIME_PRECISION_MINUTE, obs, "alert fired for auth-api");
  check (report, "  9:05   paged  ", local (BERLIN, 2026, 12, 4, 9, 5, 0),
         DEBRIEF_TIME_PRECISION_MINUTE, obs, "paged");
  check (report, "14:02:33 alert fired", local (BERLIN, 2026, 12, 4, 14, 2, 33),
         DEBRIEF_TIME_PRECISION_SECOND, obs, "alert fired");
  check (report, "[14:02] alert fired", local (BERLIN, 2026, 12, 4, 14, 2, 0),
         DEBRIEF_TIME_PRECISION_MINUTE, obs, "alert fired");
  check (report, "[14:02:33] alert fired", local (BERLIN, 2026, 12, 4, 14, 2, 33),
         DEBRIEF_TIME_PRECISION_SECOND, obs, "alert fired");
  check (report, "14:02 - alert fired", local (BERLIN, 2026, 12, 4, 14, 2, 0),
         DEBRIEF_TIME_PRECISION_MINUTE, obs, "alert fired");
  check (report, "2026-12-05 09:15 next morning", local (BERLIN, 2026, 12, 5, 9, 15, 0),
         DEBRIEF_TIME_PRECISION_MINUTE, obs, "next morning");
  check (report, "[2026-12-05 09:15:07] next morning", local (BERLIN, 2026, 12, 5, 9, 15, 7),
         DEBRIEF_TIME_PRECISION_SECOND, obs, "next morning");
  check (report, "2026-12-04T14:02:33Z alert", utc (2026, 12, 4, 14, 2, 33),
         DEBRIEF_TIME_PRECISION_SECOND, obs, "alert");
  check (report, "2026-12-04T14:02+01:00 alert", utc (2026, 12, 4, 13, 2, 0),
         DEBRIEF_TIME_PRECISION_MINUTE, obs, "alert");
  check (report, "2026-12-04T14:02:33.250-0500 alert", utc (2026, 12, 4, 19, 2, 33),
         DEBRIEF_TIME_PRECISION_SECOND, obs, "alert");
  check (report, "2026-12-04 freeze announced", local (BERLIN, 2026, 12, 4, 0, 0, 0),
         DEBRIEF_TIME_PRECISION_DAY, obs, "freeze announced");

  /* No time: still an entry, with an unknown time */
  check (report, "someone mentioned errors earlier", DEBRIEF_TIME_UNSET,
         DEBRIEF_TIME_PRECISION_UNKNOWN, obs, "someone mentioned errors earlier");
  /* Not times */
  check (report, "14:2 is not a time", DEBRIEF_TIME_UNSET, DEBRIEF_TIME_PRECISION_UNKNOWN, obs,
         "14:2 is not a time");
  check (report, "1400 requests failed", DEBRIEF_TIME_UNSET, DEBRIEF_TIME_PRECISION_UNKNOWN, obs,
         "1400 requests failed");

  g_assert_finalize_object (report);
}

static void
test_prefixes (void)
{
  DebriefReport *report = new_report (BERLIN);
  gint64         at = local (BERLIN, 2026, 12, 4, 14, 2, 0);

  append (report, local (BERLIN, 2026, 12, 4, 13, 0, 0), DEBRIEF_TIME_PRECISION_MINUTE, "a");

  check (report, "obs: 14:02 error rate at 30%", at, DEBRIEF_TIME_PRECISION_MINUTE,
         DEBRIEF_ENTRY_KIND_OBSERVATION, "error rate at 30%");
  check (report, "14:02 act: restarted auth-api", at, DEBRIEF_TIME_PRECISION_MINUTE,
         DEBRIEF_ENTRY_KIND_ACTION, "restarted auth-api");
  check (report, "ACT: 14:02 restarted auth-api", at, DEBRIEF_TIME_PRECISION_MINUTE,
         DEBRIEF_ENTRY_KIND_ACTION, "restarted auth-api");
  check (report, "[14:02] Dec: roll back", at, DEBRIEF_TIME_PRECISION_MINUTE,
         DEBRIEF_ENTRY_KIND_DECISION, "roll back");
  check (report, "hyp: 14:02 the cache is cold", at, DEBRIEF_TIME_PRECISION_MINUTE,
         DEBRIEF_ENTRY_KIND_HYPOTHESIS, "the cache is cold");
  check (report, "14:02 COM: status page updated", at, DEBRIEF_TIME_PRECISION_MINUTE,
         DEBRIEF_ENTRY_KIND_COMMUNICATION, "status page updated");
  check (report, "decision: roll back", DEBRIEF_TIME_UNSET, DEBRIEF_TIME_PRECISION_UNKNOWN,
         DEBRIEF_ENTRY_KIND_DECISION, "roll back");
  check (report, "act:restart", DEBRIEF_TIME_UNSET, DEBRIEF_TIME_PRECISION_UNKNOWN,
         DEBRIEF_ENTRY_KIND_OBSERVATION, "act:restart");
  check (report, "obsolete: config found", DEBRIEF_TIME_UNSET, DEBRIEF_TIME_PRECISION_UNKNOWN,
         DEBRIEF_ENTRY_KIND_OBSERVATION, "obsolete: config found");
  /* The whole words too, the longest of them included */
  check (report, "Communication: 14:02 customers told", at, DEBRIEF_TIME_PRECISION_MINUTE,
         DEBRIEF_ENTRY_KIND_COMMUNICATION, "customers told");
  check (report, "HYPOTHESIS: the cache is cold", DEBRIEF_TIME_UNSET,
         DEBRIEF_TIME_PRECISION_UNKNOWN, DEBRIEF_ENTRY_KIND_HYPOTHESIS, "the cache is cold");
  check (report, "communications: sent", DEBRIEF_TIME_UNSET, DEBRIEF_TIME_PRECISION_UNKNOWN,
         DEBRIEF_ENTRY_KIND_OBSERVATION, "communications: sent");
  /* Only one prefix is read */
  check (report, "act: 14:02 dec: both", at, DEBRIEF_TIME_PRECISION_MINUTE,
         DEBRIEF_ENTRY_KIND_ACTION, "dec: both");

  g_assert_finalize_object (report);
}

static void
test_current_day (void)
{
  DebriefReport *report = new_report (NEW_YORK);
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) later = NULL;
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (NEW_YORK);
  g_autoptr (GError) error = NULL;
  DebriefTimelineEntry *entry;
  gint64                at;

  /* Nothing to go by: today, in the report's zone */
  now = g_date_time_new_now (tz);
  entry = debrief_quick_entry_parse (report, "12:00 noon", &error);
  g_assert_no_error (error);
  later = g_date_time_new_now (tz);
  at = debrief_timeline_entry_get_occurred_at (entry);
  g_assert_true (at == local (NEW_YORK, g_date_time_get_year (now), g_date_time_get_month (now),
                              g_date_time_get_day_of_month (now), 12, 0, 0) ||
                 at == local (NEW_YORK, g_date_time_get_year (later),
                              g_date_time_get_month (later), g_date_time_get_day_of_month (later),
                              12, 0, 0));
  g_assert_finalize_object (entry);

  /* The incident's start: 23:30 in New York is already the next day in
   * UTC, but the day is the one in New York */
  debrief_report_set_started_at (report, local (NEW_YORK, 2026, 7, 1, 23, 30, 0));
  check (report, "00:15 first page", local (NEW_YORK, 2026, 7, 1, 0, 15, 0),
         DEBRIEF_TIME_PRECISION_MINUTE, DEBRIEF_ENTRY_KIND_OBSERVATION, "first page");

  /* The last timed entry wins over the start; untimed entries after it
   * do not count */
  append (report, local (NEW_YORK, 2026, 7, 3, 10, 0, 0), DEBRIEF_TIME_PRECISION_MINUTE, "a");
  append (report, DEBRIEF_TIME_UNSET, DEBRIEF_TIME_PRECISION_UNKNOWN, "b");
  check (report, "11:00 later", local (NEW_YORK, 2026, 7, 3, 11, 0, 0),
         DEBRIEF_TIME_PRECISION_MINUTE, DEBRIEF_ENTRY_KIND_OBSERVATION, "later");
  /* Somewhat earlier stays on the same day (it is out of order) */
  check (report, "08:30 earlier", local (NEW_YORK, 2026, 7, 3, 8, 30, 0),
         DEBRIEF_TIME_PRECISION_MINUTE, DEBRIEF_ENTRY_KIND_OBSERVATION, "earlier");

  /* Past midnight: much earlier in the day means the next day */
  append (report, local (NEW_YORK, 2026, 7, 3, 23, 50, 0), DEBRIEF_TIME_PRECISION_MINUTE, "c");
  check (report, "00:10 after midnight", local (NEW_YORK, 2026, 7, 4, 0, 10, 0),
         DEBRIEF_TIME_PRECISION_MINUTE, DEBRIEF_ENTRY_KIND_OBSERVATION, "after midnight");

  g_assert_finalize_object (report);
}

static void
test_dst (void)
{
  DebriefReport *report = new_report (BERLIN);
  DebriefReport *ny = new_report (NEW_YORK);

  /* Spring forward: 02:00–03:00 on 2026-03-29 does not exist in Berlin */
  append (report, local (BERLIN, 2026, 3, 29, 1, 50, 0), DEBRIEF_TIME_PRECISION_MINUTE, "a");
  check_error (report, "02:30 deploy", DEBRIEF_ERROR_INVALID_TIME,
               "2026-03-29 02:30 does not exist in Europe/Berlin: the clocks skipped it when "
               "daylight saving time began. Check the time, or give it with its UTC offset.");
  check (report, "03:05 deploy", utc (2026, 3, 29, 1, 5, 0), DEBRIEF_TIME_PRECISION_MINUTE,
         DEBRIEF_ENTRY_KIND_OBSERVATION, "deploy");
  /* With an offset, the same moment is fine */
  check (report, "2026-03-29T02:30+01:00 deploy", utc (2026, 3, 29, 1, 30, 0),
         DEBRIEF_TIME_PRECISION_MINUTE, DEBRIEF_ENTRY_KIND_OBSERVATION, "deploy");
  g_assert_finalize_object (report);

  /* Fall back: 02:00–03:00 on 2026-10-25 happens twice in Berlin */
  report = new_report (BERLIN);
  append (report, utc (2026, 10, 24, 23, 50, 0), DEBRIEF_TIME_PRECISION_MINUTE, "01:50 CEST");
  check (report, "02:10 first pass", utc (2026, 10, 25, 0, 10, 0), DEBRIEF_TIME_PRECISION_MINUTE,
         DEBRIEF_ENTRY_KIND_OBSERVATION, "first pass");
  append (report, utc (2026, 10, 25, 0, 50, 0), DEBRIEF_TIME_PRECISION_MINUTE, "02:50 CEST");
  /* After 02:50 CEST, 02:10 can only be the second 02:10 (CET) */
  check (report, "02:10 second pass", utc (2026, 10, 25, 1, 10, 0), DEBRIEF_TIME_PRECISION_MINUTE,
         DEBRIEF_ENTRY_KIND_OBSERVATION, "second pass");
  g_assert_finalize_object (report);

  /* New York springs forward at 02:00 on 2026-03-08 */
  append (ny, local (NEW_YORK, 2026, 3, 8, 1, 30, 0), DEBRIEF_TIME_PRECISION_MINUTE, "a");
  check_error (ny, "02:15 gap", DEBRIEF_ERROR_INVALID_TIME, NULL);
  check (ny, "03:15 after", utc (2026, 3, 8, 7, 15, 0), DEBRIEF_TIME_PRECISION_MINUTE,
         DEBRIEF_ENTRY_KIND_OBSERVATION, "after");
  g_assert_finalize_object (ny);
}

static void
test_errors (void)
{
  DebriefReport *report = new_report (BERLIN);

  check_error (report, "25:61 alert", DEBRIEF_ERROR_INVALID_TIME,
               "“25:61” is not a time of day. Write times as 14:02 or 14:02:33, from 00:00 to "
               "23:59.");
  check_error (report, "[14:75] alert", DEBRIEF_ERROR_INVALID_TIME,
               "“14:75” is not a time of day. Write times as 14:02 or 14:02:33, from 00:00 to "
               "23:59.");
  check_error (report, "2026-02-30 10:00 alert", DEBRIEF_ERROR_INVALID_TIME,
               "“2026-02-30 10:00” is not a date. Write dates as YYYY-MM-DD, for example "
               "2026-12-31.");
  check_error (report, "2026-12-04T10:00+15:00 alert", DEBRIEF_ERROR_INVALID_TIME, NULL);
  check_error (report, "14:02", DEBRIEF_ERROR_INVALID_TEXT,
               "Write what happened after the time, for example “14:02 alert fired”.");
  check_error (report, "act: 14:02  ", DEBRIEF_ERROR_INVALID_TEXT, NULL);
  check_error (report, "   ", DEBRIEF_ERROR_INVALID_TEXT,
               "Write what happened, for example “14:02 alert fired”.");
  check_error (report, "14:02 bell\a", DEBRIEF_ERROR_INVALID_TEXT, NULL);
  check_error (report, "14:02 \xff\xfe", DEBRIEF_ERROR_INVALID_TEXT, NULL);

  g_assert_finalize_object (report);
}

static void
test_unknown_zone (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "lib.debrief");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) error = NULL;
  g_autofree char      *uuid = NULL;
  DebriefLibrary       *library;
  DebriefReport        *report;
  DebriefTimelineEntry *entry;
  sqlite3              *db = NULL;

  library = debrief_test_open_library (file);
  report = debrief_library_create_report (library, "Zone", &error);
  g_assert_no_error (error);
  uuid = g_strdup (debrief_report_get_uuid (report));
  g_assert_true (debrief_library_flush (library, &error));
  g_assert_finalize_object (library);

  /* A library written elsewhere may name a zone this system lacks */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (
      sqlite3_exec (db, "UPDATE reports SET timezone = 'Mars/Olympus_Mons'", NULL, NULL, NULL), ==,
      SQLITE_OK);
  sqlite3_close (db);

  library = debrief_test_open_library (file);
  report = debrief_library_find_report (library, uuid);
  g_assert_true (debrief_report_ensure_loaded (report, &error));
  g_assert_no_error (error);

  entry = debrief_quick_entry_parse (report, "14:02 alert", &error);
  g_assert_null (entry);
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME_ZONE);
  g_clear_error (&error);

  /* Without a time, the zone is not needed */
  entry = debrief_quick_entry_parse (report, "alert", &error);
  g_assert_no_error (error);
  g_assert_finalize_object (entry);

  g_assert_finalize_object (library);
  debrief_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quick-entry/time-forms", test_time_forms);
  g_test_add_func ("/quick-entry/prefixes", test_prefixes);
  g_test_add_func ("/quick-entry/current-day", test_current_day);
  g_test_add_func ("/quick-entry/dst", test_dst);
  g_test_add_func ("/quick-entry/errors", test_errors);
  g_test_add_func ("/quick-entry/unknown-zone", test_unknown_zone);

  return g_test_run ();
}
