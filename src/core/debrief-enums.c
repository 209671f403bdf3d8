/* debrief-enums.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-enums"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "debrief-enum-types.h"
#include "debrief-enums.h"
#include "debrief-error.h"

typedef struct
{
  GType (*get_type) (void);
  int         value;
  const char *label;
} EnumLabel;

static const EnumLabel labels[] = {
  { debrief_status_get_type, DEBRIEF_STATUS_DRAFT, N_ ("Draft") },
  { debrief_status_get_type, DEBRIEF_STATUS_IN_REVIEW, N_ ("In review") },
  { debrief_status_get_type, DEBRIEF_STATUS_FINAL, N_ ("Final") },
  { debrief_severity_get_type, DEBRIEF_SEVERITY_SEV1, N_ ("SEV1 · Critical") },
  { debrief_severity_get_type, DEBRIEF_SEVERITY_SEV2, N_ ("SEV2 · Major") },
  { debrief_severity_get_type, DEBRIEF_SEVERITY_SEV3, N_ ("SEV3 · Moderate") },
  { debrief_severity_get_type, DEBRIEF_SEVERITY_SEV4, N_ ("SEV4 · Minor") },
  { debrief_action_status_get_type, DEBRIEF_ACTION_STATUS_OPEN, N_ ("Open") },
  { debrief_action_status_get_type, DEBRIEF_ACTION_STATUS_IN_PROGRESS, N_ ("In progress") },
  { debrief_action_status_get_type, DEBRIEF_ACTION_STATUS_DONE, N_ ("Done") },
  { debrief_action_status_get_type, DEBRIEF_ACTION_STATUS_WONT_DO, N_ ("Won’t do") },
  { debrief_action_type_get_type, DEBRIEF_ACTION_TYPE_PREVENT, N_ ("Prevent") },
  { debrief_action_type_get_type, DEBRIEF_ACTION_TYPE_DETECT, N_ ("Detect") },
  { debrief_action_type_get_type, DEBRIEF_ACTION_TYPE_MITIGATE, N_ ("Mitigate") },
  { debrief_action_type_get_type, DEBRIEF_ACTION_TYPE_PROCESS, N_ ("Process") },
  { debrief_entry_kind_get_type, DEBRIEF_ENTRY_KIND_OBSERVATION, N_ ("Observation") },
  { debrief_entry_kind_get_type, DEBRIEF_ENTRY_KIND_ACTION, N_ ("Action") },
  { debrief_entry_kind_get_type, DEBRIEF_ENTRY_KIND_DECISION, N_ ("Decision") },
  { debrief_entry_kind_get_type, DEBRIEF_ENTRY_KIND_HYPOTHESIS, N_ ("Hypothesis") },
  { debrief_entry_kind_get_type, DEBRIEF_ENTRY_KIND_COMMUNICATION, N_ ("Communication") },
  { debrief_key_event_get_type, DEBRIEF_KEY_EVENT_NONE, N_ ("None") },
  { debrief_key_event_get_type, DEBRIEF_KEY_EVENT_STARTED, N_ ("Started") },
  { debrief_key_event_get_type, DEBRIEF_KEY_EVENT_DETECTED, N_ ("Detected") },
  { debrief_key_event_get_type, DEBRIEF_KEY_EVENT_ACKNOWLEDGED, N_ ("Acknowledged") },
  { debrief_key_event_get_type, DEBRIEF_KEY_EVENT_MITIGATED, N_ ("Mitigated") },
  { debrief_key_event_get_type, DEBRIEF_KEY_EVENT_RESOLVED, N_ ("Resolved") },
  { debrief_evidence_kind_get_type, DEBRIEF_EVIDENCE_KIND_IMAGE, N_ ("Image") },
  { debrief_evidence_kind_get_type, DEBRIEF_EVIDENCE_KIND_TEXT, N_ ("Log or text") },
  { debrief_evidence_kind_get_type, DEBRIEF_EVIDENCE_KIND_PDF, N_ ("PDF") },
  { debrief_evidence_kind_get_type, DEBRIEF_EVIDENCE_KIND_OTHER, N_ ("Other file") },
};

/**
 * debrief_enum_to_nick:
 *
 * Returns: (transfer none): the nick of @value, as stored in libraries and
 *   JSON documents, or %NULL if @value is not a member of @enum_type
 */
const char *
debrief_enum_to_nick (GType enum_type, int value)
{
  g_autoptr (GEnumClass) klass = NULL;
  GEnumValue *ev;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

/**
 * debrief_enum_list_nicks:
 *
 * Returns: (transfer full): the accepted nicks of @enum_type, comma separated,
 *   for messages
 */
char *
debrief_enum_list_nicks (GType enum_type)
{
  g_autoptr (GEnumClass) klass = NULL;
  GString *str = g_string_new (NULL);

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  klass = g_type_class_ref (enum_type);
  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (str, ", ");
      g_string_append (str, klass->values[i].value_nick);
    }

  return g_string_free (str, FALSE);
}

/**
 * debrief_enum_from_nick:
 *
 * Reads a nick case-insensitively; underscores and spaces count as dashes.
 */
gboolean
debrief_enum_from_nick (GType enum_type, const char *nick, int *value, GError **error)
{
  g_autoptr (GEnumClass) klass = NULL;
  g_autofree char *norm = NULL;
  g_autofree char *accepted = NULL;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  klass = g_type_class_ref (enum_type);

  /* What the library stores is already a nick: take it as it is first,
   * which is most of the work of reading a long timeline */
  if (nick != NULL)
    {
      for (guint i = 0; i < klass->n_values; i++)
        {
          if (strcmp (klass->values[i].value_nick, nick) == 0)
            {
              *value = klass->values[i].value;
              return TRUE;
            }
        }
    }

  if (nick != NULL && g_utf8_validate (nick, -1, NULL))
    {
      norm = g_ascii_strdown (nick, -1);
      g_strstrip (norm);
      g_strdelimit (norm, "_ ", '-');

      for (guint i = 0; i < klass->n_values; i++)
        {
          if (g_str_equal (klass->values[i].value_nick, norm))
            {
              *value = klass->values[i].value;
              return TRUE;
            }
        }
    }

  accepted = debrief_enum_list_nicks (enum_type);
  g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE,
               _ ("“%s” is not an accepted value. Use one of: %s."),
               nick != NULL && g_utf8_validate (nick, -1, NULL) ? nick : "?", accepted);

  return FALSE;
}

/**
 * debrief_enum_get_label:
 *
 * Returns: (transfer none): the translated, human-readable name of @value
 */
const char *
debrief_enum_get_label (GType enum_type, int value)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (labels[i].get_type () == enum_type && labels[i].value == value)
        return g_dgettext (GETTEXT_PACKAGE, labels[i].label);
    }

  return debrief_enum_to_nick (enum_type, value);
}
