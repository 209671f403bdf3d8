/* debrief-log-problem.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DEBRIEF_TYPE_LOG_PROBLEM (debrief_log_problem_get_type ())

G_DECLARE_FINAL_TYPE (DebriefLogProblem, debrief_log_problem, DEBRIEF, LOG_PROBLEM, GObject)

guint       debrief_log_problem_get_line (DebriefLogProblem *self);
const char *debrief_log_problem_get_excerpt (DebriefLogProblem *self);
const char *debrief_log_problem_get_message (DebriefLogProblem *self);

G_END_DECLS
