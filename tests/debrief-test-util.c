/* debrief-test-util.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-test-util"

#include "config.h"

#include <glib/gstdio.h>

#include "debrief-test-util.h"

/**
 * debrief_test_make_dir:
 *
 * Returns: (transfer full): a new empty folder for one test
 */
char *
debrief_test_make_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("debrief-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (GFile *file)
{
  g_autoptr (GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      while ((info = g_file_enumerator_next_file (children, NULL, NULL)))
        {
          g_autoptr (GFile) child = g_file_get_child (file, g_file_info_get_name (info));

          remove_tree (child);
          g_object_unref (info);
        }
    }

  g_file_delete (file, NULL, NULL);
}

void
debrief_test_remove_dir (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);

  /* Folders made read-only by a test must be writable to be emptied */
  g_chmod (path, 0700);
  remove_tree (file);
}

GFile *
debrief_test_file (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_new_for_path (path);
}

DebriefLibrary *
debrief_test_open_library (GFile *file)
{
  g_autoptr (GError) error = NULL;
  DebriefLibrary *library = debrief_library_open (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (library);

  return library;
}

char *
debrief_test_sha256_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize            length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

void
debrief_test_write_file (const char *path, const void *data, gssize length)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}
