/* debrief-cli-report.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "debrief-cli.h"

/* Commands on reports and their sections: new, list, show, set, section,
 * search. */

static char *
format_time (DebriefReport *report, gint64 utc)
{
  return debrief_time_format (utc, debrief_report_get_timezone (report),
                              DEBRIEF_TIME_PRECISION_MINUTE, TRUE);
}

static char *
list_section_keys (void)
{
  const DebriefTemplateSection *sections;
  GString                      *str = g_string_new (NULL);
  guint                         n;

  sections = debrief_template_get_sections (&n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (str, "%s%s", i > 0 ? ", " : "", sections[i].key);

  return g_string_free (str, FALSE);
}

static char *
describe_sections (void)
{
  const DebriefTemplateSection *sections;
  GString                      *str = g_string_new (NULL);
  guint                         n, width = 0;

  sections = debrief_template_get_sections (&n);
  for (guint i = 0; i < n; i++)
    width = MAX (width, strlen (sections[i].key));

  g_string_append_printf (str, "%s\n", _ ("Sections:"));
  for (guint i = 0; i < n; i++)
    g_string_append_printf (str, "  %-*s  %s\n", (int) width, sections[i].key,
                            debrief_template_section_get_title (&sections[i]));

  g_string_append_c (str, '\n');
  g_string_append (str, _ ("With FILE, or “-” for standard input, the section’s text (Markdown, "
                           "UTF-8) is replaced by the file’s contents. Without, the text is "
                           "printed."));

  return g_string_free (str, FALSE);
}

static char *
report_field_help (const char *field)
{
  if (g_str_equal (field, "title"))
    return g_strdup (_ ("the report’s title, one line"));
  if (g_str_equal (field, "status"))
    return debrief_cli_describe_values (DEBRIEF_TYPE_STATUS);
  if (g_str_equal (field, "severity"))
    return debrief_cli_describe_values (DEBRIEF_TYPE_SEVERITY);
  if (g_str_equal (field, "lead"))
    return g_strdup (_ ("the incident lead’s name"));
  if (g_str_equal (field, "timezone"))
    return g_strdup (_ ("the incident’s time zone, an IANA name such as Europe/Berlin"));
  if (g_str_equal (field, "started"))
    return g_strdup (_ ("when the incident started, such as “2026-12-04 14:02” in the "
                        "report’s time zone or “2026-12-04T13:02Z”; empty to clear"));
  if (g_str_equal (field, "classification"))
    {
      g_autofree char *names = g_strjoinv (", ", (char **) debrief_report_list_classifications ());

      /* Translators: %s lists the usual classifications */
      return g_strdup_printf (_ ("the marking printed on exported pages, such as %s"), names);
    }

  return NULL;
}

static void
build_report_summary (JsonBuilder *builder, DebriefReport *report)
{
  json_builder_begin_object (builder);
  debrief_cli_json_add_string (builder, "uuid", debrief_report_get_uuid (report));
  debrief_cli_json_add_string (builder, "title", debrief_report_get_title (report));
  debrief_cli_json_add_string (
      builder, "status",
      debrief_enum_to_nick (DEBRIEF_TYPE_STATUS, debrief_report_get_status (report)));
  debrief_cli_json_add_string (
      builder, "severity",
      debrief_enum_to_nick (DEBRIEF_TYPE_SEVERITY, debrief_report_get_severity (report)));
  debrief_cli_json_add_string (builder, "lead", debrief_report_get_lead (report));
  debrief_cli_json_add_string (builder, "timezone", debrief_report_get_timezone (report));
  debrief_cli_json_add_time (builder, "started", debrief_report_get_started_at (report));
  debrief_cli_json_add_time (builder, "created", debrief_report_get_created_at (report));
  debrief_cli_json_add_time (builder, "updated", debrief_report_get_updated_at (report));
  json_builder_end_object (builder);
}

static int
new_run (DebriefCli *cli, int argc, char **argv)
{
  g_autoptr (DebriefReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *severity = NULL;
  g_autofree char *status = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *timezone = NULL;
  g_autofree char *started = NULL;
  g_auto (GStrv) args = NULL;
  DebriefLibrary    *library;
  const GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_FILENAME, &title, N_ ("The report’s title (required)"),
      N_ ("TITLE") },
    { "severity", 's', 0, G_OPTION_ARG_FILENAME, &severity,
      N_ ("The severity: sev1, sev2, sev3 or sev4"), N_ ("SEVERITY") },
    { "status", 0, 0, G_OPTION_ARG_FILENAME, &status,
      N_ ("The status: draft (the default), in-review or final"), N_ ("STATUS") },
    { "lead", 0, 0, G_OPTION_ARG_FILENAME, &lead, N_ ("The incident lead"), N_ ("NAME") },
    { "timezone", 'z', 0, G_OPTION_ARG_FILENAME, &timezone,
      N_ ("The incident’s time zone, such as Europe/Berlin (default: UTC)"), N_ ("ZONE") },
    { "started", 0, 0, G_OPTION_ARG_FILENAME, &started,
      N_ ("When the incident started, in its time zone"), N_ ("TIME") },
    G_OPTION_ENTRY_NULL,
  };
  struct
  {
    const char *field;
    char      **value;
  } fields[] = {
    /* The zone first: the start time is read in it */
    { "timezone", &timezone }, { "started", &started }, { "severity", &severity },
    { "status", &status },     { "lead", &lead },
  };

  if (!debrief_cli_parse (cli, entries, NULL, argc, argv, 0, 0, &args))
    return DEBRIEF_CLI_EXIT_USAGE;

  if (title == NULL)
    return debrief_cli_usage_error (cli, _ ("Missing --title TITLE: every report needs one."));

  if (!(library = debrief_cli_open_library (cli, DEBRIEF_CLI_WRITE, &error)))
    return debrief_cli_fail (cli, error);

  /* Everything is checked before the report goes into the library */
  report = debrief_report_new (NULL);
  if (!debrief_report_set_field (report, "title", debrief_cli_text (cli, title), &error))
    return debrief_cli_fail (cli, error);
  stripped = g_strstrip (g_strdup (debrief_report_get_title (report)));
  debrief_report_set_title (report, stripped);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (*fields[i].value != NULL &&
          !debrief_report_set_field (report, fields[i].field,
                                     debrief_cli_text (cli, *fields[i].value), &error))
        return debrief_cli_fail (cli, error);
    }

  if (!debrief_library_add_report (library, report, &error))
    return debrief_cli_fail (cli, error);

  if (debrief_cli_finish_changes (cli) != DEBRIEF_CLI_EXIT_SUCCESS)
    return DEBRIEF_CLI_EXIT_FAILURE;

  g_print ("%s\n", debrief_report_get_uuid (report));

  return DEBRIEF_CLI_EXIT_SUCCESS;
}

static int
list_run (DebriefCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  DebriefLibrary    *library = NULL;
  gboolean           json = FALSE;
  guint              n = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print the list as JSON"), NULL },
    G_OPTION_ENTRY_NULL,
  };

  if (!debrief_cli_parse (cli, entries, NULL, argc, argv, 0, 0, &args))
    return DEBRIEF_CLI_EXIT_USAGE;

  /* A library that does not exist yet has no reports */
  if (debrief_cli_library_exists (cli))
    {
      if (!(library = debrief_cli_open_library (cli, DEBRIEF_CLI_READ, &error)))
        return debrief_cli_fail (cli, error);
      n = g_list_model_get_n_items (G_LIST_MODEL (library));
    }

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (DebriefReport) report = g_list_model_get_item (G_LIST_MODEL (library), i);

          build_report_summary (builder, report);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      debrief_cli_print_json (root);
    }
  else if (n == 0)
    {
      g_print ("%s\n", _ ("There are no reports yet. Create one with “debrief-cli new --title "
                          "TITLE”."));
    }
  else
    {
      g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      debrief_cli_table_add_row (rows, _ ("ID"), _ ("SEVERITY"), _ ("STATUS"), _ ("UPDATED"),
                                 _ ("TITLE"), NULL);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (DebriefReport) report = g_list_model_get_item (G_LIST_MODEL (library), i);
          g_autofree char *id = debrief_cli_short_id (debrief_report_get_uuid (report));
          g_autofree char *updated = format_time (report, debrief_report_get_updated_at (report));

          debrief_cli_table_add_row (
              rows, id,
              debrief_enum_to_nick (DEBRIEF_TYPE_SEVERITY, debrief_report_get_severity (report)),
              debrief_enum_get_label (DEBRIEF_TYPE_STATUS, debrief_report_get_status (report)),
              updated, debrief_report_get_title (report), NULL);
        }
      debrief_cli_print_table (rows);
    }

  return DEBRIEF_CLI_EXIT_SUCCESS;
}

static void
print_heading (const char *title)
{
  g_print ("\n## %s\n\n", title);
}

static void
print_actions (DebriefReport *report)
{
  GListModel *actions = debrief_report_get_actions (report);
  guint       n = g_list_model_get_n_items (actions);

  if (n == 0)
    return;

  print_heading (_ ("Action items"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefActionItem) item = g_list_model_get_item (actions, i);
      const char *owner = debrief_action_item_get_owner (item);
      const char *due = debrief_action_item_get_due (item);
      const char *link = debrief_action_item_get_link (item);

      g_print ("%u. [%s] %s (%s", i + 1,
               debrief_enum_get_label (DEBRIEF_TYPE_ACTION_STATUS,
                                       debrief_action_item_get_status (item)),
               debrief_action_item_get_description (item),
               debrief_enum_get_label (DEBRIEF_TYPE_ACTION_TYPE,
                                       debrief_action_item_get_action_type (item)));
      if (owner != NULL && *owner != '\0')
        /* Translators: who is to do an action item */
        g_print (_ ("; owner: %s"), owner);
      if (due != NULL && *due != '\0')
        g_print (_ ("; due: %s"), due);
      g_print (")\n");
      if (link != NULL && *link != '\0')
        g_print ("   %s\n", link);
    }
}

static void
print_timeline (DebriefReport *report)
{
  GListModel *timeline = debrief_report_get_timeline (report);
  guint       n = g_list_model_get_n_items (timeline);

  if (n == 0)
    return;

  print_heading (_ ("Timeline"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefTimelineEntry) entry = g_list_model_get_item (timeline, i);
      g_autofree char *at = debrief_time_format (
          debrief_timeline_entry_get_occurred_at (entry), debrief_report_get_timezone (report),
          debrief_timeline_entry_get_precision (entry), TRUE);
      DebriefKeyEvent key = debrief_timeline_entry_get_key_event (entry);

      if (key != DEBRIEF_KEY_EVENT_NONE)
        g_print ("- %s [%s] %s\n", at, debrief_enum_get_label (DEBRIEF_TYPE_KEY_EVENT, key),
                 debrief_timeline_entry_get_text (entry));
      else
        g_print ("- %s %s\n", at, debrief_timeline_entry_get_text (entry));
    }
}

static void
print_report (DebriefReport *report)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char      *zone = debrief_report_get_timezone (report);
  const char      *lead = debrief_report_get_lead (report);
  gint64           started = debrief_report_get_started_at (report);
  g_autofree char *abbreviation = debrief_time_zone_abbreviation (
      zone, started != DEBRIEF_TIME_UNSET ? started : debrief_time_now ());
  g_autofree char *zone_text = g_strdup_printf ("%s (%s)", zone, abbreviation);
  g_autofree char *started_text = format_time (report, started);
  g_autofree char *created = format_time (report, debrief_report_get_created_at (report));
  g_autofree char *updated = format_time (report, debrief_report_get_updated_at (report));
  GListModel      *sections = debrief_report_get_sections (report);

  g_print ("# %s\n\n", debrief_report_get_title (report));

  debrief_cli_table_add_row (rows, _ ("Id:"), debrief_report_get_uuid (report), NULL);
  debrief_cli_table_add_row (
      rows, _ ("Status:"),
      debrief_enum_get_label (DEBRIEF_TYPE_STATUS, debrief_report_get_status (report)), NULL);
  debrief_cli_table_add_row (
      rows, _ ("Severity:"),
      debrief_enum_get_label (DEBRIEF_TYPE_SEVERITY, debrief_report_get_severity (report)), NULL);
  debrief_cli_table_add_row (rows, _ ("Incident lead:"),
                             lead != NULL && *lead != '\0' ? lead : _ ("not set"), NULL);
  debrief_cli_table_add_row (rows, _ ("Time zone:"), zone_text, NULL);
  debrief_cli_table_add_row (rows, _ ("Started:"), started_text, NULL);
  debrief_cli_table_add_row (rows, _ ("Created:"), created, NULL);
  debrief_cli_table_add_row (rows, _ ("Updated:"), updated, NULL);
  debrief_cli_print_table (rows);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr (DebriefSection) section = g_list_model_get_item (sections, i);
      const char *body = debrief_section_get_body (section);

      print_heading (debrief_section_get_title (section));
      if (debrief_section_is_empty (section))
        {
          g_print ("%s\n", _ ("(empty)"));
          continue;
        }
      debrief_cli_write (body, -1);
      if (!g_str_has_suffix (body, "\n"))
        debrief_cli_write ("\n", 1);
    }

  print_actions (report);
  print_timeline (report);
}

static int
show_run (DebriefCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  DebriefReport     *report;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_ ("Print the report’s JSON document, as “export --format json” writes it"), NULL },
    G_OPTION_ENTRY_NULL,
  };

  if (!debrief_cli_parse (cli, entries, NULL, argc, argv, 1, 1, &args))
    return DEBRIEF_CLI_EXIT_USAGE;

  if (!(report = debrief_cli_lookup_report (cli, args[0], DEBRIEF_CLI_READ, &error)))
    return debrief_cli_fail (cli, error);

  if (json)
    {
      g_autofree char *data = NULL;
      gsize            length = 0;

      if (!(data = debrief_json_export_report (report, &length, &error)))
        return debrief_cli_fail (cli, error);
      debrief_cli_write (data, (gssize) length);
    }
  else
    print_report (report);

  return DEBRIEF_CLI_EXIT_SUCCESS;
}

static int
set_run (DebriefCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *description = debrief_cli_describe_fields (debrief_report_list_fields (),
                                                              report_field_help);
  g_auto (GStrv) args = NULL;
  DebriefReport *report;

  if (!debrief_cli_parse (cli, NULL, description, argc, argv, 3, 3, &args))
    return DEBRIEF_CLI_EXIT_USAGE;

  if (!(report = debrief_cli_lookup_report (cli, args[0], DEBRIEF_CLI_WRITE, &error)))
    return debrief_cli_fail (cli, error);

  if (!debrief_report_set_field (report, debrief_cli_text (cli, args[1]),
                                 debrief_cli_text (cli, args[2]), &error))
    return debrief_cli_fail (cli, error);

  return debrief_cli_finish_changes (cli);
}

static int
section_run (DebriefCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *description = describe_sections ();
  g_auto (GStrv) args = NULL;
  DebriefReport  *report;
  DebriefSection *section;
  const char     *key;
  const char     *data;
  gsize           length = 0;
  gboolean        writing;

  if (!debrief_cli_parse (cli, NULL, description, argc, argv, 2, 3, &args))
    return DEBRIEF_CLI_EXIT_USAGE;

  writing = args[2] != NULL;
  if (!(report = debrief_cli_lookup_report (
            cli, args[0], writing ? DEBRIEF_CLI_WRITE : DEBRIEF_CLI_READ, &error)))
    return debrief_cli_fail (cli, error);

  key = debrief_cli_text (cli, args[1]);
  if (!(section = debrief_report_get_section (report, key)))
    {
      g_autofree char *keys = list_section_keys ();
      g_autofree char *shown = g_utf8_make_valid (key, -1);

      return debrief_cli_failf (cli, _ ("A report has no section “%s”. Use one of: %s."), shown,
                                keys);
    }

  if (!writing)
    {
      const char *body = debrief_section_get_body (section);

      debrief_cli_write (body, -1);
      if (*body != '\0' && !g_str_has_suffix (body, "\n") && debrief_cli_stdout_is_terminal ())
        debrief_cli_write ("\n", 1);
      return DEBRIEF_CLI_EXIT_SUCCESS;
    }

  if (g_str_equal (args[2], "-"))
    bytes = debrief_cli_read_stdin (DEBRIEF_MAX_SECTION_BYTES, &error);
  else
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (args[2]);

      bytes = debrief_file_read (file, DEBRIEF_MAX_SECTION_BYTES, &error);
    }

  if (bytes == NULL)
    {
      /* Translators: %s is a section title; the reason follows */
      g_prefix_error (&error, _ ("The section “%s” was not changed: "),
                      debrief_section_get_title (section));
      return debrief_cli_fail (cli, error);
    }

  data = g_bytes_get_data (bytes, &length);
  if (!debrief_section_set_text (section, length > 0 ? data : "", (gssize) length, &error))
    return debrief_cli_fail (cli, error);

  return debrief_cli_finish_changes (cli);
}

static int
search_run (DebriefCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) hits = NULL;
  g_autoptr (GPtrArray) words = g_ptr_array_new ();
  g_autofree char *query = NULL;
  g_auto (GStrv) args = NULL;
  DebriefLibrary    *library;
  gboolean           json = FALSE;
  guint              n;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print the results as JSON"), NULL },
    G_OPTION_ENTRY_NULL,
  };

  if (!debrief_cli_parse (cli, entries,
                          _ ("Every word must occur in a report, as a word or the start of one; "
                             "case and accents are ignored. Titles, incident leads, sections "
                             "and action items are searched. Each report is listed once, best "
                             "match first, with the matching words in [brackets]."),
                          argc, argv, 1, G_MAXUINT, &args))
    return DEBRIEF_CLI_EXIT_USAGE;

  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (words, (gpointer) debrief_cli_text (cli, args[i]));
  g_ptr_array_add (words, NULL);
  query = g_strjoinv (" ", (char **) words->pdata);

  if (!(library = debrief_cli_open_library (cli, DEBRIEF_CLI_READ, &error)))
    return debrief_cli_fail (cli, error);

  if (!(hits = debrief_library_search (library, query, &error)))
    return debrief_cli_fail (cli, error);

  n = g_list_model_get_n_items (hits);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (DebriefSearchHit) hit = g_list_model_get_item (hits, i);
          DebriefReport   *report = debrief_search_hit_get_report (hit);
          g_autofree char *plain = debrief_search_hit_get_snippet (hit, "", "");
          g_autofree char *marked = debrief_search_hit_get_snippet (hit, "[", "]");

          json_builder_begin_object (builder);
          debrief_cli_json_add_string (builder, "uuid", debrief_report_get_uuid (report));
          debrief_cli_json_add_string (builder, "title", debrief_report_get_title (report));
          debrief_cli_json_add_string (builder, "kind", debrief_search_hit_get_kind (hit));
          debrief_cli_json_add_string (builder, "ref", debrief_search_hit_get_ref (hit));
          debrief_cli_json_add_string (builder, "location", debrief_search_hit_get_location (hit));
          debrief_cli_json_add_string (builder, "snippet", plain);
          debrief_cli_json_add_string (builder, "marked_snippet", marked);
          json_builder_set_member_name (builder, "rank");
          json_builder_add_double_value (builder, debrief_search_hit_get_rank (hit));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      debrief_cli_print_json (root);
    }
  else if (n == 0)
    {
      g_print (_ ("No report matches “%s”.\n"), query);
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (DebriefSearchHit) hit = g_list_model_get_item (hits, i);
          DebriefReport   *report = debrief_search_hit_get_report (hit);
          g_autofree char *id = debrief_cli_short_id (debrief_report_get_uuid (report));
          g_autofree char *marked = debrief_search_hit_get_snippet (hit, "[", "]");

          g_print ("%s  %s\n", id, debrief_report_get_title (report));
          g_print ("          %s: %s\n", debrief_search_hit_get_location (hit), marked);
        }
    }

  return DEBRIEF_CLI_EXIT_SUCCESS;
}

const DebriefCliCommand debrief_cli_report_commands[] = {
  { "new", NULL, N_ ("Create a report and print its id"), new_run, NULL },
  { "list", NULL, N_ ("List the reports in the library"), list_run, NULL },
  { "show", N_ ("REPORT"), N_ ("Print a report: its details, sections and action items"), show_run,
    NULL },
  { "set", N_ ("REPORT FIELD VALUE"), N_ ("Change a report’s title, status, severity and so on"),
    set_run, NULL },
  { "section", N_ ("REPORT KEY [FILE|-]"), N_ ("Print a section’s text, or replace it"),
    section_run, NULL },
  { "search", N_ ("QUERY…"), N_ ("Search the reports and show where they match"), search_run,
    NULL },
  { NULL },
};
