/* debrief-export-names.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "debrief-action-item.h"
#include "debrief-export-private.h"
#include "debrief-report.h"
#include "debrief-timeline-entry.h"

/* Exports whose profile leaves out names of people (the customer note)
 * also take out of the text the names the report itself knows: the
 * incident lead, the owners of action items and the authors of chat
 * messages, when they look like a person's name. A name is found whole
 * ("Jana Müller-Lüdenscheidt", also across a line break) and by its parts
 * of three letters or more ("Jana", "Müller"), in any case, with the @ of
 * a chat handle, but never inside a longer word. */

#define MIN_PART_LENGTH 3
#define MAX_WORDS       4

/* Words that make an owner a group, not a person */
static const char *const group_words[] = {
  "team",     "squad", "group",          "guild",    "crew",        "department",
  "dept",     "org",   "oncall",         "on-call",  "ops",         "sre",
  "support",  "desk",  "rotation",       "bot",      "service",     "services",
  "platform", "infra", "infrastructure", "security", "engineering", "management",
};

static void
add_pattern (GPtrArray *patterns, GHashTable *seen, char *pattern)
{
  g_autofree char *folded = g_utf8_casefold (pattern, -1);

  if (g_hash_table_contains (seen, folded))
    {
      g_free (pattern);
      return;
    }
  g_hash_table_add (seen, g_steal_pointer (&folded));
  g_ptr_array_add (patterns, pattern);
}

static gboolean
is_group_word (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);

  for (guint i = 0; i < G_N_ELEMENTS (group_words); i++)
    {
      if (g_str_equal (folded, group_words[i]))
        return TRUE;
    }

  return FALSE;
}

/* "Jana Müller-Lüdenscheidt", "Vincent van Gogh": two to four words, the
 * first and last capitalized (particles between may not be), letters and
 * hyphens and apostrophes only, none of them a word for a group */
static gboolean
looks_like_name (char **words)
{
  guint n = g_strv_length (words);

  if (n < 2 || n > MAX_WORDS)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_auto (GStrv) pieces = g_strsplit (words[i], "-", -1);

      if (!g_unichar_isupper (g_utf8_get_char (words[i])) && (i == 0 || i == n - 1))
        return FALSE;
      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (!g_unichar_isalpha (c) && !g_unichar_ismark (c) && c != '-' && c != '\'' &&
              c != 0x2019)
            return FALSE;
        }
      for (guint j = 0; pieces[j] != NULL; j++)
        {
          if (is_group_word (pieces[j]))
            return FALSE;
        }
    }

  return TRUE;
}

/* A chat handle ("@jana", "jana.mueller"): one word of letters, digits,
 * dots, dashes and underscores */
static gboolean
looks_like_handle (const char *text)
{
  if (g_utf8_strlen (text, -1) < MIN_PART_LENGTH || is_group_word (text))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && c != '.' && c != '-' && c != '_')
        return FALSE;
    }

  return TRUE;
}

static void
add_person (GPtrArray *patterns, GHashTable *seen, const char *name, gboolean from_chat)
{
  g_autofree char *trimmed = NULL;
  g_auto (GStrv) words = NULL;
  g_autoptr (GString) whole = g_string_new (NULL);
  guint n = 0;

  if (name == NULL)
    return;
  trimmed = g_strstrip (g_strdup (name));

  /* A chat handle, "@jana", or a chat author like "jana.mueller" (but not
   * "update", which is as likely a word as a name): found whole */
  if (trimmed[0] == '@' ||
      (from_chat && strchr (trimmed, ' ') == NULL && strpbrk (trimmed, "._0123456789") != NULL))
    {
      const char *handle = trimmed[0] == '@' ? trimmed + 1 : trimmed;

      if (looks_like_handle (handle))
        add_pattern (patterns, seen, g_regex_escape_string (handle, -1));
      return;
    }
  if (strchr (trimmed, '@') != NULL && strchr (trimmed, ' ') == NULL)
    {
      add_pattern (patterns, seen, g_regex_escape_string (trimmed, -1));
      return;
    }

  words = g_strsplit_set (trimmed, " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] != '\0')
        words[n++] = words[i];
      else
        g_free (words[i]);
    }
  words[n] = NULL;
  if (!looks_like_name (words))
    return;

  /* The whole name, its words apart by any white space */
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *escaped = g_regex_escape_string (words[i], -1);

      if (whole->len > 0)
        g_string_append (whole, "\\s+");
      g_string_append (whole, escaped);
    }
  add_pattern (patterns, seen, g_strdup (whole->str));

  /* Its capitalized parts: "Jana", "Müller", "Lüdenscheidt" */
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_auto (GStrv) pieces = g_strsplit (words[i], "-", -1);

      for (guint j = 0; pieces[j] != NULL; j++)
        {
          if (g_utf8_strlen (pieces[j], -1) >= MIN_PART_LENGTH &&
              g_unichar_isupper (g_utf8_get_char (pieces[j])))
            add_pattern (patterns, seen, g_regex_escape_string (pieces[j], -1));
        }
    }
}

static int
longest_first (gconstpointer a, gconstpointer b)
{
  gsize la = strlen (*(const char *const *) a);
  gsize lb = strlen (*(const char *const *) b);

  return la < lb ? 1 : la > lb ? -1 : 0;
}

/**
 * _debrief_export_names_new:
 * @report: a loaded report
 *
 * Returns: (transfer full) (nullable): a pattern that finds the names of
 *   the people @report knows, or %NULL if it knows none
 */
GRegex *
_debrief_export_names_new (DebriefReport *report)
{
  g_autoptr (GPtrArray) patterns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GString) source = g_string_new ("(?<!\\w)@?(?:");
  g_autoptr (GError) error = NULL;
  GListModel *list;
  GRegex     *regex;
  guint       n;

  add_person (patterns, seen, debrief_report_get_lead (report), FALSE);

  list = debrief_report_get_actions (report);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefActionItem) item = g_list_model_get_item (list, i);

      add_person (patterns, seen, debrief_action_item_get_owner (item), FALSE);
    }

  list = debrief_report_get_timeline (report);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefTimelineEntry) entry = g_list_model_get_item (list, i);
      g_autofree char *author = NULL;

      if (debrief_timeline_entry_get_source (entry) == DEBRIEF_ENTRY_SOURCE_CHAT &&
          (author = _debrief_export_chat_author (debrief_timeline_entry_get_text (entry))))
        add_person (patterns, seen, author, TRUE);
    }

  if (patterns->len == 0)
    return NULL;

  /* "Jana Müller-Lüdenscheidt" goes whole, not as "Jana" and the rest */
  g_ptr_array_sort (patterns, longest_first);
  for (guint i = 0; i < patterns->len; i++)
    {
      if (i > 0)
        g_string_append_c (source, '|');
      g_string_append (source, g_ptr_array_index (patterns, i));
    }
  g_string_append (source, ")(?!\\w)");

  regex = g_regex_new (source->str, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &error);
  /* Every part was escaped, so this cannot fail but for size */
  if (regex == NULL)
    g_warning ("Names of people cannot be looked for: %s", error->message);

  return regex;
}

/**
 * _debrief_export_remove_names:
 * @names: (nullable): what _debrief_export_names_new() returned
 * @text: (nullable): plain text, or Markdown if @markdown
 *
 * Returns: (transfer full) (nullable): @text with each name replaced by
 *   "[name removed]"
 */
char *
_debrief_export_remove_names (GRegex *names, const char *text, gboolean markdown)
{
  g_autoptr (GString) replacement = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  const char *removed;
  char       *result;

  if (names == NULL || text == NULL)
    return g_strdup (text);

  /* Translators: put in place of a person's name in a customer note */
  removed = _ ("[name removed]");
  /* Brackets would read as a link in Markdown; a backslash would read as
   * a back reference in the replacement */
  for (const char *p = removed; *p != '\0'; p++)
    {
      if (markdown && (*p == '[' || *p == ']'))
        g_string_append (replacement, "\\\\");
      else if (*p == '\\')
        g_string_append_c (replacement, '\\');
      g_string_append_c (replacement, *p);
    }

  result = g_regex_replace (names, text, -1, 0, replacement->str, 0, &error);
  if (result == NULL)
    {
      /* Only a pathological text can make matching fail: leave nothing
       * of it rather than a name */
      g_warning ("Names of people could not be removed: %s", error->message);
      /* Translators: put in place of a text that could not be checked for
       * names of people */
      return g_strdup (_ ("[text removed]"));
    }

  return result;
}
