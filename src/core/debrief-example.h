/* debrief-example.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-library.h"

G_BEGIN_DECLS

DebriefReport *debrief_library_add_example (DebriefLibrary *library, GError **error);

G_END_DECLS
