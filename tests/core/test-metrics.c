/* test-metrics.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "debrief-test-util.h"

#define BERLIN "Europe/Berlin"

static gint64
berlin (int day, int hour, int minute)
{
  g_autoptr (GError) error = NULL;
  gint64 utc = 0;

  g_assert_true (debrief_time_from_local (BERLIN, 2026, 12, day, hour, minute, 0, &utc, &error));
  g_assert_no_error (error);
  return utc;
}

static DebriefReport *
new_report (void)
{
  g_autoptr (GError) error = NULL;
  DebriefReport *report = debrief_report_new ("Checkout outage");

  g_assert_true (debrief_report_set_timezone (report, BERLIN, &error));
  g_assert_no_error (error);
  return report;
}

static DebriefTimelineEntry *
add_entry (DebriefReport *report, gint64 at, DebriefKeyEvent key_event, const char *text)
{
  DebriefTimelineEntry *entry = debrief_timeline_entry_new (at, DEBRIEF_TIME_PRECISION_MINUTE,
                                                            DEBRIEF_ENTRY_KIND_OBSERVATION, text);
  GListModel           *timeline = debrief_report_get_timeline (report);

  debrief_report_insert_timeline_entry (report, g_list_model_get_n_items (timeline), entry);
  g_object_unref (entry);
  if (key_event != DEBRIEF_KEY_EVENT_NONE)
    g_assert_null (debrief_report_tag_key_event (report, entry, key_event));

  return entry;
}

static void
assert_description (DebriefMetrics *metrics, DebriefMetric metric, const char *expected)
{
  g_autofree char *text = debrief_metrics_describe (metrics, metric);

  g_assert_cmpstr (text, ==, expected);
}

static char *
timeline_texts (DebriefReport *report)
{
  GListModel *timeline = debrief_report_get_timeline (report);
  GString    *str = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (timeline); i++)
    {
      g_autoptr (DebriefTimelineEntry) entry = g_list_model_get_item (timeline, i);

      if (i > 0)
        g_string_append_c (str, ' ');
      g_string_append (str, debrief_timeline_entry_get_text (entry));
    }

  return g_string_free (str, FALSE);
}

static void
test_metrics_all_known (void)
{
  DebriefReport        *report = new_report ();
  DebriefTimelineEntry *first, *started, *detected, *resolved;
  DebriefMetrics       *metrics;
  gint64                seconds = -1;

  first = add_entry (report, berlin (4, 14, 0), DEBRIEF_KEY_EVENT_NONE, "deploy");
  started = add_entry (report, berlin (4, 14, 10), DEBRIEF_KEY_EVENT_STARTED, "errors rise");
  detected = add_entry (report, berlin (4, 14, 35), DEBRIEF_KEY_EVENT_DETECTED, "alert");
  add_entry (report, berlin (4, 14, 40), DEBRIEF_KEY_EVENT_ACKNOWLEDGED, "paged");
  add_entry (report, berlin (4, 15, 0), DEBRIEF_KEY_EVENT_MITIGATED, "rollback");
  resolved = add_entry (report, berlin (5, 1, 30), DEBRIEF_KEY_EVENT_RESOLVED, "fixed");
  add_entry (report, DEBRIEF_TIME_UNSET, DEBRIEF_KEY_EVENT_NONE, "someone noticed earlier");

  metrics = debrief_metrics_new (report);
  g_assert_false (debrief_metrics_has_problems (metrics));

  g_assert_cmpint (debrief_metrics_get (metrics, DEBRIEF_METRIC_TIME_TO_DETECT, &seconds), ==,
                   DEBRIEF_METRIC_STATE_OK);
  g_assert_cmpint (seconds, ==, 25 * 60);
  g_assert_true (debrief_metrics_get_from_entry (metrics, DEBRIEF_METRIC_TIME_TO_DETECT) ==
                 started);
  g_assert_true (debrief_metrics_get_to_entry (metrics, DEBRIEF_METRIC_TIME_TO_DETECT) ==
                 detected);
  assert_description (metrics, DEBRIEF_METRIC_TIME_TO_DETECT,
                      "25 min, from “Started” (14:10 CET) to “Detected” (14:35 CET).");

  g_assert_cmpint (debrief_metrics_get (metrics, DEBRIEF_METRIC_TIME_TO_ACKNOWLEDGE, &seconds), ==,
                   DEBRIEF_METRIC_STATE_OK);
  g_assert_cmpint (seconds, ==, 5 * 60);
  g_assert_cmpint (debrief_metrics_get (metrics, DEBRIEF_METRIC_TIME_TO_MITIGATE, &seconds), ==,
                   DEBRIEF_METRIC_STATE_OK);
  g_assert_cmpint (seconds, ==, 50 * 60);

  /* Across midnight, the description gives the dates */
  g_assert_cmpint (debrief_metrics_get (metrics, DEBRIEF_METRIC_TIME_TO_RESOLVE, &seconds), ==,
                   DEBRIEF_METRIC_STATE_OK);
  g_assert_cmpint (seconds, ==, 11 * 3600 + 20 * 60);
  assert_description (metrics, DEBRIEF_METRIC_TIME_TO_RESOLVE,
                      "11 h 20 min, from “Started” (2026-12-04 14:10 CET) to “Resolved” "
                      "(2026-12-05 01:30 CET).");

  /* The duration runs from the earliest to the latest timed entry; the
   * entry without a time does not count */
  g_assert_cmpint (debrief_metrics_get (metrics, DEBRIEF_METRIC_DURATION, &seconds), ==,
                   DEBRIEF_METRIC_STATE_OK);
  g_assert_cmpint (seconds, ==, 11 * 3600 + 30 * 60);
  g_assert_true (debrief_metrics_get_from_entry (metrics, DEBRIEF_METRIC_DURATION) == first);
  g_assert_true (debrief_metrics_get_to_entry (metrics, DEBRIEF_METRIC_DURATION) == resolved);

  g_assert_cmpint (debrief_metrics_get_event_time (metrics, DEBRIEF_KEY_EVENT_DETECTED), ==,
                   berlin (4, 14, 35));
  g_assert_cmpstr (debrief_metric_get_label (DEBRIEF_METRIC_TIME_TO_DETECT), ==, "Time to detect");
  g_assert_cmpstr (debrief_metric_get_formula (DEBRIEF_METRIC_TIME_TO_DETECT), ==,
                   "detected − started");
  g_assert_cmpstr (debrief_metric_get_formula (DEBRIEF_METRIC_TIME_TO_ACKNOWLEDGE), ==,
                   "acknowledged − detected");
  g_assert_cmpstr (debrief_metric_get_formula (DEBRIEF_METRIC_TIME_TO_MITIGATE), ==,
                   "mitigated − started");
  g_assert_cmpstr (debrief_metric_get_formula (DEBRIEF_METRIC_TIME_TO_RESOLVE), ==,
                   "resolved − started");
  g_assert_cmpstr (debrief_enum_to_nick (DEBRIEF_TYPE_METRIC, DEBRIEF_METRIC_TIME_TO_ACKNOWLEDGE),
                   ==, "time-to-acknowledge");

  g_assert_finalize_object (metrics);
  g_assert_finalize_object (report);
}

static void
test_metrics_missing (void)
{
  DebriefReport        *report = new_report ();
  DebriefTimelineEntry *detected;
  DebriefMetrics       *metrics;
  gint64                seconds = -1;

  metrics = debrief_metrics_new (report);
  for (guint m = 0; m < DEBRIEF_N_METRICS; m++)
    g_assert_cmpint (debrief_metrics_get (metrics, m, NULL), ==, DEBRIEF_METRIC_STATE_MISSING);
  assert_description (metrics, DEBRIEF_METRIC_TIME_TO_DETECT,
                      "No entries are tagged “Started” or “Detected”.");
  assert_description (metrics, DEBRIEF_METRIC_DURATION, "No entry of the timeline has a time.");
  g_assert_finalize_object (metrics);

  add_entry (report, berlin (4, 14, 10), DEBRIEF_KEY_EVENT_STARTED, "errors rise");
  /* A tagged entry whose time is unknown counts as missing */
  detected = add_entry (report, DEBRIEF_TIME_UNSET, DEBRIEF_KEY_EVENT_DETECTED, "alert");
  add_entry (report, berlin (4, 15, 0), DEBRIEF_KEY_EVENT_MITIGATED, "rollback");

  metrics = debrief_metrics_new (report);
  g_assert_cmpint (debrief_metrics_get (metrics, DEBRIEF_METRIC_TIME_TO_DETECT, &seconds), ==,
                   DEBRIEF_METRIC_STATE_MISSING);
  g_assert_cmpint (seconds, ==, 0);
  g_assert_true (debrief_metrics_get_to_entry (metrics, DEBRIEF_METRIC_TIME_TO_DETECT) ==
                 detected);
  assert_description (metrics, DEBRIEF_METRIC_TIME_TO_DETECT,
                      "The entry tagged “Detected” has no time.");
  g_assert_cmpint (debrief_metrics_get_event_time (metrics, DEBRIEF_KEY_EVENT_DETECTED), ==,
                   DEBRIEF_TIME_UNSET);
  assert_description (metrics, DEBRIEF_METRIC_TIME_TO_ACKNOWLEDGE,
                      "No entry is tagged “Acknowledged”.");
  assert_description (metrics, DEBRIEF_METRIC_TIME_TO_RESOLVE, "No entry is tagged “Resolved”.");
  g_assert_cmpint (debrief_metrics_get (metrics, DEBRIEF_METRIC_TIME_TO_MITIGATE, &seconds), ==,
                   DEBRIEF_METRIC_STATE_OK);
  g_assert_cmpint (seconds, ==, 50 * 60);
  g_assert_false (debrief_metrics_has_problems (metrics));
  g_assert_finalize_object (metrics);

  g_assert_finalize_object (report);
}

static void
test_metrics_out_of_order (void)
{
  DebriefReport  *report = new_report ();
  DebriefMetrics *metrics;
  gint64          seconds = -1;

  add_entry (report, berlin (4, 14, 10), DEBRIEF_KEY_EVENT_STARTED, "errors rise");
  add_entry (report, berlin (4, 14, 5), DEBRIEF_KEY_EVENT_DETECTED, "alert");
  add_entry (report, berlin (4, 14, 20), DEBRIEF_KEY_EVENT_ACKNOWLEDGED, "paged");
  add_entry (report, berlin (4, 16, 0), DEBRIEF_KEY_EVENT_MITIGATED, "rollback");
  add_entry (report, berlin (4, 15, 0), DEBRIEF_KEY_EVENT_RESOLVED, "fixed");

  metrics = debrief_metrics_new (report);
  g_assert_true (debrief_metrics_has_problems (metrics));

  g_assert_cmpint (debrief_metrics_get (metrics, DEBRIEF_METRIC_TIME_TO_DETECT, &seconds), ==,
                   DEBRIEF_METRIC_STATE_OUT_OF_ORDER);
  g_assert_cmpint (seconds, ==, 0);
  assert_description (metrics, DEBRIEF_METRIC_TIME_TO_DETECT,
                      "“Detected” (14:05 CET) is before “Started” (14:10 CET), so there is no "
                      "time to detect.");

  /* Acknowledged after detected is fine, even if detected is suspicious */
  g_assert_cmpint (debrief_metrics_get (metrics, DEBRIEF_METRIC_TIME_TO_ACKNOWLEDGE, &seconds), ==,
                   DEBRIEF_METRIC_STATE_OK);
  g_assert_cmpint (seconds, ==, 15 * 60);

  g_assert_cmpint (debrief_metrics_get (metrics, DEBRIEF_METRIC_TIME_TO_MITIGATE, NULL), ==,
                   DEBRIEF_METRIC_STATE_OK);

  /* Resolved before mitigated gives no time to resolve */
  g_assert_cmpint (debrief_metrics_get (metrics, DEBRIEF_METRIC_TIME_TO_RESOLVE, &seconds), ==,
                   DEBRIEF_METRIC_STATE_OUT_OF_ORDER);
  g_assert_cmpint (seconds, ==, 0);
  assert_description (metrics, DEBRIEF_METRIC_TIME_TO_RESOLVE,
                      "“Resolved” (15:00 CET) is before “Mitigated” (16:00 CET), so there is no "
                      "time to resolve.");
  g_assert_finalize_object (metrics);

  g_assert_finalize_object (report);
}

static void
test_metrics_acknowledged_before_detected (void)
{
  DebriefReport  *report = new_report ();
  DebriefMetrics *metrics;

  add_entry (report, berlin (4, 23, 50), DEBRIEF_KEY_EVENT_DETECTED, "alert");
  add_entry (report, berlin (4, 23, 45), DEBRIEF_KEY_EVENT_ACKNOWLEDGED, "paged");
  add_entry (report, berlin (5, 0, 5), DEBRIEF_KEY_EVENT_STARTED, "errors rise");

  metrics = debrief_metrics_new (report);
  g_assert_true (debrief_metrics_has_problems (metrics));
  g_assert_cmpint (debrief_metrics_get (metrics, DEBRIEF_METRIC_TIME_TO_ACKNOWLEDGE, NULL), ==,
                   DEBRIEF_METRIC_STATE_OUT_OF_ORDER);
  assert_description (metrics, DEBRIEF_METRIC_TIME_TO_ACKNOWLEDGE,
                      "“Acknowledged” (23:45 CET) is before “Detected” (23:50 CET), so there is "
                      "no time to acknowledge.");
  /* On different days, the dates are shown */
  assert_description (metrics, DEBRIEF_METRIC_TIME_TO_DETECT,
                      "“Detected” (2026-12-04 23:50 CET) is before “Started” (2026-12-05 00:05 "
                      "CET), so there is no time to detect.");
  g_assert_finalize_object (metrics);

  g_assert_finalize_object (report);
}

static void
test_metrics_zone (void)
{
  g_autoptr (GError) error = NULL;
  DebriefReport  *report = debrief_report_new ("Summer outage");
  DebriefMetrics *metrics;
  gint64          start = 0;

  g_assert_true (debrief_report_set_timezone (report, "America/New_York", &error));
  g_assert_no_error (error);
  g_assert_true (
      debrief_time_from_local ("America/New_York", 2026, 7, 1, 9, 0, 0, &start, &error));
  add_entry (report, start, DEBRIEF_KEY_EVENT_STARTED, "errors rise");
  add_entry (report, start + 90 * 60, DEBRIEF_KEY_EVENT_DETECTED, "alert");

  metrics = debrief_metrics_new (report);
  assert_description (metrics, DEBRIEF_METRIC_TIME_TO_DETECT,
                      "1 h 30 min, from “Started” (09:00 EDT) to “Detected” (10:30 EDT).");
  g_assert_finalize_object (metrics);

  g_assert_finalize_object (report);
}

static void
test_tag_moves (void)
{
  DebriefReport        *report = new_report ();
  DebriefTimelineEntry *a, *b, *c;

  a = add_entry (report, berlin (4, 14, 0), DEBRIEF_KEY_EVENT_STARTED, "a");
  b = add_entry (report, berlin (4, 14, 5), DEBRIEF_KEY_EVENT_NONE, "b");
  c = add_entry (report, berlin (4, 14, 9), DEBRIEF_KEY_EVENT_NONE, "c");
  g_assert_true (debrief_report_find_key_event (report, DEBRIEF_KEY_EVENT_STARTED) == a);
  g_assert_null (debrief_report_find_key_event (report, DEBRIEF_KEY_EVENT_DETECTED));

  /* Tagging another entry moves the tag and says where from */
  g_assert_true (debrief_report_tag_key_event (report, b, DEBRIEF_KEY_EVENT_STARTED) == a);
  g_assert_cmpint (debrief_timeline_entry_get_key_event (a), ==, DEBRIEF_KEY_EVENT_NONE);
  g_assert_cmpint (debrief_timeline_entry_get_key_event (b), ==, DEBRIEF_KEY_EVENT_STARTED);
  g_assert_true (debrief_report_find_key_event (report, DEBRIEF_KEY_EVENT_STARTED) == b);

  /* Tagging the holder again changes nothing */
  g_assert_null (debrief_report_tag_key_event (report, b, DEBRIEF_KEY_EVENT_STARTED));
  g_assert_cmpint (debrief_timeline_entry_get_key_event (b), ==, DEBRIEF_KEY_EVENT_STARTED);

  /* An entry has one tag: giving b another one clears “started” */
  g_assert_null (debrief_report_tag_key_event (report, b, DEBRIEF_KEY_EVENT_DETECTED));
  g_assert_null (debrief_report_find_key_event (report, DEBRIEF_KEY_EVENT_STARTED));
  g_assert_true (debrief_report_find_key_event (report, DEBRIEF_KEY_EVENT_DETECTED) == b);

  /* Even if the tag was set twice behind the report's back (by an old
   * import), tagging leaves one holder */
  debrief_timeline_entry_set_key_event (a, DEBRIEF_KEY_EVENT_DETECTED);
  g_assert_true (debrief_report_tag_key_event (report, c, DEBRIEF_KEY_EVENT_DETECTED) == a);
  g_assert_cmpint (debrief_timeline_entry_get_key_event (a), ==, DEBRIEF_KEY_EVENT_NONE);
  g_assert_cmpint (debrief_timeline_entry_get_key_event (b), ==, DEBRIEF_KEY_EVENT_NONE);
  g_assert_true (debrief_report_find_key_event (report, DEBRIEF_KEY_EVENT_DETECTED) == c);

  /* NONE clears */
  g_assert_null (debrief_report_tag_key_event (report, c, DEBRIEF_KEY_EVENT_NONE));
  g_assert_null (debrief_report_find_key_event (report, DEBRIEF_KEY_EVENT_DETECTED));

  g_assert_finalize_object (report);
}

static void
test_tag_persisted (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "lib.debrief");
  g_autoptr (GError) error = NULL;
  g_autofree char      *uuid = NULL;
  DebriefLibrary       *library;
  DebriefReport        *report;
  DebriefTimelineEntry *a, *b;

  library = debrief_test_open_library (file);
  report = debrief_library_create_report (library, "Tags", &error);
  g_assert_no_error (error);
  uuid = g_strdup (debrief_report_get_uuid (report));
  g_assert_true (debrief_report_set_timezone (report, BERLIN, &error));
  a = add_entry (report, berlin (4, 14, 0), DEBRIEF_KEY_EVENT_RESOLVED, "a");
  b = add_entry (report, berlin (4, 15, 0), DEBRIEF_KEY_EVENT_NONE, "b");
  g_assert_true (debrief_report_tag_key_event (report, b, DEBRIEF_KEY_EVENT_RESOLVED) == a);
  g_assert_true (debrief_library_flush (library, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (library);

  library = debrief_test_open_library (file);
  report = debrief_library_find_report (library, uuid);
  g_assert_true (debrief_report_ensure_loaded (report, &error));
  b = debrief_report_find_key_event (report, DEBRIEF_KEY_EVENT_RESOLVED);
  g_assert_nonnull (b);
  g_assert_cmpstr (debrief_timeline_entry_get_text (b), ==, "b");
  g_assert_finalize_object (library);

  debrief_test_remove_dir (dir);
}

static void
test_sort_by_time (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "lib.debrief");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) previous = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *texts = NULL;
  DebriefLibrary  *library;
  DebriefReport   *report;

  library = debrief_test_open_library (file);
  report = debrief_library_create_report (library, "Sorting", &error);
  g_assert_no_error (error);
  uuid = g_strdup (debrief_report_get_uuid (report));
  g_assert_true (debrief_report_set_timezone (report, BERLIN, &error));

  /* “note” has no time: it stays at the top. “c-detail” has none either:
   * it follows “c” wherever c goes. b1 and b2 share a time and keep
   * their order. */
  add_entry (report, DEBRIEF_TIME_UNSET, DEBRIEF_KEY_EVENT_NONE, "note");
  add_entry (report, berlin (4, 14, 30), DEBRIEF_KEY_EVENT_NONE, "c");
  add_entry (report, DEBRIEF_TIME_UNSET, DEBRIEF_KEY_EVENT_NONE, "c-detail");
  add_entry (report, berlin (4, 14, 10), DEBRIEF_KEY_EVENT_NONE, "b1");
  add_entry (report, berlin (4, 14, 0), DEBRIEF_KEY_EVENT_NONE, "a");
  add_entry (report, berlin (4, 14, 10), DEBRIEF_KEY_EVENT_NONE, "b2");
  add_entry (report, berlin (4, 14, 40), DEBRIEF_KEY_EVENT_NONE, "d");
  g_assert_true (debrief_library_flush (library, &error));

  g_assert_true (debrief_report_sort_timeline_by_time (report, &previous));
  g_assert_nonnull (previous);
  g_assert_cmpuint (previous->len, ==, 7);
  texts = timeline_texts (report);
  g_assert_cmpstr (texts, ==, "note a b1 b2 c c-detail d");
  g_clear_pointer (&texts, g_free);

  /* Sorting a sorted timeline changes nothing and gives nothing to undo */
  {
    GPtrArray *again = (GPtrArray *) 0x1;

    g_assert_false (debrief_report_sort_timeline_by_time (report, &again));
    g_assert_null (again);
  }

  g_assert_true (debrief_library_flush (library, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (library);

  library = debrief_test_open_library (file);
  report = debrief_library_find_report (library, uuid);
  g_assert_true (debrief_report_ensure_loaded (report, &error));
  texts = timeline_texts (report);
  g_assert_cmpstr (texts, ==, "note a b1 b2 c c-detail d");
  g_clear_pointer (&texts, g_free);
  g_assert_finalize_object (library);

  /* Undo: the previous order holds the entries of the closed library, so
   * restore it by uuid in the reopened one */
  library = debrief_test_open_library (file);
  report = debrief_library_find_report (library, uuid);
  g_assert_true (debrief_report_ensure_loaded (report, &error));
  {
    GListModel *timeline = debrief_report_get_timeline (report);
    g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr (GPtrArray) partial = NULL;

    for (guint i = 0; i < previous->len; i++)
      {
        const char *want = debrief_timeline_entry_get_uuid (g_ptr_array_index (previous, i));

        for (guint j = 0; j < g_list_model_get_n_items (timeline); j++)
          {
            g_autoptr (DebriefTimelineEntry) entry = g_list_model_get_item (timeline, j);

            if (g_str_equal (debrief_timeline_entry_get_uuid (entry), want))
              g_ptr_array_add (order, g_object_ref (entry));
          }
      }
    g_assert_cmpuint (order->len, ==, 7);

    /* An order that misses an entry is refused and changes nothing */
    partial = g_ptr_array_new_with_free_func (g_object_unref);
    for (guint i = 0; i < order->len; i++)
      g_ptr_array_add (partial, g_object_ref (g_ptr_array_index (order, i == 3 ? 0 : i)));
    g_assert_false (debrief_report_set_timeline_order (report, partial, &error));
    g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE);
    g_clear_error (&error);
    texts = timeline_texts (report);
    g_assert_cmpstr (texts, ==, "note a b1 b2 c c-detail d");
    g_clear_pointer (&texts, g_free);

    g_assert_true (debrief_report_set_timeline_order (report, order, &error));
    g_assert_no_error (error);
  }
  texts = timeline_texts (report);
  g_assert_cmpstr (texts, ==, "note c c-detail b1 a b2 d");
  g_clear_pointer (&texts, g_free);
  g_assert_true (debrief_library_flush (library, &error));
  g_assert_finalize_object (library);

  library = debrief_test_open_library (file);
  report = debrief_library_find_report (library, uuid);
  g_assert_true (debrief_report_ensure_loaded (report, &error));
  texts = timeline_texts (report);
  g_assert_cmpstr (texts, ==, "note c c-detail b1 a b2 d");
  g_assert_finalize_object (library);

  g_clear_pointer (&previous, g_ptr_array_unref);
  debrief_test_remove_dir (dir);
}

static void
test_sort_undo_in_place (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) previous = NULL;
  g_autofree char *texts = NULL;
  DebriefReport   *report = new_report ();

  add_entry (report, berlin (4, 14, 30), DEBRIEF_KEY_EVENT_NONE, "b");
  add_entry (report, berlin (4, 14, 0), DEBRIEF_KEY_EVENT_NONE, "a");
  g_assert_true (debrief_report_sort_timeline_by_time (report, &previous));
  texts = timeline_texts (report);
  g_assert_cmpstr (texts, ==, "a b");
  g_clear_pointer (&texts, g_free);

  g_assert_true (debrief_report_set_timeline_order (report, previous, &error));
  g_assert_no_error (error);
  texts = timeline_texts (report);
  g_assert_cmpstr (texts, ==, "b a");
  g_clear_pointer (&texts, g_free);

  /* After a new entry, the old order cannot be restored */
  add_entry (report, berlin (4, 15, 0), DEBRIEF_KEY_EVENT_NONE, "c");
  g_assert_false (debrief_report_set_timeline_order (report, previous, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE);
  texts = timeline_texts (report);
  g_assert_cmpstr (texts, ==, "b a c");

  g_clear_pointer (&previous, g_ptr_array_unref);
  g_assert_finalize_object (report);
}

static void
test_out_of_order_entries (void)
{
  g_autoptr (GHashTable) marked = NULL;
  DebriefReport        *report = new_report ();
  DebriefTimelineEntry *a, *b, *untimed, *c, *d, *e;

  a = add_entry (report, berlin (4, 14, 0), DEBRIEF_KEY_EVENT_NONE, "a");
  b = add_entry (report, berlin (4, 14, 30), DEBRIEF_KEY_EVENT_NONE, "b");
  untimed = add_entry (report, DEBRIEF_TIME_UNSET, DEBRIEF_KEY_EVENT_NONE, "untimed");
  c = add_entry (report, berlin (4, 14, 10), DEBRIEF_KEY_EVENT_NONE, "c");
  d = add_entry (report, berlin (4, 14, 40), DEBRIEF_KEY_EVENT_NONE, "d");
  e = add_entry (report, berlin (4, 14, 40), DEBRIEF_KEY_EVENT_NONE, "e");

  marked = debrief_report_get_out_of_order_entries (report);
  /* b is later than the next timed entry (c, across the untimed one);
   * c is earlier than the previous timed entry (b) */
  g_assert_cmpuint (g_hash_table_size (marked), ==, 2);
  g_assert_true (g_hash_table_contains (marked, b));
  g_assert_true (g_hash_table_contains (marked, c));
  g_assert_false (g_hash_table_contains (marked, a));
  g_assert_false (g_hash_table_contains (marked, untimed));
  g_assert_false (g_hash_table_contains (marked, d));
  g_assert_false (g_hash_table_contains (marked, e));
  g_clear_pointer (&marked, g_hash_table_unref);

  g_assert_true (debrief_report_sort_timeline_by_time (report, NULL));
  marked = debrief_report_get_out_of_order_entries (report);
  g_assert_cmpuint (g_hash_table_size (marked), ==, 0);
  g_clear_pointer (&marked, g_hash_table_unref);

  g_assert_finalize_object (report);
}

static void
test_bulk_insert_remove (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "lib.debrief");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *uuid = NULL;
  g_autofree char *texts = NULL;
  DebriefLibrary  *library;
  DebriefReport   *report;

  library = debrief_test_open_library (file);
  report = debrief_library_create_report (library, "Bulk", &error);
  g_assert_no_error (error);
  uuid = g_strdup (debrief_report_get_uuid (report));
  add_entry (report, berlin (4, 14, 0), DEBRIEF_KEY_EVENT_NONE, "first");
  add_entry (report, berlin (4, 16, 0), DEBRIEF_KEY_EVENT_NONE, "last");

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = g_strdup_printf ("new%u", i);

      g_ptr_array_add (batch, debrief_timeline_entry_new (berlin (4, 15, (int) i),
                                                          DEBRIEF_TIME_PRECISION_MINUTE,
                                                          DEBRIEF_ENTRY_KIND_ACTION, text));
    }
  debrief_report_insert_timeline_entries (report, 1, batch);
  texts = timeline_texts (report);
  g_assert_cmpstr (texts, ==, "first new0 new1 new2 last");
  g_clear_pointer (&texts, g_free);
  g_assert_true (debrief_library_flush (library, &error));
  g_assert_finalize_object (library);

  library = debrief_test_open_library (file);
  report = debrief_library_find_report (library, uuid);
  g_assert_true (debrief_report_ensure_loaded (report, &error));
  texts = timeline_texts (report);
  g_assert_cmpstr (texts, ==, "first new0 new1 new2 last");
  g_clear_pointer (&texts, g_free);

  /* Remove new0 and new2 (not neighbours) in one step, as an undo would */
  g_ptr_array_set_size (batch, 0);
  {
    GListModel *timeline = debrief_report_get_timeline (report);

    g_ptr_array_add (batch, g_list_model_get_item (timeline, 1));
    g_ptr_array_add (batch, g_list_model_get_item (timeline, 3));
  }
  g_assert_cmpuint (debrief_report_remove_timeline_entries (report, batch), ==, 2);
  g_assert_cmpuint (debrief_report_remove_timeline_entries (report, batch), ==, 0);
  texts = timeline_texts (report);
  g_assert_cmpstr (texts, ==, "first new1 last");
  g_clear_pointer (&texts, g_free);
  g_assert_true (debrief_library_flush (library, &error));
  g_assert_finalize_object (library);
  g_ptr_array_set_size (batch, 0);

  library = debrief_test_open_library (file);
  report = debrief_library_find_report (library, uuid);
  g_assert_true (debrief_report_ensure_loaded (report, &error));
  texts = timeline_texts (report);
  g_assert_cmpstr (texts, ==, "first new1 last");
  g_assert_finalize_object (library);

  debrief_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/metrics/all-known", test_metrics_all_known);
  g_test_add_func ("/metrics/missing", test_metrics_missing);
  g_test_add_func ("/metrics/out-of-order", test_metrics_out_of_order);
  g_test_add_func ("/metrics/acknowledged-before-detected",
                   test_metrics_acknowledged_before_detected);
  g_test_add_func ("/metrics/zone", test_metrics_zone);
  g_test_add_func ("/timeline/tag-moves", test_tag_moves);
  g_test_add_func ("/timeline/tag-persisted", test_tag_persisted);
  g_test_add_func ("/timeline/sort-by-time", test_sort_by_time);
  g_test_add_func ("/timeline/sort-undo-in-place", test_sort_undo_in_place);
  g_test_add_func ("/timeline/out-of-order-entries", test_out_of_order_entries);
  g_test_add_func ("/timeline/bulk-insert-remove", test_bulk_insert_remove);

  return g_test_run ();
}
