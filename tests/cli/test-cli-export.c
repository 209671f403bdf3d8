/* test-cli-export.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cli-test-util.h"

/* export --format pdf|md|json with profiles and paper sizes, run as a user
 * or a script would. PDFs are read back with poppler's pdftotext and
 * pdfinfo, as a reader would see them. */

/* 2026-12-04 13:00 UTC, 14:00 in Berlin */
#define EPOCH "1796389200"

static const char *const fixed_time[] = { "SOURCE_DATE_EPOCH=" EPOCH, NULL };

static void run_ok (const char *lib, const char *first_arg, ...) G_GNUC_NULL_TERMINATED;

static void
run_ok (const char *lib, const char *first_arg, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (CliRun) run = NULL;
  va_list va;

  g_ptr_array_add (args, (gpointer) "--library");
  g_ptr_array_add (args, (gpointer) lib);
  va_start (va, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (va, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (va);
  g_ptr_array_add (args, NULL);

  run = cli_runv (NULL, NULL, (const char *const *) args->pdata);
  cli_assert_status (run, 0);
}

/* A report with something in every part an export shows */
static char *
make_report (const char *dir, const char *lib)
{
  g_autofree char *summary = cli_path (dir, "summary.md");
  g_autofree char *communication = cli_path (dir, "communication.md");
  g_autoptr (CliRun) run = NULL;
  char *uuid;

  run = cli_run (lib, "new", "--title", "Checkout outage", "--lead", "Alice Example", "--timezone",
                 "Europe/Berlin", "--started", "2026-12-04 14:00", "--severity", "sev2", NULL);
  cli_assert_status (run, 0);
  uuid = g_strdup (g_strchomp (run->out));

  debrief_test_write_file (summary, "Checkout failed for *forty* minutes after a bad deploy.\n",
                           -1);
  debrief_test_write_file (communication, "The status page was updated every half hour.\n", -1);
  run_ok (lib, "section", uuid, "summary", summary, NULL);
  run_ok (lib, "section", uuid, "communication", communication, NULL);
  run_ok (lib, "action", "add", uuid, "-d", "Canary every deploy", "--owner", "Bob Owner", "--due",
          "2027-01-15", "--type", "prevent", NULL);

  run_ok (lib, "timeline", "add", uuid, "--at", "14:00", "-e", "started", "-k", "act",
          "bad deploy went out", NULL);
  run_ok (lib, "timeline", "add", uuid, "--at", "14:25", "-e", "detected", "alert fired", NULL);
  run_ok (lib, "timeline", "add", uuid, "--at", "14:31", "-k", "hyp", "cache config is wrong",
          NULL);
  run_ok (lib, "timeline", "add", uuid, "--at", "15:00", "-e", "mitigated", "-k", "act",
          "rolled back", NULL);
  run_ok (lib, "timeline", "add", uuid, "--at", "15:40", "-e", "resolved", "all clear", NULL);

  return uuid;
}

static gboolean
have_poppler_utils (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("pdftotext and pdfinfo (poppler-utils) are not installed");
      return FALSE;
    }

  return TRUE;
}

/* Runs a poppler tool on @pdf and returns what it prints */
static char *
poppler (const char *tool, const char *pdf)
{
  g_autoptr (GError) error = NULL;
  char       *out = NULL;
  int         status = 0;
  const char *argv[] = { tool, pdf, "-", NULL };

  if (g_str_equal (tool, "pdfinfo"))
    argv[2] = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
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
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autoptr (CliRun) run = cli_run (lib, "export", "--help", NULL);

  cli_assert_status (run, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_nonnull (strstr (run->out, "debrief-cli export [OPTION…] REPORT"));
  g_assert_nonnull (strstr (run->out, "\n  pdf "));
  g_assert_nonnull (strstr (run->out, "\n  md "));
  g_assert_nonnull (strstr (run->out, "\n  json "));
  g_assert_nonnull (strstr (run->out, "\n  leadership  Summary, impact, metrics"));
  g_assert_nonnull (strstr (run->out, "\n  customer "));
  g_assert_nonnull (strstr (run->out, "no names of people"));
  g_assert_nonnull (strstr (run->out, "--paper=PAPER"));
  g_assert_nonnull (strstr (run->out, "--profile=PROFILE"));
  g_assert_nonnull (strstr (run->out, "SOURCE_DATE_EPOCH"));
  g_assert_false (g_file_test (lib, G_FILE_TEST_EXISTS));

  debrief_test_remove_dir (dir);
}

static void
test_pdf (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *uuid = make_report (dir, lib);
  g_autofree char *full = cli_path (dir, "full.pdf");
  g_autofree char *customer = cli_path (dir, "customer.pdf");
  g_autofree char *leadership = cli_path (dir, "leadership.pdf");
  g_autofree char *letter = cli_path (dir, "letter.pdf");
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *head = NULL;

  if (!have_poppler_utils ())
    {
      debrief_test_remove_dir (dir);
      return;
    }

  {
    g_autoptr (CliRun) run = cli_run (lib, "export", uuid, "--format", "pdf", "-o", full, NULL);

    cli_assert_status (run, 0);
    g_assert_cmpstr (run->out, ==, "");
    g_assert_cmpstr (run->err, ==, "");
  }
  head = debrief_test_read_file (full, NULL);
  g_assert_true (g_str_has_prefix (head, "%PDF-"));

  text = poppler ("pdftotext", full);
  g_assert_nonnull (strstr (text, "Checkout outage"));
  g_assert_nonnull (strstr (text, "Executive summary"));
  g_assert_nonnull (strstr (text, "Checkout failed for forty minutes after a bad deploy."));
  g_assert_nonnull (strstr (text, "The status page was updated every half hour."));
  g_assert_nonnull (strstr (text, "Alice Example"));
  /* The owner, in a narrow column of the action items table */
  g_assert_nonnull (strstr (text, "Bob"));
  g_assert_nonnull (strstr (text, "alert fired"));
  g_assert_nonnull (strstr (text, "Page 1 of "));
  /* The summary comes before the communication notes */
  g_assert_true (strstr (text, "Checkout failed") < strstr (text, "The status page was"));

  info = poppler ("pdfinfo", full);
  g_assert_nonnull (strstr (info, "Checkout outage"));
  g_assert_nonnull (strstr (info, "Debrief"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&info, g_free);

  /* The customer profile: no names of people */
  {
    g_autoptr (CliRun) run = cli_run (lib, "export", uuid, "-f", "pdf", "--profile", "customer",
                                      "-o", customer, NULL);

    cli_assert_status (run, 0);
  }
  text = poppler ("pdftotext", customer);
  g_assert_nonnull (strstr (text, "Checkout outage"));
  g_assert_nonnull (strstr (text, "Checkout failed for forty minutes after a bad deploy."));
  g_assert_null (strstr (text, "Alice Example"));
  g_assert_null (strstr (text, "Alice"));
  g_assert_null (strstr (text, "Bob"));
  g_assert_null (strstr (text, "The status page was updated"));
  g_clear_pointer (&text, g_free);

  /* Leadership: the summary, not the communication notes */
  {
    g_autoptr (CliRun) run = cli_run (lib, "export", uuid, "-f", "pdf", "-p", "leadership", "-o",
                                      leadership, NULL);

    cli_assert_status (run, 0);
  }
  text = poppler ("pdftotext", leadership);
  g_assert_nonnull (strstr (text, "Checkout failed for forty minutes"));
  g_assert_nonnull (strstr (text, "Time to detect"));
  g_assert_null (strstr (text, "The status page was updated"));
  g_clear_pointer (&text, g_free);

  /* Paper sizes */
  {
    g_autoptr (CliRun)
        a = cli_run (lib, "export", uuid, "-f", "pdf", "--paper", "letter", "-o", letter, NULL);
    g_autoptr (CliRun)
        b = cli_run (lib, "export", uuid, "-f", "pdf", "--paper", "a4", "-o", full, NULL);

    cli_assert_status (a, 0);
    cli_assert_status (b, 0);
  }
  info = poppler ("pdfinfo", letter);
  g_assert_nonnull (strstr (info, "612 x 792 pts"));
  g_clear_pointer (&info, g_free);
  info = poppler ("pdfinfo", full);
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts"));

  debrief_test_remove_dir (dir);
}

static void
test_reproducible (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *uuid = make_report (dir, lib);
  g_autofree char *first = cli_path (dir, "first.pdf");
  g_autofree char *second = cli_path (dir, "second.pdf");
  g_autofree char *first_data = NULL;
  g_autofree char *second_data = NULL;
  g_autofree char *text = NULL;
  gsize            first_length = 0, second_length = 0;

  if (!have_poppler_utils ())
    {
      debrief_test_remove_dir (dir);
      return;
    }

  {
    g_autoptr (CliRun)
        a = cli_run_env (fixed_time, lib, "export", uuid, "-f", "pdf", "-o", first, NULL);

    cli_assert_status (a, 0);
  }
  /* A second later, on another clock tick: the same bytes */
  g_usleep (1100 * 1000);
  {
    g_autoptr (CliRun)
        b = cli_run_env (fixed_time, lib, "export", uuid, "-f", "pdf", "-o", second, NULL);

    cli_assert_status (b, 0);
  }
  first_data = debrief_test_read_file (first, &first_length);
  second_data = debrief_test_read_file (second, &second_length);
  g_assert_cmpmem (first_data, first_length, second_data, second_length);

  /* The same document on standard output */
  {
    g_autoptr (CliRun)
        piped = cli_run_env (fixed_time, lib, "export", uuid, "-f", "pdf", "-o", "-", NULL);

    cli_assert_status (piped, 0);
    g_assert_cmpmem (piped->out, piped->out_length, first_data, first_length);
  }

  /* It says it was generated at SOURCE_DATE_EPOCH, in the report's zone */
  text = poppler ("pdftotext", first);
  g_assert_nonnull (strstr (text, "Generated 2026-12-04 14:00 CET"));

  debrief_test_remove_dir (dir);
}

/* Checks that the lines from @start form a GitHub-style table with
 * @n_rows rows under its header, and returns the rows. */
static char **
github_table (char **lines, guint start, guint n_rows)
{
  g_autoptr (GRegex) separator = g_regex_new ("^\\|( *:?-{3,}:? *\\|)+$", 0, 0, NULL);
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  guint n_columns = 0;

  g_assert_true (g_str_has_prefix (lines[start], "| "));
  g_assert_true (g_str_has_suffix (lines[start], " |"));
  for (const char *p = lines[start]; *p; p++)
    n_columns += *p == '|';

  g_assert_true (g_regex_match (separator, lines[start + 1], 0, NULL));

  for (guint i = start + 2; lines[i] != NULL && g_str_has_prefix (lines[i], "|"); i++)
    {
      g_assert_true (g_str_has_suffix (lines[i], " |"));
      g_ptr_array_add (rows, lines[i]);
    }
  g_assert_cmpuint (rows->len, ==, n_rows);
  g_assert_cmpuint (n_columns, >=, 3);
  g_ptr_array_add (rows, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&rows), FALSE);
}

static void
test_markdown (void)
{
  g_autofree char  *dir = debrief_test_make_dir ();
  g_autofree char  *lib = cli_path (dir, "lib.debrief");
  g_autofree char  *uuid = make_report (dir, lib);
  g_autofree char  *md = cli_path (dir, "report.md");
  g_autofree char  *data = NULL;
  g_autofree char **rows = NULL;
  g_auto (GStrv) lines = NULL;
  gsize length = 0;
  guint timeline_heading = 0;

  {
    g_autoptr (CliRun)
        file = cli_run_env (fixed_time, lib, "export", uuid, "--format", "md", "-o", md, NULL);
    g_autoptr (CliRun) piped = cli_run_env (fixed_time, lib, "export", uuid, "--format",
                                            "markdown", "-o", "-", NULL);

    cli_assert_status (file, 0);
    cli_assert_status (piped, 0);
    data = debrief_test_read_file (md, &length);
    g_assert_cmpmem (piped->out, piped->out_length, data, length);
  }

  g_assert_true (g_str_has_prefix (data, "# Checkout outage\n"));
  g_assert_nonnull (
      strstr (data, "\n## Executive summary\n\nCheckout failed for *forty* minutes"));
  g_assert_nonnull (strstr (data, "Alice Example"));

  /* The timeline as a GitHub-style table, a row per entry */
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_equal (lines[i], "## Timeline"))
        timeline_heading = i;
    }
  g_assert_cmpuint (timeline_heading, >, 0);
  g_assert_cmpstr (lines[timeline_heading + 1], ==, "");
  rows = github_table (lines, timeline_heading + 2, 5);
  g_assert_nonnull (strstr (rows[0], "14:00 CET"));
  g_assert_nonnull (strstr (rows[0], "bad deploy went out"));
  g_assert_nonnull (strstr (rows[1], "alert fired"));
  g_assert_nonnull (strstr (rows[2], "Hypothesis"));
  g_assert_nonnull (strstr (rows[4], "all clear"));

  /* Profiles apply to Markdown too */
  {
    g_autoptr (CliRun)
        customer = cli_run (lib, "export", uuid, "-f", "md", "-p", "customer", "-o", "-", NULL);

    cli_assert_status (customer, 0);
    g_assert_nonnull (strstr (customer->out, "# Checkout outage"));
    g_assert_null (strstr (customer->out, "Alice"));
    g_assert_null (strstr (customer->out, "Bob Owner"));
  }

  debrief_test_remove_dir (dir);
}

static void
test_json (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *uuid = make_report (dir, lib);
  g_autoptr (CliRun) run = cli_run (lib, "export", uuid, "-f", "json", "-o", "-", NULL);
  g_autoptr (CliRun) customer = NULL;
  g_autoptr (JsonNode) doc = NULL;
  JsonArray *timeline;

  /* The JSON document carries the timeline */
  cli_assert_status (run, 0);
  doc = cli_parse_json (run);
  timeline = json_object_get_array_member (json_node_get_object (doc), "timeline");
  g_assert_nonnull (timeline);
  g_assert_cmpuint (json_array_get_length (timeline), ==, 5);
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (timeline, 1), "text"), ==,
      "alert fired");

  /* It is the whole report, always */
  customer = cli_run (lib, "export", uuid, "-f", "json", "-p", "customer", "-o", "-", NULL);
  cli_assert_failure (customer, 1, "The JSON export always holds the whole report");
  g_assert_cmpstr (customer->out, ==, "");

  debrief_test_remove_dir (dir);
}

/* A character no font has: written all the same, and said on stderr */
/* Without --format, the output file's extension names the format */
static void
test_format_from_extension (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *uuid = make_report (dir, lib);
  struct
  {
    const char *name;
    const char *starts;
  } outputs[] = {
    { "report.pdf", "%PDF-" },    { "REPORT.PDF", "%PDF-" }, { "report.md", "# " },
    { "report.json", "{" },       { "report.txt", "{" },     { "report", "{" },
    { "notes.md.d/report", "{" },
  };

  g_assert_cmpint (g_mkdir (cli_path (dir, "notes.md.d"), 0755), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *path = cli_path (dir, outputs[i].name);
      g_autoptr (CliRun) run = cli_run (lib, "export", uuid, "-o", path, NULL);
      g_autofree char *head = NULL;

      cli_assert_status (run, 0);
      head = debrief_test_read_file (path, NULL);
      if (!g_str_has_prefix (head, outputs[i].starts))
        g_error ("%s starts with “%.12s”, not “%s”", outputs[i].name, head, outputs[i].starts);
    }

  debrief_test_remove_dir (dir);
}

static void
test_missing_characters (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *uuid = make_report (dir, lib);
  g_autofree char *body = cli_path (dir, "impact.md");
  g_autofree char *pdf = cli_path (dir, "report.pdf");

  debrief_test_write_file (body, "Shown as a box: \U0010FFFD.\n", -1);
  run_ok (lib, "section", uuid, "impact", body, NULL);

  {
    g_autoptr (CliRun) run = cli_run (lib, "export", uuid, "-f", "pdf", "-o", pdf, NULL);

    cli_assert_status (run, 0);
    g_assert_nonnull (strstr (run->err, "U+10FFFD"));
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  }

  /* To standard output too, which GLib's debug messages leave alone, and
   * not for Markdown */
  {
    const char *const env[] = { "G_MESSAGES_DEBUG=all", NULL };
    g_autoptr (CliRun) run = cli_run_env (env, lib, "export", uuid, "-f", "pdf", "-o", "-", NULL);

    cli_assert_status (run, 0);
    g_assert_nonnull (strstr (run->err, "U+10FFFD"));
    g_assert_true (g_str_has_prefix (run->out, "%PDF-"));
  }
  {
    g_autoptr (CliRun) run = cli_run (lib, "export", uuid, "-f", "md", "-o", "-", NULL);

    cli_assert_status (run, 0);
    g_assert_cmpstr (run->err, ==, "");
  }

  debrief_test_remove_dir (dir);
}

static void
test_failures (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *lib = cli_path (dir, "lib.debrief");
  g_autofree char *uuid = make_report (dir, lib);
  g_autofree char *missing_dir = cli_path (dir, "missing");
  g_autofree char *nowhere = cli_path (missing_dir, "report.pdf");
  g_autofree char *locked = cli_path (dir, "locked");
  g_autofree char *old = cli_path (locked, "report.md");
  g_autofree char *target = cli_path (dir, "target.pdf");
  g_autofree char *contents = NULL;
  guint            n_files;

  /* A folder that does not exist: the reason, and no file anywhere */
  n_files = count_files (dir);
  {
    g_autoptr (CliRun) run = cli_run (lib, "export", uuid, "-f", "pdf", "-o", nowhere, NULL);

    cli_assert_failure (run, 1, "report.pdf");
    g_assert_nonnull (strstr (run->err, "No such file or directory"));
  }
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, n_files);

  /* A read-only folder: the old file stays as it was, nothing is added */
  g_assert_cmpint (g_mkdir (locked, 0755), ==, 0);
  debrief_test_write_file (old, "the old export\n", -1);
  if (debrief_test_make_read_only (locked))
    {
      g_autoptr (CliRun) md = cli_run (lib, "export", uuid, "-f", "md", "-o", old, NULL);
      g_autofree char *fresh = cli_path (locked, "fresh.pdf");
      g_autoptr (CliRun) pdf = cli_run (lib, "export", uuid, "-f", "pdf", "-o", fresh, NULL);

      debrief_test_make_writable (locked);
      g_chmod (locked, 0755);

      cli_assert_failure (md, 1, "report.md");
      cli_assert_failure (pdf, 1, "fresh.pdf");
      g_assert_cmpuint (count_files (locked), ==, 1);
      contents = debrief_test_read_file (old, NULL);
      g_assert_cmpstr (contents, ==, "the old export\n");
    }
  else
    {
      g_chmod (locked, 0755);
      g_test_message ("The folder cannot be made read-only here; that part is left out");
    }

  /* Bad options are usage errors, checked before anything is written */
  {
    g_autoptr (CliRun) format = cli_run (lib, "export", uuid, "-f", "docx", "-o", target, NULL);
    g_autoptr (CliRun)
        profile = cli_run (lib, "export", uuid, "-f", "pdf", "-p", "board", "-o", target, NULL);
    g_autoptr (CliRun)
        paper = cli_run (lib, "export", uuid, "-f", "pdf", "--paper", "a3", "-o", target, NULL);
    g_autoptr (CliRun) output = cli_run (lib, "export", uuid, "-f", "pdf", NULL);
    g_autoptr (CliRun) empty = cli_run (lib, "export", uuid, "-f", "pdf", "-o", "", NULL);
    g_autoptr (CliRun)
        report = cli_run (lib, "export", "no-such-report", "-f", "pdf", "-o", target, NULL);

    cli_assert_failure (format, 2, "Unknown format “docx”. Use one of: pdf, md, json.");
    cli_assert_failure (profile, 2, "There is no export profile “board”");
    cli_assert_failure (paper, 2, "“a3” is not an accepted value. Use one of: auto, a4, letter.");
    cli_assert_failure (output, 2, "Missing -o FILE");
    cli_assert_failure (empty, 2, "Missing -o FILE");
    cli_assert_failure (report, 1, "no-such-report");
  }
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  debrief_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/export/help", test_help);
  g_test_add_func ("/cli/export/pdf", test_pdf);
  g_test_add_func ("/cli/export/reproducible", test_reproducible);
  g_test_add_func ("/cli/export/markdown", test_markdown);
  g_test_add_func ("/cli/export/json", test_json);
  g_test_add_func ("/cli/export/format-from-extension", test_format_from_extension);
  g_test_add_func ("/cli/export/failures", test_failures);
  g_test_add_func ("/cli/export/missing-characters", test_missing_characters);

  return g_test_run ();
}
