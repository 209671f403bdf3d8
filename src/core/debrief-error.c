/* debrief-error.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-error"

#include "config.h"

#include "debrief-error.h"

G_DEFINE_QUARK (debrief - error - quark, debrief_error)
