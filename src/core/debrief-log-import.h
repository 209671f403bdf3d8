/* debrief-log-import.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "debrief-log-problem.h"
#include "debrief-report.h"

G_BEGIN_DECLS

/**
 * DebriefLogFormat:
 * @DEBRIEF_LOG_FORMAT_AUTO: find out from the file's name and contents
 * @DEBRIEF_LOG_FORMAT_TEXT: plain lines, each entry starting with a time
 * @DEBRIEF_LOG_FORMAT_CSV: CSV with a header naming the columns
 * @DEBRIEF_LOG_FORMAT_SLACK: a Slack channel export (JSON)
 */
typedef enum
{
  DEBRIEF_LOG_FORMAT_AUTO,  /*< nick=auto >*/
  DEBRIEF_LOG_FORMAT_TEXT,  /*< nick=text >*/
  DEBRIEF_LOG_FORMAT_CSV,   /*< nick=csv >*/
  DEBRIEF_LOG_FORMAT_SLACK, /*< nick=slack >*/
} DebriefLogFormat;

/* The largest log Debrief imports; larger files are refused before they
 * are read. A capture log of 100,000 lines takes about 6 MB. */
#define DEBRIEF_LOG_IMPORT_MAX_BYTES (32 * 1024 * 1024)

#define DEBRIEF_TYPE_LOG_IMPORT (debrief_log_import_get_type ())

G_DECLARE_FINAL_TYPE (DebriefLogImport, debrief_log_import, DEBRIEF, LOG_IMPORT, GObject)

DebriefLogImport *debrief_log_import_new_from_bytes (DebriefReport   *report,
                                                     GBytes          *bytes,
                                                     DebriefLogFormat format,
                                                     GError         **error);
DebriefLogImport *debrief_log_import_new_from_file (DebriefReport   *report,
                                                    GFile           *file,
                                                    DebriefLogFormat format,
                                                    GError         **error);
void              debrief_log_import_new_from_file_async (DebriefReport      *report,
                                                          GFile              *file,
                                                          DebriefLogFormat    format,
                                                          GCancellable       *cancellable,
                                                          GAsyncReadyCallback callback,
                                                          gpointer            user_data);
DebriefLogImport *debrief_log_import_new_from_file_finish (GAsyncResult *result, GError **error);

DebriefReport   *debrief_log_import_get_report (DebriefLogImport *self);
DebriefLogFormat debrief_log_import_get_format (DebriefLogImport *self);
GListModel      *debrief_log_import_get_entries (DebriefLogImport *self);
GListModel      *debrief_log_import_get_problems (DebriefLogImport *self);
guint            debrief_log_import_get_n_lines (DebriefLogImport *self);
void             debrief_log_import_get_start_date (DebriefLogImport *self, GDate *date);
gboolean
debrief_log_import_set_start_date (DebriefLogImport *self, const GDate *date, GError **error);
gboolean   debrief_log_import_get_applied (DebriefLogImport *self);
GPtrArray *debrief_log_import_apply (DebriefLogImport *self);

G_END_DECLS
