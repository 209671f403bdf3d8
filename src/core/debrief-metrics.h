/* debrief-metrics.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "debrief-enums.h"
#include "debrief-report.h"
#include "debrief-timeline-entry.h"

G_BEGIN_DECLS

/**
 * DebriefMetric:
 * @DEBRIEF_METRIC_TIME_TO_DETECT: detected − started
 * @DEBRIEF_METRIC_TIME_TO_ACKNOWLEDGE: acknowledged − detected
 * @DEBRIEF_METRIC_TIME_TO_MITIGATE: mitigated − started
 * @DEBRIEF_METRIC_TIME_TO_RESOLVE: resolved − started
 * @DEBRIEF_METRIC_DURATION: last − first timed timeline entry
 */
typedef enum
{
  DEBRIEF_METRIC_TIME_TO_DETECT,      /*< nick=time-to-detect >*/
  DEBRIEF_METRIC_TIME_TO_ACKNOWLEDGE, /*< nick=time-to-acknowledge >*/
  DEBRIEF_METRIC_TIME_TO_MITIGATE,    /*< nick=time-to-mitigate >*/
  DEBRIEF_METRIC_TIME_TO_RESOLVE,     /*< nick=time-to-resolve >*/
  DEBRIEF_METRIC_DURATION,            /*< nick=duration >*/
} DebriefMetric;

#define DEBRIEF_N_METRICS (DEBRIEF_METRIC_DURATION + 1)

/**
 * DebriefMetricState:
 * @DEBRIEF_METRIC_STATE_OK: the figure is known
 * @DEBRIEF_METRIC_STATE_MISSING: a key event it needs is not tagged, or
 *   its entry has no time
 * @DEBRIEF_METRIC_STATE_OUT_OF_ORDER: the key events are in an impossible
 *   order (e.g. detected before started); no figure is given
 */
typedef enum
{
  DEBRIEF_METRIC_STATE_OK,           /*< nick=ok >*/
  DEBRIEF_METRIC_STATE_MISSING,      /*< nick=missing >*/
  DEBRIEF_METRIC_STATE_OUT_OF_ORDER, /*< nick=out-of-order >*/
} DebriefMetricState;

#define DEBRIEF_TYPE_METRICS (debrief_metrics_get_type ())

G_DECLARE_FINAL_TYPE (DebriefMetrics, debrief_metrics, DEBRIEF, METRICS, GObject)

/* Computed from the report's timeline at the time of the call; compute
 * again after the timeline changes. */
DebriefMetrics *debrief_metrics_new (DebriefReport *report);
DebriefMetricState
debrief_metrics_get (DebriefMetrics *self, DebriefMetric metric, gint64 *seconds);
DebriefTimelineEntry *debrief_metrics_get_from_entry (DebriefMetrics *self, DebriefMetric metric);
DebriefTimelineEntry *debrief_metrics_get_to_entry (DebriefMetrics *self, DebriefMetric metric);
char                 *debrief_metrics_describe (DebriefMetrics *self, DebriefMetric metric);
gint64   debrief_metrics_get_event_time (DebriefMetrics *self, DebriefKeyEvent key_event);
gboolean debrief_metrics_has_problems (DebriefMetrics *self);

const char *debrief_metric_get_label (DebriefMetric metric);
const char *debrief_metric_get_formula (DebriefMetric metric);

G_END_DECLS
