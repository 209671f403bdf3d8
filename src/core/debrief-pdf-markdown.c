/* debrief-pdf-markdown.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <md4c.h>
#include <stdlib.h>
#include <string.h>

#include "debrief-pdf-private.h"

/* Turns a section's Markdown, as md4c reads it, into blocks of the PDF
 * document: a paragraph, heading or code block is one text block; list
 * items and block quotes become indentation, list markers and quote bars
 * on the blocks inside them; tables become table blocks. */

#define QUOTE_INDENT 14.0
#define ITEM_INDENT  17.0

typedef enum
{
  CONTAINER_QUOTE,
  CONTAINER_LIST,
  CONTAINER_ITEM,
} ContainerType;

typedef struct
{
  ContainerType type;
  gboolean      tight;
  gboolean      ordered;
  guint         counter;
  char          delimiter;
  guint         depth;
  char         *marker;
  gboolean      marker_pending;
  gboolean      had_block;
} Container;

typedef struct
{
  MD_SPANTYPE type;
  guint       start;
  char       *href;
} Span;

typedef struct
{
  char          *text;
  PangoAttrList *attrs;
  GArray        *links;
  MD_ALIGN       align;
} Cell;

typedef struct
{
  DebriefPdfDoc *doc;
  gboolean       links_allowed;
  GPtrArray     *names; /* GRegex: names of people to take out, or NULL */
  GArray        *edges; /* guint: where styled pieces of the text begin and end */
  int            outline_level;
  GArray        *containers;
  gboolean       first_block;
  guint          last_quote_depth;

  /* The text being collected */
  gboolean        open;
  DebriefPdfStyle style;
  GString        *text;
  PangoAttrList  *attrs;
  GArray         *links;
  GArray         *spans;
  gboolean        in_code;
  gboolean        in_html; /* an HTML block shown as its text only */
  /* An inline tag taken out (links not allowed) may run over a line */
  DebriefHtmlState html;
  int              heading;

  /* Link text kept as plain text */
  guint    plain_depth;
  GString *plain;

  /* Table */
  GPtrArray *rows;
  GPtrArray *row;
  guint      head_rows;
  gboolean   in_head;
} Builder;

static const DebriefPdfColor code_fill = { 0.955, 0.96, 0.967 };
static const DebriefPdfColor rule_color = { 0.80, 0.81, 0.84 };

static void
container_clear (gpointer data)
{
  Container *c = data;

  g_free (c->marker);
}

static void
span_clear (gpointer data)
{
  Span *span = data;

  g_free (span->href);
}

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->text);
  g_clear_pointer (&cell->attrs, pango_attr_list_unref);
  g_clear_pointer (&cell->links, g_array_unref);
  g_free (cell);
}

static double
current_indent (Builder *b, guint *quote_depth, double *quote_x)
{
  double indent = 0;

  *quote_depth = 0;
  for (guint i = 0; i < b->containers->len; i++)
    {
      Container *c = &g_array_index (b->containers, Container, i);

      if (c->type == CONTAINER_QUOTE)
        {
          if (*quote_depth < DEBRIEF_PDF_MAX_QUOTES)
            quote_x[(*quote_depth)++] = indent + 1;
          indent += QUOTE_INDENT;
        }
      else if (c->type == CONTAINER_ITEM)
        indent += ITEM_INDENT;
    }

  /* Deep nesting must leave room for the text */
  return MIN (indent, b->doc->content_width / 2);
}

static Container *
innermost_item (Builder *b)
{
  for (guint i = b->containers->len; i > 0; i--)
    {
      Container *c = &g_array_index (b->containers, Container, i - 1);

      if (c->type == CONTAINER_ITEM)
        return c;
      if (c->type == CONTAINER_QUOTE)
        return NULL;
    }

  return NULL;
}

static gboolean
in_tight_list (Builder *b)
{
  for (guint i = b->containers->len; i > 0; i--)
    {
      Container *c = &g_array_index (b->containers, Container, i - 1);

      if (c->type == CONTAINER_LIST)
        return c->tight;
    }

  return FALSE;
}

static double
space_for (Builder *b, double normal)
{
  Container *item = innermost_item (b);

  if (b->first_block)
    return 3;
  if (item != NULL && !item->had_block)
    return in_tight_list (b) ? 2.5 : 5;
  if (item != NULL && in_tight_list (b))
    return 2.5;

  return normal;
}

/* Positions a block inside the quotes and list items around it */
static void
place_block (Builder *b, DebriefPdfBlock *block, gboolean with_marker)
{
  Container *item = innermost_item (b);
  double     quote_x[DEBRIEF_PDF_MAX_QUOTES];
  guint      depth;

  current_indent (b, &depth, quote_x);
  block->quote_depth = depth;
  memcpy (block->quote_x, quote_x, sizeof quote_x);
  block->quote_joined = depth > 0 && b->last_quote_depth >= depth;
  b->last_quote_depth = depth;

  if (with_marker && item != NULL && item->marker_pending)
    block->marker = _debrief_pdf_text_new (b->doc, DEBRIEF_PDF_STYLE_MARKER, item->marker, NULL,
                                           NULL, 0);

  /* Only the first block of an item carries its marker */
  for (guint i = 0; i < b->containers->len; i++)
    {
      Container *c = &g_array_index (b->containers, Container, i);

      if (c->type == CONTAINER_ITEM)
        {
          c->marker_pending = FALSE;
          c->had_block = TRUE;
        }
    }

  b->first_block = FALSE;
}

static gboolean
in_quote (Builder *b)
{
  for (guint i = 0; i < b->containers->len; i++)
    if (g_array_index (b->containers, Container, i).type == CONTAINER_QUOTE)
      return TRUE;

  return FALSE;
}

static void
text_begin (Builder *b, DebriefPdfStyle style)
{
  g_assert (!b->open);

  b->open = TRUE;
  b->style = style;
  b->text = g_string_new (NULL);
  b->attrs = pango_attr_list_new ();
  b->links = _debrief_pdf_links_new ();
  g_array_set_size (b->spans, 0);
  g_array_set_size (b->edges, 0);
}

static void
text_reset (Builder *b)
{
  if (b->text != NULL)
    g_string_free (b->text, TRUE);
  b->text = NULL;
  g_clear_pointer (&b->attrs, pango_attr_list_unref);
  g_clear_pointer (&b->links, g_array_unref);
  b->open = FALSE;
}

/* Where @at is once the names in @ranges are replaced by @added bytes
 * each: a style or link that starts or ends inside a name starts at the
 * replacement or ends after it */
static guint
moved (GArray *ranges, guint at, gsize added, gboolean end)
{
  gssize shift = 0;

  for (guint i = 0; i < ranges->len; i++)
    {
      DebriefNameRange *range = &g_array_index (ranges, DebriefNameRange, i);

      if (at >= range->end)
        shift += (gssize) added - (gssize) (range->end - range->start);
      else if (at > range->start)
        return (guint) ((gssize) range->start + shift + (end ? (gssize) added : 0));
      else
        break;
    }

  return (guint) ((gssize) at + shift);
}

static int
compare_edges (gconstpointer a, gconstpointer b)
{
  guint ea = *(const guint *) a, eb = *(const guint *) b;

  return ea < eb ? -1 : ea > eb ? 1 : 0;
}

/* Takes the names of people out of the text collected, once it is whole:
 * a name may run across a line break, an entity or emphasis. A name that
 * fills a styled piece is found too, whatever touches it outside. Styles
 * and links move with the text. */
static void
remove_collected_names (Builder *b)
{
  g_autoptr (GArray) ranges = NULL;
  g_autoptr (GString) text = NULL;
  g_autoptr (PangoAttrList) attrs = NULL;
  const char *removed = _debrief_export_name_removed ();
  gsize       added = strlen (removed);
  GSList     *list;
  guint       from = 0;
  gsize       at = 0;

  if (b->names == NULL || b->names->len == 0 || b->text == NULL || b->text->len == 0)
    return;

  ranges = g_array_new (FALSE, FALSE, sizeof (DebriefNameRange));
  _debrief_export_find_names (b->names, b->text->str, 0, b->text->len, ranges);
  g_array_sort (b->edges, compare_edges);
  for (guint i = 0; i <= b->edges->len; i++)
    {
      guint to = i < b->edges->len ? g_array_index (b->edges, guint, i) : (guint) b->text->len;

      if (to > from && (from > 0 || to < b->text->len))
        _debrief_export_find_names (b->names, b->text->str, from, to - from, ranges);
      from = MAX (from, to);
    }
  g_array_set_size (b->edges, 0);
  _debrief_export_merge_names (ranges);
  if (ranges->len == 0)
    return;

  text = g_string_new (NULL);
  for (guint i = 0; i < ranges->len; i++)
    {
      DebriefNameRange *range = &g_array_index (ranges, DebriefNameRange, i);

      g_string_append_len (text, b->text->str + at, (gssize) (range->start - at));
      g_string_append (text, removed);
      at = range->end;
    }
  g_string_append (text, b->text->str + at);

  attrs = pango_attr_list_new ();
  list = b->attrs != NULL ? pango_attr_list_get_attributes (b->attrs) : NULL;
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->end_index != PANGO_ATTR_INDEX_TO_TEXT_END)
        attr->end_index = moved (ranges, attr->end_index, added, TRUE);
      attr->start_index = moved (ranges, attr->start_index, added, FALSE);
      if (attr->end_index > attr->start_index)
        pango_attr_list_insert (attrs, attr);
      else
        pango_attribute_destroy (attr);
    }
  g_slist_free (list);
  if (b->attrs != NULL)
    {
      pango_attr_list_unref (b->attrs);
      b->attrs = g_steal_pointer (&attrs);
    }

  for (guint l = 0; b->links != NULL && l < b->links->len; l++)
    {
      DebriefPdfLink *link = &g_array_index (b->links, DebriefPdfLink, l);

      link->start = moved (ranges, link->start, added, FALSE);
      link->end = moved (ranges, link->end, added, TRUE);
    }

  g_string_free (b->text, TRUE);
  b->text = g_steal_pointer (&text);
}

/* Ends the text being collected as a block of its own */
static void
text_flush (Builder *b, double space_before)
{
  DebriefPdfBlock *block;
  double           quote_x[DEBRIEF_PDF_MAX_QUOTES];
  guint            depth;
  double           indent;

  if (!b->open)
    return;

  remove_collected_names (b);
  indent = current_indent (b, &depth, quote_x);

  if (b->in_code)
    {
      double pad = 6;

      /* The newline that ends the last line of code */
      if (b->text->len > 0 && b->text->str[b->text->len - 1] == '\n')
        g_string_truncate (b->text, b->text->len - 1);

      block = _debrief_pdf_add_block (b->doc, DEBRIEF_PDF_BLOCK_TEXT);
      block->indent = indent;
      block->space_before = space_before;
      block->boxed = TRUE;
      block->box_pad = pad;
      block->box_color = code_fill;
      block->text = _debrief_pdf_text_new (b->doc, DEBRIEF_PDF_STYLE_CODE, b->text->str, b->attrs,
                                           NULL, b->doc->content_width - indent - 2 * pad);
    }
  else
    {
      block = _debrief_pdf_add_text (b->doc, b->style, b->text->str, b->attrs, b->links, indent,
                                     space_before);
      if (b->heading > 0)
        {
          block->keep_with_next = TRUE;
          if (b->heading <= 2 && b->outline_level > 0)
            {
              block->outline_level = b->outline_level + 1;
              block->outline_title = g_strdup (b->text->str);
            }
        }
    }

  place_block (b, block, TRUE);
  text_reset (b);
}

/* Text that arrives outside any paragraph: in a tight list item */
static void
ensure_text (Builder *b)
{
  if (!b->open)
    text_begin (b, in_quote (b) ? DEBRIEF_PDF_STYLE_QUOTE : DEBRIEF_PDF_STYLE_BODY);
}

static void
append_entity (GString *out, const char *text, gsize size)
{
  static const struct
  {
    const char *name;
    const char *utf8;
  } entities[] = {
    { "&amp;", "&" },    { "&lt;", "<" },          { "&gt;", ">" },     { "&quot;", "\"" },
    { "&apos;", "'" },   { "&nbsp;", "\xC2\xA0" }, { "&copy;", "©" },   { "&reg;", "®" },
    { "&trade;", "™" },  { "&mdash;", "—" },       { "&ndash;", "–" },  { "&hellip;", "…" },
    { "&laquo;", "«" },  { "&raquo;", "»" },       { "&ldquo;", "“" },  { "&rdquo;", "”" },
    { "&lsquo;", "‘" },  { "&rsquo;", "’" },       { "&bull;", "•" },   { "&middot;", "·" },
    { "&deg;", "°" },    { "&times;", "×" },       { "&divide;", "÷" }, { "&euro;", "€" },
    { "&pound;", "£" },  { "&yen;", "¥" },         { "&sect;", "§" },   { "&para;", "¶" },
    { "&plusmn;", "±" }, { "&larr;", "←" },        { "&rarr;", "→" },   { "&uarr;", "↑" },
    { "&darr;", "↓" },   { "&le;", "≤" },          { "&ge;", "≥" },     { "&ne;", "≠" },
    { "&asymp;", "≈" },  { "&micro;", "µ" },       { "&check;", "✓" },
  };

  if (size > 3 && text[1] == '#')
    {
      g_autofree char *digits = g_strndup (text + 2, size - 3);
      gunichar         c;

      if (digits[0] == 'x' || digits[0] == 'X')
        c = (gunichar) strtoul (digits + 1, NULL, 16);
      else
        c = (gunichar) strtoul (digits, NULL, 10);
      if (c == 0 || !g_unichar_validate (c))
        c = 0xFFFD;
      g_string_append_unichar (out, c);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      if (strlen (entities[i].name) == size && memcmp (entities[i].name, text, size) == 0)
        {
          g_string_append (out, entities[i].utf8);
          return;
        }
    }

  g_string_append_len (out, text, size);
}

static char *
attribute_dup (const MD_ATTRIBUTE *attr)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; attr->substr_offsets != NULL && attr->substr_offsets[i] < attr->size; i++)
    {
      MD_OFFSET start = attr->substr_offsets[i];
      MD_OFFSET end = attr->substr_offsets[i + 1];

      if (attr->substr_types[i] == MD_TEXT_ENTITY)
        append_entity (str, attr->text + start, end - start);
      else if (attr->substr_types[i] == MD_TEXT_NULLCHAR)
        g_string_append (str, "\xEF\xBF\xBD");
      else
        g_string_append_len (str, attr->text + start, end - start);
    }

  return g_string_free (str, FALSE);
}

static void
add_attr (Builder *b, PangoAttribute *attr, guint start)
{
  attr->start_index = start;
  attr->end_index = (guint) b->text->len;
  pango_attr_list_insert (b->attrs, attr);
}

static void
column_widths (Builder *b, guint n_columns, double available, double *widths, double pad)
{
  double   natural[DEBRIEF_PDF_MAX_COLUMNS] = { 0 };
  double   sum = 0;
  gboolean fixed[DEBRIEF_PDF_MAX_COLUMNS] = { FALSE };
  double   left = available;
  guint    n_left = n_columns;
  gboolean changed = TRUE;

  for (guint r = 0; r < b->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (b->rows, r);

      for (guint c = 0; c < row->len && c < n_columns; c++)
        {
          Cell  *cell = g_ptr_array_index (row, c);
          double w = _debrief_pdf_text_natural_width (
              b->doc, r < b->head_rows ? DEBRIEF_PDF_STYLE_TABLE_HEADER : DEBRIEF_PDF_STYLE_TABLE,
              cell->text, cell->attrs);

          natural[c] = MAX (natural[c], w + 2 * pad + 1);
        }
    }

  for (guint c = 0; c < n_columns; c++)
    sum += natural[c];

  if (sum <= available)
    {
      /* Spread the room left over the columns */
      for (guint c = 0; c < n_columns; c++)
        widths[c] = sum > 0 ? natural[c] + (available - sum) * natural[c] / sum
                            : available / n_columns;
      return;
    }

  /* Narrow columns keep their width; the others share what is left */
  while (changed && n_left > 0)
    {
      changed = FALSE;
      for (guint c = 0; c < n_columns; c++)
        {
          if (!fixed[c] && natural[c] <= left / n_left)
            {
              fixed[c] = TRUE;
              widths[c] = natural[c];
              left -= natural[c];
              n_left--;
              changed = TRUE;
            }
        }
    }
  for (guint c = 0; c < n_columns; c++)
    if (!fixed[c])
      widths[c] = left / n_left;
}

static void
table_flush (Builder *b)
{
  DebriefPdfTable *table;
  DebriefPdfBlock *block;
  double           widths[DEBRIEF_PDF_MAX_COLUMNS];
  double           quote_x[DEBRIEF_PDF_MAX_QUOTES];
  guint            depth;
  guint            n_columns = 1;
  double           indent = current_indent (b, &depth, quote_x);

  for (guint r = 0; r < b->rows->len; r++)
    n_columns = MAX (n_columns, ((GPtrArray *) g_ptr_array_index (b->rows, r))->len);

  /* More columns than fit a page: the extra cells join the last column */
  if (n_columns > DEBRIEF_PDF_MAX_COLUMNS)
    {
      for (guint r = 0; r < b->rows->len; r++)
        {
          GPtrArray *row = g_ptr_array_index (b->rows, r);
          Cell      *last;
          GString   *joined;

          if (row->len <= DEBRIEF_PDF_MAX_COLUMNS)
            continue;
          last = g_ptr_array_index (row, DEBRIEF_PDF_MAX_COLUMNS - 1);
          joined = g_string_new (last->text);
          for (guint c = DEBRIEF_PDF_MAX_COLUMNS; c < row->len; c++)
            g_string_append_printf (joined, " | %s", ((Cell *) g_ptr_array_index (row, c))->text);
          g_free (last->text);
          last->text = g_string_free (joined, FALSE);
          g_clear_pointer (&last->attrs, pango_attr_list_unref);
          g_clear_pointer (&last->links, g_array_unref);
          g_ptr_array_set_size (row, DEBRIEF_PDF_MAX_COLUMNS);
        }
      n_columns = DEBRIEF_PDF_MAX_COLUMNS;
    }

  table = _debrief_pdf_table_new (n_columns, (double[DEBRIEF_PDF_MAX_COLUMNS]){ 0 });
  column_widths (b, n_columns, b->doc->content_width - indent, widths, table->pad_x);
  memcpy (table->widths, widths, sizeof (double) * n_columns);

  for (guint r = 0; r < b->rows->len; r++)
    {
      GPtrArray      *cells = g_ptr_array_index (b->rows, r);
      gboolean        head = r < b->head_rows && r == 0;
      DebriefPdfRow  *row = head ? _debrief_pdf_table_set_header (table)
                                 : _debrief_pdf_table_add_row (table);
      DebriefPdfStyle style = head ? DEBRIEF_PDF_STYLE_TABLE_HEADER : DEBRIEF_PDF_STYLE_TABLE;

      for (guint c = 0; c < n_columns; c++)
        {
          Cell          *cell = c < cells->len ? g_ptr_array_index (cells, c) : NULL;
          PangoAlignment align = PANGO_ALIGN_LEFT;

          row->cells[c] = _debrief_pdf_text_new (
              b->doc, style, cell ? cell->text : "", cell ? cell->attrs : NULL,
              cell ? cell->links : NULL, widths[c] - 2 * table->pad_x);
          if (cell != NULL && cell->align == MD_ALIGN_RIGHT)
            align = PANGO_ALIGN_RIGHT;
          else if (cell != NULL && cell->align == MD_ALIGN_CENTER)
            align = PANGO_ALIGN_CENTER;
          if (align != PANGO_ALIGN_LEFT)
            _debrief_pdf_text_set_alignment (row->cells[c], align);
        }
    }

  block = _debrief_pdf_add_table (b->doc, table, indent, space_for (b, 8));
  place_block (b, block, FALSE);
  g_clear_pointer (&b->rows, g_ptr_array_unref);
}

static int
enter_block_cb (MD_BLOCKTYPE type, void *detail, void *user_data)
{
  Builder  *b = user_data;
  Container c = { 0 };

  /* Text of a tight list item ends where a block starts */
  if (type != MD_BLOCK_TH && type != MD_BLOCK_TD && type != MD_BLOCK_TR &&
      type != MD_BLOCK_THEAD && type != MD_BLOCK_TBODY)
    text_flush (b, space_for (b, 6));

  switch (type)
    {
      case MD_BLOCK_QUOTE:
        c.type = CONTAINER_QUOTE;
        g_array_append_val (b->containers, c);
        break;

      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        {
          guint depth = 0;

          for (guint i = 0; i < b->containers->len; i++)
            if (g_array_index (b->containers, Container, i).type == CONTAINER_LIST)
              depth++;

          c.type = CONTAINER_LIST;
          c.depth = depth;
          c.ordered = type == MD_BLOCK_OL;
          if (c.ordered)
            {
              MD_BLOCK_OL_DETAIL *ol = detail;

              c.tight = ol->is_tight;
              c.counter = ol->start;
              c.delimiter = ol->mark_delimiter;
            }
          else
            c.tight = ((MD_BLOCK_UL_DETAIL *) detail)->is_tight;
          g_array_append_val (b->containers, c);
        }
        break;

      case MD_BLOCK_LI:
        {
          /* Marks the text fonts have, so no other font is embedded for them */
          static const char *bullets[] = { "•", "–", "·" };
          Container *list = &g_array_index (b->containers, Container, b->containers->len - 1);
          MD_BLOCK_LI_DETAIL *li = detail;

          c.type = CONTAINER_ITEM;
          c.marker_pending = TRUE;
          if (li->is_task)
            c.marker = g_strdup (li->task_mark == ' ' ? "☐" : "☑");
          else if (list->ordered)
            c.marker = g_strdup_printf ("%u%c", list->counter++,
                                        list->delimiter ? list->delimiter : '.');
          else
            c.marker = g_strdup (bullets[list->depth % G_N_ELEMENTS (bullets)]);
          g_array_append_val (b->containers, c);
        }
        break;

      case MD_BLOCK_HR:
        {
          DebriefPdfBlock *block = _debrief_pdf_add_rule (b->doc, rule_color, 0.6, 0,
                                                          space_for (b, 10));
          double           quote_x[DEBRIEF_PDF_MAX_QUOTES];
          guint            depth;

          block->indent = current_indent (b, &depth, quote_x);
          place_block (b, block, FALSE);
        }
        break;

      case MD_BLOCK_H:
        {
          unsigned level = ((MD_BLOCK_H_DETAIL *) detail)->level;

          b->heading = (int) level;
          text_begin (b, level == 1   ? DEBRIEF_PDF_STYLE_H2
                         : level == 2 ? DEBRIEF_PDF_STYLE_H3
                                      : DEBRIEF_PDF_STYLE_H4);
        }
        break;

      case MD_BLOCK_HTML:
        /* Without links, its text as a paragraph: no tags, no addresses */
        if (!b->links_allowed)
          {
            b->in_html = TRUE;
            text_begin (b, in_quote (b) ? DEBRIEF_PDF_STYLE_QUOTE : DEBRIEF_PDF_STYLE_BODY);
            break;
          }
        G_GNUC_FALLTHROUGH;
      case MD_BLOCK_CODE:
        b->in_code = TRUE;
        text_begin (b, DEBRIEF_PDF_STYLE_CODE);
        break;

      case MD_BLOCK_P:
        text_begin (b, in_quote (b) ? DEBRIEF_PDF_STYLE_QUOTE : DEBRIEF_PDF_STYLE_BODY);
        break;

      case MD_BLOCK_TABLE:
        b->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
        b->head_rows = 0;
        break;

      case MD_BLOCK_THEAD:
        b->in_head = TRUE;
        break;

      case MD_BLOCK_TR:
        b->row = g_ptr_array_new_with_free_func (cell_free);
        if (b->in_head)
          b->head_rows++;
        break;

      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        text_begin (b, DEBRIEF_PDF_STYLE_TABLE);
        break;

      case MD_BLOCK_DOC:
      case MD_BLOCK_TBODY:
      default:
        break;
    }

  return 0;
}

/* The text of an HTML block in a profile without links: the tags and the
 * addresses go, its lines run together */
static void
html_block_flush (Builder *b)
{
  g_autofree char *plain = _debrief_export_html_text (b->text->str, (gssize) b->text->len, NULL);

  b->in_html = FALSE;
  g_strdelimit (plain, "\n\r\t", ' ');
  g_strstrip (plain);
  if (*plain == '\0')
    {
      text_reset (b);
      return;
    }

  g_string_assign (b->text, plain);
  text_flush (b, space_for (b, 6));
}

static int
leave_block_cb (MD_BLOCKTYPE type, void *detail, void *user_data)
{
  Builder *b = user_data;

  switch (type)
    {
      case MD_BLOCK_QUOTE:
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        text_flush (b, space_for (b, 6));
        g_array_set_size (b->containers, b->containers->len - 1);
        break;

      case MD_BLOCK_LI:
        {
          Container *item;

          text_flush (b, space_for (b, 6));
          item = &g_array_index (b->containers, Container, b->containers->len - 1);

          /* An empty item still shows its marker */
          if (item->marker_pending)
            {
              text_begin (b, DEBRIEF_PDF_STYLE_BODY);
              text_flush (b, space_for (b, 6));
            }
          g_array_set_size (b->containers, b->containers->len - 1);
        }
        break;

      case MD_BLOCK_H:
        {
          unsigned level = ((MD_BLOCK_H_DETAIL *) detail)->level;

          text_flush (b, b->first_block ? 3 : level == 1 ? 14 : level == 2 ? 11 : 9);
          b->heading = 0;
        }
        break;

      case MD_BLOCK_HTML:
        if (b->in_html)
          {
            html_block_flush (b);
            break;
          }
        G_GNUC_FALLTHROUGH;
      case MD_BLOCK_CODE:
        text_flush (b, space_for (b, 7));
        b->in_code = FALSE;
        break;

      case MD_BLOCK_P:
        text_flush (b, space_for (b, 6));
        break;

      case MD_BLOCK_TABLE:
        table_flush (b);
        break;

      case MD_BLOCK_THEAD:
        b->in_head = FALSE;
        break;

      case MD_BLOCK_TR:
        g_ptr_array_add (b->rows, g_steal_pointer (&b->row));
        break;

      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        {
          Cell *cell = g_new0 (Cell, 1);

          remove_collected_names (b);
          cell->text = g_string_free (g_steal_pointer (&b->text), FALSE);
          cell->attrs = g_steal_pointer (&b->attrs);
          cell->links = g_steal_pointer (&b->links);
          cell->align = ((MD_BLOCK_TD_DETAIL *) detail)->align;
          g_ptr_array_add (b->row, cell);
          b->open = FALSE;
        }
        break;

      case MD_BLOCK_DOC:
      case MD_BLOCK_HR:
      case MD_BLOCK_TBODY:
      default:
        break;
    }

  return 0;
}

/* A styled piece of the text begins or ends here */
static void
note_edge (Builder *b)
{
  guint at = (guint) b->text->len;

  g_array_append_val (b->edges, at);
}

static int
enter_span_cb (MD_SPANTYPE type, void *detail, void *user_data)
{
  Builder *b = user_data;
  Span     span = { 0 };

  if (b->plain_depth > 0)
    {
      if (type == MD_SPAN_A || type == MD_SPAN_IMG)
        b->plain_depth++;
      return 0;
    }

  ensure_text (b);

  if ((type == MD_SPAN_A || type == MD_SPAN_IMG) && !b->links_allowed)
    {
      b->plain_depth = 1;
      b->plain = g_string_new (NULL);
      return 0;
    }

  note_edge (b);
  span.type = type;
  span.start = (guint) b->text->len;
  if (type == MD_SPAN_A)
    span.href = attribute_dup (&((MD_SPAN_A_DETAIL *) detail)->href);
  g_array_append_val (b->spans, span);

  return 0;
}

static int
leave_span_cb (MD_SPANTYPE type, void *detail, void *user_data)
{
  Builder *b = user_data;
  Span    *span;
  guint    start;

  if (b->plain_depth > 1)
    {
      if (type == MD_SPAN_A || type == MD_SPAN_IMG)
        b->plain_depth--;
      return 0;
    }

  if (b->plain_depth == 1)
    {
      g_autoptr (GString) text = g_steal_pointer (&b->plain);
      g_autofree char *stripped = g_strstrip (g_strdup (text->str));

      /* The text of the link stays; an address shown as its own text goes */
      b->plain_depth = 0;
      note_edge (b);
      if (*stripped == '\0' || _debrief_export_looks_like_address (stripped))
        {
          guint at = (guint) b->text->len;

          g_string_append (b->text, _debrief_export_link_removed ());
          add_attr (b, pango_attr_style_new (PANGO_STYLE_ITALIC), at);
        }
      else
        g_string_append (b->text, text->str);
      note_edge (b);
      return 0;
    }

  if (b->spans->len == 0)
    return 0;
  note_edge (b);

  span = &g_array_index (b->spans, Span, b->spans->len - 1);
  start = span->start;

  switch (type)
    {
      case MD_SPAN_EM:
        add_attr (b, pango_attr_style_new (PANGO_STYLE_ITALIC), start);
        break;
      case MD_SPAN_STRONG:
        add_attr (b, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start);
        break;
      case MD_SPAN_DEL:
        add_attr (b, pango_attr_strikethrough_new (TRUE), start);
        break;
      case MD_SPAN_U:
        add_attr (b, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE), start);
        break;
      case MD_SPAN_CODE:
        add_attr (b, pango_attr_family_new ("Noto Sans Mono, DejaVu Sans Mono"), start);
        add_attr (b, pango_attr_scale_new (0.86), start);
        add_attr (b, pango_attr_background_new (0xee00, 0xef00, 0xf200), start);
        add_attr (b, pango_attr_foreground_new (0x2a00, 0x2c00, 0x3400), start);
        break;
      case MD_SPAN_IMG:
        add_attr (b, pango_attr_style_new (PANGO_STYLE_ITALIC), start);
        add_attr (b, pango_attr_foreground_new (0x5a00, 0x5c00, 0x6400), start);
        break;
      case MD_SPAN_A:
        {
          DebriefPdfLink link = { start, (guint) b->text->len, g_steal_pointer (&span->href) };

          add_attr (b, pango_attr_foreground_new (0x1a00, 0x5000, 0xa800), start);
          add_attr (b, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE), start);
          add_attr (b, pango_attr_underline_color_new (0x9a00, 0xb400, 0xde00), start);
          if (link.end > link.start && link.uri != NULL && *link.uri != '\0')
            g_array_append_val (b->links, link);
          else
            g_free (link.uri);
        }
        break;
      case MD_SPAN_WIKILINK:
      case MD_SPAN_LATEXMATH:
      case MD_SPAN_LATEXMATH_DISPLAY:
      default:
        break;
    }

  g_array_set_size (b->spans, b->spans->len - 1);

  return 0;
}

static void
append_text (Builder *b, GString *out, const char *text, gsize size)
{
  g_autofree char *composed = NULL;

  /* Names are found in composed form (NFC) */
  if (b->names != NULL && b->names->len > 0 &&
      (composed = g_utf8_normalize (text, (gssize) size, G_NORMALIZE_DEFAULT_COMPOSE)))
    g_string_append (out, composed);
  else
    g_string_append_len (out, text, size);
}

static int
text_cb (MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *user_data)
{
  Builder         *b = user_data;
  GString         *out;
  g_autofree char *shown = NULL;

  /* A tag being taken out runs over a line */
  if (b->html.in != 0 && (type == MD_TEXT_SOFTBR || type == MD_TEXT_BR))
    return 0;

  if (b->plain_depth > 0)
    out = b->plain;
  else
    {
      ensure_text (b);
      out = b->text;
    }

  switch (type)
    {
      case MD_TEXT_NULLCHAR:
        g_string_append (out, "\xEF\xBF\xBD");
        break;
      case MD_TEXT_BR:
        g_string_append (out, b->in_code ? "\n" : "\xE2\x80\xA8");
        break;
      case MD_TEXT_SOFTBR:
        g_string_append_c (out, b->in_code ? '\n' : ' ');
        break;
      case MD_TEXT_ENTITY:
        append_entity (out, text, size);
        break;
      case MD_TEXT_HTML:
        /* Without links, an inline tag goes (and the address in it); an
         * HTML block is cleaned once it is all there */
        if (!b->links_allowed && !b->in_html)
          {
            shown = _debrief_export_html_text (text, (gssize) size, &b->html);
            append_text (b, out, shown, strlen (shown));
            break;
          }
        append_text (b, out, text, size);
        break;
      case MD_TEXT_NORMAL:
      case MD_TEXT_CODE:
      case MD_TEXT_LATEXMATH:
      default:
        append_text (b, out, text, size);
        break;
    }

  return 0;
}

/**
 * _debrief_pdf_add_markdown:
 * @links: whether links are kept (clickable) or shown as plain text
 * @names: (nullable) (element-type GRegex): names of people to take out
 * @outline_level: the outline level of the section the text is in; its
 *   first two levels of headings go into the outline below it
 *
 * Adds the blocks of a Markdown text to @doc.
 */
void
_debrief_pdf_add_markdown (
    DebriefPdfDoc *doc, const char *markdown, gboolean links, GPtrArray *names, int outline_level)
{
  Builder   b = { 0 };
  MD_PARSER parser = {
    .abi_version = 0,
    .flags = MD_DIALECT_GITHUB,
    .enter_block = enter_block_cb,
    .leave_block = leave_block_cb,
    .enter_span = enter_span_cb,
    .leave_span = leave_span_cb,
    .text = text_cb,
  };

  b.doc = doc;
  b.links_allowed = links;
  b.names = names;
  b.outline_level = outline_level;
  b.first_block = TRUE;
  b.containers = g_array_new (FALSE, TRUE, sizeof (Container));
  g_array_set_clear_func (b.containers, container_clear);
  b.spans = g_array_new (FALSE, TRUE, sizeof (Span));
  b.edges = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_set_clear_func (b.spans, span_clear);

  md_parse (markdown, (MD_SIZE) strlen (markdown), &parser, &b);
  text_flush (&b, space_for (&b, 6));

  text_reset (&b);
  if (b.plain != NULL)
    g_string_free (b.plain, TRUE);
  g_clear_pointer (&b.row, g_ptr_array_unref);
  g_clear_pointer (&b.rows, g_ptr_array_unref);
  g_array_unref (b.spans);
  g_array_unref (b.edges);
  g_array_unref (b.containers);
}
