/* debrief-zones.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-zones"

#include "config.h"

#include <string.h>

#include "debrief-zones.h"

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static void
add_from_tzdata (GPtrArray *names, const char *contents)
{
  g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);

  /* Zone lines of the compact tzdata source: "Z Europe/Berlin …" */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = NULL;

      if (lines[i][0] != 'Z' || lines[i][1] != ' ')
        continue;

      fields = g_strsplit (lines[i] + 2, " ", 2);
      if (fields[0] != NULL && !g_str_has_prefix (fields[0], "Etc/") && strchr (fields[0], '/'))
        g_ptr_array_add (names, g_strdup (fields[0]));
    }
}

static void
add_from_zone_tab (GPtrArray *names, const char *contents)
{
  g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);

  /* "DE\t+5230+01322\tEurope/Berlin\t…" */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", 4);
      if (g_strv_length (fields) >= 3)
        g_ptr_array_add (names, g_strdup (fields[2]));
    }
}

/**
 * debrief_time_zone_list:
 *
 * Lists the IANA time zones of the system's time zone database (its
 * canonical names, not the aliases), sorted, with "UTC" first.
 *
 * Returns: (transfer full): a %NULL-terminated array of zone names
 */
char **
debrief_time_zone_list (void)
{
  static const char *sources[] = {
    "/usr/share/zoneinfo/tzdata.zi",
    "/usr/share/zoneinfo/zone1970.tab",
    "/usr/share/zoneinfo/zone.tab",
  };
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray  *result;
  const char *tzdir = g_getenv ("TZDIR");

  for (guint i = 0; i < G_N_ELEMENTS (sources) && names->len == 0; i++)
    {
      g_autofree char *contents = NULL;
      g_autofree char *path = NULL;

      if (tzdir != NULL)
        path = g_build_filename (tzdir, strrchr (sources[i], '/') + 1, NULL);
      else
        path = g_strdup (sources[i]);

      if (!g_file_get_contents (path, &contents, NULL, NULL))
        continue;

      if (g_str_has_suffix (path, ".zi"))
        add_from_tzdata (names, contents);
      else
        add_from_zone_tab (names, contents);
    }

  g_ptr_array_sort (names, compare_names);

  result = g_ptr_array_new ();
  g_ptr_array_add (result, g_strdup ("UTC"));
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (i > 0 && g_str_equal (name, g_ptr_array_index (names, i - 1)))
        continue;
      g_ptr_array_add (result, g_strdup (name));
    }
  g_ptr_array_add (result, NULL);

  return (char **) g_ptr_array_free (result, FALSE);
}
