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
#include "debrief-error.h"
#include "debrief-export-private.h"
#include "debrief-report.h"
#include "debrief-timeline-entry.h"

/* Exports whose profile leaves out names of people (the customer note)
 * also take out of their text the names the report itself knows: the
 * incident lead, the owners of action items and the authors of chat
 * messages, when they look like a person's name, an address or a chat
 * handle.
 *
 * A whole name is found in any case, its words apart by any white space
 * (so also across a line break). Its parts are found as written in the
 * name or in capitals ("Jana", "JANA", not "jana"), unless they are
 * common words ("Will", "Mark"). Nothing is found inside a longer word,
 * and "Don't" is not "Don". Text is compared in composed form (NFC), and
 * the two apostrophes ' and ’ are the same. */

#define MIN_PART_LENGTH   3
#define MAX_WORDS         4
#define MAX_WORD_LENGTH   40
#define MAX_HANDLE_LENGTH 64
/* Alternatives in one pattern: many owners make several patterns */
#define MAX_ALTERNATIVES 64

/* Words that make an owner or a chat author a group or a program, not a
 * person */
static const char *const group_words[] = {
  "team",        "squad",         "group",          "guild",      "crew",        "department",
  "dept",        "org",           "oncall",         "on-call",    "ops",         "sre",
  "support",     "desk",          "rotation",       "bot",        "service",     "services",
  "platform",    "infra",         "infrastructure", "security",   "engineering", "management",
  "actions",     "app",           "alerts",         "calendar",   "github",      "gitlab",
  "google",      "jira",          "slack",          "pagerduty",  "opsgenie",    "webhook",
  "integration", "notifications", "monitor",        "monitoring", "status",      "deploy",
  "workflow",
};

/* Names that are also everyday words or the names of tools: found only
 * as part of the whole name */
static const char *const common_words[] = {
  "ada",    "ansible", "apollo",   "april",   "art",     "athena", "august", "aurora", "baker",
  "bell",   "best",    "bill",     "black",   "brown",   "buck",   "case",   "cash",   "cassandra",
  "chase",  "chef",    "chip",     "cliff",   "cook",    "dawn",   "day",    "dean",   "dev",
  "docker", "don",     "drew",     "elastic", "faith",   "fox",    "frank",  "gene",   "gold",
  "grace",  "grant",   "gray",     "green",   "grey",    "guy",    "hadoop", "hall",   "helm",
  "hill",   "hope",    "hunter",   "jack",    "jenkins", "joy",    "june",   "kafka",  "king",
  "lambda", "lane",    "linux",    "long",    "lord",    "love",   "low",    "mark",   "mason",
  "max",    "may",     "miles",    "mongo",   "north",   "nova",   "oracle", "page",   "park",
  "pat",    "presto",  "price",    "ray",     "read",    "redis",  "reed",   "rich",   "rose",
  "ruby",   "rust",    "sam",      "sky",     "spark",   "stone",  "summer", "sun",    "sydney",
  "travis", "vault",   "victoria", "west",    "white",   "will",   "wolf",   "wood",   "young",
  "zeus",
};

static gboolean
in_list (const char *word, const char *const *list, gsize n)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);

  for (gsize i = 0; i < n; i++)
    {
      if (g_str_equal (folded, list[i]))
        return TRUE;
    }

  return FALSE;
}

/* @text for a pattern: escaped, with either apostrophe for one */
static void
append_literal (GString *pattern, const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\'' || c == 0x2019)
        g_string_append (pattern, "['’]");
      else if (g_unichar_isalnum (c) || g_unichar_ismark (c) || c >= 0x80)
        g_string_append_unichar (pattern, c);
      else
        g_string_append_printf (pattern, "\\x{%X}", c);
    }
}

typedef struct
{
  GPtrArray  *wholes; /* whole names, handles and addresses */
  GPtrArray  *parts;  /* parts of names */
  GHashTable *seen;
} Patterns;

static void
add_pattern (GPtrArray *patterns, GHashTable *seen, GString *pattern)
{
  if (g_hash_table_contains (seen, pattern->str))
    {
      g_string_free (pattern, TRUE);
      return;
    }

  g_hash_table_add (seen, g_strdup (pattern->str));
  g_ptr_array_add (patterns, g_string_free (pattern, FALSE));
}

/* Any case: a whole name, a handle or an address */
static void
add_caseless (Patterns *p, char **words)
{
  GString *pattern = g_string_new ("(?i:");

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (pattern, "\\s+");
      append_literal (pattern, words[i]);
    }
  g_string_append_c (pattern, ')');
  add_pattern (p->wholes, p->seen, pattern);
}

/* As written or in capitals: a part of a name */
static void
add_part (Patterns *p, const char *part)
{
  g_autofree char *upper = g_utf8_strup (part, -1);
  GString         *pattern = g_string_new ("(?:");

  if (g_utf8_strlen (part, -1) < MIN_PART_LENGTH || !g_unichar_isupper (g_utf8_get_char (part)) ||
      in_list (part, common_words, G_N_ELEMENTS (common_words)))
    {
      g_string_free (pattern, TRUE);
      return;
    }

  append_literal (pattern, part);
  /* "JANA" too, but not "DEV" or "SAM", which read as abbreviations */
  if (!g_str_equal (upper, part) && g_utf8_strlen (part, -1) > MIN_PART_LENGTH)
    {
      g_string_append_c (pattern, '|');
      append_literal (pattern, upper);
    }
  g_string_append_c (pattern, ')');
  add_pattern (p->parts, p->seen, pattern);
}

/* "Jana Müller-Lüdenscheidt", "Vincent van Gogh": two to four words, the
 * first and last capitalized (particles between may not be), of letters,
 * hyphens and apostrophes, none of them a word for a group */
static gboolean
looks_like_name (char **words)
{
  guint n = g_strv_length (words);

  if (n < 2 || n > MAX_WORDS)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_auto (GStrv) pieces = g_strsplit (words[i], "-", -1);

      if (g_utf8_strlen (words[i], -1) > MAX_WORD_LENGTH)
        return FALSE;
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
          if (in_list (pieces[j], group_words, G_N_ELEMENTS (group_words)))
            return FALSE;
        }
    }

  return TRUE;
}

/* A chat handle ("jana.mueller", "kenji") or an address: one word of
 * letters, digits and . - _ + @ */
static gboolean
looks_like_handle (const char *text)
{
  glong length = g_utf8_strlen (text, -1);

  if (length < MIN_PART_LENGTH || length > MAX_HANDLE_LENGTH ||
      in_list (text, group_words, G_N_ELEMENTS (group_words)))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && strchr (".-_+@", (int) c) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
add_person (Patterns *p, const char *name, gboolean from_chat)
{
  g_autofree char *composed = NULL;
  g_auto (GStrv) words = NULL;
  char *trimmed;
  guint n = 0;

  if (name == NULL || !(composed = g_utf8_normalize (name, -1, G_NORMALIZE_DEFAULT_COMPOSE)))
    return;
  trimmed = g_strstrip (composed);

  /* A chat handle, "@jana"; a chat author like "jana.mueller" (but not
   * "update", which is as likely a word as a name); an address */
  if (trimmed[0] == '@' || (strchr (trimmed, ' ') == NULL &&
                            (strchr (trimmed, '@') != NULL ||
                             (from_chat && strpbrk (trimmed, "._0123456789") != NULL))))
    {
      char *handle[] = { trimmed[0] == '@' ? trimmed + 1 : trimmed, NULL };

      if (looks_like_handle (handle[0]))
        add_caseless (p, handle);
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

  add_caseless (p, words);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_auto (GStrv) pieces = g_strsplit (words[i], "-", -1);

      for (guint j = 0; pieces[j] != NULL; j++)
        add_part (p, pieces[j]);
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
 * Returns: (transfer full) (element-type GRegex): patterns that find the
 *   names of the people @report knows (none if it knows none), or %NULL
 *   with @error set if they cannot be made
 */
GPtrArray *
_debrief_export_names_new (DebriefReport *report, GError **error)
{
  g_autoptr (GPtrArray) wholes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);
  Patterns    p = { wholes, parts, seen };
  GPtrArray  *patterns;
  GListModel *list;
  guint       n;

  add_person (&p, debrief_report_get_lead (report), FALSE);

  list = debrief_report_get_actions (report);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefActionItem) item = g_list_model_get_item (list, i);

      add_person (&p, debrief_action_item_get_owner (item), FALSE);
    }

  list = debrief_report_get_timeline (report);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefTimelineEntry) entry = g_list_model_get_item (list, i);
      g_autofree char *author = NULL;

      if (debrief_timeline_entry_get_source (entry) == DEBRIEF_ENTRY_SOURCE_CHAT &&
          (author = _debrief_export_chat_author (debrief_timeline_entry_get_text (entry))))
        add_person (&p, author, TRUE);
    }

  /* "Christopher Li" goes whole, not as "Christopher" and the rest: every
   * whole name comes before every part, the longest first */
  g_ptr_array_sort (wholes, longest_first);
  g_ptr_array_sort (parts, longest_first);
  patterns = wholes;
  for (guint i = 0; i < parts->len; i++)
    g_ptr_array_add (patterns, g_strdup (g_ptr_array_index (parts, i)));
  for (guint first = 0; first < patterns->len; first += MAX_ALTERNATIVES)
    {
      g_autoptr (GString) source = g_string_new ("(?<![\\p{L}\\p{N}\\p{M}])@?(?:");
      g_autoptr (GError) local_error = NULL;
      GRegex *regex;

      for (guint i = first; i < MIN (first + MAX_ALTERNATIVES, patterns->len); i++)
        {
          if (i > first)
            g_string_append_c (source, '|');
          g_string_append (source, g_ptr_array_index (patterns, i));
        }
      g_string_append (source, ")(?![\\p{L}\\p{N}\\p{M}])(?!['’][tT](?![\\p{L}\\p{N}\\p{M}]))");

      regex = g_regex_new (source->str, G_REGEX_OPTIMIZE, 0, &local_error);
      if (regex == NULL)
        {
          g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_FAILED,
                       _ ("The names of people in this report cannot be looked for (%s), so it "
                          "cannot be exported without them. Please report this as a bug."),
                       local_error->message);
          return NULL;
        }
      g_ptr_array_add (names, regex);
    }

  return g_steal_pointer (&names);
}

/**
 * _debrief_export_find_names:
 * @names: (nullable) (element-type GRegex): what _debrief_export_names_new()
 *   returned
 * @text: text in composed form (NFC)
 * @start: where in @text to look, in bytes
 * @length: how far to look, in bytes
 * @ranges: (element-type DebriefNameRange): where the names found are
 *   added, as byte ranges of @text
 *
 * The part of @text looked at is taken on its own: a name at its edges is
 * found even if letters touch it outside. Call
 * _debrief_export_merge_names() once all parts are looked at.
 */
void
_debrief_export_find_names (
    GPtrArray *names, const char *text, gsize start, gsize length, GArray *ranges)
{
  g_autofree char *part = NULL;

  if (names == NULL || names->len == 0 || length == 0)
    return;

  part = g_strndup (text + start, length);
  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr (GMatchInfo) info = NULL;

      g_regex_match (g_ptr_array_index (names, i), part, 0, &info);
      while (g_match_info_matches (info))
        {
          int              from, to;
          DebriefNameRange range;

          g_match_info_fetch_pos (info, 0, &from, &to);
          range.start = start + (gsize) from;
          range.end = start + (gsize) to;
          g_array_append_val (ranges, range);
          g_match_info_next (info, NULL);
        }
    }
}

static int
compare_ranges (gconstpointer a, gconstpointer b)
{
  const DebriefNameRange *ra = a, *rb = b;

  /* By start, the longest first */
  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  if (ra->end != rb->end)
    return ra->end > rb->end ? -1 : 1;
  return 0;
}

/**
 * _debrief_export_merge_names:
 * @ranges: (element-type DebriefNameRange): what was found
 *
 * Sorts @ranges and drops those that overlap one before them, so that
 * "Christopher Li" wins over "Christopher" and over "Li".
 */
void
_debrief_export_merge_names (GArray *ranges)
{
  guint kept = 0;
  gsize end = 0;

  g_array_sort (ranges, compare_ranges);
  for (guint i = 0; i < ranges->len; i++)
    {
      DebriefNameRange range = g_array_index (ranges, DebriefNameRange, i);

      if (kept > 0 && range.start < end)
        continue;
      g_array_index (ranges, DebriefNameRange, kept++) = range;
      end = range.end;
    }
  g_array_set_size (ranges, kept);
}

/**
 * _debrief_export_remove_names:
 * @names: (nullable) (element-type GRegex): what _debrief_export_names_new()
 *   returned
 * @text: (nullable): plain text
 * @length: the length of @text in bytes, or -1 if it ends with a NUL
 *
 * Returns: (transfer full) (nullable): @text with each name replaced by
 *   "[name removed]"
 */
char *
_debrief_export_remove_names (GPtrArray *names, const char *text, gssize length)
{
  g_autofree char *composed = NULL;
  g_autoptr (GArray) ranges = NULL;
  GString *result;
  gsize    at = 0;

  if (text == NULL)
    return NULL;
  if (names == NULL || names->len == 0)
    return length < 0 ? g_strdup (text) : g_strndup (text, (gsize) length);

  composed = g_utf8_normalize (text, length, G_NORMALIZE_DEFAULT_COMPOSE);
  /* Not UTF-8, which no report holds: leave nothing rather than a name */
  if (composed == NULL)
    return g_strdup (_debrief_export_name_removed ());

  ranges = g_array_new (FALSE, FALSE, sizeof (DebriefNameRange));
  _debrief_export_find_names (names, composed, 0, strlen (composed), ranges);
  _debrief_export_merge_names (ranges);

  result = g_string_new (NULL);
  for (guint i = 0; i < ranges->len; i++)
    {
      DebriefNameRange *range = &g_array_index (ranges, DebriefNameRange, i);

      g_string_append_len (result, composed + at, (gssize) (range->start - at));
      g_string_append (result, _debrief_export_name_removed ());
      at = range->end;
    }
  g_string_append (result, composed + at);

  return g_string_free (result, FALSE);
}

/**
 * _debrief_export_name_removed:
 *
 * Returns: what a name is replaced by
 */
const char *
_debrief_export_name_removed (void)
{
  /* Translators: put in place of a person's name in a customer note */
  return _ ("[name removed]");
}
