/* export-run.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "export-run"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "debrief-core.h"

/* bench/export's helper: generates a large report and exports it, and
 * prints how long that took and how much memory it used. */

DebriefReport *
debrief_test_make_rich_report (guint n_entries, guint n_actions, guint n_extra_paragraphs);

int
main (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DebriefReport) report = NULL;
  g_autoptr (DebriefExportOptions) options = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFile) md_file = NULL;
  g_autoptr (GFileInfo) info = NULL;
  int           entries = 1000, actions = 200, paragraphs = 200;
  char         *profile = NULL, *paper = NULL, *format = NULL, *output = NULL, *markdown = NULL;
  gint64        t0, t1, t2;
  struct rusage usage;
  GOptionEntry  option_entries[] = {
     { "entries", 0, 0, G_OPTION_ARG_INT, &entries, "Timeline entries", "N" },
     { "actions", 0, 0, G_OPTION_ARG_INT, &actions, "Action items", "N" },
     { "paragraphs", 0, 0, G_OPTION_ARG_INT, &paragraphs, "Extra paragraphs of text", "N" },
     { "profile", 0, 0, G_OPTION_ARG_STRING, &profile, "Export profile", "NAME" },
     { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, "a4 or letter", "PAPER" },
     { "format", 0, 0, G_OPTION_ARG_STRING, &format, "pdf, md or json", "FORMAT" },
     { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Where to write the export", "FILE" },
     { "markdown", 0, 0, G_OPTION_ARG_FILENAME, &markdown,
       "Also write the report as Markdown here (not timed)", "FILE" },
     { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("- export a generated report");
  g_option_context_add_main_entries (context, option_entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || output == NULL)
    {
      g_printerr ("%s\n", error ? error->message : "Give a file to write with -o FILE");
      return 2;
    }

  t0 = g_get_monotonic_time ();
  report = debrief_test_make_rich_report ((guint) entries, (guint) actions, (guint) paragraphs);
  t1 = g_get_monotonic_time ();

  options = debrief_export_options_new ();
  if ((profile && !debrief_export_options_set_field (options, "profile", profile, &error)) ||
      (paper && !debrief_export_options_set_field (options, "paper", paper, &error)) ||
      (format && !debrief_export_options_set_field (options, "format", format, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  file = g_file_new_for_commandline_arg (output);
  if (!debrief_export_to_file (report, options, file, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  t2 = g_get_monotonic_time ();

  getrusage (RUSAGE_SELF, &usage);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, &error);
  g_assert_no_error (error);

  printf ("generate_seconds=%.3f\n", (t1 - t0) / 1e6);
  printf ("export_seconds=%.3f\n", (t2 - t1) / 1e6);
  printf ("peak_rss_kb=%ld\n", usage.ru_maxrss);
  printf ("bytes=%ld\n", (long) g_file_info_get_size (info));

  if (markdown != NULL)
    {
      md_file = g_file_new_for_commandline_arg (markdown);
      debrief_export_options_set_format (options, DEBRIEF_EXPORT_FORMAT_MARKDOWN);
      if (!debrief_export_to_file (report, options, md_file, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  g_free (profile);
  g_free (paper);
  g_free (format);
  g_free (output);
  g_free (markdown);

  return 0;
}
