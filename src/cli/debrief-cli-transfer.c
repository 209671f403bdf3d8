/* debrief-cli-transfer.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-cli.h"

/* export and import. Each export format is a row in the formats table
 * with a writer; a writer gets the options every format shares. */

/* The largest document "import -" reads from standard input. */
#define IMPORT_MAX_BYTES (256 * 1024 * 1024)

typedef struct
{
  DebriefReport *report;
  /* NULL for standard output */
  GFile *file;
} ExportRequest;

typedef gboolean (*ExportFunc) (const ExportRequest *request, GError **error);

typedef struct
{
  const char *name;
  const char *summary;
  ExportFunc export;
} ExportFormat;

static gboolean
export_json (const ExportRequest *request, GError **error)
{
  g_autofree char *data = NULL;
  gsize            length = 0;

  if (request->file != NULL)
    return debrief_json_export_report_to_file (request->report, request->file, error);

  if (!(data = debrief_json_export_report (request->report, &length, error)))
    return FALSE;
  debrief_cli_write (data, (gssize) length);

  return TRUE;
}

static const ExportFormat formats[] = {
  { "json", N_ ("the report’s JSON document, which “import” reads back"), export_json },
  { NULL },
};

static const ExportFormat *
find_format (const char *name)
{
  for (const ExportFormat *f = formats; f->name != NULL; f++)
    {
      if (g_str_equal (f->name, name))
        return f;
    }

  return NULL;
}

static char *
list_formats (void)
{
  GString *str = g_string_new (NULL);

  for (const ExportFormat *f = formats; f->name != NULL; f++)
    g_string_append_printf (str, "%s%s", f == formats ? "" : ", ", f->name);

  return g_string_free (str, FALSE);
}

static char *
describe_formats (void)
{
  GString *str = g_string_new (NULL);

  g_string_append_printf (str, "%s\n", _ ("Formats:"));
  for (const ExportFormat *f = formats; f->name != NULL; f++)
    g_string_append_printf (str, "  %-6s  %s\n", f->name, _ (f->summary));
  g_string_append_c (str, '\n');
  g_string_append (str, _ ("The file is replaced only once the whole export is written."));

  return g_string_free (str, FALSE);
}

static int
export_run (DebriefCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *description = describe_formats ();
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_auto (GStrv) args = NULL;
  const ExportFormat *format;
  ExportRequest       request = { 0 };
  const GOptionEntry  entries[] = {
     { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
       N_ ("The format to write (default: json)"), N_ ("FORMAT") },
     { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
       N_ ("The file to write, or “-” for standard output (required)"), N_ ("FILE") },
     G_OPTION_ENTRY_NULL,
  };

  if (!debrief_cli_parse (cli, entries, description, argc, argv, 1, 1, &args))
    return DEBRIEF_CLI_EXIT_USAGE;

  if (!(format = find_format (format_name != NULL ? format_name : "json")))
    {
      g_autofree char *known = list_formats ();

      return debrief_cli_usage_error (cli, _ ("Unknown format “%s”. Use one of: %s."), format_name,
                                      known);
    }

  if (output == NULL)
    return debrief_cli_usage_error (cli, _ ("Missing -o FILE (use “-o -” for standard output)."));

  if (!g_str_equal (output, "-"))
    file = g_file_new_for_commandline_arg (output);

  if (!(request.report = debrief_cli_lookup_report (cli, args[0], DEBRIEF_CLI_READ, &error)))
    return debrief_cli_fail (cli, error);
  request.file = file;

  if (!format->export(&request, &error))
    return debrief_cli_fail (cli, error);

  return DEBRIEF_CLI_EXIT_SUCCESS;
}

static int
import_run (DebriefCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DebriefReport) report = NULL;
  g_auto (GStrv) args = NULL;
  DebriefLibrary *library;

  if (!debrief_cli_parse (cli, NULL,
                          _ ("Reads a report’s JSON document, as “export --format json” writes "
                             "it, and adds the report to the library with the same id. Nothing "
                             "is added unless the whole document is valid."),
                          argc, argv, 1, 1, &args))
    return DEBRIEF_CLI_EXIT_USAGE;

  if (g_str_equal (args[0], "-"))
    {
      g_autoptr (GBytes) bytes = NULL;
      const char *data;
      gsize       length = 0;

      if (!(bytes = debrief_cli_read_stdin (IMPORT_MAX_BYTES, &error)))
        return debrief_cli_fail (cli, error);
      data = g_bytes_get_data (bytes, &length);
      report = debrief_json_import_report (length > 0 ? data : "", (gssize) length, &error);
    }
  else
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (args[0]);

      report = debrief_json_import_file (file, &error);
    }

  if (report == NULL)
    return debrief_cli_fail (cli, error);

  if (!(library = debrief_cli_open_library (cli, DEBRIEF_CLI_WRITE, &error)))
    return debrief_cli_fail (cli, error);

  if (!debrief_library_add_report (library, report, &error))
    return debrief_cli_fail (cli, error);

  if (debrief_cli_finish_changes (cli) != DEBRIEF_CLI_EXIT_SUCCESS)
    return DEBRIEF_CLI_EXIT_FAILURE;

  g_print ("%s\n", debrief_report_get_uuid (report));

  return DEBRIEF_CLI_EXIT_SUCCESS;
}

const DebriefCliCommand debrief_cli_transfer_commands[] = {
  { "export", N_ ("REPORT"), N_ ("Write a report to a file, such as its JSON document"),
    export_run, NULL },
  { "import", N_ ("FILE|-"), N_ ("Add a report from its JSON document and print its id"),
    import_run, NULL },
  { NULL },
};
