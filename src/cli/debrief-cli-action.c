/* debrief-cli-action.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-cli"

#include "config.h"

#include <time.h>

#include <glib/gi18n.h>

#include "debrief-cli.h"

/* action add|list|set: a report's follow-up action items, numbered from 1
 * in the report's order. */

static char *
action_field_help (const char *field)
{
  if (g_str_equal (field, "description"))
    return g_strdup (_ ("what is to be done, one line"));
  if (g_str_equal (field, "owner"))
    return g_strdup (_ ("who does it"));
  if (g_str_equal (field, "due"))
    return g_strdup (_ ("the due date, YYYY-MM-DD; empty to clear"));
  if (g_str_equal (field, "status"))
    return debrief_cli_describe_values (DEBRIEF_TYPE_ACTION_STATUS);
  if (g_str_equal (field, "type"))
    return debrief_cli_describe_values (DEBRIEF_TYPE_ACTION_TYPE);
  if (g_str_equal (field, "link"))
    return g_strdup (_ ("the issue tracker’s link"));

  return NULL;
}

static GDate *
today (void)
{
  GDate *date = g_date_new ();

  g_date_set_time_t (date, time (NULL));

  return date;
}

static int
action_add_run (DebriefCli *cli, int argc, char **argv)
{
  g_autoptr (DebriefActionItem) item = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *due = NULL;
  g_autofree char *type = NULL;
  g_autofree char *status = NULL;
  g_autofree char *link = NULL;
  g_auto (GStrv) args = NULL;
  DebriefReport     *report;
  const GOptionEntry entries[] = {
    { "description", 'd', 0, G_OPTION_ARG_FILENAME, &description,
      N_ ("What is to be done (required)"), N_ ("TEXT") },
    { "owner", 0, 0, G_OPTION_ARG_FILENAME, &owner, N_ ("Who does it"), N_ ("NAME") },
    { "due", 0, 0, G_OPTION_ARG_FILENAME, &due, N_ ("The due date"), N_ ("YYYY-MM-DD") },
    { "type", 0, 0, G_OPTION_ARG_FILENAME, &type,
      N_ ("The type: prevent, detect, mitigate or process"), N_ ("TYPE") },
    { "status", 0, 0, G_OPTION_ARG_FILENAME, &status,
      N_ ("The status: open (the default), in-progress, done or wont-do"), N_ ("STATUS") },
    { "link", 0, 0, G_OPTION_ARG_FILENAME, &link, N_ ("The issue tracker’s link"), N_ ("URL") },
    G_OPTION_ENTRY_NULL,
  };
  struct
  {
    const char *field;
    char      **value;
  } fields[] = {
    { "owner", &owner },   { "due", &due },   { "type", &type },
    { "status", &status }, { "link", &link },
  };

  if (!debrief_cli_parse (cli, entries, NULL, argc, argv, 1, 1, &args))
    return DEBRIEF_CLI_EXIT_USAGE;

  if (description == NULL)
    return debrief_cli_usage_error (cli,
                                    _ ("Missing --description TEXT: say what is to be done."));

  if (!(report = debrief_cli_lookup_report (cli, args[0], DEBRIEF_CLI_WRITE, &error)))
    return debrief_cli_fail (cli, error);

  /* Everything is checked before the item goes into the report */
  item = debrief_action_item_new (NULL);
  if (!debrief_action_item_set_field (item, "description", debrief_cli_text (cli, description),
                                      &error))
    return debrief_cli_fail (cli, error);

  stripped = g_strstrip (g_strdup (debrief_action_item_get_description (item)));
  if (*stripped == '\0')
    return debrief_cli_failf (cli, _ ("The description is empty. Say what is to be done."));
  debrief_action_item_set_description (item, stripped);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (*fields[i].value != NULL &&
          !debrief_action_item_set_field (item, fields[i].field,
                                          debrief_cli_text (cli, *fields[i].value), &error))
        return debrief_cli_fail (cli, error);
    }

  debrief_report_append_action (report, item);

  if (debrief_cli_finish_changes (cli) != DEBRIEF_CLI_EXIT_SUCCESS)
    return DEBRIEF_CLI_EXIT_FAILURE;

  g_print ("%u\n", g_list_model_get_n_items (debrief_report_get_actions (report)));

  return DEBRIEF_CLI_EXIT_SUCCESS;
}

static int
action_list_run (DebriefCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDate) date = today ();
  g_auto (GStrv) args = NULL;
  DebriefReport     *report;
  GListModel        *actions;
  gboolean           json = FALSE;
  guint              n;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print the action items as JSON"), NULL },
    G_OPTION_ENTRY_NULL,
  };

  if (!debrief_cli_parse (cli, entries, NULL, argc, argv, 1, 1, &args))
    return DEBRIEF_CLI_EXIT_USAGE;

  if (!(report = debrief_cli_lookup_report (cli, args[0], DEBRIEF_CLI_READ, &error)))
    return debrief_cli_fail (cli, error);

  actions = debrief_report_get_actions (report);
  n = g_list_model_get_n_items (actions);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (DebriefActionItem) item = g_list_model_get_item (actions, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "number");
          json_builder_add_int_value (builder, i + 1);
          debrief_cli_json_add_string (builder, "uuid", debrief_action_item_get_uuid (item));
          debrief_cli_json_add_string (builder, "description",
                                       debrief_action_item_get_description (item));
          debrief_cli_json_add_string (builder, "owner", debrief_action_item_get_owner (item));
          debrief_cli_json_add_string (builder, "due", debrief_action_item_get_due (item));
          debrief_cli_json_add_string (
              builder, "status",
              debrief_enum_to_nick (DEBRIEF_TYPE_ACTION_STATUS,
                                    debrief_action_item_get_status (item)));
          debrief_cli_json_add_string (
              builder, "type",
              debrief_enum_to_nick (DEBRIEF_TYPE_ACTION_TYPE,
                                    debrief_action_item_get_action_type (item)));
          debrief_cli_json_add_string (builder, "link", debrief_action_item_get_link (item));
          json_builder_set_member_name (builder, "overdue");
          json_builder_add_boolean_value (builder, debrief_action_item_is_overdue (item, date));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      debrief_cli_print_json (root);
    }
  else if (n == 0)
    {
      /* Translators: %s is a report title */
      g_print (_ ("“%s” has no action items yet. Add one with “debrief-cli action add”.\n"),
               debrief_report_get_title (report));
    }
  else
    {
      g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      debrief_cli_table_add_row (rows, "#", _ ("STATUS"), _ ("TYPE"), _ ("DUE"), _ ("OWNER"),
                                 _ ("DESCRIPTION"), NULL);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (DebriefActionItem) item = g_list_model_get_item (actions, i);
          g_autofree char *number = g_strdup_printf ("%u", i + 1);
          g_autofree char *due = NULL;
          const char      *owner = debrief_action_item_get_owner (item);

          if (debrief_action_item_is_overdue (item, date))
            /* Translators: %s is a date */
            due = g_strdup_printf (_ ("%s (overdue)"), debrief_action_item_get_due (item));
          else
            due = g_strdup (debrief_action_item_get_due (item));

          debrief_cli_table_add_row (
              rows, number,
              debrief_enum_get_label (DEBRIEF_TYPE_ACTION_STATUS,
                                      debrief_action_item_get_status (item)),
              debrief_enum_get_label (DEBRIEF_TYPE_ACTION_TYPE,
                                      debrief_action_item_get_action_type (item)),
              due != NULL && *due != '\0' ? due : "—", owner != NULL && *owner ? owner : "—",
              debrief_action_item_get_description (item), NULL);
        }
      debrief_cli_print_table (rows);
    }

  return DEBRIEF_CLI_EXIT_SUCCESS;
}

static int
action_set_run (DebriefCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DebriefActionItem) item = NULL;
  g_autofree char *description = debrief_cli_describe_fields (debrief_action_item_list_fields (),
                                                              action_field_help);
  g_auto (GStrv) args = NULL;
  DebriefReport *report;
  GListModel    *actions;
  guint64        number = 0;
  guint          n;

  if (!debrief_cli_parse (cli, NULL, description, argc, argv, 4, 4, &args))
    return DEBRIEF_CLI_EXIT_USAGE;

  if (!g_ascii_string_to_unsigned (args[1], 10, 1, G_MAXUINT, &number, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (args[1], -1);

      return debrief_cli_usage_error (cli,
                                      _ ("“%s” is not an action item number. They are numbered "
                                         "from 1, as “action list” shows."),
                                      shown);
    }

  if (!(report = debrief_cli_lookup_report (cli, args[0], DEBRIEF_CLI_WRITE, &error)))
    return debrief_cli_fail (cli, error);

  actions = debrief_report_get_actions (report);
  n = g_list_model_get_n_items (actions);
  if (number > n)
    return debrief_cli_failf (cli,
                              _ ("The report “%s” has no action item %u. Use “action list” to see "
                                 "its action items."),
                              debrief_report_get_title (report), (guint) number);

  item = g_list_model_get_item (actions, (guint) number - 1);
  if (!debrief_action_item_set_field (item, debrief_cli_text (cli, args[2]),
                                      debrief_cli_text (cli, args[3]), &error))
    return debrief_cli_fail (cli, error);

  return debrief_cli_finish_changes (cli);
}

static const DebriefCliCommand action_commands[] = {
  { "add", N_ ("REPORT"), N_ ("Add an action item to a report and print its number"),
    action_add_run, NULL },
  { "list", N_ ("REPORT"), N_ ("List a report’s action items, numbered from 1"), action_list_run,
    NULL },
  { "set", N_ ("REPORT NUMBER FIELD VALUE"), N_ ("Change an action item"), action_set_run, NULL },
  { NULL },
};

const DebriefCliCommand debrief_cli_action_commands[] = {
  { "action", N_ ("COMMAND"), N_ ("Add, list and change a report’s action items"), NULL,
    action_commands },
  { NULL },
};
