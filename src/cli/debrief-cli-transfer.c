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

/* export and import. Each export format is a row in the formats table;
 * the core writes them all (debrief_export_to_file()), with the options
 * every format shares: the profile, the paper size, the classification. */

/* The largest document "import -" reads from standard input. */
#define IMPORT_MAX_BYTES (256 * 1024 * 1024)

typedef struct
{
  const char         *name;
  DebriefExportFormat format;
  const char         *summary;
  /* Not text: refused on a terminal */
  gboolean binary;
} ExportFormat;

static const ExportFormat formats[] = {
  { "pdf", DEBRIEF_EXPORT_FORMAT_PDF, N_ ("a paginated PDF document, to read and print"), TRUE },
  { "md", DEBRIEF_EXPORT_FORMAT_MARKDOWN,
    N_ ("Markdown, with the timeline and the action items as tables, for wikis and trackers"),
    FALSE },
  { "json", DEBRIEF_EXPORT_FORMAT_JSON,
    N_ ("the report’s JSON document, which “import” reads back (full profile only)"), FALSE },
  { NULL },
};

static const ExportFormat *
find_format (const char *name)
{
  /* The name of the format, as well as its extension */
  if (g_strcmp0 (name, "markdown") == 0)
    name = "md";

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
  const DebriefProfile *profiles;
  GString              *str = g_string_new (NULL);
  guint                 n_profiles = 0;
  guint                 width = 0;

  profiles = debrief_profile_get_all (&n_profiles);
  for (guint i = 0; i < n_profiles; i++)
    width = MAX (width, strlen (profiles[i].name));
  for (const ExportFormat *f = formats; f->name != NULL; f++)
    width = MAX (width, strlen (f->name));

  g_string_append_printf (str, "%s\n", _ ("Formats:"));
  for (const ExportFormat *f = formats; f->name != NULL; f++)
    g_string_append_printf (str, "  %-*s  %s\n", (int) width, f->name, _ (f->summary));
  g_string_append_c (str, '\n');

  g_string_append_printf (str, "%s\n", _ ("Profiles:"));
  for (guint i = 0; i < n_profiles; i++)
    g_string_append_printf (str, "  %-*s  %s\n", (int) width, profiles[i].name,
                            debrief_profile_get_description (&profiles[i]));
  g_string_append_c (str, '\n');

  g_string_append (str, _ ("The paper is A4 or Letter; “auto” takes the one of the locale "
                           "(LC_PAPER). It applies to PDF only. When SOURCE_DATE_EPOCH is set, it "
                           "is the time the export says it was generated, so that exports are "
                           "reproducible."));
  g_string_append_c (str, '\n');
  g_string_append (str, _ ("The file is replaced only once the whole export is written: an "
                           "export that fails leaves the old file, or no file, behind."));

  return g_string_free (str, FALSE);
}

static int
export_run (DebriefCli *cli, int argc, char **argv)
{
  g_autoptr (DebriefExportOptions) options = debrief_export_options_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *description = describe_formats ();
  g_autofree char *format_name = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *classification = NULL;
  g_autofree char *output = NULL;
  g_autofree char *missing = NULL;
  g_auto (GStrv) args = NULL;
  const ExportFormat *format;
  DebriefReport      *report;
  const GOptionEntry  entries[] = {
     { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
       N_ ("The format to write: pdf, md or json (default: the output file’s extension, or "
            "json)"),
       N_ ("FORMAT") },
     { "profile", 'p', 0, G_OPTION_ARG_STRING, &profile,
       N_ ("What to include: full (the default), leadership or customer"), N_ ("PROFILE") },
     { "paper", 0, 0, G_OPTION_ARG_STRING, &paper,
       N_ ("The paper size of a PDF: auto (the default), a4 or letter"), N_ ("PAPER") },
     { "classification", 0, 0, G_OPTION_ARG_FILENAME, &classification,
       N_ ("The marking in each page’s header (default: the report’s)"), N_ ("TEXT") },
     { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
       N_ ("The file to write, or “-” for standard output (required)"), N_ ("FILE") },
     G_OPTION_ENTRY_NULL,
  };

  if (!debrief_cli_parse (cli, entries, description, argc, argv, 1, 1, &args))
    return DEBRIEF_CLI_EXIT_USAGE;

  /* Without --format, "-o report.pdf" writes a PDF */
  if (format_name == NULL && output != NULL && !g_str_equal (output, "-"))
    {
      const char *dot = strrchr (output, '.');

      if (dot != NULL && strchr (dot, G_DIR_SEPARATOR) == NULL)
        {
          g_autofree char *extension = g_ascii_strdown (dot + 1, -1);

          if (find_format (extension) != NULL)
            format_name = g_steal_pointer (&extension);
        }
    }

  if (!(format = find_format (format_name != NULL ? format_name : "json")))
    {
      g_autofree char *known = list_formats ();

      return debrief_cli_usage_error (cli, _ ("Unknown format “%s”. Use one of: %s."), format_name,
                                      known);
    }
  debrief_export_options_set_format (options, format->format);

  if (profile != NULL && !debrief_export_options_set_field (options, "profile", profile, &error))
    return debrief_cli_usage_error (cli, "%s", error->message);

  if (paper != NULL && !debrief_export_options_set_field (options, "paper", paper, &error))
    return debrief_cli_usage_error (cli, "%s", error->message);

  if (classification != NULL &&
      !debrief_export_options_set_field (options, "classification",
                                         debrief_cli_text (cli, classification), &error))
    return debrief_cli_usage_error (cli, "%s", error->message);

  if (output == NULL || *output == '\0')
    return debrief_cli_usage_error (cli, _ ("Missing -o FILE (use “-o -” for standard output)."));

  if (g_str_equal (output, "-") && format->binary && debrief_cli_stdout_is_terminal ())
    /* Translators: %s is a format such as "pdf" */
    return debrief_cli_usage_error (cli,
                                    _ ("A %s document is not shown on a terminal. Name a file "
                                       "with -o FILE, or send standard output to a file or a "
                                       "program."),
                                    format->name);

  if (!(report = debrief_cli_lookup_report (cli, args[0], DEBRIEF_CLI_READ, &error)))
    return debrief_cli_fail (cli, error);

  if (g_str_equal (output, "-"))
    {
      g_autoptr (GBytes) bytes = NULL;
      gsize       length = 0;
      const char *data;

      /* All in memory first: a failure writes nothing */
      if (!(bytes = debrief_export_to_bytes_full (report, options, NULL, &missing, &error)))
        return debrief_cli_fail (cli, error);
      data = g_bytes_get_data (bytes, &length);
      if (length > 0)
        debrief_cli_write (data, (gssize) length);
    }
  else
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (output);

      if (!debrief_export_to_file_full (report, options, file, NULL, &missing, &error))
        return debrief_cli_fail (cli, error);
    }

  /* Written all the same: the boxes are there to see */
  if (missing != NULL)
    {
      g_autofree char *message = debrief_export_describe_missing_characters (missing);

      g_printerr ("debrief-cli: %s\n", message);
    }

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
  { "export", N_ ("REPORT"), N_ ("Write a report as PDF, Markdown or its JSON document"),
    export_run, NULL },
  { "import", N_ ("FILE|-"), N_ ("Add a report from its JSON document and print its id"),
    import_run, NULL },
  { NULL },
};
