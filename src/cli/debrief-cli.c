/* debrief-cli.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-cli"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "debrief-cli.h"

/* debrief-cli: the headless front end. Each command is a row in one of
 * the tables below (see DebriefCliCommand) with a handler in
 * debrief-cli-*.c; this file dispatches to them and holds what they share:
 * option parsing, opening the library, finding reports, messages and
 * output. */

struct _DebriefCli
{
  /* Owned */
  GFile          *library_file;
  DebriefLibrary *library;
  char           *command_path;
  GPtrArray      *strings;

  /* Borrowed */
  const DebriefCliCommand *command;
};

static const DebriefCliCommand *const command_tables[] = {
  debrief_cli_report_commands,
  debrief_cli_action_commands,
  debrief_cli_timeline_commands,
  debrief_cli_transfer_commands,
};

static void
print_usage_hint (DebriefCli *cli)
{
  g_autofree char *full = NULL;

  if (cli->command_path == NULL)
    full = g_strdup ("debrief-cli");
  else
    full = g_strdup_printf ("debrief-cli %s", cli->command_path);

  if (cli->command != NULL && cli->command->parameters != NULL)
    /* Translators: the first %s is a command such as "debrief-cli set", the
     * second its arguments, such as "REPORT FIELD VALUE" */
    g_printerr (_ ("Usage: %s [OPTION…] %s\n"), full, _ (cli->command->parameters));
  /* Translators: %s is a command such as "debrief-cli set" */
  g_printerr (_ ("Try “%s --help” for more information.\n"), full);
}

static char *
describe_commands (const DebriefCliCommand *const *tables, guint n_tables)
{
  GString *str = g_string_new (NULL);
  guint    width = 0;

  /* The longest name first, so that the summaries line up */
  for (guint i = 0; i < n_tables; i++)
    {
      for (const DebriefCliCommand *c = tables[i]; c->name != NULL; c++)
        {
          if (c->subcommands == NULL)
            width = MAX (width, strlen (c->name));
          for (const DebriefCliCommand *s = c->subcommands; s && s->name; s++)
            width = MAX (width, strlen (c->name) + 1 + strlen (s->name));
        }
    }

  for (guint i = 0; i < n_tables; i++)
    {
      for (const DebriefCliCommand *c = tables[i]; c->name != NULL; c++)
        {
          if (c->subcommands == NULL)
            g_string_append_printf (str, "  %-*s  %s\n", (int) width, c->name, _ (c->summary));
          for (const DebriefCliCommand *s = c->subcommands; s && s->name; s++)
            {
              g_autofree char *name = g_strdup_printf ("%s %s", c->name, s->name);

              g_string_append_printf (str, "  %-*s  %s\n", (int) width, name, _ (s->summary));
            }
        }
    }

  return g_string_free (str, FALSE);
}

static const DebriefCliCommand *
find_command (const DebriefCliCommand *table, const char *name)
{
  for (const DebriefCliCommand *c = table; c->name != NULL; c++)
    {
      if (g_str_equal (c->name, name))
        return c;
    }

  return NULL;
}

static void
set_command (DebriefCli *cli, const DebriefCliCommand *command)
{
  char *path;

  if (cli->command_path == NULL)
    path = g_strdup (command->name);
  else
    path = g_strdup_printf ("%s %s", cli->command_path, command->name);

  g_free (cli->command_path);
  cli->command_path = path;
  cli->command = command;
}

static int run_command (DebriefCli *cli, const DebriefCliCommand *command, int argc, char **argv);

/* A group such as "action": parses nothing but --help, then runs the
 * subcommand named next. */
static int
run_group (DebriefCli *cli, const DebriefCliCommand *group, int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char         *prgname = g_strdup_printf ("debrief-cli %s", cli->command_path);
  g_autofree char         *list = NULL;
  g_autofree char         *description = NULL;
  const DebriefCliCommand *sub;

  list = describe_commands (&group->subcommands, 1);
  description = g_strdup_printf ("%s\n%s", _ ("Commands:"), list);

  g_set_prgname (prgname);
  context = g_option_context_new (_ (group->parameters));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _ (group->summary));
  g_option_context_set_description (context, description);
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return debrief_cli_usage_error (cli, "%s", error->message);

  if (argc < 2)
    return debrief_cli_usage_error (cli, _ ("Missing the command after “%s”."), group->name);

  if (!(sub = find_command (group->subcommands, argv[1])))
    {
      g_autofree char *shown = g_utf8_make_valid (argv[1], -1);

      return debrief_cli_usage_error (cli, _ ("Unknown command “%s %s”."), group->name, shown);
    }

  return run_command (cli, sub, argc - 1, argv + 1);
}

static int
run_command (DebriefCli *cli, const DebriefCliCommand *command, int argc, char **argv)
{
  set_command (cli, command);

  if (command->subcommands != NULL)
    return run_group (cli, command, argc, argv);

  return command->run (cli, argc, argv);
}

/**
 * debrief_cli_parse:
 * @entries: (nullable): the command's options
 * @description: (nullable): more help, after the options
 * @argv: the command's name, then its arguments
 * @min_args: how many positional arguments the command needs
 * @max_args: how many it takes at most (G_MAXUINT for any number)
 * @args: (out) (transfer full): the positional arguments, raw as given
 *
 * Parses a command's options with a GOptionContext of its own, so that
 * `debrief-cli COMMAND --help` describes it. Prints usage errors.
 *
 * Returns: %FALSE on a usage error: exit with %DEBRIEF_CLI_EXIT_USAGE
 */
gboolean
debrief_cli_parse (DebriefCli         *cli,
                   const GOptionEntry *entries,
                   const char         *description,
                   int                 argc,
                   char              **argv,
                   guint               min_args,
                   guint               max_args,
                   char             ***args)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("debrief-cli %s", cli->command_path);
  g_auto (GStrv) remaining = NULL;
  const GOptionEntry rest[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &remaining, NULL, NULL },
    G_OPTION_ENTRY_NULL,
  };
  guint n;

  g_return_val_if_fail (cli->command != NULL, FALSE);
  g_return_val_if_fail (args != NULL, FALSE);

  g_set_prgname (prgname);
  context = g_option_context_new (cli->command->parameters ? _ (cli->command->parameters) : NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _ (cli->command->summary));
  if (description != NULL)
    g_option_context_set_description (context, description);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, rest, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      debrief_cli_usage_error (cli, "%s", error->message);
      return FALSE;
    }

  n = remaining != NULL ? g_strv_length (remaining) : 0;

  if (n < min_args)
    {
      g_auto (GStrv) names = g_strsplit (_ (cli->command->parameters), " ", -1);

      if (n < g_strv_length (names))
        /* Translators: %s is the name of an argument, such as REPORT */
        debrief_cli_usage_error (cli, _ ("Missing the argument %s."), names[n]);
      else
        debrief_cli_usage_error (cli, _ ("Missing arguments."));
      return FALSE;
    }

  if (n > max_args)
    {
      g_autofree char *shown = g_utf8_make_valid (remaining[max_args], -1);

      debrief_cli_usage_error (cli, _ ("Unexpected argument “%s”."), shown);
      return FALSE;
    }

  *args = remaining != NULL ? g_steal_pointer (&remaining) : g_new0 (char *, 1);

  return TRUE;
}

/**
 * debrief_cli_usage_error:
 *
 * Prints a usage error and how to get help.
 *
 * Returns: %DEBRIEF_CLI_EXIT_USAGE
 */
int
debrief_cli_usage_error (DebriefCli *cli, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("debrief-cli: %s\n", message);
  print_usage_hint (cli);

  return DEBRIEF_CLI_EXIT_USAGE;
}

/**
 * debrief_cli_text:
 * @arg: a command-line argument, as the system gave it
 *
 * Returns: (transfer none): @arg as UTF-8 if the locale uses another
 *   character set and it converts; otherwise @arg unchanged, so that the
 *   core's checks report text that is not UTF-8
 */
const char *
debrief_cli_text (DebriefCli *cli, const char *arg)
{
  char *converted;

  if (arg == NULL || g_get_charset (NULL))
    return arg;

  if (!(converted = g_locale_to_utf8 (arg, -1, NULL, NULL, NULL)))
    return arg;

  g_ptr_array_add (cli->strings, converted);

  return converted;
}

/**
 * debrief_cli_read_stdin:
 * @max_bytes: the most that is accepted
 *
 * Returns: (transfer full): all of standard input, or %NULL with @error set
 */
GBytes *
debrief_cli_read_stdin (gsize max_bytes, GError **error)
{
  g_autoptr (GByteArray) data = g_byte_array_new ();
  guint8 chunk[65536];
  gsize  total = 0;
  size_t n;

  /* Read to the end even past the limit, to say how large the input is
   * and so that the program writing to us does not fail. */
  while ((n = fread (chunk, 1, sizeof chunk, stdin)) > 0)
    {
      if (total + n <= max_bytes)
        g_byte_array_append (data, chunk, (guint) n);
      total += n;
    }

  if (ferror (stdin))
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_IO, _ ("Cannot read standard input: %s."),
                   g_strerror (errno));
      return NULL;
    }

  if (total > max_bytes)
    {
      g_autofree char *have = debrief_text_format_size (total);
      g_autofree char *limit = debrief_text_format_size (max_bytes);

      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_TOO_LARGE,
                   _ ("Standard input holds %s; Debrief reads at most %s here."), have, limit);
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * debrief_cli_library_exists:
 *
 * Returns: whether the library file exists already
 */
gboolean
debrief_cli_library_exists (DebriefCli *cli)
{
  return cli->library != NULL || g_file_query_exists (cli->library_file, NULL);
}

/**
 * debrief_cli_open_library:
 * @access: whether the command changes the library
 *
 * Opens the library once per run. A command that only reads needs an
 * existing library; one that writes creates it if needed and refuses a
 * read-only one before it changes anything.
 *
 * Returns: (transfer none): the library, or %NULL with @error set
 */
DebriefLibrary *
debrief_cli_open_library (DebriefCli *cli, DebriefCliAccess access, GError **error)
{
  if (cli->library == NULL)
    {
      if (access == DEBRIEF_CLI_READ && !debrief_cli_library_exists (cli))
        {
          g_autofree char *name = g_file_get_parse_name (cli->library_file);

          g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_NOT_FOUND,
                       _ ("There is no library at “%s”. Create a report with “debrief-cli new "
                          "--title TITLE”, or name another library with --library FILE."),
                       name);
          return NULL;
        }

      if (!(cli->library = debrief_library_open (cli->library_file, error)))
        return NULL;
    }

  if (access == DEBRIEF_CLI_WRITE && debrief_library_get_read_only (cli->library))
    {
      g_autofree char *name = g_file_get_parse_name (cli->library_file);

      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_READ_ONLY,
                   _ ("The library “%s” is read-only, so nothing was changed. Make the file and "
                      "its folder writable, or name another library with --library FILE."),
                   name);
      return NULL;
    }

  return cli->library;
}

/**
 * debrief_cli_lookup_report:
 * @reference: a uuid, the start of one, or an exact title, as given
 *
 * Returns: (transfer none): the report, with its contents read, or %NULL
 *   with @error set
 */
DebriefReport *
debrief_cli_lookup_report (DebriefCli      *cli,
                           const char      *reference,
                           DebriefCliAccess access,
                           GError         **error)
{
  DebriefLibrary *library;
  DebriefReport  *report;

  if (!(library = debrief_cli_open_library (cli, access, error)))
    return NULL;

  if (!(report = debrief_library_lookup_report (library, debrief_cli_text (cli, reference),
                                                error)))
    return NULL;

  if (!debrief_report_ensure_loaded (report, error))
    return NULL;

  return report;
}

/**
 * debrief_cli_finish_changes:
 *
 * Saves what the command changed, and waits until it is on disk.
 *
 * Returns: the exit status
 */
int
debrief_cli_finish_changes (DebriefCli *cli)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (cli->library != NULL, DEBRIEF_CLI_EXIT_FAILURE);

  if (!debrief_library_flush (cli->library, &error))
    return debrief_cli_fail (cli, error);

  return DEBRIEF_CLI_EXIT_SUCCESS;
}

/**
 * debrief_cli_fail:
 *
 * Prints @error as one line.
 *
 * Returns: %DEBRIEF_CLI_EXIT_FAILURE
 */
int
debrief_cli_fail (DebriefCli *cli, const GError *error)
{
  g_return_val_if_fail (error != NULL, DEBRIEF_CLI_EXIT_FAILURE);

  g_printerr ("debrief-cli: %s\n", error->message);

  return DEBRIEF_CLI_EXIT_FAILURE;
}

int
debrief_cli_failf (DebriefCli *cli, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("debrief-cli: %s\n", message);

  return DEBRIEF_CLI_EXIT_FAILURE;
}

/**
 * debrief_cli_write:
 *
 * Writes UTF-8 to standard output as it is, without converting it to the
 * locale's character set: for documents and section bodies.
 */
void
debrief_cli_write (const char *data, gssize length)
{
  if (length < 0)
    length = strlen (data);

  fwrite (data, 1, (size_t) length, stdout);
}

void
debrief_cli_print_json (JsonNode *node)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;
  gsize            length = 0;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  data = json_generator_to_data (generator, &length);

  debrief_cli_write (data, (gssize) length);
  debrief_cli_write ("\n", 1);
}

/**
 * debrief_cli_describe_values:
 *
 * Returns: (transfer full): field help for an enum field, listing its
 *   values, e.g. "one of open, in-progress, done"
 */
char *
debrief_cli_describe_values (GType enum_type)
{
  g_autofree char *nicks = debrief_enum_list_nicks (enum_type);

  /* Translators: %s is a list of values such as "open, in-progress, done" */
  return g_strdup_printf (_ ("one of %s"), nicks);
}

/**
 * debrief_cli_describe_fields:
 * @fields: the names a `set` command takes
 * @help: gives each name's help
 *
 * Returns: (transfer full): the fields as a table for `--help`
 */
char *
debrief_cli_describe_fields (const char *const *fields, DebriefCliFieldHelp help)
{
  GString *str = g_string_new (NULL);
  guint    width = 0;

  for (guint i = 0; fields[i] != NULL; i++)
    width = MAX (width, strlen (fields[i]));

  g_string_append_printf (str, "%s\n", _ ("Fields:"));
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *text = help (fields[i]);

      if (text != NULL)
        g_string_append_printf (str, "  %-*s  %s\n", (int) width, fields[i], text);
      else
        g_string_append_printf (str, "  %s\n", fields[i]);
    }

  return g_string_free (str, FALSE);
}

void
debrief_cli_json_add_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
debrief_cli_json_add_time (JsonBuilder *builder, const char *name, gint64 utc)
{
  g_autofree char *iso = debrief_time_format_iso (utc);

  debrief_cli_json_add_string (builder, name, iso);
}

/**
 * debrief_cli_short_id:
 *
 * Returns: (transfer full): the first eight characters of @uuid, as shown
 *   in lists; any unique start of a uuid names its report
 */
char *
debrief_cli_short_id (const char *uuid)
{
  return g_strndup (uuid, 8);
}

static guint
text_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

void
debrief_cli_table_add_row (GPtrArray *rows, const char *first, ...)
{
  GPtrArray *row = g_ptr_array_new ();
  va_list    args;

  va_start (args, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (args, const char *))
    g_ptr_array_add (row, g_strdup (cell));
  va_end (args);
  g_ptr_array_add (row, NULL);

  g_ptr_array_add (rows, g_ptr_array_free (row, FALSE));
}

/* The last cell of a row may hold several lines (a timeline entry that
 * continues): they are lined up under its first. */
static void
append_last_cell (GString *line, const char *cell, guint indent)
{
  for (const char *p = cell; *p != '\0'; p++)
    {
      g_string_append_c (line, *p);
      if (*p == '\n')
        {
          for (guint i = 0; i < indent; i++)
            g_string_append_c (line, ' ');
        }
    }
}

/**
 * debrief_cli_print_table:
 * @rows: (element-type GStrv): rows of cells, the first row the heading
 *
 * Prints @rows in columns that line up. Only the last cell of a row may
 * hold more than one line.
 */
void
debrief_cli_print_table (GPtrArray *rows)
{
  g_autoptr (GArray) widths = g_array_new (FALSE, TRUE, sizeof (guint));

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; row[c] != NULL; c++)
        {
          if (c >= widths->len)
            g_array_set_size (widths, c + 1);
          g_array_index (widths, guint, c) = MAX (g_array_index (widths, guint, c),
                                                  text_width (row[c]));
        }
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char   **row = g_ptr_array_index (rows, r);
      GString *line = g_string_new (NULL);
      guint    indent = 0;

      for (guint c = 0; row[c] != NULL; c++)
        {
          if (row[c + 1] == NULL)
            {
              append_last_cell (line, row[c], indent);
              break;
            }
          g_string_append (line, row[c]);
          for (guint w = text_width (row[c]); w < g_array_index (widths, guint, c) + 2; w++)
            g_string_append_c (line, ' ');
          indent += g_array_index (widths, guint, c) + 2;
        }

      g_print ("%s\n", line->str);
      g_string_free (line, TRUE);
    }
}

gboolean
debrief_cli_stdout_is_terminal (void)
{
  return isatty (STDOUT_FILENO);
}

static GFile *
choose_library_file (const char *option)
{
  const char *env;

  if (option != NULL)
    return g_file_new_for_commandline_arg (option);

  if ((env = g_getenv ("DEBRIEF_LIBRARY")) != NULL && *env != '\0')
    return g_file_new_for_commandline_arg (env);

  return debrief_library_get_default_file ();
}

static int
run (DebriefCli *cli, int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *library = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *commands = NULL;
  g_autoptr (GString) description = g_string_new (NULL);
  g_autoptr (GFile) default_file = debrief_library_get_default_file ();
  const DebriefCliCommand *command = NULL;
  gboolean                 version = FALSE;
  const GOptionEntry       entries[] = {
          { "library", 'l', 0, G_OPTION_ARG_FILENAME, &library,
            N_ ("Use the library FILE (default: $DEBRIEF_LIBRARY, or the desktop app’s library)"),
            N_ ("FILE") },
          { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_ ("Show the version and exit"), NULL },
          G_OPTION_ENTRY_NULL,
  };

  commands = describe_commands (command_tables, G_N_ELEMENTS (command_tables));
  g_string_append_printf (description, "%s\n%s", _ ("Commands:"), commands);
  default_path = g_file_get_parse_name (default_file);
  g_string_append_c (description, '\n');
  g_string_append (description,
                   _ ("REPORT is a report’s id, the start of its id, or its exact title."));
  g_string_append_c (description, '\n');
  /* Translators: %s is a file name */
  g_string_append_printf (description, _ ("The desktop app’s library is %s."), default_path);
  g_string_append_c (description, '\n');
  g_string_append (description,
                   _ ("Exit status: 0 on success, 1 on failure, 2 on a usage error."));
  g_string_append_c (description, '\n');
  g_string_append (description, _ ("Run “debrief-cli COMMAND --help” for a command’s options."));

  g_set_prgname ("debrief-cli");
  context = g_option_context_new (_ ("COMMAND [ARGUMENT…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _ ("Write, search and export incident reports in a Debrief "
                                   "library."));
  g_option_context_set_description (context, description->str);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Options after the command belong to the command */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return debrief_cli_usage_error (cli, "%s", error->message);

  if (version)
    {
      g_print ("debrief-cli %s\n", PACKAGE_VERSION);
      return DEBRIEF_CLI_EXIT_SUCCESS;
    }

  if (argc < 2)
    return debrief_cli_usage_error (cli, _ ("No command given."));

  for (guint i = 0; i < G_N_ELEMENTS (command_tables) && command == NULL; i++)
    command = find_command (command_tables[i], argv[1]);

  if (command == NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (argv[1], -1);

      return debrief_cli_usage_error (cli, _ ("Unknown command “%s”."), shown);
    }

  cli->library_file = choose_library_file (library);

  return run_command (cli, command, argc - 1, argv + 1);
}

int
main (int argc, char *argv[])
{
  DebriefCli cli = { 0 };
  int        status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* Standard output may be a document (export -o -): GLib's debug and
   * info messages go to standard error instead */
  g_log_writer_default_set_use_stderr (TRUE);

  cli.strings = g_ptr_array_new_with_free_func (g_free);

  status = run (&cli, argc, argv);

  /* Closing the library waits for the writer and checkpoints the file */
  g_clear_object (&cli.library);
  g_clear_object (&cli.library_file);
  g_clear_pointer (&cli.command_path, g_free);
  g_clear_pointer (&cli.strings, g_ptr_array_unref);

  if (fflush (stdout) != 0 && status == DEBRIEF_CLI_EXIT_SUCCESS)
    {
      int saved = errno;

      debrief_cli_failf (&cli, _ ("Cannot write to standard output: %s."), g_strerror (saved));
      status = DEBRIEF_CLI_EXIT_FAILURE;
    }

  return status;
}
