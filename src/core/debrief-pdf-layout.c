/* debrief-pdf-layout.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "debrief-error.h"
#include "debrief-pdf-private.h"
#include "debrief-time.h"

/* Pagination and drawing of a DebriefPdfDoc. Pagination decides, for every
 * block, on which page each of its lines (or table rows, or row parts)
 * goes; drawing then only follows those decisions, so the page count is
 * known before the first footer is drawn. */

/* The part of a table row on one page */
typedef struct
{
  guint  row;
  guint  first[DEBRIEF_PDF_MAX_COLUMNS];
  guint  end[DEBRIEF_PDF_MAX_COLUMNS];
  double height;
} Frag;

/* The part of a block on one page */
typedef struct
{
  DebriefPdfBlock *block;
  double           y;
  double           height;
  guint            first_line;
  guint            end_line;
  GArray          *frags;
} Item;

typedef struct
{
  DebriefPdfDoc *doc;
  GArray        *page;
  double         y;
  double         top;
  double         bottom;
} Pager;

typedef struct
{
  const char *font;
  double      r, g, b;
  double      spacing;
} StyleInfo;

#define SANS  "Noto Sans, DejaVu Sans"
#define SERIF "Noto Serif, DejaVu Serif"
#define MONO  "Noto Sans Mono, DejaVu Sans Mono"

static const StyleInfo style_info[DEBRIEF_PDF_N_STYLES] = {
  [DEBRIEF_PDF_STYLE_BODY] = { SERIF " 10", 0.12, 0.12, 0.14, 1.0 },
  [DEBRIEF_PDF_STYLE_QUOTE] = { SERIF " Italic 10", 0.32, 0.32, 0.36, 1.0 },
  [DEBRIEF_PDF_STYLE_CODE] = { MONO " 8.2", 0.14, 0.15, 0.18, 1.0 },
  [DEBRIEF_PDF_STYLE_TITLE] = { SANS " 23", 0.07, 0.08, 0.10, 0.86 },
  [DEBRIEF_PDF_STYLE_KICKER] = { SANS " Bold 7.5", 0.35, 0.35, 0.38, 0.9 },
  [DEBRIEF_PDF_STYLE_H1] = { SANS " Bold 14.5", 0.07, 0.08, 0.10, 0.9 },
  [DEBRIEF_PDF_STYLE_H2] = { SANS " Bold 11.5", 0.10, 0.11, 0.13, 0.92 },
  [DEBRIEF_PDF_STYLE_H3] = { SANS " Bold 10", 0.12, 0.12, 0.14, 0.95 },
  [DEBRIEF_PDF_STYLE_H4] = { SANS " Semi-Bold 9.5", 0.25, 0.25, 0.28, 0.95 },
  [DEBRIEF_PDF_STYLE_TABLE] = { SANS " 8", 0.12, 0.12, 0.14, 0.92 },
  [DEBRIEF_PDF_STYLE_TABLE_HEADER] = { SANS " Bold 7.2", 0.36, 0.37, 0.40, 0.9 },
  [DEBRIEF_PDF_STYLE_LABEL] = { SANS " 8.5", 0.42, 0.43, 0.46, 0.92 },
  [DEBRIEF_PDF_STYLE_VALUE] = { SANS " 9", 0.10, 0.10, 0.12, 0.92 },
  [DEBRIEF_PDF_STYLE_NOTE] = { SANS " Italic 8.5", 0.42, 0.43, 0.46, 0.92 },
  [DEBRIEF_PDF_STYLE_MARKER] = { SERIF " 10", 0.40, 0.40, 0.44, 1.0 },
  [DEBRIEF_PDF_STYLE_RUNNING] = { SANS " 7.5", 0.42, 0.43, 0.46, 0 },
  [DEBRIEF_PDF_STYLE_MARKING] = { SANS " Bold 7", 0.50, 0.10, 0.10, 0 },
  [DEBRIEF_PDF_STYLE_CHART] = { SANS " 6.8", 0.30, 0.31, 0.34, 0 },
  [DEBRIEF_PDF_STYLE_CHART_BOLD] = { SANS " Bold 6.8", 0.16, 0.17, 0.19, 0 },
};

static const DebriefPdfColor rule_light = { 0.87, 0.88, 0.90 };
static const DebriefPdfColor rule_dark = { 0.55, 0.56, 0.60 };
static const DebriefPdfColor header_fill = { 0.955, 0.96, 0.967 };
static const DebriefPdfColor quote_bar = { 0.80, 0.81, 0.84 };

static void
set_color (cairo_t *cr, const DebriefPdfColor *color)
{
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
}

/**
 * _debrief_pdf_format_number:
 *
 * Formats a coordinate for a cairo tag attribute, with a dot whatever the
 * locale.
 */
char *
_debrief_pdf_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

static void
link_clear (gpointer data)
{
  DebriefPdfLink *link = data;

  g_free (link->uri);
}

/**
 * _debrief_pdf_links_new:
 *
 * Returns: (transfer full): an empty array of DebriefPdfLink
 */
GArray *
_debrief_pdf_links_new (void)
{
  GArray *links = g_array_new (FALSE, TRUE, sizeof (DebriefPdfLink));

  g_array_set_clear_func (links, link_clear);
  return links;
}

static void row_free (gpointer data);

static void
block_free (gpointer data)
{
  DebriefPdfBlock *block = data;

  g_clear_pointer (&block->text, _debrief_pdf_text_free);
  g_clear_pointer (&block->marker, _debrief_pdf_text_free);
  g_free (block->outline_title);
  g_clear_pointer (&block->table, _debrief_pdf_table_free);
  if (block->destroy != NULL)
    block->destroy (block->data);
  g_free (block);
}

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_pointer (&item->frags, g_array_unref);
}

static PangoContext *
context_new (PangoFontMap *font_map)
{
  PangoContext         *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Metrics that do not depend on a device, as the PDF has none */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);

  return context;
}

static PangoLayout *
layout_new (DebriefPdfDoc *doc, PangoContext *context, DebriefPdfStyle style, double width)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, doc->fonts[style]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_line_spacing (layout, (float) doc->spacing[style]);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));

  return layout;
}

DebriefPdfDoc *
_debrief_pdf_doc_new (double width, double height)
{
  DebriefPdfDoc *doc = g_new0 (DebriefPdfDoc, 1);

  /* A font map of its own: this runs on a worker thread */
  doc->font_map = pango_cairo_font_map_new ();
  doc->context = context_new (doc->font_map);

  for (guint i = 0; i < DEBRIEF_PDF_N_STYLES; i++)
    {
      doc->fonts[i] = pango_font_description_from_string (style_info[i].font);
      doc->colors[i] = (DebriefPdfColor){ style_info[i].r, style_info[i].g, style_info[i].b };
      doc->spacing[i] = style_info[i].spacing;
    }

  doc->page_width = width;
  doc->page_height = height;
  doc->margin_left = 64;
  doc->margin_right = 64;
  doc->margin_top = 74;
  doc->margin_bottom = 70;
  doc->content_width = width - doc->margin_left - doc->margin_right;
  doc->accent = (DebriefPdfColor){ 0.2, 0.4, 0.7 };
  doc->marking_color = (DebriefPdfColor){ 0.5, 0.1, 0.1 };
  doc->blocks = g_ptr_array_new_with_free_func (block_free);
  doc->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  doc->shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) _debrief_pdf_text_free);
  doc->widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  doc->missing = g_hash_table_new (NULL, NULL);

  return doc;
}

static int
compare_chars (gconstpointer a, gconstpointer b)
{
  gunichar ca = *(const gunichar *) a;
  gunichar cb = *(const gunichar *) b;

  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

/**
 * _debrief_pdf_doc_get_missing:
 *
 * Call once the document is drawn.
 *
 * Returns: (transfer full) (nullable): the characters no font has, in
 *   code point order, or %NULL if every character has a font
 */
char *
_debrief_pdf_doc_get_missing (DebriefPdfDoc *doc)
{
  g_autoptr (GArray) chars = NULL;
  GHashTableIter iter;
  gpointer       key;
  GString       *out;

  if (g_hash_table_size (doc->missing) == 0)
    return NULL;

  chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_hash_table_iter_init (&iter, doc->missing);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gunichar c = GPOINTER_TO_UINT (key);

      g_array_append_val (chars, c);
    }
  g_array_sort (chars, compare_chars);
  out = g_string_new (NULL);
  for (guint i = 0; i < chars->len; i++)
    g_string_append_unichar (out, g_array_index (chars, gunichar, i));

  return g_string_free (out, FALSE);
}

void
_debrief_pdf_doc_free (DebriefPdfDoc *doc)
{
  if (doc == NULL)
    return;

  /* Pages point into the blocks */
  g_clear_pointer (&doc->pages, g_ptr_array_unref);
  g_clear_pointer (&doc->blocks, g_ptr_array_unref);
  g_clear_pointer (&doc->shared, g_hash_table_unref);
  g_clear_pointer (&doc->widths, g_hash_table_unref);
  g_clear_pointer (&doc->missing, g_hash_table_unref);
  for (guint i = 0; i < DEBRIEF_PDF_N_STYLES; i++)
    g_clear_pointer (&doc->fonts[i], pango_font_description_free);
  g_clear_object (&doc->context);
  g_clear_object (&doc->font_map);
  g_free (doc->running_title);
  g_free (doc->running_left);
  g_free (doc->marking);
  g_free (doc);
}

/* Pango draws a character that no font has as a box, and marks its glyph
 * as unknown with the character in it */
static void
note_missing (DebriefPdfDoc *doc, PangoLayoutLine *line)
{
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem   *run = l->data;
      PangoGlyphString *glyphs = run->glyphs;

      for (int i = 0; i < glyphs->num_glyphs; i++)
        {
          PangoGlyph glyph = glyphs->glyphs[i].glyph;
          gunichar   c;

          if (glyph == PANGO_GLYPH_EMPTY || (glyph & PANGO_GLYPH_UNKNOWN_FLAG) == 0)
            continue;
          c = glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
          if (c < 0x20 || !g_unichar_validate (c) || g_unichar_iszerowidth (c))
            continue;

          g_hash_table_add (doc->missing, GUINT_TO_POINTER (c));
        }
    }
}

static void
note_missing_layout (DebriefPdfDoc *doc, PangoLayout *layout)
{
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    note_missing (doc, l->data);
}

/* Lays out @t */
static void
text_measure (DebriefPdfDoc *doc, DebriefPdfText *t)
{
  PangoLayoutIter *iter;
  PangoRectangle   logical;

  g_autoptr (PangoAttrList) attrs = NULL;
  g_autofree char *plain = NULL;
  PangoAttribute  *no_hyphens;

  t->layout = layout_new (doc, doc->context, t->style, t->wrap_width);
  if (t->markup)
    {
      if (!pango_parse_markup (t->source, -1, 0, &attrs, &plain, NULL, NULL))
        {
          plain = g_strdup (t->source);
          attrs = pango_attr_list_new ();
        }
    }
  else
    attrs = t->attrs != NULL ? pango_attr_list_copy (t->attrs) : pango_attr_list_new ();

  /* A word broken to fit (a long identifier, an address) gets no hyphen
   * that is not in the text */
  no_hyphens = pango_attr_insert_hyphens_new (FALSE);
  pango_attr_list_insert_before (attrs, no_hyphens);
  pango_layout_set_text (t->layout, plain != NULL ? plain : t->source, -1);
  pango_layout_set_attributes (t->layout, attrs);
  if (t->alignment != PANGO_ALIGN_LEFT)
    pango_layout_set_alignment (t->layout, t->alignment);

  t->lines = g_array_new (FALSE, FALSE, sizeof (DebriefPdfLine));
  iter = pango_layout_get_iter (t->layout);
  do
    {
      DebriefPdfLine line;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.line = pango_layout_iter_get_line_readonly (iter);
      line.top = (double) logical.y / PANGO_SCALE;
      line.bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      line.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      line.x = (double) logical.x / PANGO_SCALE;
      g_array_append_val (t->lines, line);
      note_missing (doc, line.line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  pango_layout_get_extents (t->layout, NULL, &logical);
  t->height = (double) logical.height / PANGO_SCALE;
  t->width = t->wrap_width > 0 ? t->wrap_width : (double) logical.width / PANGO_SCALE;

  /* The source is in the layout now */
  g_clear_pointer (&t->source, g_free);
  g_clear_pointer (&t->attrs, pango_attr_list_unref);
}

static DebriefPdfText *
text_alloc (DebriefPdfDoc *doc, DebriefPdfStyle style, double width)
{
  DebriefPdfText *t = g_new0 (DebriefPdfText, 1);

  g_atomic_ref_count_init (&t->ref_count);
  t->style = style;
  t->color = doc->colors[style];
  t->wrap_width = width;
  t->alignment = PANGO_ALIGN_LEFT;

  return t;
}

/**
 * _debrief_pdf_text_new:
 * @attrs: (nullable): pango attributes for @text
 * @links: (nullable): DebriefPdfLink ranges of @text
 * @width: the width to wrap at, or 0 not to wrap
 */
DebriefPdfText *
_debrief_pdf_text_new (DebriefPdfDoc  *doc,
                       DebriefPdfStyle style,
                       const char     *text,
                       PangoAttrList  *attrs,
                       GArray         *links,
                       double          width)
{
  DebriefPdfText *t = text_alloc (doc, style, width);

  t->source = g_strdup (text);
  if (attrs != NULL)
    t->attrs = pango_attr_list_ref (attrs);
  if (links != NULL && links->len > 0)
    t->links = g_array_ref (links);

  return t;
}

DebriefPdfText *
_debrief_pdf_text_new_markup (DebriefPdfDoc  *doc,
                              DebriefPdfStyle style,
                              const char     *markup,
                              double          width)
{
  DebriefPdfText *t = text_alloc (doc, style, width);

  t->source = g_strdup (markup);
  t->markup = TRUE;

  return t;
}

/**
 * _debrief_pdf_text_new_shared:
 *
 * A text that appears many times (a status, a kind of entry) is laid out
 * once and drawn wherever it appears.
 *
 * Returns: (transfer full): the text
 */
DebriefPdfText *
_debrief_pdf_text_new_shared (
    DebriefPdfDoc *doc, DebriefPdfStyle style, const char *text, gboolean markup, double width)
{
  g_autofree char *w = _debrief_pdf_format_number (width);
  char            *key = g_strdup_printf ("%d|%d|%s|%s", (int) style, markup, w, text);
  DebriefPdfText  *t = g_hash_table_lookup (doc->shared, key);

  if (t != NULL)
    {
      g_free (key);
      return _debrief_pdf_text_ref (t);
    }

  t = markup ? _debrief_pdf_text_new_markup (doc, style, text, width)
             : _debrief_pdf_text_new (doc, style, text, NULL, NULL, width);
  g_hash_table_insert (doc->shared, key, _debrief_pdf_text_ref (t));

  return t;
}

void
_debrief_pdf_text_set_alignment (DebriefPdfText *text, PangoAlignment alignment)
{
  g_assert (text->layout == NULL);

  text->alignment = alignment;
}

/* The width of @text on one line. A column's texts repeat (the same owner
 * on many actions, the same words in them): each is laid out once. */
static double
natural_width (DebriefPdfDoc  *doc,
               DebriefPdfStyle style,
               const char     *text,
               gboolean        markup,
               PangoAttrList  *attrs)
{
  g_autoptr (PangoLayout) layout = NULL;
  g_autofree char *key = NULL;
  PangoRectangle   logical;
  double          *cached;
  double           width;

  if (attrs == NULL)
    {
      key = g_strdup_printf ("%d|%d|%s", (int) style, markup, text);
      cached = g_hash_table_lookup (doc->widths, key);
      if (cached != NULL)
        return *cached;
    }

  layout = layout_new (doc, doc->context, style, 0);
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);
  if (attrs != NULL)
    pango_layout_set_attributes (layout, attrs);
  pango_layout_get_extents (layout, NULL, &logical);
  width = (double) logical.width / PANGO_SCALE;

  if (key != NULL)
    g_hash_table_insert (doc->widths, g_steal_pointer (&key), g_memdup2 (&width, sizeof width));

  return width;
}

double
_debrief_pdf_text_natural_width (DebriefPdfDoc  *doc,
                                 DebriefPdfStyle style,
                                 const char     *text,
                                 PangoAttrList  *attrs)
{
  return natural_width (doc, style, text, FALSE, attrs);
}

double
_debrief_pdf_markup_natural_width (DebriefPdfDoc *doc, DebriefPdfStyle style, const char *markup)
{
  return natural_width (doc, style, markup, TRUE, NULL);
}

DebriefPdfText *
_debrief_pdf_text_ref (DebriefPdfText *text)
{
  g_atomic_ref_count_inc (&text->ref_count);
  return text;
}

void
_debrief_pdf_text_free (DebriefPdfText *text)
{
  if (text == NULL || !g_atomic_ref_count_dec (&text->ref_count))
    return;

  g_clear_object (&text->layout);
  g_clear_pointer (&text->lines, g_array_unref);
  g_clear_pointer (&text->links, g_array_unref);
  g_clear_pointer (&text->attrs, pango_attr_list_unref);
  g_free (text->source);
  g_free (text);
}

static double
lines_height (DebriefPdfText *t, guint first, guint end)
{
  if (first >= end)
    return 0;

  return g_array_index (t->lines, DebriefPdfLine, end - 1).bottom -
         g_array_index (t->lines, DebriefPdfLine, first).top;
}

static void
tag_link (cairo_t *cr, double x, double y, double width, double height, const char *uri)
{
  g_autofree char *sx = _debrief_pdf_format_number (x);
  g_autofree char *sy = _debrief_pdf_format_number (y);
  g_autofree char *sw = _debrief_pdf_format_number (width);
  g_autofree char *sh = _debrief_pdf_format_number (height);
  g_autoptr (GString) quoted = g_string_new (NULL);
  g_autofree char *attributes = NULL;

  for (const char *p = uri; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (quoted, '\\');
      g_string_append_c (quoted, *p);
    }

  attributes = g_strdup_printf ("rect=[%s %s %s %s] uri='%s'", sx, sy, sw, sh, quoted->str);
  cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
  cairo_tag_end (cr, CAIRO_TAG_LINK);
}

/**
 * _debrief_pdf_text_draw:
 * @y: where the top of line @first_line goes
 *
 * Draws lines @first_line to @end_line (exclusive) of @text, and makes
 * their links clickable.
 */
void
_debrief_pdf_text_draw (
    DebriefPdfText *text, cairo_t *cr, double x, double y, guint first_line, guint end_line)
{
  double top;

  end_line = MIN (end_line, text->lines->len);
  if (first_line >= end_line)
    return;

  top = g_array_index (text->lines, DebriefPdfLine, first_line).top;

  set_color (cr, &text->color);
  for (guint i = first_line; i < end_line; i++)
    {
      DebriefPdfLine *line = &g_array_index (text->lines, DebriefPdfLine, i);

      cairo_move_to (cr, x + line->x, y + line->baseline - top);
      pango_cairo_show_layout_line (cr, line->line);
    }

  for (guint l = 0; text->links != NULL && l < text->links->len; l++)
    {
      DebriefPdfLink *link = &g_array_index (text->links, DebriefPdfLink, l);

      for (guint i = first_line; i < end_line; i++)
        {
          DebriefPdfLine *line = &g_array_index (text->lines, DebriefPdfLine, i);
          guint           start = (guint) line->line->start_index;
          guint           end = start + (guint) line->line->length;
          int            *ranges = NULL;
          int             n_ranges = 0;

          if (link->end <= start || link->start >= end)
            continue;

          pango_layout_line_get_x_ranges (line->line, (int) MAX (link->start, start),
                                          (int) MIN (link->end, end), &ranges, &n_ranges);
          for (int r = 0; r < n_ranges; r++)
            {
              double x0 = (double) ranges[2 * r] / PANGO_SCALE;
              double x1 = (double) ranges[2 * r + 1] / PANGO_SCALE;

              if (x1 > x0)
                tag_link (cr, x + x0, y + line->top - top, x1 - x0, line->bottom - line->top,
                          link->uri);
            }
          g_free (ranges);
        }
    }
}

DebriefPdfBlock *
_debrief_pdf_add_block (DebriefPdfDoc *doc, DebriefPdfBlockType type)
{
  DebriefPdfBlock *block = g_new0 (DebriefPdfBlock, 1);

  block->type = type;
  g_ptr_array_add (doc->blocks, block);

  return block;
}

DebriefPdfBlock *
_debrief_pdf_add_text (DebriefPdfDoc  *doc,
                       DebriefPdfStyle style,
                       const char     *text,
                       PangoAttrList  *attrs,
                       GArray         *links,
                       double          indent,
                       double          space_before)
{
  DebriefPdfBlock *block = _debrief_pdf_add_block (doc, DEBRIEF_PDF_BLOCK_TEXT);

  block->indent = indent;
  block->space_before = space_before;
  block->text = _debrief_pdf_text_new (doc, style, text, attrs, links,
                                       doc->content_width - indent);

  return block;
}

/**
 * _debrief_pdf_add_heading:
 * @outline_level: the level in the PDF's outline, from 1, or 0 for none
 *
 * Adds a heading that is kept on the page of what follows it.
 */
DebriefPdfBlock *
_debrief_pdf_add_heading (DebriefPdfDoc  *doc,
                          DebriefPdfStyle style,
                          const char     *title,
                          int             outline_level,
                          double          indent,
                          double          space_before)
{
  DebriefPdfBlock *block = _debrief_pdf_add_text (doc, style, title, NULL, NULL, indent,
                                                  space_before);

  block->keep_with_next = TRUE;
  block->outline_level = outline_level;
  if (outline_level > 0)
    block->outline_title = g_strdup (title);

  return block;
}

DebriefPdfBlock *
_debrief_pdf_add_drawing (DebriefPdfDoc     *doc,
                          double             height,
                          double             space_before,
                          DebriefPdfDrawFunc draw,
                          gpointer           data,
                          GDestroyNotify     destroy)
{
  DebriefPdfBlock *block = _debrief_pdf_add_block (doc, DEBRIEF_PDF_BLOCK_DRAWING);

  block->height = height;
  block->space_before = space_before;
  block->draw = draw;
  block->data = data;
  block->destroy = destroy;

  return block;
}

/**
 * _debrief_pdf_add_rule:
 * @length: the rule's length, or 0 for the width of the text
 */
DebriefPdfBlock *
_debrief_pdf_add_rule (
    DebriefPdfDoc *doc, DebriefPdfColor color, double width, double length, double space_before)
{
  DebriefPdfBlock *block = _debrief_pdf_add_block (doc, DEBRIEF_PDF_BLOCK_RULE);

  block->rule_color = color;
  block->rule_width = width;
  block->rule_length = length;
  block->space_before = space_before;

  return block;
}

static void
row_free (gpointer data)
{
  DebriefPdfRow *row = data;

  for (guint i = 0; i < DEBRIEF_PDF_MAX_COLUMNS; i++)
    g_clear_pointer (&row->cells[i], _debrief_pdf_text_free);
  g_free (row->cells);
  g_free (row);
}

void
_debrief_pdf_table_free (DebriefPdfTable *table)
{
  if (table == NULL)
    return;

  if (table->header != NULL)
    row_free (table->header);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

DebriefPdfTable *
_debrief_pdf_table_new (guint n_columns, const double *widths)
{
  DebriefPdfTable *table = g_new0 (DebriefPdfTable, 1);

  g_assert (n_columns > 0 && n_columns <= DEBRIEF_PDF_MAX_COLUMNS);

  table->n_columns = n_columns;
  memcpy (table->widths, widths, n_columns * sizeof (double));
  table->rows = g_ptr_array_new_with_free_func (row_free);
  table->pad_x = 5;
  table->pad_y = 4;

  return table;
}

/* The cells are filled in by the caller, one DebriefPdfText per column */
DebriefPdfRow *
_debrief_pdf_table_add_row (DebriefPdfTable *table)
{
  DebriefPdfRow *row = g_new0 (DebriefPdfRow, 1);

  row->cells = g_new0 (DebriefPdfText *, DEBRIEF_PDF_MAX_COLUMNS + 1);
  g_ptr_array_add (table->rows, row);

  return row;
}

DebriefPdfRow *
_debrief_pdf_table_set_header (DebriefPdfTable *table)
{
  g_assert (table->header == NULL);

  table->header = g_new0 (DebriefPdfRow, 1);
  table->header->cells = g_new0 (DebriefPdfText *, DEBRIEF_PDF_MAX_COLUMNS + 1);

  return table->header;
}

DebriefPdfBlock *
_debrief_pdf_add_table (DebriefPdfDoc   *doc,
                        DebriefPdfTable *table,
                        double           indent,
                        double           space_before)
{
  DebriefPdfBlock *block = _debrief_pdf_add_block (doc, DEBRIEF_PDF_BLOCK_TABLE);

  block->table = table;
  block->indent = indent;
  block->space_before = space_before;

  return block;
}

/* Measuring: every text of the document is laid out by pango, on this
 * thread. Spreading it over a thread per processor, each with its own
 * font map, was 1.4 times faster but crashed now and then: cairo 1.16
 * closes FreeType faces that are not in use when more than ten are open,
 * and it can pick one that another thread is about to use. */

static void
collect_text (GPtrArray *texts, GHashTable *seen, DebriefPdfText *text)
{
  if (text != NULL && text->layout == NULL && g_hash_table_add (seen, text))
    g_ptr_array_add (texts, text);
}

static void
collect_row (GPtrArray *texts, GHashTable *seen, DebriefPdfRow *row)
{
  for (guint i = 0; i < DEBRIEF_PDF_MAX_COLUMNS; i++)
    collect_text (texts, seen, row->cells[i]);
}

gboolean
_debrief_pdf_measure (DebriefPdfDoc *doc, DebriefExportJob *job, GError **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) texts = g_ptr_array_new ();

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      DebriefPdfBlock *block = g_ptr_array_index (doc->blocks, i);

      collect_text (texts, seen, block->text);
      collect_text (texts, seen, block->marker);
      if (block->table != NULL)
        {
          if (block->table->header != NULL)
            collect_row (texts, seen, block->table->header);
          for (guint r = 0; r < block->table->rows->len; r++)
            collect_row (texts, seen, g_ptr_array_index (block->table->rows, r));
        }
    }

  for (guint i = 0; i < texts->len; i++)
    {
      text_measure (doc, g_ptr_array_index (texts, i));
      if ((i + 1) % 32 == 0 &&
          !_debrief_export_job_progress (job, 0.1 + 0.25 * (i + 1) / texts->len, error))
        return FALSE;
    }

  return TRUE;
}

/* Pagination */

static double
row_height (DebriefPdfTable *table, DebriefPdfRow *row)
{
  double h = 0;

  for (guint i = 0; i < table->n_columns; i++)
    if (row->cells[i] != NULL)
      h = MAX (h, lines_height (row->cells[i], 0, row->cells[i]->lines->len));

  return h + 2 * table->pad_y;
}

static double
text_pad (DebriefPdfBlock *block)
{
  return block->boxed ? block->box_pad : 0;
}

static double
block_full_height (DebriefPdfBlock *block)
{
  switch (block->type)
    {
      case DEBRIEF_PDF_BLOCK_TEXT:
        return lines_height (block->text, 0, block->text->lines->len) + 2 * text_pad (block);
      case DEBRIEF_PDF_BLOCK_DRAWING:
        return block->height;
      case DEBRIEF_PDF_BLOCK_RULE:
        return block->rule_width;
      case DEBRIEF_PDF_BLOCK_TABLE:
      default:
        {
          double h = block->table->header ? row_height (block->table, block->table->header) : 0;

          for (guint i = 0; i < block->table->rows->len; i++)
            h += row_height (block->table, g_ptr_array_index (block->table->rows, i));
          return h;
        }
    }
}

/* The least of @block that may stand at the bottom of a page: two lines
 * of text, a table's header with the start of its first row. */
static double
block_min_height (DebriefPdfBlock *block)
{
  switch (block->type)
    {
      case DEBRIEF_PDF_BLOCK_TEXT:
        return lines_height (block->text, 0, MIN (2, block->text->lines->len)) +
               2 * text_pad (block);
      case DEBRIEF_PDF_BLOCK_TABLE:
        {
          DebriefPdfTable *table = block->table;
          double           h = table->header ? row_height (table, table->header) : 0;

          /* The first row whole, unless it is split anyway, and the row
           * after it if it belongs with that one (a day's heading) */
          for (guint r = 0; r < table->rows->len; r++)
            {
              DebriefPdfRow *row = g_ptr_array_index (table->rows, r);
              double         first = row_height (table, row);

              if (first > 200)
                {
                  first = 0;
                  for (guint i = 0; i < table->n_columns; i++)
                    if (row->cells[i] != NULL)
                      first = MAX (first, lines_height (row->cells[i], 0,
                                                        MIN (2, row->cells[i]->lines->len)));
                  first += 2 * table->pad_y;
                }
              h += first;
              if (!row->keep_with_next)
                break;
            }
          return h;
        }
      case DEBRIEF_PDF_BLOCK_DRAWING:
      case DEBRIEF_PDF_BLOCK_RULE:
      default:
        return block_full_height (block);
    }
}

static void
new_page (Pager *pager)
{
  pager->page = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (pager->page, item_clear);
  g_ptr_array_add (pager->doc->pages, pager->page);
  pager->y = pager->top;
}

static gboolean
at_top (Pager *pager)
{
  return pager->y <= pager->top + 0.01;
}

static void
add_item (Pager *pager, Item *item)
{
  g_array_append_val (pager->page, *item);
}

static void
place_text (Pager *pager, DebriefPdfBlock *block)
{
  DebriefPdfText *text = block->text;
  double          pad = text_pad (block);
  guint           n = text->lines->len;
  guint           i = 0;

  while (i < n)
    {
      double avail = pager->bottom - pager->y - 2 * pad;
      guint  k = 0;
      Item   item = { 0 };

      while (i + k < n && lines_height (text, i, i + k + 1) <= avail + 0.01)
        k++;

      if (k < n - i)
        {
          /* No single line at the bottom of a page (an orphan) ... */
          if (i == 0 && k < 2 && n >= 2 && !at_top (pager))
            k = 0;
          /* ... nor alone at the top of the next (a widow) */
          else if (n - i - k == 1 && k >= 3)
            k--;
        }

      if (k == 0)
        {
          if (!at_top (pager))
            {
              new_page (pager);
              continue;
            }
          /* A line taller than a page: place it anyway */
          k = 1;
        }

      item.block = block;
      item.y = pager->y;
      item.first_line = i;
      item.end_line = i + k;
      item.height = lines_height (text, i, i + k) + 2 * pad;
      add_item (pager, &item);

      pager->y += item.height;
      i += k;
      if (i < n)
        new_page (pager);
    }
}

static Frag
full_frag (DebriefPdfTable *table, guint index)
{
  DebriefPdfRow *row = g_ptr_array_index (table->rows, index);
  Frag           frag = { 0 };

  frag.row = index;
  for (guint c = 0; c < table->n_columns; c++)
    frag.end[c] = row->cells[c] != NULL ? row->cells[c]->lines->len : 0;
  frag.height = row_height (table, row);

  return frag;
}

static void
start_table_item (Pager *pager, DebriefPdfBlock *block, Item *item, double header)
{
  memset (item, 0, sizeof *item);
  item->block = block;
  item->y = pager->y;
  item->height = header;
  item->frags = g_array_new (FALSE, FALSE, sizeof (Frag));
  pager->y += header;
}

static void
finish_table_item (Pager *pager, Item *item)
{
  add_item (pager, item);
  memset (item, 0, sizeof *item);
}

static void
place_table (Pager *pager, DebriefPdfBlock *block)
{
  DebriefPdfTable *table = block->table;
  double           header = table->header ? row_height (table, table->header) : 0;
  Item             item;

  if (pager->y + block_min_height (block) > pager->bottom && !at_top (pager))
    new_page (pager);

  start_table_item (pager, block, &item, header);

  for (guint r = 0; r < table->rows->len; r++)
    {
      DebriefPdfRow *row = g_ptr_array_index (table->rows, r);
      Frag           frag = full_frag (table, r);
      guint          first[DEBRIEF_PDF_MAX_COLUMNS] = { 0 };

      /* A row that belongs with the next (a day's heading) does not end
       * a page */
      if (row->keep_with_next && r + 1 < table->rows->len && item.frags->len > 0)
        {
          double next = row_height (table, g_ptr_array_index (table->rows, r + 1));

          if (pager->y + frag.height + next > pager->bottom + 0.01 &&
              frag.height + next <= pager->bottom - pager->top - header)
            {
              finish_table_item (pager, &item);
              new_page (pager);
              start_table_item (pager, block, &item, header);
            }
        }

      if (pager->y + frag.height <= pager->bottom + 0.01)
        {
          g_array_append_val (item.frags, frag);
          pager->y += frag.height;
          continue;
        }

      /* A row that fits on a page of its own moves there whole, with
       * the header if no row of the table is on this page yet */
      if (frag.height <= pager->bottom - pager->top - header &&
          (item.frags->len > 0 || item.y > pager->top + 0.01))
        {
          if (item.frags->len > 0)
            finish_table_item (pager, &item);
          else
            g_clear_pointer (&item.frags, g_array_unref);
          new_page (pager);
          start_table_item (pager, block, &item, header);
          g_array_append_val (item.frags, frag);
          pager->y += frag.height;
          continue;
        }

      /* A row taller than a page is split between lines of its cells */
      for (;;)
        {
          double   avail = pager->bottom - pager->y - 2 * table->pad_y;
          gboolean progress = FALSE;
          gboolean done = TRUE;
          Frag     part = { 0 };

          part.row = r;
          for (guint c = 0; c < table->n_columns; c++)
            {
              DebriefPdfText *cell = row->cells[c];
              guint           n = cell != NULL ? cell->lines->len : 0;
              guint           end = first[c];

              while (end < n && lines_height (cell, first[c], end + 1) <= avail + 0.01)
                end++;
              part.first[c] = first[c];
              part.end[c] = end;
              if (end > first[c])
                progress = TRUE;
              part.height = MAX (part.height, lines_height (cell, first[c], end));
            }

          if (!progress)
            {
              if (item.frags->len > 0 || !at_top (pager))
                {
                  finish_table_item (pager, &item);
                  new_page (pager);
                  start_table_item (pager, block, &item, header);
                  continue;
                }
              /* Nothing fits on an empty page: a line taller than a page */
              for (guint c = 0; c < table->n_columns; c++)
                if (row->cells[c] != NULL && first[c] < row->cells[c]->lines->len)
                  {
                    part.end[c] = first[c] + 1;
                    part.height = MAX (part.height,
                                       lines_height (row->cells[c], first[c], first[c] + 1));
                  }
            }

          part.height += 2 * table->pad_y;
          g_array_append_val (item.frags, part);
          pager->y += part.height;

          for (guint c = 0; c < table->n_columns; c++)
            {
              first[c] = part.end[c];
              if (row->cells[c] != NULL && first[c] < row->cells[c]->lines->len)
                done = FALSE;
            }
          if (done)
            break;

          finish_table_item (pager, &item);
          new_page (pager);
          start_table_item (pager, block, &item, header);
        }
    }

  finish_table_item (pager, &item);
}

static void
place_fixed (Pager *pager, DebriefPdfBlock *block)
{
  Item item = { 0 };

  item.block = block;
  item.height = block_full_height (block);
  if (pager->y + item.height > pager->bottom && !at_top (pager))
    new_page (pager);
  item.y = pager->y;
  add_item (pager, &item);
  pager->y += item.height;
}

/* How much must fit below @index for a heading there to stay with what
 * follows it: the heading(s), and the start of the next block. */
static double
keep_height (DebriefPdfDoc *doc, guint index)
{
  double h = 0;
  guint  i;

  for (i = index; i < doc->blocks->len; i++)
    {
      DebriefPdfBlock *block = g_ptr_array_index (doc->blocks, i);

      if (i > index)
        h += block->space_before;
      if (!block->keep_with_next)
        return h + block_min_height (block);
      h += block_full_height (block);
    }

  return h;
}

gboolean
_debrief_pdf_paginate (DebriefPdfDoc *doc, DebriefExportJob *job, GError **error)
{
  Pager pager = { 0 };

  pager.doc = doc;
  pager.top = doc->margin_top;
  pager.bottom = doc->page_height - doc->margin_bottom;
  g_ptr_array_set_size (doc->pages, 0);
  new_page (&pager);

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      DebriefPdfBlock *block = g_ptr_array_index (doc->blocks, i);

      if (i % 32 == 0 &&
          !_debrief_export_job_progress (job, 0.35 + 0.15 * i / doc->blocks->len, error))
        return FALSE;

      if (!at_top (&pager))
        pager.y += block->space_before;
      if (pager.y >= pager.bottom)
        new_page (&pager);

      if (block->keep_with_next && !at_top (&pager) &&
          pager.y + keep_height (doc, i) > pager.bottom)
        new_page (&pager);

      switch (block->type)
        {
          case DEBRIEF_PDF_BLOCK_TEXT:
            place_text (&pager, block);
            break;
          case DEBRIEF_PDF_BLOCK_TABLE:
            place_table (&pager, block);
            break;
          case DEBRIEF_PDF_BLOCK_DRAWING:
          case DEBRIEF_PDF_BLOCK_RULE:
          default:
            place_fixed (&pager, block);
            break;
        }
    }

  return TRUE;
}

/* Drawing */

static cairo_status_t
write_cb (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* What every page repeats, laid out once */
typedef struct
{
  PangoLayout *title;
  PangoLayout *marking;
  PangoLayout *left;
  PangoLayout *right;
  double       box_w;
  double       box_h;
  double       title_h;
} Running;

static void
running_init (DebriefPdfDoc *doc, Running *running)
{
  g_autoptr (PangoAttrList) spacing = pango_attr_list_new ();
  g_autofree char *upper = g_utf8_strup (doc->marking, -1);
  double           x0 = doc->margin_left;
  double           x1 = doc->page_width - doc->margin_right;
  PangoRectangle   rect;

  running->title = layout_new (doc, doc->context, DEBRIEF_PDF_STYLE_RUNNING, 0);
  running->marking = layout_new (doc, doc->context, DEBRIEF_PDF_STYLE_MARKING, 0);
  running->left = layout_new (doc, doc->context, DEBRIEF_PDF_STYLE_RUNNING, 0);
  running->right = layout_new (doc, doc->context, DEBRIEF_PDF_STYLE_RUNNING, 0);

  pango_attr_list_insert (spacing, pango_attr_letter_spacing_new (PANGO_SCALE * 6 / 10));
  pango_layout_set_attributes (running->marking, spacing);
  pango_layout_set_text (running->marking, upper, -1);
  /* A long marking wraps onto up to three lines in at most half the
   * width, and is shortened beyond that; the title gets the rest */
  pango_layout_set_width (running->marking, (int) ((x1 - x0) * 0.5 - 10) * PANGO_SCALE);
  pango_layout_set_wrap (running->marking, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (running->marking, -3);
  pango_layout_set_ellipsize (running->marking, PANGO_ELLIPSIZE_END);
  pango_layout_get_extents (running->marking, NULL, &rect);
  running->box_w = (double) rect.width / PANGO_SCALE + 10;
  running->box_h = (double) rect.height / PANGO_SCALE + 4;

  /* The title, shortened to fit */
  pango_layout_set_width (running->title, (int) ((x1 - x0 - running->box_w - 24) * PANGO_SCALE));
  pango_layout_set_ellipsize (running->title, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (running->title, TRUE);
  pango_layout_set_text (running->title, doc->running_title, -1);
  pango_layout_get_extents (running->title, NULL, &rect);
  running->title_h = (double) rect.height / PANGO_SCALE;

  pango_layout_set_width (running->left, (int) ((x1 - x0) * 0.7 * PANGO_SCALE));
  pango_layout_set_ellipsize (running->left, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (running->left, TRUE);
  pango_layout_set_text (running->left, doc->running_left, -1);

  note_missing_layout (doc, running->marking);
  note_missing_layout (doc, running->title);
  note_missing_layout (doc, running->left);
}

static void
running_clear (Running *running)
{
  g_clear_object (&running->title);
  g_clear_object (&running->marking);
  g_clear_object (&running->left);
  g_clear_object (&running->right);
}

/* A page is drawn in two layers: first the shapes (rules, row and box
 * backgrounds, the chart), then all the text on top. Text that follows
 * text without a shape in between shares the PDF's text objects and
 * colour settings, and cairo has far fewer operations to analyse and
 * write per page. Shapes keep their order among themselves, so where one
 * covers another (a row's background over half the rule above it)
 * nothing changes. */
typedef enum
{
  LAYER_SHAPES,
  LAYER_TEXT,
} Layer;

static void
draw_running (
    DebriefPdfDoc *doc, Running *running, cairo_t *cr, Layer layer, guint page, guint n_pages)
{
  PangoRectangle rect;
  double         x0 = doc->margin_left;
  double         x1 = doc->page_width - doc->margin_right;
  double         header_base = doc->margin_top - 30;
  double         footer_top = doc->page_height - doc->margin_bottom + 26;
  /* The classification's box: level with the title, or growing upwards
   * from above the rule when it has more than one line */
  double box_y = MIN (header_base - running->box_h / 2 - 1, header_base + 7 - running->box_h);

  if (layer == LAYER_SHAPES)
    {
      /* The classification's box, on the right */
      set_color (cr, &doc->marking_color);
      cairo_set_line_width (cr, 0.7);
      cairo_rectangle (cr, x1 - running->box_w, box_y, running->box_w, running->box_h);
      cairo_stroke (cr);

      /* The rules under the header and over the footer */
      set_color (cr, &rule_light);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, x0, header_base + 10);
      cairo_line_to (cr, x1, header_base + 10);
      cairo_move_to (cr, x0, footer_top - 8);
      cairo_line_to (cr, x1, footer_top - 8);
      cairo_stroke (cr);
      return;
    }

  {
    g_autofree char *numbers = g_strdup_printf (_ ("Page %u of %u"), page, n_pages);

    set_color (cr, &doc->marking_color);
    cairo_move_to (cr, x1 - running->box_w + 5, box_y + 2);
    pango_cairo_show_layout (cr, running->marking);

    cairo_set_source_rgb (cr, 0.42, 0.43, 0.46);
    cairo_move_to (cr, x0, header_base - running->title_h / 2 - 1);
    pango_cairo_show_layout (cr, running->title);

    cairo_move_to (cr, x0, footer_top);
    pango_cairo_show_layout (cr, running->left);

    pango_layout_set_text (running->right, numbers, -1);
    pango_layout_get_extents (running->right, NULL, &rect);
    cairo_move_to (cr, x1 - (double) rect.width / PANGO_SCALE, footer_top);
    pango_cairo_show_layout (cr, running->right);
  }
}

static double
table_width (DebriefPdfTable *table)
{
  double width = 0;

  for (guint c = 0; c < table->n_columns; c++)
    width += table->widths[c];

  return width;
}

static void
draw_row_text (
    DebriefPdfTable *table, cairo_t *cr, DebriefPdfRow *row, const Frag *frag, double x, double y)
{
  for (guint c = 0; c < (row->span ? 1 : table->n_columns); c++)
    {
      DebriefPdfText *cell = row->cells[c];

      if (cell != NULL)
        _debrief_pdf_text_draw (cell, cr, x + table->pad_x, y + table->pad_y,
                                frag ? frag->first[c] : 0, frag ? frag->end[c] : cell->lines->len);
      x += table->widths[c];
    }
}

/* The header's background and rule, the rows' backgrounds and the rules
 * between rows. The rules of rows without a background are stroked
 * together. */
static void
draw_table_shapes (DebriefPdfDoc *doc, cairo_t *cr, Item *item)
{
  DebriefPdfBlock *block = item->block;
  DebriefPdfTable *table = block->table;
  double           x0 = doc->margin_left + block->indent;
  double           width = table_width (table);
  double           y = item->y;
  gboolean         rules = FALSE;

  if (table->header != NULL)
    {
      double h = row_height (table, table->header);

      set_color (cr, &header_fill);
      cairo_rectangle (cr, x0, y, width, h);
      cairo_fill (cr);
      set_color (cr, &rule_dark);
      cairo_set_line_width (cr, 0.6);
      cairo_move_to (cr, x0, y + h);
      cairo_line_to (cr, x0 + width, y + h);
      cairo_stroke (cr);
      y += h;
    }

  for (guint i = 0; i < item->frags->len; i++)
    {
      Frag          *frag = &g_array_index (item->frags, Frag, i);
      DebriefPdfRow *row = g_ptr_array_index (table->rows, frag->row);

      if (row->has_background || row->accent_edge)
        {
          /* Over the rules drawn so far, as the row covers half of the
           * rule above it */
          if (rules)
            {
              set_color (cr, &rule_light);
              cairo_set_line_width (cr, 0.45);
              cairo_stroke (cr);
              rules = FALSE;
            }
          if (row->has_background)
            {
              set_color (cr, &row->background);
              cairo_rectangle (cr, x0, y, width, frag->height);
              cairo_fill (cr);
            }
          if (row->accent_edge)
            {
              set_color (cr, &row->accent);
              cairo_rectangle (cr, x0, y, 2.2, frag->height);
              cairo_fill (cr);
            }
        }

      y += frag->height;
      cairo_move_to (cr, x0, y);
      cairo_line_to (cr, x0 + width, y);
      rules = TRUE;
    }

  if (rules)
    {
      set_color (cr, &rule_light);
      cairo_set_line_width (cr, 0.45);
      cairo_stroke (cr);
    }
}

static void
draw_table_text (DebriefPdfDoc *doc, cairo_t *cr, Item *item)
{
  DebriefPdfBlock *block = item->block;
  DebriefPdfTable *table = block->table;
  double           x0 = doc->margin_left + block->indent;
  double           y = item->y;

  if (table->header != NULL)
    {
      draw_row_text (table, cr, table->header, NULL, x0, y);
      y += row_height (table, table->header);
    }

  for (guint i = 0; i < item->frags->len; i++)
    {
      Frag *frag = &g_array_index (item->frags, Frag, i);

      draw_row_text (table, cr, g_ptr_array_index (table->rows, frag->row), frag, x0, y);
      y += frag->height;
    }
}

static void
draw_text_shapes (DebriefPdfDoc *doc, cairo_t *cr, Item *item)
{
  DebriefPdfBlock *block = item->block;
  double           x = doc->margin_left + block->indent;
  double           top = item->y;

  if (block->boxed)
    {
      double w = doc->content_width - block->indent;
      double r = 2.5;

      set_color (cr, &block->box_color);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x + w - r, top + r, r, -G_PI / 2, 0);
      cairo_arc (cr, x + w - r, top + item->height - r, r, 0, G_PI / 2);
      cairo_arc (cr, x + r, top + item->height - r, r, G_PI / 2, G_PI);
      cairo_arc (cr, x + r, top + r, r, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
      cairo_fill (cr);
    }

  for (guint d = 0; d < block->quote_depth; d++)
    {
      double y0 = top;

      if (block->quote_joined && item->first_line == 0 && top > doc->margin_top + 0.01)
        y0 -= block->space_before;
      set_color (cr, &quote_bar);
      cairo_rectangle (cr, doc->margin_left + block->quote_x[d], y0, 2, top + item->height - y0);
      cairo_fill (cr);
    }
}

static void
draw_text_text (DebriefPdfDoc *doc, cairo_t *cr, Item *item, int *outline_ids, guint page)
{
  DebriefPdfBlock *block = item->block;
  DebriefPdfText  *text = block->text;
  double           x = doc->margin_left + block->indent;
  double           pad = text_pad (block);
  double           top = item->y;

  if (block->marker != NULL && item->first_line == 0)
    {
      DebriefPdfLine *first = &g_array_index (text->lines, DebriefPdfLine, 0);
      DebriefPdfLine *mark = &g_array_index (block->marker->lines, DebriefPdfLine, 0);
      double          baseline = top + pad + first->baseline - first->top;

      _debrief_pdf_text_draw (block->marker, cr, x - 5 - block->marker->width,
                              baseline - (mark->baseline - mark->top), 0, 1);
    }

  _debrief_pdf_text_draw (text, cr, x + pad, top + pad, item->first_line, item->end_line);

  if (block->outline_level > 0 && item->first_line == 0)
    {
      int              level = MIN (block->outline_level, 4);
      int              parent = level > 1 ? outline_ids[level - 1] : CAIRO_PDF_OUTLINE_ROOT;
      g_autofree char *py = _debrief_pdf_format_number (MAX (top - 12, 0));
      g_autofree char *px = _debrief_pdf_format_number (doc->margin_left);
      g_autofree char *dest = g_strdup_printf ("page=%u pos=[%s %s]", page, px, py);

      outline_ids[level] = cairo_pdf_surface_add_outline (cairo_get_target (cr), parent,
                                                          block->outline_title, dest, 0);
      for (int l = level + 1; l <= 4; l++)
        outline_ids[l] = outline_ids[level];
    }
}

static void
draw_item (DebriefPdfDoc *doc, cairo_t *cr, Item *item, Layer layer, int *outline_ids, guint page)
{
  DebriefPdfBlock *block = item->block;

  switch (block->type)
    {
      case DEBRIEF_PDF_BLOCK_TEXT:
        if (layer == LAYER_SHAPES)
          draw_text_shapes (doc, cr, item);
        else
          draw_text_text (doc, cr, item, outline_ids, page);
        break;
      case DEBRIEF_PDF_BLOCK_TABLE:
        if (layer == LAYER_SHAPES)
          draw_table_shapes (doc, cr, item);
        else
          draw_table_text (doc, cr, item);
        break;
      case DEBRIEF_PDF_BLOCK_DRAWING:
        /* A drawing orders its own shapes and labels */
        if (layer == LAYER_SHAPES)
          {
            cairo_save (cr);
            block->draw (doc, cr, doc->margin_left + block->indent, item->y,
                         doc->content_width - block->indent, block->data);
            cairo_restore (cr);
          }
        break;
      case DEBRIEF_PDF_BLOCK_RULE:
        if (layer == LAYER_SHAPES)
          {
            double length = block->rule_length > 0 ? block->rule_length
                                                   : doc->content_width - block->indent;

            set_color (cr, &block->rule_color);
            cairo_rectangle (cr, doc->margin_left + block->indent, item->y, length,
                             block->rule_width);
            cairo_fill (cr);
          }
        break;
      default:
        g_assert_not_reached ();
    }
}

/**
 * _debrief_pdf_draw:
 * @created: the creation date to record, seconds since the epoch
 *
 * Draws the paginated document into a PDF.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
_debrief_pdf_draw (DebriefPdfDoc    *doc,
                   const char       *title,
                   const char       *subject,
                   gint64            created,
                   DebriefExportJob *job,
                   GError          **error)
{
  GByteArray      *buffer = g_byte_array_sized_new (1024 * 1024);
  cairo_surface_t *surface;
  cairo_t         *cr;
  cairo_status_t   status;
  g_autofree char *date = debrief_time_format_iso (created);
  int              outline_ids[5] = { 0 };
  Running          running = { 0 };
  gint64           started = g_get_monotonic_time ();
  gint64           finishing;
  gint64           writing = 0;

  surface = cairo_pdf_surface_create_for_stream (write_cb, buffer, doc->page_width,
                                                 doc->page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Debrief " PACKAGE_VERSION);
  if (date != NULL)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
    }

  cr = cairo_create (surface);
  running_init (doc, &running);
  for (guint p = 0; p < doc->pages->len; p++)
    {
      gint64  drawn;
      GArray *page = g_ptr_array_index (doc->pages, p);

      if (!_debrief_export_job_progress (job, 0.5 + 0.45 * p / doc->pages->len, error))
        {
          running_clear (&running);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
          g_byte_array_unref (buffer);
          return NULL;
        }

      for (Layer layer = LAYER_SHAPES; layer <= LAYER_TEXT; layer++)
        {
          draw_running (doc, &running, cr, layer, p + 1, doc->pages->len);
          for (guint i = 0; i < page->len; i++)
            draw_item (doc, cr, &g_array_index (page, Item, i), layer, outline_ids, p + 1);
        }
      drawn = g_get_monotonic_time ();
      cairo_show_page (cr);
      writing += g_get_monotonic_time () - drawn;
    }

  running_clear (&running);
  status = cairo_status (cr);
  cairo_destroy (cr);
  finishing = g_get_monotonic_time ();
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  /* bench/export reads this */
  g_debug ("drew %u pages: %.3f s drawing, %.3f s in cairo writing the PDF", doc->pages->len,
           (finishing - started - writing) / 1e6,
           (writing + g_get_monotonic_time () - finishing) / 1e6);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (buffer);
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_FAILED,
                   _ ("The PDF could not be made: %s. Please report this as a bug."),
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (buffer);
}
