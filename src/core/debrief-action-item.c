/* debrief-action-item.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-action-item"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <time.h>

#include "debrief-action-item.h"
#include "debrief-enum-types.h"
#include "debrief-error.h"
#include "debrief-private.h"
#include "debrief-text.h"
#include "debrief-time.h"

struct _DebriefActionItem
{
  GObject parent_instance;

  /* Owned */
  char               *uuid;
  char               *description;
  char               *owner;
  char               *due;
  char               *link;
  DebriefActionStatus status;
  DebriefActionType   type;

  /* Borrowed */
  DebriefReport *report;
};

G_DEFINE_FINAL_TYPE (DebriefActionItem, debrief_action_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_UUID,
  PROP_DESCRIPTION,
  PROP_OWNER,
  PROP_DUE,
  PROP_STATUS,
  PROP_ACTION_TYPE,
  PROP_LINK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const fields[] = {
  "description", "owner", "due", "status", "type", "link", NULL
};

/* Stores @value in the column of @prop_id and tells listeners. */
static void
changed (DebriefActionItem *self, guint prop_id, const char *column, GVariant *value)
{
  g_assert (DEBRIEF_IS_ACTION_ITEM (self));

  if (self->report != NULL)
    {
      g_autofree char *key = g_strdup_printf ("action_items.%s:%s", column, self->uuid);
      g_autofree char *sql = g_strdup_printf ("UPDATE action_items SET %s = ? WHERE uuid = ?",
                                              column);

      _debrief_report_queue (self->report, key, sql, g_variant_new ("(@mss)", value, self->uuid));
    }
  else
    g_variant_unref (g_variant_ref_sink (value));

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static gboolean
set_string (
    DebriefActionItem *self, char **field, const char *value, guint prop_id, const char *column)
{
  g_assert (DEBRIEF_IS_ACTION_ITEM (self));

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  changed (self, prop_id, column,
           g_variant_new_maybe (G_VARIANT_TYPE_STRING,
                                value != NULL ? g_variant_new_string (value) : NULL));

  return TRUE;
}

static void
debrief_action_item_finalize (GObject *object)
{
  DebriefActionItem *self = (DebriefActionItem *) object;

  g_clear_weak_pointer (&self->report);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->due, g_free);
  g_clear_pointer (&self->link, g_free);

  G_OBJECT_CLASS (debrief_action_item_parent_class)->finalize (object);
}

static void
debrief_action_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DebriefActionItem *self = DEBRIEF_ACTION_ITEM (object);

  switch (prop_id)
    {
      case PROP_UUID:
        g_value_set_string (value, self->uuid);
        break;
      case PROP_DESCRIPTION:
        g_value_set_string (value, self->description);
        break;
      case PROP_OWNER:
        g_value_set_string (value, self->owner);
        break;
      case PROP_DUE:
        g_value_set_string (value, self->due);
        break;
      case PROP_STATUS:
        g_value_set_enum (value, self->status);
        break;
      case PROP_ACTION_TYPE:
        g_value_set_enum (value, self->type);
        break;
      case PROP_LINK:
        g_value_set_string (value, self->link);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_action_item_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DebriefActionItem *self = DEBRIEF_ACTION_ITEM (object);

  switch (prop_id)
    {
      case PROP_UUID:
        g_assert (self->uuid == NULL);
        self->uuid = g_value_dup_string (value);
        if (self->uuid == NULL)
          self->uuid = g_uuid_string_random ();
        break;
      case PROP_DESCRIPTION:
        debrief_action_item_set_description (self, g_value_get_string (value));
        break;
      case PROP_OWNER:
        debrief_action_item_set_owner (self, g_value_get_string (value));
        break;
      case PROP_DUE:
        debrief_action_item_set_due (self, g_value_get_string (value));
        break;
      case PROP_STATUS:
        debrief_action_item_set_status (self, g_value_get_enum (value));
        break;
      case PROP_ACTION_TYPE:
        debrief_action_item_set_action_type (self, g_value_get_enum (value));
        break;
      case PROP_LINK:
        debrief_action_item_set_link (self, g_value_get_string (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_action_item_class_init (DebriefActionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = debrief_action_item_finalize;
  object_class->get_property = debrief_action_item_get_property;
  object_class->set_property = debrief_action_item_set_property;

  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                   G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", rw);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, "", rw);
  properties[PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, DEBRIEF_TYPE_ACTION_STATUS,
                                               DEBRIEF_ACTION_STATUS_OPEN, rw);
  properties[PROP_ACTION_TYPE] = g_param_spec_enum (
      "action-type", NULL, NULL, DEBRIEF_TYPE_ACTION_TYPE, DEBRIEF_ACTION_TYPE_PREVENT, rw);
  properties[PROP_LINK] = g_param_spec_string ("link", NULL, NULL, "", rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
debrief_action_item_init (DebriefActionItem *self)
{
  self->description = g_strdup ("");
  self->owner = g_strdup ("");
  self->link = g_strdup ("");
  self->status = DEBRIEF_ACTION_STATUS_OPEN;
  self->type = DEBRIEF_ACTION_TYPE_PREVENT;
}

DebriefActionItem *
_debrief_action_item_new_from_stmt (sqlite3_stmt *stmt)
{
  DebriefActionItem *self;
  int                status = 0, type = 0;

  self = g_object_new (DEBRIEF_TYPE_ACTION_ITEM, "uuid", debrief_store_column_text (stmt, 0),
                       NULL);
  g_free (self->description);
  self->description = g_strdup (debrief_store_column_text (stmt, 1));
  g_free (self->owner);
  self->owner = g_strdup (debrief_store_column_text (stmt, 2));
  self->due = sqlite3_column_type (stmt, 3) == SQLITE_NULL
                  ? NULL
                  : g_strdup (debrief_store_column_text (stmt, 3));
  if (debrief_enum_from_nick (DEBRIEF_TYPE_ACTION_STATUS, debrief_store_column_text (stmt, 4),
                              &status, NULL))
    self->status = status;
  if (debrief_enum_from_nick (DEBRIEF_TYPE_ACTION_TYPE, debrief_store_column_text (stmt, 5), &type,
                              NULL))
    self->type = type;
  g_free (self->link);
  self->link = g_strdup (debrief_store_column_text (stmt, 6));

  return self;
}

void
_debrief_action_item_attach (DebriefActionItem *self, DebriefReport *report)
{
  g_assert (DEBRIEF_IS_ACTION_ITEM (self));

  g_set_weak_pointer (&self->report, report);
}

void
_debrief_action_item_queue_insert (DebriefActionItem *self, guint position)
{
  g_assert (DEBRIEF_IS_ACTION_ITEM (self));
  g_return_if_fail (self->report != NULL);

  _debrief_report_queue (
      self->report, NULL,
      "INSERT INTO action_items (uuid, report_uuid, position, description, owner, due, status, "
      "type, link) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      g_variant_new ("(ssxssmssss)", self->uuid, debrief_report_get_uuid (self->report),
                     (gint64) position, self->description, self->owner, self->due,
                     debrief_enum_to_nick (DEBRIEF_TYPE_ACTION_STATUS, self->status),
                     debrief_enum_to_nick (DEBRIEF_TYPE_ACTION_TYPE, self->type), self->link));
}

/**
 * debrief_action_item_new:
 * @description: (nullable): what is to be done
 *
 * Returns: (transfer full): a new, open action item with a new uuid
 */
DebriefActionItem *
debrief_action_item_new (const char *description)
{
  return g_object_new (DEBRIEF_TYPE_ACTION_ITEM, "description", description ? description : "",
                       NULL);
}

const char *
debrief_action_item_get_uuid (DebriefActionItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACTION_ITEM (self), NULL);

  return self->uuid;
}

const char *
debrief_action_item_get_description (DebriefActionItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACTION_ITEM (self), NULL);

  return self->description;
}

void
debrief_action_item_set_description (DebriefActionItem *self, const char *description)
{
  g_return_if_fail (DEBRIEF_IS_ACTION_ITEM (self));
  g_return_if_fail (description == NULL || g_utf8_validate (description, -1, NULL));

  set_string (self, &self->description, description ? description : "", PROP_DESCRIPTION,
              "description");
}

const char *
debrief_action_item_get_owner (DebriefActionItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACTION_ITEM (self), NULL);

  return self->owner;
}

void
debrief_action_item_set_owner (DebriefActionItem *self, const char *owner)
{
  g_return_if_fail (DEBRIEF_IS_ACTION_ITEM (self));
  g_return_if_fail (owner == NULL || g_utf8_validate (owner, -1, NULL));

  set_string (self, &self->owner, owner ? owner : "", PROP_OWNER, "owner");
}

/**
 * debrief_action_item_get_due:
 *
 * Returns: (nullable): the due date as YYYY-MM-DD, or %NULL if none is set
 */
const char *
debrief_action_item_get_due (DebriefActionItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACTION_ITEM (self), NULL);

  return self->due;
}

/**
 * debrief_action_item_set_due:
 * @due: (nullable): a date as YYYY-MM-DD, or %NULL (or "") for none
 */
void
debrief_action_item_set_due (DebriefActionItem *self, const char *due)
{
  g_return_if_fail (DEBRIEF_IS_ACTION_ITEM (self));

  if (due != NULL && *due == '\0')
    due = NULL;

  g_return_if_fail (due == NULL || debrief_date_validate (due, NULL));

  set_string (self, &self->due, due, PROP_DUE, "due");
}

DebriefActionStatus
debrief_action_item_get_status (DebriefActionItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACTION_ITEM (self), 0);

  return self->status;
}

void
debrief_action_item_set_status (DebriefActionItem *self, DebriefActionStatus status)
{
  g_return_if_fail (DEBRIEF_IS_ACTION_ITEM (self));
  g_return_if_fail (debrief_enum_to_nick (DEBRIEF_TYPE_ACTION_STATUS, status) != NULL);

  if (self->status == status)
    return;

  self->status = status;
  changed (self, PROP_STATUS, "status",
           g_variant_new ("ms", debrief_enum_to_nick (DEBRIEF_TYPE_ACTION_STATUS, status)));
}

DebriefActionType
debrief_action_item_get_action_type (DebriefActionItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACTION_ITEM (self), 0);

  return self->type;
}

void
debrief_action_item_set_action_type (DebriefActionItem *self, DebriefActionType type)
{
  g_return_if_fail (DEBRIEF_IS_ACTION_ITEM (self));
  g_return_if_fail (debrief_enum_to_nick (DEBRIEF_TYPE_ACTION_TYPE, type) != NULL);

  if (self->type == type)
    return;

  self->type = type;
  changed (self, PROP_ACTION_TYPE, "type",
           g_variant_new ("ms", debrief_enum_to_nick (DEBRIEF_TYPE_ACTION_TYPE, type)));
}

const char *
debrief_action_item_get_link (DebriefActionItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACTION_ITEM (self), NULL);

  return self->link;
}

void
debrief_action_item_set_link (DebriefActionItem *self, const char *link)
{
  g_return_if_fail (DEBRIEF_IS_ACTION_ITEM (self));
  g_return_if_fail (link == NULL || g_utf8_validate (link, -1, NULL));

  set_string (self, &self->link, link ? link : "", PROP_LINK, "link");
}

/**
 * debrief_action_item_is_overdue:
 * @today: (nullable): the date to compare with, or %NULL for today
 *
 * Returns: whether the item is still open (or in progress) past its due date
 */
gboolean
debrief_action_item_is_overdue (DebriefActionItem *self, GDate *today)
{
  GDate now, due;
  int   y = 0, m = 0, d = 0;

  g_return_val_if_fail (DEBRIEF_IS_ACTION_ITEM (self), FALSE);

  if (self->due == NULL || (self->status != DEBRIEF_ACTION_STATUS_OPEN &&
                            self->status != DEBRIEF_ACTION_STATUS_IN_PROGRESS))
    return FALSE;

  if (today == NULL)
    {
      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
      today = &now;
    }

  if (sscanf (self->due, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (&due, 1);
  g_date_set_dmy (&due, d, m, y);

  return g_date_compare (&due, today) < 0;
}

/**
 * debrief_action_item_list_fields:
 *
 * Returns: (transfer none): the names debrief_action_item_set_field() takes
 */
const char *const *
debrief_action_item_list_fields (void)
{
  return fields;
}

/**
 * debrief_action_item_set_field:
 * @field: one of debrief_action_item_list_fields()
 * @value: the new value as text: a date as YYYY-MM-DD ("" clears it), a
 *   status or type by its name
 *
 * Sets a field from text given by a user or a script, checking it first.
 */
gboolean
debrief_action_item_set_field (DebriefActionItem *self,
                               const char        *field,
                               const char        *value,
                               GError           **error)
{
  int v;

  g_return_val_if_fail (DEBRIEF_IS_ACTION_ITEM (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (g_str_equal (field, "description"))
    {
      if (!debrief_text_validate (value, -1, DEBRIEF_MAX_LINE_BYTES, FALSE, _ ("The description"),
                                  error))
        return FALSE;
      debrief_action_item_set_description (self, value);
    }
  else if (g_str_equal (field, "owner"))
    {
      if (!debrief_text_validate (value, -1, DEBRIEF_MAX_LINE_BYTES, FALSE, _ ("The owner"),
                                  error))
        return FALSE;
      debrief_action_item_set_owner (self, value);
    }
  else if (g_str_equal (field, "due"))
    {
      if (value != NULL && *value != '\0' && !debrief_date_validate (value, error))
        return FALSE;
      debrief_action_item_set_due (self, value);
    }
  else if (g_str_equal (field, "status"))
    {
      if (!debrief_enum_from_nick (DEBRIEF_TYPE_ACTION_STATUS, value, &v, error))
        return FALSE;
      debrief_action_item_set_status (self, v);
    }
  else if (g_str_equal (field, "type"))
    {
      if (!debrief_enum_from_nick (DEBRIEF_TYPE_ACTION_TYPE, value, &v, error))
        return FALSE;
      debrief_action_item_set_action_type (self, v);
    }
  else if (g_str_equal (field, "link"))
    {
      if (!debrief_text_validate (value, -1, DEBRIEF_MAX_LINE_BYTES, FALSE, _ ("The link"), error))
        return FALSE;
      debrief_action_item_set_link (self, value);
    }
  else
    {
      g_autofree char *accepted = g_strjoinv (", ", (char **) fields);

      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE,
                   _ ("An action item has no field “%s”. Use one of: %s."),
                   g_utf8_validate (field, -1, NULL) ? field : "?", accepted);
      return FALSE;
    }

  return TRUE;
}
