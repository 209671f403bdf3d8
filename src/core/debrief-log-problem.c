/* debrief-log-problem.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-log-problem"

#include "config.h"

#include "debrief-log-parse.h"
#include "debrief-log-problem.h"

/* A line of an imported log that could not be read as it is: where it is,
 * what it says (shortened) and why. */

#define EXCERPT_CHARS 60

struct _DebriefLogProblem
{
  GObject parent_instance;

  /* Owned */
  char *excerpt;
  char *message;
  guint line;
};

G_DEFINE_FINAL_TYPE (DebriefLogProblem, debrief_log_problem, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_LINE,
  PROP_EXCERPT,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
make_excerpt (const char *text, gsize length)
{
  g_autofree char *valid = NULL;
  GString         *str;
  const char      *p;
  guint            n = 0;

  if (text == NULL)
    return g_strdup ("");

  /* Only the start is shown, so only the start is converted */
  valid = g_utf8_make_valid (text, (gssize) MIN (length, EXCERPT_CHARS * 4 + 4));
  str = g_string_new (NULL);

  for (p = valid; *p != '\0' && n < EXCERPT_CHARS; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_c (str, ' ');
      else
        g_string_append_unichar (str, c);
    }

  while (str->len > 0 && str->str[str->len - 1] == ' ')
    g_string_truncate (str, str->len - 1);

  if (*p != '\0' || length > EXCERPT_CHARS * 4 + 4)
    g_string_append (str, "…");

  return g_string_free (str, FALSE);
}

static void
debrief_log_problem_finalize (GObject *object)
{
  DebriefLogProblem *self = (DebriefLogProblem *) object;

  g_clear_pointer (&self->excerpt, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (debrief_log_problem_parent_class)->finalize (object);
}

static void
debrief_log_problem_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DebriefLogProblem *self = DEBRIEF_LOG_PROBLEM (object);

  switch (prop_id)
    {
      case PROP_LINE:
        g_value_set_uint (value, self->line);
        break;
      case PROP_EXCERPT:
        g_value_set_string (value, self->excerpt);
        break;
      case PROP_MESSAGE:
        g_value_set_string (value, self->message);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_log_problem_class_init (DebriefLogProblemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = debrief_log_problem_finalize;
  object_class->get_property = debrief_log_problem_get_property;

  properties[PROP_LINE] = g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_EXCERPT] = g_param_spec_string ("excerpt", NULL, NULL, NULL, ro);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
debrief_log_problem_init (DebriefLogProblem *self)
{
}

/* @text: the line as it was read (need not be UTF-8); @message: why */
DebriefLogProblem *
_debrief_log_problem_new (guint line, const char *text, gsize length, const char *message)
{
  DebriefLogProblem *self = g_object_new (DEBRIEF_TYPE_LOG_PROBLEM, NULL);

  self->line = line;
  self->excerpt = make_excerpt (text, length);
  self->message = g_strdup (message);

  return self;
}

/**
 * debrief_log_problem_get_line:
 *
 * Returns: the line number in the log, counting from 1
 */
guint
debrief_log_problem_get_line (DebriefLogProblem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_PROBLEM (self), 0);

  return self->line;
}

/**
 * debrief_log_problem_get_excerpt:
 *
 * Returns: (transfer none): the start of the line, made valid UTF-8, with
 *   "…" when it was shortened
 */
const char *
debrief_log_problem_get_excerpt (DebriefLogProblem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_PROBLEM (self), NULL);

  return self->excerpt;
}

/**
 * debrief_log_problem_get_message:
 *
 * Returns: (transfer none): why the line was not imported as it is
 */
const char *
debrief_log_problem_get_message (DebriefLogProblem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_PROBLEM (self), NULL);

  return self->message;
}
