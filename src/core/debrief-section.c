/* debrief-section.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-section"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "debrief-private.h"
#include "debrief-section.h"
#include "debrief-template.h"
#include "debrief-text.h"

struct _DebriefSection
{
  GObject parent_instance;

  /* Owned */
  char *key;
  char *body;

  /* Borrowed */
  const DebriefTemplateSection *template;
  DebriefReport *report;
};

G_DEFINE_FINAL_TYPE (DebriefSection, debrief_section, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_KEY,
  PROP_TITLE,
  PROP_QUESTION,
  PROP_BODY,
  PROP_EMPTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
body_is_empty (const char *body)
{
  for (const char *p = body; *p; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

static void
debrief_section_finalize (GObject *object)
{
  DebriefSection *self = (DebriefSection *) object;

  g_clear_weak_pointer (&self->report);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->body, g_free);

  G_OBJECT_CLASS (debrief_section_parent_class)->finalize (object);
}

static void
debrief_section_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DebriefSection *self = DEBRIEF_SECTION (object);

  switch (prop_id)
    {
      case PROP_KEY:
        g_value_set_string (value, self->key);
        break;
      case PROP_TITLE:
        g_value_set_string (value, debrief_section_get_title (self));
        break;
      case PROP_QUESTION:
        g_value_set_string (value, debrief_section_get_question (self));
        break;
      case PROP_BODY:
        g_value_set_string (value, self->body);
        break;
      case PROP_EMPTY:
        g_value_set_boolean (value, debrief_section_is_empty (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_section_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DebriefSection *self = DEBRIEF_SECTION (object);

  switch (prop_id)
    {
      case PROP_BODY:
        debrief_section_set_body (self, g_value_get_string (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_section_class_init (DebriefSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = debrief_section_finalize;
  object_class->get_property = debrief_section_get_property;
  object_class->set_property = debrief_section_set_property;

  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUESTION] = g_param_spec_string ("question", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, "",
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                   G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY] = g_param_spec_boolean ("empty", NULL, NULL, TRUE,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
debrief_section_init (DebriefSection *self)
{
  self->body = g_strdup ("");
}

DebriefSection *
_debrief_section_new (const char *key, const char *body)
{
  DebriefSection *self;

  g_return_val_if_fail (debrief_template_find_section (key) != NULL, NULL);

  self = g_object_new (DEBRIEF_TYPE_SECTION, NULL);
  self->key = g_strdup (key);
  self->template = debrief_template_find_section (key);
  g_free (self->body);
  self->body = g_strdup (body != NULL ? body : "");

  return self;
}

void
_debrief_section_attach (DebriefSection *self, DebriefReport *report)
{
  g_assert (DEBRIEF_IS_SECTION (self));

  g_set_weak_pointer (&self->report, report);
}

void
_debrief_section_queue_insert (DebriefSection *self)
{
  g_assert (DEBRIEF_IS_SECTION (self));
  g_return_if_fail (self->report != NULL);

  _debrief_report_queue (
      self->report, NULL, "INSERT INTO sections (report_uuid, key, body) VALUES (?, ?, ?)",
      g_variant_new ("(sss)", debrief_report_get_uuid (self->report), self->key, self->body));
}

const char *
debrief_section_get_key (DebriefSection *self)
{
  g_return_val_if_fail (DEBRIEF_IS_SECTION (self), NULL);

  return self->key;
}

const char *
debrief_section_get_title (DebriefSection *self)
{
  g_return_val_if_fail (DEBRIEF_IS_SECTION (self), NULL);

  return debrief_template_section_get_title (self->template);
}

const char *
debrief_section_get_question (DebriefSection *self)
{
  g_return_val_if_fail (DEBRIEF_IS_SECTION (self), NULL);

  return debrief_template_section_get_question (self->template);
}

const char *
debrief_section_get_body (DebriefSection *self)
{
  g_return_val_if_fail (DEBRIEF_IS_SECTION (self), NULL);

  return self->body;
}

gboolean
debrief_section_is_empty (DebriefSection *self)
{
  g_return_val_if_fail (DEBRIEF_IS_SECTION (self), TRUE);

  return body_is_empty (self->body);
}

/**
 * debrief_section_set_body:
 * @body: Markdown text, valid UTF-8
 *
 * Sets the section's text; the change is saved by the library.
 */
void
debrief_section_set_body (DebriefSection *self, const char *body)
{
  gboolean was_empty;

  g_return_if_fail (DEBRIEF_IS_SECTION (self));
  g_return_if_fail (body == NULL || g_utf8_validate (body, -1, NULL));

  if (body == NULL)
    body = "";

  if (g_strcmp0 (self->body, body) == 0)
    return;

  was_empty = body_is_empty (self->body);
  g_free (self->body);
  self->body = g_strdup (body);

  if (self->report != NULL)
    {
      g_autofree char *key = g_strdup_printf ("sections.body:%s:%s",
                                              debrief_report_get_uuid (self->report), self->key);

      _debrief_report_queue (
          self->report, key, "UPDATE sections SET body = ? WHERE report_uuid = ? AND key = ?",
          g_variant_new ("(sss)", self->body, debrief_report_get_uuid (self->report), self->key));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);

  if (was_empty != body_is_empty (self->body))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
      if (self->report != NULL)
        _debrief_report_section_changed (self->report, self, was_empty);
    }
}

/**
 * debrief_section_set_text:
 * @text: text from outside (a file, standard input, an import)
 * @length: its length in bytes, or -1
 *
 * Like debrief_section_set_body(), but checks @text first: it must be
 * UTF-8 without control characters and at most
 * %DEBRIEF_MAX_SECTION_BYTES long.
 */
gboolean
debrief_section_set_text (DebriefSection *self, const char *text, gssize length, GError **error)
{
  g_autofree char *what = NULL;
  g_autofree char *copy = NULL;

  g_return_val_if_fail (DEBRIEF_IS_SECTION (self), FALSE);

  /* Translators: %s is a section title such as "Root cause analysis" */
  what = g_strdup_printf (_ ("The section “%s”"), debrief_section_get_title (self));
  if (!debrief_text_validate (text, length, DEBRIEF_MAX_SECTION_BYTES, TRUE, what, error))
    return FALSE;

  copy = length < 0 ? g_strdup (text) : g_strndup (text, (gsize) length);
  debrief_section_set_body (self, copy);

  return TRUE;
}
