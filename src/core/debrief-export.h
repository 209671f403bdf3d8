/* debrief-export.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "debrief-profile.h"
#include "debrief-report.h"

G_BEGIN_DECLS

typedef enum
{
  DEBRIEF_EXPORT_FORMAT_PDF,      /*< nick=pdf >*/
  DEBRIEF_EXPORT_FORMAT_MARKDOWN, /*< nick=md >*/
  DEBRIEF_EXPORT_FORMAT_JSON,     /*< nick=json >*/
} DebriefExportFormat;

/**
 * DebriefPaper:
 * @DEBRIEF_PAPER_AUTO: the paper size of the user's locale (`LC_PAPER`)
 * @DEBRIEF_PAPER_A4: ISO A4, 210 × 297 mm
 * @DEBRIEF_PAPER_LETTER: US Letter, 8.5 × 11 in
 */
typedef enum
{
  DEBRIEF_PAPER_AUTO,   /*< nick=auto >*/
  DEBRIEF_PAPER_A4,     /*< nick=a4 >*/
  DEBRIEF_PAPER_LETTER, /*< nick=letter >*/
} DebriefPaper;

/**
 * DebriefExportProgress:
 * @fraction: how much of the export is done, from 0 to 1
 *
 * Called on the thread that started the export, as it progresses.
 */
typedef void (*DebriefExportProgress) (double fraction, gpointer user_data);

#define DEBRIEF_TYPE_EXPORT_OPTIONS (debrief_export_options_get_type ())

G_DECLARE_FINAL_TYPE (
    DebriefExportOptions, debrief_export_options, DEBRIEF, EXPORT_OPTIONS, GObject)

DebriefExportOptions *debrief_export_options_new (void);
DebriefExportOptions *debrief_export_options_copy (DebriefExportOptions *self);
DebriefExportFormat   debrief_export_options_get_format (DebriefExportOptions *self);
void debrief_export_options_set_format (DebriefExportOptions *self, DebriefExportFormat format);
const char  *debrief_export_options_get_profile (DebriefExportOptions *self);
gboolean     debrief_export_options_set_profile (DebriefExportOptions *self,
                                                 const char           *profile,
                                                 GError              **error);
DebriefPaper debrief_export_options_get_paper (DebriefExportOptions *self);
void         debrief_export_options_set_paper (DebriefExportOptions *self, DebriefPaper paper);
const char  *debrief_export_options_get_classification (DebriefExportOptions *self);
void
debrief_export_options_set_classification (DebriefExportOptions *self, const char *classification);
gint64   debrief_export_options_get_generated_at (DebriefExportOptions *self);
void     debrief_export_options_set_generated_at (DebriefExportOptions *self, gint64 generated_at);
gboolean debrief_export_options_set_field (DebriefExportOptions *self,
                                           const char           *field,
                                           const char           *value,
                                           GError              **error);

DebriefPaper debrief_paper_from_locale (void);
void         debrief_paper_get_size (DebriefPaper paper, double *width, double *height);

const char *debrief_export_format_get_extension (DebriefExportFormat format);
const char *debrief_export_format_get_content_type (DebriefExportFormat format);

void     debrief_export_async (DebriefReport        *report,
                               DebriefExportOptions *options,
                               GFile                *file,
                               GCancellable         *cancellable,
                               DebriefExportProgress progress,
                               gpointer              progress_data,
                               GDestroyNotify        progress_data_destroy,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data);
gboolean debrief_export_finish (GAsyncResult *result, GError **error);
gboolean debrief_export_to_file (DebriefReport        *report,
                                 DebriefExportOptions *options,
                                 GFile                *file,
                                 GCancellable         *cancellable,
                                 GError              **error);
gboolean debrief_export_to_file_full (DebriefReport        *report,
                                      DebriefExportOptions *options,
                                      GFile                *file,
                                      GCancellable         *cancellable,
                                      char                **missing_characters,
                                      GError              **error);
char    *debrief_export_get_missing_characters (GAsyncResult *result);
char    *debrief_export_describe_missing_characters (const char *missing);

void    debrief_export_to_bytes_async (DebriefReport        *report,
                                       DebriefExportOptions *options,
                                       GCancellable         *cancellable,
                                       DebriefExportProgress progress,
                                       gpointer              progress_data,
                                       GDestroyNotify        progress_data_destroy,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
GBytes *debrief_export_to_bytes_finish (GAsyncResult *result, GError **error);
GBytes *debrief_export_to_bytes (DebriefReport        *report,
                                 DebriefExportOptions *options,
                                 GCancellable         *cancellable,
                                 GError              **error);
GBytes *debrief_export_to_bytes_full (DebriefReport        *report,
                                      DebriefExportOptions *options,
                                      GCancellable         *cancellable,
                                      char                **missing_characters,
                                      GError              **error);

void debrief_export_render_page_async (GBytes             *pdf,
                                       guint               page,
                                       double              scale,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data);
cairo_surface_t *
debrief_export_render_page_finish (GAsyncResult *result, guint *n_pages, GError **error);
cairo_surface_t *debrief_export_render_page (GBytes       *pdf,
                                             guint         page,
                                             double        scale,
                                             guint        *n_pages,
                                             GCancellable *cancellable,
                                             GError      **error);

G_END_DECLS
