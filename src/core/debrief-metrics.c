/* debrief-metrics.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-metrics"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "debrief-enum-types.h"
#include "debrief-metrics.h"
#include "debrief-time.h"

/* Metrics are read from the key events of a report's timeline, never
 * typed: each figure is the difference between the times of two tagged
 * entries. A tag that is missing, or whose entry has no time, leaves the
 * figure missing; two tags in an impossible order (detected before
 * started) leave it out of order. In both cases there is no figure and
 * debrief_metrics_describe() says what is wrong. */

typedef struct
{
  DebriefMetricState    state;
  gint64                seconds;
  DebriefTimelineEntry *from;
  DebriefTimelineEntry *to;
  char                 *description;
} Figure;

struct _DebriefMetrics
{
  GObject parent_instance;

  /* Owned */
  char                 *zone;
  Figure                figures[DEBRIEF_N_METRICS];
  DebriefTimelineEntry *events[DEBRIEF_KEY_EVENT_RESOLVED + 1];
};

G_DEFINE_FINAL_TYPE (DebriefMetrics, debrief_metrics, G_TYPE_OBJECT)

typedef struct
{
  DebriefKeyEvent from;
  DebriefKeyEvent to;
  const char     *label;
  const char     *formula;
} MetricInfo;

static const MetricInfo metric_info[DEBRIEF_N_METRICS] = {
  { DEBRIEF_KEY_EVENT_STARTED, DEBRIEF_KEY_EVENT_DETECTED, N_ ("Time to detect"),
    /* Translators: the formula of a metric; the words are key event names */
    N_ ("detected − started") },
  { DEBRIEF_KEY_EVENT_DETECTED, DEBRIEF_KEY_EVENT_ACKNOWLEDGED, N_ ("Time to acknowledge"),
    N_ ("acknowledged − detected") },
  { DEBRIEF_KEY_EVENT_STARTED, DEBRIEF_KEY_EVENT_MITIGATED, N_ ("Time to mitigate"),
    N_ ("mitigated − started") },
  { DEBRIEF_KEY_EVENT_STARTED, DEBRIEF_KEY_EVENT_RESOLVED, N_ ("Time to resolve"),
    N_ ("resolved − started") },
  /* Not the incident's duration (end − start): the log may start before
   * the incident and go on after it */
  { DEBRIEF_KEY_EVENT_NONE, DEBRIEF_KEY_EVENT_NONE, N_ ("Timeline span"),
    N_ ("last − first timed entry") },
};

static gboolean
entry_has_time (DebriefTimelineEntry *entry)
{
  return entry != NULL && debrief_timeline_entry_get_occurred_at (entry) != DEBRIEF_TIME_UNSET &&
         debrief_timeline_entry_get_precision (entry) != DEBRIEF_TIME_PRECISION_UNKNOWN;
}

static const char *
event_label (DebriefKeyEvent key_event)
{
  return debrief_enum_get_label (DEBRIEF_TYPE_KEY_EVENT, key_event);
}

static gboolean
same_local_day (DebriefMetrics *self, gint64 a, gint64 b)
{
  g_autofree char *da = NULL;
  g_autofree char *db = NULL;

  g_assert (DEBRIEF_IS_METRICS (self));

  da = debrief_time_format (a, self->zone, DEBRIEF_TIME_PRECISION_DAY, TRUE);
  db = debrief_time_format (b, self->zone, DEBRIEF_TIME_PRECISION_DAY, TRUE);

  return g_str_equal (da, db);
}

/* Formats the times of @a and @b in the report's zone, with their dates
 * when they fall on different days. */
static void
format_pair (DebriefMetrics       *self,
             DebriefTimelineEntry *a,
             DebriefTimelineEntry *b,
             char                **out_a,
             char                **out_b)
{
  gint64   ta = debrief_timeline_entry_get_occurred_at (a);
  gint64   tb = debrief_timeline_entry_get_occurred_at (b);
  gboolean with_date;

  g_assert (DEBRIEF_IS_METRICS (self));

  with_date = !same_local_day (self, ta, tb);
  *out_a = debrief_time_format (ta, self->zone, debrief_timeline_entry_get_precision (a),
                                with_date);
  *out_b = debrief_time_format (tb, self->zone, debrief_timeline_entry_get_precision (b),
                                with_date);
}

static char *
describe_missing_event (DebriefMetrics *self, DebriefKeyEvent from, DebriefKeyEvent to)
{
  DebriefTimelineEntry *ef = self->events[from];
  DebriefTimelineEntry *et = self->events[to];

  g_assert (DEBRIEF_IS_METRICS (self));

  if (ef == NULL && et == NULL)
    return g_strdup_printf (_ ("No entries are tagged “%s” or “%s”."), event_label (from),
                            event_label (to));
  if (ef == NULL)
    return g_strdup_printf (_ ("No entry is tagged “%s”."), event_label (from));
  if (et == NULL)
    return g_strdup_printf (_ ("No entry is tagged “%s”."), event_label (to));
  if (!entry_has_time (ef) && !entry_has_time (et))
    return g_strdup_printf (_ ("The entries tagged “%s” and “%s” have no time."),
                            event_label (from), event_label (to));
  if (!entry_has_time (ef))
    return g_strdup_printf (_ ("The entry tagged “%s” has no time."), event_label (from));

  return g_strdup_printf (_ ("The entry tagged “%s” has no time."), event_label (to));
}

static char *
describe_out_of_order (DebriefMetrics *self,
                       DebriefMetric   metric,
                       DebriefKeyEvent early,
                       DebriefKeyEvent late)
{
  g_autofree char *t_early = NULL;
  g_autofree char *t_late = NULL;

  g_assert (DEBRIEF_IS_METRICS (self));

  /* @late is the event that should come later but is before @early */
  format_pair (self, self->events[late], self->events[early], &t_late, &t_early);

  switch (metric)
    {
      case DEBRIEF_METRIC_TIME_TO_DETECT:
        /* Translators: “Detected” (14:05 CET) is before “Started” (14:10 CET), so … */
        return g_strdup_printf (
            _ ("“%s” (%s) is before “%s” (%s), so there is no time to detect."),
            event_label (late), t_late, event_label (early), t_early);
      case DEBRIEF_METRIC_TIME_TO_ACKNOWLEDGE:
        return g_strdup_printf (
            _ ("“%s” (%s) is before “%s” (%s), so there is no time to acknowledge."),
            event_label (late), t_late, event_label (early), t_early);
      case DEBRIEF_METRIC_TIME_TO_MITIGATE:
        return g_strdup_printf (
            _ ("“%s” (%s) is before “%s” (%s), so there is no time to mitigate."),
            event_label (late), t_late, event_label (early), t_early);
      case DEBRIEF_METRIC_TIME_TO_RESOLVE:
        return g_strdup_printf (
            _ ("“%s” (%s) is before “%s” (%s), so there is no time to resolve."),
            event_label (late), t_late, event_label (early), t_early);
      case DEBRIEF_METRIC_DURATION:
      default:
        g_assert_not_reached ();
    }
}

static gboolean
is_before (DebriefMetrics *self, DebriefKeyEvent a, DebriefKeyEvent b)
{
  g_assert (DEBRIEF_IS_METRICS (self));

  return entry_has_time (self->events[a]) && entry_has_time (self->events[b]) &&
         debrief_timeline_entry_get_occurred_at (self->events[a]) <
             debrief_timeline_entry_get_occurred_at (self->events[b]);
}

static void
compute_interval (DebriefMetrics *self, DebriefMetric metric)
{
  const MetricInfo *info = &metric_info[metric];
  Figure           *fig = &self->figures[metric];
  g_autofree char  *t_from = NULL;
  g_autofree char  *t_to = NULL;
  g_autofree char  *amount = NULL;

  g_assert (DEBRIEF_IS_METRICS (self));

  g_set_object (&fig->from, self->events[info->from]);
  g_set_object (&fig->to, self->events[info->to]);

  if (!entry_has_time (fig->from) || !entry_has_time (fig->to))
    {
      fig->state = DEBRIEF_METRIC_STATE_MISSING;
      fig->description = describe_missing_event (self, info->from, info->to);
      return;
    }

  if (is_before (self, info->to, info->from))
    {
      fig->state = DEBRIEF_METRIC_STATE_OUT_OF_ORDER;
      fig->description = describe_out_of_order (self, metric, info->from, info->to);
      return;
    }

  /* Resolving before mitigating is impossible too: the resolution time
   * cannot be trusted. */
  if (metric == DEBRIEF_METRIC_TIME_TO_RESOLVE &&
      is_before (self, DEBRIEF_KEY_EVENT_RESOLVED, DEBRIEF_KEY_EVENT_MITIGATED))
    {
      fig->state = DEBRIEF_METRIC_STATE_OUT_OF_ORDER;
      fig->description = describe_out_of_order (self, metric, DEBRIEF_KEY_EVENT_MITIGATED,
                                                DEBRIEF_KEY_EVENT_RESOLVED);
      return;
    }

  fig->state = DEBRIEF_METRIC_STATE_OK;
  fig->seconds = debrief_timeline_entry_get_occurred_at (fig->to) -
                 debrief_timeline_entry_get_occurred_at (fig->from);

  format_pair (self, fig->from, fig->to, &t_from, &t_to);
  amount = debrief_duration_format (fig->seconds);
  /* Translators: "25 min, from “Started” (14:10 CET) to “Detected” (14:35 CET)." */
  fig->description = g_strdup_printf (_ ("%s, from “%s” (%s) to “%s” (%s)."), amount,
                                      event_label (info->from), t_from, event_label (info->to),
                                      t_to);
}

static void
compute_duration (DebriefMetrics *self, GListModel *timeline)
{
  Figure *fig = &self->figures[DEBRIEF_METRIC_DURATION];
  guint   n = g_list_model_get_n_items (timeline);
  guint   n_timed = 0;

  g_assert (DEBRIEF_IS_METRICS (self));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefTimelineEntry) entry = g_list_model_get_item (timeline, i);
      gint64 t;

      if (!entry_has_time (entry))
        continue;

      n_timed++;
      t = debrief_timeline_entry_get_occurred_at (entry);
      if (fig->from == NULL || t < debrief_timeline_entry_get_occurred_at (fig->from))
        g_set_object (&fig->from, entry);
      if (fig->to == NULL || t > debrief_timeline_entry_get_occurred_at (fig->to))
        g_set_object (&fig->to, entry);
    }

  if (n_timed < 2)
    {
      fig->state = DEBRIEF_METRIC_STATE_MISSING;
      g_clear_object (&fig->from);
      g_clear_object (&fig->to);
      fig->description = g_strdup (n_timed == 0
                                       ? _ ("No entry of the timeline has a time.")
                                       : _ ("Only one entry of the timeline has a time; the "
                                            "duration needs two."));
      return;
    }

  {
    g_autofree char *t_from = NULL;
    g_autofree char *t_to = NULL;
    g_autofree char *amount = NULL;

    fig->state = DEBRIEF_METRIC_STATE_OK;
    fig->seconds = debrief_timeline_entry_get_occurred_at (fig->to) -
                   debrief_timeline_entry_get_occurred_at (fig->from);
    format_pair (self, fig->from, fig->to, &t_from, &t_to);
    amount = debrief_duration_format (fig->seconds);
    /* Translators: "2 h 05 min, from the first timed entry (14:10 CET) to the last (16:15 CET)." */
    fig->description = g_strdup_printf (
        _ ("%s, from the first timed entry (%s) to the last (%s)."), amount, t_from, t_to);
  }
}

static void
debrief_metrics_finalize (GObject *object)
{
  DebriefMetrics *self = (DebriefMetrics *) object;

  for (guint i = 0; i < DEBRIEF_N_METRICS; i++)
    {
      g_clear_object (&self->figures[i].from);
      g_clear_object (&self->figures[i].to);
      g_clear_pointer (&self->figures[i].description, g_free);
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->events); i++)
    g_clear_object (&self->events[i]);
  g_clear_pointer (&self->zone, g_free);

  G_OBJECT_CLASS (debrief_metrics_parent_class)->finalize (object);
}

static void
debrief_metrics_class_init (DebriefMetricsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = debrief_metrics_finalize;
}

static void
debrief_metrics_init (DebriefMetrics *self)
{
  for (guint i = 0; i < DEBRIEF_N_METRICS; i++)
    self->figures[i].seconds = 0;
}

/**
 * debrief_metrics_new:
 * @report: a loaded report
 *
 * Computes the metrics of @report's timeline as it is now. Compute them
 * again after the timeline changes.
 *
 * Returns: (transfer full): the metrics
 */
DebriefMetrics *
debrief_metrics_new (DebriefReport *report)
{
  DebriefMetrics *self;

  g_return_val_if_fail (DEBRIEF_IS_REPORT (report), NULL);

  self = g_object_new (DEBRIEF_TYPE_METRICS, NULL);
  self->zone = g_strdup (debrief_report_get_timezone (report));

  for (guint e = DEBRIEF_KEY_EVENT_STARTED; e <= DEBRIEF_KEY_EVENT_RESOLVED; e++)
    g_set_object (&self->events[e], debrief_report_find_key_event (report, e));

  for (guint m = 0; m < DEBRIEF_METRIC_DURATION; m++)
    compute_interval (self, m);
  compute_duration (self, debrief_report_get_timeline (report));

  return self;
}

/**
 * debrief_metrics_get:
 * @seconds: (out) (optional): the figure in seconds, when the state is
 *   %DEBRIEF_METRIC_STATE_OK; 0 otherwise
 *
 * Returns: whether the figure is known, and if not, why
 */
DebriefMetricState
debrief_metrics_get (DebriefMetrics *self, DebriefMetric metric, gint64 *seconds)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS (self), DEBRIEF_METRIC_STATE_MISSING);
  g_return_val_if_fail (metric < DEBRIEF_N_METRICS, DEBRIEF_METRIC_STATE_MISSING);

  if (seconds != NULL)
    *seconds = self->figures[metric].state == DEBRIEF_METRIC_STATE_OK
                   ? self->figures[metric].seconds
                   : 0;

  return self->figures[metric].state;
}

/**
 * debrief_metrics_get_from_entry:
 *
 * Returns: (transfer none) (nullable): the entry the figure is measured
 *   from (for the duration, the earliest timed entry), if there is one
 */
DebriefTimelineEntry *
debrief_metrics_get_from_entry (DebriefMetrics *self, DebriefMetric metric)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS (self), NULL);
  g_return_val_if_fail (metric < DEBRIEF_N_METRICS, NULL);

  return self->figures[metric].from;
}

/**
 * debrief_metrics_get_to_entry:
 *
 * Returns: (transfer none) (nullable): the entry the figure is measured
 *   to (for the duration, the latest timed entry), if there is one
 */
DebriefTimelineEntry *
debrief_metrics_get_to_entry (DebriefMetrics *self, DebriefMetric metric)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS (self), NULL);
  g_return_val_if_fail (metric < DEBRIEF_N_METRICS, NULL);

  return self->figures[metric].to;
}

/**
 * debrief_metrics_describe:
 *
 * Says what the figure is and where it comes from ("25 min, from
 * “Started” (14:10 CET) to “Detected” (14:35 CET).") or why there is none
 * ("No entry is tagged “Detected”."), with times in the report's zone.
 *
 * Returns: (transfer full): a translated sentence
 */
char *
debrief_metrics_describe (DebriefMetrics *self, DebriefMetric metric)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS (self), NULL);
  g_return_val_if_fail (metric < DEBRIEF_N_METRICS, NULL);

  return g_strdup (self->figures[metric].description);
}

/**
 * debrief_metrics_get_event_time:
 *
 * Returns: the time of the entry tagged @key_event, or
 *   %DEBRIEF_TIME_UNSET if no entry is tagged or it has no time
 */
gint64
debrief_metrics_get_event_time (DebriefMetrics *self, DebriefKeyEvent key_event)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS (self), DEBRIEF_TIME_UNSET);
  g_return_val_if_fail (key_event <= DEBRIEF_KEY_EVENT_RESOLVED, DEBRIEF_TIME_UNSET);

  if (key_event == DEBRIEF_KEY_EVENT_NONE || !entry_has_time (self->events[key_event]))
    return DEBRIEF_TIME_UNSET;

  return debrief_timeline_entry_get_occurred_at (self->events[key_event]);
}

/**
 * debrief_metrics_has_problems:
 *
 * Returns: %TRUE if any key events are in an impossible order
 */
gboolean
debrief_metrics_has_problems (DebriefMetrics *self)
{
  g_return_val_if_fail (DEBRIEF_IS_METRICS (self), FALSE);

  for (guint i = 0; i < DEBRIEF_N_METRICS; i++)
    {
      if (self->figures[i].state == DEBRIEF_METRIC_STATE_OUT_OF_ORDER)
        return TRUE;
    }

  return FALSE;
}

/**
 * debrief_metric_get_label:
 *
 * Returns: (transfer none): the metric's translated name, e.g. "Time to detect"
 */
const char *
debrief_metric_get_label (DebriefMetric metric)
{
  g_return_val_if_fail (metric < DEBRIEF_N_METRICS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, metric_info[metric].label);
}

/**
 * debrief_metric_get_formula:
 *
 * Returns: (transfer none): the metric's translated formula, e.g.
 *   "detected − started"
 */
const char *
debrief_metric_get_formula (DebriefMetric metric)
{
  g_return_val_if_fail (metric < DEBRIEF_N_METRICS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, metric_info[metric].formula);
}
