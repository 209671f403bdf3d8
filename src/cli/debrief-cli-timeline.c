/* debrief-cli-timeline.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "debrief-cli.h"

/* timeline add|import|list|move and metrics: a report's timeline, numbered
 * from 1 in the user's order, and the figures computed from its key
 * events. */

/* Entry kinds may also be given as the prefixes of quick entry */
static const struct
{
  const char      *abbreviation;
  DebriefEntryKind kind;
} kind_abbreviations[] = {
  { "obs", DEBRIEF_ENTRY_KIND_OBSERVATION },   { "act", DEBRIEF_ENTRY_KIND_ACTION },
  { "dec", DEBRIEF_ENTRY_KIND_DECISION },      { "hyp", DEBRIEF_ENTRY_KIND_HYPOTHESIS },
  { "com", DEBRIEF_ENTRY_KIND_COMMUNICATION },
};

static gboolean
entry_has_time (DebriefTimelineEntry *entry)
{
  return debrief_timeline_entry_get_occurred_at (entry) != DEBRIEF_TIME_UNSET &&
         debrief_timeline_entry_get_precision (entry) != DEBRIEF_TIME_PRECISION_UNKNOWN;
}

static guint
find_position (DebriefReport *report, DebriefTimelineEntry *entry)
{
  GListModel *timeline = debrief_report_get_timeline (report);
  guint       n = g_list_model_get_n_items (timeline);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefTimelineEntry) other = g_list_model_get_item (timeline, i);

      if (other == entry)
        return i;
    }

  return G_MAXUINT;
}

/* Whether the timed entries of @entries fall on more than one day in
 * @zone, so that their times need their dates. */
static gboolean
spans_several_days (GListModel *entries, const char *zone)
{
  g_autofree char *first = NULL;
  guint            n = g_list_model_get_n_items (entries);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefTimelineEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *day = NULL;

      if (!entry_has_time (entry))
        continue;

      day = debrief_time_format (debrief_timeline_entry_get_occurred_at (entry), zone,
                                 DEBRIEF_TIME_PRECISION_DAY, TRUE);
      if (first == NULL)
        first = g_steal_pointer (&day);
      else if (!g_str_equal (first, day))
        return TRUE;
    }

  return FALSE;
}

static char *
format_entry_time (DebriefTimelineEntry *entry, const char *zone, gboolean with_date)
{
  return debrief_time_format (debrief_timeline_entry_get_occurred_at (entry), zone,
                              debrief_timeline_entry_get_precision (entry), with_date);
}

/* Prints @entries as a table numbered from @first_number, marking those in
 * @out_of_order (if given). */
static void
print_entries (GListModel *entries, const char *zone, guint first_number, GHashTable *out_of_order)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gboolean with_date = spans_several_days (entries, zone);
  gboolean any_out_of_order = FALSE;
  guint    n = g_list_model_get_n_items (entries);

  debrief_cli_table_add_row (rows, "#", _ ("TIME"), _ ("KIND"), _ ("KEY EVENT"), _ ("TEXT"), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefTimelineEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *at = format_entry_time (entry, zone, with_date);
      g_autofree char *number = NULL;
      DebriefKeyEvent  key = debrief_timeline_entry_get_key_event (entry);
      gboolean         late = out_of_order != NULL && g_hash_table_contains (out_of_order, entry);

      any_out_of_order |= late;
      number = g_strdup_printf ("%u%s", first_number + i, late ? "*" : "");
      debrief_cli_table_add_row (rows, number, at,
                                 debrief_enum_get_label (DEBRIEF_TYPE_ENTRY_KIND,
                                                         debrief_timeline_entry_get_kind (entry)),
                                 key != DEBRIEF_KEY_EVENT_NONE
                                     ? debrief_enum_get_label (DEBRIEF_TYPE_KEY_EVENT, key)
                                     : "—",
                                 debrief_timeline_entry_get_text (entry), NULL);
    }
  debrief_cli_print_table (rows);

  if (any_out_of_order)
    g_print ("\n%s\n", _ ("* Out of order: earlier than an entry above it or later than one "
                          "below it. Reorder with “debrief-cli timeline move”."));
}

static void
build_entry (JsonBuilder          *builder,
             DebriefTimelineEntry *entry,
             guint                 number,
             const char           *zone,
             gboolean              with_date,
             GHashTable           *out_of_order)
{
  DebriefKeyEvent key = debrief_timeline_entry_get_key_event (entry);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "number");
  json_builder_add_int_value (builder, number);
  debrief_cli_json_add_string (builder, "uuid", debrief_timeline_entry_get_uuid (entry));
  if (entry_has_time (entry))
    {
      g_autofree char *local = format_entry_time (entry, zone, with_date);

      debrief_cli_json_add_time (builder, "time", debrief_timeline_entry_get_occurred_at (entry));
      debrief_cli_json_add_string (builder, "local_time", local);
    }
  else
    {
      debrief_cli_json_add_string (builder, "time", NULL);
      debrief_cli_json_add_string (builder, "local_time", NULL);
    }
  debrief_cli_json_add_string (
      builder, "precision",
      debrief_enum_to_nick (DEBRIEF_TYPE_TIME_PRECISION,
                            entry_has_time (entry) ? debrief_timeline_entry_get_precision (entry)
                                                   : DEBRIEF_TIME_PRECISION_UNKNOWN));
  debrief_cli_json_add_string (
      builder, "kind",
      debrief_enum_to_nick (DEBRIEF_TYPE_ENTRY_KIND, debrief_timeline_entry_get_kind (entry)));
  debrief_cli_json_add_string (
      builder, "key_event",
      key != DEBRIEF_KEY_EVENT_NONE ? debrief_enum_to_nick (DEBRIEF_TYPE_KEY_EVENT, key) : NULL);
  debrief_cli_json_add_string (builder, "text", debrief_timeline_entry_get_text (entry));
  debrief_cli_json_add_string (
      builder, "source",
      debrief_enum_to_nick (DEBRIEF_TYPE_ENTRY_SOURCE, debrief_timeline_entry_get_source (entry)));
  if (out_of_order != NULL)
    {
      json_builder_set_member_name (builder, "out_of_order");
      json_builder_add_boolean_value (builder, g_hash_table_contains (out_of_order, entry));
    }
  json_builder_end_object (builder);
}

/* Reads "H:MM", "HH:MM" or "HH:MM:SS". Returns FALSE if @text has another
 * form; sets @error if it has this form but is not a time of day. */
static gboolean
parse_clock_time (const char           *text,
                  int                  *hour,
                  int                  *minute,
                  int                  *second,
                  DebriefTimePrecision *precision,
                  GError              **error)
{
  const char *p = text;
  int         h = 0, m, s = 0;

  if (!g_ascii_isdigit (p[0]))
    return FALSE;
  h = p[0] - '0';
  p++;
  if (g_ascii_isdigit (p[0]))
    {
      h = h * 10 + (p[0] - '0');
      p++;
    }
  if (p[0] != ':' || !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]))
    return FALSE;
  m = (p[1] - '0') * 10 + (p[2] - '0');
  p += 3;
  *precision = DEBRIEF_TIME_PRECISION_MINUTE;
  if (p[0] == ':')
    {
      if (!g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]))
        return FALSE;
      s = (p[1] - '0') * 10 + (p[2] - '0');
      p += 3;
      *precision = DEBRIEF_TIME_PRECISION_SECOND;
    }
  if (p[0] != '\0')
    return FALSE;

  if (h > 23 || m > 59 || s > 59)
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME,
                   _ ("“%s” is not a time of day: hours go from 00 to 23, minutes and seconds "
                      "from 00 to 59."),
                   text);
      return FALSE;
    }

  *hour = h;
  *minute = m;
  *second = s;

  return TRUE;
}

/* The incident's current day in the report's zone: the day of the last
 * timed entry of the timeline, else the day the incident started, else
 * today. */
static gboolean
current_day (DebriefReport *report, int *year, int *month, int *day, GError **error)
{
  g_autoptr (GTimeZone) tz = NULL;
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;
  GListModel *timeline = debrief_report_get_timeline (report);
  gint64      at = DEBRIEF_TIME_UNSET;

  if (!(tz = debrief_time_zone_new (debrief_report_get_timezone (report), error)))
    return FALSE;

  for (guint i = g_list_model_get_n_items (timeline); i > 0 && at == DEBRIEF_TIME_UNSET; i--)
    {
      g_autoptr (DebriefTimelineEntry) entry = g_list_model_get_item (timeline, i - 1);

      if (entry_has_time (entry))
        at = debrief_timeline_entry_get_occurred_at (entry);
    }

  if (at == DEBRIEF_TIME_UNSET)
    at = debrief_report_get_started_at (report);
  if (at == DEBRIEF_TIME_UNSET)
    at = debrief_time_now ();

  if (!(utc = g_date_time_new_from_unix_utc (at)))
    utc = g_date_time_new_now_utc ();
  local = g_date_time_to_timezone (utc, tz);
  g_date_time_get_ymd (local, year, month, day);

  return TRUE;
}

/* Reads the time of "timeline add --at". */
static gboolean
parse_at (DebriefReport        *report,
          const char           *text,
          gint64               *utc,
          DebriefTimePrecision *precision,
          GError              **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  const char      *zone = debrief_report_get_timezone (report);
  int              hour, minute, second, year, month, day;

  if (!g_utf8_validate (stripped, -1, NULL))
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME,
                   _ ("The time given with --at is not valid UTF-8 text."));
      return FALSE;
    }

  if (g_ascii_strcasecmp (stripped, "unknown") == 0)
    {
      *utc = DEBRIEF_TIME_UNSET;
      *precision = DEBRIEF_TIME_PRECISION_UNKNOWN;
      return TRUE;
    }

  if (parse_clock_time (stripped, &hour, &minute, &second, precision, &local_error))
    {
      if (!current_day (report, &year, &month, &day, error))
        return FALSE;

      return debrief_time_from_local (zone, year, month, day, hour, minute, second, utc, error);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Something that starts with a date: the core says what is wrong with
   * it (a day that does not exist, a time in a gap of daylight saving
   * time…) */
  if (g_ascii_isdigit (stripped[0]) && g_ascii_isdigit (stripped[1]) &&
      g_ascii_isdigit (stripped[2]) && g_ascii_isdigit (stripped[3]) && stripped[4] == '-')
    return debrief_time_parse (stripped, zone, utc, precision, error);

  g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TIME,
               _ ("“%s” is not a time Debrief can read. Write 14:02 or 14:02:33 for a time on "
                  "the incident’s current day, 2026-12-04 14:02 in the report’s time zone, "
                  "2026-12-04T13:02Z or 2026-12-04T14:02+01:00 with an offset, 2026-12-04 for "
                  "a day, or “unknown”."),
               stripped);
  return FALSE;
}

static gboolean
parse_kind (const char *text, DebriefEntryKind *kind, GError **error)
{
  int value;

  for (guint i = 0; i < G_N_ELEMENTS (kind_abbreviations); i++)
    {
      if (g_ascii_strcasecmp (text, kind_abbreviations[i].abbreviation) == 0)
        {
          *kind = kind_abbreviations[i].kind;
          return TRUE;
        }
    }

  if (!debrief_enum_from_nick (DEBRIEF_TYPE_ENTRY_KIND, text, &value, error))
    return FALSE;
  *kind = value;

  return TRUE;
}

static int
timeline_add_run (DebriefCli *cli, int argc, char **argv)
{
  g_autoptr (DebriefTimelineEntry) entry = NULL;
  g_autoptr (GHashTable) out_of_order = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *at = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *key_name = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) words = NULL;
  g_auto (GStrv) args = NULL;
  DebriefTimelineEntry *previous;
  DebriefReport        *report;
  DebriefEntryKind      kind = DEBRIEF_ENTRY_KIND_OBSERVATION;
  DebriefTimePrecision  precision;
  DebriefKeyEvent       key_event = DEBRIEF_KEY_EVENT_NONE;
  gint64                utc;
  guint                 position;
  const GOptionEntry    entries[] = {
       { "at", 'a', 0, G_OPTION_ARG_FILENAME, &at, N_ ("When it happened, or “unknown” (required)"),
         N_ ("TIME") },
       { "kind", 'k', 0, G_OPTION_ARG_FILENAME, &kind_name,
         N_ ("observation (the default), action, decision, hypothesis or communication"),
         N_ ("KIND") },
       { "key-event", 'e', 0, G_OPTION_ARG_FILENAME, &key_name,
         N_ ("Tag the entry started, detected, acknowledged, mitigated or resolved"), N_ ("EVENT") },
       G_OPTION_ENTRY_NULL,
  };
  const char *description = _ (
      "TIME is 14:02 or 14:02:33 on the incident’s current day (the day of the last timed "
      "entry, else of the incident’s start, else today), 2026-12-04 14:02 in the report’s time "
      "zone, 2026-12-04T13:02Z or 2026-12-04T14:02+01:00 with an offset, 2026-12-04 for a day, "
      "or “unknown”.\n"
      "KIND may be abbreviated obs, act, dec, hyp or com. Each key event tags one entry of a "
      "report: tagging another entry moves it.\n"
      "The entry is added at the end of the timeline; its number is printed.");

  if (!debrief_cli_parse (cli, entries, description, argc, argv, 2, G_MAXUINT, &args))
    return DEBRIEF_CLI_EXIT_USAGE;

  if (at == NULL)
    return debrief_cli_usage_error (
        cli, _ ("Missing --at TIME (write “--at unknown” if the time is not known)."));

  if (kind_name != NULL && !parse_kind (debrief_cli_text (cli, kind_name), &kind, &error))
    return debrief_cli_usage_error (cli, "%s", error->message);

  if (key_name != NULL)
    {
      int value;

      if (!debrief_enum_from_nick (DEBRIEF_TYPE_KEY_EVENT, debrief_cli_text (cli, key_name),
                                   &value, &error))
        return debrief_cli_usage_error (cli, "%s", error->message);
      key_event = value;
    }

  if (!(report = debrief_cli_lookup_report (cli, args[0], DEBRIEF_CLI_WRITE, &error)))
    return debrief_cli_fail (cli, error);

  /* Everything is checked before the entry goes into the timeline */
  words = g_ptr_array_new ();
  for (guint i = 1; args[i] != NULL; i++)
    g_ptr_array_add (words, (gpointer) debrief_cli_text (cli, args[i]));
  g_ptr_array_add (words, NULL);
  joined = g_strjoinv (" ", (char **) words->pdata);
  if (!debrief_text_validate (joined, -1, DEBRIEF_MAX_SECTION_BYTES, TRUE, _ ("The entry"),
                              &error))
    return debrief_cli_fail (cli, error);
  text = g_strstrip (g_strdup (joined));
  if (*text == '\0')
    return debrief_cli_failf (cli, _ ("The entry’s text is empty. Say what happened."));

  if (!parse_at (report, debrief_cli_text (cli, at), &utc, &precision, &error))
    return debrief_cli_fail (cli, error);

  entry = debrief_timeline_entry_new (utc, precision, kind, text);
  debrief_timeline_entry_set_source (entry, DEBRIEF_ENTRY_SOURCE_TYPED);

  position = g_list_model_get_n_items (debrief_report_get_timeline (report));
  debrief_report_insert_timeline_entry (report, position, entry);

  if (key_event != DEBRIEF_KEY_EVENT_NONE &&
      (previous = debrief_report_tag_key_event (report, entry, key_event)) != NULL)
    /* Translators: the first %s is a key event such as “Detected” */
    g_printerr (_ ("debrief-cli: The key event “%s” moved from entry %u to the new entry %u.\n"),
                debrief_enum_get_label (DEBRIEF_TYPE_KEY_EVENT, key_event),
                find_position (report, previous) + 1, position + 1);

  out_of_order = debrief_report_get_out_of_order_entries (report);
  if (g_hash_table_contains (out_of_order, entry))
    {
      g_autofree char *shown = format_entry_time (entry, debrief_report_get_timezone (report),
                                                  TRUE);

      g_printerr (_ ("debrief-cli: The new entry %u (%s) is out of order with the entries "
                     "above it. Reorder it with “debrief-cli timeline move”.\n"),
                  position + 1, shown);
    }

  if (debrief_cli_finish_changes (cli) != DEBRIEF_CLI_EXIT_SUCCESS)
    return DEBRIEF_CLI_EXIT_FAILURE;

  g_print ("%u\n", position + 1);

  return DEBRIEF_CLI_EXIT_SUCCESS;
}

static void
print_problems (DebriefLogImport *import, const char *name)
{
  GListModel *problems = debrief_log_import_get_problems (import);
  guint       n = g_list_model_get_n_items (problems);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefLogProblem) problem = g_list_model_get_item (problems, i);
      guint line = debrief_log_problem_get_line (problem);

      if (line > 0)
        g_printerr ("%s:%u: %s\n", name, line, debrief_log_problem_get_message (problem));
      else
        g_printerr ("%s: %s\n", name, debrief_log_problem_get_message (problem));
    }
}

static int
timeline_import_run (DebriefCli *cli, int argc, char **argv)
{
  g_autoptr (DebriefLogImport) import = NULL;
  g_autoptr (GPtrArray) added = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *start_date = NULL;
  g_autofree char *name = NULL;
  g_auto (GStrv) args = NULL;
  DebriefReport     *report;
  DebriefLogFormat   format = DEBRIEF_LOG_FORMAT_AUTO;
  gboolean           dry_run = FALSE;
  gboolean           strict = FALSE;
  GDate              start;
  guint              n_entries, n_problems;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_ ("auto (the default), text, csv or slack"), N_ ("FORMAT") },
    { "start-date", 0, 0, G_OPTION_ARG_STRING, &start_date,
      N_ ("The day times without a date fall on (default: the incident’s start, else today)"),
      N_ ("YYYY-MM-DD") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_ ("Print the entries that would be added, and add nothing"), NULL },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict, N_ ("Import nothing if any line has a problem"),
      NULL },
    G_OPTION_ENTRY_NULL,
  };
  const char *description = _ (
      "Formats: a text log with a time at the start of each entry (14:02, 14:02:33, [14:02], "
      "2026-12-04 14:02, ISO 8601 with an offset or Z; lines without a time continue the entry "
      "above), CSV with a header naming a time and a text column (and optionally kind and key "
      "event), or a Slack channel export (JSON). Times without an offset are read in the "
      "report’s time zone; a log that runs past midnight moves on to the next day.\n"
      "Every line that cannot be read is listed on standard error as FILE:LINE: message. The "
      "other entries are added at the end of the timeline, all at once, and their number is "
      "printed. With --strict, nothing is added if any line has a problem.\n"
      "Exit status: 0 if entries were added (or, with --dry-run, would be); 1 if nothing was "
      "added: the file cannot be read as a log, it holds no entries, or --strict found a "
      "problem.");

  if (!debrief_cli_parse (cli, entries, description, argc, argv, 2, 2, &args))
    return DEBRIEF_CLI_EXIT_USAGE;

  if (format_name != NULL)
    {
      int value;

      if (!debrief_enum_from_nick (DEBRIEF_TYPE_LOG_FORMAT, format_name, &value, &error))
        return debrief_cli_usage_error (cli, "%s", error->message);
      format = value;
    }

  g_date_clear (&start, 1);
  if (start_date != NULL)
    {
      int y, m, d;

      if (!debrief_date_validate (start_date, &error))
        return debrief_cli_usage_error (cli, "%s", error->message);
      if (sscanf (start_date, "%d-%d-%d", &y, &m, &d) != 3)
        return debrief_cli_usage_error (cli, _ ("“%s” is not a date. Write it as YYYY-MM-DD."),
                                        start_date);
      g_date_set_dmy (&start, d, m, y);
    }

  if (!(report = debrief_cli_lookup_report (
            cli, args[0], dry_run ? DEBRIEF_CLI_READ : DEBRIEF_CLI_WRITE, &error)))
    return debrief_cli_fail (cli, error);

  if (g_str_equal (args[1], "-"))
    {
      g_autoptr (GBytes) bytes = NULL;

      name = g_strdup (_ ("(standard input)"));
      if (!(bytes = debrief_cli_read_stdin (DEBRIEF_LOG_IMPORT_MAX_BYTES, &error)))
        return debrief_cli_fail (cli, error);
      import = debrief_log_import_new_from_bytes (report, bytes, format, &error);
    }
  else
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (args[1]);

      name = g_filename_display_name (args[1]);
      import = debrief_log_import_new_from_file (report, file, format, &error);
    }

  if (import == NULL)
    return debrief_cli_fail (cli, error);

  if (g_date_valid (&start) && !debrief_log_import_set_start_date (import, &start, &error))
    return debrief_cli_fail (cli, error);

  n_entries = g_list_model_get_n_items (debrief_log_import_get_entries (import));
  n_problems = g_list_model_get_n_items (debrief_log_import_get_problems (import));

  print_problems (import, name);

  if (strict && n_problems > 0)
    return debrief_cli_failf (cli,
                              ngettext ("%u line of “%s” has a problem, so nothing was "
                                        "imported (--strict).",
                                        "%u lines of “%s” have problems, so nothing was "
                                        "imported (--strict).",
                                        n_problems),
                              n_problems, name);

  if (n_entries == 0)
    return debrief_cli_failf (cli,
                              _ ("“%s” holds no timeline entries that can be imported, so "
                                 "nothing was imported."),
                              name);

  if (dry_run)
    {
      GListModel *timeline = debrief_report_get_timeline (report);

      print_entries (debrief_log_import_get_entries (import), debrief_report_get_timezone (report),
                     g_list_model_get_n_items (timeline) + 1, NULL);
      return DEBRIEF_CLI_EXIT_SUCCESS;
    }

  added = debrief_log_import_apply (import);

  if (debrief_cli_finish_changes (cli) != DEBRIEF_CLI_EXIT_SUCCESS)
    return DEBRIEF_CLI_EXIT_FAILURE;

  if (n_problems > 0)
    g_printerr (ngettext ("debrief-cli: %u line had a problem (listed above); the other "
                          "entries were imported.\n",
                          "debrief-cli: %u lines had problems (listed above); the other "
                          "entries were imported.\n",
                          n_problems),
                n_problems);

  g_print ("%u\n", added->len);

  return DEBRIEF_CLI_EXIT_SUCCESS;
}

static int
timeline_list_run (DebriefCli *cli, int argc, char **argv)
{
  g_autoptr (GHashTable) out_of_order = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  DebriefReport     *report;
  GListModel        *timeline;
  const char        *zone;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print the entries as JSON"), NULL },
    G_OPTION_ENTRY_NULL,
  };

  if (!debrief_cli_parse (cli, entries,
                          _ ("Times are shown in the report’s time zone, with the date when the "
                             "timeline spans several days. Entries marked * are out of order "
                             "with their neighbours."),
                          argc, argv, 1, 1, &args))
    return DEBRIEF_CLI_EXIT_USAGE;

  if (!(report = debrief_cli_lookup_report (cli, args[0], DEBRIEF_CLI_READ, &error)))
    return debrief_cli_fail (cli, error);

  timeline = debrief_report_get_timeline (report);
  zone = debrief_report_get_timezone (report);
  out_of_order = debrief_report_get_out_of_order_entries (report);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;
      gboolean with_date = spans_several_days (timeline, zone);

      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (timeline); i++)
        {
          g_autoptr (DebriefTimelineEntry) entry = g_list_model_get_item (timeline, i);

          build_entry (builder, entry, i + 1, zone, with_date, out_of_order);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      debrief_cli_print_json (root);
    }
  else if (g_list_model_get_n_items (timeline) == 0)
    /* Translators: %s is a report title */
    g_print (_ ("“%s” has no timeline entries yet. Add one with “debrief-cli timeline add”, or "
                "import a log with “debrief-cli timeline import”.\n"),
             debrief_report_get_title (report));
  else
    print_entries (timeline, zone, 1, out_of_order);

  return DEBRIEF_CLI_EXIT_SUCCESS;
}

static gboolean
parse_number (const char *text, guint64 *number)
{
  return g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, number, NULL);
}

static int
timeline_move_run (DebriefCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  DebriefReport *report;
  guint64        from = 0, to = 0;
  guint          n;

  if (!debrief_cli_parse (cli, NULL,
                          _ ("Moves entry FROM so that it becomes entry TO; the entries between "
                             "move up or down by one. Entries are numbered from 1, as “timeline "
                             "list” shows."),
                          argc, argv, 3, 3, &args))
    return DEBRIEF_CLI_EXIT_USAGE;

  for (guint i = 1; i <= 2; i++)
    {
      if (!parse_number (args[i], i == 1 ? &from : &to))
        {
          g_autofree char *shown = g_utf8_make_valid (args[i], -1);

          return debrief_cli_usage_error (cli,
                                          _ ("“%s” is not an entry number. Entries are numbered "
                                             "from 1, as “timeline list” shows."),
                                          shown);
        }
    }

  if (!(report = debrief_cli_lookup_report (cli, args[0], DEBRIEF_CLI_WRITE, &error)))
    return debrief_cli_fail (cli, error);

  n = g_list_model_get_n_items (debrief_report_get_timeline (report));
  if (from > n || to > n)
    return debrief_cli_failf (cli,
                              ngettext ("The timeline of “%s” has %u entry, so there is no "
                                        "entry %u. Use “timeline list” to see it.",
                                        "The timeline of “%s” has %u entries, so there is no "
                                        "entry %u. Use “timeline list” to see them.",
                                        n),
                              debrief_report_get_title (report), n,
                              (guint) (from > n ? from : to));

  if (!debrief_report_move_timeline_entry (report, (guint) from - 1, (guint) to - 1))
    return debrief_cli_failf (cli, _ ("The entry could not be moved."));

  return debrief_cli_finish_changes (cli);
}

static const DebriefMetric all_metrics[] = {
  DEBRIEF_METRIC_TIME_TO_DETECT,   DEBRIEF_METRIC_TIME_TO_ACKNOWLEDGE,
  DEBRIEF_METRIC_TIME_TO_MITIGATE, DEBRIEF_METRIC_TIME_TO_RESOLVE,
  DEBRIEF_METRIC_DURATION,
};

static void
build_metric_entry (JsonBuilder          *builder,
                    const char           *name,
                    DebriefReport        *report,
                    DebriefTimelineEntry *entry)
{
  guint position;

  json_builder_set_member_name (builder, name);
  if (entry == NULL || (position = find_position (report, entry)) == G_MAXUINT)
    {
      json_builder_add_null_value (builder);
      return;
    }

  build_entry (builder, entry, position + 1, debrief_report_get_timezone (report), TRUE, NULL);
}

static void
print_metric_entry (const char *label, DebriefReport *report, DebriefTimelineEntry *entry)
{
  g_autofree char *at = NULL;
  g_autofree char *first_line = NULL;
  const char      *text;
  const char      *nl;
  guint            position;

  if (entry == NULL || (position = find_position (report, entry)) == G_MAXUINT)
    return;

  at = format_entry_time (entry, debrief_report_get_timezone (report), TRUE);
  text = debrief_timeline_entry_get_text (entry);
  nl = strchr (text, '\n');
  first_line = nl != NULL ? g_strdup_printf ("%.*s…", (int) (nl - text), text) : g_strdup (text);

  /* Translators: "  From:  #3  2026-12-04 14:02 CET  alert fired" */
  g_print ("  %-7s #%u  %s  %s\n", label, position + 1, at, first_line);
}

static int
metrics_run (DebriefCli *cli, int argc, char **argv)
{
  g_autoptr (DebriefMetrics) metrics = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  DebriefReport     *report;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print the metrics as JSON"), NULL },
    G_OPTION_ENTRY_NULL,
  };

  if (!debrief_cli_parse (cli, entries,
                          _ ("The metrics are computed from the timeline entries tagged with key "
                             "events (see “timeline add --key-event”): time to detect (detected "
                             "− started), to acknowledge (acknowledged − detected), to mitigate "
                             "(mitigated − started), to resolve (resolved − started), and the "
                             "duration (last − first timed entry). A figure is missing when a "
                             "tag is, and none is given when the key events are in an "
                             "impossible order; the exit status is 0 either way."),
                          argc, argv, 1, 1, &args))
    return DEBRIEF_CLI_EXIT_USAGE;

  if (!(report = debrief_cli_lookup_report (cli, args[0], DEBRIEF_CLI_READ, &error)))
    return debrief_cli_fail (cli, error);

  metrics = debrief_metrics_new (report);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_object (builder);
      debrief_cli_json_add_string (builder, "report", debrief_report_get_uuid (report));
      debrief_cli_json_add_string (builder, "timezone", debrief_report_get_timezone (report));
      json_builder_set_member_name (builder, "has_problems");
      json_builder_add_boolean_value (builder, debrief_metrics_has_problems (metrics));
      json_builder_set_member_name (builder, "metrics");
      json_builder_begin_array (builder);
      for (guint i = 0; i < G_N_ELEMENTS (all_metrics); i++)
        {
          DebriefMetric      metric = all_metrics[i];
          gint64             seconds = 0;
          DebriefMetricState state = debrief_metrics_get (metrics, metric, &seconds);
          g_autofree char   *description = debrief_metrics_describe (metrics, metric);

          json_builder_begin_object (builder);
          debrief_cli_json_add_string (builder, "metric",
                                       debrief_enum_to_nick (DEBRIEF_TYPE_METRIC, metric));
          debrief_cli_json_add_string (builder, "label", debrief_metric_get_label (metric));
          debrief_cli_json_add_string (builder, "formula", debrief_metric_get_formula (metric));
          debrief_cli_json_add_string (builder, "state",
                                       debrief_enum_to_nick (DEBRIEF_TYPE_METRIC_STATE, state));
          json_builder_set_member_name (builder, "seconds");
          if (state == DEBRIEF_METRIC_STATE_OK)
            {
              g_autofree char *human = debrief_duration_format (seconds);

              json_builder_add_int_value (builder, seconds);
              debrief_cli_json_add_string (builder, "human", human);
            }
          else
            {
              json_builder_add_null_value (builder);
              debrief_cli_json_add_string (builder, "human", NULL);
            }
          debrief_cli_json_add_string (builder, "description", description);
          build_metric_entry (builder, "from", report,
                              debrief_metrics_get_from_entry (metrics, metric));
          build_metric_entry (builder, "to", report,
                              debrief_metrics_get_to_entry (metrics, metric));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      debrief_cli_print_json (root);

      return DEBRIEF_CLI_EXIT_SUCCESS;
    }

  for (guint i = 0; i < G_N_ELEMENTS (all_metrics); i++)
    {
      DebriefMetric      metric = all_metrics[i];
      gint64             seconds = 0;
      DebriefMetricState state = debrief_metrics_get (metrics, metric, &seconds);
      g_autofree char   *description = debrief_metrics_describe (metrics, metric);

      if (i > 0)
        g_print ("\n");

      switch (state)
        {
          case DEBRIEF_METRIC_STATE_OK:
            {
              g_autofree char *human = debrief_duration_format (seconds);

              /* Translators: "Time to detect: 25 min (1500 s)" */
              g_print (_ ("%s: %s (%ld s)\n"), debrief_metric_get_label (metric), human,
                       (long) seconds);
            }
            break;
          case DEBRIEF_METRIC_STATE_MISSING:
            /* Translators: "Time to resolve: missing" */
            g_print (_ ("%s: missing\n"), debrief_metric_get_label (metric));
            break;
          case DEBRIEF_METRIC_STATE_OUT_OF_ORDER:
          default:
            /* Translators: "Time to detect: out of order" */
            g_print (_ ("%s: out of order\n"), debrief_metric_get_label (metric));
            break;
        }

      /* Translators: the formula of a metric, such as “detected − started” */
      g_print (_ ("  Formula: %s\n"), debrief_metric_get_formula (metric));
      print_metric_entry (_ ("From:"), report, debrief_metrics_get_from_entry (metrics, metric));
      print_metric_entry (_ ("To:"), report, debrief_metrics_get_to_entry (metrics, metric));
      if (state != DEBRIEF_METRIC_STATE_OK)
        g_print ("  %s\n", description);
    }

  return DEBRIEF_CLI_EXIT_SUCCESS;
}

static const DebriefCliCommand timeline_commands[] = {
  { "add", N_ ("REPORT TEXT…"), N_ ("Add an entry to a report’s timeline and print its number"),
    timeline_add_run, NULL },
  { "import", N_ ("REPORT FILE|-"),
    N_ ("Add the entries of a capture log (text, CSV or Slack export) to a timeline"),
    timeline_import_run, NULL },
  { "list", N_ ("REPORT"), N_ ("List a report’s timeline, numbered from 1"), timeline_list_run,
    NULL },
  { "move", N_ ("REPORT FROM TO"), N_ ("Move a timeline entry to another place"),
    timeline_move_run, NULL },
  { NULL },
};

const DebriefCliCommand debrief_cli_timeline_commands[] = {
  { "timeline", N_ ("COMMAND"), N_ ("Add, import, list and reorder a report’s timeline"), NULL,
    timeline_commands },
  { "metrics", N_ ("REPORT"), N_ ("Show the time to detect, acknowledge, mitigate and resolve"),
    metrics_run, NULL },
  { NULL },
};
