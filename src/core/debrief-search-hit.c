/* debrief-search-hit.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-search-hit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "debrief-search-hit.h"
#include "debrief-template.h"

/* The snippet arrives from the index with the matched words between
 * SNIPPET_OPEN and SNIPPET_CLOSE. */
#define SNIPPET_OPEN  '\x01'
#define SNIPPET_CLOSE '\x02'

struct _DebriefSearchHit
{
  GObject parent_instance;

  /* Owned */
  DebriefReport *report;
  char          *kind;
  char          *ref;
  char          *snippet;
  double         rank;
};

G_DEFINE_FINAL_TYPE (DebriefSearchHit, debrief_search_hit, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_REPORT,
  PROP_LOCATION,
  PROP_SNIPPET_MARKUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
debrief_search_hit_finalize (GObject *object)
{
  DebriefSearchHit *self = (DebriefSearchHit *) object;

  g_clear_object (&self->report);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->ref, g_free);
  g_clear_pointer (&self->snippet, g_free);

  G_OBJECT_CLASS (debrief_search_hit_parent_class)->finalize (object);
}

static void
debrief_search_hit_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DebriefSearchHit *self = DEBRIEF_SEARCH_HIT (object);

  switch (prop_id)
    {
      case PROP_REPORT:
        g_value_set_object (value, self->report);
        break;
      case PROP_LOCATION:
        g_value_set_string (value, debrief_search_hit_get_location (self));
        break;
      case PROP_SNIPPET_MARKUP:
        g_value_take_string (value, debrief_search_hit_get_snippet_markup (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_search_hit_class_init (DebriefSearchHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = debrief_search_hit_finalize;
  object_class->get_property = debrief_search_hit_get_property;

  properties[PROP_REPORT] = g_param_spec_object ("report", NULL, NULL, DEBRIEF_TYPE_REPORT,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNIPPET_MARKUP] = g_param_spec_string (
      "snippet-markup", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
debrief_search_hit_init (DebriefSearchHit *self)
{
}

/**
 * debrief_search_hit_new:
 * @kind: what matched: "report" (title or lead), "section" or "action"
 * @ref: the section key or action uuid ("" for the report)
 * @snippet: text around the match, the matched words between \x01 and \x02
 * @rank: lower is better
 */
DebriefSearchHit *
debrief_search_hit_new (
    DebriefReport *report, const char *kind, const char *ref, const char *snippet, double rank)
{
  DebriefSearchHit *self;

  g_return_val_if_fail (DEBRIEF_IS_REPORT (report), NULL);

  self = g_object_new (DEBRIEF_TYPE_SEARCH_HIT, NULL);
  self->report = g_object_ref (report);
  self->kind = g_strdup (kind);
  self->ref = g_strdup (ref);
  self->snippet = g_strdup (snippet);
  self->rank = rank;

  return self;
}

/**
 * debrief_search_hit_get_report:
 *
 * Returns: (transfer none): the report that matched
 */
DebriefReport *
debrief_search_hit_get_report (DebriefSearchHit *self)
{
  g_return_val_if_fail (DEBRIEF_IS_SEARCH_HIT (self), NULL);

  return self->report;
}

const char *
debrief_search_hit_get_kind (DebriefSearchHit *self)
{
  g_return_val_if_fail (DEBRIEF_IS_SEARCH_HIT (self), NULL);

  return self->kind;
}

const char *
debrief_search_hit_get_ref (DebriefSearchHit *self)
{
  g_return_val_if_fail (DEBRIEF_IS_SEARCH_HIT (self), NULL);

  return self->ref;
}

double
debrief_search_hit_get_rank (DebriefSearchHit *self)
{
  g_return_val_if_fail (DEBRIEF_IS_SEARCH_HIT (self), 0.0);

  return self->rank;
}

/**
 * debrief_search_hit_get_location:
 *
 * Returns: (transfer none): where in the report the match is, for people:
 *   "Title", a section's title, or "Action item"
 */
const char *
debrief_search_hit_get_location (DebriefSearchHit *self)
{
  const DebriefTemplateSection *section;

  g_return_val_if_fail (DEBRIEF_IS_SEARCH_HIT (self), NULL);

  if (g_strcmp0 (self->kind, "section") == 0 &&
      (section = debrief_template_find_section (self->ref)) != NULL)
    return debrief_template_section_get_title (section);

  if (g_strcmp0 (self->kind, "action") == 0)
    return _ ("Action item");

  return _ ("Title");
}

/**
 * debrief_search_hit_get_snippet:
 * @open: what to put before each matched word
 * @close: what to put after it
 *
 * Returns: (transfer full): the text around the match
 */
char *
debrief_search_hit_get_snippet (DebriefSearchHit *self, const char *open, const char *close)
{
  GString *str;

  g_return_val_if_fail (DEBRIEF_IS_SEARCH_HIT (self), NULL);

  str = g_string_new (NULL);
  for (const char *p = self->snippet ? self->snippet : ""; *p; p++)
    {
      if (*p == SNIPPET_OPEN)
        g_string_append (str, open);
      else if (*p == SNIPPET_CLOSE)
        g_string_append (str, close);
      else if (*p == '\n' || *p == '\r' || *p == '\t')
        g_string_append_c (str, ' ');
      else
        g_string_append_c (str, *p);
    }

  return g_string_free (str, FALSE);
}

/**
 * debrief_search_hit_get_snippet_markup:
 *
 * Returns: (transfer full): the snippet as Pango markup, the matched words
 *   in bold
 */
char *
debrief_search_hit_get_snippet_markup (DebriefSearchHit *self)
{
  GString    *str;
  const char *p;

  g_return_val_if_fail (DEBRIEF_IS_SEARCH_HIT (self), NULL);

  /* Escape the text between the markers piece by piece, so that nothing
   * the text holds (private-use characters included) becomes markup. */
  str = g_string_new (NULL);
  p = self->snippet ? self->snippet : "";
  while (*p)
    {
      gsize len = strcspn (p, "\x01\x02\n\r\t");

      if (len > 0)
        {
          g_autofree char *escaped = g_markup_escape_text (p, (gssize) len);

          g_string_append (str, escaped);
          p += len;
          continue;
        }

      if (*p == SNIPPET_OPEN)
        g_string_append (str, "<b>");
      else if (*p == SNIPPET_CLOSE)
        g_string_append (str, "</b>");
      else
        g_string_append_c (str, ' ');
      p++;
    }

  return g_string_free (str, FALSE);
}
