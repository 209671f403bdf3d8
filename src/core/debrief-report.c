/* debrief-report.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "debrief-enum-types.h"
#include "debrief-error.h"
#include "debrief-private.h"
#include "debrief-report.h"
#include "debrief-template.h"
#include "debrief-text.h"
#include "debrief-time.h"

/* An ordered child list (action items, timeline entries): how to persist
 * its members. */
typedef struct
{
  const char *table;
  const char *(*get_uuid) (gpointer item);
  void (*attach) (gpointer item, DebriefReport *report);
  void (*queue_insert) (gpointer item, guint position);
} ChildList;

struct _DebriefReport
{
  GObject parent_instance;

  /* Owned */
  char           *uuid;
  char           *title;
  char           *lead;
  char           *timezone;
  char           *classification;
  DebriefStatus   status;
  DebriefSeverity severity;
  gint64          started_at;
  gint64          created_at;
  gint64          updated_at;
  GListStore     *sections;
  GListStore     *actions;
  GListStore     *timeline;
  guint           n_empty_sections;
  guint           loaded : 1;
  guint           attached : 1;
  guint           inserting : 1;

  /* Borrowed */
  DebriefLibrary *library;
};

G_DEFINE_FINAL_TYPE (DebriefReport, debrief_report, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_UUID,
  PROP_TITLE,
  PROP_STATUS,
  PROP_SEVERITY,
  PROP_LEAD,
  PROP_TIMEZONE,
  PROP_CLASSIFICATION,
  PROP_STARTED_AT,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_N_EMPTY_SECTIONS,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const fields[] = { "title",    "status",  "severity",       "lead",
                                      "timezone", "started", "classification", NULL };

static const char *const classifications[] = { N_ ("Internal"), N_ ("Confidential"),
                                               N_ ("Restricted"), N_ ("Public"), NULL };

static const ChildList action_list = {
  "action_items",
  (const char *(*) (gpointer)) debrief_action_item_get_uuid,
  (void (*) (gpointer, DebriefReport *)) _debrief_action_item_attach,
  (void (*) (gpointer, guint)) _debrief_action_item_queue_insert,
};

static const ChildList timeline_list = {
  "timeline_entries",
  (const char *(*) (gpointer)) debrief_timeline_entry_get_uuid,
  (void (*) (gpointer, DebriefReport *)) _debrief_timeline_entry_attach,
  (void (*) (gpointer, guint)) _debrief_timeline_entry_queue_insert,
};

static DebriefStore *
get_store (DebriefReport *self)
{
  g_assert (DEBRIEF_IS_REPORT (self));

  if (self->library == NULL || !self->attached)
    return NULL;

  return _debrief_library_get_store (self->library);
}

static void
touch (DebriefReport *self)
{
  DebriefStore    *store = get_store (self);
  g_autofree char *key = NULL;
  gint64           now = debrief_time_now ();

  g_assert (DEBRIEF_IS_REPORT (self));

  if (store == NULL || self->inserting)
    return;

  if (now != self->updated_at)
    {
      self->updated_at = now;
      key = g_strdup_printf ("reports.updated_at:%s", self->uuid);
      debrief_store_queue (store, key, "UPDATE reports SET updated_at = ? WHERE uuid = ?",
                           g_variant_new ("(xs)", now, self->uuid));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
    }
}

static void
update_column (DebriefReport *self, const char *column, GVariant *value)
{
  g_autofree char *key = g_strdup_printf ("reports.%s:%s", column, self->uuid);
  g_autofree char *sql = g_strdup_printf ("UPDATE reports SET %s = ? WHERE uuid = ?", column);

  g_assert (DEBRIEF_IS_REPORT (self));

  _debrief_report_queue (self, key, sql, g_variant_new ("(@*s)", value, self->uuid));
}

static void
renumber (DebriefReport *self, GListModel *list, const ChildList *kind, guint from, guint to)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET position = ? WHERE uuid = ?",
                                          kind->table);

  g_assert (DEBRIEF_IS_REPORT (self));

  if (get_store (self) == NULL)
    return;

  to = MIN (to, g_list_model_get_n_items (list));
  for (guint i = from; i < to; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (list, i);
      const char      *uuid = kind->get_uuid (item);
      g_autofree char *key = g_strdup_printf ("%s.position:%s", kind->table, uuid);

      _debrief_report_queue (self, key, sql, g_variant_new ("(xs)", (gint64) i, uuid));
    }
}

static void
list_insert (
    DebriefReport *self, GListStore *store, const ChildList *kind, guint position, gpointer item)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  g_assert (DEBRIEF_IS_REPORT (self));

  position = MIN (position, n);
  kind->attach (item, self);
  g_list_store_insert (store, position, item);

  if (get_store (self) != NULL)
    {
      kind->queue_insert (item, position);
      renumber (self, G_LIST_MODEL (store), kind, position + 1, n + 1);
    }
}

static gboolean
list_remove (
    DebriefReport *self, GListStore *store, const ChildList *kind, gpointer item, guint *position)
{
  g_autofree char *sql = NULL;
  guint            pos;

  g_assert (DEBRIEF_IS_REPORT (self));

  if (!g_list_store_find (store, item, &pos))
    return FALSE;

  g_object_ref (item);
  g_list_store_remove (store, pos);
  kind->attach (item, NULL);

  if (get_store (self) != NULL)
    {
      sql = g_strdup_printf ("DELETE FROM %s WHERE uuid = ?", kind->table);
      _debrief_report_queue (self, NULL, sql, g_variant_new ("(s)", kind->get_uuid (item)));
      renumber (self, G_LIST_MODEL (store), kind, pos, G_MAXUINT);
    }

  g_object_unref (item);

  if (position != NULL)
    *position = pos;

  return TRUE;
}

static gboolean
list_move (DebriefReport *self, GListStore *store, const ChildList *kind, guint from, guint to)
{
  g_autoptr (GObject) item = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  g_assert (DEBRIEF_IS_REPORT (self));

  if (from >= n || to >= n)
    return FALSE;
  if (from == to)
    return TRUE;

  item = g_list_model_get_item (G_LIST_MODEL (store), from);
  g_list_store_remove (store, from);
  g_list_store_insert (store, to, item);
  renumber (self, G_LIST_MODEL (store), kind, MIN (from, to), MAX (from, to) + 1);

  return TRUE;
}

static void
debrief_report_finalize (GObject *object)
{
  DebriefReport *self = (DebriefReport *) object;

  g_clear_weak_pointer (&self->library);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->lead, g_free);
  g_clear_pointer (&self->timezone, g_free);
  g_clear_pointer (&self->classification, g_free);
  g_clear_object (&self->sections);
  g_clear_object (&self->actions);

  /* Entries may outlive the report (in an undo stack): they must not
   * point to it any more */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->timeline)); i++)
    {
      g_autoptr (DebriefTimelineEntry)
          entry = g_list_model_get_item (G_LIST_MODEL (self->timeline), i);

      _debrief_timeline_entry_attach (entry, NULL);
    }
  g_clear_object (&self->timeline);

  G_OBJECT_CLASS (debrief_report_parent_class)->finalize (object);
}

static void
debrief_report_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DebriefReport *self = DEBRIEF_REPORT (object);

  switch (prop_id)
    {
      case PROP_UUID:
        g_value_set_string (value, self->uuid);
        break;
      case PROP_TITLE:
        g_value_set_string (value, self->title);
        break;
      case PROP_STATUS:
        g_value_set_enum (value, self->status);
        break;
      case PROP_SEVERITY:
        g_value_set_enum (value, self->severity);
        break;
      case PROP_LEAD:
        g_value_set_string (value, self->lead);
        break;
      case PROP_TIMEZONE:
        g_value_set_string (value, self->timezone);
        break;
      case PROP_CLASSIFICATION:
        g_value_set_string (value, self->classification);
        break;
      case PROP_STARTED_AT:
        g_value_set_int64 (value, self->started_at);
        break;
      case PROP_CREATED_AT:
        g_value_set_int64 (value, self->created_at);
        break;
      case PROP_UPDATED_AT:
        g_value_set_int64 (value, self->updated_at);
        break;
      case PROP_N_EMPTY_SECTIONS:
        g_value_set_uint (value, self->n_empty_sections);
        break;
      case PROP_LOADED:
        g_value_set_boolean (value, self->loaded);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_report_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  DebriefReport *self = DEBRIEF_REPORT (object);

  switch (prop_id)
    {
      case PROP_UUID:
        g_assert (self->uuid == NULL);
        self->uuid = g_value_dup_string (value);
        if (self->uuid == NULL)
          self->uuid = g_uuid_string_random ();
        break;
      case PROP_TITLE:
        debrief_report_set_title (self, g_value_get_string (value));
        break;
      case PROP_STATUS:
        debrief_report_set_status (self, g_value_get_enum (value));
        break;
      case PROP_SEVERITY:
        debrief_report_set_severity (self, g_value_get_enum (value));
        break;
      case PROP_LEAD:
        debrief_report_set_lead (self, g_value_get_string (value));
        break;
      case PROP_TIMEZONE:
        debrief_report_set_timezone (self, g_value_get_string (value), NULL);
        break;
      case PROP_CLASSIFICATION:
        debrief_report_set_classification (self, g_value_get_string (value));
        break;
      case PROP_STARTED_AT:
        debrief_report_set_started_at (self, g_value_get_int64 (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_report_class_init (DebriefReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags   ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = debrief_report_finalize;
  object_class->get_property = debrief_report_get_property;
  object_class->set_property = debrief_report_set_property;

  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                   G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, DEBRIEF_TYPE_STATUS,
                                               DEBRIEF_STATUS_DRAFT, rw);
  properties[PROP_SEVERITY] = g_param_spec_enum ("severity", NULL, NULL, DEBRIEF_TYPE_SEVERITY,
                                                 DEBRIEF_SEVERITY_SEV3, rw);
  properties[PROP_LEAD] = g_param_spec_string ("lead", NULL, NULL, "", rw);
  properties[PROP_TIMEZONE] = g_param_spec_string ("timezone", NULL, NULL, "UTC", rw);
  properties[PROP_CLASSIFICATION] = g_param_spec_string ("classification", NULL, NULL, "Internal",
                                                         rw);
  properties[PROP_STARTED_AT] = g_param_spec_int64 ("started-at", NULL, NULL, G_MININT64,
                                                    G_MAXINT64, DEBRIEF_TIME_UNSET, rw);
  properties[PROP_CREATED_AT] = g_param_spec_int64 ("created-at", NULL, NULL, G_MININT64,
                                                    G_MAXINT64, 0, ro);
  properties[PROP_UPDATED_AT] = g_param_spec_int64 ("updated-at", NULL, NULL, G_MININT64,
                                                    G_MAXINT64, 0, ro);
  properties[PROP_N_EMPTY_SECTIONS] = g_param_spec_uint ("n-empty-sections", NULL, NULL, 0,
                                                         G_MAXUINT, 0, ro);
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
debrief_report_init (DebriefReport *self)
{
  self->title = g_strdup ("");
  self->lead = g_strdup ("");
  self->timezone = g_strdup ("UTC");
  self->classification = g_strdup ("Internal");
  self->severity = DEBRIEF_SEVERITY_SEV3;
  self->started_at = DEBRIEF_TIME_UNSET;
  self->sections = g_list_store_new (DEBRIEF_TYPE_SECTION);
  self->actions = g_list_store_new (DEBRIEF_TYPE_ACTION_ITEM);
  self->timeline = g_list_store_new (DEBRIEF_TYPE_TIMELINE_ENTRY);
}

static void
add_template_sections (DebriefReport *self, GHashTable *bodies)
{
  const DebriefTemplateSection *template;
  guint n_template;

  g_assert (DEBRIEF_IS_REPORT (self));

  template = debrief_template_get_sections (&n_template);
  self->n_empty_sections = 0;

  for (guint i = 0; i < n_template; i++)
    {
      const char *body = bodies ? g_hash_table_lookup (bodies, template[i].key) : NULL;
      g_autoptr (DebriefSection) section = _debrief_section_new (template[i].key, body);

      _debrief_section_attach (section, self);
      g_list_store_append (self->sections, section);
      if (debrief_section_is_empty (section))
        self->n_empty_sections++;

      /* A section the template gained since the report was stored */
      if (bodies != NULL && body == NULL)
        _debrief_section_queue_insert (section);
    }
}

DebriefReport *
_debrief_report_new_from_stmt (sqlite3_stmt *stmt)
{
  DebriefReport *self;
  int            v;

  self = g_object_new (DEBRIEF_TYPE_REPORT, "uuid", debrief_store_column_text (stmt, 0), NULL);
  g_free (self->title);
  self->title = g_strdup (debrief_store_column_text (stmt, 1));
  if (debrief_enum_from_nick (DEBRIEF_TYPE_STATUS, debrief_store_column_text (stmt, 2), &v, NULL))
    self->status = v;
  if (debrief_enum_from_nick (DEBRIEF_TYPE_SEVERITY, debrief_store_column_text (stmt, 3), &v,
                              NULL))
    self->severity = v;
  g_free (self->lead);
  self->lead = g_strdup (debrief_store_column_text (stmt, 4));
  g_free (self->timezone);
  self->timezone = g_strdup (debrief_store_column_text (stmt, 5));
  self->started_at = debrief_store_column_time (stmt, 6);
  self->created_at = sqlite3_column_int64 (stmt, 7);
  self->updated_at = sqlite3_column_int64 (stmt, 8);
  if (*debrief_store_column_text (stmt, 9) != '\0')
    {
      g_free (self->classification);
      self->classification = g_strdup (debrief_store_column_text (stmt, 9));
    }

  return self;
}

void
_debrief_report_attach (DebriefReport *self, DebriefLibrary *library)
{
  g_assert (DEBRIEF_IS_REPORT (self));

  g_set_weak_pointer (&self->library, library);
  self->attached = TRUE;
}

void
_debrief_report_detach (DebriefReport *self)
{
  g_assert (DEBRIEF_IS_REPORT (self));

  self->attached = FALSE;
}

gboolean
_debrief_report_is_attached (DebriefReport *self)
{
  g_assert (DEBRIEF_IS_REPORT (self));

  return self->attached && self->library != NULL;
}

void
_debrief_report_mark_loaded (DebriefReport *self)
{
  g_assert (DEBRIEF_IS_REPORT (self));

  if (self->loaded)
    return;

  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

/* Writes the whole report, with its sections and lists, as new rows. */
void
_debrief_report_queue_insert (DebriefReport *self)
{
  DebriefStore *store = get_store (self);
  guint         n;

  g_assert (DEBRIEF_IS_REPORT (self));
  g_assert (self->loaded);

  if (store == NULL)
    return;

  /* Storing what exists is not a change to the report */
  self->inserting = TRUE;

  debrief_store_queue (
      store, NULL,
      "INSERT INTO reports (uuid, title, status, severity, lead, timezone, started_at, "
      "created_at, updated_at, classification) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      g_variant_new ("(ssssss@mxxxs)", self->uuid, self->title,
                     debrief_enum_to_nick (DEBRIEF_TYPE_STATUS, self->status),
                     debrief_enum_to_nick (DEBRIEF_TYPE_SEVERITY, self->severity), self->lead,
                     self->timezone, debrief_store_time_variant (self->started_at),
                     self->created_at, self->updated_at, self->classification));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sections));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefSection)
          section = g_list_model_get_item (G_LIST_MODEL (self->sections), i);

      _debrief_section_queue_insert (section);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->actions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefActionItem) item = g_list_model_get_item (G_LIST_MODEL (self->actions), i);

      _debrief_action_item_queue_insert (item, i);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->timeline));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefTimelineEntry)
          entry = g_list_model_get_item (G_LIST_MODEL (self->timeline), i);

      _debrief_timeline_entry_queue_insert (entry, i);
    }

  self->inserting = FALSE;
}

/* Gives a report made with g_object_new() (by an import) its times and
 * the template's empty sections. */
void
_debrief_report_init_contents (DebriefReport *self, gint64 created_at, gint64 updated_at)
{
  g_assert (DEBRIEF_IS_REPORT (self));
  g_assert (!self->loaded);

  self->created_at = created_at;
  self->updated_at = updated_at;
  add_template_sections (self, NULL);
  self->loaded = TRUE;
}

/* Queues a write for this report or one of its parts, if the report is in
 * a library, and records the time of the change. */
void
_debrief_report_queue (DebriefReport *self, const char *key, const char *sql, GVariant *params)
{
  DebriefStore *store = get_store (self);

  g_assert (DEBRIEF_IS_REPORT (self));

  if (store == NULL)
    {
      if (params != NULL)
        g_variant_unref (g_variant_ref_sink (params));
      return;
    }

  debrief_store_queue (store, key, sql, params);
  touch (self);
}

void
_debrief_report_section_changed (DebriefReport *self, DebriefSection *section, gboolean was_empty)
{
  g_assert (DEBRIEF_IS_REPORT (self));

  if (was_empty && self->n_empty_sections > 0)
    self->n_empty_sections--;
  else if (!was_empty)
    self->n_empty_sections++;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EMPTY_SECTIONS]);
}

/* What a report holds besides its row in the reports table, read from
 * the library (on any thread) and then given to the report */
typedef struct
{
  GHashTable *bodies;
  GPtrArray  *actions;
  GPtrArray  *entries;
} Contents;

static void
contents_free (Contents *contents)
{
  g_clear_pointer (&contents->bodies, g_hash_table_unref);
  g_clear_pointer (&contents->actions, g_ptr_array_unref);
  g_clear_pointer (&contents->entries, g_ptr_array_unref);
  g_free (contents);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Contents, contents_free)

static Contents *
read_contents (const char *uuid, sqlite3 *db, GError **error)
{
  g_autoptr (Contents) contents = g_new0 (Contents, 1);
  sqlite3_stmt *stmt = NULL;
  int           rc;

  contents->bodies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!debrief_store_prepare (db, "SELECT key, body FROM sections WHERE report_uuid = ?", &stmt,
                              error))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (contents->bodies, g_strdup (debrief_store_column_text (stmt, 0)),
                         g_strdup (debrief_store_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  contents->actions = g_ptr_array_new_with_free_func (g_object_unref);
  if (!debrief_store_prepare (db,
                              "SELECT " DEBRIEF_ACTION_ITEM_COLUMNS " FROM action_items "
                              "WHERE report_uuid = ? ORDER BY position",
                              &stmt, error))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (contents->actions, _debrief_action_item_new_from_stmt (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  contents->entries = g_ptr_array_new_with_free_func (g_object_unref);
  if (!debrief_store_prepare (db,
                              "SELECT " DEBRIEF_TIMELINE_ENTRY_COLUMNS " FROM timeline_entries "
                              "WHERE report_uuid = ? ORDER BY position",
                              &stmt, error))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (contents->entries, _debrief_timeline_entry_new_from_stmt (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  return g_steal_pointer (&contents);

failed:
  debrief_store_set_sqlite_error (error, db, rc, sqlite3_db_filename (db, "main"));
  return NULL;
}

static void
attach_contents (DebriefReport *self, Contents *contents)
{
  g_assert (!self->loaded);

  add_template_sections (self, contents->bodies);

  for (guint i = 0; i < contents->actions->len; i++)
    _debrief_action_item_attach (g_ptr_array_index (contents->actions, i), self);
  g_list_store_splice (self->actions, 0, 0, contents->actions->pdata, contents->actions->len);

  for (guint i = 0; i < contents->entries->len; i++)
    _debrief_timeline_entry_attach (g_ptr_array_index (contents->entries, i), self);
  g_list_store_splice (self->timeline, 0, 0, contents->entries->pdata, contents->entries->len);

  g_object_freeze_notify (G_OBJECT (self));
  _debrief_report_mark_loaded (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EMPTY_SECTIONS]);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
_debrief_report_load (DebriefReport *self, sqlite3 *db, GError **error)
{
  g_autoptr (Contents) contents = NULL;

  g_assert (DEBRIEF_IS_REPORT (self));

  if (self->loaded)
    return TRUE;

  if (!(contents = read_contents (self->uuid, db, error)))
    return FALSE;

  attach_contents (self, contents);
  return TRUE;
}

/**
 * debrief_report_new:
 * @title: the report's title
 *
 * Creates a report with the built-in template's empty sections. It is
 * stored once it is added to a library with debrief_library_add_report().
 *
 * Returns: (transfer full): a new report
 */
DebriefReport *
debrief_report_new (const char *title)
{
  DebriefReport *self;
  gint64         now = debrief_time_now ();

  g_return_val_if_fail (title == NULL || g_utf8_validate (title, -1, NULL), NULL);

  self = g_object_new (DEBRIEF_TYPE_REPORT, "title", title ? title : "", NULL);
  _debrief_report_init_contents (self, now, now);

  return self;
}

const char *
debrief_report_get_uuid (DebriefReport *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), NULL);

  return self->uuid;
}

const char *
debrief_report_get_title (DebriefReport *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), NULL);

  return self->title;
}

void
debrief_report_set_title (DebriefReport *self, const char *title)
{
  g_return_if_fail (DEBRIEF_IS_REPORT (self));
  g_return_if_fail (title == NULL || g_utf8_validate (title, -1, NULL));

  if (title == NULL)
    title = "";

  if (g_strcmp0 (title, self->title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  update_column (self, "title", g_variant_new_string (self->title));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

DebriefStatus
debrief_report_get_status (DebriefReport *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), 0);

  return self->status;
}

void
debrief_report_set_status (DebriefReport *self, DebriefStatus status)
{
  g_return_if_fail (DEBRIEF_IS_REPORT (self));
  g_return_if_fail (debrief_enum_to_nick (DEBRIEF_TYPE_STATUS, status) != NULL);

  if (self->status == status)
    return;

  self->status = status;
  update_column (self, "status",
                 g_variant_new_string (debrief_enum_to_nick (DEBRIEF_TYPE_STATUS, status)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

DebriefSeverity
debrief_report_get_severity (DebriefReport *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), 0);

  return self->severity;
}

void
debrief_report_set_severity (DebriefReport *self, DebriefSeverity severity)
{
  g_return_if_fail (DEBRIEF_IS_REPORT (self));
  g_return_if_fail (debrief_enum_to_nick (DEBRIEF_TYPE_SEVERITY, severity) != NULL);

  if (self->severity == severity)
    return;

  self->severity = severity;
  update_column (self, "severity",
                 g_variant_new_string (debrief_enum_to_nick (DEBRIEF_TYPE_SEVERITY, severity)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEVERITY]);
}

const char *
debrief_report_get_lead (DebriefReport *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), NULL);

  return self->lead;
}

void
debrief_report_set_lead (DebriefReport *self, const char *lead)
{
  g_return_if_fail (DEBRIEF_IS_REPORT (self));
  g_return_if_fail (lead == NULL || g_utf8_validate (lead, -1, NULL));

  if (lead == NULL)
    lead = "";

  if (g_strcmp0 (lead, self->lead) == 0)
    return;

  g_free (self->lead);
  self->lead = g_strdup (lead);
  update_column (self, "lead", g_variant_new_string (self->lead));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD]);
}

const char *
debrief_report_get_timezone (DebriefReport *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), NULL);

  return self->timezone;
}

/**
 * debrief_report_set_timezone:
 * @timezone: an IANA time zone name
 *
 * Sets the zone the incident's times are shown in. Unknown names are
 * refused.
 */
gboolean
debrief_report_set_timezone (DebriefReport *self, const char *timezone, GError **error)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), FALSE);

  if (!debrief_time_zone_validate (timezone, error))
    return FALSE;

  if (g_strcmp0 (timezone, self->timezone) == 0)
    return TRUE;

  g_free (self->timezone);
  self->timezone = g_strdup (timezone);
  update_column (self, "timezone", g_variant_new_string (self->timezone));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEZONE]);

  return TRUE;
}

const char *
debrief_report_get_classification (DebriefReport *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), NULL);

  return self->classification;
}

/**
 * debrief_report_set_classification:
 * @classification: how the report may be shared, e.g. "Confidential"; %NULL
 *   or "" restore the default, "Internal"
 *
 * Sets the marking printed in the header of every exported page.
 */
void
debrief_report_set_classification (DebriefReport *self, const char *classification)
{
  g_return_if_fail (DEBRIEF_IS_REPORT (self));
  g_return_if_fail (classification == NULL || g_utf8_validate (classification, -1, NULL));

  if (classification == NULL || *classification == '\0')
    classification = "Internal";

  if (g_strcmp0 (classification, self->classification) == 0)
    return;

  g_free (self->classification);
  self->classification = g_strdup (classification);
  update_column (self, "classification", g_variant_new_string (self->classification));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLASSIFICATION]);
}

/**
 * debrief_report_list_classifications:
 *
 * Returns: (transfer none): the suggested classifications, untranslated
 *   (translate them with g_dgettext() for display)
 */
const char *const *
debrief_report_list_classifications (void)
{
  return classifications;
}

/**
 * debrief_classification_get_label:
 * @classification: a classification as stored in a report
 *
 * Returns: (transfer none): the translated name of one of the suggested
 *   classifications, or @classification itself
 */
const char *
debrief_classification_get_label (const char *classification)
{
  g_return_val_if_fail (classification != NULL, NULL);

  for (guint i = 0; classifications[i] != NULL; i++)
    {
      if (g_str_equal (classifications[i], classification))
        return g_dgettext (GETTEXT_PACKAGE, classifications[i]);
    }

  return classification;
}

gint64
debrief_report_get_started_at (DebriefReport *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), DEBRIEF_TIME_UNSET);

  return self->started_at;
}

void
debrief_report_set_started_at (DebriefReport *self, gint64 started_at)
{
  g_return_if_fail (DEBRIEF_IS_REPORT (self));

  if (self->started_at == started_at)
    return;

  self->started_at = started_at;
  update_column (self, "started_at", debrief_store_time_variant (started_at));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED_AT]);
}

gint64
debrief_report_get_created_at (DebriefReport *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), 0);

  return self->created_at;
}

gint64
debrief_report_get_updated_at (DebriefReport *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), 0);

  return self->updated_at;
}

/**
 * debrief_report_list_fields:
 *
 * Returns: (transfer none): the names debrief_report_set_field() takes
 */
const char *const *
debrief_report_list_fields (void)
{
  return fields;
}

/**
 * debrief_report_set_field:
 * @field: one of debrief_report_list_fields()
 * @value: the value as text; "started" takes a date and time read in the
 *   report's time zone unless it carries an offset, or "" to clear it
 *
 * Sets a field from text given by a user or a script, checking it first.
 */
gboolean
debrief_report_set_field (DebriefReport *self, const char *field, const char *value, GError **error)
{
  int v;

  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (g_str_equal (field, "title"))
    {
      if (!debrief_text_validate (value, -1, DEBRIEF_MAX_LINE_BYTES, FALSE, _ ("The title"),
                                  error))
        return FALSE;
      g_autofree char *stripped = g_strstrip (g_strdup (value));

      if (*stripped == '\0')
        {
          g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE,
                       _ ("The title is empty. Give the report a title that names the incident."));
          return FALSE;
        }
      debrief_report_set_title (self, value);
    }
  else if (g_str_equal (field, "status"))
    {
      if (!debrief_enum_from_nick (DEBRIEF_TYPE_STATUS, value, &v, error))
        return FALSE;
      debrief_report_set_status (self, v);
    }
  else if (g_str_equal (field, "severity"))
    {
      if (!debrief_enum_from_nick (DEBRIEF_TYPE_SEVERITY, value, &v, error))
        return FALSE;
      debrief_report_set_severity (self, v);
    }
  else if (g_str_equal (field, "lead"))
    {
      if (!debrief_text_validate (value, -1, DEBRIEF_MAX_LINE_BYTES, FALSE,
                                  _ ("The incident lead"), error))
        return FALSE;
      debrief_report_set_lead (self, value);
    }
  else if (g_str_equal (field, "timezone"))
    {
      return debrief_report_set_timezone (self, value, error);
    }
  else if (g_str_equal (field, "classification"))
    {
      if (!debrief_text_validate (value, -1, DEBRIEF_MAX_LINE_BYTES, FALSE,
                                  _ ("The classification"), error))
        return FALSE;
      g_autofree char *stripped = g_strstrip (g_strdup (value));

      if (*stripped == '\0')
        {
          g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE,
                       _ ("The classification is empty. Use one of Internal, Confidential, "
                          "Restricted or Public, or your organisation’s own marking."));
          return FALSE;
        }
      debrief_report_set_classification (self, stripped);
    }
  else if (g_str_equal (field, "started"))
    {
      gint64 utc;

      if (value == NULL || *value == '\0')
        utc = DEBRIEF_TIME_UNSET;
      else if (!debrief_time_parse (value, self->timezone, &utc, NULL, error))
        return FALSE;
      debrief_report_set_started_at (self, utc);
    }
  else
    {
      g_autofree char *accepted = g_strjoinv (", ", (char **) fields);

      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE,
                   _ ("A report has no field “%s”. Use one of: %s."),
                   g_utf8_validate (field, -1, NULL) ? field : "?", accepted);
      return FALSE;
    }

  return TRUE;
}

gboolean
debrief_report_is_loaded (DebriefReport *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), FALSE);

  return self->loaded;
}

/**
 * debrief_report_ensure_loaded:
 *
 * Reads the report's sections, action items and timeline from its library
 * if that has not happened yet. The report list holds only each report's
 * metadata until then.
 */
gboolean
debrief_report_ensure_loaded (DebriefReport *self, GError **error)
{
  DebriefStore *store;

  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), FALSE);

  if (self->loaded)
    return TRUE;

  if (self->library == NULL || (store = _debrief_library_get_store (self->library)) == NULL)
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_NOT_FOUND,
                   _ ("The report “%s” is no longer in a library."), self->title);
      return FALSE;
    }

  return _debrief_report_load (self, debrief_store_get_db (store), error);
}

static void
load_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  const char *path = task_data;
  const char *uuid = g_object_get_data (G_OBJECT (task), "uuid");
  GError     *error = NULL;
  sqlite3    *db;
  Contents   *contents;

  /* A report chosen and left again before its turn is not read at all */
  if (g_task_return_error_if_cancelled (task))
    return;

  if (!(db = debrief_store_open_reader_at (path, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  contents = read_contents (uuid, db, &error);
  sqlite3_close (db);

  if (contents == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, contents, (GDestroyNotify) contents_free);
}

/**
 * debrief_report_load_async:
 *
 * Reads the report's sections, action items and timeline on a worker
 * thread, for a window that must not wait on the disk. The report is
 * filled in on the calling thread's main context, before @callback.
 */
void
debrief_report_load_async (DebriefReport      *self,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  DebriefStore *store;

  g_return_if_fail (DEBRIEF_IS_REPORT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_report_load_async);

  if (self->loaded)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  if (self->library == NULL || (store = _debrief_library_get_store (self->library)) == NULL)
    {
      g_task_return_new_error (task, DEBRIEF_ERROR, DEBRIEF_ERROR_NOT_FOUND,
                               _ ("The report “%s” is no longer in a library."), self->title);
      return;
    }

  /* The thread opens its own connection by path: holding the library
   * could leave its last reference, and closing it, to the thread */
  g_task_set_task_data (task, g_strdup (debrief_store_get_path (store)), g_free);
  g_object_set_data_full (G_OBJECT (task), "uuid", g_strdup (self->uuid), g_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * debrief_report_load_finish:
 *
 * Returns: whether the report is loaded; if not, @error says why
 */
gboolean
debrief_report_load_finish (DebriefReport *self, GAsyncResult *result, GError **error)
{
  g_autoptr (Contents) contents = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  contents = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (!_debrief_report_is_attached (self))
    {
      g_clear_error (&local_error);
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_NOT_FOUND,
                   _ ("The report “%s” is no longer in a library."), self->title);
      return FALSE;
    }

  /* Loaded meanwhile, or before it was asked */
  if (self->loaded)
    {
      g_clear_error (&local_error);
      return TRUE;
    }

  /* The worker opens the library by its path: when it could not (the file
   * was moved while open, say), read through the library's own connection */
  if (local_error != NULL)
    {
      g_debug ("Reading “%s” on a worker thread failed, reading it here: %s", self->title,
               local_error->message);
      g_clear_error (&local_error);
      return debrief_report_ensure_loaded (self, error);
    }

  attach_contents (self, contents);
  return TRUE;
}

/**
 * debrief_report_get_sections:
 *
 * Returns: (transfer none): the free-text sections, in template order
 */
GListModel *
debrief_report_get_sections (DebriefReport *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), NULL);

  return G_LIST_MODEL (self->sections);
}

/**
 * debrief_report_get_section:
 *
 * Returns: (transfer none) (nullable): the section @key, or %NULL
 */
DebriefSection *
debrief_report_get_section (DebriefReport *self, const char *key)
{
  int index;
  g_autoptr (DebriefSection) section = NULL;

  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  index = debrief_template_get_section_index (key);
  if (index < 0)
    return NULL;

  section = g_list_model_get_item (G_LIST_MODEL (self->sections), (guint) index);

  /* The report keeps the section alive */
  return section;
}

guint
debrief_report_get_n_empty_sections (DebriefReport *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), 0);

  return self->n_empty_sections;
}

/**
 * debrief_report_get_actions:
 *
 * Returns: (transfer none): a #GListModel of #DebriefActionItem
 */
GListModel *
debrief_report_get_actions (DebriefReport *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), NULL);

  return G_LIST_MODEL (self->actions);
}

void
debrief_report_insert_action (DebriefReport *self, guint position, DebriefActionItem *item)
{
  g_return_if_fail (DEBRIEF_IS_REPORT (self));
  g_return_if_fail (DEBRIEF_IS_ACTION_ITEM (item));
  g_return_if_fail (self->loaded);

  list_insert (self, self->actions, &action_list, position, item);
}

void
debrief_report_append_action (DebriefReport *self, DebriefActionItem *item)
{
  debrief_report_insert_action (self, G_MAXUINT, item);
}

/**
 * debrief_report_remove_action:
 * @position: (out) (optional): where @item was, to insert it again on undo
 *
 * Returns: %TRUE if @item was one of the report's action items
 */
gboolean
debrief_report_remove_action (DebriefReport *self, DebriefActionItem *item, guint *position)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), FALSE);
  g_return_val_if_fail (DEBRIEF_IS_ACTION_ITEM (item), FALSE);

  return list_remove (self, self->actions, &action_list, item, position);
}

gboolean
debrief_report_move_action (DebriefReport *self, guint from, guint to)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), FALSE);

  return list_move (self, self->actions, &action_list, from, to);
}

/**
 * debrief_report_get_timeline:
 *
 * Returns: (transfer none): a #GListModel of #DebriefTimelineEntry, in the
 *   user's order
 */
GListModel *
debrief_report_get_timeline (DebriefReport *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), NULL);

  return G_LIST_MODEL (self->timeline);
}

void
debrief_report_insert_timeline_entry (DebriefReport        *self,
                                      guint                 position,
                                      DebriefTimelineEntry *entry)
{
  g_return_if_fail (DEBRIEF_IS_REPORT (self));
  g_return_if_fail (DEBRIEF_IS_TIMELINE_ENTRY (entry));
  g_return_if_fail (self->loaded);

  list_insert (self, self->timeline, &timeline_list, position, entry);
}

gboolean
debrief_report_remove_timeline_entry (DebriefReport        *self,
                                      DebriefTimelineEntry *entry,
                                      guint                *position)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), FALSE);
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_ENTRY (entry), FALSE);

  return list_remove (self, self->timeline, &timeline_list, entry, position);
}

gboolean
debrief_report_move_timeline_entry (DebriefReport *self, guint from, guint to)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), FALSE);

  return list_move (self, self->timeline, &timeline_list, from, to);
}

/* Rows of timeline entries for the writer thread: copies, so that the
 * entries can change on the main thread meanwhile. The columns are those
 * of _debrief_timeline_entry_queue_insert(). */
typedef struct
{
  char       *uuid;
  char       *text;
  gint64      position;
  gint64      occurred_at;
  const char *precision;
  const char *kind;
  const char *key_event;
  const char *source;
} EntryRow;

typedef struct
{
  char   *report_uuid;
  GArray *rows;
} EntryRows;

static void
entry_row_clear (gpointer data)
{
  EntryRow *row = data;

  g_free (row->uuid);
  g_free (row->text);
}

static void
entry_rows_free (gpointer data)
{
  EntryRows *rows = data;

  g_free (rows->report_uuid);
  g_array_unref (rows->rows);
  g_free (rows);
}

static EntryRows *
entry_rows_new (DebriefReport *self, guint reserve)
{
  EntryRows *rows = g_new0 (EntryRows, 1);

  rows->report_uuid = g_strdup (self->uuid);
  rows->rows = g_array_sized_new (FALSE, TRUE, sizeof (EntryRow), reserve);
  g_array_set_clear_func (rows->rows, entry_row_clear);

  return rows;
}

static gboolean
step_rows (sqlite3 *db, const char *sql, EntryRows *rows, gboolean insert, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int           rc = SQLITE_DONE;

  if (!debrief_store_prepare (db, sql, &stmt, error))
    return FALSE;

  for (guint i = 0; i < rows->rows->len && rc == SQLITE_DONE; i++)
    {
      const EntryRow *row = &g_array_index (rows->rows, EntryRow, i);

      sqlite3_bind_text (stmt, 1, row->uuid, -1, SQLITE_STATIC);
      if (insert)
        {
          sqlite3_bind_text (stmt, 2, rows->report_uuid, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 3, row->position);
          if (row->occurred_at == DEBRIEF_TIME_UNSET)
            sqlite3_bind_null (stmt, 4);
          else
            sqlite3_bind_int64 (stmt, 4, row->occurred_at);
          sqlite3_bind_text (stmt, 5, row->precision, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 6, row->kind, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 7, row->key_event, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 8, row->text, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 9, row->source, -1, SQLITE_STATIC);
        }
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }

  if (rc != SQLITE_DONE)
    debrief_store_set_sqlite_error (error, db, rc, sqlite3_db_filename (db, "main"));
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE;
}

static gboolean
write_entry_rows_cb (sqlite3 *db, gpointer data, GError **error)
{
  return step_rows (db,
                    "INSERT INTO timeline_entries (uuid, report_uuid, position, occurred_at, "
                    "precision, kind, key_event, text, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    data, TRUE, error);
}

static gboolean
delete_entry_rows_cb (sqlite3 *db, gpointer data, GError **error)
{
  return step_rows (db, "DELETE FROM timeline_entries WHERE uuid = ?", data, FALSE, error);
}

/**
 * debrief_report_insert_timeline_entries:
 * @entries: (element-type DebriefTimelineEntry): entries that are in no report
 *
 * Inserts @entries at @position in one step: the timeline emits one
 * items-changed and all the writes are queued together, so they are
 * committed in one transaction.
 */
void
debrief_report_insert_timeline_entries (DebriefReport *self, guint position, GPtrArray *entries)
{
  guint n;

  g_return_if_fail (DEBRIEF_IS_REPORT (self));
  g_return_if_fail (entries != NULL);
  g_return_if_fail (self->loaded);

  if (entries->len == 0)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->timeline));
  position = MIN (position, n);

  for (guint i = 0; i < entries->len; i++)
    _debrief_timeline_entry_attach (g_ptr_array_index (entries, i), self);
  g_list_store_splice (self->timeline, position, 0, entries->pdata, entries->len);

  if (get_store (self) != NULL)
    {
      EntryRows *rows = entry_rows_new (self, entries->len);

      g_array_set_size (rows->rows, entries->len);
      for (guint i = 0; i < entries->len; i++)
        {
          DebriefTimelineEntry *entry = g_ptr_array_index (entries, i);
          EntryRow             *row = &g_array_index (rows->rows, EntryRow, i);

          row->uuid = g_strdup (debrief_timeline_entry_get_uuid (entry));
          row->text = g_strdup (debrief_timeline_entry_get_text (entry));
          row->position = position + i;
          row->occurred_at = debrief_timeline_entry_get_occurred_at (entry);
          row->precision = debrief_enum_to_nick (DEBRIEF_TYPE_TIME_PRECISION,
                                                 debrief_timeline_entry_get_precision (entry));
          row->kind = debrief_enum_to_nick (DEBRIEF_TYPE_ENTRY_KIND,
                                            debrief_timeline_entry_get_kind (entry));
          row->key_event = debrief_enum_to_nick (DEBRIEF_TYPE_KEY_EVENT,
                                                 debrief_timeline_entry_get_key_event (entry));
          row->source = debrief_enum_to_nick (DEBRIEF_TYPE_ENTRY_SOURCE,
                                              debrief_timeline_entry_get_source (entry));
        }

      debrief_store_queue_func (get_store (self), write_entry_rows_cb, rows, entry_rows_free);
      touch (self);
      renumber (self, G_LIST_MODEL (self->timeline), &timeline_list, position + entries->len,
                n + entries->len);
    }
}

/**
 * debrief_report_remove_timeline_entries:
 * @entries: (element-type DebriefTimelineEntry): entries of this report
 *
 * Removes @entries in one step (for undoing an import, where removing
 * entries one by one would renumber the rest of the timeline each time).
 * Entries that are not in the timeline are skipped.
 *
 * Returns: how many entries were removed
 */
guint
debrief_report_remove_timeline_entries (DebriefReport *self, GPtrArray *entries)
{
  g_autoptr (GHashTable) wanted = NULL;
  g_autoptr (GPtrArray) removed = NULL;
  GListModel *list;
  guint       n, first = G_MAXUINT;

  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), 0);
  g_return_val_if_fail (entries != NULL, 0);

  list = G_LIST_MODEL (self->timeline);
  n = g_list_model_get_n_items (list);
  wanted = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < entries->len; i++)
    g_hash_table_add (wanted, g_ptr_array_index (entries, i));

  /* Remove runs of neighbours from the end, so the indexes that are left
   * stay valid and a list view sees one change per run. */
  removed = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = n; i > 0;)
    {
      guint end = i;

      while (i > 0)
        {
          DebriefTimelineEntry *entry = g_list_model_get_item (list, i - 1);
          gboolean              hit = g_hash_table_contains (wanted, entry);

          if (!hit)
            {
              g_object_unref (entry);
              break;
            }
          g_ptr_array_add (removed, entry);
          i--;
        }

      if (i < end)
        {
          g_list_store_splice (self->timeline, i, end - i, NULL, 0);
          first = i;
        }
      else
        i--;
    }

  for (guint i = 0; i < removed->len; i++)
    _debrief_timeline_entry_attach (g_ptr_array_index (removed, i), NULL);

  if (removed->len > 0 && get_store (self) != NULL)
    {
      EntryRows *rows = entry_rows_new (self, removed->len);

      g_array_set_size (rows->rows, removed->len);
      for (guint i = 0; i < removed->len; i++)
        g_array_index (rows->rows, EntryRow, i).uuid = g_strdup (
            debrief_timeline_entry_get_uuid (g_ptr_array_index (removed, i)));

      debrief_store_queue_func (get_store (self), delete_entry_rows_cb, rows, entry_rows_free);
      touch (self);
      renumber (self, list, &timeline_list, first, G_MAXUINT);
    }

  return removed->len;
}

/**
 * debrief_report_find_key_event:
 *
 * Returns: (transfer none) (nullable): the first entry in the timeline
 *   tagged @key_event
 */
DebriefTimelineEntry *
debrief_report_find_key_event (DebriefReport *self, DebriefKeyEvent key_event)
{
  GListModel *list;
  guint       n;

  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), NULL);

  if (key_event == DEBRIEF_KEY_EVENT_NONE)
    return NULL;

  list = G_LIST_MODEL (self->timeline);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefTimelineEntry) entry = g_list_model_get_item (list, i);

      if (debrief_timeline_entry_get_key_event (entry) == key_event)
        return entry;
    }

  return NULL;
}

/**
 * debrief_report_tag_key_event:
 * @entry: an entry of this report's timeline
 * @key_event: the tag, or %DEBRIEF_KEY_EVENT_NONE to clear @entry's tag
 *
 * Tags @entry with @key_event. Each key event marks at most one entry of a
 * report, so the tag is cleared from whichever entry had it.
 *
 * Returns: (transfer none) (nullable): the entry the tag moved from, or
 *   %NULL if no other entry had it
 */
DebriefTimelineEntry *
debrief_report_tag_key_event (DebriefReport        *self,
                              DebriefTimelineEntry *entry,
                              DebriefKeyEvent       key_event)
{
  DebriefTimelineEntry *previous = NULL;
  GListModel           *list;
  guint                 n, pos;

  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), NULL);
  g_return_val_if_fail (DEBRIEF_IS_TIMELINE_ENTRY (entry), NULL);
  g_return_val_if_fail (g_list_store_find (self->timeline, entry, &pos), NULL);

  list = G_LIST_MODEL (self->timeline);
  n = g_list_model_get_n_items (list);

  if (key_event != DEBRIEF_KEY_EVENT_NONE)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (DebriefTimelineEntry) other = g_list_model_get_item (list, i);

          if (other == entry || debrief_timeline_entry_get_key_event (other) != key_event)
            continue;

          debrief_timeline_entry_set_key_event (other, DEBRIEF_KEY_EVENT_NONE);
          if (previous == NULL)
            previous = other;
        }
    }

  debrief_timeline_entry_set_key_event (entry, key_event);

  return previous;
}

typedef struct
{
  gint64 time;
  guint  start;
  guint  length;
} TimedRun;

static int
compare_runs (gconstpointer a, gconstpointer b)
{
  const TimedRun *ra = a;
  const TimedRun *rb = b;

  return (ra->time > rb->time) - (ra->time < rb->time);
}

static gboolean
has_time (DebriefTimelineEntry *entry)
{
  return debrief_timeline_entry_get_occurred_at (entry) != DEBRIEF_TIME_UNSET &&
         debrief_timeline_entry_get_precision (entry) != DEBRIEF_TIME_PRECISION_UNKNOWN;
}

static GPtrArray *
copy_timeline (DebriefReport *self)
{
  GListModel *list = G_LIST_MODEL (self->timeline);
  guint       n = g_list_model_get_n_items (list);
  GPtrArray  *ret = g_ptr_array_new_full (n, g_object_unref);

  g_assert (DEBRIEF_IS_REPORT (self));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ret, g_list_model_get_item (list, i));

  return ret;
}

/* Puts the timeline in @order (a permutation of it) and stores the
 * positions that changed. */
static void
apply_order (DebriefReport *self, GPtrArray *current, GPtrArray *order)
{
  guint first = G_MAXUINT, last = 0;

  g_assert (DEBRIEF_IS_REPORT (self));
  g_assert (current->len == order->len);

  for (guint i = 0; i < order->len; i++)
    {
      if (g_ptr_array_index (current, i) != g_ptr_array_index (order, i))
        {
          first = MIN (first, i);
          last = i;
        }
    }

  if (first == G_MAXUINT)
    return;

  g_list_store_splice (self->timeline, first, last - first + 1, order->pdata + first,
                       last - first + 1);
  renumber (self, G_LIST_MODEL (self->timeline), &timeline_list, first, last + 1);
}

/**
 * debrief_report_sort_timeline_by_time:
 * @previous_order: (out) (optional) (transfer full) (element-type DebriefTimelineEntry):
 *   the order before sorting, for debrief_report_set_timeline_order(), or
 *   %NULL if the timeline was in order already
 *
 * Puts the timeline in chronological order. The sort is stable: entries
 * with the same time keep their order. An entry without a time stays
 * behind the timed entry it follows, and moves with it; entries without a
 * time at the top of the timeline stay at the top.
 *
 * Returns: %TRUE if the order changed
 */
gboolean
debrief_report_sort_timeline_by_time (DebriefReport *self, GPtrArray **previous_order)
{
  g_autoptr (GPtrArray) current = NULL;
  g_autoptr (GPtrArray) order = NULL;
  g_autoptr (GArray) runs = NULL;
  guint    lead = 0;
  gboolean changed = FALSE;

  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), FALSE);

  if (previous_order != NULL)
    *previous_order = NULL;

  current = copy_timeline (self);
  runs = g_array_new (FALSE, FALSE, sizeof (TimedRun));

  for (guint i = 0; i < current->len; i++)
    {
      DebriefTimelineEntry *entry = g_ptr_array_index (current, i);

      if (has_time (entry))
        {
          TimedRun run = { debrief_timeline_entry_get_occurred_at (entry), i, 1 };

          g_array_append_val (runs, run);
        }
      else if (runs->len > 0)
        g_array_index (runs, TimedRun, runs->len - 1).length++;
      else
        lead++;
    }

  /* g_array_sort() is stable */
  g_array_sort (runs, compare_runs);

  order = g_ptr_array_new_full (current->len, g_object_unref);
  for (guint i = 0; i < lead; i++)
    g_ptr_array_add (order, g_object_ref (g_ptr_array_index (current, i)));
  for (guint r = 0; r < runs->len; r++)
    {
      const TimedRun *run = &g_array_index (runs, TimedRun, r);

      for (guint i = run->start; i < run->start + run->length; i++)
        g_ptr_array_add (order, g_object_ref (g_ptr_array_index (current, i)));
    }

  for (guint i = 0; i < current->len && !changed; i++)
    changed = g_ptr_array_index (current, i) != g_ptr_array_index (order, i);

  if (!changed)
    return FALSE;

  apply_order (self, current, order);

  if (previous_order != NULL)
    *previous_order = g_steal_pointer (&current);

  return TRUE;
}

/**
 * debrief_report_set_timeline_order:
 * @order: (element-type DebriefTimelineEntry): every entry of the timeline,
 *   once, in the wanted order
 *
 * Puts the timeline in @order, for example to undo
 * debrief_report_sort_timeline_by_time(). Fails without changing anything
 * if @order does not hold exactly the entries of the timeline.
 */
gboolean
debrief_report_set_timeline_order (DebriefReport *self, GPtrArray *order, GError **error)
{
  g_autoptr (GPtrArray) current = NULL;
  g_autoptr (GHashTable) members = NULL;

  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), FALSE);
  g_return_val_if_fail (order != NULL, FALSE);

  current = copy_timeline (self);
  members = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < current->len; i++)
    g_hash_table_add (members, g_ptr_array_index (current, i));

  if (order->len == current->len)
    {
      for (guint i = 0; i < order->len; i++)
        {
          /* Removing each member once catches entries given twice */
          if (!g_hash_table_remove (members, g_ptr_array_index (order, i)))
            break;
        }
    }

  if (order->len != current->len || g_hash_table_size (members) != 0)
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE,
                   _ ("The timeline has changed since this order was taken, so it cannot be "
                      "restored. Move the entries by hand instead."));
      return FALSE;
    }

  apply_order (self, current, order);

  return TRUE;
}

/**
 * debrief_report_get_out_of_order_entries:
 *
 * Finds the entries whose time is out of order with their neighbours in
 * the user's order: earlier than the closest timed entry above them, or
 * later than the closest timed entry below them. Entries without a time
 * are never out of order.
 *
 * Returns: (transfer full) (element-type DebriefTimelineEntry DebriefTimelineEntry):
 *   a set of the entries out of order (keys and values are the entries;
 *   use g_hash_table_contains())
 */
GHashTable *
debrief_report_get_out_of_order_entries (DebriefReport *self)
{
  g_autoptr (GPtrArray) current = NULL;
  g_autofree gint64 *previous = NULL;
  GHashTable        *ret;
  gint64             last = DEBRIEF_TIME_UNSET;

  g_return_val_if_fail (DEBRIEF_IS_REPORT (self), NULL);

  ret = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  current = copy_timeline (self);
  previous = g_new (gint64, MAX (current->len, 1));

  for (guint i = 0; i < current->len; i++)
    {
      DebriefTimelineEntry *entry = g_ptr_array_index (current, i);

      previous[i] = last;
      if (has_time (entry))
        last = debrief_timeline_entry_get_occurred_at (entry);
    }

  last = DEBRIEF_TIME_UNSET;
  for (guint i = current->len; i > 0; i--)
    {
      DebriefTimelineEntry *entry = g_ptr_array_index (current, i - 1);
      gint64                t;

      if (!has_time (entry))
        continue;

      t = debrief_timeline_entry_get_occurred_at (entry);
      if ((previous[i - 1] != DEBRIEF_TIME_UNSET && t < previous[i - 1]) ||
          (last != DEBRIEF_TIME_UNSET && t > last))
        g_hash_table_add (ret, g_object_ref (entry));
      last = t;
    }

  return ret;
}
