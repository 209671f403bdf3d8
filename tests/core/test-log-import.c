/* test-log-import.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

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
new_report (const char *zone, gint64 started)
{
  g_autoptr (GError) error = NULL;
  DebriefReport *report = debrief_report_new ("Checkout outage");

  g_assert_true (debrief_report_set_timezone (report, zone, &error));
  g_assert_no_error (error);
  debrief_report_set_started_at (report, started);
  return report;
}

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("DEBRIEF_TEST_FIXTURES"), "logs", name,
                                            NULL);

  return g_file_new_for_path (path);
}

static DebriefLogImport *
import_fixture (DebriefReport *report, const char *name, DebriefLogFormat format)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = fixture (name);
  DebriefLogImport *import = debrief_log_import_new_from_file (report, file, format, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static DebriefLogImport *
import_data (DebriefReport *report, const char *data, gssize length, DebriefLogFormat format)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_bytes_new (data, length < 0 ? strlen (data) : (gsize) length);
  DebriefLogImport *import = debrief_log_import_new_from_bytes (report, bytes, format, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static void
import_fails (DebriefReport   *report,
              const char      *data,
              gssize           length,
              DebriefLogFormat format,
              int              code,
              const char      *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_bytes_new (data, length < 0 ? strlen (data) : (gsize) length);
  DebriefLogImport *import = debrief_log_import_new_from_bytes (report, bytes, format, &error);

  g_assert_null (import);
  g_assert_error (error, DEBRIEF_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static guint
n_entries (DebriefLogImport *import)
{
  return g_list_model_get_n_items (debrief_log_import_get_entries (import));
}

static guint
n_problems (DebriefLogImport *import)
{
  return g_list_model_get_n_items (debrief_log_import_get_problems (import));
}

static void
check_entry (DebriefLogImport    *import,
             guint                position,
             gint64               at,
             DebriefTimePrecision precision,
             DebriefEntryKind     kind,
             const char          *text)
{
  g_autoptr (DebriefTimelineEntry)
      entry = g_list_model_get_item (debrief_log_import_get_entries (import), position);

  g_test_message ("entry %u", position);
  g_assert_nonnull (entry);
  g_assert_cmpint (debrief_timeline_entry_get_occurred_at (entry), ==, at);
  g_assert_cmpint (debrief_timeline_entry_get_precision (entry), ==, precision);
  g_assert_cmpint (debrief_timeline_entry_get_kind (entry), ==, kind);
  g_assert_cmpstr (debrief_timeline_entry_get_text (entry), ==, text);
}

static void
check_source (DebriefLogImport *import, guint position, DebriefEntrySource source)
{
  g_autoptr (DebriefTimelineEntry)
      entry = g_list_model_get_item (debrief_log_import_get_entries (import), position);

  g_assert_cmpint (debrief_timeline_entry_get_source (entry), ==, source);
}

static gint64
entry_time (DebriefLogImport *import, guint position)
{
  g_autoptr (DebriefTimelineEntry)
      entry = g_list_model_get_item (debrief_log_import_get_entries (import), position);

  return debrief_timeline_entry_get_occurred_at (entry);
}

static void
check_problem (
    DebriefLogImport *import, guint position, guint line, const char *excerpt, const char *message)
{
  g_autoptr (DebriefLogProblem)
      problem = g_list_model_get_item (debrief_log_import_get_problems (import), position);

  g_test_message ("problem %u", position);
  g_assert_nonnull (problem);
  g_assert_cmpuint (debrief_log_problem_get_line (problem), ==, line);
  if (excerpt != NULL)
    g_assert_cmpstr (debrief_log_problem_get_excerpt (problem), ==, excerpt);
  if (message != NULL && g_str_has_suffix (message, "…"))
    {
      g_autofree char *start = g_strndup (message, strlen (message) - strlen ("…"));

      g_assert_true (g_str_has_prefix (debrief_log_problem_get_message (problem), start));
    }
  else if (message != NULL)
    g_assert_cmpstr (debrief_log_problem_get_message (problem), ==, message);
}

#define NO_TIME_MESSAGE                                                                     \
  "The line has no time, and there is no entry above it to continue. Start the log with a " \
  "time, such as “14:02 alert fired”."

static void
test_text_forms (void)
{
  DebriefReport    *report = new_report (BERLIN, local (BERLIN, 2026, 12, 4, 10, 0, 0));
  DebriefLogImport *import = import_fixture (report, "worklog.txt", DEBRIEF_LOG_FORMAT_AUTO);
  const DebriefTimePrecision minute = DEBRIEF_TIME_PRECISION_MINUTE;
  const DebriefTimePrecision second = DEBRIEF_TIME_PRECISION_SECOND;

  g_assert_cmpint (debrief_log_import_get_format (import), ==, DEBRIEF_LOG_FORMAT_TEXT);
  g_assert_cmpuint (debrief_log_import_get_n_lines (import), ==, 15);

  /* The lines before the first time have nothing to continue */
  g_assert_cmpuint (n_problems (import), ==, 2);
  check_problem (import, 0, 1, "Incident log: checkout errors", NO_TIME_MESSAGE);
  check_problem (import, 1, 2, "written by the on-call", NO_TIME_MESSAGE);

  g_assert_cmpuint (n_entries (import), ==, 9);
  check_entry (import, 0, local (BERLIN, 2026, 12, 4, 14, 2, 0), minute,
               DEBRIEF_ENTRY_KIND_OBSERVATION, "alert fired for auth-api");
  check_entry (import, 1, local (BERLIN, 2026, 12, 4, 14, 2, 33), second,
               DEBRIEF_ENTRY_KIND_OBSERVATION, "error rate at 30%\nmostly 502s from the edge");
  check_entry (import, 2, local (BERLIN, 2026, 12, 4, 14, 5, 0), minute, DEBRIEF_ENTRY_KIND_ACTION,
               "restarted auth-api pods");
  check_entry (import, 3, local (BERLIN, 2026, 12, 4, 14, 6, 10), second,
               DEBRIEF_ENTRY_KIND_DECISION, "roll back release 2026.12.1");
  check_entry (import, 4, local (BERLIN, 2026, 12, 4, 14, 10, 0), minute,
               DEBRIEF_ENTRY_KIND_HYPOTHESIS, "the new cache config is wrong");
  check_entry (import, 5, utc (2026, 12, 4, 13, 12, 0), second, DEBRIEF_ENTRY_KIND_COMMUNICATION,
               "status page updated");
  check_entry (import, 6, utc (2026, 12, 4, 13, 15, 30), second, DEBRIEF_ENTRY_KIND_OBSERVATION,
               "rollback finished");
  check_entry (import, 7, local (BERLIN, 2026, 12, 4, 14, 20, 0), minute,
               DEBRIEF_ENTRY_KIND_OBSERVATION, "error rate back to normal");
  /* A time alone takes its text from the lines below */
  check_entry (import, 8, local (BERLIN, 2026, 12, 4, 14, 30, 0), minute,
               DEBRIEF_ENTRY_KIND_OBSERVATION, "follow-up: check cache TTLs");
  check_source (import, 0, DEBRIEF_ENTRY_SOURCE_LOG);

  /* Each entry has its own uuid, time-ordered (version 7) in log order */
  for (guint i = 0; i < n_entries (import); i++)
    {
      g_autoptr (DebriefTimelineEntry)
          entry = g_list_model_get_item (debrief_log_import_get_entries (import), i);
      g_autoptr (DebriefTimelineEntry) next = NULL;
      const char *uuid = debrief_timeline_entry_get_uuid (entry);

      g_assert_true (g_uuid_string_is_valid (uuid));
      g_assert_cmpint (uuid[14], ==, '7');
      g_assert_true (strchr ("89ab", uuid[19]) != NULL);
      if (i + 1 < n_entries (import))
        {
          next = g_list_model_get_item (debrief_log_import_get_entries (import), i + 1);
          g_assert_cmpstr (uuid, <, debrief_timeline_entry_get_uuid (next));
        }
    }

  /* Reading stores nothing */
  g_assert_cmpuint (g_list_model_get_n_items (debrief_report_get_timeline (report)), ==, 0);

  g_assert_finalize_object (import);
  g_assert_finalize_object (report);
}

static void
test_text_details (void)
{
  DebriefReport    *report = new_report (BERLIN, local (BERLIN, 2026, 12, 4, 10, 0, 0));
  DebriefLogImport *import;

  /* CRLF line ends, terminal colours, tabs, a byte order mark */
  import = import_data (report,
                        "\xef\xbb\xbf"
                        "14:02 \x1b[31mERROR\x1b[0m\tauth-api down\r\n"
                        "\r\n"
                        "\tstill down\r\n",
                        -1, DEBRIEF_LOG_FORMAT_AUTO);
  g_assert_cmpuint (n_problems (import), ==, 0);
  g_assert_cmpuint (n_entries (import), ==, 1);
  check_entry (import, 0, local (BERLIN, 2026, 12, 4, 14, 2, 0), DEBRIEF_TIME_PRECISION_MINUTE,
               DEBRIEF_ENTRY_KIND_OBSERVATION, "ERROR\tauth-api down\nstill down");
  g_assert_finalize_object (import);

  /* A time with no text anywhere */
  import = import_data (report, "14:02\n14:03 ok\n", -1, DEBRIEF_LOG_FORMAT_TEXT);
  g_assert_cmpuint (n_entries (import), ==, 1);
  g_assert_cmpuint (n_problems (import), ==, 1);
  check_problem (import, 0, 1, NULL, "The line has a time but no text…");
  g_assert_finalize_object (import);

  /* Control characters and times that are not times */
  import = import_data (report,
                        "14:02 bell\a\n25:61 too late\n  detail of the bad line\n14:10 ok\n", -1,
                        DEBRIEF_LOG_FORMAT_TEXT);
  g_assert_cmpuint (n_entries (import), ==, 1);
  check_entry (import, 0, local (BERLIN, 2026, 12, 4, 14, 10, 0), DEBRIEF_TIME_PRECISION_MINUTE,
               DEBRIEF_ENTRY_KIND_OBSERVATION, "ok");
  g_assert_cmpuint (n_problems (import), ==, 3);
  check_problem (import, 0, 1, "14:02 bell",
                 "The line contains the control character U+0007, which a timeline entry "
                 "cannot hold; it is left out.");
  check_problem (import, 1, 2, "25:61 too late",
                 "“25:61” is not a time of day. Write times as 14:02 or 14:02:33, from 00:00 to "
                 "23:59.");
  check_problem (import, 2, 3, "detail of the bad line",
                 "The line has no time and continues line 2, which could not be read; it is "
                 "left out.");
  g_assert_finalize_object (import);

  /* An empty log is an empty preview */
  import = import_data (report, "", 0, DEBRIEF_LOG_FORMAT_AUTO);
  g_assert_cmpuint (n_entries (import), ==, 0);
  g_assert_cmpuint (n_problems (import), ==, 0);
  g_assert_finalize_object (import);

  g_assert_finalize_object (report);
}

static void
test_midnight (void)
{
  g_autoptr (GError) error = NULL;
  DebriefReport    *report = new_report (BERLIN, local (BERLIN, 2026, 12, 5, 23, 0, 0));
  DebriefLogImport *import = import_fixture (report, "midnight.txt", DEBRIEF_LOG_FORMAT_AUTO);
  GDate             date;

  g_assert_cmpuint (n_problems (import), ==, 0);
  g_assert_cmpuint (n_entries (import), ==, 5);
  debrief_log_import_get_start_date (import, &date);
  g_assert_cmpint (g_date_get_day (&date), ==, 5);
  g_assert_cmpint (entry_time (import, 0), ==, local (BERLIN, 2026, 12, 5, 23, 50, 0));
  g_assert_cmpint (entry_time (import, 1), ==, local (BERLIN, 2026, 12, 5, 23, 58, 10));
  /* Much earlier than the time before: past midnight */
  g_assert_cmpint (entry_time (import, 2), ==, local (BERLIN, 2026, 12, 6, 0, 3, 0));
  g_assert_cmpint (entry_time (import, 3), ==, local (BERLIN, 2026, 12, 6, 0, 40, 0));
  /* A date line moves the log to that day */
  g_assert_cmpint (entry_time (import, 4), ==, local (BERLIN, 2026, 12, 7, 9, 0, 0));

  /* The caller can start the log on another day; the preview is read again */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 11, 2026);
  g_assert_true (debrief_log_import_set_start_date (import, &date, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_entries (import), ==, 5);
  g_assert_cmpint (entry_time (import, 0), ==, local (BERLIN, 2026, 11, 1, 23, 50, 0));
  g_assert_cmpint (entry_time (import, 2), ==, local (BERLIN, 2026, 11, 2, 0, 3, 0));
  g_assert_cmpint (entry_time (import, 4), ==, local (BERLIN, 2026, 12, 7, 9, 0, 0));

  /* Back to the default: the incident's start day */
  g_assert_true (debrief_log_import_set_start_date (import, NULL, &error));
  g_assert_cmpint (entry_time (import, 0), ==, local (BERLIN, 2026, 12, 5, 23, 50, 0));
  g_assert_finalize_object (import);

  /* Earlier by less than 12 hours stays on the same day */
  import = import_data (report, "14:00 a\n09:00 b\n", -1, DEBRIEF_LOG_FORMAT_TEXT);
  g_assert_cmpint (entry_time (import, 1), ==, local (BERLIN, 2026, 12, 5, 9, 0, 0));
  g_assert_finalize_object (import);

  g_assert_finalize_object (report);
}

static void
test_start_day (void)
{
  DebriefReport    *report;
  DebriefLogImport *import;
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (NEW_YORK);
  g_autoptr (GDateTime) before = NULL;
  g_autoptr (GDateTime) after = NULL;
  GDate date;

  /* The incident's start day in the report's zone: 22:30 in New York
   * on July 1 is July 2 in UTC */
  report = new_report (NEW_YORK, local (NEW_YORK, 2026, 7, 1, 22, 30, 0));
  import = import_data (report, "22:45 alert\n", -1, DEBRIEF_LOG_FORMAT_TEXT);
  g_assert_cmpint (entry_time (import, 0), ==, local (NEW_YORK, 2026, 7, 1, 22, 45, 0));
  g_assert_finalize_object (import);
  g_assert_finalize_object (report);

  /* No start: today in the report's zone */
  report = new_report (NEW_YORK, DEBRIEF_TIME_UNSET);
  before = g_date_time_new_now (tz);
  import = import_data (report, "12:00 alert\n", -1, DEBRIEF_LOG_FORMAT_TEXT);
  after = g_date_time_new_now (tz);
  debrief_log_import_get_start_date (import, &date);
  g_assert_true ((g_date_get_day (&date) == g_date_time_get_day_of_month (before) &&
                  (int) g_date_get_month (&date) == g_date_time_get_month (before)) ||
                 (g_date_get_day (&date) == g_date_time_get_day_of_month (after) &&
                  (int) g_date_get_month (&date) == g_date_time_get_month (after)));
  g_assert_cmpint (entry_time (import, 0), ==,
                   local (NEW_YORK, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), 12, 0, 0));
  g_assert_finalize_object (import);
  g_assert_finalize_object (report);
}

static void
test_dst_berlin (void)
{
  DebriefReport    *report = new_report (BERLIN, local (BERLIN, 2026, 3, 29, 1, 0, 0));
  DebriefLogImport *import = import_fixture (report, "berlin-spring.txt", DEBRIEF_LOG_FORMAT_AUTO);

  /* 02:30 does not exist on 2026-03-29; its note goes with it */
  g_assert_cmpuint (n_entries (import), ==, 2);
  g_assert_cmpint (entry_time (import, 0), ==, utc (2026, 3, 29, 0, 55, 0));
  g_assert_cmpint (entry_time (import, 1), ==, utc (2026, 3, 29, 1, 1, 0));
  g_assert_cmpuint (n_problems (import), ==, 2);
  check_problem (import, 0, 2, "02:30 failover started",
                 "2026-03-29 02:30 does not exist in Europe/Berlin: the clocks skipped it when "
                 "daylight saving time began. Check the time, or give it with its UTC offset.");
  check_problem (import, 1, 3, "(this note belongs to the 02:30 line)",
                 "The line has no time and continues line 2, which could not be read; it is "
                 "left out.");
  g_assert_finalize_object (import);
  g_assert_finalize_object (report);

  /* The hour from 02:00 to 03:00 on 2026-10-25 happens twice: the log
   * stays in order through both */
  report = new_report (BERLIN, local (BERLIN, 2026, 10, 25, 1, 0, 0));
  import = import_fixture (report, "berlin-autumn.txt", DEBRIEF_LOG_FORMAT_AUTO);
  g_assert_cmpuint (n_problems (import), ==, 0);
  g_assert_cmpuint (n_entries (import), ==, 6);
  g_assert_cmpint (entry_time (import, 0), ==, utc (2026, 10, 24, 23, 55, 0)); /* CEST */
  g_assert_cmpint (entry_time (import, 1), ==, utc (2026, 10, 25, 0, 10, 0));  /* CEST */
  g_assert_cmpint (entry_time (import, 2), ==, utc (2026, 10, 25, 0, 55, 0));  /* CEST */
  g_assert_cmpint (entry_time (import, 3), ==, utc (2026, 10, 25, 1, 5, 0));   /* CET */
  g_assert_cmpint (entry_time (import, 4), ==, utc (2026, 10, 25, 1, 40, 0));  /* CET */
  g_assert_cmpint (entry_time (import, 5), ==, utc (2026, 10, 25, 2, 10, 0));  /* CET */
  g_assert_finalize_object (import);
  g_assert_finalize_object (report);
}

static void
test_dst_new_york (void)
{
  DebriefReport    *report = new_report (NEW_YORK, local (NEW_YORK, 2026, 10, 31, 23, 0, 0));
  DebriefLogImport *import = import_fixture (report, "new-york.txt", DEBRIEF_LOG_FORMAT_AUTO);

  /* Past midnight into the night the clocks go back (2026-11-01) */
  g_assert_cmpuint (n_problems (import), ==, 0);
  g_assert_cmpuint (n_entries (import), ==, 5);
  g_assert_cmpint (entry_time (import, 0), ==, utc (2026, 11, 1, 3, 45, 0)); /* EDT */
  g_assert_cmpint (entry_time (import, 1), ==, utc (2026, 11, 1, 4, 30, 0)); /* EDT */
  g_assert_cmpint (entry_time (import, 2), ==, utc (2026, 11, 1, 5, 30, 0)); /* EDT */
  g_assert_cmpint (entry_time (import, 3), ==, utc (2026, 11, 1, 6, 15, 0)); /* EST */
  g_assert_cmpint (entry_time (import, 4), ==, utc (2026, 11, 1, 7, 0, 0));  /* EST */
  g_assert_finalize_object (import);
  g_assert_finalize_object (report);

  /* Spring forward on 2026-03-08: 02:15 does not exist */
  report = new_report (NEW_YORK, local (NEW_YORK, 2026, 3, 8, 1, 0, 0));
  import = import_data (report, "01:50 a\n02:15 b\n03:05 c\n", -1, DEBRIEF_LOG_FORMAT_AUTO);
  g_assert_cmpuint (n_entries (import), ==, 2);
  g_assert_cmpint (entry_time (import, 1), ==, utc (2026, 3, 8, 7, 5, 0));
  g_assert_cmpuint (n_problems (import), ==, 1);
  check_problem (import, 0, 2, "02:15 b", "2026-03-08 02:15 does not exist in America/New_York…");
  g_assert_finalize_object (import);
  g_assert_finalize_object (report);
}

static void
test_csv (void)
{
  DebriefReport    *report = new_report (BERLIN, local (BERLIN, 2026, 12, 4, 10, 0, 0));
  DebriefLogImport *import = import_fixture (report, "entries.csv", DEBRIEF_LOG_FORMAT_AUTO);
  g_autoptr (DebriefTimelineEntry) entry = NULL;

  g_assert_cmpint (debrief_log_import_get_format (import), ==, DEBRIEF_LOG_FORMAT_CSV);
  g_assert_cmpuint (n_problems (import), ==, 0);
  g_assert_cmpuint (n_entries (import), ==, 5);
  check_entry (import, 0, local (BERLIN, 2026, 12, 4, 14, 2, 0), DEBRIEF_TIME_PRECISION_MINUTE,
               DEBRIEF_ENTRY_KIND_OBSERVATION, "Alert fired for auth-api, 30% errors");
  check_entry (import, 1, local (BERLIN, 2026, 12, 4, 14, 5, 0), DEBRIEF_TIME_PRECISION_MINUTE,
               DEBRIEF_ENTRY_KIND_ACTION, "Restarted pods\n(all three)");
  check_entry (import, 2, local (BERLIN, 2026, 12, 4, 14, 6, 0), DEBRIEF_TIME_PRECISION_MINUTE,
               DEBRIEF_ENTRY_KIND_DECISION, "He said \"roll back\"");
  check_entry (import, 3, local (BERLIN, 2026, 12, 4, 14, 10, 0), DEBRIEF_TIME_PRECISION_MINUTE,
               DEBRIEF_ENTRY_KIND_ACTION, "Rolled back");
  check_entry (import, 4, DEBRIEF_TIME_UNSET, DEBRIEF_TIME_PRECISION_UNKNOWN,
               DEBRIEF_ENTRY_KIND_OBSERVATION, "Someone saw errors earlier");
  check_source (import, 1, DEBRIEF_ENTRY_SOURCE_LOG);

  entry = g_list_model_get_item (debrief_log_import_get_entries (import), 0);
  g_assert_cmpint (debrief_timeline_entry_get_key_event (entry), ==, DEBRIEF_KEY_EVENT_DETECTED);
  g_clear_object (&entry);
  entry = g_list_model_get_item (debrief_log_import_get_entries (import), 3);
  g_assert_cmpint (debrief_timeline_entry_get_key_event (entry), ==, DEBRIEF_KEY_EVENT_MITIGATED);
  g_clear_object (&entry);
  g_assert_finalize_object (import);

  /* Semicolons, CRLF, separate date and time columns, past midnight */
  import = import_fixture (report, "semicolons.csv", DEBRIEF_LOG_FORMAT_AUTO);
  g_assert_cmpint (debrief_log_import_get_format (import), ==, DEBRIEF_LOG_FORMAT_CSV);
  g_assert_cmpuint (n_problems (import), ==, 0);
  g_assert_cmpuint (n_entries (import), ==, 2);
  check_entry (import, 0, local (BERLIN, 2026, 12, 4, 23, 55, 0), DEBRIEF_TIME_PRECISION_MINUTE,
               DEBRIEF_ENTRY_KIND_OBSERVATION, "late alert");
  check_entry (import, 1, local (BERLIN, 2026, 12, 5, 0, 10, 0), DEBRIEF_TIME_PRECISION_MINUTE,
               DEBRIEF_ENTRY_KIND_OBSERVATION, "after midnight");
  g_assert_finalize_object (import);

  /* Time-only rows go past midnight like a text log; a tab separated
   * file with another column order */
  import = import_data (report, "Message\tWhen\nlate\t23:50\nlater\t00:20\n", -1,
                        DEBRIEF_LOG_FORMAT_AUTO);
  g_assert_cmpint (debrief_log_import_get_format (import), ==, DEBRIEF_LOG_FORMAT_CSV);
  g_assert_cmpint (entry_time (import, 1), ==, local (BERLIN, 2026, 12, 5, 0, 20, 0));
  g_assert_finalize_object (import);

  g_assert_finalize_object (report);
}

static void
test_csv_bad_rows (void)
{
  DebriefReport        *report = new_report (BERLIN, local (BERLIN, 2026, 12, 4, 10, 0, 0));
  DebriefTimelineEntry *detected;
  DebriefLogImport     *import;
  g_autoptr (DebriefTimelineEntry) entry = NULL;

  /* The report has “detected” already */
  detected = debrief_timeline_entry_new (local (BERLIN, 2026, 12, 4, 14, 0, 0),
                                         DEBRIEF_TIME_PRECISION_MINUTE,
                                         DEBRIEF_ENTRY_KIND_OBSERVATION, "alert");
  debrief_report_insert_timeline_entry (report, 0, detected);
  g_object_unref (detected);
  debrief_report_tag_key_event (report, detected, DEBRIEF_KEY_EVENT_DETECTED);

  import = import_data (report,
                        "time,text,kind,key_event\n"       /* 1 */
                        "14:01,good one,,\n"               /* 2 */
                        "14:02,too,many,fields,here\n"     /* 3 */
                        "14:03,short\n"                    /* 4 */
                        "14:61,bad time,,\n"               /* 5 */
                        "14:04,odd kind,rumour,\n"         /* 6 */
                        "14:05,,,\n"                       /* 7 */
                        "14:06,bad bytes \xff,,\n"         /* 8 */
                        "14:07,tagged again,,detected\n"   /* 9 */
                        "14:08,resolved,,resolved\n"       /* 10 */
                        "14:09,resolved twice,,resolved\n" /* 11 */
                        "14:10,odd tag,,fixed\n"           /* 12 */
                        "\n"                               /* 13 */
                        "14:11,\"stray\"quote,,\n"         /* 14 */
                        "14:12,\"never closed\n"           /* 15 */
                        "14:13,lost,,\n",                  /* 16 */
                        -1, DEBRIEF_LOG_FORMAT_AUTO);

  g_assert_cmpuint (n_entries (import), ==, 4);
  check_entry (import, 0, local (BERLIN, 2026, 12, 4, 14, 1, 0), DEBRIEF_TIME_PRECISION_MINUTE,
               DEBRIEF_ENTRY_KIND_OBSERVATION, "good one");
  check_entry (import, 1, local (BERLIN, 2026, 12, 4, 14, 7, 0), DEBRIEF_TIME_PRECISION_MINUTE,
               DEBRIEF_ENTRY_KIND_OBSERVATION, "tagged again");
  check_entry (import, 2, local (BERLIN, 2026, 12, 4, 14, 8, 0), DEBRIEF_TIME_PRECISION_MINUTE,
               DEBRIEF_ENTRY_KIND_OBSERVATION, "resolved");
  check_entry (import, 3, local (BERLIN, 2026, 12, 4, 14, 9, 0), DEBRIEF_TIME_PRECISION_MINUTE,
               DEBRIEF_ENTRY_KIND_OBSERVATION, "resolved twice");
  entry = g_list_model_get_item (debrief_log_import_get_entries (import), 1);
  g_assert_cmpint (debrief_timeline_entry_get_key_event (entry), ==, DEBRIEF_KEY_EVENT_NONE);
  g_clear_object (&entry);
  entry = g_list_model_get_item (debrief_log_import_get_entries (import), 2);
  g_assert_cmpint (debrief_timeline_entry_get_key_event (entry), ==, DEBRIEF_KEY_EVENT_RESOLVED);
  g_clear_object (&entry);
  entry = g_list_model_get_item (debrief_log_import_get_entries (import), 3);
  g_assert_cmpint (debrief_timeline_entry_get_key_event (entry), ==, DEBRIEF_KEY_EVENT_NONE);
  g_clear_object (&entry);

  g_assert_cmpuint (n_problems (import), ==, 11);
  check_problem (import, 0, 3, "14:02,too,many,fields,here",
                 "The row has 5 fields but line 1 names 4 columns; it is left out. Put text that "
                 "holds the separator in double quotes.");
  check_problem (import, 1, 4, NULL, "The row has 2 fields but line 1 names 4 columns…");
  check_problem (import, 2, 5, "14:61,bad time,,",
                 "“14:61” is not a time of day. Write times as 14:02 or 14:02:33, from 00:00 to "
                 "23:59.");
  check_problem (import, 3, 6, NULL,
                 "“rumour” is not a kind of entry; the row is left out. Use observation, "
                 "action, decision, hypothesis or communication.");
  check_problem (import, 4, 7, NULL, "The row has no text; there is nothing to import.");
  check_problem (import, 5, 8, "14:06,bad bytes �,,", "The row is not valid UTF-8 text…");
  check_problem (import, 6, 9, NULL,
                 "Another entry is tagged “Detected” already; this entry is imported without the "
                 "tag. Tag it in the timeline to move the tag.");
  check_problem (import, 7, 11, NULL, "Another entry is tagged “Resolved” already…");
  check_problem (import, 8, 12, NULL,
                 "The key event cannot be read: “fixed” is not an accepted value. Use one of: "
                 "none, started, detected, acknowledged, mitigated, resolved. The row is left "
                 "out.");
  check_problem (import, 9, 14, NULL, "A quoted field is followed by more text…");
  check_problem (import, 10, 15, NULL, "A quoted field is never closed…");

  g_assert_finalize_object (import);
  g_assert_finalize_object (report);
}

static void
test_csv_missing_columns (void)
{
  DebriefReport *report = new_report (BERLIN, local (BERLIN, 2026, 12, 4, 10, 0, 0));
  g_autoptr (GFile) file = fixture ("missing-columns.csv");
  g_autoptr (GError) error = NULL;
  DebriefLogImport *import;

  import = debrief_log_import_new_from_file (report, file, DEBRIEF_LOG_FORMAT_AUTO, &error);
  g_assert_null (import);
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_FORMAT);
  g_assert_cmpstr (error->message, ==,
                   "The CSV file has no text column. Line 1 must name a column “text” (or "
                   "message, description, event); it names “timestamp”, “who”, “what”.");
  g_clear_error (&error);

  import_fails (report, "who,text\nalice,hello\n", -1, DEBRIEF_LOG_FORMAT_AUTO,
                DEBRIEF_ERROR_INVALID_FORMAT,
                "The CSV file has no time column. Line 1 must name a column “time” (or "
                "timestamp, date, when); it names “who”, “text”.");
  import_fails (report, "14:02 alert\n14:03 paged\n", -1, DEBRIEF_LOG_FORMAT_CSV,
                DEBRIEF_ERROR_INVALID_FORMAT,
                "The CSV file has no time column and no text column. Line 1 must name a column "
                "“time” (or timestamp, date, when) and a column “text” (or message, "
                "description, event); it names “14:02 alert”.");

  g_assert_finalize_object (report);
}

static void
test_slack (void)
{
  DebriefReport    *report = new_report (BERLIN, local (BERLIN, 2026, 12, 4, 10, 0, 0));
  DebriefLogImport *import = import_fixture (report, "slack.json", DEBRIEF_LOG_FORMAT_AUTO);

  g_assert_cmpint (debrief_log_import_get_format (import), ==, DEBRIEF_LOG_FORMAT_SLACK);
  g_assert_cmpuint (n_entries (import), ==, 3);
  check_entry (import, 0, utc (2026, 12, 4, 13, 2, 0), DEBRIEF_TIME_PRECISION_SECOND,
               DEBRIEF_ENTRY_KIND_OBSERVATION, "alice: errors on checkout & login");
  check_entry (import, 1, utc (2026, 12, 4, 13, 5, 0), DEBRIEF_TIME_PRECISION_SECOND,
               DEBRIEF_ENTRY_KIND_ACTION, "U0G9QF9C6: rolling back\nwill take 5 min");
  check_entry (import, 2, utc (2026, 12, 4, 13, 10, 0), DEBRIEF_TIME_PRECISION_SECOND,
               DEBRIEF_ENTRY_KIND_OBSERVATION, "Carol Ops: <rollback finished>");
  check_source (import, 0, DEBRIEF_ENTRY_SOURCE_CHAT);
  check_source (import, 2, DEBRIEF_ENTRY_SOURCE_CHAT);

  g_assert_cmpuint (n_problems (import), ==, 2);
  check_problem (import, 0, 22, NULL,
                 "The message has no text (files and attachments are not imported); it is left "
                 "out.");
  check_problem (import, 1, 29, "\"not a message\"",
                 "The item is not a message (a JSON object); it is left out.");
  g_assert_finalize_object (import);

  /* A message without a time */
  import = import_data (report,
                        "[{\"ts\": \"1796389320.1\", \"text\": \"a\"},\n {\"text\": \"b\"}]", -1,
                        DEBRIEF_LOG_FORMAT_SLACK);
  g_assert_cmpuint (n_entries (import), ==, 1);
  check_entry (import, 0, utc (2026, 12, 4, 13, 2, 0), DEBRIEF_TIME_PRECISION_SECOND,
               DEBRIEF_ENTRY_KIND_OBSERVATION, "a");
  check_problem (import, 0, 2, "{\"text\":\"b\"}",
                 "The message has no time (“ts”, in seconds since 1970); it is left out.");
  g_assert_finalize_object (import);

  g_assert_finalize_object (report);
}

static void
test_slack_wrong_shape (void)
{
  DebriefReport *report = new_report (BERLIN, local (BERLIN, 2026, 12, 4, 10, 0, 0));

  import_fails (report, "{\"messages\": []}", -1, DEBRIEF_LOG_FORMAT_AUTO,
                DEBRIEF_ERROR_INVALID_FORMAT,
                "The JSON file is not a Slack channel export: that is an array of messages, each "
                "with “ts”, “user” and “text”, and this file holds an object.");
  import_fails (report, "[\n\"a\",\n\"b\"]", -1, DEBRIEF_LOG_FORMAT_AUTO,
                DEBRIEF_ERROR_INVALID_FORMAT,
                "The JSON file is not a Slack channel export: none of its 2 items is a message "
                "with “ts”, “user” and “text” (line 2).");
  import_fails (report, "[1, 2]", -1, DEBRIEF_LOG_FORMAT_SLACK, DEBRIEF_ERROR_INVALID_FORMAT,
                "The JSON file is not a Slack channel export: none of its 2 items is a message "
                "with “ts”, “user” and “text” (line 1).");
  import_fails (report, "\"ts\"", -1, DEBRIEF_LOG_FORMAT_SLACK, DEBRIEF_ERROR_INVALID_FORMAT,
                "The JSON file is not a Slack channel export: that is an array of messages, each "
                "with “ts”, “user” and “text”, and this file holds a single value.");
  import_fails (report, "[{\"ts\": \"1\", \"text\": \"a\"},", -1, DEBRIEF_LOG_FORMAT_AUTO,
                DEBRIEF_ERROR_INVALID_FORMAT, NULL);
  import_fails (report, "[{\"ts\": \"1\",\n \"text\": \"caf\xe9\"}]", -1, DEBRIEF_LOG_FORMAT_SLACK,
                DEBRIEF_ERROR_INVALID_TEXT,
                "Line 2 of the Slack export is not valid UTF-8 text, so the export cannot be "
                "read. Export the channel again.");

  g_assert_finalize_object (report);
}

static void
test_detect (void)
{
  DebriefReport   *report = new_report (BERLIN, local (BERLIN, 2026, 12, 4, 10, 0, 0));
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "export.CSV", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  DebriefLogImport *import;

  /* A log that starts with a bracketed time is not JSON */
  import = import_data (report, "[14:02] alert\n", -1, DEBRIEF_LOG_FORMAT_AUTO);
  g_assert_cmpint (debrief_log_import_get_format (import), ==, DEBRIEF_LOG_FORMAT_TEXT);
  g_assert_cmpuint (n_entries (import), ==, 1);
  g_assert_finalize_object (import);

  /* A first line with commas but no column names is a text log */
  import = import_data (report, "14:02 alert, db slow\n", -1, DEBRIEF_LOG_FORMAT_AUTO);
  g_assert_cmpint (debrief_log_import_get_format (import), ==, DEBRIEF_LOG_FORMAT_TEXT);
  g_assert_finalize_object (import);

  /* Forcing text reads a CSV file as lines */
  import = import_data (report, "time,text\n14:02,alert\n", -1, DEBRIEF_LOG_FORMAT_TEXT);
  g_assert_cmpint (debrief_log_import_get_format (import), ==, DEBRIEF_LOG_FORMAT_TEXT);
  g_assert_cmpuint (n_problems (import), ==, 1);
  check_problem (import, 0, 1, "time,text", NO_TIME_MESSAGE);
  g_assert_cmpuint (n_entries (import), ==, 1);
  check_entry (import, 0, local (BERLIN, 2026, 12, 4, 14, 2, 0), DEBRIEF_TIME_PRECISION_MINUTE,
               DEBRIEF_ENTRY_KIND_OBSERVATION, "alert");
  g_assert_finalize_object (import);

  /* The file name decides when the contents do not */
  debrief_test_write_file (path, "When?,What?\n14:02,alert\n", -1);
  import = debrief_log_import_new_from_file (report, file, DEBRIEF_LOG_FORMAT_AUTO, &error);
  g_assert_null (import);
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_FORMAT);

  debrief_test_remove_dir (dir);
  g_assert_finalize_object (report);
}

static void
test_bad_input (void)
{
  DebriefReport   *report = new_report (BERLIN, local (BERLIN, 2026, 12, 4, 10, 0, 0));
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.log", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  static const char binary[] = "14:02 ok\n\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  DebriefLogImport *import;
  int               fd;

  /* Binary data */
  import_fails (report, binary, sizeof binary - 1, DEBRIEF_LOG_FORMAT_AUTO,
                DEBRIEF_ERROR_INVALID_FORMAT,
                "This is not a text log: line 4 holds a NUL byte, which text never does. Import "
                "a plain text log, a CSV file or a Slack export.");

  /* Invalid UTF-8: each bad line is listed, the rest is read */
  import = import_data (report, "14:02 caf\xe9 opened\n14:03 ok\n  more \xc3\x28\n14:04 end\n", -1,
                        DEBRIEF_LOG_FORMAT_AUTO);
  g_assert_cmpuint (n_entries (import), ==, 2);
  check_entry (import, 0, local (BERLIN, 2026, 12, 4, 14, 3, 0), DEBRIEF_TIME_PRECISION_MINUTE,
               DEBRIEF_ENTRY_KIND_OBSERVATION, "ok");
  g_assert_cmpuint (n_problems (import), ==, 2);
  check_problem (import, 0, 1, "14:02 caf� opened",
                 "The line is not valid UTF-8 text; it is left out. Save the log as UTF-8 and "
                 "import it again.");
  check_problem (import, 1, 3, NULL, "The line is not valid UTF-8 text…");
  g_assert_finalize_object (import);

  /* A 500 MB file is refused before it is read */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 500 * 1024 * 1024), ==, 0);
  g_close (fd, NULL);
  import = debrief_log_import_new_from_file (report, file, DEBRIEF_LOG_FORMAT_AUTO, &error);
  g_assert_null (import);
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.log"));
  g_clear_error (&error);

  /* Very long lines are shortened in the problem list */
  {
    g_autoptr (GString) text = g_string_new ("intro ");

    for (guint i = 0; i < 100; i++)
      g_string_append (text, "wörd ");
    import = import_data (report, text->str, -1, DEBRIEF_LOG_FORMAT_TEXT);
    check_problem (import, 0, 1, "intro wörd wörd wörd wörd wörd wörd wörd wörd wörd wörd wörd…",
                   NULL);
    g_assert_finalize_object (import);
  }

  debrief_test_remove_dir (dir);
  g_assert_finalize_object (report);
}

static void
test_unknown_zone (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "lib.debrief");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_bytes_new_static ("14:02 alert\n", 12);
  g_autofree char *uuid = NULL;
  DebriefLibrary  *library;
  DebriefReport   *report;
  sqlite3         *db = NULL;

  library = debrief_test_open_library (file);
  report = debrief_library_create_report (library, "Zone", &error);
  g_assert_no_error (error);
  uuid = g_strdup (debrief_report_get_uuid (report));
  g_assert_true (debrief_library_flush (library, &error));
  g_assert_finalize_object (library);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (
      sqlite3_exec (db, "UPDATE reports SET timezone = 'Mars/Olympus_Mons'", NULL, NULL, NULL), ==,
      SQLITE_OK);
  sqlite3_close (db);

  library = debrief_test_open_library (file);
  report = debrief_library_find_report (library, uuid);
  g_assert_true (debrief_report_ensure_loaded (report, &error));
  g_assert_null (
      debrief_log_import_new_from_bytes (report, bytes, DEBRIEF_LOG_FORMAT_AUTO, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME_ZONE);
  g_assert_true (g_str_has_prefix (error->message, "The report’s time zone cannot be used"));
  g_assert_nonnull (strstr (error->message, "Mars/Olympus_Mons"));
  g_assert_finalize_object (library);

  debrief_test_remove_dir (dir);
}

static char *
timeline_texts (DebriefReport *report)
{
  GListModel *timeline = debrief_report_get_timeline (report);
  GString    *str = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (timeline); i++)
    {
      g_autoptr (DebriefTimelineEntry) entry = g_list_model_get_item (timeline, i);

      g_string_append_printf (str, "%s%s", i > 0 ? "|" : "",
                              debrief_timeline_entry_get_text (entry));
    }

  return g_string_free (str, FALSE);
}

static DebriefReport *
reopen (DebriefLibrary **library, GFile *file, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  DebriefReport *report;

  if (*library != NULL)
    {
      g_assert_true (debrief_library_flush (*library, &error));
      g_assert_no_error (error);
      g_assert_finalize_object (*library);
    }
  *library = debrief_test_open_library (file);
  report = debrief_library_find_report (*library, uuid);
  g_assert_true (debrief_report_ensure_loaded (report, &error));
  g_assert_no_error (error);

  return report;
}

static void
count_changes_cb (GListModel *model, guint position, guint removed, guint added, guint *count)
{
  (*count)++;
}

static void
test_apply_and_undo (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "lib.debrief");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) added = NULL;
  g_autofree char      *uuid = NULL;
  g_autofree char      *texts = NULL;
  DebriefLibrary       *library = NULL;
  DebriefReport        *report;
  DebriefLogImport     *import;
  DebriefTimelineEntry *existing;
  DebriefTimelineEntry *tagged;
  guint                 changes = 0;

  library = debrief_test_open_library (file);
  report = debrief_library_create_report (library, "Import", &error);
  g_assert_no_error (error);
  uuid = g_strdup (debrief_report_get_uuid (report));
  g_assert_true (debrief_report_set_timezone (report, BERLIN, &error));
  debrief_report_set_started_at (report, local (BERLIN, 2026, 12, 4, 13, 0, 0));
  existing = debrief_timeline_entry_new (DEBRIEF_TIME_UNSET, DEBRIEF_TIME_PRECISION_UNKNOWN,
                                         DEBRIEF_ENTRY_KIND_OBSERVATION, "typed before");
  debrief_report_insert_timeline_entry (report, 0, existing);
  g_object_unref (existing);

  import = import_data (report,
                        "time,text,key_event\n"
                        "14:00,errors start,\n"
                        "14:02,alert,detected\n"
                        "xx,unreadable,\n",
                        -1, DEBRIEF_LOG_FORMAT_AUTO);
  g_assert_cmpuint (n_entries (import), ==, 2);
  g_assert_cmpuint (n_problems (import), ==, 1);
  check_problem (import, 0, 4, "xx,unreadable,", NULL);
  g_assert_finalize_object (import);

  /* Nothing is stored by a preview */
  report = reopen (&library, file, uuid);
  texts = timeline_texts (report);
  g_assert_cmpstr (texts, ==, "typed before");
  g_clear_pointer (&texts, g_free);

  import = import_data (report,
                        "time,text,key_event\n"
                        "14:00,errors start,\n"
                        "14:02,alert,detected\n"
                        "xx,unreadable,\n",
                        -1, DEBRIEF_LOG_FORMAT_AUTO);
  /* “detected” is tagged in the report after the preview was made */
  existing = g_list_model_get_item (debrief_report_get_timeline (report), 0);
  debrief_report_tag_key_event (report, existing, DEBRIEF_KEY_EVENT_DETECTED);
  g_object_unref (existing);

  g_signal_connect (debrief_report_get_timeline (report), "items-changed",
                    G_CALLBACK (count_changes_cb), &changes);
  added = debrief_log_import_apply (import);
  g_signal_handlers_disconnect_by_func (debrief_report_get_timeline (report), count_changes_cb,
                                        &changes);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (added->len, ==, 2);
  g_assert_true (debrief_log_import_get_applied (import));
  texts = timeline_texts (report);
  g_assert_cmpstr (texts, ==, "typed before|errors start|alert");
  g_clear_pointer (&texts, g_free);
  /* The tag the report got after the preview stays where it is */
  tagged = debrief_report_find_key_event (report, DEBRIEF_KEY_EVENT_DETECTED);
  g_assert_cmpstr (debrief_timeline_entry_get_text (tagged), ==, "typed before");
  g_assert_cmpint (debrief_timeline_entry_get_key_event (g_ptr_array_index (added, 1)), ==,
                   DEBRIEF_KEY_EVENT_NONE);
  g_assert_finalize_object (import);

  report = reopen (&library, file, uuid);
  texts = timeline_texts (report);
  g_assert_cmpstr (texts, ==, "typed before|errors start|alert");
  g_clear_pointer (&texts, g_free);
  {
    g_autoptr (DebriefTimelineEntry)
        entry = g_list_model_get_item (debrief_report_get_timeline (report), 2);

    g_assert_cmpint (debrief_timeline_entry_get_occurred_at (entry), ==,
                     local (BERLIN, 2026, 12, 4, 14, 2, 0));
    g_assert_cmpint (debrief_timeline_entry_get_source (entry), ==, DEBRIEF_ENTRY_SOURCE_LOG);
  }

  /* Undo in one step */
  g_clear_pointer (&added, g_ptr_array_unref);
  added = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (added, g_list_model_get_item (debrief_report_get_timeline (report), 1));
  g_ptr_array_add (added, g_list_model_get_item (debrief_report_get_timeline (report), 2));
  g_assert_cmpuint (debrief_report_remove_timeline_entries (report, added), ==, 2);
  report = reopen (&library, file, uuid);
  texts = timeline_texts (report);
  g_assert_cmpstr (texts, ==, "typed before");

  g_assert_finalize_object (library);
  debrief_test_remove_dir (dir);
}

static void
async_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Drops @result and waits until the worker thread has let go of the task
 * too, so that the report it holds can be finalized */
static void
drop_result (GAsyncResult **result)
{
  gpointer task = *result;

  g_object_add_weak_pointer (task, &task);
  g_clear_object (result);
  while (task != NULL)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
test_async (void)
{
  DebriefReport *report = new_report (BERLIN, local (BERLIN, 2026, 12, 4, 10, 0, 0));
  g_autoptr (GFile) file = fixture ("worklog.txt");
  g_autoptr (GFile) missing = fixture ("no-such-log.txt");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  GAsyncResult     *result = NULL;
  DebriefLogImport *import;

  debrief_log_import_new_from_file_async (report, file, DEBRIEF_LOG_FORMAT_AUTO, NULL,
                                          async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  import = debrief_log_import_new_from_file_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_entries (import), ==, 9);
  g_assert_cmpuint (n_problems (import), ==, 2);
  check_entry (import, 0, local (BERLIN, 2026, 12, 4, 14, 2, 0), DEBRIEF_TIME_PRECISION_MINUTE,
               DEBRIEF_ENTRY_KIND_OBSERVATION, "alert fired for auth-api");
  g_assert_true (debrief_log_import_get_report (import) == report);
  g_assert_finalize_object (import);
  drop_result (&result);

  debrief_log_import_new_from_file_async (report, missing, DEBRIEF_LOG_FORMAT_AUTO, NULL,
                                          async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (debrief_log_import_new_from_file_finish (result, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  drop_result (&result);

  g_cancellable_cancel (cancellable);
  debrief_log_import_new_from_file_async (report, file, DEBRIEF_LOG_FORMAT_AUTO, cancellable,
                                          async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (debrief_log_import_new_from_file_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  drop_result (&result);

  g_assert_finalize_object (report);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/log-import/text/forms", test_text_forms);
  g_test_add_func ("/log-import/text/details", test_text_details);
  g_test_add_func ("/log-import/text/midnight", test_midnight);
  g_test_add_func ("/log-import/text/start-day", test_start_day);
  g_test_add_func ("/log-import/text/dst-berlin", test_dst_berlin);
  g_test_add_func ("/log-import/text/dst-new-york", test_dst_new_york);
  g_test_add_func ("/log-import/csv/read", test_csv);
  g_test_add_func ("/log-import/csv/bad-rows", test_csv_bad_rows);
  g_test_add_func ("/log-import/csv/missing-columns", test_csv_missing_columns);
  g_test_add_func ("/log-import/slack/read", test_slack);
  g_test_add_func ("/log-import/slack/wrong-shape", test_slack_wrong_shape);
  g_test_add_func ("/log-import/detect", test_detect);
  g_test_add_func ("/log-import/bad-input", test_bad_input);
  g_test_add_func ("/log-import/unknown-zone", test_unknown_zone);
  g_test_add_func ("/log-import/apply-and-undo", test_apply_and_undo);
  g_test_add_func ("/log-import/async", test_async);

  return g_test_run ();
}
