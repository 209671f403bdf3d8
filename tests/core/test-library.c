/* test-library.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "debrief-test-util.h"

static void
test_create_and_reopen (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "lib.debrief");
  g_autoptr (GError) error = NULL;
  DebriefLibrary  *library;
  DebriefReport   *report;
  g_autofree char *uuid = NULL;

  library = debrief_test_open_library (file);
  g_assert_true (debrief_library_get_created (library));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);

  report = debrief_library_create_report (library, "Database failover", &error);
  g_assert_no_error (error);
  uuid = g_strdup (debrief_report_get_uuid (report));
  debrief_report_set_severity (report, DEBRIEF_SEVERITY_SEV1);
  debrief_section_set_body (debrief_report_get_section (report, "summary"), "It broke.");
  debrief_report_append_action (report, debrief_action_item_new ("Add alert"));

  g_assert_true (debrief_library_flush (library, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (library);

  library = debrief_test_open_library (file);
  g_assert_false (debrief_library_get_created (library));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
  report = debrief_library_find_report (library, uuid);
  g_assert_nonnull (report);
  g_assert_cmpstr (debrief_report_get_title (report), ==, "Database failover");
  g_assert_cmpint (debrief_report_get_severity (report), ==, DEBRIEF_SEVERITY_SEV1);
  g_assert_true (debrief_report_ensure_loaded (report, &error));
  g_assert_cmpstr (debrief_section_get_body (debrief_report_get_section (report, "summary")), ==,
                   "It broke.");
  g_assert_cmpuint (g_list_model_get_n_items (debrief_report_get_actions (report)), ==, 1);
  g_assert_finalize_object (library);

  debrief_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library/create-and-reopen", test_create_and_reopen);

  return g_test_run ();
}
