/* debrief-example.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-example"

#include "config.h"

#include "debrief-example.h"
#include "debrief-json.h"

#define EXAMPLE_RESOURCE "/io/github/debrief/Debrief/core/data/example-report.json"

/**
 * debrief_library_add_example:
 *
 * Adds the example report, a complete write-up of a login outage, so that
 * a new user sees what a good report looks like. It is an ordinary report
 * that can be edited or deleted.
 *
 * Returns: (transfer none): the example report, or %NULL with @error set
 */
DebriefReport *
debrief_library_add_example (DebriefLibrary *library, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (DebriefReport) report = NULL;
  gsize       length = 0;
  const char *data;

  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (library), NULL);

  bytes = g_resources_lookup_data (EXAMPLE_RESOURCE, 0, NULL);
  g_assert (bytes != NULL);
  data = g_bytes_get_data (bytes, &length);

  if (!(report = debrief_json_import_report (data, (gssize) length, error)))
    return NULL;

  if (!debrief_library_add_report (library, report, error))
    return NULL;

  return report;
}
