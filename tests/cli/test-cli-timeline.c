/* test-cli-timeline.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <unistd.h>

#include "cli-test-util.h"

/* timeline add|import|list|move and metrics, run as a user or a script
 * would: what they print, what they exit with, and what the timeline
 * holds afterwards (read back by another run of the program). */

static char *
new_report (const char *library, const char *title, const char *zone, const char *started)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (CliRun) run = NULL;

  g_ptr_array_add (args, (gpointer) "--library");
  g_ptr_array_add (args, (gpointer) library);
  g_ptr_array_add (args, (gpointer) "new");
  g_ptr_array_add (args, (gpointer) "--title");
  g_ptr_array_add (args, (gpointer) title);
  g_ptr_array_add (args, (gpointer) "--timezone");
  g_ptr_array_add (args, (gpointer) zone);
  if (started != NULL)
    {
      g_ptr_array_add (args, (gpointer) "--started");
      g_ptr_array_add (args, (gpointer) started);
    }
  g_ptr_array_add (args, NULL);

  run = cli_runv (NULL, NULL, (const char *const *) args->pdata);
  cli_assert_status (run, 0);
  g_strchomp (run->out);
  g_assert_true (g_uuid_string_is_valid (run->out));

  return g_strdup (run->out);
}

/* Adds an entry and checks the number it prints */
static void
add_entry (const char *lib,
           const char *report,
           const char *at,
           const char *kind,
           const char *key_event,
           const char *text,
           guint       expected_number)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (CliRun) run = NULL;
  g_autofree char *expected = g_strdup_printf ("%u\n", expected_number);

  g_ptr_array_add (args, (gpointer) "--library");
  g_ptr_array_add (args, (gpointer) lib);
  g_ptr_array_add (args, (gpointer) "timeline");
  g_ptr_array_add (args, (gpointer) "add");
  g_ptr_array_add (args, (gpointer) report);
  g_ptr_array_add (args, (gpointer) "--at");
  g_ptr_array_add (args, (gpointer) at);
  if (kind != NULL)
    {
      g_ptr_array_add (args, (gpointer) "--kind");
      g_ptr_array_add (args, (gpointer) kind);
    }
  if (key_event != NULL)
    {
      g_ptr_array_add (args, (gpointer) "--key-event");
      g_ptr_array_add (args, (gpointer) key_event);
    }
  g_ptr_array_add (args, (gpointer) text);
  g_ptr_array_add (args, NULL);

  run = cli_runv (NULL, NULL, (const char *const *) args->pdata);
  cli_assert_status (run, 0);
  g_assert_cmpstr (run->out, ==, expected);
}

static const char *
entry_string (JsonNode *timeline, guint index, const char *member)
{
  JsonObject *entry = cli_array_object (timeline, index);

  g_assert_true (json_object_has_member (entry, member));

  return json_object_get_string_member (entry, member);
}

static guint
timeline_length (const char *lib, const char *report)
{
  g_autoptr (JsonNode) timeline = cli_timeline (lib, report);

  return json_array_get_length (json_node_get_array (timeline));
}

static void
test_help (void)
{
  g_autofree char  *dir = debrief_test_make_dir ();
  g_autofree char  *lib = cli_path (dir, "lib.debrief");
  const char *const subcommands[] = { "add", "import", "list", "move" };
  g_autoptr (CliRun) top = cli_run (lib, "--help", NULL);
  g_autoptr (CliRun) group = cli_run (lib, "timeline", "--help", NULL);
  g_autoptr (CliRun) metrics = cli_run (lib, "metrics", "--help", NULL);
  g_autoptr (CliRun) add = cli_run (lib, "timeline", "add", "--help", NULL);
  g_autoptr (CliRun) import = cli_run (lib, "timeline", "import", "--help", NULL);

  cli_assert_status (top, 0);
  g_assert_nonnull (strstr (top->out, "\n  timeline add "));
  g_assert_nonnull (strstr (top->out, "\n  timeline import "));
  g_assert_nonnull (strstr (top->out, "\n  metrics "));

  cli_assert_status (group, 0);
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", subcommands[i]);
      g_autofree char *usage = g_strdup_printf ("debrief-cli timeline %s [OPTION…]",
                                                subcommands[i]);
      g_autoptr (CliRun) run = cli_run (lib, "timeline", subcommands[i], "--help", NULL);

      g_assert_nonnull (strstr (group->out, line));
      cli_assert_status (run, 0);
      g_assert_cmpstr (run->err, ==, "");
      g_assert_nonnull (strstr (run->out, usage));
    }

  cli_assert_status (metrics, 0);
  g_assert_nonnull (strstr (metrics->out, "debrief-cli metrics [OPTION…] REPORT"));
  g_assert_nonnull (strstr (metrics->out, "--json"));
  g_assert_nonnull (strstr (add->out, "--key-event"));
  g_assert_nonnull (strstr (add->out, "“unknown”"));
  g_assert_nonnull (strstr (import->out, "--strict"));
  g_assert_nonnull (strstr (import->out, "FILE:LINE: message"));

  /* Asking for help touches no library */
  g_assert_false (g_file_test (lib, G_FILE_TEST_EXISTS));

  debrief_test_remove_dir (dir);
}

static void
test_add_time_forms (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  /* The night the clocks go forward in Berlin: 2026-03-29 02:00 → 03:00 */
  g_autofree char *uuid = new_report (lib, "Night of the DST change", "Europe/Berlin",
                                      "2026-03-28 22:00");
  g_autoptr (JsonNode) timeline = NULL;
  const struct
  {
    const char *at;
    const char *utc;
    const char *precision;
  } forms[] = {
    { "unknown", NULL, "unknown" },
    /* No timed entry yet: the day the incident started */
    { "23:30", "2026-03-28T22:30:00Z", "minute" },
    { "23:45:10", "2026-03-28T22:45:10Z", "second" },
    { "2026-03-29 01:15", "2026-03-29T00:15:00Z", "minute" },
    /* The day of the last timed entry, now in summer time */
    { "03:30", "2026-03-29T01:30:00Z", "minute" },
    { "2026-03-29T12:00+02:00", "2026-03-29T10:00:00Z", "minute" },
    { "2026-03-29T10:05:30Z", "2026-03-29T10:05:30Z", "second" },
    { "2026-03-30", NULL, "day" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *text = g_strdup_printf ("entry %u", i + 1);

      add_entry (lib, uuid, forms[i].at, NULL, NULL, text, i + 1);
    }

  timeline = cli_timeline (lib, uuid);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (timeline)), ==,
                    G_N_ELEMENTS (forms));
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *text = g_strdup_printf ("entry %u", i + 1);

      g_assert_cmpstr (entry_string (timeline, i, "text"), ==, text);
      g_assert_cmpstr (entry_string (timeline, i, "precision"), ==, forms[i].precision);
      g_assert_cmpstr (entry_string (timeline, i, "kind"), ==, "observation");
      g_assert_cmpstr (entry_string (timeline, i, "source"), ==, "typed");
      if (forms[i].utc != NULL)
        g_assert_cmpstr (entry_string (timeline, i, "time"), ==, forms[i].utc);
    }
  g_assert_true (json_object_get_null_member (cli_array_object (timeline, 0), "time"));
  g_assert_true (g_str_has_prefix (entry_string (timeline, 7, "time"), "2026-03-2"));

  /* The list shows each time in the report's zone with its abbreviation,
   * and the dates, since the timeline spans several days */
  {
    g_autoptr (CliRun) list = cli_run (lib, "timeline", "list", uuid, NULL);

    cli_assert_status (list, 0);
    g_assert_nonnull (strstr (list->out, "2026-03-28 23:30 CET"));
    g_assert_nonnull (strstr (list->out, "2026-03-28 23:45:10 CET"));
    g_assert_nonnull (strstr (list->out, "2026-03-29 03:30 CEST"));
    g_assert_nonnull (strstr (list->out, "2026-03-29 12:00 CEST"));
    g_assert_nonnull (strstr (list->out, "2026-03-30 "));
    g_assert_nonnull (strstr (list->out, "unknown"));
  }

  /* Times that cannot be: refused, and nothing added */
  {
    g_autoptr (CliRun) gap = cli_run (lib, "timeline", "add", uuid, "--at", "2026-03-29 02:30",
                                      "in the gap", NULL);
    g_autoptr (CliRun) bare_gap = NULL;
    g_autoptr (CliRun) hour = cli_run (lib, "timeline", "add", uuid, "--at", "24:00", "x", NULL);
    g_autoptr (CliRun) word = cli_run (lib, "timeline", "add", uuid, "--at", "soon", "x", NULL);
    g_autoptr (CliRun)
        day = cli_run (lib, "timeline", "add", uuid, "--at", "2026-02-30 10:00", "x", NULL);
    g_autoptr (CliRun) missing = cli_run (lib, "timeline", "add", uuid, "x", NULL);
    g_autoptr (CliRun) no_text = cli_run (lib, "timeline", "add", uuid, "--at", "10:00", NULL);
    g_autoptr (CliRun) blank = cli_run (lib, "timeline", "add", uuid, "--at", "10:00", "  ", NULL);

    cli_assert_failure (gap, 1, "2026-03-29 02:30 does not exist in Europe/Berlin");
    cli_assert_failure (hour, 1, "“24:00” is not a time of day");
    cli_assert_failure (word, 1, "“soon” is not a time Debrief can read");
    cli_assert_failure (day, 1, "2026-02-30 10:00");
    cli_assert_failure (missing, 2, "Missing --at TIME");
    cli_assert_failure (no_text, 2, "Missing the argument TEXT");
    cli_assert_failure (blank, 1, "The entry’s text is empty");

    /* A bare time on the night of the change: the current day is the
     * 30th now, so move to a report whose current day is the 29th */
    {
      g_autofree char *other = new_report (lib, "Spring forward", "Europe/Berlin",
                                           "2026-03-29 00:10");

      bare_gap = cli_run (lib, "timeline", "add", other, "--at", "02:30", "in the gap", NULL);
      cli_assert_failure (bare_gap, 1, "2026-03-29 02:30 does not exist in Europe/Berlin");
      g_assert_cmpuint (timeline_length (lib, other), ==, 0);
    }
  }
  g_assert_cmpuint (timeline_length (lib, uuid), ==, G_N_ELEMENTS (forms));

  debrief_test_remove_dir (dir);
}

static void
test_add_today (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *uuid = new_report (lib, "Started just now", "UTC", NULL);
  g_autoptr (GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) after = NULL;
  g_autoptr (JsonNode) timeline = NULL;
  g_autofree char *day_before = g_date_time_format (before, "%Y-%m-%dT10:00:00Z");
  g_autofree char *day_after = NULL;
  const char      *time;

  /* Neither a timed entry nor a start: the time falls on today */
  add_entry (lib, uuid, "10:00", NULL, NULL, "first", 1);
  after = g_date_time_new_now_utc ();
  day_after = g_date_time_format (after, "%Y-%m-%dT10:00:00Z");

  timeline = cli_timeline (lib, uuid);
  time = entry_string (timeline, 0, "time");
  g_assert_true (g_str_equal (time, day_before) || g_str_equal (time, day_after));

  debrief_test_remove_dir (dir);
}

static void
test_kinds_and_key_events (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *uuid = new_report (lib, "Kinds", "UTC", "2026-06-01 09:00");
  g_autoptr (JsonNode) timeline = NULL;
  const struct
  {
    const char *given;
    const char *kind;
    const char *label;
  } kinds[] = {
    { "observation", "observation", "Observation" },
    { "act", "action", "Action" },
    { "Decision", "decision", "Decision" },
    { "hyp", "hypothesis", "Hypothesis" },
    { "communication", "communication", "Communication" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *at = g_strdup_printf ("09:%02u", i + 1);

      add_entry (lib, uuid, at, kinds[i].given, NULL, kinds[i].kind, i + 1);
    }

  timeline = cli_timeline (lib, uuid);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_assert_cmpstr (entry_string (timeline, i, "kind"), ==, kinds[i].kind);
      g_assert_true (json_object_get_null_member (cli_array_object (timeline, i), "key_event"));
    }

  {
    g_autoptr (CliRun) list = cli_run (lib, "timeline", "list", uuid, NULL);

    cli_assert_status (list, 0);
    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      g_assert_nonnull (strstr (list->out, kinds[i].label));
    /* One day only: times without dates */
    g_assert_nonnull (strstr (list->out, "  09:04 UTC  "));
    g_assert_null (strstr (list->out, "2026-06-01"));
  }

  /* Key events; the text may be several words */
  {
    g_autoptr (CliRun) started = cli_run (lib, "timeline", "add", uuid, "--at", "09:10",
                                          "--key-event", "started", "bad", "deploy", NULL);
    g_autoptr (CliRun) detected = cli_run (lib, "timeline", "add", uuid, "--at", "09:20", "-e",
                                           "detected", "pager", "went", "off", NULL);
    g_autoptr (CliRun) moved = NULL;

    cli_assert_status (started, 0);
    g_assert_cmpstr (started->out, ==, "6\n");
    g_assert_cmpstr (started->err, ==, "");
    cli_assert_status (detected, 0);
    g_assert_cmpstr (detected->out, ==, "7\n");

    /* Tagging another entry moves the tag, and says so */
    moved = cli_run (lib, "timeline", "add", uuid, "--at", "09:25", "--key-event", "Detected",
                     "customer ticket", NULL);
    cli_assert_status (moved, 0);
    g_assert_cmpstr (moved->out, ==, "8\n");
    g_assert_nonnull (
        strstr (moved->err, "The key event “Detected” moved from entry 7 to the new entry 8."));
  }

  g_clear_pointer (&timeline, json_node_unref);
  timeline = cli_timeline (lib, uuid);
  g_assert_cmpstr (entry_string (timeline, 5, "text"), ==, "bad deploy");
  g_assert_cmpstr (entry_string (timeline, 5, "key_event"), ==, "started");
  g_assert_cmpstr (entry_string (timeline, 6, "text"), ==, "pager went off");
  g_assert_true (json_object_get_null_member (cli_array_object (timeline, 6), "key_event"));
  g_assert_cmpstr (entry_string (timeline, 7, "key_event"), ==, "detected");

  {
    g_autoptr (CliRun) list = cli_run (lib, "timeline", "list", uuid, NULL);

    cli_assert_status (list, 0);
    g_assert_nonnull (strstr (list->out, "Started    bad deploy"));
    g_assert_nonnull (strstr (list->out, "Detected   customer ticket"));
    g_assert_nonnull (strstr (list->out, "—          pager went off"));
  }

  /* Unknown kinds and key events are usage errors; nothing is added */
  {
    g_autoptr (CliRun) kind = cli_run (lib, "timeline", "add", uuid, "--at", "10:00", "--kind",
                                       "rumour", "x", NULL);
    g_autoptr (CliRun) key = cli_run (lib, "timeline", "add", uuid, "--at", "10:00", "--key-event",
                                      "fixed", "x", NULL);

    cli_assert_failure (kind, 2, "“rumour” is not an accepted value");
    g_assert_nonnull (strstr (kind->err, "hypothesis"));
    cli_assert_failure (key, 2, "“fixed” is not an accepted value");
    g_assert_nonnull (strstr (key->err, "mitigated"));
  }
  g_assert_cmpuint (timeline_length (lib, uuid), ==, 8);

  debrief_test_remove_dir (dir);
}

static void
test_list (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *uuid = new_report (lib, "Listed", "America/New_York", "2026-07-04 20:00");
  g_autofree char *log = cli_path (dir, "log.txt");
  g_autoptr (JsonNode) timeline = NULL;

  {
    g_autoptr (CliRun) empty = cli_run (lib, "timeline", "list", uuid, NULL);
    g_autoptr (CliRun) empty_json = cli_run (lib, "timeline", "list", "--json", uuid, NULL);

    cli_assert_status (empty, 0);
    g_assert_nonnull (strstr (empty->out, "“Listed” has no timeline entries yet"));
    cli_assert_status (empty_json, 0);
    g_assert_cmpstr (g_strstrip (empty_json->out), ==, "[]");
  }

  debrief_test_write_file (log,
                           "20:05 fireworks traffic spike\n"
                           "  p99 at 4 s\n"
                           "  queue depth 10k\n"
                           "20:01 obs: late entry\n"
                           "20:20 act: scaled out\n",
                           -1);
  {
    g_autoptr (CliRun) import = cli_run (lib, "timeline", "import", uuid, log, NULL);

    cli_assert_status (import, 0);
    g_assert_cmpstr (import->out, ==, "3\n");
  }

  /* The entry at 20:01 sits after 20:05: both are out of order */
  {
    g_autoptr (CliRun) list = cli_run (lib, "timeline", "list", uuid, NULL);
    g_auto (GStrv) lines = NULL;
    const char *text_column;
    gsize       column;

    cli_assert_status (list, 0);
    lines = g_strsplit (list->out, "\n", -1);
    g_assert_true (g_str_has_prefix (lines[0], "#   TIME"));
    g_assert_true (g_str_has_prefix (lines[1], "1*  20:05 EDT  Observation  —"));
    /* Continuation lines line up under the text, in columns on the
     * screen (the dash of the key event column is one column, three
     * bytes) */
    text_column = strstr (lines[1], "fireworks");
    g_assert_nonnull (text_column);
    column = (gsize) g_utf8_strlen (lines[1], text_column - lines[1]);
    g_assert_cmpuint (strlen (lines[2]), >, column);
    g_assert_cmpstr (lines[2] + column, ==, "p99 at 4 s");
    g_assert_cmpstr (lines[3] + column, ==, "queue depth 10k");
    for (gsize c = 0; c < column; c++)
      {
        g_assert_cmpint (lines[2][c], ==, ' ');
        g_assert_cmpint (lines[3][c], ==, ' ');
      }
    g_assert_true (g_str_has_prefix (lines[4], "2*  20:01 EDT  Observation"));
    g_assert_true (g_str_has_prefix (lines[5], "3   20:20 EDT  Action"));
    g_assert_nonnull (strstr (list->out, "* Out of order"));
  }

  timeline = cli_timeline (lib, uuid);
  g_assert_cmpstr (entry_string (timeline, 0, "text"), ==,
                   "fireworks traffic spike\np99 at 4 s\nqueue depth 10k");
  g_assert_cmpstr (entry_string (timeline, 0, "local_time"), ==, "20:05 EDT");
  g_assert_cmpstr (entry_string (timeline, 0, "time"), ==, "2026-07-05T00:05:00Z");
  g_assert_cmpstr (entry_string (timeline, 0, "source"), ==, "log");
  g_assert_true (json_object_get_boolean_member (cli_array_object (timeline, 0), "out_of_order"));
  g_assert_true (json_object_get_boolean_member (cli_array_object (timeline, 1), "out_of_order"));
  g_assert_false (json_object_get_boolean_member (cli_array_object (timeline, 2), "out_of_order"));
  g_assert_true (g_uuid_string_is_valid (entry_string (timeline, 2, "uuid")));

  /* Reordered, nothing is out of order any more */
  {
    g_autoptr (CliRun) move = cli_run (lib, "timeline", "move", uuid, "2", "1", NULL);
    g_autoptr (CliRun) list = NULL;

    cli_assert_status (move, 0);
    list = cli_run (lib, "timeline", "list", uuid, NULL);
    g_assert_null (strstr (list->out, "*"));
  }

  debrief_test_remove_dir (dir);
}

static void
test_move (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *uuid = new_report (lib, "Reordered", "UTC", NULL);
  g_autofree char *texts = NULL;

  add_entry (lib, uuid, "unknown", NULL, NULL, "A", 1);
  add_entry (lib, uuid, "unknown", NULL, NULL, "B", 2);
  add_entry (lib, uuid, "unknown", NULL, NULL, "C", 3);
  add_entry (lib, uuid, "unknown", NULL, NULL, "D", 4);

  {
    g_autoptr (CliRun) move = cli_run (lib, "timeline", "move", uuid, "4", "1", NULL);

    cli_assert_status (move, 0);
    g_assert_cmpstr (move->out, ==, "");
  }
  /* Each run is a new process: the order was stored */
  texts = cli_timeline_texts (lib, uuid);
  g_assert_cmpstr (texts, ==, "D | A | B | C");
  g_clear_pointer (&texts, g_free);

  {
    g_autoptr (CliRun) move = cli_run (lib, "timeline", "move", uuid, "1", "3", NULL);
    g_autoptr (CliRun) same = cli_run (lib, "timeline", "move", uuid, "2", "2", NULL);

    cli_assert_status (move, 0);
    cli_assert_status (same, 0);
  }
  texts = cli_timeline_texts (lib, uuid);
  g_assert_cmpstr (texts, ==, "A | B | D | C");
  g_clear_pointer (&texts, g_free);

  {
    g_autoptr (CliRun) zero = cli_run (lib, "timeline", "move", uuid, "0", "1", NULL);
    g_autoptr (CliRun) word = cli_run (lib, "timeline", "move", uuid, "1", "last", NULL);
    g_autoptr (CliRun) beyond = cli_run (lib, "timeline", "move", uuid, "5", "1", NULL);
    g_autoptr (CliRun) beyond_to = cli_run (lib, "timeline", "move", uuid, "1", "9", NULL);
    g_autoptr (CliRun) missing = cli_run (lib, "timeline", "move", uuid, "1", NULL);

    cli_assert_failure (zero, 2, "“0” is not an entry number");
    cli_assert_failure (word, 2, "“last” is not an entry number");
    cli_assert_failure (beyond, 1, "has 4 entries, so there is no entry 5");
    cli_assert_failure (beyond_to, 1, "has 4 entries, so there is no entry 9");
    cli_assert_failure (missing, 2, "Missing the argument TO");
  }
  texts = cli_timeline_texts (lib, uuid);
  g_assert_cmpstr (texts, ==, "A | B | D | C");

  debrief_test_remove_dir (dir);
}

static JsonObject *
find_metric (JsonNode *root, const char *name)
{
  JsonArray *metrics = json_object_get_array_member (json_node_get_object (root), "metrics");

  g_assert_cmpuint (json_array_get_length (metrics), ==, 5);
  for (guint i = 0; i < json_array_get_length (metrics); i++)
    {
      JsonObject *metric = json_array_get_object_element (metrics, i);

      if (g_str_equal (json_object_get_string_member (metric, "metric"), name))
        return metric;
    }

  g_error ("No metric “%s”", name);
}

static gint64
entry_number (JsonObject *metric, const char *end)
{
  JsonObject *entry = json_object_get_object_member (metric, end);

  g_assert_nonnull (entry);

  return json_object_get_int_member (entry, "number");
}

static void
test_metrics (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *uuid = new_report (lib, "Measured", "Europe/Berlin", NULL);
  g_autoptr (JsonNode) root = NULL;
  const struct
  {
    const char *name;
    gint64      seconds;
    const char *human;
    const char *formula;
    gint64      from, to;
  } expected[] = {
    { "time-to-detect", 1500, "25 min", "detected − started", 2, 3 },
    { "time-to-acknowledge", 300, "5 min", "acknowledged − detected", 3, 4 },
    { "time-to-mitigate", 3600, "1 h 00 min", "mitigated − started", 2, 5 },
    { "time-to-resolve", 7800, "2 h 10 min", "resolved − started", 2, 6 },
    { "duration", 8400, "2 h 20 min", "last − first timed entry", 1, 6 },
  };

  add_entry (lib, uuid, "2026-11-02 13:50", NULL, NULL, "traffic normal", 1);
  add_entry (lib, uuid, "14:00", "act", "started", "config push", 2);
  add_entry (lib, uuid, "14:25", NULL, "detected", "alert fired", 3);
  add_entry (lib, uuid, "14:30", "com", "acknowledged", "on-call answered", 4);
  add_entry (lib, uuid, "15:00", "act", "mitigated", "rolled back", 5);
  add_entry (lib, uuid, "16:10", NULL, "resolved", "all clear", 6);
  add_entry (lib, uuid, "unknown", "hyp", NULL, "the push was the cause", 7);

  {
    g_autoptr (CliRun) run = cli_run (lib, "metrics", "--json", uuid, NULL);

    cli_assert_status (run, 0);
    root = cli_parse_json (run);
  }
  g_assert_false (json_object_get_boolean_member (json_node_get_object (root), "has_problems"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "report"), ==,
                   uuid);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *metric = find_metric (root, expected[i].name);

      g_assert_cmpstr (json_object_get_string_member (metric, "state"), ==, "ok");
      g_assert_cmpint (json_object_get_int_member (metric, "seconds"), ==, expected[i].seconds);
      g_assert_cmpstr (json_object_get_string_member (metric, "human"), ==, expected[i].human);
      g_assert_cmpstr (json_object_get_string_member (metric, "formula"), ==, expected[i].formula);
      g_assert_cmpint (entry_number (metric, "from"), ==, expected[i].from);
      g_assert_cmpint (entry_number (metric, "to"), ==, expected[i].to);
    }
  g_assert_cmpstr (json_object_get_string_member (
                       json_object_get_object_member (find_metric (root, "time-to-detect"), "to"),
                       "local_time"),
                   ==, "2026-11-02 14:25 CET");

  {
    g_autoptr (CliRun) run = cli_run (lib, "metrics", uuid, NULL);

    cli_assert_status (run, 0);
    g_assert_nonnull (strstr (run->out, "Time to detect: 25 min (1500 s)\n"
                                        "  Formula: detected − started\n"
                                        "  From:   #2  2026-11-02 14:00 CET  config push\n"
                                        "  To:     #3  2026-11-02 14:25 CET  alert fired\n"));
    g_assert_nonnull (strstr (run->out, "Time to resolve: 2 h 10 min (7800 s)"));
    g_assert_nonnull (strstr (run->out, "Timeline span: 2 h 20 min (8400 s)"));
  }

  debrief_test_remove_dir (dir);
}

static void
test_metrics_problems (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *uuid = new_report (lib, "Impossible", "UTC", NULL);
  g_autoptr (JsonNode) root = NULL;
  JsonObject *detect, *acknowledge, *resolve;

  /* Detected before started; nothing resolved */
  add_entry (lib, uuid, "2026-05-05 09:50", NULL, "detected", "alert", 1);
  add_entry (lib, uuid, "10:00", NULL, "started", "deploy", 2);

  {
    g_autoptr (CliRun) run = cli_run (lib, "metrics", "--json", uuid, NULL);

    cli_assert_status (run, 0);
    root = cli_parse_json (run);
  }
  g_assert_true (json_object_get_boolean_member (json_node_get_object (root), "has_problems"));

  detect = find_metric (root, "time-to-detect");
  g_assert_cmpstr (json_object_get_string_member (detect, "state"), ==, "out-of-order");
  g_assert_true (json_object_get_null_member (detect, "seconds"));
  g_assert_true (json_object_get_null_member (detect, "human"));
  g_assert_nonnull (strstr (json_object_get_string_member (detect, "description"),
                            "“Detected” (09:50 UTC) is before “Started” (10:00 UTC)"));
  g_assert_cmpint (entry_number (detect, "from"), ==, 2);
  g_assert_cmpint (entry_number (detect, "to"), ==, 1);

  acknowledge = find_metric (root, "time-to-acknowledge");
  g_assert_cmpstr (json_object_get_string_member (acknowledge, "state"), ==, "missing");
  g_assert_true (json_object_get_null_member (acknowledge, "to"));

  resolve = find_metric (root, "time-to-resolve");
  g_assert_cmpstr (json_object_get_string_member (resolve, "state"), ==, "missing");
  g_assert_true (json_object_get_null_member (resolve, "seconds"));
  g_assert_cmpstr (json_object_get_string_member (resolve, "description"), ==,
                   "No entry is tagged “Resolved”.");

  {
    g_autoptr (CliRun) run = cli_run (lib, "metrics", uuid, NULL);

    cli_assert_status (run, 0);
    g_assert_nonnull (strstr (run->out, "Time to detect: out of order\n"));
    g_assert_nonnull (strstr (run->out, "so there is no time to detect."));
    g_assert_nonnull (strstr (run->out, "Time to resolve: missing\n"
                                        "  Formula: resolved − started\n"));
    g_assert_nonnull (strstr (run->out, "  No entry is tagged “Resolved”.\n"));
  }

  /* Moving the tag to a later entry makes the figure possible */
  add_entry (lib, uuid, "10:12", NULL, "detected", "second alert", 3);
  {
    g_autoptr (CliRun) run = cli_run (lib, "metrics", "--json", uuid, NULL);
    g_autoptr (JsonNode) again = NULL;
    JsonObject *metric;

    cli_assert_status (run, 0);
    again = cli_parse_json (run);
    metric = find_metric (again, "time-to-detect");
    g_assert_cmpstr (json_object_get_string_member (metric, "state"), ==, "ok");
    g_assert_cmpint (json_object_get_int_member (metric, "seconds"), ==, 720);
  }

  debrief_test_remove_dir (dir);
}

static void
test_import_text (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *uuid = new_report (lib, "Imported", "Europe/Berlin", "2026-12-04 13:55");
  g_autofree char *log = cli_path (dir, "worklog.txt");
  g_autofree char *texts = NULL;
  g_autoptr (JsonNode) timeline = NULL;
  const char *data = "14:02 alert fired for auth-api\n"
                     "14:02:33 obs: error rate at 30%\n"
                     "  mostly 502s from the edge\n"
                     "\n"
                     "[14:05] act: restarted auth-api pods\n"
                     "2026-12-04 14:10 hyp: the new cache config is wrong\n"
                     "2026-12-04T13:12:00Z com: status page updated\n"
                     "23:58 dec: keep the rollback overnight\n"
                     "00:20 checked again\n";

  debrief_test_write_file (log, data, -1);
  add_entry (lib, uuid, "13:55", NULL, "started", "deploy", 1);

  /* A dry run shows what would be added, numbered where it would go */
  {
    g_autoptr (CliRun) dry = cli_run (lib, "timeline", "import", "--dry-run", uuid, log, NULL);

    cli_assert_status (dry, 0);
    g_assert_cmpstr (dry->err, ==, "");
    g_assert_nonnull (strstr (dry->out, "2  2026-12-04 14:02 CET"));
    g_assert_nonnull (strstr (dry->out, "mostly 502s from the edge"));
    g_assert_nonnull (strstr (dry->out, "8  2026-12-05 00:20 CET"));
    g_assert_cmpuint (timeline_length (lib, uuid), ==, 1);
  }

  {
    g_autoptr (CliRun) import = cli_run (lib, "timeline", "import", uuid, log, NULL);

    cli_assert_status (import, 0);
    g_assert_cmpstr (import->out, ==, "7\n");
    g_assert_cmpstr (import->err, ==, "");
  }

  texts = cli_timeline_texts (lib, uuid);
  g_assert_cmpstr (texts, ==,
                   "deploy | alert fired for auth-api | error rate at 30%\nmostly 502s from the "
                   "edge | restarted auth-api pods | the new cache config is wrong | status page "
                   "updated | keep the rollback overnight | checked again");

  timeline = cli_timeline (lib, uuid);
  g_assert_cmpstr (entry_string (timeline, 0, "key_event"), ==, "started");
  g_assert_cmpstr (entry_string (timeline, 1, "time"), ==, "2026-12-04T13:02:00Z");
  g_assert_cmpstr (entry_string (timeline, 2, "time"), ==, "2026-12-04T13:02:33Z");
  g_assert_cmpstr (entry_string (timeline, 2, "precision"), ==, "second");
  g_assert_cmpstr (entry_string (timeline, 3, "kind"), ==, "action");
  g_assert_cmpstr (entry_string (timeline, 4, "kind"), ==, "hypothesis");
  g_assert_cmpstr (entry_string (timeline, 5, "kind"), ==, "communication");
  g_assert_cmpstr (entry_string (timeline, 5, "time"), ==, "2026-12-04T13:12:00Z");
  g_assert_cmpstr (entry_string (timeline, 6, "kind"), ==, "decision");
  /* Past midnight, the next day */
  g_assert_cmpstr (entry_string (timeline, 7, "time"), ==, "2026-12-04T23:20:00Z");
  g_assert_cmpstr (entry_string (timeline, 7, "source"), ==, "log");

  /* The same log from standard input, on another day */
  {
    g_autofree char *other = new_report (lib, "Piped", "UTC", NULL);
    g_autoptr (CliRun)
        piped = cli_run_with_input (lib, "09:00 one\n09:30 two\n", -1, "timeline", "import",
                                    "--start-date", "2026-01-31", other, "-", NULL);
    g_autoptr (JsonNode) piped_timeline = NULL;

    cli_assert_status (piped, 0);
    g_assert_cmpstr (piped->out, ==, "2\n");
    piped_timeline = cli_timeline (lib, other);
    g_assert_cmpstr (entry_string (piped_timeline, 0, "time"), ==, "2026-01-31T09:00:00Z");
    g_assert_cmpstr (entry_string (piped_timeline, 1, "time"), ==, "2026-01-31T09:30:00Z");
  }

  debrief_test_remove_dir (dir);
}

static void
test_import_csv_and_slack (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *uuid = new_report (lib, "Formats", "UTC", "2026-12-04 09:00");
  g_autofree char *csv = cli_path (dir, "entries.csv");
  g_autofree char *slack = cli_path (dir, "channel.json");
  g_autofree char *texts = NULL;
  g_autoptr (JsonNode) timeline = NULL;

  debrief_test_write_file (csv,
                           "time,text,kind\n"
                           "09:05,\"disk full, on db-2\",observation\n"
                           "09:07,failed over to db-3,action\n"
                           "2026-12-04 09:30,\"post-mortem\nscheduled\",decision\n",
                           -1);
  /* A Slack channel export: ts in seconds; 1796374800 is 2026-12-04 09:00 UTC */
  debrief_test_write_file (
      slack,
      "[\n"
      "  {\"type\": \"message\", \"user\": \"U1\", \"user_name\": \"alice\",\n"
      "   \"text\": \"errors on checkout &amp; login\", \"ts\": "
      "\"1796375100.000200\"},\n"
      "  {\"type\": \"message\", \"user_name\": \"bob\",\n"
      "   \"text\": \"act: rolling back\", \"ts\": \"1796375400.000300\"}\n"
      "]\n",
      -1);

  {
    g_autoptr (CliRun) run = cli_run (lib, "timeline", "import", uuid, csv, NULL);

    cli_assert_status (run, 0);
    g_assert_cmpstr (run->out, ==, "3\n");
  }
  {
    /* Named explicitly, though auto would find it too */
    g_autoptr (CliRun)
        run = cli_run (lib, "timeline", "import", "--format", "slack", uuid, slack, NULL);

    cli_assert_status (run, 0);
    g_assert_cmpstr (run->out, ==, "2\n");
    g_assert_cmpstr (run->err, ==, "");
  }

  texts = cli_timeline_texts (lib, uuid);
  g_assert_cmpstr (texts, ==,
                   "disk full, on db-2 | failed over to db-3 | post-mortem\nscheduled | alice: "
                   "errors on checkout & login | bob: rolling back");

  timeline = cli_timeline (lib, uuid);
  g_assert_cmpstr (entry_string (timeline, 0, "time"), ==, "2026-12-04T09:05:00Z");
  g_assert_cmpstr (entry_string (timeline, 1, "kind"), ==, "action");
  g_assert_cmpstr (entry_string (timeline, 2, "kind"), ==, "decision");
  g_assert_cmpstr (entry_string (timeline, 3, "time"), ==, "2026-12-04T09:05:00Z");
  g_assert_cmpstr (entry_string (timeline, 3, "source"), ==, "chat");
  g_assert_cmpstr (entry_string (timeline, 4, "kind"), ==, "action");

  /* A CSV file read as a text log finds no times where it expects them */
  {
    g_autoptr (CliRun) run = cli_run (lib, "timeline", "import", "--format", "text", "--dry-run",
                                      uuid, csv, NULL);

    g_assert_nonnull (strstr (run->err, "entries.csv:1: "));
  }

  debrief_test_remove_dir (dir);
}

/* Runs an import that must fail as a whole: exit 1, one line saying
 * @message, and the timeline exactly as it was. */
static void
assert_import_refused (
    const char *lib, const char *uuid, const char *file, const char *format, const char *message)
{
  g_autofree char *before = cli_timeline_texts (lib, uuid);
  g_autofree char *after = NULL;
  g_autoptr (CliRun) run = NULL;

  if (format != NULL)
    run = cli_run (lib, "timeline", "import", "--format", format, uuid, file, NULL);
  else
    run = cli_run (lib, "timeline", "import", uuid, file, NULL);

  cli_assert_failure (run, 1, message);
  g_assert_cmpstr (run->out, ==, "");

  after = cli_timeline_texts (lib, uuid);
  g_assert_cmpstr (after, ==, before);
}

static void
test_import_bad_files (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *uuid = new_report (lib, "Guarded", "UTC", "2026-12-04 09:00");
  g_autofree char *binary = cli_path (dir, "capture.pcap");
  g_autofree char *huge = cli_path (dir, "huge.log");
  g_autofree char *columns = cli_path (dir, "columns.csv");
  g_autofree char *object = cli_path (dir, "object.json");
  g_autofree char *strings = cli_path (dir, "strings.json");
  g_autofree char *empty = cli_path (dir, "empty.txt");
  g_autofree char *unreadable = cli_path (dir, "notes.txt");
  /* The start of a packet capture: NUL bytes from line 2 on */
  const guint8 pcap[] = { 0xd4, 0xc3, 0xb2, 0xa1, '\n', 0x02, 0x00, 0x04,
                          0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00 };
  int          fd;

  add_entry (lib, uuid, "09:01", NULL, NULL, "already there", 1);

  /* Binary data */
  debrief_test_write_file (binary, pcap, sizeof pcap);
  assert_import_refused (lib, uuid, binary, NULL,
                         "This is not a text log: line 2 holds a NUL byte");

  /* Over the size limit: a sparse file, so that the test stays fast */
  fd = open (huge, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 500 * 1024 * 1024), ==, 0);
  close (fd);
  assert_import_refused (lib, uuid, huge, NULL,
                         "is 524.3\u00a0MB; Debrief reads files of at most");

  /* CSV without the columns it needs */
  debrief_test_write_file (columns, "when,who\n09:05,alice\n", -1);
  assert_import_refused (lib, uuid, columns, NULL,
                         "The CSV file has no text column. Line 1 must name a column “text”");
  assert_import_refused (lib, uuid, columns, "csv", "names “when”, “who”");

  /* JSON that is not a Slack channel export */
  debrief_test_write_file (object, "{\"channel\": \"incident\", \"messages\": []}\n", -1);
  assert_import_refused (lib, uuid, object, NULL, "The JSON file is not a Slack channel export");
  debrief_test_write_file (strings, "[\n  \"one\",\n  \"two\"\n]\n", -1);
  assert_import_refused (lib, uuid, strings, "slack", "none of its 2 items is a message");

  /* Nothing to import */
  debrief_test_write_file (empty, "\n\n", -1);
  assert_import_refused (lib, uuid, empty, NULL, "empty.txt” holds no timeline entries");

  /* A file that is not there */
  assert_import_refused (lib, uuid, unreadable, NULL, "Cannot read");

  /* Usage errors */
  {
    g_autoptr (CliRun)
        format = cli_run (lib, "timeline", "import", "--format", "xml", uuid, empty, NULL);
    g_autoptr (CliRun) date = cli_run (lib, "timeline", "import", "--start-date", "04.12.2026",
                                       uuid, empty, NULL);
    g_autoptr (CliRun) missing = cli_run (lib, "timeline", "import", uuid, NULL);

    cli_assert_failure (format, 2, "“xml” is not an accepted value");
    cli_assert_failure (date, 2, "04.12.2026");
    cli_assert_failure (missing, 2, "Missing the argument FILE|-");
  }

  {
    g_autofree char *texts = cli_timeline_texts (lib, uuid);

    g_assert_cmpstr (texts, ==, "already there");
  }

  debrief_test_remove_dir (dir);
}

static void
test_import_bad_lines (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *uuid = new_report (lib, "Partly readable", "Europe/Berlin", "2026-03-29 00:30");
  g_autofree char *latin1 = cli_path (dir, "latin1.log");
  g_autofree char *dst = cli_path (dir, "spring.log");
  g_autofree char *texts = NULL;

  /* Lines 3 and 5 are Latin-1, not UTF-8 */
  debrief_test_write_file (latin1,
                           "00:40 first\n"
                           "00:45 second\n"
                           "00:50 caf\xe9 closed\n"
                           "00:55 third\n"
                           "  continued \xfc\n",
                           -1);
  /* 02:30 does not exist in Berlin that night */
  debrief_test_write_file (dst,
                           "2026-03-29 01:30 before the change\n"
                           "2026-03-29 02:30 in the gap\n"
                           "2026-03-29 03:30 after the change\n",
                           -1);

  /* --strict: any problem, and nothing is imported */
  {
    g_autoptr (CliRun) run = cli_run (lib, "timeline", "import", "--strict", uuid, latin1, NULL);
    g_auto (GStrv) lines = NULL;
    g_autofree char *line3 = NULL;
    g_autofree char *line5 = NULL;
    g_autofree char *summary = NULL;

    cli_assert_status (run, 1);
    g_assert_cmpstr (run->out, ==, "");
    lines = g_strsplit (run->err, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 4);
    /* Each problem as FILE:LINE: message, the file named as given */
    line3 = g_strdup_printf ("%s:3: The line is not valid UTF-8", latin1);
    line5 = g_strdup_printf ("%s:5: The line is not valid UTF-8", latin1);
    summary = g_strdup_printf ("debrief-cli: 2 lines of “%s” have problems, so nothing was "
                               "imported (--strict).",
                               latin1);
    g_assert_true (g_str_has_prefix (lines[0], line3));
    g_assert_true (g_str_has_prefix (lines[1], line5));
    g_assert_cmpstr (lines[2], ==, summary);
    g_assert_cmpuint (timeline_length (lib, uuid), ==, 0);
  }
  {
    g_autoptr (CliRun) run = cli_run (lib, "timeline", "import", "--strict", uuid, dst, NULL);
    g_autofree char *gap = g_strdup_printf ("%s:2: 2026-03-29 02:30 does not exist in "
                                            "Europe/Berlin",
                                            dst);

    cli_assert_status (run, 1);
    g_assert_true (g_str_has_prefix (run->err, gap));
    g_assert_cmpuint (timeline_length (lib, uuid), ==, 0);
  }

  /* Without: the readable lines are imported, the others listed */
  {
    g_autoptr (CliRun) run = cli_run (lib, "timeline", "import", uuid, latin1, NULL);

    cli_assert_status (run, 0);
    g_assert_cmpstr (run->out, ==, "3\n");
    g_assert_nonnull (strstr (run->err, "latin1.log:3: The line is not valid UTF-8"));
    g_assert_nonnull (strstr (run->err, "latin1.log:5: The line is not valid UTF-8"));
    g_assert_nonnull (strstr (run->err, "debrief-cli: 2 lines had problems (listed above); the "
                                        "other entries were imported.\n"));
  }
  {
    g_autoptr (CliRun) run = cli_run (lib, "timeline", "import", uuid, dst, NULL);

    cli_assert_status (run, 0);
    g_assert_cmpstr (run->out, ==, "2\n");
    g_assert_nonnull (strstr (run->err, "spring.log:2: 2026-03-29 02:30 does not exist in "
                                        "Europe/Berlin"));
    g_assert_nonnull (strstr (run->err, "1 line had a problem"));
  }

  texts = cli_timeline_texts (lib, uuid);
  g_assert_cmpstr (texts, ==, "first | second | third | before the change | after the change");

  /* Every line bad: nothing imported, exit 1 */
  {
    g_autofree char *bad = cli_path (dir, "bad.log");
    g_autoptr (CliRun) run = NULL;

    debrief_test_write_file (bad, "no time here\n\xff\xfe\n", -1);
    run = cli_run (lib, "timeline", "import", uuid, bad, NULL);
    cli_assert_status (run, 1);
    g_assert_nonnull (strstr (run->err, "bad.log:1: The line has no time"));
    g_assert_nonnull (strstr (run->err, "bad.log:2: The line is not valid UTF-8"));
    g_assert_nonnull (strstr (run->err, "bad.log” holds no timeline entries"));
  }
  g_free (texts);
  texts = cli_timeline_texts (lib, uuid);
  g_assert_cmpstr (texts, ==, "first | second | third | before the change | after the change");

  debrief_test_remove_dir (dir);
}

static void
test_read_only_library (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *uuid = new_report (lib, "Locked", "UTC", NULL);
  g_autofree char *log = cli_path (dir, "log.txt");
  g_autoptr (CliRun) add = NULL;
  g_autoptr (CliRun) import = NULL;
  g_autoptr (CliRun) dry = NULL;
  g_autoptr (CliRun) list = NULL;
  g_autoptr (CliRun) metrics = NULL;

  add_entry (lib, uuid, "2026-08-01 10:00", NULL, NULL, "one", 1);
  debrief_test_write_file (log, "10:05 two\n", -1);

  if (!debrief_test_make_read_only (lib))
    {
      g_test_skip ("The library cannot be made read-only here");
      debrief_test_remove_dir (dir);
      return;
    }

  /* Run everything, then make it writable before asserting */
  add = cli_run (lib, "timeline", "add", uuid, "--at", "10:10", "three", NULL);
  import = cli_run (lib, "timeline", "import", uuid, log, NULL);
  dry = cli_run (lib, "timeline", "import", "--dry-run", uuid, log, NULL);
  list = cli_run (lib, "timeline", "list", uuid, NULL);
  metrics = cli_run (lib, "metrics", uuid, NULL);
  debrief_test_make_writable (lib);

  cli_assert_failure (add, 1, "is read-only, so nothing was changed");
  cli_assert_failure (import, 1, "is read-only, so nothing was changed");
  cli_assert_status (dry, 0);
  g_assert_nonnull (strstr (dry->out, "two"));
  cli_assert_status (list, 0);
  g_assert_nonnull (strstr (list->out, "one"));
  cli_assert_status (metrics, 0);
  g_assert_cmpuint (timeline_length (lib, uuid), ==, 1);

  debrief_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/timeline/help", test_help);
  g_test_add_func ("/cli/timeline/add-time-forms", test_add_time_forms);
  g_test_add_func ("/cli/timeline/add-today", test_add_today);
  g_test_add_func ("/cli/timeline/kinds-and-key-events", test_kinds_and_key_events);
  g_test_add_func ("/cli/timeline/list", test_list);
  g_test_add_func ("/cli/timeline/move", test_move);
  g_test_add_func ("/cli/timeline/metrics", test_metrics);
  g_test_add_func ("/cli/timeline/metrics-problems", test_metrics_problems);
  g_test_add_func ("/cli/timeline/import-text", test_import_text);
  g_test_add_func ("/cli/timeline/import-csv-and-slack", test_import_csv_and_slack);
  g_test_add_func ("/cli/timeline/import-bad-files", test_import_bad_files);
  g_test_add_func ("/cli/timeline/import-bad-lines", test_import_bad_lines);
  g_test_add_func ("/cli/timeline/read-only-library", test_read_only_library);

  return g_test_run ();
}
