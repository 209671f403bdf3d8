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

char           *debrief_test_make_dir (void);
void            debrief_test_remove_dir (const char *path);
GFile          *debrief_test_file (const char *dir, const char *name);
DebriefLibrary *debrief_test_open_library (GFile *file);
char           *debrief_test_sha256_file (const char *path);
void            debrief_test_write_file (const char *path, const void *data, gssize length);

G_END_DECLS
