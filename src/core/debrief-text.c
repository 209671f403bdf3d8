/* debrief-text.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "debrief-error.h"
#include "debrief-text.h"

/**
 * debrief_text_format_size:
 *
 * Returns: (transfer full): @bytes as a size a person reads, e.g. "2.0 MB"
 */
char *
debrief_text_format_size (gsize bytes)
{
  return g_format_size (bytes);
}

/**
 * debrief_text_validate:
 * @text: the text to check
 * @length: its length in bytes, or -1 if it ends with a NUL
 * @max_bytes: the largest accepted length
 * @multiline: whether line breaks and tabs are accepted
 * @what: what the text is, for the message ("The title")
 * @error: return location for a #DEBRIEF_ERROR
 *
 * Checks that @text is valid UTF-8 without control characters (other than
 * line breaks and tabs in multi-line text) and no longer than @max_bytes.
 *
 * Returns: %TRUE if @text can be stored
 */
gboolean
debrief_text_validate (const char *text,
                       gssize      length,
                       gsize       max_bytes,
                       gboolean    multiline,
                       const char *what,
                       GError    **error)
{
  const char *end = NULL;
  gsize       len;

  g_return_val_if_fail (what != NULL, FALSE);

  if (text == NULL)
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TEXT, _ ("%s is missing."), what);
      return FALSE;
    }

  len = length < 0 ? strlen (text) : (gsize) length;

  if (len > max_bytes)
    {
      g_autofree char *have = debrief_text_format_size (len);
      g_autofree char *limit = debrief_text_format_size (max_bytes);

      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_TOO_LARGE,
                   _ ("%s is %s long; Debrief accepts at most %s. Shorten it, or attach long "
                      "logs as evidence instead."),
                   what, have, limit);
      return FALSE;
    }

  if (!g_utf8_validate (text, (gssize) len, &end))
    {
      if (*end == '\0' && end < text + len)
        g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TEXT,
                     _ ("%s contains a NUL byte at byte %u. It looks like binary data, not text."),
                     what, (guint) (end - text));
      else
        g_set_error (
            error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TEXT,
            _ ("%s is not valid UTF-8 text (the first bad byte is at byte %u). Convert it "
               "to UTF-8 and try again."),
            what, (guint) (end - text));
      return FALSE;
    }

  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\t' || c == '\r')
        {
          if (multiline)
            continue;
        }
      else if (!g_unichar_iscntrl (c))
        continue;

      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TEXT,
                   multiline
                       ? _ ("%s contains the control character U+%04X at byte %u. Remove it and "
                            "try again.")
                       : _ ("%s must be a single line without control characters (found "
                            "U+%04X at byte %u)."),
                   what, c, (guint) (p - text));
      return FALSE;
    }

  return TRUE;
}
