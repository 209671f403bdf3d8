/* test-model.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-model"

#include "config.h"

#include "debrief-test-util.h"

static GDate *
date (int year, int month, int day)
{
  return g_date_new_dmy (day, month, year);
}

static void
test_overdue (void)
{
  g_autoptr (DebriefActionItem) item = debrief_action_item_new ("Rotate the keys");
  g_autoptr (GError) error = NULL;
  g_autoptr (GDate) before = date (2026, 3, 9);
  g_autoptr (GDate) on = date (2026, 3, 10);
  g_autoptr (GDate) after = date (2026, 3, 11);
  g_autoptr (GDate) next_year = date (2027, 1, 1);

  /* No due date: never overdue */
  g_assert_false (debrief_action_item_is_overdue (item, after));
  g_assert_false (debrief_action_item_is_overdue (item, NULL));

  g_assert_true (debrief_action_item_set_field (item, "due", "2026-03-10", &error));
  g_assert_no_error (error);

  /* Due on the day is not late yet; the day after is */
  g_assert_false (debrief_action_item_is_overdue (item, before));
  g_assert_false (debrief_action_item_is_overdue (item, on));
  g_assert_true (debrief_action_item_is_overdue (item, after));
  g_assert_true (debrief_action_item_is_overdue (item, next_year));

  /* Only open work is overdue */
  debrief_action_item_set_status (item, DEBRIEF_ACTION_STATUS_IN_PROGRESS);
  g_assert_true (debrief_action_item_is_overdue (item, after));
  debrief_action_item_set_status (item, DEBRIEF_ACTION_STATUS_DONE);
  g_assert_false (debrief_action_item_is_overdue (item, after));
  debrief_action_item_set_status (item, DEBRIEF_ACTION_STATUS_WONT_DO);
  g_assert_false (debrief_action_item_is_overdue (item, after));
  debrief_action_item_set_status (item, DEBRIEF_ACTION_STATUS_OPEN);
  g_assert_true (debrief_action_item_is_overdue (item, after));

  /* Today, by default: long past, and far ahead */
  debrief_action_item_set_due (item, "2001-01-01");
  g_assert_true (debrief_action_item_is_overdue (item, NULL));
  debrief_action_item_set_due (item, "9999-12-31");
  g_assert_false (debrief_action_item_is_overdue (item, NULL));

  /* Clearing the date */
  g_assert_true (debrief_action_item_set_field (item, "due", "", &error));
  g_assert_null (debrief_action_item_get_due (item));
  g_assert_false (debrief_action_item_is_overdue (item, next_year));
}

static void
notify_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_empty_sections (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "lib.debrief");
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = NULL;
  DebriefLibrary  *library;
  DebriefReport   *report;
  DebriefSection  *summary, *lessons;
  guint            n_template = 0;
  guint            notified = 0;

  debrief_template_get_sections (&n_template);
  g_assert_cmpuint (n_template, >=, 7);

  library = debrief_test_open_library (file);
  report = debrief_test_create_report (library, "Sections");
  uuid = g_strdup (debrief_report_get_uuid (report));
  g_assert_cmpuint (g_list_model_get_n_items (debrief_report_get_sections (report)), ==,
                    n_template);
  g_assert_cmpuint (debrief_report_get_n_empty_sections (report), ==, n_template);
  g_signal_connect (report, "notify::n-empty-sections", G_CALLBACK (notify_cb), &notified);

  summary = debrief_report_get_section (report, "summary");
  lessons = debrief_report_get_section (report, "lessons");
  g_assert_true (debrief_section_is_empty (summary));

  debrief_section_set_body (summary, "Something happened.");
  g_assert_cmpuint (debrief_report_get_n_empty_sections (report), ==, n_template - 1);
  g_assert_cmpuint (notified, ==, 1);

  /* Editing a filled section does not change the count */
  debrief_section_set_body (summary, "Something else happened.");
  g_assert_cmpuint (debrief_report_get_n_empty_sections (report), ==, n_template - 1);
  g_assert_cmpuint (notified, ==, 1);

  /* Blank text is empty */
  debrief_section_set_body (lessons, " \n\t\r\n ");
  g_assert_true (debrief_section_is_empty (lessons));
  g_assert_cmpuint (debrief_report_get_n_empty_sections (report), ==, n_template - 1);
  debrief_section_set_body (lessons, "\n- one lesson\n");
  g_assert_cmpuint (debrief_report_get_n_empty_sections (report), ==, n_template - 2);

  /* Cleared again */
  debrief_section_set_body (summary, "");
  g_assert_true (debrief_section_is_empty (summary));
  g_assert_cmpuint (debrief_report_get_n_empty_sections (report), ==, n_template - 1);
  g_assert_cmpuint (notified, ==, 3);

  g_assert_true (debrief_library_flush (library, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (library);

  /* The count is right for a report read back from the file */
  library = debrief_test_open_library (file);
  report = debrief_library_find_report (library, uuid);
  g_assert_true (debrief_report_ensure_loaded (report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (debrief_report_get_n_empty_sections (report), ==, n_template - 1);
  g_assert_false (debrief_section_is_empty (debrief_report_get_section (report, "lessons")));
  g_assert_finalize_object (library);

  debrief_test_remove_dir (dir);
}

static void
test_sections_follow_template (void)
{
  g_autoptr (DebriefReport) report = debrief_report_new ("Template");
  const DebriefTemplateSection *template;
  guint n = 0;

  template = debrief_template_get_sections (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefSection)
          section = g_list_model_get_item (debrief_report_get_sections (report), i);

      g_assert_cmpstr (debrief_section_get_key (section), ==, template[i].key);
      g_assert_cmpstr (debrief_section_get_title (section), ==,
                       debrief_template_section_get_title (&template[i]));
      g_assert_nonnull (debrief_section_get_question (section));
      g_assert_true (debrief_report_get_section (report, template[i].key) == section);
      g_assert_cmpint (debrief_template_get_section_index (template[i].key), ==, (int) i);
    }

  g_assert_cmpstr (template[0].key, ==, "summary");
  g_assert_null (debrief_report_get_section (report, "appendix"));
  g_assert_null (debrief_template_find_section ("appendix"));
  g_assert_cmpint (debrief_template_get_section_index ("appendix"), ==, -1);
}

static void
test_enum_nicks (void)
{
  static const struct
  {
    GType (*get_type) (void);
    const char *nicks;
  } enums[] = {
    { debrief_status_get_type, "draft, in-review, final" },
    { debrief_severity_get_type, "sev1, sev2, sev3, sev4" },
    { debrief_action_status_get_type, "open, in-progress, done, wont-do" },
    { debrief_action_type_get_type, "prevent, detect, mitigate, process" },
    { debrief_entry_kind_get_type, "observation, action, decision, hypothesis, communication" },
    { debrief_key_event_get_type, "none, started, detected, acknowledged, mitigated, resolved" },
    { debrief_time_precision_get_type, "unknown, day, minute, second" },
    { debrief_entry_source_get_type, "typed, log, chat" },
  };
  g_autoptr (GError) error = NULL;
  int value = -1;

  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    {
      GType            type = enums[i].get_type ();
      g_autofree char *nicks = debrief_enum_list_nicks (type);
      g_auto (GStrv) each = g_strsplit (nicks, ", ", -1);

      g_assert_cmpstr (nicks, ==, enums[i].nicks);

      /* Every nick reads back as its value, and every value has a label */
      for (guint j = 0; each[j] != NULL; j++)
        {
          const char *label;

          g_assert_true (debrief_enum_from_nick (type, each[j], &value, &error));
          g_assert_no_error (error);
          g_assert_cmpint (value, ==, (int) j);
          g_assert_cmpstr (debrief_enum_to_nick (type, value), ==, each[j]);
          label = debrief_enum_get_label (type, value);
          g_assert_nonnull (label);
          g_assert_cmpstr (label, !=, "");
        }
      g_assert_null (debrief_enum_to_nick (type, (int) g_strv_length (each)));
      g_assert_null (debrief_enum_to_nick (type, -1));
    }

  /* What people type */
  g_assert_true (debrief_enum_from_nick (DEBRIEF_TYPE_STATUS, "In Review", &value, NULL));
  g_assert_cmpint (value, ==, DEBRIEF_STATUS_IN_REVIEW);
  g_assert_true (debrief_enum_from_nick (DEBRIEF_TYPE_STATUS, "IN_REVIEW", &value, NULL));
  g_assert_cmpint (value, ==, DEBRIEF_STATUS_IN_REVIEW);
  g_assert_true (debrief_enum_from_nick (DEBRIEF_TYPE_ACTION_STATUS, " wont_do ", &value, NULL));
  g_assert_cmpint (value, ==, DEBRIEF_ACTION_STATUS_WONT_DO);
  g_assert_true (debrief_enum_from_nick (DEBRIEF_TYPE_SEVERITY, "SEV1", &value, NULL));
  g_assert_cmpint (value, ==, DEBRIEF_SEVERITY_SEV1);

  g_assert_cmpstr (debrief_enum_get_label (DEBRIEF_TYPE_SEVERITY, DEBRIEF_SEVERITY_SEV1), ==,
                   "SEV1 · Critical");
  g_assert_cmpstr (
      debrief_enum_get_label (DEBRIEF_TYPE_ACTION_STATUS, DEBRIEF_ACTION_STATUS_WONT_DO), ==,
      "Won’t do");

  /* What is refused, with the accepted values in the message */
  value = 42;
  g_assert_false (debrief_enum_from_nick (DEBRIEF_TYPE_SEVERITY, "sev5", &value, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "sev5"));
  g_assert_nonnull (strstr (error->message, "sev1, sev2, sev3, sev4"));
  g_assert_cmpint (value, ==, 42);
  g_clear_error (&error);

  g_assert_false (debrief_enum_from_nick (DEBRIEF_TYPE_STATUS, "", &value, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (debrief_enum_from_nick (DEBRIEF_TYPE_STATUS, NULL, &value, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (debrief_enum_from_nick (DEBRIEF_TYPE_STATUS, "dra\xfft", &value, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);
  g_assert_false (debrief_enum_from_nick (DEBRIEF_TYPE_STATUS, "draft-ish", &value, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
}

static void
assert_text_refused (
    const char *text, gssize length, gsize max, gboolean multiline, int code, const char *mention)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (debrief_text_validate (text, length, max, multiline, "The thing", &error));
  g_assert_error (error, DEBRIEF_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "The thing"));
  if (mention != NULL && strstr (error->message, mention) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, mention);
}

static void
test_text_validate (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *limit = g_strnfill (100, 'x');

  /* Accepted */
  g_assert_true (debrief_text_validate ("", -1, 100, FALSE, "The thing", &error));
  g_assert_true (debrief_text_validate ("Zürich — 日本 🚒 ‏עברית", -1, 100, FALSE,
                                        "The thing", &error));
  g_assert_true (
      debrief_text_validate ("line\nline\r\n\ttab", -1, 100, TRUE, "The thing", &error));
  g_assert_true (debrief_text_validate (limit, -1, 100, FALSE, "The thing", &error));
  g_assert_no_error (error);

  /* Only the given length is looked at */
  g_assert_true (debrief_text_validate ("good\xff", 4, 100, FALSE, "The thing", &error));
  g_assert_no_error (error);

  /* Limits, in bytes */
  assert_text_refused (limit, -1, 99, FALSE, DEBRIEF_ERROR_TOO_LARGE, "at most");
  assert_text_refused ("ééé", -1, 5, FALSE, DEBRIEF_ERROR_TOO_LARGE, NULL);

  /* Control characters */
  assert_text_refused ("two\nlines", -1, 100, FALSE, DEBRIEF_ERROR_INVALID_TEXT, "U+000A");
  assert_text_refused ("a\ttab", -1, 100, FALSE, DEBRIEF_ERROR_INVALID_TEXT, "U+0009");
  assert_text_refused ("bell\a", -1, 100, TRUE, DEBRIEF_ERROR_INVALID_TEXT, "U+0007");
  assert_text_refused ("escape \x1b[31mred", -1, 100, TRUE, DEBRIEF_ERROR_INVALID_TEXT, "U+001B");
  assert_text_refused ("delete\x7f", -1, 100, TRUE, DEBRIEF_ERROR_INVALID_TEXT, "U+007F");
  assert_text_refused ("next line \xc2\x85", -1, 100, TRUE, DEBRIEF_ERROR_INVALID_TEXT, "U+0085");
  assert_text_refused ("at byte 3\x01", -1, 100, TRUE, DEBRIEF_ERROR_INVALID_TEXT, "byte 9");

  /* NUL, and bytes that are not UTF-8 */
  assert_text_refused ("nul\0byte", 8, 100, TRUE, DEBRIEF_ERROR_INVALID_TEXT,
                       "NUL byte at byte 3");
  assert_text_refused ("caf\xe9", -1, 100, TRUE, DEBRIEF_ERROR_INVALID_TEXT, "byte 3");
  assert_text_refused ("\xf4\x90\x80\x80", -1, 100, TRUE, DEBRIEF_ERROR_INVALID_TEXT, "UTF-8");
  assert_text_refused (NULL, -1, 100, TRUE, DEBRIEF_ERROR_INVALID_TEXT, "missing");
}

static void
test_field_lists (void)
{
  const char *const *report_fields = debrief_report_list_fields ();
  const char *const *action_fields = debrief_action_item_list_fields ();
  g_autoptr (DebriefReport) report = debrief_report_new ("Fields");
  g_autoptr (DebriefActionItem) item = debrief_action_item_new ("Fields");
  static const char *const report_values[][2] = {
    { "title", "A title" }, { "status", "final" },        { "severity", "sev4" },
    { "lead", "Ana" },      { "timezone", "Asia/Tokyo" }, { "started", "2026-01-01 10:00" },
  };
  static const char *const action_values[][2] = {
    { "description", "Do it" }, { "owner", "Bo" },    { "due", "2026-01-31" },
    { "status", "done" },       { "type", "detect" }, { "link", "https://example.com" },
  };
  g_autoptr (GError) error = NULL;

  /* Every field named in the lists can be set */
  for (guint i = 0; i < G_N_ELEMENTS (report_values); i++)
    {
      g_assert_true (g_strv_contains (report_fields, report_values[i][0]));
      g_assert_true (
          debrief_report_set_field (report, report_values[i][0], report_values[i][1], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (action_values); i++)
    {
      g_assert_cmpstr (action_fields[i], ==, action_values[i][0]);
      g_assert_true (
          debrief_action_item_set_field (item, action_values[i][0], action_values[i][1], &error));
      g_assert_no_error (error);
    }
  g_assert_null (action_fields[G_N_ELEMENTS (action_values)]);

  g_assert_cmpstr (debrief_report_get_title (report), ==, "A title");
  g_assert_cmpint (debrief_report_get_status (report), ==, DEBRIEF_STATUS_FINAL);
  g_assert_cmpint (debrief_report_get_severity (report), ==, DEBRIEF_SEVERITY_SEV4);
  g_assert_cmpstr (debrief_report_get_lead (report), ==, "Ana");
  g_assert_cmpstr (debrief_report_get_timezone (report), ==, "Asia/Tokyo");
  /* Read in the report's zone, set just before */
  g_assert_cmpint (debrief_report_get_started_at (report), ==, 1767229200);

  g_assert_cmpstr (debrief_action_item_get_description (item), ==, "Do it");
  g_assert_cmpstr (debrief_action_item_get_owner (item), ==, "Bo");
  g_assert_cmpstr (debrief_action_item_get_due (item), ==, "2026-01-31");
  g_assert_cmpint (debrief_action_item_get_status (item), ==, DEBRIEF_ACTION_STATUS_DONE);
  g_assert_cmpint (debrief_action_item_get_action_type (item), ==, DEBRIEF_ACTION_TYPE_DETECT);
  g_assert_cmpstr (debrief_action_item_get_link (item), ==, "https://example.com");

  /* Clearing the start */
  g_assert_true (debrief_report_set_field (report, "started", "", &error));
  g_assert_cmpint (debrief_report_get_started_at (report), ==, DEBRIEF_TIME_UNSET);
}

static void
test_timeline_entry_precision (void)
{
  g_autoptr (DebriefTimelineEntry) entry = NULL;

  /* A time that is not known has no precision */
  entry = debrief_timeline_entry_new (DEBRIEF_TIME_UNSET, DEBRIEF_TIME_PRECISION_SECOND,
                                      DEBRIEF_ENTRY_KIND_ACTION, "No time");
  g_assert_cmpint (debrief_timeline_entry_get_precision (entry), ==,
                   DEBRIEF_TIME_PRECISION_UNKNOWN);
  g_assert_cmpstr (debrief_timeline_entry_get_uuid (entry), !=, "");
  g_assert_true (g_uuid_string_is_valid (debrief_timeline_entry_get_uuid (entry)));

  debrief_timeline_entry_set_occurred_at (entry, 1767225600, DEBRIEF_TIME_PRECISION_MINUTE);
  g_assert_cmpint (debrief_timeline_entry_get_occurred_at (entry), ==, 1767225600);
  g_assert_cmpint (debrief_timeline_entry_get_precision (entry), ==,
                   DEBRIEF_TIME_PRECISION_MINUTE);

  debrief_timeline_entry_set_occurred_at (entry, DEBRIEF_TIME_UNSET,
                                          DEBRIEF_TIME_PRECISION_MINUTE);
  g_assert_cmpint (debrief_timeline_entry_get_precision (entry), ==,
                   DEBRIEF_TIME_PRECISION_UNKNOWN);
}

int
main (int argc, char *argv[])
{
  debrief_test_init (&argc, &argv);

  g_test_add_func ("/model/overdue", test_overdue);
  g_test_add_func ("/model/empty-sections", test_empty_sections);
  g_test_add_func ("/model/sections-follow-template", test_sections_follow_template);
  g_test_add_func ("/model/enum-nicks", test_enum_nicks);
  g_test_add_func ("/model/text-validate", test_text_validate);
  g_test_add_func ("/model/field-lists", test_field_lists);
  g_test_add_func ("/model/timeline-entry-precision", test_timeline_entry_precision);

  return g_test_run ();
}
