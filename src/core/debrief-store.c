/* debrief-store.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "debrief-error.h"
#include "debrief-store.h"
#include "debrief-time.h"

/* The store owns a library file's SQLite connections.
 *
 * Reads happen on the main connection, on the thread that opened the
 * store. Writes are queued as operations (SQL text with its parameters)
 * and handed in batches to a writer thread with its own connection; each
 * batch is one transaction. An operation with a key replaces an earlier
 * queued one with the same key, so typing into a field writes the field
 * once per batch. A batch that fails is kept and tried again ahead of the
 * next one, so nothing the user did is dropped while the disk is full or
 * the file is read-only.
 */

#define COMMIT_DELAY_MS 300

typedef struct
{
  char     *key;
  char     *sql;
  GVariant *params;

  /* Or, for writes too large to queue statement by statement */
  DebriefStoreWriteFunc func;
  gpointer              data;
  GDestroyNotify        destroy;
} Op;

struct _DebriefStore
{
  char    *path;
  sqlite3 *db;
  gboolean read_only;

  /* Main thread */
  GPtrArray            *pending;
  GHashTable           *pending_keys;
  guint                 commit_source;
  GMainContext         *context;
  DebriefStoreErrorFunc error_func;
  gpointer              error_data;
  GDestroyNotify        error_destroy;

  /* Shared with the writer, under mutex */
  GMutex     mutex;
  GCond      cond;
  GQueue     batches;
  GPtrArray *failed;
  GError    *error;
  guint64    submitted;
  guint64    completed;
  guint64    discarded; /* batches up to this one are not kept when they fail */
  gboolean   quit;
  guint      busy_timeout_ms;
  GSList    *notify_sources;

  /* Writer thread */
  GThread *thread;
  sqlite3 *wdb;
  int      wal_pages;
  gint64   busy_since;
};

static void
op_free (gpointer data)
{
  Op *op = data;

  g_free (op->key);
  g_free (op->sql);
  g_clear_pointer (&op->params, g_variant_unref);
  if (op->destroy != NULL)
    op->destroy (op->data);
  g_free (op);
}

void
debrief_store_set_sqlite_error (GError **error, sqlite3 *db, int rc, const char *path)
{
  const char      *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  g_autofree char *name = path != NULL ? g_filename_display_basename (path) : g_strdup ("?");

  switch (rc & 0xff)
    {
      case SQLITE_FULL:
        g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_NO_SPACE,
                     _ ("The disk is full, so changes to “%s” cannot be saved. Free some space; "
                        "your changes are kept until they can be written."),
                     name);
        break;

      case SQLITE_READONLY:
      case SQLITE_PERM:
        g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_READ_ONLY,
                     _ ("The library “%s” is read-only, so changes cannot be saved. Your changes "
                        "are kept in this window; open a library you can write to, or make the "
                        "file writable."),
                     name);
        break;

      case SQLITE_CORRUPT:
        g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_CORRUPT,
                     _ ("The library “%s” is damaged (%s). Restore it from a backup, or open "
                        "another library."),
                     name, detail);
        break;

      case SQLITE_NOTADB:
        g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_NOT_A_LIBRARY,
                     _ ("“%s” is not a Debrief library. Choose another file, or create a new "
                        "library."),
                     name);
        break;

      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_IO,
                     _ ("The library “%s” is locked by another program. Close it there and try "
                        "again."),
                     name);
        break;

      case SQLITE_IOERR:
      case SQLITE_CANTOPEN:
        g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_IO,
                     _ ("The library “%s” could not be read or written (%s). Check that the disk "
                        "is available and try again."),
                     name, detail);
        break;

      default:
        g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_FAILED,
                     _ ("The library “%s” reported an error: %s."), name, detail);
        break;
    }
}

gboolean
debrief_store_prepare (sqlite3 *db, const char *sql, sqlite3_stmt **stmt, GError **error)
{
  int rc = sqlite3_prepare_v2 (db, sql, -1, stmt, NULL);

  if (rc != SQLITE_OK)
    {
      debrief_store_set_sqlite_error (error, db, rc, sqlite3_db_filename (db, "main"));
      return FALSE;
    }

  return TRUE;
}

gboolean
debrief_store_bind (sqlite3_stmt *stmt, GVariant *params, GError **error)
{
  gsize n;

  if (params == NULL)
    return TRUE;

  n = g_variant_n_children (params);
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr (GVariant) child = g_variant_get_child_value (params, i);
      g_autoptr (GVariant) value = NULL;
      int col = (int) i + 1;
      int rc;

      if (g_variant_is_of_type (child, G_VARIANT_TYPE_MAYBE))
        {
          value = g_variant_get_maybe (child);
          if (value == NULL)
            {
              sqlite3_bind_null (stmt, col);
              continue;
            }
        }
      else
        value = g_variant_ref (child);

      switch (g_variant_classify (value))
        {
          case G_VARIANT_CLASS_STRING:
            rc = sqlite3_bind_text (stmt, col, g_variant_get_string (value, NULL), -1,
                                    SQLITE_TRANSIENT);
            break;
          case G_VARIANT_CLASS_INT64:
            rc = sqlite3_bind_int64 (stmt, col, g_variant_get_int64 (value));
            break;
          case G_VARIANT_CLASS_INT32:
            rc = sqlite3_bind_int (stmt, col, g_variant_get_int32 (value));
            break;
          case G_VARIANT_CLASS_BOOLEAN:
            rc = sqlite3_bind_int (stmt, col, g_variant_get_boolean (value) ? 1 : 0);
            break;
          case G_VARIANT_CLASS_DOUBLE:
            rc = sqlite3_bind_double (stmt, col, g_variant_get_double (value));
            break;
          case G_VARIANT_CLASS_ARRAY:
            {
              gsize         len = 0;
              gconstpointer data = g_variant_get_fixed_array (value, &len, 1);

              rc = sqlite3_bind_blob64 (stmt, col, data != NULL ? data : "", len,
                                        SQLITE_TRANSIENT);
            }
            break;
          default:
            g_return_val_if_reached (FALSE);
        }

      if (rc != SQLITE_OK)
        {
          sqlite3 *db = sqlite3_db_handle (stmt);

          debrief_store_set_sqlite_error (error, db, rc, sqlite3_db_filename (db, "main"));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * debrief_store_column_text:
 *
 * Returns: (transfer none): the column as text, "" for NULL
 */
const char *
debrief_store_column_text (sqlite3_stmt *stmt, int column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? (const char *) text : "";
}

gint64
debrief_store_column_time (sqlite3_stmt *stmt, int column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return DEBRIEF_TIME_UNSET;

  return sqlite3_column_int64 (stmt, column);
}

/**
 * debrief_store_time_variant:
 *
 * Returns: (transfer floating): a nullable int64 for a time column
 */
GVariant *
debrief_store_time_variant (gint64 utc)
{
  return g_variant_new_maybe (G_VARIANT_TYPE_INT64,
                              utc == DEBRIEF_TIME_UNSET ? NULL : g_variant_new_int64 (utc));
}

static gboolean
exec (sqlite3 *db, const char *sql, GError **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      debrief_store_set_sqlite_error (error, db, rc, sqlite3_db_filename (db, "main"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int (sqlite3 *db, const char *sql, gint64 *value, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int           rc;

  if (!debrief_store_prepare (db, sql, &stmt, error))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *value = 0;
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      debrief_store_set_sqlite_error (error, db, rc, sqlite3_db_filename (db, "main"));
      return FALSE;
    }

  return TRUE;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
not_a_library (GError **error, const char *path, const char *why)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_NOT_A_LIBRARY,
               _ ("“%s” is not a Debrief library (%s). Choose another file, or create a new "
                  "library."),
               name, why);
  return FALSE;
}

/* Looks at the file before SQLite touches it, so that a foreign, damaged
 * or newer file is refused without a single byte written to it. */
static gboolean
check_header (const char *path, gboolean *is_new, GError **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf         st;
  guint8           header[100];
  guint32          page_size, page_count, change_counter, valid_for, user_version, app_id;
  FILE            *fp;
  size_t           n;

  *is_new = FALSE;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      if (saved == ENOENT)
        {
          *is_new = TRUE;
          return TRUE;
        }

      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_IO, _ ("Cannot open “%s”: %s."), name,
                   g_strerror (saved));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    return not_a_library (error, path, _ ("it is not a regular file"));

  if (st.st_size == 0)
    {
      *is_new = TRUE;
      return TRUE;
    }

  if (!(fp = g_fopen (path, "rb")))
    {
      int saved = errno;

      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_IO, _ ("Cannot read “%s”: %s."), name,
                   g_strerror (saved));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, fp);
  fclose (fp);

  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    return not_a_library (error, path, _ ("it is not an SQLite database"));

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_CORRUPT,
                   _ ("The library “%s” is damaged: its header is invalid. Restore it from a "
                      "backup, or open another library."),
                   name);
      return FALSE;
    }

  change_counter = read_be32 (header + 24);
  page_count = read_be32 (header + 28);
  valid_for = read_be32 (header + 92);
  user_version = read_be32 (header + 60);
  app_id = read_be32 (header + 68);

  /* Every Debrief library carries the application id from its first
   * migration on: a file with a schema version but without the id is
   * another program's, whatever it counts in user_version. */
  if (app_id != DEBRIEF_APPLICATION_ID && (app_id != 0 || user_version != 0))
    return not_a_library (error, path, _ ("it is a database of another program"));

  if (user_version > DEBRIEF_SCHEMA_VERSION)
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_TOO_NEW,
                   _ ("The library “%s” was written by a newer version of Debrief (library "
                      "format %u; this version reads up to %u). Update Debrief to open it; the "
                      "file has not been changed."),
                   name, user_version, DEBRIEF_SCHEMA_VERSION);
      return FALSE;
    }

  /* A file cut short: the header says how many pages the file has. With a
   * write-ahead log present the header may lag behind, so leave it to
   * SQLite then. */
  if (valid_for == change_counter && page_count > 0 &&
      (guint64) page_count * page_size > (guint64) st.st_size &&
      !g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_CORRUPT,
                   _ ("The library “%s” is damaged: the file is shorter than it should be "
                      "(%u of %u pages), so it was probably cut off while being copied. Restore "
                      "it from a backup, or open another library."),
                   name, (guint) (st.st_size / page_size), page_count);
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (DebriefStore *self, GError **error)
{
  gint64 version = 0;
  gint64 app_id = 0;
  gint64 n_tables = 0;

  if (!query_int (self->db, "PRAGMA user_version", &version, error) ||
      !query_int (self->db, "PRAGMA application_id", &app_id, error) ||
      !query_int (self->db, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
    return FALSE;

  if (app_id != DEBRIEF_APPLICATION_ID && (app_id != 0 || version != 0))
    return not_a_library (error, self->path, _ ("it is a database of another program"));

  if (version == 0 && n_tables > 0)
    return not_a_library (error, self->path, _ ("it is a database of another program"));

  if (version > DEBRIEF_SCHEMA_VERSION)
    {
      g_autofree char *name = g_filename_display_basename (self->path);

      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_TOO_NEW,
                   _ ("The library “%s” was written by a newer version of Debrief (library "
                      "format %u; this version reads up to %u). Update Debrief to open it; the "
                      "file has not been changed."),
                   name, (guint) version, DEBRIEF_SCHEMA_VERSION);
      return FALSE;
    }

  if (version < DEBRIEF_SCHEMA_VERSION && self->read_only)
    {
      g_autofree char *name = g_filename_display_basename (self->path);

      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_READ_ONLY,
                   _ ("The library “%s” needs to be upgraded to this version of Debrief, but it "
                      "is read-only. Make the file writable and open it again."),
                   name);
      return FALSE;
    }

  for (gint64 v = version + 1; v <= DEBRIEF_SCHEMA_VERSION; v++)
    {
      static const char *migrations[] = { NULL, "0001-initial.sql", "0002-classification.sql" };
      g_autofree char *resource = g_strdup_printf ("/io/github/debrief/Debrief/core/migrations/%s",
                                                   migrations[v]);
      g_autoptr (GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
      g_autofree char *sql = NULL;
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", (int) v);

      g_assert (bytes != NULL);
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      if (!exec (self->db, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!exec (self->db, sql, error) || !exec (self->db, set_version, error) ||
          !exec (self->db, "COMMIT", error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }

      g_debug ("Migrated %s to schema version %d", self->path, (int) v);
    }

  return TRUE;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static gboolean
run_batch (sqlite3 *db, GPtrArray *batch, GError **error)
{
  const char *path = sqlite3_db_filename (db, "main");
  int         rc;
  /* Each statement is prepared once per batch: a batch may insert a
   * hundred thousand timeline entries with the same SQL. */
  g_autoptr (GHashTable)
      statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);

  if ((rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) != SQLITE_OK)
    {
      debrief_store_set_sqlite_error (error, db, rc, path);
      return FALSE;
    }

  for (guint i = 0; i < batch->len; i++)
    {
      Op           *op = g_ptr_array_index (batch, i);
      sqlite3_stmt *stmt;

      if (op->func != NULL)
        {
          if (!op->func (db, op->data, error))
            goto failed;
          continue;
        }

      if ((stmt = g_hash_table_lookup (statements, op->sql)) == NULL)
        {
          if (!debrief_store_prepare (db, op->sql, &stmt, error))
            goto failed;
          g_hash_table_insert (statements, op->sql, stmt);
        }
      else
        sqlite3_clear_bindings (stmt);

      if (!debrief_store_bind (stmt, op->params, error))
        {
          sqlite3_reset (stmt);
          goto failed;
        }

      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);

      if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        {
          debrief_store_set_sqlite_error (error, db, rc, path);
          goto failed;
        }
    }

  if ((rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK)
    {
      debrief_store_set_sqlite_error (error, db, rc, path);
      goto failed;
    }

  return TRUE;

failed:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

typedef struct
{
  DebriefStore *store;
  GSource      *source;
  GError       *error;
} Notify;

static gboolean
notify_cb (gpointer data)
{
  Notify       *n = data;
  DebriefStore *self = n->store;

  g_mutex_lock (&self->mutex);
  self->notify_sources = g_slist_remove (self->notify_sources, n->source);
  g_mutex_unlock (&self->mutex);

  if (self->error_func != NULL)
    self->error_func (n->error, self->error_data);

  return G_SOURCE_REMOVE;
}

static void
notify_free (gpointer data)
{
  Notify *n = data;

  g_clear_error (&n->error);
  g_free (n);
}

/* Called with the mutex held */
static void
schedule_notify (DebriefStore *self, const GError *error)
{
  Notify *n = g_new0 (Notify, 1);

  n->store = self;
  n->error = g_error_copy (error);
  n->source = g_idle_source_new ();
  g_source_set_priority (n->source, G_PRIORITY_DEFAULT);
  g_source_set_callback (n->source, notify_cb, n, notify_free);
  g_source_set_static_name (n->source, "[debrief] store error");
  self->notify_sources = g_slist_prepend (self->notify_sources, n->source);
  g_source_attach (n->source, self->context);
  g_source_unref (n->source);
}

/* Called with the mutex held */
static void
batch_done (DebriefStore *self, GPtrArray *batch, GError *error)
{
  /* The user chose to lose it while it was being written */
  if (error != NULL && self->completed + 1 <= self->discarded)
    {
      g_debug ("Discarded changes could not be saved: %s", error->message);
      g_clear_error (&error);
    }

  if (error != NULL)
    {
      g_debug ("Could not save changes: %s", error->message);

      /* Keep the operations, in order, ahead of anything queued later. */
      if (self->failed == NULL)
        self->failed = g_ptr_array_new_with_free_func (op_free);
      g_ptr_array_extend_and_steal (self->failed, g_steal_pointer (&batch));

      g_clear_error (&self->error);
      self->error = error;
      schedule_notify (self, error);
    }
  else
    g_clear_pointer (&batch, g_ptr_array_unref);

  self->completed++;
  g_cond_broadcast (&self->cond);
}

/* Checkpoints run on the writer thread after a batch is reported done,
 * not inside the commit that made the log long, so that saving (and
 * debrief_store_flush()) does not wait for them. */
#define CHECKPOINT_PAGES 1000

static int
wal_hook_cb (gpointer user_data, sqlite3 *db, const char *name, int pages)
{
  DebriefStore *self = user_data;

  self->wal_pages = pages;
  return SQLITE_OK;
}

/* How long a write waits for another program's lock on the library */
#define BUSY_TIMEOUT_MS 5000

/* Called with the mutex held: whether the batch being written was let go
 * by debrief_store_discard() */
static gboolean
writing_discarded (DebriefStore *self)
{
  return self->completed + 1 <= self->discarded;
}

/* Like sqlite3_busy_timeout(), but the wait ends as soon as the user lets
 * go of the changes being written, so that closing the library then does
 * not wait for the lock on the main thread. */
static int
writer_busy_cb (gpointer data, int count)
{
  DebriefStore *self = data;
  gint64        now = g_get_monotonic_time ();
  gint64        deadline;
  gboolean      again;

  if (count == 0)
    self->busy_since = now;

  g_mutex_lock (&self->mutex);
  deadline = self->busy_since + (gint64) self->busy_timeout_ms * G_TIME_SPAN_MILLISECOND;
  /* Try the lock again every 20 ms; discarding wakes the wait */
  if (!writing_discarded (self) && now < deadline)
    g_cond_wait_until (&self->cond, &self->mutex,
                       MIN (now + 20 * G_TIME_SPAN_MILLISECOND, deadline));
  again = !writing_discarded (self) && g_get_monotonic_time () < deadline;
  g_mutex_unlock (&self->mutex);

  return again;
}

static gboolean
setup_writer (DebriefStore *self, GError **error)
{
  sqlite3_busy_handler (self->wdb, writer_busy_cb, self);

  if (!exec (self->wdb, "PRAGMA foreign_keys = ON", error) ||
      !exec (self->wdb, "PRAGMA synchronous = NORMAL", error) ||
      !exec (self->wdb, "PRAGMA wal_autocheckpoint = 0", error))
    return FALSE;

  sqlite3_wal_hook (self->wdb, wal_hook_cb, self);
  return TRUE;
}

static gpointer
writer_thread (gpointer data)
{
  DebriefStore *self = data;

  g_mutex_lock (&self->mutex);

  for (;;)
    {
      GPtrArray *batch;
      GError    *error = NULL;

      while (g_queue_is_empty (&self->batches) && !self->quit)
        g_cond_wait (&self->cond, &self->mutex);

      if (g_queue_is_empty (&self->batches))
        break;

      batch = g_queue_pop_head (&self->batches);
      g_mutex_unlock (&self->mutex);

      run_batch (self->wdb, batch, &error);

      g_mutex_lock (&self->mutex);
      batch_done (self, batch, error);

      if (self->wal_pages >= CHECKPOINT_PAGES)
        {
          g_mutex_unlock (&self->mutex);
          sqlite3_wal_checkpoint_v2 (self->wdb, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
          self->wal_pages = 0;
          g_mutex_lock (&self->mutex);
        }
    }

  g_mutex_unlock (&self->mutex);

  return NULL;
}

static gboolean
open_connection (const char *path, gboolean read_only, sqlite3 **db, GError **error)
{
  int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
              SQLITE_OPEN_FULLMUTEX;
  int rc = sqlite3_open_v2 (path, db, flags, NULL);

  /* Reading a library in WAL mode needs its -shm file, which SQLite cannot
   * create in a folder we cannot write. When there is none, no program is
   * writing to the library either: read it as immutable then. */
  if (rc == SQLITE_OK && read_only)
    {
      sqlite3_busy_timeout (*db, BUSY_TIMEOUT_MS);
      rc = sqlite3_exec (*db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
    }
  if (read_only && ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY))
    {
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);

      if (uri != NULL && !g_file_test (shm, G_FILE_TEST_EXISTS))
        {
          g_autofree char *immutable = g_strconcat (uri, "?immutable=1", NULL);

          g_clear_pointer (db, sqlite3_close);
          rc = sqlite3_open_v2 (immutable, db, flags | SQLITE_OPEN_URI, NULL);
        }
    }

  if (rc != SQLITE_OK)
    {
      debrief_store_set_sqlite_error (error, *db, rc, path);
      g_clear_pointer (db, sqlite3_close);
      return FALSE;
    }

  sqlite3_extended_result_codes (*db, 1);
  sqlite3_busy_timeout (*db, BUSY_TIMEOUT_MS);

  return TRUE;
}

/**
 * debrief_store_open:
 * @path: the library file
 * @created: (out): whether the file was created (or was empty)
 *
 * Opens or creates a library file, refusing files that are not Debrief
 * libraries, are damaged, or come from a newer version, without writing
 * to them.
 */
DebriefStore *
debrief_store_open (const char *path, gboolean *created, GError **error)
{
  g_autoptr (DebriefStore) self = NULL;
  g_autofree char *dir = NULL;
  gboolean         is_new = FALSE;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, &is_new, error))
    return NULL;

  dir = g_path_get_dirname (path);
  if (is_new && g_mkdir_with_parents (dir, 0700) != 0)
    {
      int              saved = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (
          error, DEBRIEF_ERROR, saved == ENOSPC ? DEBRIEF_ERROR_NO_SPACE : DEBRIEF_ERROR_IO,
          _ ("Cannot create the folder “%s” for the library: %s."), display, g_strerror (saved));
      return NULL;
    }

  self = g_new0 (DebriefStore, 1);
  self->busy_timeout_ms = BUSY_TIMEOUT_MS;
  self->path = g_strdup (path);
  self->context = g_main_context_ref_thread_default ();
  self->pending = g_ptr_array_new_with_free_func (op_free);
  self->pending_keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);

  /* A file we cannot write, in a folder we cannot write (for the
   * write-ahead log), is opened read-only: it can be read, and edits are
   * refused with a clear message when they are saved. */
  self->read_only = !is_new && (g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0);

  if (!open_connection (path, self->read_only, &self->db, error))
    return NULL;

  if (!self->read_only)
    {
      gint64 app_id = 0, version = 0, n_tables = 0;

      /* Check what is inside before the first write (switching the
       * journal mode writes to the header). */
      if (!query_int (self->db, "PRAGMA application_id", &app_id, error) ||
          !query_int (self->db, "PRAGMA user_version", &version, error) ||
          !query_int (self->db, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
        return NULL;

      if ((app_id != DEBRIEF_APPLICATION_ID && (app_id != 0 || version != 0)) ||
          (version == 0 && n_tables > 0))
        {
          not_a_library (error, path, _ ("it is a database of another program"));
          return NULL;
        }

      if (!exec (self->db, "PRAGMA journal_mode = WAL", error) ||
          !exec (self->db, "PRAGMA synchronous = NORMAL", error))
        return NULL;
    }

  if (!exec (self->db, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (!migrate (self, error))
    return NULL;

  if (!self->read_only)
    {
      if (!open_connection (path, FALSE, &self->wdb, error) || !setup_writer (self, error))
        return NULL;

      self->thread = g_thread_new ("debrief-writer", writer_thread, self);
    }

  if (created != NULL)
    *created = is_new;

  return g_steal_pointer (&self);
}

static gboolean
commit_timeout_cb (gpointer data)
{
  DebriefStore *self = data;

  self->commit_source = 0;
  debrief_store_commit (self);

  return G_SOURCE_REMOVE;
}

static void push_op (DebriefStore *self, Op *op);

/**
 * debrief_store_queue:
 * @key: (nullable): identifies what @sql writes; a later operation with
 *   the same key replaces this one while both are queued
 * @sql: one SQL statement
 * @params: (nullable) (transfer floating): a tuple of the parameters
 *
 * Queues a write. It is committed within COMMIT_DELAY_MS, by
 * debrief_store_commit() or by debrief_store_flush().
 */
void
debrief_store_queue (DebriefStore *self, const char *key, const char *sql, GVariant *params)
{
  Op *op;

  g_return_if_fail (self != NULL);
  g_return_if_fail (sql != NULL);

  op = g_new0 (Op, 1);
  op->key = g_strdup (key);
  op->sql = g_strdup (sql);
  op->params = params != NULL ? g_variant_ref_sink (params) : NULL;

  if (key != NULL)
    {
      Op *old = g_hash_table_lookup (self->pending_keys, key);

      if (old != NULL)
        {
          g_hash_table_remove (self->pending_keys, key);
          g_ptr_array_remove (self->pending, old);
        }
      g_hash_table_insert (self->pending_keys, op->key, op);
    }

  push_op (self, op);
}

/**
 * debrief_store_queue_func:
 * @func: writes @data; called on the writer thread inside a batch's
 *   transaction, in queue order with the other writes
 * @data: (transfer full): what @func writes, owned by the store from now
 *   on: the main thread must not touch it
 * @destroy: (nullable): frees @data after its batch is committed
 *
 * Queues a write done by code rather than by one statement, for large
 * writes such as an imported log (queuing a statement with its
 * parameters for each row would cost more than writing it). A batch that
 * fails is tried again, so @func may run more than once: it must write
 * the same each time.
 */
void
debrief_store_queue_func (DebriefStore         *self,
                          DebriefStoreWriteFunc func,
                          gpointer              data,
                          GDestroyNotify        destroy)
{
  Op *op;

  g_return_if_fail (self != NULL);
  g_return_if_fail (func != NULL);

  op = g_new0 (Op, 1);
  op->func = func;
  op->data = data;
  op->destroy = destroy;

  push_op (self, op);
}

static void
push_op (DebriefStore *self, Op *op)
{
  g_ptr_array_add (self->pending, op);

  if (self->commit_source == 0)
    {
      GSource *source = g_timeout_source_new (COMMIT_DELAY_MS);

      g_source_set_callback (source, commit_timeout_cb, self, NULL);
      g_source_set_static_name (source, "[debrief] commit");
      self->commit_source = g_source_attach (source, self->context);
      g_source_unref (source);
    }
}

gboolean
debrief_store_has_pending (DebriefStore *self)
{
  gboolean ret;

  g_return_val_if_fail (self != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  ret = self->pending->len > 0 || self->failed != NULL || self->submitted != self->completed;
  g_mutex_unlock (&self->mutex);

  return ret;
}

/* A library opened read-only whose file has been made writable since
 * gets its writer, so that the changes kept in memory are saved after
 * all, as the read-only message promises. */
static void
become_writable (DebriefStore *self)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autoptr (GError) error = NULL;

  if (g_access (self->path, W_OK) != 0 || g_access (dir, W_OK) != 0)
    return;

  /* The reading connection is opened again too: one opened read-only
   * (maybe as immutable) does not see what the writer writes. It is
   * closed first, as closing an immutable connection would drop the file
   * locks of connections opened after it. */
  g_clear_pointer (&self->db, sqlite3_close);

  if (!open_connection (self->path, FALSE, &self->db, &error) ||
      !exec (self->db, "PRAGMA journal_mode = WAL", &error) ||
      !exec (self->db, "PRAGMA foreign_keys = ON", &error) ||
      !open_connection (self->path, FALSE, &self->wdb, &error) || !setup_writer (self, &error))
    {
      g_debug ("%s is still not writable: %s", self->path, error->message);
      g_clear_error (&error);
      g_clear_pointer (&self->wdb, sqlite3_close);
      g_clear_pointer (&self->db, sqlite3_close);
      if (!open_connection (self->path, TRUE, &self->db, &error) ||
          !exec (self->db, "PRAGMA foreign_keys = ON", &error))
        g_debug ("Cannot read %s any more: %s", self->path, error->message);
      return;
    }

  g_debug ("%s is writable now", self->path);
  self->read_only = FALSE;
  self->thread = g_thread_new ("debrief-writer", writer_thread, self);
}

/* The commit that was due after the last change is not needed any more */
static void
cancel_commit (DebriefStore *self)
{
  if (self->commit_source != 0)
    {
      GSource *source = g_main_context_find_source_by_id (self->context, self->commit_source);

      if (source != NULL)
        g_source_destroy (source);
      self->commit_source = 0;
    }
}

/**
 * debrief_store_commit:
 *
 * Hands everything queued (and anything that failed before) to the writer
 * without waiting for it.
 */
void
debrief_store_commit (DebriefStore *self)
{
  GPtrArray *batch;

  g_return_if_fail (self != NULL);

  cancel_commit (self);

  /* No writer runs while read-only, so the lists are ours to look at */
  if (self->read_only && (self->pending->len > 0 || self->failed != NULL))
    become_writable (self);

  g_mutex_lock (&self->mutex);

  if (self->pending->len == 0 && self->failed == NULL)
    {
      g_mutex_unlock (&self->mutex);
      return;
    }

  batch = g_ptr_array_new_with_free_func (op_free);
  if (self->failed != NULL)
    {
      g_ptr_array_extend_and_steal (batch, g_steal_pointer (&self->failed));
    }
  g_hash_table_remove_all (self->pending_keys);
  g_ptr_array_extend_and_steal (batch, g_steal_pointer (&self->pending));
  self->pending = g_ptr_array_new_with_free_func (op_free);

  self->submitted++;

  if (self->read_only)
    {
      GError *error = NULL;

      debrief_store_set_sqlite_error (&error, NULL, SQLITE_READONLY, self->path);
      batch_done (self, batch, error);
    }
  else
    {
      g_queue_push_tail (&self->batches, batch);
      g_cond_broadcast (&self->cond);
    }

  g_mutex_unlock (&self->mutex);
}

/**
 * debrief_store_discard:
 *
 * Drops every change not yet written, and those that failed to be
 * written: for when the user chose to lose them. A batch the writer is
 * writing now is still written if it can be, and dropped if it fails; if
 * it waits for another program's lock, it stops waiting and fails.
 */
void
debrief_store_discard (DebriefStore *self)
{
  g_return_if_fail (self != NULL);

  cancel_commit (self);

  g_mutex_lock (&self->mutex);
  g_hash_table_remove_all (self->pending_keys);
  g_ptr_array_set_size (self->pending, 0);
  g_clear_pointer (&self->failed, g_ptr_array_unref);
  /* Batches waiting for the writer go too; the one it is writing is not
   * kept if it fails */
  self->completed += g_queue_get_length (&self->batches);
  g_queue_clear_full (&self->batches, (GDestroyNotify) g_ptr_array_unref);
  self->discarded = self->submitted;
  /* Wakes a writer waiting for the lock, which then gives up */
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
}

/**
 * debrief_store_set_busy_timeout:
 * @timeout_ms: how long a write waits for another program's lock
 *
 * For tests: the default is five seconds.
 */
void
debrief_store_set_busy_timeout (DebriefStore *self, guint timeout_ms)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->mutex);
  self->busy_timeout_ms = timeout_ms;
  g_mutex_unlock (&self->mutex);
}

/**
 * debrief_store_flush:
 *
 * Commits everything queued and waits until it is on disk.
 *
 * Returns: %TRUE if every change so far is saved
 */
gboolean
debrief_store_flush (DebriefStore *self, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  debrief_store_commit (self);

  return debrief_store_wait (self, error);
}

/**
 * debrief_store_wait:
 *
 * Waits until what was committed so far is written. Unlike the rest of
 * the store, this may be called from any thread.
 *
 * Returns: %TRUE if nothing failed to be saved
 */
gboolean
debrief_store_wait (DebriefStore *self, GError **error)
{
  gboolean ret = TRUE;
  guint64  target;

  g_return_val_if_fail (self != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  target = self->submitted;
  while (self->completed < target)
    g_cond_wait (&self->cond, &self->mutex);

  if (self->failed != NULL)
    {
      if (self->error != NULL)
        g_propagate_error (error, g_error_copy (self->error));
      else
        g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_FAILED,
                     _ ("Changes could not be saved."));
      ret = FALSE;
    }
  g_mutex_unlock (&self->mutex);

  return ret;
}

sqlite3 *
debrief_store_get_db (DebriefStore *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->db;
}

const char *
debrief_store_get_path (DebriefStore *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

gboolean
debrief_store_get_read_only (DebriefStore *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->read_only;
}

void
debrief_store_set_error_func (DebriefStore         *self,
                              DebriefStoreErrorFunc func,
                              gpointer              user_data,
                              GDestroyNotify        destroy)
{
  g_return_if_fail (self != NULL);

  if (self->error_destroy != NULL)
    self->error_destroy (self->error_data);

  self->error_func = func;
  self->error_data = user_data;
  self->error_destroy = destroy;
}

/**
 * debrief_store_open_reader:
 *
 * Opens another, read-only connection, for reading on another thread.
 *
 * Returns: (transfer full): the connection; close it with sqlite3_close()
 */
sqlite3 *
debrief_store_open_reader (DebriefStore *self, GError **error)
{
  g_return_val_if_fail (self != NULL, NULL);

  return debrief_store_open_reader_at (self->path, error);
}

/**
 * debrief_store_open_reader_at:
 * @path: the library file of a store
 *
 * Like debrief_store_open_reader(), for a thread that must not keep the
 * store itself.
 *
 * Returns: (transfer full): the connection; close it with sqlite3_close()
 */
sqlite3 *
debrief_store_open_reader_at (const char *path, GError **error)
{
  sqlite3 *db = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!open_connection (path, TRUE, &db, error))
    return NULL;

  return db;
}

void
debrief_store_free (DebriefStore *self)
{
  GSList *sources;

  if (self == NULL)
    return;

  if (self->thread != NULL)
    {
      g_autoptr (GError) error = NULL;

      if (!debrief_store_flush (self, &error))
        g_debug ("Closing %s with unsaved changes: %s", self->path, error->message);

      g_mutex_lock (&self->mutex);
      self->quit = TRUE;
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->mutex);
      g_thread_join (self->thread);
    }
  else if (self->commit_source != 0)
    {
      GSource *source = g_main_context_find_source_by_id (self->context, self->commit_source);

      if (source != NULL)
        g_source_destroy (source);
    }

  g_mutex_lock (&self->mutex);
  sources = g_steal_pointer (&self->notify_sources);
  g_mutex_unlock (&self->mutex);
  for (GSList *l = sources; l; l = l->next)
    g_source_destroy (l->data);
  g_slist_free (sources);

  if (self->error_destroy != NULL)
    self->error_destroy (self->error_data);

  g_clear_pointer (&self->wdb, sqlite3_close);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->pending_keys, g_hash_table_unref);
  g_clear_pointer (&self->failed, g_ptr_array_unref);
  g_clear_error (&self->error);
  g_queue_clear_full (&self->batches, (GDestroyNotify) g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self->path);
  g_free (self);
}
