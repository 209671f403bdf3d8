/* debrief-core.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-action-item.h"
#include "debrief-enum-types.h"
#include "debrief-enums.h"
#include "debrief-error.h"
#include "debrief-example.h"
#include "debrief-export.h"
#include "debrief-file.h"
#include "debrief-json.h"
#include "debrief-library.h"
#include "debrief-log-import.h"
#include "debrief-log-problem.h"
#include "debrief-metrics.h"
#include "debrief-profile.h"
#include "debrief-quick-entry.h"
#include "debrief-report.h"
#include "debrief-search-hit.h"
#include "debrief-section.h"
#include "debrief-template.h"
#include "debrief-text.h"
#include "debrief-time.h"
#include "debrief-timeline-entry.h"
#include "debrief-zones.h"
