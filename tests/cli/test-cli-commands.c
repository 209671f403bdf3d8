/* test-cli-commands.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cli-test-util.h"

/* Every debrief-cli command, run as a user or a script would: what it
 * prints, what it exits with, and what ends up in the library. */

static const char *
member_string (JsonNode *node, const char *name)
{
  JsonObject *object = json_node_get_object (node);

  g_assert_true (json_object_has_member (object, name));

  return json_object_get_string_member (object, name);
}

static JsonNode *
array_element (JsonNode *node, guint index)
{
  JsonArray *array = json_node_get_array (node);

  g_assert_cmpuint (index, <, json_array_get_length (array));

  return json_array_get_element (array, index);
}

static guint
array_length (JsonNode *node)
{
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));

  return json_array_get_length (json_node_get_array (node));
}

static char *
read_file (const char *path, gsize *length)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

static guint
count_files (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;

  return n;
}

static void
test_help (void)
{
  g_autofree char  *dir = debrief_test_make_dir ();
  g_autofree char  *lib = cli_path (dir, "lib.debrief");
  const char *const commands[][2] = {
    { "new", NULL },     { "list", NULL },    { "show", NULL },     { "set", NULL },
    { "section", NULL }, { "search", NULL },  { "export", NULL },   { "import", NULL },
    { "action", NULL },  { "action", "add" }, { "action", "list" }, { "action", "set" },
  };
  g_autoptr (CliRun) top = cli_run (lib, "--help", NULL);

  cli_assert_status (top, 0);
  g_assert_nonnull (strstr (top->out, "Usage:"));
  g_assert_nonnull (strstr (top->out, "Exit status: 0 on success, 1 on failure, 2 on a usage"));
  g_assert_nonnull (strstr (top->out, "action add"));
  g_assert_nonnull (strstr (top->out, "action set"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", commands[i][0]);

      g_assert_nonnull (strstr (top->out, line));
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr (CliRun) run = NULL;
      g_autofree char *usage = NULL;

      if (commands[i][1] == NULL)
        {
          run = cli_run (lib, commands[i][0], "--help", NULL);
          usage = g_strdup_printf ("debrief-cli %s [OPTION…]", commands[i][0]);
        }
      else
        {
          run = cli_run (lib, commands[i][0], commands[i][1], "--help", NULL);
          usage = g_strdup_printf ("debrief-cli %s %s [OPTION…]", commands[i][0], commands[i][1]);
        }

      cli_assert_status (run, 0);
      g_assert_cmpstr (run->err, ==, "");
      if (strstr (run->out, usage) == NULL)
        g_error ("“%s” is not in the help:\n%s", usage, run->out);
    }

  /* The help that lists what a command accepts */
  {
    g_autoptr (CliRun) set = cli_run (lib, "set", "--help", NULL);
    g_autoptr (CliRun) section = cli_run (lib, "section", "--help", NULL);
    g_autoptr (CliRun) action_set = cli_run (lib, "action", "set", "--help", NULL);
    g_autoptr (CliRun) export = cli_run (lib, "export", "--help", NULL);
    g_autoptr (CliRun) action = cli_run (lib, "action", "--help", NULL);

    g_assert_nonnull (strstr (set->out, "timezone"));
    g_assert_nonnull (strstr (set->out, "in-review"));
    g_assert_nonnull (strstr (section->out, "root-cause"));
    g_assert_nonnull (strstr (section->out, "Root cause analysis"));
    g_assert_nonnull (strstr (action_set->out, "wont-do"));
    g_assert_nonnull (strstr (export->out, "--format"));
    g_assert_nonnull (strstr (export->out, "json"));
    g_assert_nonnull (strstr (action->out, "  add "));
  }

  /* Asking for help touches no library */
  g_assert_false (g_file_test (lib, G_FILE_TEST_EXISTS));

  debrief_test_remove_dir (dir);
}

static void
test_usage_errors (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  const struct
  {
    const char *args[8];
    const char *message;
  } cases[] = {
    { { NULL }, "No command given" },
    { { "frobnicate", NULL }, "Unknown command “frobnicate”" },
    { { "--frobnicate", "list", NULL }, "--frobnicate" },
    { { "list", "--frobnicate", NULL }, "--frobnicate" },
    { { "list", "extra", NULL }, "Unexpected argument “extra”" },
    { { "show", NULL }, "Missing the argument REPORT" },
    { { "set", "x", "title", NULL }, "Missing the argument VALUE" },
    { { "new", NULL }, "--title" },
    { { "new", "--title", NULL }, "--title" },
    { { "section", "x", NULL }, "Missing the argument KEY" },
    { { "action", NULL }, "Missing the command after “action”" },
    { { "action", "frob", NULL }, "Unknown command “action frob”" },
    { { "action", "add", "x", NULL }, "--description" },
    { { "action", "set", "x", "one", "status", "done", NULL }, "“one” is not an action item" },
    { { "action", "set", "x", "0", "status", "done", NULL }, "“0” is not an action item" },
    { { "export", "x", NULL }, "-o FILE" },
    { { "export", "x", "--format", "docx", "-o", "x.docx", NULL }, "Unknown format “docx”" },
    { { "import", NULL }, "Missing the argument" },
    { { "search", NULL }, "Missing the argument QUERY" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) args = g_ptr_array_new ();
      g_autoptr (CliRun) run = NULL;

      g_ptr_array_add (args, (gpointer) "--library");
      g_ptr_array_add (args, lib);
      for (guint a = 0; cases[i].args[a] != NULL; a++)
        g_ptr_array_add (args, (gpointer) cases[i].args[a]);
      g_ptr_array_add (args, NULL);

      run = cli_runv (NULL, NULL, (const char *const *) args->pdata);
      cli_assert_failure (run, 2, cases[i].message);
      g_assert_cmpstr (run->out, ==, "");
    }

  /* A usage error changes nothing */
  g_assert_false (g_file_test (lib, G_FILE_TEST_EXISTS));

  debrief_test_remove_dir (dir);
}

static void
test_new_list_show (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autoptr (CliRun) empty = NULL;
  g_autoptr (CliRun) empty_json = NULL;
  g_autoptr (CliRun) created = NULL;
  g_autoptr (CliRun) list = NULL;
  g_autoptr (CliRun) list_json = NULL;
  g_autoptr (CliRun) show = NULL;
  g_autoptr (JsonNode) reports = NULL;
  g_autoptr (JsonNode) doc = NULL;
  g_autofree char              *uuid = NULL;
  g_autofree char              *second = NULL;
  g_autofree char              *short_id = NULL;
  const DebriefTemplateSection *sections;
  JsonNode                     *first;
  guint                         n_sections;

  /* Listing a library that does not exist shows nothing and creates nothing */
  empty = cli_run (lib, "list", NULL);
  cli_assert_status (empty, 0);
  g_assert_nonnull (strstr (empty->out, "no reports"));
  empty_json = cli_run (lib, "list", "--json", NULL);
  cli_assert_status (empty_json, 0);
  g_assert_cmpstr (empty_json->out, ==, "[]\n");
  g_assert_false (g_file_test (lib, G_FILE_TEST_EXISTS));

  created = cli_run (lib, "new", "--title", "  Database failover ", "--severity", "sev1", "--lead",
                     "Alice Example", "--timezone", "Europe/Berlin", "--started",
                     "2026-01-15 10:00", NULL);
  cli_assert_status (created, 0);
  g_assert_cmpstr (created->err, ==, "");
  g_assert_cmpuint (created->out_length, ==, 37);
  uuid = g_strndup (created->out, 36);
  g_assert_true (g_uuid_string_is_valid (uuid));
  short_id = g_strndup (uuid, 8);

  second = cli_new_report (lib, "Cache stampede");
  g_assert_cmpstr (second, !=, uuid);

  list = cli_run (lib, "list", NULL);
  cli_assert_status (list, 0);
  g_assert_nonnull (strstr (list->out, short_id));
  g_assert_nonnull (strstr (list->out, "Database failover"));
  g_assert_nonnull (strstr (list->out, "Cache stampede"));
  g_assert_nonnull (strstr (list->out, "sev1"));
  g_assert_nonnull (strstr (list->out, "CET"));

  list_json = cli_run (lib, "list", "--json", NULL);
  cli_assert_status (list_json, 0);
  reports = cli_parse_json (list_json);
  g_assert_cmpuint (array_length (reports), ==, 2);
  first = g_str_equal (member_string (array_element (reports, 0), "uuid"), uuid)
              ? array_element (reports, 0)
              : array_element (reports, 1);
  g_assert_cmpstr (member_string (first, "uuid"), ==, uuid);
  g_assert_cmpstr (member_string (first, "title"), ==, "Database failover");
  g_assert_cmpstr (member_string (first, "status"), ==, "draft");
  g_assert_cmpstr (member_string (first, "severity"), ==, "sev1");
  g_assert_cmpstr (member_string (first, "lead"), ==, "Alice Example");
  g_assert_cmpstr (member_string (first, "timezone"), ==, "Europe/Berlin");
  g_assert_cmpstr (member_string (first, "started"), ==, "2026-01-15T09:00:00Z");

  /* Times in the report's zone, with the zone's abbreviation */
  show = cli_run (lib, "show", uuid, NULL);
  cli_assert_status (show, 0);
  g_assert_true (g_str_has_prefix (show->out, "# Database failover\n"));
  g_assert_nonnull (strstr (show->out, uuid));
  g_assert_nonnull (strstr (show->out, "Alice Example"));
  g_assert_nonnull (strstr (show->out, "SEV1"));
  g_assert_nonnull (strstr (show->out, "Europe/Berlin (CET)"));
  g_assert_nonnull (strstr (show->out, "2026-01-15 10:00 CET"));
  sections = debrief_template_get_sections (&n_sections);
  for (guint i = 0; i < n_sections; i++)
    {
      g_autofree char *heading = g_strdup_printf (
          "## %s\n", debrief_template_section_get_title (&sections[i]));

      g_assert_nonnull (strstr (show->out, heading));
    }

  doc = cli_show_json (lib, short_id);
  g_assert_cmpstr (member_string (doc, "format"), ==, "debrief-report");
  g_assert_cmpstr (member_string (doc, "uuid"), ==, uuid);
  g_assert_cmpstr (member_string (doc, "severity"), ==, "sev1");

  debrief_test_remove_dir (dir);
}

static void
test_set (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *uuid = cli_new_report (lib, "Login outage");
  g_autoptr (JsonNode) doc = NULL;
  g_autoptr (JsonNode) after = NULL;
  g_autoptr (CliRun) bad_status = NULL;
  g_autoptr (CliRun) bad_field = NULL;
  g_autoptr (CliRun) bad_time = NULL;
  g_autoptr (CliRun) clear = NULL;
  const char *const changes[][2] = {
    { "title", "Login outage in EU" },
    { "status", "in-review" },
    { "severity", "sev2" },
    { "lead", "Bea Example" },
    { "timezone", "America/New_York" },
    { "started", "2026-07-01 12:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autoptr (CliRun) run = cli_run (lib, "set", uuid, changes[i][0], changes[i][1], NULL);

      cli_assert_status (run, 0);
      g_assert_cmpstr (run->out, ==, "");
      g_assert_cmpstr (run->err, ==, "");
    }

  doc = cli_show_json (lib, uuid);
  g_assert_cmpstr (member_string (doc, "title"), ==, "Login outage in EU");
  g_assert_cmpstr (member_string (doc, "status"), ==, "in-review");
  g_assert_cmpstr (member_string (doc, "severity"), ==, "sev2");
  g_assert_cmpstr (member_string (doc, "lead"), ==, "Bea Example");
  g_assert_cmpstr (member_string (doc, "timezone"), ==, "America/New_York");
  /* Read in the report's zone: noon in New York in summer is 16:00 UTC */
  g_assert_cmpstr (member_string (doc, "started"), ==, "2026-07-01T16:00:00Z");

  bad_status = cli_run (lib, "set", uuid, "status", "shipped", NULL);
  cli_assert_failure (bad_status, 1, "“shipped” is not an accepted value");
  g_assert_nonnull (strstr (bad_status->err, "in-review"));

  bad_field = cli_run (lib, "set", uuid, "colour", "red", NULL);
  cli_assert_failure (bad_field, 1, "no field “colour”");

  bad_time = cli_run (lib, "set", uuid, "started", "yesterday", NULL);
  cli_assert_failure (bad_time, 1, "“yesterday” is not a date and time");

  /* Nothing changed by the refused values */
  after = cli_show_json (lib, uuid);
  g_assert_true (json_node_equal (doc, after));

  clear = cli_run (lib, "set", uuid, "started", "", NULL);
  cli_assert_status (clear, 0);
  g_clear_pointer (&after, json_node_unref);
  after = cli_show_json (lib, uuid);
  g_assert_true (json_object_get_null_member (json_node_get_object (after), "started"));

  debrief_test_remove_dir (dir);
}

static JsonNode *
with_uuid (JsonNode *doc, const char *uuid)
{
  g_autofree char *text = json_to_string (doc, FALSE);
  g_autoptr (GError) error = NULL;
  JsonNode *copy = json_from_string (text, &error);

  g_assert_no_error (error);

  json_object_set_string_member (json_node_get_object (copy), "uuid", uuid);

  return copy;
}

static void
import_node (const char *lib, const char *dir, JsonNode *node, const char *expect_uuid)
{
  g_autofree char *path = cli_path (dir, "doc.json");
  g_autofree char *data = json_to_string (node, TRUE);
  g_autoptr (CliRun) run = NULL;
  g_autofree char *expected = g_strdup_printf ("%s\n", expect_uuid);

  debrief_test_write_file (path, data, -1);
  run = cli_run (lib, "import", path, NULL);
  cli_assert_status (run, 0);
  g_assert_cmpstr (run->out, ==, expected);
}

static void
test_report_reference (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *alpha = cli_new_report (lib, "Alpha outage");
  g_autofree char *beta = cli_new_report (lib, "Beta outage");
  g_autofree char *prefix = g_strndup (alpha, 6);
  g_autofree char *upper = g_ascii_strup (prefix, -1);
  g_autofree char *alpha2 = NULL;
  g_autoptr (JsonNode) doc = NULL;
  g_autoptr (JsonNode) one = NULL;
  g_autoptr (JsonNode) two = NULL;
  g_autoptr (CliRun) missing = NULL;
  g_autoptr (CliRun) ambiguous_title = NULL;
  g_autoptr (CliRun) ambiguous_prefix = NULL;
  const char *const by_alpha[] = { alpha, prefix, upper, "Alpha outage" };

  /* By uuid, by the start of one (in any case), by exact title */
  for (guint i = 0; i < G_N_ELEMENTS (by_alpha); i++)
    {
      g_autoptr (JsonNode) found = cli_show_json (lib, by_alpha[i]);

      g_assert_cmpstr (member_string (found, "uuid"), ==, alpha);
    }

  missing = cli_run (lib, "show", "Gamma outage", NULL);
  cli_assert_failure (missing, 1, "No report matches “Gamma outage”");
  g_assert_cmpstr (missing->out, ==, "");

  /* Two reports with the same title: the title names neither */
  alpha2 = cli_new_report (lib, "Alpha outage");
  ambiguous_title = cli_run (lib, "show", "Alpha outage", NULL);
  cli_assert_failure (ambiguous_title, 1, "“Alpha outage” matches 2 reports");

  /* Two ids that start alike: the start names neither */
  doc = cli_show_json (lib, beta);
  one = with_uuid (doc, "aaaaaaaa-0000-4000-8000-000000000001");
  two = with_uuid (doc, "aaaaaaaa-0000-4000-8000-000000000002");
  import_node (lib, dir, one, "aaaaaaaa-0000-4000-8000-000000000001");
  import_node (lib, dir, two, "aaaaaaaa-0000-4000-8000-000000000002");

  ambiguous_prefix = cli_run (lib, "set", "aaaaaaaa", "lead", "Nobody", NULL);
  cli_assert_failure (ambiguous_prefix, 1, "“aaaaaaaa” matches 2 reports");
  g_assert_nonnull (strstr (ambiguous_prefix->err, "Give more of the id"));

  {
    g_autoptr (CliRun) set = cli_run (lib, "set", "aaaaaaaa-0000-4000-8000-000000000002", "lead",
                                      "Somebody", NULL);
    g_autoptr (JsonNode) found = NULL;

    cli_assert_status (set, 0);
    found = cli_show_json (lib, "aaaaaaaa-0000-4000-8000-000000000002");
    g_assert_cmpstr (member_string (found, "lead"), ==, "Somebody");
  }

  debrief_test_remove_dir (dir);
}

static void
test_section (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *uuid = cli_new_report (lib, "Disk full");
  g_autofree char *file = cli_path (dir, "root-cause.md");
  const char *cause = "The log volume filled up.\n\n- rotation was *off*\n- alerts: none ✗\n";
  const char *summary = "Writes failed for 40 minutes.\n";
  g_autoptr (CliRun) set_file = NULL;
  g_autoptr (CliRun) set_stdin = NULL;
  g_autoptr (CliRun) get_cause = NULL;
  g_autoptr (CliRun) get_summary = NULL;
  g_autoptr (CliRun) get_empty = NULL;
  g_autoptr (CliRun) show = NULL;
  g_autoptr (CliRun) bad_key = NULL;
  g_autoptr (CliRun) missing_file = NULL;
  g_autoptr (CliRun) again = NULL;
  g_autofree char *expected = NULL;

  debrief_test_write_file (file, cause, -1);
  set_file = cli_run (lib, "section", uuid, "root-cause", file, NULL);
  cli_assert_status (set_file, 0);
  g_assert_cmpstr (set_file->out, ==, "");

  set_stdin = cli_run_with_input (lib, summary, -1, "section", "Disk full", "summary", "-", NULL);
  cli_assert_status (set_stdin, 0);

  get_cause = cli_run (lib, "section", uuid, "root-cause", NULL);
  cli_assert_status (get_cause, 0);
  g_assert_cmpstr (get_cause->out, ==, cause);

  get_summary = cli_run (lib, "section", uuid, "summary", NULL);
  cli_assert_status (get_summary, 0);
  g_assert_cmpstr (get_summary->out, ==, summary);

  get_empty = cli_run (lib, "section", uuid, "lessons", NULL);
  cli_assert_status (get_empty, 0);
  g_assert_cmpstr (get_empty->out, ==, "");

  show = cli_run (lib, "show", uuid, NULL);
  cli_assert_status (show, 0);
  expected = g_strdup_printf ("## Root cause analysis\n\n%s", cause);
  g_assert_nonnull (strstr (show->out, expected));

  bad_key = cli_run (lib, "section", uuid, "postmortem", "-", NULL);
  cli_assert_failure (bad_key, 1, "no section “postmortem”");
  g_assert_nonnull (strstr (bad_key->err, "root-cause"));

  missing_file = cli_run (lib, "section", uuid, "impact", "/nonexistent/impact.md", NULL);
  cli_assert_failure (missing_file, 1, "impact.md");

  again = cli_run (lib, "section", uuid, "root-cause", NULL);
  g_assert_cmpstr (again->out, ==, cause);

  debrief_test_remove_dir (dir);
}

static void
test_action (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *uuid = cli_new_report (lib, "Queue backlog");
  g_autoptr (CliRun) empty = NULL;
  g_autoptr (CliRun) add1 = NULL;
  g_autoptr (CliRun) add2 = NULL;
  g_autoptr (CliRun) list = NULL;
  g_autoptr (CliRun) list_json = NULL;
  g_autoptr (CliRun) set = NULL;
  g_autoptr (CliRun) bad_due = NULL;
  g_autoptr (CliRun) bad_add = NULL;
  g_autoptr (CliRun) no_such = NULL;
  g_autoptr (CliRun) bad_field = NULL;
  g_autoptr (JsonNode) items = NULL;
  g_autoptr (JsonNode) after = NULL;
  JsonNode *item;

  empty = cli_run (lib, "action", "list", uuid, "--json", NULL);
  cli_assert_status (empty, 0);
  g_assert_cmpstr (empty->out, ==, "[]\n");

  add1 = cli_run (lib, "action", "add", uuid, "--description", "Alert on queue depth", "--owner",
                  "Chris", "--due", "2099-01-31", "--type", "detect", "--link",
                  "https://tracker.example/T-1", NULL);
  cli_assert_status (add1, 0);
  g_assert_cmpstr (add1->out, ==, "1\n");

  add2 = cli_run (lib, "action", "add", "Queue backlog", "-d", "Write the runbook", NULL);
  cli_assert_status (add2, 0);
  g_assert_cmpstr (add2->out, ==, "2\n");

  list = cli_run (lib, "action", "list", uuid, NULL);
  cli_assert_status (list, 0);
  g_assert_nonnull (strstr (list->out, "Alert on queue depth"));
  g_assert_nonnull (strstr (list->out, "Chris"));
  g_assert_nonnull (strstr (list->out, "2099-01-31"));
  g_assert_nonnull (strstr (list->out, "Detect"));
  g_assert_nonnull (strstr (list->out, "\n1 "));
  g_assert_nonnull (strstr (list->out, "\n2 "));

  list_json = cli_run (lib, "action", "list", uuid, "--json", NULL);
  cli_assert_status (list_json, 0);
  items = cli_parse_json (list_json);
  g_assert_cmpuint (array_length (items), ==, 2);
  item = array_element (items, 0);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (item), "number"), ==, 1);
  g_assert_cmpstr (member_string (item, "description"), ==, "Alert on queue depth");
  g_assert_cmpstr (member_string (item, "owner"), ==, "Chris");
  g_assert_cmpstr (member_string (item, "due"), ==, "2099-01-31");
  g_assert_cmpstr (member_string (item, "type"), ==, "detect");
  g_assert_cmpstr (member_string (item, "status"), ==, "open");
  g_assert_cmpstr (member_string (item, "link"), ==, "https://tracker.example/T-1");
  g_assert_false (json_object_get_boolean_member (json_node_get_object (item), "overdue"));
  item = array_element (items, 1);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (item), "number"), ==, 2);
  g_assert_cmpstr (member_string (item, "description"), ==, "Write the runbook");

  set = cli_run (lib, "action", "set", uuid, "2", "status", "done", NULL);
  cli_assert_status (set, 0);

  bad_due = cli_run (lib, "action", "set", uuid, "1", "due", "2026-02-30", NULL);
  cli_assert_failure (bad_due, 1, "“2026-02-30” is not a date");

  bad_add = cli_run (lib, "action", "add", uuid, "-d", "Later", "--type", "pray", NULL);
  cli_assert_failure (bad_add, 1, "“pray” is not an accepted value");

  no_such = cli_run (lib, "action", "set", uuid, "3", "status", "done", NULL);
  cli_assert_failure (no_such, 1, "no action item 3");

  bad_field = cli_run (lib, "action", "set", uuid, "1", "priority", "high", NULL);
  cli_assert_failure (bad_field, 1, "no field “priority”");

  g_clear_pointer (&list_json, cli_run_free);
  list_json = cli_run (lib, "action", "list", uuid, "--json", NULL);
  after = cli_parse_json (list_json);
  g_assert_cmpuint (array_length (after), ==, 2);
  g_assert_cmpstr (member_string (array_element (after, 0), "due"), ==, "2099-01-31");
  g_assert_cmpstr (member_string (array_element (after, 1), "status"), ==, "done");

  debrief_test_remove_dir (dir);
}

static void
test_export_import (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *lib2 = cli_path (dir, "copy.debrief");
  g_autofree char *lib3 = cli_path (dir, "piped.debrief");
  g_autofree char *out = cli_path (dir, "report.json");
  g_autofree char *out2 = cli_path (dir, "again.json");
  g_autofree char *uuid = cli_new_report (lib, "Certificate expiry");
  g_autofree char *expected_uuid = g_strdup_printf ("%s\n", uuid);
  g_autofree char *original = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *notes = cli_path (dir, "notes.md");
  gsize            original_length = 0, copy_length = 0;
  guint            n_files;

  debrief_test_write_file (notes, "Renewed by hand at 03:10.\n", -1);
  {
    g_autoptr (CliRun) a = cli_run (lib, "section", uuid, "resolution", notes, NULL);
    g_autoptr (CliRun) b = cli_run (lib, "action", "add", uuid, "-d", "Automate renewal", "--due",
                                    "2026-03-01", NULL);
    g_autoptr (CliRun) c = cli_run (lib, "set", uuid, "started", "2026-02-01T01:30:00Z", NULL);

    cli_assert_status (a, 0);
    cli_assert_status (b, 0);
    cli_assert_status (c, 0);
  }

  {
    g_autoptr (CliRun) export = cli_run (lib, "export", uuid, "--format", "json", "-o", out, NULL);
    g_autoptr (CliRun) to_stdout = cli_run (lib, "export", uuid, "-o", "-", NULL);
    g_autoptr (CliRun) show = cli_run (lib, "show", "--json", uuid, NULL);

    cli_assert_status (export, 0);
    g_assert_cmpstr (export->out, ==, "");
    original = read_file (out, &original_length);
    cli_assert_status (to_stdout, 0);
    g_assert_cmpmem (to_stdout->out, to_stdout->out_length, original, original_length);
    g_assert_cmpmem (show->out, show->out_length, original, original_length);
  }

  /* Written in place: no temporary file is left next to it */
  n_files = count_files (dir);
  {
    g_autoptr (CliRun) export = cli_run (lib, "export", uuid, "-o", out, NULL);

    cli_assert_status (export, 0);
    g_assert_cmpuint (count_files (dir), ==, n_files);
  }

  /* Import into another library, export again: the same bytes */
  {
    g_autoptr (CliRun) import = cli_run (lib2, "import", out, NULL);
    g_autoptr (CliRun) export = NULL;

    cli_assert_status (import, 0);
    g_assert_cmpstr (import->out, ==, expected_uuid);
    export = cli_run (lib2, "export", uuid, "--format", "json", "-o", out2, NULL);
    cli_assert_status (export, 0);
    copy = read_file (out2, &copy_length);
    g_assert_cmpmem (copy, copy_length, original, original_length);
  }

  /* The same report twice in one library is refused */
  {
    g_autoptr (CliRun) twice = cli_run (lib2, "import", out, NULL);

    cli_assert_failure (twice, 1, "already has this report");
  }

  /* From standard input */
  {
    g_autoptr (CliRun) import = cli_run_with_input (lib3, original, (gssize) original_length,
                                                    "import", "-", NULL);
    g_autoptr (JsonNode) doc = NULL;

    cli_assert_status (import, 0);
    g_assert_cmpstr (import->out, ==, expected_uuid);
    doc = cli_show_json (lib3, uuid);
    g_assert_cmpstr (member_string (doc, "title"), ==, "Certificate expiry");
    g_assert_cmpstr (member_string (doc, "started"), ==, "2026-02-01T01:30:00Z");
  }

  /* A folder that does not exist: an error, and no file anywhere */
  n_files = count_files (dir);
  {
    g_autofree char *nowhere = cli_path (dir, "missing/report.json");
    g_autofree char *missing_dir = cli_path (dir, "missing");
    g_autoptr (CliRun) export = cli_run (lib, "export", uuid, "-o", nowhere, NULL);

    cli_assert_failure (export, 1, "report.json");
    g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (count_files (dir), ==, n_files);
  }

  debrief_test_remove_dir (dir);
}

static void
test_search (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *login = cli_new_report (lib, "Login outage");
  g_autofree char *billing = cli_new_report (lib, "Billing delay");
  g_autofree char *unrelated = cli_new_report (lib, "Office wifi");
  g_autofree char *login_id = g_strndup (login, 8);
  g_autoptr (CliRun) search = NULL;
  g_autoptr (CliRun) search_json = NULL;
  g_autoptr (CliRun) none = NULL;
  g_autoptr (CliRun) none_json = NULL;
  g_autoptr (JsonNode) hits = NULL;
  gboolean seen_login = FALSE, seen_billing = FALSE;

  {
    g_autoptr (CliRun)
        a = cli_run_with_input (lib, "The session cache expired every token early.\n", -1,
                                "section", login, "root-cause", "-", NULL);
    g_autoptr (CliRun)
        b = cli_run (lib, "action", "add", billing, "-d", "Alarm on cache misses", NULL);

    cli_assert_status (a, 0);
    cli_assert_status (b, 0);
  }

  search = cli_run (lib, "search", "cache", NULL);
  cli_assert_status (search, 0);
  g_assert_nonnull (strstr (search->out, login_id));
  g_assert_nonnull (strstr (search->out, "Login outage"));
  g_assert_nonnull (strstr (search->out, "Root cause analysis: "));
  g_assert_nonnull (strstr (search->out, "session [cache] expired"));
  g_assert_nonnull (strstr (search->out, "Billing delay"));
  g_assert_nonnull (strstr (search->out, "Action item: "));
  g_assert_null (strstr (search->out, "Office wifi"));

  search_json = cli_run (lib, "search", "--json", "CACHE", NULL);
  cli_assert_status (search_json, 0);
  hits = cli_parse_json (search_json);
  g_assert_cmpuint (array_length (hits), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonNode   *hit = array_element (hits, i);
      const char *id = member_string (hit, "uuid");

      g_assert_nonnull (strstr (member_string (hit, "marked_snippet"), "[cache]"));
      if (g_str_equal (id, login))
        {
          seen_login = TRUE;
          g_assert_cmpstr (member_string (hit, "location"), ==, "Root cause analysis");
          g_assert_cmpstr (member_string (hit, "kind"), ==, "section");
          g_assert_cmpstr (member_string (hit, "ref"), ==, "root-cause");
        }
      else
        {
          g_assert_cmpstr (id, ==, billing);
          seen_billing = TRUE;
          g_assert_cmpstr (member_string (hit, "location"), ==, "Action item");
        }
    }
  g_assert_true (seen_login && seen_billing);

  /* Several words: each must match */
  {
    g_autoptr (CliRun) both = cli_run (lib, "search", "cache", "token", "--json", NULL);
    g_autoptr (JsonNode) found = NULL;

    cli_assert_status (both, 0);
    found = cli_parse_json (both);
    g_assert_cmpuint (array_length (found), ==, 1);
    g_assert_cmpstr (member_string (array_element (found, 0), "uuid"), ==, login);
  }

  none = cli_run (lib, "search", "kubernetes", NULL);
  cli_assert_status (none, 0);
  g_assert_nonnull (strstr (none->out, "No report matches “kubernetes”"));
  none_json = cli_run (lib, "search", "--json", "kubernetes", NULL);
  cli_assert_status (none_json, 0);
  g_assert_cmpstr (none_json->out, ==, "[]\n");

  debrief_test_remove_dir (dir);
}

static void
test_library_choice (void)
{
  g_autofree char  *dir = debrief_test_make_dir ();
  g_autofree char  *from_env = cli_path (dir, "env.debrief");
  g_autofree char  *from_option = cli_path (dir, "option.debrief");
  g_autofree char  *data_home = cli_path (dir, "data");
  g_autofree char  *default_lib = g_build_filename (data_home, "debrief", "library.debrief", NULL);
  g_autofree char  *env_var = g_strdup_printf ("DEBRIEF_LIBRARY=%s", from_env);
  g_autofree char  *xdg_var = g_strdup_printf ("XDG_DATA_HOME=%s", data_home);
  const char *const env_and_xdg[] = { env_var, xdg_var, NULL };
  const char *const xdg_only[] = { xdg_var, NULL };
  const char *const new_env[] = { "new", "--title", "From the environment", NULL };
  const char *const new_option[] = { "--library", from_option,       "new",
                                     "--title",   "From the option", NULL };
  const char *const new_default[] = { "new", "--title", "In the default library", NULL };
  const char *const list_default[] = { "list", "--json", NULL };
  g_autoptr (CliRun) a = cli_runv (env_and_xdg, NULL, new_env);
  g_autoptr (CliRun) b = cli_runv (env_and_xdg, NULL, new_option);
  g_autoptr (CliRun) c = NULL;
  g_autoptr (CliRun) d = NULL;
  g_autoptr (JsonNode) env_doc = NULL;
  g_autoptr (JsonNode) option_doc = NULL;
  g_autoptr (JsonNode) listed = NULL;

  cli_assert_status (a, 0);
  cli_assert_status (b, 0);
  env_doc = cli_show_json (from_env, "From the environment");
  option_doc = cli_show_json (from_option, "From the option");
  {
    g_autoptr (CliRun) env_list = cli_run (from_env, "list", "--json", NULL);
    g_autoptr (JsonNode) env_reports = cli_parse_json (env_list);

    g_assert_cmpuint (array_length (env_reports), ==, 1);
  }
  g_assert_false (g_file_test (default_lib, G_FILE_TEST_EXISTS));

  /* Neither: the desktop app's library, under $XDG_DATA_HOME */
  c = cli_runv (xdg_only, NULL, new_default);
  cli_assert_status (c, 0);
  g_assert_true (g_file_test (default_lib, G_FILE_TEST_IS_REGULAR));
  d = cli_runv (xdg_only, NULL, list_default);
  cli_assert_status (d, 0);
  listed = cli_parse_json (d);
  g_assert_cmpuint (array_length (listed), ==, 1);
  g_assert_cmpstr (member_string (array_element (listed, 0), "title"), ==,
                   "In the default library");

  debrief_test_remove_dir (dir);
}

static void
test_no_gtk (void)
{
  g_autofree char *ldd = g_find_program_in_path ("ldd");
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  const char *program = g_getenv ("DEBRIEF_CLI");
  int         status = 0;

  if (ldd == NULL)
    {
      g_test_skip ("ldd is not installed, so the linked libraries cannot be listed");
      return;
    }

  g_assert_nonnull (program);
  {
    const char *argv[] = { ldd, program, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                  &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* ldd did list the libraries… */
  g_assert_nonnull (strstr (out, "libglib-2.0"));
  g_assert_nonnull (strstr (out, "libsqlite3"));
  /* …and GTK is not among them */
  g_assert_null (strstr (out, "libgtk"));
  g_assert_null (strstr (out, "libadwaita"));
  g_assert_null (strstr (out, "libgdk"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/new-list-show", test_new_list_show);
  g_test_add_func ("/cli/set", test_set);
  g_test_add_func ("/cli/report-reference", test_report_reference);
  g_test_add_func ("/cli/section", test_section);
  g_test_add_func ("/cli/action", test_action);
  g_test_add_func ("/cli/export-import", test_export_import);
  g_test_add_func ("/cli/search", test_search);
  g_test_add_func ("/cli/library-choice", test_library_choice);
  g_test_add_func ("/cli/no-gtk", test_no_gtk);

  return g_test_run ();
}
