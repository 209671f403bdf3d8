/* debrief-library.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "debrief-error.h"
#include "debrief-library.h"
#include "debrief-private.h"
#include "debrief-search-hit.h"
#include "debrief-store.h"
#include "debrief-text.h"

/* How many matching documents a search looks at before grouping them by
 * report. */
#define SEARCH_LIMIT 5000

struct _DebriefLibrary
{
  GObject parent_instance;

  /* Owned */
  GFile        *file;
  DebriefStore *store;
  GPtrArray    *reports;
  GHashTable   *by_uuid;
  gboolean      created;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DebriefLibrary,
                               debrief_library,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum
{
  PROP_0,
  PROP_FILE,
  PROP_READ_ONLY,
  PROP_N_ITEMS,
  N_PROPS
};

enum
{
  WRITE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

typedef struct
{
  char  *report_uuid;
  char  *kind;
  char  *ref;
  char  *snippet;
  double rank;
} RawHit;

static void
raw_hit_free (gpointer data)
{
  RawHit *hit = data;

  g_free (hit->report_uuid);
  g_free (hit->kind);
  g_free (hit->ref);
  g_free (hit->snippet);
  g_free (hit);
}

/* Newest first: by creation time, then uuid, so the order is total. */
static int
compare_reports (DebriefReport *a, DebriefReport *b)
{
  gint64 ca = debrief_report_get_created_at (a);
  gint64 cb = debrief_report_get_created_at (b);

  if (ca != cb)
    return ca > cb ? -1 : 1;

  return g_strcmp0 (debrief_report_get_uuid (a), debrief_report_get_uuid (b));
}

static guint
find_insert_position (DebriefLibrary *self, DebriefReport *report)
{
  guint lo = 0, hi = self->reports->len;

  g_assert (DEBRIEF_IS_LIBRARY (self));

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_reports (g_ptr_array_index (self->reports, mid), report) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
store_error_cb (const GError *error, gpointer user_data)
{
  DebriefLibrary *self = user_data;

  g_assert (DEBRIEF_IS_LIBRARY (self));

  g_signal_emit (self, signals[WRITE_FAILED], 0, error);
}

static gboolean
load_reports (DebriefLibrary *self, GError **error)
{
  sqlite3      *db = debrief_store_get_db (self->store);
  sqlite3_stmt *stmt = NULL;
  int           rc;

  g_assert (DEBRIEF_IS_LIBRARY (self));

  if (!debrief_store_prepare (
          db, "SELECT " DEBRIEF_REPORT_COLUMNS " FROM reports ORDER BY created_at DESC, uuid",
          &stmt, error))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DebriefReport *report = _debrief_report_new_from_stmt (stmt);

      _debrief_report_attach (report, self);
      g_ptr_array_add (self->reports, report);
      g_hash_table_insert (self->by_uuid, (char *) debrief_report_get_uuid (report), report);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      debrief_store_set_sqlite_error (error, db, rc, debrief_store_get_path (self->store));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_writable (DebriefLibrary *self, GError **error)
{
  g_assert (DEBRIEF_IS_LIBRARY (self));

  if (debrief_store_get_read_only (self->store))
    {
      debrief_store_set_sqlite_error (error, NULL, SQLITE_READONLY,
                                      debrief_store_get_path (self->store));
      return FALSE;
    }

  return TRUE;
}

static const char *
item_uuid (gpointer item)
{
  if (DEBRIEF_IS_ACTION_ITEM (item))
    return debrief_action_item_get_uuid (item);

  return debrief_timeline_entry_get_uuid (item);
}

static DebriefReport *
find_item_in_loaded (DebriefLibrary *self, GHashTable *uuids)
{
  g_assert (DEBRIEF_IS_LIBRARY (self));

  for (guint r = 0; r < self->reports->len; r++)
    {
      DebriefReport *other = g_ptr_array_index (self->reports, r);
      GListModel    *lists[2];

      if (!debrief_report_is_loaded (other))
        continue;

      lists[0] = debrief_report_get_actions (other);
      lists[1] = debrief_report_get_timeline (other);
      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        {
          for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
            {
              g_autoptr (GObject) item = g_list_model_get_item (lists[l], i);

              if (g_hash_table_contains (uuids, item_uuid (item)))
                return other;
            }
        }
    }

  return NULL;
}

/* The action items and timeline entries of @report must be new to the
 * library too: a clashing insert would fail, and every later save with
 * it. Loaded reports are checked in memory, where their latest edits
 * are; the others in the file. A report deleted but not yet written away
 * is no longer in the list, so its rows do not count. */
static DebriefReport *
find_clashing_report (DebriefLibrary *self, DebriefReport *report)
{
  g_autoptr (GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel    *lists[2] = { debrief_report_get_actions (report),
                              debrief_report_get_timeline (report) };
  DebriefReport *clash = NULL;
  GHashTableIter iter;
  const char    *uuid;
  sqlite3_stmt  *stmt = NULL;

  g_assert (DEBRIEF_IS_LIBRARY (self));

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
        {
          g_autoptr (GObject) item = g_list_model_get_item (lists[l], i);

          /* The report's lists keep the items, and their uuids, alive */
          g_hash_table_add (uuids, (char *) item_uuid (item));
        }
    }

  if (g_hash_table_size (uuids) == 0)
    return NULL;

  if ((clash = find_item_in_loaded (self, uuids)))
    return clash;

  if (!debrief_store_prepare (debrief_store_get_db (self->store),
                              "SELECT report_uuid FROM action_items WHERE uuid = ?1 UNION ALL "
                              "SELECT report_uuid FROM timeline_entries WHERE uuid = ?1",
                              &stmt, NULL))
    return NULL;

  g_hash_table_iter_init (&iter, uuids);
  while (clash == NULL && g_hash_table_iter_next (&iter, (gpointer *) &uuid, NULL))
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      while (clash == NULL && sqlite3_step (stmt) == SQLITE_ROW)
        {
          DebriefReport *other = debrief_library_find_report (self,
                                                              debrief_store_column_text (stmt, 0));

          if (other != NULL && !debrief_report_is_loaded (other))
            clash = other;
        }
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  return clash;
}

/* "login outage" -> { "login"*, "outage"* }: a word matches anything
 * that starts with it. */
static GStrv
build_match_terms (const char *query)
{
  g_auto (GStrv) words = g_strsplit_set (query, " \t\r\n", -1);
  g_autoptr (GStrvBuilder) terms = g_strv_builder_new ();

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr (GString) word = g_string_new (words[i]);
      gboolean has_text = FALSE;

      /* Words made only of punctuation match nothing; skip them. */
      for (const char *p = words[i]; *p && !has_text; p = g_utf8_next_char (p))
        has_text = g_unichar_isalnum (g_utf8_get_char (p));
      if (!has_text)
        continue;

      g_string_replace (word, "\"", "\"\"", 0);
      g_string_prepend_c (word, '"');
      g_string_append (word, "\"*");
      g_strv_builder_add (terms, word->str);
    }

  return g_strv_builder_end (terms);
}

/* A report matches when it holds every word, wherever they are: in its
 * title, one section and an action item alike. The documents that hold
 * any of the words are ranked, so those with more of them come first. */
static GPtrArray *
run_search (sqlite3 *db, const char *const *terms, const char *path, GError **error)
{
  g_autoptr (GPtrArray) hits = g_ptr_array_new_with_free_func (raw_hit_free);
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autofree char *any = g_strjoinv (" OR ", (char **) terms);
  guint            n_terms = g_strv_length ((char **) terms);
  sqlite3_stmt    *stmt = NULL;
  int              rc;

  g_string_append (sql, "SELECT d.report_uuid, d.kind, d.ref, "
                        "  snippet (search_fts, -1, char (1), char (2), '…', 16), "
                        "  bm25 (search_fts, 10.0, 1.0) AS rank "
                        "FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid "
                        "WHERE search_fts MATCH ?1");
  for (guint i = 0; n_terms > 1 && i < n_terms; i++)
    g_string_append_printf (sql,
                            " AND d.report_uuid IN (SELECT report_uuid FROM search_docs WHERE "
                            "id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?%u))",
                            i + 2);
  g_string_append (sql, " ORDER BY rank LIMIT " G_STRINGIFY (SEARCH_LIMIT));

  if (!debrief_store_prepare (db, sql->str, &stmt, error))
    return NULL;

  sqlite3_bind_text (stmt, 1, any, -1, SQLITE_STATIC);
  for (guint i = 0; n_terms > 1 && i < n_terms; i++)
    sqlite3_bind_text (stmt, (int) i + 2, terms[i], -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RawHit *hit = g_new0 (RawHit, 1);

      hit->report_uuid = g_strdup (debrief_store_column_text (stmt, 0));
      hit->kind = g_strdup (debrief_store_column_text (stmt, 1));
      hit->ref = g_strdup (debrief_store_column_text (stmt, 2));
      hit->snippet = g_strdup (debrief_store_column_text (stmt, 3));
      hit->rank = sqlite3_column_double (stmt, 4);
      g_ptr_array_add (hits, hit);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      debrief_store_set_sqlite_error (error, db, rc, path);
      return NULL;
    }

  return g_steal_pointer (&hits);
}

/* One hit per report, the best one, in rank order. */
static GListModel *
group_hits (DebriefLibrary *self, GPtrArray *raw)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListStore *result = g_list_store_new (DEBRIEF_TYPE_SEARCH_HIT);

  g_assert (DEBRIEF_IS_LIBRARY (self));

  for (guint i = 0; i < raw->len; i++)
    {
      RawHit        *hit = g_ptr_array_index (raw, i);
      DebriefReport *report;
      g_autoptr (DebriefSearchHit) item = NULL;

      if (g_hash_table_contains (seen, hit->report_uuid))
        continue;
      if (!(report = debrief_library_find_report (self, hit->report_uuid)))
        continue;

      g_hash_table_add (seen, hit->report_uuid);
      item = debrief_search_hit_new (report, hit->kind, hit->ref, hit->snippet, hit->rank);
      g_list_store_append (result, item);
    }

  return G_LIST_MODEL (result);
}

static GType
list_model_get_item_type (GListModel *model)
{
  return DEBRIEF_TYPE_REPORT;
}

static guint
list_model_get_n_items (GListModel *model)
{
  DebriefLibrary *self = DEBRIEF_LIBRARY (model);

  return self->reports->len;
}

static gpointer
list_model_get_item (GListModel *model, guint position)
{
  DebriefLibrary *self = DEBRIEF_LIBRARY (model);

  if (position >= self->reports->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->reports, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

static void
debrief_library_dispose (GObject *object)
{
  DebriefLibrary *self = (DebriefLibrary *) object;

  g_clear_pointer (&self->store, debrief_store_free);

  G_OBJECT_CLASS (debrief_library_parent_class)->dispose (object);
}

static void
debrief_library_finalize (GObject *object)
{
  DebriefLibrary *self = (DebriefLibrary *) object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->by_uuid, g_hash_table_unref);
  g_clear_pointer (&self->reports, g_ptr_array_unref);

  G_OBJECT_CLASS (debrief_library_parent_class)->finalize (object);
}

static void
debrief_library_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DebriefLibrary *self = DEBRIEF_LIBRARY (object);

  switch (prop_id)
    {
      case PROP_FILE:
        g_value_set_object (value, self->file);
        break;
      case PROP_READ_ONLY:
        g_value_set_boolean (value, debrief_library_get_read_only (self));
        break;
      case PROP_N_ITEMS:
        g_value_set_uint (value, self->reports->len);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_library_class_init (DebriefLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = debrief_library_dispose;
  object_class->finalize = debrief_library_finalize;
  object_class->get_property = debrief_library_get_property;

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DebriefLibrary::write-failed:
   * @error: what went wrong, in the %DEBRIEF_ERROR domain
   *
   * Changes could not be saved. They are kept in memory and written with
   * the next change once writing works again.
   */
  signals[WRITE_FAILED] = g_signal_new ("write-failed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                        G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
debrief_library_init (DebriefLibrary *self)
{
  self->reports = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
}

DebriefStore *
_debrief_library_get_store (DebriefLibrary *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), NULL);

  return self->store;
}

/**
 * debrief_library_get_default_file:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/debrief/library.debrief`
 */
GFile *
debrief_library_get_default_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "debrief", "library.debrief",
                                            NULL);

  return g_file_new_for_path (path);
}

/**
 * debrief_library_open:
 * @file: a library file; it is created if it does not exist
 *
 * Opens a library. A file that is not a Debrief library, is damaged, or
 * was written by a newer Debrief is refused and left as it is.
 *
 * Returns: (transfer full): the library, or %NULL with @error set
 */
DebriefLibrary *
debrief_library_open (GFile *file, GError **error)
{
  g_autoptr (DebriefLibrary) self = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(path = g_file_get_path (file)))
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_IO,
                   _ ("“%s” is not a local file. Copy the library to this computer and open the "
                      "copy."),
                   uri);
      return NULL;
    }

  self = g_object_new (DEBRIEF_TYPE_LIBRARY, NULL);
  self->file = g_object_ref (file);

  if (!(self->store = debrief_store_open (path, &self->created, error)))
    return NULL;

  debrief_store_set_error_func (self->store, store_error_cb, self, NULL);

  if (!load_reports (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
open_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  GError         *error = NULL;
  DebriefLibrary *library = debrief_library_open (task_data, &error);

  if (library == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, library, g_object_unref);
}

/**
 * debrief_library_open_async:
 *
 * Opens a library on a worker thread; see debrief_library_open().
 */
void
debrief_library_open_async (GFile              *file,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_library_open_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, open_thread);
}

DebriefLibrary *
debrief_library_open_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * debrief_library_get_file:
 *
 * Returns: (transfer none): the library file
 */
GFile *
debrief_library_get_file (DebriefLibrary *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), NULL);

  return self->file;
}

gboolean
debrief_library_get_read_only (DebriefLibrary *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), TRUE);

  return self->store == NULL || debrief_store_get_read_only (self->store);
}

/**
 * debrief_library_get_created:
 *
 * Returns: whether opening the library created its file
 */
gboolean
debrief_library_get_created (DebriefLibrary *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), FALSE);

  return self->created;
}

/**
 * debrief_library_create_report:
 * @title: the new report's title
 *
 * Creates a report with the built-in template and adds it to the library.
 *
 * Returns: (transfer none): the new report, or %NULL with @error set
 */
DebriefReport *
debrief_library_create_report (DebriefLibrary *self, const char *title, GError **error)
{
  g_autoptr (DebriefReport) report = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), NULL);

  if (!debrief_text_validate (title, -1, DEBRIEF_MAX_LINE_BYTES, FALSE, _ ("The title"), error))
    return NULL;

  stripped = g_strstrip (g_strdup (title));
  if (*stripped == '\0')
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE,
                   _ ("The title is empty. Give the report a title that names the incident."));
      return NULL;
    }

  report = debrief_report_new (stripped);
  if (!debrief_library_add_report (self, report, error))
    return NULL;

  return report;
}

/**
 * debrief_library_add_report:
 * @report: a report that is in no library, with everything it holds
 *
 * Stores @report and all its parts in the library: a new or imported
 * report, or one deleted before and now restored.
 */
gboolean
debrief_library_add_report (DebriefLibrary *self, DebriefReport *report, GError **error)
{
  DebriefReport *existing;
  guint          position;

  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (DEBRIEF_IS_REPORT (report), FALSE);
  g_return_val_if_fail (debrief_report_is_loaded (report), FALSE);

  if (!check_writable (self, error))
    return FALSE;

  if ((existing = debrief_library_find_report (self, debrief_report_get_uuid (report))))
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_EXISTS,
                   _ ("The library already has this report (“%s”, %s). Delete that one first to "
                      "replace it."),
                   debrief_report_get_title (existing), debrief_report_get_uuid (existing));
      return FALSE;
    }

  if ((existing = find_clashing_report (self, report)))
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_EXISTS,
                   _ ("Action items or timeline entries of this report are already in the "
                      "library, in the report “%s” (%s). Delete that report first, or add this "
                      "one to another library."),
                   debrief_report_get_title (existing), debrief_report_get_uuid (existing));
      return FALSE;
    }

  _debrief_report_attach (report, self);
  _debrief_report_queue_insert (report);

  position = find_insert_position (self, report);
  g_ptr_array_insert (self->reports, position, g_object_ref (report));
  g_hash_table_insert (self->by_uuid, (char *) debrief_report_get_uuid (report), report);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return TRUE;
}

/**
 * debrief_library_delete_report:
 *
 * Removes @report and everything in it from the library. The report
 * object keeps its contents, so debrief_library_add_report() brings it
 * back (undo).
 */
gboolean
debrief_library_delete_report (DebriefLibrary *self, DebriefReport *report, GError **error)
{
  g_autoptr (DebriefReport) hold = NULL;
  guint position;

  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (DEBRIEF_IS_REPORT (report), FALSE);

  if (!check_writable (self, error))
    return FALSE;

  if (!g_ptr_array_find (self->reports, report, &position))
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_NOT_FOUND,
                   _ ("The report “%s” is not in this library."),
                   debrief_report_get_title (report));
      return FALSE;
    }

  /* Read everything first, so that undo can write it back. */
  if (!debrief_report_ensure_loaded (report, error))
    return FALSE;

  hold = g_object_ref (report);
  debrief_store_queue (self->store, NULL, "DELETE FROM reports WHERE uuid = ?",
                       g_variant_new ("(s)", debrief_report_get_uuid (report)));
  _debrief_report_detach (report);

  g_hash_table_remove (self->by_uuid, debrief_report_get_uuid (report));
  g_ptr_array_remove_index (self->reports, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return TRUE;
}

/**
 * debrief_library_find_report:
 * @uuid: a report's full uuid
 *
 * Returns: (transfer none) (nullable): the report, or %NULL
 */
DebriefReport *
debrief_library_find_report (DebriefLibrary *self, const char *uuid)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return g_hash_table_lookup (self->by_uuid, uuid);
}

/**
 * debrief_library_lookup_report:
 * @reference: a uuid, the start of exactly one report's uuid, or a
 *   report's exact title
 *
 * Returns: (transfer none): the report, or %NULL with @error set
 */
DebriefReport *
debrief_library_lookup_report (DebriefLibrary *self, const char *reference, GError **error)
{
  g_autoptr (GPtrArray) matches = g_ptr_array_new ();
  g_autofree char *lower = NULL;
  DebriefReport   *report;

  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), NULL);

  if (reference == NULL || !g_utf8_validate (reference, -1, NULL) || *reference == '\0')
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_NOT_FOUND,
                   _ ("No report given. Name a report by its id or its exact title."));
      return NULL;
    }

  if ((report = debrief_library_find_report (self, reference)))
    return report;

  lower = g_ascii_strdown (reference, -1);

  for (guint i = 0; i < self->reports->len; i++)
    {
      DebriefReport *r = g_ptr_array_index (self->reports, i);

      if (g_str_has_prefix (debrief_report_get_uuid (r), lower))
        g_ptr_array_add (matches, r);
    }

  if (matches->len == 0)
    {
      for (guint i = 0; i < self->reports->len; i++)
        {
          DebriefReport *r = g_ptr_array_index (self->reports, i);

          if (g_str_equal (debrief_report_get_title (r), reference))
            g_ptr_array_add (matches, r);
        }
    }

  if (matches->len == 1)
    return g_ptr_array_index (matches, 0);

  if (matches->len == 0)
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_NOT_FOUND,
                   _ ("No report matches “%s”. Use “list” to see the reports and their ids."),
                   reference);
    }
  else
    {
      GString *names = g_string_new (NULL);

      for (guint i = 0; i < matches->len && i < 5; i++)
        {
          DebriefReport *r = g_ptr_array_index (matches, i);

          g_string_append_printf (names, "%s%.8s (%s)", i > 0 ? ", " : "",
                                  debrief_report_get_uuid (r), debrief_report_get_title (r));
        }

      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_AMBIGUOUS,
                   _ ("“%s” matches %u reports: %s. Give more of the id."), reference,
                   matches->len, names->str);
      g_string_free (names, TRUE);
    }

  return NULL;
}

/**
 * debrief_library_search:
 * @query: words to look for; each must occur, as a word or the start of
 *   one, ignoring case and accents
 *
 * Searches titles, incident leads, sections and action items, saving
 * pending changes first so that they are found.
 *
 * Returns: (transfer full): a #GListModel of #DebriefSearchHit, one per
 *   report, best first
 */
GListModel *
debrief_library_search (DebriefLibrary *self, const char *query, GError **error)
{
  g_auto (GStrv) terms = NULL;
  g_autoptr (GPtrArray) raw = NULL;

  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), NULL);

  if (!debrief_text_validate (query, -1, DEBRIEF_MAX_LINE_BYTES, FALSE, _ ("The search"), error))
    return NULL;

  terms = build_match_terms (query);
  if (terms[0] == NULL)
    return G_LIST_MODEL (g_list_store_new (DEBRIEF_TYPE_SEARCH_HIT));

  /* Unsaved edits are found too */
  if (!debrief_store_get_read_only (self->store) && !debrief_store_flush (self->store, error))
    return NULL;

  raw = run_search (debrief_store_get_db (self->store), (const char *const *) terms,
                    debrief_store_get_path (self->store), error);
  if (raw == NULL)
    return NULL;

  return group_hits (self, raw);
}

static void
search_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  DebriefLibrary    *self = source_object;
  const char *const *terms = task_data;
  GError            *error = NULL;
  GPtrArray         *raw;
  sqlite3           *db;

  /* debrief_library_search_async() committed the pending edits; wait
   * until they are written, on a connection of our own. */
  if (!debrief_store_get_read_only (self->store) && !debrief_store_wait (self->store, &error))
    g_clear_error (&error);

  if (!(db = debrief_store_open_reader (self->store, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  raw = run_search (db, terms, debrief_store_get_path (self->store), &error);
  sqlite3_close (db);

  if (raw == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, raw, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * debrief_library_search_async:
 *
 * Searches on a worker thread; see debrief_library_search().
 */
void
debrief_library_search_async (DebriefLibrary     *self,
                              const char         *query,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  GError *error = NULL;
  GStrv   terms;

  g_return_if_fail (DEBRIEF_IS_LIBRARY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_library_search_async);

  if (!debrief_text_validate (query, -1, DEBRIEF_MAX_LINE_BYTES, FALSE, _ ("The search"), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  terms = build_match_terms (query);
  if (terms[0] == NULL)
    {
      g_strfreev (terms);
      g_task_return_pointer (task, g_ptr_array_new_with_free_func (raw_hit_free),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  debrief_store_commit (self->store);
  g_task_set_task_data (task, terms, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, search_thread);
}

/**
 * debrief_library_search_finish:
 *
 * Returns: (transfer full): a #GListModel of #DebriefSearchHit
 */
GListModel *
debrief_library_search_finish (DebriefLibrary *self, GAsyncResult *result, GError **error)
{
  g_autoptr (GPtrArray) raw = NULL;

  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!(raw = g_task_propagate_pointer (G_TASK (result), error)))
    return NULL;

  return group_hits (self, raw);
}

/**
 * debrief_library_flush:
 *
 * Writes every pending change now and waits for it. Changes are saved
 * within a second anyway; this is for programs that exit right after.
 *
 * Returns: %TRUE if everything is saved
 */
gboolean
debrief_library_flush (DebriefLibrary *self, GError **error)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), FALSE);

  if (self->store == NULL)
    return TRUE;

  return debrief_store_flush (self->store, error);
}

/**
 * debrief_library_discard_unsaved:
 *
 * Drops the changes that could not be written (and any not written yet),
 * when the user chose to lose them: closing the library then does not try
 * to write them once more.
 */
void
debrief_library_discard_unsaved (DebriefLibrary *self)
{
  g_return_if_fail (DEBRIEF_IS_LIBRARY (self));

  if (self->store != NULL)
    debrief_store_discard (self->store);
}

static void
flush_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  DebriefLibrary *self = source_object;
  GError         *error = NULL;

  if (debrief_store_wait (self->store, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * debrief_library_flush_async:
 *
 * Writes every pending change now, and calls @callback once it is on disk
 * or has failed, without blocking this thread: e.g. before a window that
 * shows the library closes.
 */
void
debrief_library_flush_async (DebriefLibrary     *self,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (DEBRIEF_IS_LIBRARY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_library_flush_async);
  if (self->store == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Handed to the writer here; only the waiting is on a worker */
  debrief_store_commit (self->store);
  g_task_run_in_thread (task, flush_thread);
}

/**
 * debrief_library_flush_finish:
 *
 * Returns: %TRUE if every change so far is saved
 */
gboolean
debrief_library_flush_finish (DebriefLibrary *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
