/* debrief-time.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "debrief-enums.h"

G_BEGIN_DECLS

/* A time that is not known. Times are seconds since the epoch, in UTC. */
#define DEBRIEF_TIME_UNSET G_MININT64

GTimeZone *debrief_time_zone_new (const char *identifier, GError **error);
gboolean   debrief_time_zone_validate (const char *identifier, GError **error);
char      *debrief_time_zone_abbreviation (const char *identifier, gint64 utc);
gboolean   debrief_time_parse (const char           *text,
                               const char           *zone,
                               gint64               *utc,
                               DebriefTimePrecision *precision,
                               GError              **error);
gboolean   debrief_time_from_local (const char *zone,
                                    int         year,
                                    int         month,
                                    int         day,
                                    int         hour,
                                    int         minute,
                                    int         second,
                                    gint64     *utc,
                                    GError    **error);
char      *debrief_time_format (gint64               utc,
                                const char          *zone,
                                DebriefTimePrecision precision,
                                gboolean             with_date);
char      *debrief_time_format_iso (gint64 utc);
gint64     debrief_time_now (void);
gboolean   debrief_date_validate (const char *text, GError **error);
char      *debrief_duration_format (gint64 seconds);

G_END_DECLS
