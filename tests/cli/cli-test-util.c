/* cli-test-util.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cli-test-util.h"

/* Runs the real debrief-cli, whose path the test environment gives in
 * DEBRIEF_CLI, and collects what it prints. */

void
cli_run_free (CliRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

static char *
bytes_to_string (GBytes *bytes, gsize *length)
{
  gsize       n = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &n) : NULL;
  char       *str = g_malloc (n + 1);

  if (n > 0)
    memcpy (str, data, n);
  str[n] = '\0';
  if (length != NULL)
    *length = n;

  return str;
}

/**
 * cli_runv:
 * @env: (nullable): "NAME=VALUE" to set, or "NAME" to unset, for this run
 * @input: (nullable): what the program reads on standard input
 * @args: the arguments, without the program
 */
CliRun *
cli_runv (const char *const *env, GBytes *input, const char *const *args)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GBytes) out = NULL;
  g_autoptr (GBytes) err = NULL;
  g_autoptr (GBytes) nothing = g_bytes_new_static ("", 0);
  g_autoptr (GError) error = NULL;
  const char *program = g_getenv ("DEBRIEF_CLI");
  CliRun     *run;

  g_assert_nonnull (program);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DEBRIEF_LIBRARY");
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      const char *eq = strchr (env[i], '=');

      if (eq == NULL)
        g_subprocess_launcher_unsetenv (launcher, env[i]);
      else
        {
          g_autofree char *name = g_strndup (env[i], eq - env[i]);

          g_subprocess_launcher_setenv (launcher, name, eq + 1, TRUE);
        }
    }

  g_ptr_array_add (argv, (gpointer) program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);

  /* Standard input is a pipe, closed at once when there is no input */
  g_subprocess_communicate (process, input != NULL ? input : nothing, NULL, &out, &err, &error);
  g_assert_no_error (error);

  run = g_new0 (CliRun, 1);
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  run->out = bytes_to_string (out, &run->out_length);
  run->err = bytes_to_string (err, NULL);

  return run;
}

static CliRun *
run_va (
    const char *const *env, const char *library, GBytes *input, const char *first_arg, va_list va)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();

  if (library != NULL)
    {
      g_ptr_array_add (args, (gpointer) "--library");
      g_ptr_array_add (args, (gpointer) library);
    }
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (va, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  g_ptr_array_add (args, NULL);

  return cli_runv (env, input, (const char *const *) args->pdata);
}

/**
 * cli_run:
 * @library: (nullable): passed as --library
 */
CliRun *
cli_run (const char *library, const char *first_arg, ...)
{
  CliRun *run;
  va_list va;

  va_start (va, first_arg);
  run = run_va (NULL, library, NULL, first_arg, va);
  va_end (va);

  return run;
}

/**
 * cli_run_env:
 * @env: (nullable): as for cli_runv()
 */
CliRun *
cli_run_env (const char *const *env, const char *library, const char *first_arg, ...)
{
  CliRun *run;
  va_list va;

  va_start (va, first_arg);
  run = run_va (env, library, NULL, first_arg, va);
  va_end (va);

  return run;
}

CliRun *
cli_run_with_input (
    const char *library, const char *input, gssize length, const char *first_arg, ...)
{
  g_autoptr (GBytes) bytes = NULL;
  CliRun *run;
  va_list va;

  bytes = g_bytes_new (input, length < 0 ? strlen (input) : (gsize) length);

  va_start (va, first_arg);
  run = run_va (NULL, library, bytes, first_arg, va);
  va_end (va);

  return run;
}

void
cli_assert_status (CliRun *run, int status)
{
  if (run->status != status)
    {
      g_test_message ("standard output: %s", run->out);
      g_test_message ("standard error: %s", run->err);
    }
  g_assert_cmpint (run->status, ==, status);
}

/**
 * cli_assert_failure:
 * @status: 1 for a failure, 2 for a usage error
 * @message_part: (nullable): text the message must contain
 *
 * Checks that the run failed with @status and said why on standard error,
 * starting with "debrief-cli: ": in one line for a failure, followed by a
 * hint about --help for a usage error.
 */
void
cli_assert_failure (CliRun *run, int status, const char *message_part)
{
  g_auto (GStrv) lines = NULL;

  cli_assert_status (run, status);
  g_assert_true (g_str_has_prefix (run->err, "debrief-cli: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));

  lines = g_strsplit (run->err, "\n", -1);
  if (status == 1)
    g_assert_cmpuint (g_strv_length (lines), ==, 2);
  else
    g_assert_nonnull (strstr (run->err, "--help"));

  if (message_part != NULL && strstr (lines[0], message_part) == NULL)
    g_error ("“%s” is not in the message “%s”", message_part, lines[0]);
}

/**
 * cli_new_report:
 *
 * Returns: (transfer full): the uuid of a new report in @library
 */
char *
cli_new_report (const char *library, const char *title)
{
  g_autoptr (CliRun) run = cli_run (library, "new", "--title", title, NULL);

  cli_assert_status (run, 0);
  g_assert_true (g_str_has_suffix (run->out, "\n"));
  run->out[run->out_length - 1] = '\0';
  g_assert_true (g_uuid_string_is_valid (run->out));

  return g_strdup (run->out);
}

/**
 * cli_parse_json:
 *
 * Returns: (transfer full): what @run printed, parsed as JSON
 */
JsonNode *
cli_parse_json (CliRun *run)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, run->out, (gssize) run->out_length, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/**
 * cli_show_json:
 *
 * Returns: (transfer full): the JSON document of @report, from
 *   `show --json`
 */
JsonNode *
cli_show_json (const char *library, const char *report)
{
  g_autoptr (CliRun) run = cli_run (library, "show", "--json", report, NULL);

  cli_assert_status (run, 0);

  return cli_parse_json (run);
}

char *
cli_path (const char *dir, const char *name)
{
  return g_build_filename (dir, name, NULL);
}

/**
 * cli_timeline:
 *
 * Returns: (transfer full): the timeline of @report, from
 *   `timeline list --json`
 */
JsonNode *
cli_timeline (const char *library, const char *report)
{
  g_autoptr (CliRun) run = cli_run (library, "timeline", "list", "--json", report, NULL);
  JsonNode *node;

  cli_assert_status (run, 0);
  node = cli_parse_json (run);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));

  return node;
}

/**
 * cli_timeline_texts:
 *
 * Returns: (transfer full): the texts of @report's timeline entries in
 *   order, joined with " | ", for comparing a timeline at a glance
 */
char *
cli_timeline_texts (const char *library, const char *report)
{
  g_autoptr (JsonNode) timeline = cli_timeline (library, report);
  JsonArray *array = json_node_get_array (timeline);
  GString   *str = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *entry = json_array_get_object_element (array, i);

      g_assert_cmpint (json_object_get_int_member (entry, "number"), ==, i + 1);
      if (i > 0)
        g_string_append (str, " | ");
      g_string_append (str, json_object_get_string_member (entry, "text"));
    }

  return g_string_free (str, FALSE);
}

/**
 * cli_array_object:
 *
 * Returns: (transfer none): the object at @index of the JSON array @array
 */
JsonObject *
cli_array_object (JsonNode *array, guint index)
{
  JsonArray *a;

  g_assert_true (JSON_NODE_HOLDS_ARRAY (array));
  a = json_node_get_array (array);
  g_assert_cmpuint (index, <, json_array_get_length (a));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_array_get_element (a, index)));

  return json_array_get_object_element (a, index);
}
