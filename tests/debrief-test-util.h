/* debrief-test-util.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "debrief-core.h"

G_BEGIN_DECLS

void debrief_test_init (int *argc, char ***argv);

char           *debrief_test_make_dir (void);
void            debrief_test_remove_dir (const char *path);
GFile          *debrief_test_file (const char *dir, const char *name);
DebriefLibrary *debrief_test_open_library (GFile *file);
char           *debrief_test_sha256_file (const char *path);
void            debrief_test_write_file (const char *path, const void *data, gssize length);
char           *debrief_test_read_file (const char *path, gsize *length);

void     debrief_test_spin (guint milliseconds);
gboolean debrief_test_spin_until (gboolean *flag, guint timeout_ms);
void     debrief_test_wait_for_last_ref (gpointer object);

char *debrief_test_dump_report (DebriefReport *report);
char *debrief_test_dump_library (DebriefLibrary *library);
char *debrief_test_dump_in_subprocess (GFile *file);

gint64  debrief_test_query_int (const char *path, const char *sql);
char   *debrief_test_query_text (const char *path, const char *sql);
void    debrief_test_exec (const char *path, const char *sql);
guint32 debrief_test_header_u32 (const char *path, guint offset);

gboolean debrief_test_make_read_only (const char *path);
void     debrief_test_make_writable (const char *path);

DebriefReport *debrief_test_create_report (DebriefLibrary *library, const char *title);

G_END_DECLS
