/* debrief-export-links.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "debrief-export-private.h"

static const char *link_removed = N_ ("[link removed]");

/**
 * _debrief_export_link_removed:
 *
 * Returns: what an address reads as in a profile without links
 */
const char *
_debrief_export_link_removed (void)
{
  return _ (link_removed);
}

/**
 * _debrief_export_looks_like_address:
 *
 * Returns: whether @text looks like an address (a URL, a www. host, a
 *   mail address) rather than words
 */
gboolean
_debrief_export_looks_like_address (const char *text)
{
  return strstr (text, "://") != NULL || g_str_has_prefix (text, "www.") ||
         g_str_has_prefix (text, "mailto:") ||
         (strchr (text, '@') != NULL && strchr (text, ' ') == NULL);
}

/* Whether the '<' at @p starts a tag, a closing tag, a comment or a
 * processing instruction, as HTML in Markdown does */
static gboolean
starts_tag (const char *p, const char *end)
{
  return p + 1 < end && (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!' || p[1] == '?');
}

/* Appends @text to @out with each word that looks like an address
 * replaced, and the white space between words as it was */
static void
append_without_addresses (GString *out, const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char      *start = p;
      g_autofree char *word = NULL;

      if (g_ascii_isspace (*p))
        {
          while (*p != '\0' && g_ascii_isspace (*p))
            p++;
          g_string_append_len (out, start, p - start);
          continue;
        }

      while (*p != '\0' && !g_ascii_isspace (*p))
        p++;
      word = g_strndup (start, p - start);
      g_string_append (
          out, _debrief_export_looks_like_address (word) ? _debrief_export_link_removed () : word);
    }
}

/**
 * _debrief_export_remove_addresses:
 *
 * For profiles without links: plain text (a title, an action item) with
 * each word that looks like an address replaced by "[link removed]".
 *
 * Returns: (transfer full): the text
 */
char *
_debrief_export_remove_addresses (const char *text)
{
  GString *out = g_string_new (NULL);

  append_without_addresses (out, text != NULL ? text : "");

  return g_string_free (out, FALSE);
}

/**
 * _debrief_export_html_text:
 * @html: raw HTML from Markdown: an HTML block, or a piece of an inline
 *   tag as md4c hands it over
 * @length: its length in bytes, or -1
 * @state: (nullable): where the last piece left off, for a tag that runs
 *   over several pieces (across a line break)
 *
 * For profiles without links: the text of @html without its tags and
 * comments (where addresses hide in href and src), and with each word
 * that looks like an address replaced by "[link removed]".
 *
 * Returns: (transfer full): the text; empty for a tag alone
 */
char *
_debrief_export_html_text (const char *html, gssize length, DebriefHtmlState *state)
{
  const char      *end = html + (length < 0 ? strlen (html) : (gsize) length);
  DebriefHtmlState local = { 0 };
  g_autoptr (GString) text = g_string_new (NULL);
  GString *out = g_string_new (NULL);

  if (state == NULL)
    state = &local;

  for (const char *p = html; p < end; p++)
    {
      char c = *p;

      switch (state->in)
        {
          case '<':
            if (state->quote != 0)
              state->quote = c == state->quote ? 0 : state->quote;
            else if (c == '"' || c == '\'')
              state->quote = c;
            else if (c == '>')
              state->in = 0;
            break;

          case '!':
            if (c == '>' && state->dashes >= 2)
              state->in = 0;
            state->dashes = c == '-' ? state->dashes + 1 : 0;
            break;

          default:
            if (c == '<' && starts_tag (p, end))
              {
                state->quote = 0;
                state->dashes = 0;
                if (end - p >= 4 && strncmp (p, "<!--", 4) == 0)
                  {
                    state->in = '!';
                    p += 3;
                  }
                else
                  state->in = '<';
              }
            else
              g_string_append_c (text, c);
            break;
        }
    }

  append_without_addresses (out, text->str);

  return g_string_free (out, FALSE);
}
