/* debrief-store.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The schema version this build writes; user_version of a library file. */
#define DEBRIEF_SCHEMA_VERSION 2

/* PRAGMA application_id of every library file: "DBRF". */
#define DEBRIEF_APPLICATION_ID 0x44425246

typedef struct _DebriefStore DebriefStore;

/* Called on the main context of the store's creator when a batch of
 * writes failed. */
typedef void (*DebriefStoreErrorFunc) (const GError *error, gpointer user_data);

/* Writes queued data on the writer's connection; see
 * debrief_store_queue_func(). */
typedef gboolean (*DebriefStoreWriteFunc) (sqlite3 *db, gpointer data, GError **error);

DebriefStore *debrief_store_open (const char *path, gboolean *created, GError **error);
void          debrief_store_free (DebriefStore *self);
sqlite3      *debrief_store_get_db (DebriefStore *self);
const char   *debrief_store_get_path (DebriefStore *self);
gboolean      debrief_store_get_read_only (DebriefStore *self);
void          debrief_store_set_error_func (DebriefStore         *self,
                                            DebriefStoreErrorFunc func,
                                            gpointer              user_data,
                                            GDestroyNotify        destroy);
void debrief_store_queue (DebriefStore *self, const char *key, const char *sql, GVariant *params);
void debrief_store_queue_func (DebriefStore         *self,
                               DebriefStoreWriteFunc func,
                               gpointer              data,
                               GDestroyNotify        destroy);
void debrief_store_commit (DebriefStore *self);
gboolean debrief_store_flush (DebriefStore *self, GError **error);
void     debrief_store_discard (DebriefStore *self);
void     debrief_store_set_busy_timeout (DebriefStore *self, guint timeout_ms);
gboolean debrief_store_wait (DebriefStore *self, GError **error);
gboolean debrief_store_has_pending (DebriefStore *self);
sqlite3 *debrief_store_open_reader (DebriefStore *self, GError **error);
sqlite3 *debrief_store_open_reader_at (const char *path, GError **error);
gboolean debrief_store_prepare (sqlite3 *db, const char *sql, sqlite3_stmt **stmt, GError **error);
gboolean debrief_store_bind (sqlite3_stmt *stmt, GVariant *params, GError **error);
void     debrief_store_set_sqlite_error (GError **error, sqlite3 *db, int rc, const char *path);
const char *debrief_store_column_text (sqlite3_stmt *stmt, int column);
gint64      debrief_store_column_time (sqlite3_stmt *stmt, int column);
GVariant   *debrief_store_time_variant (gint64 utc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DebriefStore, debrief_store_free)

G_END_DECLS
