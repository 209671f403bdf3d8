/* export-run.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "export-run"

#include "config.h"

#include <locale.h>

#include "debrief-core.h"

/* bench/export's helper: generates a large report and writes it as the
 * JSON document that `debrief-cli import` reads. */

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
  int          entries = 1000, actions = 200, paragraphs = 200;
  char        *output = NULL;
  GOptionEntry option_entries[] = {
    { "entries", 0, 0, G_OPTION_ARG_INT, &entries, "Timeline entries", "N" },
    { "actions", 0, 0, G_OPTION_ARG_INT, &actions, "Action items", "N" },
    { "paragraphs", 0, 0, G_OPTION_ARG_INT, &paragraphs, "Extra paragraphs of text", "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Where to write the report", "FILE" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("- write a generated report as JSON");
  g_option_context_add_main_entries (context, option_entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || output == NULL)
    {
      g_printerr ("%s\n", error ? error->message : "Give a file to write with -o FILE");
      return 2;
    }

  report = debrief_test_make_rich_report ((guint) entries, (guint) actions, (guint) paragraphs);
  options = debrief_export_options_new ();
  debrief_export_options_set_format (options, DEBRIEF_EXPORT_FORMAT_JSON);
  file = g_file_new_for_commandline_arg (output);
  g_free (output);
  if (!debrief_export_to_file (report, options, file, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
