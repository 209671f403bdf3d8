/* debrief-ui-test.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "debrief-application.h"
#include "debrief-test-util.h"
#include "debrief-window.h"

G_BEGIN_DECLS

typedef gboolean (*DebriefUiCondition) (gpointer data);

void                debrief_ui_test_init (int *argc, char ***argv);
DebriefApplication *debrief_ui_test_get_app (void);
void                debrief_ui_test_run_until (DebriefUiCondition condition, gpointer data);
void                debrief_ui_test_run_for (guint ms);
DebriefWindow      *debrief_ui_test_open_window (GFile *file);
void                debrief_ui_test_show_report (DebriefWindow *window, DebriefReport *report);
void                debrief_ui_test_close_window (DebriefWindow *window);
GPtrArray          *debrief_ui_test_find (GtkWidget *root, GType type);
GtkWidget          *debrief_ui_test_find_first (GtkWidget *root, GType type);
GtkWindow          *debrief_ui_test_find_dialog (GType type);
void                debrief_ui_test_type (GtkTextView *view, const char *text);
void                debrief_ui_test_screenshot (GtkWidget *widget, const char *name);
int                 debrief_ui_test_finish (int status);

G_END_DECLS
