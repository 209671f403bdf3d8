/* debrief-timeline-entry.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-timeline-entry"

#include "config.h"

#include "debrief-enum-types.h"
#include "debrief-private.h"
#include "debrief-time.h"
#include "debrief-timeline-entry.h"

struct _DebriefTimelineEntry
{
  GObject parent_instance;

  /* Owned */
  char                *uuid;
  char                *text;
  gint64               occurred_at;
  DebriefTimePrecision precision;
  DebriefEntryKind     kind;
  DebriefKeyEvent      key_event;
  DebriefEntrySource   source;

  /* Borrowed: set while the entry is in the report's timeline; the
   * report detaches its entries before it goes away. Not a weak pointer:
   * removing many weak references from one report is quadratic. */
  DebriefReport *report;
};

G_DEFINE_FINAL_TYPE (DebriefTimelineEntry, debrief_timeline_entry, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_UUID,
  PROP_OCCURRED_AT,
  PROP_PRECISION,
  PROP_KIND,
  PROP_KEY_EVENT,
  PROP_TEXT,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
changed (DebriefTimelineEntry *self, const char *column, GVariant *value)
{
  g_assert (DEBRIEF_IS_TIMELINE_ENTRY (self));

  if (self->report != NULL)
    {
      g_autofree char *key = g_strdup_printf ("timeline_entries.%s:%s", column, self->uuid);
      g_autofree char *sql = g_strdup_printf ("UPDATE timeline_entries SET %s = ? WHERE uuid = ?",
                                              column);

      _debrief_report_queue (self->report, key, sql, g_variant_new ("(@*s)", value, self->uuid));
    }
  else
    g_variant_unref (g_variant_ref_sink (value));
}

static void
debrief_timeline_entry_finalize (GObject *object)
{
  DebriefTimelineEntry *self = (DebriefTimelineEntry *) object;

  g_assert (self->report == NULL);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (debrief_timeline_entry_parent_class)->finalize (object);
}

static void
debrief_timeline_entry_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DebriefTimelineEntry *self = DEBRIEF_TIMELINE_ENTRY (object);

  switch (prop_id)
    {
      case PROP_UUID:
        g_value_set_string (value, self->uuid);
        break;
      case PROP_OCCURRED_AT:
        g_value_set_int64 (value, self->occurred_at);
        break;
      case PROP_PRECISION:
        g_value_set_enum (value, self->precision);
        break;
      case PROP_KIND:
        g_value_set_enum (value, self->kind);
        break;
      case PROP_KEY_EVENT:
        g_value_set_enum (value, self->key_event);
        break;
      case PROP_TEXT:
        g_value_set_string (value, self->text);
        break;
      case PROP_SOURCE:
        g_value_set_enum (value, self->source);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_timeline_entry_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DebriefTimelineEntry *self = DEBRIEF_TIMELINE_ENTRY (object);

  switch (prop_id)
    {
      case PROP_UUID:
        g_assert (self->uuid == NULL);
        self->uuid = g_value_dup_string (value);
        if (self->uuid == NULL)
          self->uuid = g_uuid_string_random ();
        break;
      case PROP_KIND:
        debrief_timeline_entry_set_kind (self, g_value_get_enum (value));
        break;
      case PROP_KEY_EVENT:
        debrief_timeline_entry_set_key_event (self, g_value_get_enum (value));
        break;
      case PROP_TEXT:
        debrief_timeline_entry_set_text (self, g_value_get_string (value));
        break;
      case PROP_SOURCE:
        debrief_timeline_entry_set_source (self, g_value_get_enum (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_timeline_entry_class_init (DebriefTimelineEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags   ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = debrief_timeline_entry_finalize;
  object_class->get_property = debrief_timeline_entry_get_property;
  object_class->set_property = debrief_timeline_entry_set_property;

  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                   G_PARAM_STATIC_STRINGS);
  properties[PROP_OCCURRED_AT] = g_param_spec_int64 ("occurred-at", NULL, NULL, G_MININT64,
                                                     G_MAXINT64, DEBRIEF_TIME_UNSET, ro);
  properties[PROP_PRECISION] = g_param_spec_enum (
      "precision", NULL, NULL, DEBRIEF_TYPE_TIME_PRECISION, DEBRIEF_TIME_PRECISION_UNKNOWN, ro);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, DEBRIEF_TYPE_ENTRY_KIND,
                                             DEBRIEF_ENTRY_KIND_OBSERVATION, rw);
  properties[PROP_KEY_EVENT] = g_param_spec_enum ("key-event", NULL, NULL, DEBRIEF_TYPE_KEY_EVENT,
                                                  DEBRIEF_KEY_EVENT_NONE, rw);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", rw);
  properties[PROP_SOURCE] = g_param_spec_enum ("source", NULL, NULL, DEBRIEF_TYPE_ENTRY_SOURCE,
                                               DEBRIEF_ENTRY_SOURCE_TYPED, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
debrief_timeline_entry_init (DebriefTimelineEntry *self)
{
  self->text = g_strdup ("");
  self->occurred_at = DEBRIEF_TIME_UNSET;
  self->precision = DEBRIEF_TIME_PRECISION_UNKNOWN;
}

DebriefTimelineEntry *
_debrief_timeline_entry_new_from_stmt (sqlite3_stmt *stmt)
{
  DebriefTimelineEntry *self;
  int                   v;

  self = g_object_new (DEBRIEF_TYPE_TIMELINE_ENTRY, "uuid", debrief_store_column_text (stmt, 0),
                       NULL);
  self->occurred_at = debrief_store_column_time (stmt, 1);
  if (debrief_enum_from_nick (DEBRIEF_TYPE_TIME_PRECISION, debrief_store_column_text (stmt, 2), &v,
                              NULL))
    self->precision = v;
  if (self->occurred_at == DEBRIEF_TIME_UNSET)
    self->precision = DEBRIEF_TIME_PRECISION_UNKNOWN;
  if (debrief_enum_from_nick (DEBRIEF_TYPE_ENTRY_KIND, debrief_store_column_text (stmt, 3), &v,
                              NULL))
    self->kind = v;
  if (debrief_enum_from_nick (DEBRIEF_TYPE_KEY_EVENT, debrief_store_column_text (stmt, 4), &v,
                              NULL))
    self->key_event = v;
  g_free (self->text);
  self->text = g_strdup (debrief_store_column_text (stmt, 5));
  if (debrief_enum_from_nick (DEBRIEF_TYPE_ENTRY_SOURCE, debrief_store_column_text (stmt, 6), &v,
                              NULL))
    self->source = v;

  return self;
}

/* An entry with all its fields set at once, without notifications, for
 * imports that make many. A %NULL @uuid makes a new one. */
DebriefTimelineEntry *
_debrief_timeline_entry_new_full (const char          *uuid,
                                  gint64               occurred_at,
                                  DebriefTimePrecision precision,
                                  DebriefEntryKind     kind,
                                  DebriefKeyEvent      key_event,
                                  const char          *text,
                                  DebriefEntrySource   source)
{
  DebriefTimelineEntry *self;

  self = g_object_new (DEBRIEF_TYPE_TIMELINE_ENTRY, "uuid", uuid, NULL);
  self->occurred_at = occurred_at;
  self->precision = occurred_at == DEBRIEF_TIME_UNSET ? DEBRIEF_TIME_PRECISION_UNKNOWN : precision;
  self->kind = kind;
  self->key_event = key_event;
  self->source = source;
  g_free (self->text);
  self->text = g_strdup (text != NULL ? text : "");

  return self;
}

void
_debrief_timeline_entry_attach (DebriefTimelineEntry *self, DebriefReport *report)
{
  g_assert (DEBRIEF_IS_TIMELINE_ENTRY (self));

  self->report = report;
}

void
_debrief_timeline_entry_queue_insert (DebriefTimelineEntry *self, guint position)
{
  g_assert (DEBRIEF_IS_TIMELINE_ENTRY (self));
  g_return_if_fail (self->report != NULL);

  _debrief_report_queue (
      self->report, NULL,
      "INSERT INTO timeline_entries (uuid, report_uuid, position, occurred_at, precision, kind, "
      "key_event, text, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      g_variant_new ("(ssx@mxsssss)", self->uuid, debrief_report_get_uuid (self->report),
                     (gint64) position, debrief_store_time_variant (self->occurred_at),
                     debrief_enum_to_nick (DEBRIEF_TYPE_TIME_PRECISION, self->precision),
                     debrief_enum_to_nick (DEBRIEF_TYPE_ENTRY_KIND, self->kind),
                     debrief_enum_to_nick (DEBRIEF_TYPE_KEY_EVENT, self->key_event), self->text,
                     debrief_enum_to_nick (DEBRIEF_TYPE_ENTRY_SOURCE, self->source)));
}

/**
 * debrief_timeline_entry_new:
 * @occurred_at: seconds since the epoch (UTC), or %DEBRIEF_TIME_UNSET
 * @precision: how precisely @occurred_at is known
 *
 * Returns: (transfer full): a new entry with a new uuid
 */
DebriefTimelineEntry *
debrief_timeline_entry_new (gint64               occurred_at,
                            DebriefTimePrecision precision,
                            DebriefEntryKind     kind,
                            const char          *text)
{
  DebriefTimelineEntry *self;

  self = g_object_new (DEBRIEF_TYPE_TIMELINE_ENTRY, "kind", kind, "text", text ? text : "", NULL);
  self->occurred_at = occurred_at;
  self->precision = occurred_at == DEBRIEF_TIME_UNSET ? DEBRIEF_TIME_PRECISION_UNKNOWN : precision;

  return self;
}

const char *
debrief_timeline_entry_get_uuid (DebriefTimelineEntry *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_ENTRY (self), NULL);

  return self->uuid;
}

gint64
debrief_timeline_entry_get_occurred_at (DebriefTimelineEntry *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_ENTRY (self), DEBRIEF_TIME_UNSET);

  return self->occurred_at;
}

DebriefTimePrecision
debrief_timeline_entry_get_precision (DebriefTimelineEntry *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_ENTRY (self), DEBRIEF_TIME_PRECISION_UNKNOWN);

  return self->precision;
}

void
debrief_timeline_entry_set_occurred_at (DebriefTimelineEntry *self,
                                        gint64                occurred_at,
                                        DebriefTimePrecision  precision)
{
  g_return_if_fail (DEBRIEF_IS_TIMELINE_ENTRY (self));

  if (occurred_at == DEBRIEF_TIME_UNSET)
    precision = DEBRIEF_TIME_PRECISION_UNKNOWN;

  if (self->occurred_at == occurred_at && self->precision == precision)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  if (self->occurred_at != occurred_at)
    {
      self->occurred_at = occurred_at;
      changed (self, "occurred_at", debrief_store_time_variant (occurred_at));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OCCURRED_AT]);
    }

  if (self->precision != precision)
    {
      self->precision = precision;
      changed (
          self, "precision",
          g_variant_new_string (debrief_enum_to_nick (DEBRIEF_TYPE_TIME_PRECISION, precision)));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRECISION]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

DebriefEntryKind
debrief_timeline_entry_get_kind (DebriefTimelineEntry *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_ENTRY (self), 0);

  return self->kind;
}

void
debrief_timeline_entry_set_kind (DebriefTimelineEntry *self, DebriefEntryKind kind)
{
  g_return_if_fail (DEBRIEF_IS_TIMELINE_ENTRY (self));
  g_return_if_fail (debrief_enum_to_nick (DEBRIEF_TYPE_ENTRY_KIND, kind) != NULL);

  if (self->kind == kind)
    return;

  self->kind = kind;
  changed (self, "kind",
           g_variant_new_string (debrief_enum_to_nick (DEBRIEF_TYPE_ENTRY_KIND, kind)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

DebriefKeyEvent
debrief_timeline_entry_get_key_event (DebriefTimelineEntry *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_ENTRY (self), 0);

  return self->key_event;
}

/**
 * debrief_timeline_entry_set_key_event:
 *
 * Sets the entry's key event. To keep each key event once per report,
 * tag entries through debrief_report_tag_key_event().
 */
void
debrief_timeline_entry_set_key_event (DebriefTimelineEntry *self, DebriefKeyEvent key_event)
{
  g_return_if_fail (DEBRIEF_IS_TIMELINE_ENTRY (self));
  g_return_if_fail (debrief_enum_to_nick (DEBRIEF_TYPE_KEY_EVENT, key_event) != NULL);

  if (self->key_event == key_event)
    return;

  self->key_event = key_event;
  changed (self, "key_event",
           g_variant_new_string (debrief_enum_to_nick (DEBRIEF_TYPE_KEY_EVENT, key_event)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY_EVENT]);
}

const char *
debrief_timeline_entry_get_text (DebriefTimelineEntry *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_ENTRY (self), NULL);

  return self->text;
}

void
debrief_timeline_entry_set_text (DebriefTimelineEntry *self, const char *text)
{
  g_return_if_fail (DEBRIEF_IS_TIMELINE_ENTRY (self));
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));

  if (text == NULL)
    text = "";

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  changed (self, "text", g_variant_new_string (self->text));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

DebriefEntrySource
debrief_timeline_entry_get_source (DebriefTimelineEntry *self)
{
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_ENTRY (self), 0);

  return self->source;
}

void
debrief_timeline_entry_set_source (DebriefTimelineEntry *self, DebriefEntrySource source)
{
  g_return_if_fail (DEBRIEF_IS_TIMELINE_ENTRY (self));
  g_return_if_fail (debrief_enum_to_nick (DEBRIEF_TYPE_ENTRY_SOURCE, source) != NULL);

  if (self->source == source)
    return;

  self->source = source;
  changed (self, "source",
           g_variant_new_string (debrief_enum_to_nick (DEBRIEF_TYPE_ENTRY_SOURCE, source)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}
