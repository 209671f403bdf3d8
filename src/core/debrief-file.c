/* debrief-file.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "debrief-error.h"
#include "debrief-file.h"
#include "debrief-text.h"

static int
errno_to_code (int saved_errno)
{
  switch (saved_errno)
    {
      case ENOSPC:
      case EDQUOT:
        return DEBRIEF_ERROR_NO_SPACE;
      case EROFS:
      case EACCES:
      case EPERM:
        return DEBRIEF_ERROR_READ_ONLY;
      case ENOENT:
        return DEBRIEF_ERROR_NOT_FOUND;
      default:
        return DEBRIEF_ERROR_IO;
    }
}

static gboolean
write_all (int fd, const guint8 *p, gsize left)
{
  while (left > 0)
    {
      gssize n = write (fd, p, left);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = EIO;
          return FALSE;
        }
      p += n;
      left -= (gsize) n;
    }

  return TRUE;
}

/* A device, a pipe or a socket is written as it is: there is no file to
 * replace */
static gboolean
write_special (const char *path, const char *name, const void *data, gsize length, GError **error)
{
  int fd = g_open (path, O_WRONLY | O_CLOEXEC, 0);
  int saved;

  if (fd >= 0 && write_all (fd, data, length) && close (fd) == 0)
    return TRUE;

  saved = errno;
  if (fd >= 0)
    close (fd);
  g_set_error (error, DEBRIEF_ERROR, errno_to_code (saved), _ ("Cannot write “%s”: %s."), name,
               g_strerror (saved));
  return FALSE;
}

/**
 * debrief_file_write_atomic:
 *
 * Writes @data to @file through a temporary file in the same folder that
 * replaces @file only once everything is on disk. On failure (a full disk,
 * a read-only folder) nothing is left behind and @file is unchanged.
 *
 * A file that is there keeps its permissions, and a symbolic link stays
 * one: the file it points to is replaced. A read-only file is refused. A
 * device or a pipe (/dev/stdout, a shell's process substitution) is
 * written directly.
 */
gboolean
debrief_file_write_atomic (GFile *file, const void *data, gsize length, GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *tmpl = NULL;
  GStatBuf         st;
  gboolean         exists;
  int              fd;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(path = g_file_get_path (file)))
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_IO,
                   _ ("Debrief can only write to files on this computer."));
      return FALSE;
    }

  name = g_filename_display_name (path);
  exists = g_stat (path, &st) == 0;

  if (exists && S_ISDIR (st.st_mode))
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_IO,
                   _ ("Cannot write “%s”: it is a folder. Choose a file name."), name);
      return FALSE;
    }
  if (exists && !S_ISREG (st.st_mode))
    return write_special (path, name, data, length, error);
  if (exists && g_access (path, W_OK) != 0)
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_READ_ONLY,
                   _ ("Cannot write “%s”: the file is read-only."), name);
      return FALSE;
    }

  /* Through a link, the file it points to */
  if (exists && g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      char *target = realpath (path, NULL);

      if (target != NULL)
        {
          g_free (path);
          path = g_strdup (target);
          free (target);
        }
    }

  dir = g_path_get_dirname (path);
  tmpl = g_build_filename (dir, ".debrief-XXXXXX", NULL);

  /* A new file gets the usual permissions (as the umask has them) */
  if ((fd = g_mkstemp_full (tmpl, O_WRONLY | O_CLOEXEC, 0666)) < 0)
    {
      int saved = errno;

      g_set_error (error, DEBRIEF_ERROR, errno_to_code (saved),
                   _ ("Cannot write “%s”: %s. Choose another folder."), name, g_strerror (saved));
      return FALSE;
    }

  if (exists && fchmod (fd, st.st_mode & 07777) != 0)
    goto failed;

  if (!write_all (fd, data, length))
    goto failed;

  if (fsync (fd) != 0 && errno != EINVAL)
    goto failed;

  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;

  if (g_rename (tmpl, path) != 0)
    goto failed;

  return TRUE;

failed:
  {
    int saved = errno != 0 ? errno : EIO;

    if (fd >= 0)
      close (fd);
    g_unlink (tmpl);
    if (saved == ENOSPC)
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_NO_SPACE,
                   _ ("Cannot write “%s”: %s. Free some space and try again."), name,
                   g_strerror (saved));
    else
      g_set_error (error, DEBRIEF_ERROR, errno_to_code (saved), _ ("Cannot write “%s”: %s."), name,
                   g_strerror (saved));
  }
  return FALSE;
}

/**
 * debrief_file_read:
 * @max_bytes: refuse files larger than this
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
debrief_file_read (GFile *file, gsize max_bytes, GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GError) local_error = NULL;
  GStatBuf st;
  gsize    length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(path = g_file_get_path (file)))
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_IO,
                   _ ("Debrief can only read files on this computer."));
      return NULL;
    }

  name = g_filename_display_name (path);

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, DEBRIEF_ERROR, errno_to_code (saved), _ ("Cannot read “%s”: %s."), name,
                   g_strerror (saved));
      return NULL;
    }

  if (S_ISREG (st.st_mode) && (guint64) st.st_size > max_bytes)
    {
      g_autofree char *have = debrief_text_format_size ((gsize) st.st_size);
      g_autofree char *limit = debrief_text_format_size (max_bytes);

      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_TOO_LARGE,
                   _ ("“%s” is %s; Debrief reads files of at most %s here."), name, have, limit);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_IO, _ ("Cannot read “%s”: %s."), name,
                   local_error->message);
      return NULL;
    }

  if (length > max_bytes)
    {
      g_autofree char *limit = debrief_text_format_size (max_bytes);

      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_TOO_LARGE,
                   _ ("“%s” is larger than %s, which is the most Debrief reads here."), name,
                   limit);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}
