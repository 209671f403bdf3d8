/* debrief-file.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean debrief_file_write_atomic (GFile *file, const void *data, gsize length, GError **error);
GBytes  *debrief_file_read (GFile *file, gsize max_bytes, GError **error);

G_END_DECLS
