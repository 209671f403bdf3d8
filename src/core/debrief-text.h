/* debrief-text.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Limits on what a report holds, in bytes of UTF-8. */
#define DEBRIEF_MAX_LINE_BYTES    4096
#define DEBRIEF_MAX_SECTION_BYTES (2 * 1024 * 1024)

gboolean debrief_text_validate (const char *text,
                                gssize      length,
                                gsize       max_bytes,
                                gboolean    multiline,
                                const char *what,
                                GError    **error);
char    *debrief_text_format_size (gsize bytes);

G_END_DECLS
