/* debrief-pdf-private.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "debrief-export-private.h"

G_BEGIN_DECLS

/* A small typesetting engine for the PDF export: a document is a list of
 * blocks (text, tables, drawings) that is laid out once to find where the
 * pages break and how many pages there are, then drawn. Text is laid out
 * by pango and drawn line by line, so nothing is ever clipped: a block
 * that does not fit continues on the next page. */

#define DEBRIEF_PDF_MAX_COLUMNS 8
#define DEBRIEF_PDF_MAX_QUOTES  8

typedef struct
{
  double r, g, b;
} DebriefPdfColor;

typedef enum
{
  DEBRIEF_PDF_STYLE_BODY,
  DEBRIEF_PDF_STYLE_QUOTE,
  DEBRIEF_PDF_STYLE_CODE,
  DEBRIEF_PDF_STYLE_TITLE,
  DEBRIEF_PDF_STYLE_KICKER,
  DEBRIEF_PDF_STYLE_H1,
  DEBRIEF_PDF_STYLE_H2,
  DEBRIEF_PDF_STYLE_H3,
  DEBRIEF_PDF_STYLE_H4,
  DEBRIEF_PDF_STYLE_TABLE,
  DEBRIEF_PDF_STYLE_TABLE_HEADER,
  DEBRIEF_PDF_STYLE_LABEL,
  DEBRIEF_PDF_STYLE_VALUE,
  DEBRIEF_PDF_STYLE_NOTE,
  DEBRIEF_PDF_STYLE_MARKER,
  DEBRIEF_PDF_STYLE_RUNNING,
  DEBRIEF_PDF_STYLE_MARKING,
  DEBRIEF_PDF_STYLE_CHART,
  DEBRIEF_PDF_STYLE_CHART_BOLD,
  DEBRIEF_PDF_N_STYLES
} DebriefPdfStyle;

typedef struct
{
  guint start;
  guint end;
  char *uri;
} DebriefPdfLink;

typedef struct
{
  PangoLayoutLine *line;
  double           top;
  double           bottom;
  double           baseline;
  double           x;
} DebriefPdfLine;

/* A piece of text. It is laid out (measured) later, with all the other
 * texts of the document, on as many threads as there are processors. */
typedef struct
{
  gatomicrefcount ref_count;
  DebriefPdfStyle style;
  char           *source;
  gboolean        markup;
  PangoAttrList  *attrs;
  PangoAlignment  alignment;
  double          wrap_width;

  /* Once measured */
  PangoLayout    *layout;
  GArray         *lines; /* DebriefPdfLine, in points from the layout's top */
  GArray         *links; /* DebriefPdfLink */
  DebriefPdfColor color;
  double          width;
  double          height;
} DebriefPdfText;

typedef enum
{
  DEBRIEF_PDF_BLOCK_TEXT,
  DEBRIEF_PDF_BLOCK_TABLE,
  DEBRIEF_PDF_BLOCK_DRAWING,
  DEBRIEF_PDF_BLOCK_RULE,
} DebriefPdfBlockType;

typedef struct _DebriefPdfDoc DebriefPdfDoc;

typedef void (*DebriefPdfDrawFunc) (
    DebriefPdfDoc *doc, cairo_t *cr, double x, double y, double width, gpointer data);

typedef struct
{
  DebriefPdfText **cells;
  gboolean         span;           /* the first cell spans all columns */
  gboolean         keep_with_next; /* never the last row on a page */
  gboolean         has_background;
  DebriefPdfColor  background;
  gboolean         accent_edge;
  DebriefPdfColor  accent;
} DebriefPdfRow;

typedef struct
{
  guint          n_columns;
  double         widths[DEBRIEF_PDF_MAX_COLUMNS];
  DebriefPdfRow *header;
  GPtrArray     *rows; /* DebriefPdfRow */
  double         pad_x;
  double         pad_y;
} DebriefPdfTable;

typedef struct
{
  DebriefPdfBlockType type;
  double              indent;
  double              space_before;
  gboolean            keep_with_next;

  /* Text */
  DebriefPdfText *text;
  DebriefPdfText *marker;
  guint           quote_depth;
  double          quote_x[DEBRIEF_PDF_MAX_QUOTES];
  gboolean        quote_joined;
  gboolean        boxed;
  double          box_pad;
  DebriefPdfColor box_color;

  /* A heading: its entry in the outline */
  int   outline_level;
  char *outline_title;

  /* Table */
  DebriefPdfTable *table;

  /* Drawing */
  double             height;
  DebriefPdfDrawFunc draw;
  gpointer           data;
  GDestroyNotify     destroy;

  /* Rule */
  DebriefPdfColor rule_color;
  double          rule_width;
  double          rule_length;
} DebriefPdfBlock;

struct _DebriefPdfDoc
{
  PangoFontMap         *font_map;
  PangoContext         *context;
  PangoFontDescription *fonts[DEBRIEF_PDF_N_STYLES];
  DebriefPdfColor       colors[DEBRIEF_PDF_N_STYLES];
  double                spacing[DEBRIEF_PDF_N_STYLES];

  double page_width;
  double page_height;
  double margin_left;
  double margin_right;
  double margin_top;
  double margin_bottom;
  double content_width;

  DebriefPdfColor accent;
  char           *running_title;
  char           *running_left;
  char           *marking;
  DebriefPdfColor marking_color;

  GPtrArray  *blocks; /* DebriefPdfBlock */
  GPtrArray  *pages;  /* GArray of DebriefPdfItem */
  GHashTable *shared; /* key -> DebriefPdfText, for texts that repeat */
  GHashTable *widths; /* key -> natural width, for texts measured for a column */

  /* Characters no font has, drawn as boxes; filled while measuring */
  GHashTable *missing; /* gunichar */
};

DebriefPdfDoc *_debrief_pdf_doc_new (double width, double height);
void           _debrief_pdf_doc_free (DebriefPdfDoc *doc);
char          *_debrief_pdf_doc_get_missing (DebriefPdfDoc *doc);

DebriefPdfText *_debrief_pdf_text_new (DebriefPdfDoc  *doc,
                                       DebriefPdfStyle style,
                                       const char     *text,
                                       PangoAttrList  *attrs,
                                       GArray         *links,
                                       double          width);
DebriefPdfText *_debrief_pdf_text_new_markup (DebriefPdfDoc  *doc,
                                              DebriefPdfStyle style,
                                              const char     *markup,
                                              double          width);
DebriefPdfText *_debrief_pdf_text_new_shared (
    DebriefPdfDoc *doc, DebriefPdfStyle style, const char *text, gboolean markup, double width);
DebriefPdfText *_debrief_pdf_text_ref (DebriefPdfText *text);
void            _debrief_pdf_text_free (DebriefPdfText *text);
void            _debrief_pdf_text_set_alignment (DebriefPdfText *text, PangoAlignment alignment);
double          _debrief_pdf_text_natural_width (DebriefPdfDoc  *doc,
                                                 DebriefPdfStyle style,
                                                 const char     *text,
                                                 PangoAttrList  *attrs);
double
_debrief_pdf_markup_natural_width (DebriefPdfDoc *doc, DebriefPdfStyle style, const char *markup);
void _debrief_pdf_text_draw (
    DebriefPdfText *text, cairo_t *cr, double x, double y, guint first_line, guint end_line);

DebriefPdfBlock *_debrief_pdf_add_text (DebriefPdfDoc  *doc,
                                        DebriefPdfStyle style,
                                        const char     *text,
                                        PangoAttrList  *attrs,
                                        GArray         *links,
                                        double          indent,
                                        double          space_before);
DebriefPdfBlock *_debrief_pdf_add_heading (DebriefPdfDoc  *doc,
                                           DebriefPdfStyle style,
                                           const char     *title,
                                           int             outline_level,
                                           double          indent,
                                           double          space_before);
DebriefPdfBlock *_debrief_pdf_add_block (DebriefPdfDoc *doc, DebriefPdfBlockType type);
DebriefPdfBlock *_debrief_pdf_add_drawing (DebriefPdfDoc     *doc,
                                           double             height,
                                           double             space_before,
                                           DebriefPdfDrawFunc draw,
                                           gpointer           data,
                                           GDestroyNotify     destroy);
DebriefPdfBlock *_debrief_pdf_add_rule (
    DebriefPdfDoc *doc, DebriefPdfColor color, double width, double length, double space_before);

DebriefPdfTable *_debrief_pdf_table_new (guint n_columns, const double *widths);
void             _debrief_pdf_table_free (DebriefPdfTable *table);
DebriefPdfRow   *_debrief_pdf_table_add_row (DebriefPdfTable *table);
DebriefPdfRow   *_debrief_pdf_table_set_header (DebriefPdfTable *table);
DebriefPdfBlock *_debrief_pdf_add_table (DebriefPdfDoc   *doc,
                                         DebriefPdfTable *table,
                                         double           indent,
                                         double           space_before);

gboolean _debrief_pdf_measure (DebriefPdfDoc *doc, DebriefExportJob *job, GError **error);
gboolean _debrief_pdf_paginate (DebriefPdfDoc *doc, DebriefExportJob *job, GError **error);
GBytes  *_debrief_pdf_draw (DebriefPdfDoc    *doc,
                            const char       *title,
                            const char       *subject,
                            gint64            created,
                            DebriefExportJob *job,
                            GError          **error);

void _debrief_pdf_add_markdown (
    DebriefPdfDoc *doc, const char *markdown, gboolean links, GPtrArray *names, int outline_level);

char   *_debrief_pdf_format_number (double value);
GArray *_debrief_pdf_links_new (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DebriefPdfDoc, _debrief_pdf_doc_free)

G_END_DECLS
