/* debrief-markdown.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-markdown"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <md4c.h>
#include <string.h>

#include "debrief-enum-types.h"
#include "debrief-error.h"
#include "debrief-export-private.h"
#include "debrief-time.h"

/* The Markdown export. Section bodies are parsed with md4c and written out
 * again, so that their headings nest under the section's heading, links
 * follow the profile, and what the PDF shows and what the Markdown says
 * come from the same reading of the text. */

#define MD_FLAGS (MD_DIALECT_GITHUB)

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
  gboolean      had_item;
  char         *marker;
  guint         indent;
  gboolean      marker_pending;
} Container;

typedef struct
{
  GString   *out;
  int        heading_shift;
  gboolean   links;
  GPtrArray *names;   /* GRegex: names of people to take out, or NULL */
  GString   *pending; /* plain text not yet written: \n a soft break, \r a hard one */
  GArray    *containers;
  gboolean   at_line_start;
  gsize      line_start;
  gboolean   block_done;

  /* A link or image whose text is kept as plain text (links not allowed) */
  guint    plain_depth;
  GString *plain;

  /* Code block, HTML block, code span */
  GString *code;
  char     fence_char;
  char    *info;
  gboolean in_code_span;

  /* Tables */
  GPtrArray *row;
  GString   *cell;
  GArray    *aligns;
  GPtrArray *rows;
  guint      head_rows;
  gboolean   in_head;
  /* Where the text of the link being written starts */
  GString *link_out;
  gsize    link_start;
  /* An inline tag taken out (links not allowed) may run over a line */
  DebriefHtmlState html;
  /* Where the text of the heading being written starts */
  gsize heading_start;
} Writer;

static void
container_clear (gpointer data)
{
  Container *c = data;

  g_free (c->marker);
}

/* What a link reads as when links are not allowed: its text, unless the
 * text is itself the address. */
static const char *
plain_link_text (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0' || _debrief_export_looks_like_address (stripped))
    return _debrief_export_link_removed ();

  return text;
}

/* A heading's text from @start to the end of @out that ends in " #" (or
 * is only "#"s) would lose them: Markdown takes them for the heading's
 * closing marks. The first of them is escaped. */
static void
keep_closing_hashes (GString *out, gsize start)
{
  gsize end = out->len;

  while (end > start && out->str[end - 1] == '#')
    end--;
  if (end < out->len && (end == start || out->str[end - 1] == ' '))
    g_string_insert_c (out, (gssize) end, '\\');
}

static void
write_prefix (Writer *w, gboolean blank)
{
  for (guint i = 0; i < w->containers->len; i++)
    {
      Container *c = &g_array_index (w->containers, Container, i);

      if (c->type == CONTAINER_QUOTE)
        g_string_append (w->out, blank ? ">" : "> ");
      else if (c->type == CONTAINER_ITEM)
        {
          /* A blank line in an item keeps its indent for a quote inside
           * (trailing spaces go below) */
          if (c->marker_pending && !blank)
            {
              g_string_append (w->out, c->marker);
              c->marker_pending = FALSE;
            }
          else
            g_string_append_printf (w->out, "%*s", (int) c->indent, "");
        }
    }

  /* Blank lines carry no trailing spaces */
  if (blank)
    while (w->out->len > 0 && w->out->str[w->out->len - 1] == ' ')
      g_string_truncate (w->out, w->out->len - 1);
}

static void
ensure_line (Writer *w)
{
  if (!w->at_line_start)
    return;

  write_prefix (w, FALSE);
  w->at_line_start = FALSE;
  w->line_start = w->out->len;
}

static void
newline (Writer *w)
{
  g_string_append_c (w->out, '\n');
  w->at_line_start = TRUE;
}

static Container *
innermost (Writer *w)
{
  if (w->containers->len == 0)
    return NULL;

  return &g_array_index (w->containers, Container, w->containers->len - 1);
}

static gboolean
in_tight_item (Writer *w)
{
  Container *c = innermost (w);

  if (c == NULL || c->type != CONTAINER_ITEM || w->containers->len < 2)
    return FALSE;

  return g_array_index (w->containers, Container, w->containers->len - 2).tight;
}

/* Before a block: finish the line, and leave a blank line after the
 * previous block unless it is in a tight list. */
static void
begin_block (Writer *w)
{
  Container *c = innermost (w);

  if (!w->at_line_start)
    newline (w);

  if (w->block_done && !in_tight_item (w) && !(c != NULL && c->marker_pending))
    {
      write_prefix (w, TRUE);
      newline (w);
    }

  w->block_done = FALSE;
}

static void
end_block (Writer *w)
{
  if (!w->at_line_start)
    newline (w);
  w->block_done = TRUE;
}

static GString *
target (Writer *w)
{
  if (w->plain_depth > 0)
    return w->plain;
  if (w->code != NULL)
    return w->code;
  if (w->cell != NULL)
    return w->cell;

  ensure_line (w);
  return w->out;
}

/* Appends plain text so that Markdown reads it back as the same text. */
static void
append_escaped (Writer *w, GString *out, const char *text, gsize size)
{
  gboolean line_start = out == w->out && out->len == w->line_start;
  gsize    digits = 0;

  /* What would start a block at the start of a line: "# ", "- ", "1. " */
  if (line_start)
    {
      while (digits < size && g_ascii_isdigit (text[digits]))
        digits++;
      if (digits == 0 || digits >= size || (text[digits] != '.' && text[digits] != ')'))
        digits = 0;
    }

  for (gsize i = 0; i < size; i++)
    {
      char c = text[i];

      switch (c)
        {
          case '\\':
          case '`':
          case '*':
          case '[':
          case ']':
          case '<':
          case '>':
          case '|':
          case '~':
          case '&':
            g_string_append_c (out, '\\');
            g_string_append_c (out, c);
            break;
          case '_':
            if (i > 0 && i + 1 < size && g_ascii_isalnum (text[i - 1]) &&
                g_ascii_isalnum (text[i + 1]))
              g_string_append_c (out, c);
            else
              g_string_append (out, "\\_");
            break;
          case '#':
          case '+':
          case '-':
          case '=':
            if (line_start && i == 0)
              g_string_append_c (out, '\\');
            g_string_append_c (out, c);
            break;
          case '.':
          case ')':
            if (digits > 0 && i == digits)
              g_string_append_c (out, '\\');
            g_string_append_c (out, c);
            break;
          default:
            g_string_append_c (out, c);
        }
    }
}

static void
append_attribute (GString *out, const MD_ATTRIBUTE *attr)
{
  if (attr->text == NULL)
    return;

  g_string_append_len (out, attr->text, attr->size);
}

static char *
attribute_dup (const MD_ATTRIBUTE *attr)
{
  GString *str = g_string_new (NULL);

  append_attribute (str, attr);
  return g_string_free (str, FALSE);
}

static void
write_destination (GString *out, const char *href)
{
  if (*href == '\0' || strpbrk (href, " ()<>") != NULL)
    {
      g_string_append_c (out, '<');
      for (const char *p = href; *p; p++)
        {
          if (*p == '<' || *p == '>' || *p == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '>');
    }
  else
    g_string_append (out, href);
}

static void
write_title (GString *out, const MD_ATTRIBUTE *title)
{
  g_autofree char *text = attribute_dup (title);

  if (*text == '\0')
    return;

  g_string_append (out, " \"");
  for (const char *p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static guint
longest_run (const char *text, char c)
{
  guint best = 0, run = 0;

  for (const char *p = text; *p; p++)
    {
      run = *p == c ? run + 1 : 0;
      best = MAX (best, run);
    }

  return best;
}

static void
flush_table (Writer *w)
{
  for (guint r = 0; r < w->rows->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (w->rows, r);

      ensure_line (w);
      g_string_append (w->out, "|");
      for (guint i = 0; i < w->aligns->len; i++)
        g_string_append_printf (w->out, " %s |",
                                i < cells->len ? (char *) g_ptr_array_index (cells, i) : "");
      newline (w);

      if (r + 1 == w->head_rows)
        {
          ensure_line (w);
          g_string_append (w->out, "|");
          for (guint i = 0; i < w->aligns->len; i++)
            {
              switch (g_array_index (w->aligns, MD_ALIGN, i))
                {
                  case MD_ALIGN_LEFT:
                    g_string_append (w->out, " :--- |");
                    break;
                  case MD_ALIGN_CENTER:
                    g_string_append (w->out, " :---: |");
                    break;
                  case MD_ALIGN_RIGHT:
                    g_string_append (w->out, " ---: |");
                    break;
                  case MD_ALIGN_DEFAULT:
                  default:
                    g_string_append (w->out, " --- |");
                }
            }
          newline (w);
        }
    }

  g_clear_pointer (&w->rows, g_ptr_array_unref);
  g_clear_pointer (&w->aligns, g_array_unref);
}

/* Writes the plain text that waited, without the names of people */
static void
flush_pending (Writer *w)
{
  g_autofree char *shown = NULL;
  const char      *line;

  if (w->pending->len == 0)
    return;

  shown = _debrief_export_remove_names (w->names, w->pending->str, (gssize) w->pending->len);
  g_string_truncate (w->pending, 0);
  line = shown;
  for (const char *p = shown;; p++)
    {
      if (*p != '\0' && *p != '\n' && *p != '\r')
        continue;
      if (p > line)
        append_escaped (w, target (w), line, (gsize) (p - line));
      if (*p == '\0')
        break;
      if (*p == '\r')
        g_string_append_c (target (w), '\\');
      newline (w);
      line = p + 1;
    }
}

static int
enter_block_cb (MD_BLOCKTYPE type, void *detail, void *user_data)
{
  Writer   *w = user_data;
  Container c = { 0 };

  flush_pending (w);
  switch (type)
    {
      case MD_BLOCK_DOC:
        break;

      case MD_BLOCK_QUOTE:
        begin_block (w);
        c.type = CONTAINER_QUOTE;
        g_array_append_val (w->containers, c);
        break;

      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        begin_block (w);
        c.type = CONTAINER_LIST;
        c.ordered = type == MD_BLOCK_OL;
        if (type == MD_BLOCK_UL)
          c.tight = ((MD_BLOCK_UL_DETAIL *) detail)->is_tight;
        else
          {
            c.tight = ((MD_BLOCK_OL_DETAIL *) detail)->is_tight;
            c.counter = ((MD_BLOCK_OL_DETAIL *) detail)->start;
            c.delimiter = ((MD_BLOCK_OL_DETAIL *) detail)->mark_delimiter;
          }
        g_array_append_val (w->containers, c);
        break;

      case MD_BLOCK_LI:
        {
          Container          *list = innermost (w);
          MD_BLOCK_LI_DETAIL *li = detail;
          g_autofree char    *marker = NULL;

          g_assert (list != NULL && list->type == CONTAINER_LIST);

          if (list->had_item)
            {
              if (!w->at_line_start)
                newline (w);
              if (!list->tight)
                {
                  write_prefix (w, TRUE);
                  newline (w);
                }
            }
          else if (!w->at_line_start)
            newline (w);

          list->had_item = TRUE;
          w->block_done = FALSE;

          if (list->ordered)
            marker = g_strdup_printf ("%u%c ", list->counter++,
                                      list->delimiter ? list->delimiter : '.');
          else
            marker = g_strdup ("- ");
          /* What follows in the item lines up with its text, after the
           * number or dash, not after a task's box */
          c.indent = (guint) strlen (marker);
          if (li->is_task)
            {
              char *with_task = g_strdup_printf ("%s[%c] ", marker,
                                                 li->task_mark == ' ' ? ' ' : 'x');

              g_free (marker);
              marker = with_task;
            }

          c.type = CONTAINER_ITEM;
          c.marker = g_steal_pointer (&marker);
          c.marker_pending = TRUE;
          g_array_append_val (w->containers, c);
        }
        break;

      case MD_BLOCK_HR:
        begin_block (w);
        ensure_line (w);
        g_string_append (w->out, "* * *");
        break;

      case MD_BLOCK_H:
        begin_block (w);
        ensure_line (w);
        for (int i = 0;
             i < MIN ((int) ((MD_BLOCK_H_DETAIL *) detail)->level + w->heading_shift, 6); i++)
          g_string_append_c (w->out, '#');
        g_string_append_c (w->out, ' ');
        w->heading_start = w->out->len;
        break;

      case MD_BLOCK_CODE:
        begin_block (w);
        w->code = g_string_new (NULL);
        w->fence_char = '`';
        g_free (w->info);
        w->info = attribute_dup (&((MD_BLOCK_CODE_DETAIL *) detail)->info);
        break;

      case MD_BLOCK_HTML:
        begin_block (w);
        w->code = g_string_new (NULL);
        w->fence_char = 0;
        break;

      case MD_BLOCK_P:
        begin_block (w);
        break;

      case MD_BLOCK_TABLE:
        begin_block (w);
        w->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
        w->aligns = g_array_new (FALSE, FALSE, sizeof (MD_ALIGN));
        w->head_rows = 0;
        break;

      case MD_BLOCK_THEAD:
        w->in_head = TRUE;
        break;

      case MD_BLOCK_TBODY:
        break;

      case MD_BLOCK_TR:
        w->row = g_ptr_array_new_with_free_func (g_free);
        if (w->in_head)
          w->head_rows++;
        break;

      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        w->cell = g_string_new (NULL);
        if (w->in_head)
          g_array_append_val (w->aligns, ((MD_BLOCK_TD_DETAIL *) detail)->align);
        break;

      default:
        break;
    }

  return 0;
}

/* An HTML block in a profile without links: its text, without the tags
 * and the addresses, as a paragraph */
static void
write_html_text (Writer *w, const char *html)
{
  g_autofree char *text = _debrief_export_html_text (html, -1, NULL);
  g_autofree char *shown = _debrief_export_remove_names (w->names, text, -1);
  g_auto (GStrv) lines = g_strsplit (shown, "\n", -1);
  gboolean any = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      if (any)
        newline (w);
      ensure_line (w);
      append_escaped (w, w->out, lines[i], strlen (lines[i]));
      any = TRUE;
    }
  if (any)
    newline (w);
  w->block_done = any;
}

static int
leave_block_cb (MD_BLOCKTYPE type, void *detail, void *user_data)
{
  Writer *w = user_data;

  flush_pending (w);

  switch (type)
    {
      case MD_BLOCK_DOC:
        if (!w->at_line_start)
          newline (w);
        break;

      case MD_BLOCK_QUOTE:
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        g_array_set_size (w->containers, w->containers->len - 1);
        w->block_done = TRUE;
        break;

      case MD_BLOCK_LI:
        {
          Container *c = innermost (w);

          /* An empty item still shows its marker */
          if (c != NULL && c->marker_pending)
            ensure_line (w);
          if (!w->at_line_start)
            newline (w);
          g_array_set_size (w->containers, w->containers->len - 1);
          w->block_done = FALSE;
        }
        break;

      case MD_BLOCK_H:
        keep_closing_hashes (w->out, w->heading_start);
        end_block (w);
        break;

      case MD_BLOCK_HR:
      case MD_BLOCK_P:
        end_block (w);
        break;

      case MD_BLOCK_CODE:
      case MD_BLOCK_HTML:
        {
          g_autoptr (GString) code = g_steal_pointer (&w->code);
          g_auto (GStrv) lines = NULL;
          g_autofree char *shown = NULL;
          guint            n;
          guint            fence_len;

          if (type == MD_BLOCK_HTML && !w->links)
            {
              write_html_text (w, code->str);
              break;
            }

          shown = _debrief_export_remove_names (w->names, code->str, -1);
          g_string_assign (code, shown);
          fence_len = MAX (3, longest_run (code->str, '`') + 1);
          if (code->len > 0 && code->str[code->len - 1] == '\n')
            g_string_truncate (code, code->len - 1);
          lines = g_strsplit (code->str, "\n", -1);
          n = g_strv_length (lines);

          if (w->fence_char != 0)
            {
              ensure_line (w);
              for (guint i = 0; i < fence_len; i++)
                g_string_append_c (w->out, '`');
              g_string_append (w->out, w->info ? w->info : "");
              newline (w);
            }
          for (guint i = 0; i < n; i++)
            {
              if (lines[i][0] == '\0')
                write_prefix (w, TRUE);
              else
                {
                  ensure_line (w);
                  g_string_append (w->out, lines[i]);
                }
              newline (w);
            }
          if (w->fence_char != 0)
            {
              ensure_line (w);
              for (guint i = 0; i < fence_len; i++)
                g_string_append_c (w->out, '`');
              newline (w);
            }
          w->block_done = TRUE;
        }
        break;

      case MD_BLOCK_TABLE:
        flush_table (w);
        w->block_done = TRUE;
        break;

      case MD_BLOCK_THEAD:
        w->in_head = FALSE;
        break;

      case MD_BLOCK_TR:
        g_ptr_array_add (w->rows, g_steal_pointer (&w->row));
        break;

      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        g_ptr_array_add (w->row, g_string_free (g_steal_pointer (&w->cell), FALSE));
        break;

      default:
        break;
    }

  return 0;
}

/* The marks that open and close an emphasis span, the same on both sides */
static const char *
span_mark (MD_SPANTYPE type)
{
  switch (type)
    {
      case MD_SPAN_EM:
        return "*";
      case MD_SPAN_STRONG:
        return "**";
      case MD_SPAN_DEL:
        return "~~";
      case MD_SPAN_U:
        return "_";
      default:
        return NULL;
    }
}

static int
enter_span_cb (MD_SPANTYPE type, void *detail, void *user_data)
{
  Writer *w = user_data;

  flush_pending (w);

  if (w->plain_depth > 0)
    {
      if (type == MD_SPAN_A || type == MD_SPAN_IMG)
        w->plain_depth++;
      return 0;
    }

  if (span_mark (type) != NULL)
    {
      g_string_append (target (w), span_mark (type));
      return 0;
    }

  switch (type)
    {
      case MD_SPAN_CODE:
        w->in_code_span = TRUE;
        w->plain_depth = 1;
        w->plain = g_string_new (NULL);
        break;
      case MD_SPAN_A:
        if (w->links)
          {
            w->link_out = target (w);
            g_string_append_c (w->link_out, '[');
            w->link_start = w->link_out->len;
          }
        else
          {
            w->plain_depth = 1;
            w->plain = g_string_new (NULL);
          }
        break;
      case MD_SPAN_IMG:
        if (w->links)
          g_string_append (target (w), "![");
        else
          {
            w->plain_depth = 1;
            w->plain = g_string_new (NULL);
          }
        break;
      default:
        break;
    }

  return 0;
}

static int
leave_span_cb (MD_SPANTYPE type, void *detail, void *user_data)
{
  Writer *w = user_data;

  flush_pending (w);

  if (w->plain_depth > 1)
    {
      if (type == MD_SPAN_A || type == MD_SPAN_IMG)
        w->plain_depth--;
      return 0;
    }

  if (w->plain_depth == 1 && type == MD_SPAN_CODE && w->in_code_span)
    {
      g_autoptr (GString) code = g_steal_pointer (&w->plain);
      g_autofree char *shown = _debrief_export_remove_names (w->names, code->str, -1);
      GString         *out;
      guint            ticks;
      gboolean         pad;

      g_string_assign (code, shown);
      ticks = longest_run (code->str, '`') + 1;
      pad = code->len > 0 && (code->str[0] == '`' || code->str[code->len - 1] == '`' ||
                              (code->str[0] == ' ' && code->str[code->len - 1] == ' '));
      w->plain_depth = 0;
      w->in_code_span = FALSE;
      out = target (w);
      for (guint i = 0; i < ticks; i++)
        g_string_append_c (out, '`');
      if (pad)
        g_string_append_c (out, ' ');
      for (gsize i = 0; i < code->len; i++)
        {
          /* A pipe ends a table cell even inside code, unless escaped
           * (md4c leaves the backslash in the code's text) */
          if (code->str[i] == '|' && w->cell != NULL && (i == 0 || code->str[i - 1] != '\\'))
            g_string_append_c (out, '\\');
          g_string_append_c (out, code->str[i]);
        }
      if (pad)
        g_string_append_c (out, ' ');
      for (guint i = 0; i < ticks; i++)
        g_string_append_c (out, '`');
      return 0;
    }

  if (w->plain_depth == 1 && (type == MD_SPAN_A || type == MD_SPAN_IMG))
    {
      g_autoptr (GString) text = g_steal_pointer (&w->plain);
      const char      *plain = plain_link_text (text->str);
      g_autofree char *shown = _debrief_export_remove_names (w->names, plain, -1);
      GString         *out;

      w->plain_depth = 0;
      out = target (w);
      append_escaped (w, out, shown, strlen (shown));
      return 0;
    }

  if (span_mark (type) != NULL)
    {
      g_string_append (target (w), span_mark (type));
      return 0;
    }

  switch (type)
    {
      case MD_SPAN_A:
        {
          MD_SPAN_A_DETAIL *a = detail;
          g_autofree char  *href = attribute_dup (&a->href);
          g_autofree char  *title = attribute_dup (&a->title);
          GString          *out = target (w);

          /* A link whose text is its address is written as <address> */
          if (out == w->link_out && w->link_start > 0 && *title == '\0' &&
              strpbrk (href, "<> ") == NULL && strstr (href, "://") != NULL &&
              out->len - w->link_start == strlen (href) &&
              memcmp (out->str + w->link_start, href, strlen (href)) == 0)
            {
              out->str[w->link_start - 1] = '<';
              g_string_append_c (out, '>');
              w->link_out = NULL;
              break;
            }
          w->link_out = NULL;

          g_string_append (out, "](");
          write_destination (out, href);
          write_title (out, &a->title);
          g_string_append_c (out, ')');
        }
        break;
      case MD_SPAN_IMG:
        {
          MD_SPAN_IMG_DETAIL *img = detail;
          g_autofree char    *src = attribute_dup (&img->src);
          GString            *out = target (w);

          g_string_append (out, "](");
          write_destination (out, src);
          write_title (out, &img->title);
          g_string_append_c (out, ')');
        }
        break;
      default:
        break;
    }

  return 0;
}

static int
text_cb (MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *user_data)
{
  Writer          *w = user_data;
  GString         *out;
  g_autofree char *shown = NULL;

  /* Inside a code block, a code span or a plain link text: the text as is,
   * but for names of people. A link's text is looked at whole once it
   * ends, in case it is an address. */
  if (w->code != NULL || w->plain_depth > 0)
    {
      out = w->code != NULL ? w->code : w->plain;
      if (type == MD_TEXT_NULLCHAR)
        g_string_append (out, "\xEF\xBF\xBD");
      else if (type == MD_TEXT_BR || type == MD_TEXT_SOFTBR)
        g_string_append_c (out, w->code != NULL ? '\n' : ' ');
      else
        g_string_append_len (out, text, size);
      return 0;
    }

  /* A tag being taken out runs over a line */
  if (w->html.in != 0 && (type == MD_TEXT_SOFTBR || type == MD_TEXT_BR))
    return 0;

  /* Plain text waits until all of it is there: it is escaped as a whole,
   * and a name may run across a line break */
  if (type == MD_TEXT_NORMAL || type == MD_TEXT_CODE || type == MD_TEXT_LATEXMATH ||
      ((type == MD_TEXT_SOFTBR || type == MD_TEXT_BR) && w->cell == NULL))
    {
      if (type == MD_TEXT_SOFTBR)
        g_string_append_c (w->pending, '\n');
      else if (type == MD_TEXT_BR)
        g_string_append_c (w->pending, '\r');
      else
        g_string_append_len (w->pending, text, size);
      return 0;
    }
  flush_pending (w);

  switch (type)
    {
      case MD_TEXT_NULLCHAR:
        g_string_append (target (w), "\xEF\xBF\xBD");
        break;
      case MD_TEXT_BR:
        if (w->cell != NULL)
          g_string_append (w->cell, "<br>");
        else
          {
            g_string_append_c (target (w), '\\');
            newline (w);
          }
        break;
      case MD_TEXT_SOFTBR:
        if (w->cell != NULL)
          g_string_append_c (w->cell, ' ');
        else
          newline (w);
        break;
      case MD_TEXT_HTML:
        /* Without links, a tag goes (and the address in it), its text
         * stays */
        if (!w->links)
          {
            g_autofree char *plain = _debrief_export_html_text (text, (gssize) size, &w->html);

            append_escaped (w, target (w), plain, strlen (plain));
            break;
          }
        shown = _debrief_export_remove_names (w->names, text, (gssize) size);
        g_string_append (target (w), shown);
        break;
      case MD_TEXT_ENTITY:
        g_string_append_len (target (w), text, size);
        break;
      case MD_TEXT_NORMAL:
      case MD_TEXT_CODE:
      case MD_TEXT_LATEXMATH:
      default:
        out = target (w);
        append_escaped (w, out, text, size);
        break;
    }

  return 0;
}

/* Writes the Markdown @body with its headings moved down by
 * @heading_shift levels, keeping links only if @links and taking out
 * the @names of people, if any. */
static void
write_body (GString *out, const char *body, int heading_shift, gboolean links, GPtrArray *names)
{
  Writer    w = { 0 };
  MD_PARSER parser = {
    .abi_version = 0,
    .flags = MD_FLAGS,
    .enter_block = enter_block_cb,
    .leave_block = leave_block_cb,
    .enter_span = enter_span_cb,
    .leave_span = leave_span_cb,
    .text = text_cb,
  };

  w.out = out;
  w.heading_shift = heading_shift;
  w.links = links;
  w.names = names;
  w.pending = g_string_new (NULL);
  w.containers = g_array_new (FALSE, TRUE, sizeof (Container));
  g_array_set_clear_func (w.containers, container_clear);
  w.at_line_start = TRUE;

  md_parse (body, (MD_SIZE) strlen (body), &parser, &w);

  if (!w.at_line_start)
    g_string_append_c (out, '\n');

  g_array_unref (w.containers);
  g_string_free (w.pending, TRUE);
  g_free (w.info);
  if (w.plain != NULL)
    g_string_free (w.plain, TRUE);
  if (w.code != NULL)
    g_string_free (w.code, TRUE);
  if (w.cell != NULL)
    g_string_free (w.cell, TRUE);
  g_clear_pointer (&w.row, g_ptr_array_unref);
  g_clear_pointer (&w.rows, g_ptr_array_unref);
  g_clear_pointer (&w.aligns, g_array_unref);
}

/* Plain text in a table cell: nothing in it may be read as Markdown, and
 * line breaks stay inside the cell. */
static void
append_cell (GString *out, const char *text)
{
  for (const char *p = text; p != NULL && *p; p++)
    {
      switch (*p)
        {
          case '\\':
          case '`':
          case '*':
          case '_':
          case '[':
          case ']':
          case '<':
          case '>':
          case '|':
          case '~':
          case '&':
            g_string_append_c (out, '\\');
            g_string_append_c (out, *p);
            break;
          case '\r':
            break;
          case '\n':
            g_string_append (out, "<br>");
            break;
          default:
            g_string_append_c (out, *p);
        }
    }
}

static void
append_inline (GString *out, const char *text)
{
  append_cell (out, text);
}

static void
table_header (GString *out, const char *const *columns)
{
  g_string_append (out, "|");
  for (guint i = 0; columns[i] != NULL; i++)
    {
      g_string_append_c (out, ' ');
      append_cell (out, columns[i]);
      g_string_append (out, " |");
    }
  g_string_append (out, "\n|");
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append (out, " --- |");
  g_string_append_c (out, '\n');
}

static void
table_row (GString *out, GPtrArray *cells)
{
  g_string_append (out, "|");
  for (guint i = 0; i < cells->len; i++)
    {
      const char *cell = g_ptr_array_index (cells, i);

      g_string_append_c (out, ' ');
      g_string_append (out, cell);
      g_string_append (out, " |");
    }
  g_string_append_c (out, '\n');
}

static char *
escaped (const char *text)
{
  GString *str = g_string_new (NULL);

  append_cell (str, text);
  return g_string_free (str, FALSE);
}

static void
meta_row (GString *out, const char *label, const char *value)
{
  g_string_append (out, "- **");
  append_inline (out, label);
  g_string_append (out, ":** ");
  append_inline (out, value);
  g_string_append_c (out, '\n');
}

static char *
metric_value (DebriefExportMetric *m)
{
  if (m->state == DEBRIEF_METRIC_STATE_OK)
    {
      g_autofree char *amount = debrief_duration_format (m->seconds);

      /* Translators: a figure and its formula, e.g. "25 min (detected − started)" */
      return g_strdup_printf (_ ("%s (%s)"), amount, m->formula);
    }

  /* Translators: no figure, why, and the formula it would come from */
  return g_strdup_printf (_ ("Not available: %s (%s)"), m->description, m->formula);
}

static void
write_metadata (GString *out, DebriefExportSnapshot *s)
{
  DebriefProfileRows rows = s->profile->rows;
  gboolean           with_date = TRUE;

  if ((rows & DEBRIEF_PROFILE_ROW_STATUS) != 0)
    meta_row (out, _ ("Status"), debrief_enum_get_label (DEBRIEF_TYPE_STATUS, s->status));
  if ((rows & DEBRIEF_PROFILE_ROW_SEVERITY) != 0)
    meta_row (out, _ ("Severity"), debrief_enum_get_label (DEBRIEF_TYPE_SEVERITY, s->severity));
  if ((rows & DEBRIEF_PROFILE_ROW_LEAD) != 0 && s->lead != NULL)
    meta_row (out, _ ("Incident lead"), *s->lead ? s->lead : _ ("not named"));
  if ((rows & DEBRIEF_PROFILE_ROW_STARTED) != 0)
    {
      g_autofree char *t = _debrief_export_format_time (s, s->started_at,
                                                        DEBRIEF_TIME_PRECISION_MINUTE, with_date);

      meta_row (out, _ ("Incident start"), t);
    }
  if ((rows & DEBRIEF_PROFILE_ROW_ENDED) != 0)
    {
      g_autofree char *t = s->ended_at == DEBRIEF_TIME_UNSET
                               ? g_strdup (_ ("not resolved yet"))
                               : _debrief_export_format_time (
                                     s, s->ended_at, DEBRIEF_TIME_PRECISION_MINUTE, with_date);

      meta_row (out, _ ("Incident end"), t);
    }
  if ((rows & DEBRIEF_PROFILE_ROW_DURATION) != 0 && s->started_at != DEBRIEF_TIME_UNSET &&
      s->ended_at != DEBRIEF_TIME_UNSET && s->ended_at >= s->started_at)
    {
      g_autofree char *d = debrief_duration_format (s->ended_at - s->started_at);
      g_autofree char *shown = g_strdup_printf (_ ("%s (%s)"), d,
                                                _debrief_export_duration_formula ());

      meta_row (out, _ ("Duration"), shown);
    }
  if ((rows & DEBRIEF_PROFILE_ROW_METRICS) != 0)
    {
      for (guint i = DEBRIEF_METRIC_TIME_TO_DETECT; i <= DEBRIEF_METRIC_TIME_TO_RESOLVE; i++)
        {
          g_autofree char *v = metric_value (&s->metrics[i]);

          meta_row (out, s->metrics[i].label, v);
        }
    }
  if ((rows & DEBRIEF_PROFILE_ROW_GENERATED) != 0)
    {
      g_autofree char *t = _debrief_export_format_time (s, s->generated_at,
                                                        DEBRIEF_TIME_PRECISION_MINUTE, TRUE);

      meta_row (out, _ ("Generated"), t);
    }
}

static gboolean
write_timeline (GString *out, DebriefExportSnapshot *s, DebriefExportJob *job, GError **error)
{
  const char *columns[] = { _ ("Time"), _ ("Kind"), _ ("What happened"), NULL };

  table_header (out, columns);

  for (guint i = 0; i < s->entries->len; i++)
    {
      DebriefExportEntry *e = g_ptr_array_index (s->entries, i);
      g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *time = _debrief_export_format_time (s, e->at, e->precision, s->spans_days);
      g_autoptr (GString) what = g_string_new (NULL);

      if (e->key_event != DEBRIEF_KEY_EVENT_NONE)
        {
          g_string_append (what, "**");
          append_cell (what, debrief_enum_get_label (DEBRIEF_TYPE_KEY_EVENT, e->key_event));
          g_string_append (what, "** · ");
        }
      if (e->kind == DEBRIEF_ENTRY_KIND_HYPOTHESIS)
        {
          g_autofree char *text = escaped (e->text);

          /* Translators: a timeline entry that is a guess, not a fact */
          g_string_append_printf (what, "*%s: %s*", _ ("Hypothesis"), text);
        }
      else
        append_cell (what, e->text);

      g_ptr_array_add (cells, escaped (time));
      g_ptr_array_add (cells, escaped (debrief_enum_get_label (DEBRIEF_TYPE_ENTRY_KIND, e->kind)));
      g_ptr_array_add (cells, g_string_free (g_steal_pointer (&what), FALSE));
      table_row (out, cells);

      if (i % 64 == 0 &&
          !_debrief_export_job_progress (job, 0.2 + 0.6 * i / s->entries->len, error))
        return FALSE;
    }

  return TRUE;
}

static void
write_key_events (GString *out, DebriefExportSnapshot *s)
{
  const char *columns[] = { _ ("Event"), _ ("Time"), NULL };

  table_header (out, columns);
  for (guint k = DEBRIEF_KEY_EVENT_STARTED; k <= DEBRIEF_KEY_EVENT_RESOLVED; k++)
    {
      g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *time = NULL;

      if (s->event_at[k] == DEBRIEF_TIME_UNSET)
        continue;

      time = _debrief_export_format_time (s, s->event_at[k], DEBRIEF_TIME_PRECISION_MINUTE,
                                          s->spans_days);
      g_ptr_array_add (cells, escaped (debrief_enum_get_label (DEBRIEF_TYPE_KEY_EVENT, k)));
      g_ptr_array_add (cells, escaped (time));
      table_row (out, cells);
    }
}

static void
write_metrics (GString *out, DebriefExportSnapshot *s)
{
  const char *columns[] = { _ ("Metric"), _ ("Figure"), _ ("Formula"), _ ("Where it comes from"),
                            NULL };

  table_header (out, columns);
  for (guint i = 0; i < DEBRIEF_N_METRICS; i++)
    {
      DebriefExportMetric *m = &s->metrics[i];
      g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *figure = m->state == DEBRIEF_METRIC_STATE_OK
                                    ? debrief_duration_format (m->seconds)
                                    : g_strdup ("—");

      g_ptr_array_add (cells, escaped (m->label));
      g_ptr_array_add (cells, escaped (figure));
      g_ptr_array_add (cells, escaped (m->formula));
      g_ptr_array_add (cells, escaped (m->description));
      table_row (out, cells);
    }
}

static void
write_actions (GString *out, DebriefExportSnapshot *s)
{
  DebriefActionColumns columns = s->profile->action_columns;
  g_autoptr (GPtrArray) header = g_ptr_array_new ();

  g_ptr_array_add (header, (gpointer) "#");
  g_ptr_array_add (header, (gpointer) _ ("Description"));
  if ((columns & DEBRIEF_ACTION_COLUMN_OWNER) && s->profile->names)
    g_ptr_array_add (header, (gpointer) _ ("Owner"));
  if (columns & DEBRIEF_ACTION_COLUMN_DUE)
    g_ptr_array_add (header, (gpointer) _ ("Due"));
  if (columns & DEBRIEF_ACTION_COLUMN_STATUS)
    g_ptr_array_add (header, (gpointer) _ ("Status"));
  if (columns & DEBRIEF_ACTION_COLUMN_TYPE)
    g_ptr_array_add (header, (gpointer) _ ("Type"));
  g_ptr_array_add (header, NULL);
  table_header (out, (const char *const *) header->pdata);

  for (guint i = 0; i < s->actions->len; i++)
    {
      DebriefExportAction *a = g_ptr_array_index (s->actions, i);
      g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GString) description = g_string_new (NULL);

      g_ptr_array_add (cells, g_strdup_printf ("%u", i + 1));
      if (a->link != NULL && *a->link != '\0')
        {
          g_string_append_c (description, '[');
          append_cell (description, a->description);
          g_string_append (description, "](");
          write_destination (description, a->link);
          g_string_append_c (description, ')');
        }
      else
        append_cell (description, a->description);
      g_ptr_array_add (cells, g_string_free (g_steal_pointer (&description), FALSE));
      if ((columns & DEBRIEF_ACTION_COLUMN_OWNER) && s->profile->names)
        g_ptr_array_add (cells, escaped (a->owner && *a->owner ? a->owner : "—"));
      if (columns & DEBRIEF_ACTION_COLUMN_DUE)
        g_ptr_array_add (cells, escaped (a->due && *a->due ? a->due : "—"));
      if (columns & DEBRIEF_ACTION_COLUMN_STATUS)
        g_ptr_array_add (cells,
                         escaped (debrief_enum_get_label (DEBRIEF_TYPE_ACTION_STATUS, a->status)));
      if (columns & DEBRIEF_ACTION_COLUMN_TYPE)
        g_ptr_array_add (cells,
                         escaped (debrief_enum_get_label (DEBRIEF_TYPE_ACTION_TYPE, a->type)));
      table_row (out, cells);
    }
}

static void
heading (GString *out, int level, const char *text)
{
  gsize start;

  if (out->len > 0)
    g_string_append_c (out, '\n');
  for (int i = 0; i < level; i++)
    g_string_append_c (out, '#');
  g_string_append_c (out, ' ');
  start = out->len;
  append_inline (out, text);
  keep_closing_hashes (out, start);
  g_string_append (out, "\n\n");
}

GBytes *
_debrief_markdown_render (DebriefExportSnapshot *s, DebriefExportJob *job, GError **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  const DebriefProfile *profile = s->profile;
  g_autofree char      *generated = NULL;

  heading (out, 1, s->title);

  generated = _debrief_export_format_time (s, s->generated_at, DEBRIEF_TIME_PRECISION_MINUTE,
                                           TRUE);
  g_string_append (out, "*");
  append_inline (out, debrief_classification_get_label (s->classification));
  g_string_append (out, " · ");
  append_inline (out, debrief_profile_get_label (profile));
  g_string_append (out, "*\n\n");

  write_metadata (out, s);

  for (guint i = 0; i < s->sections->len; i++)
    {
      DebriefExportSection *section = g_ptr_array_index (s->sections, i);
      g_autofree char      *stripped = g_strstrip (g_strdup (section->body));

      heading (out, 2, section->title);
      if (*stripped == '\0')
        g_string_append_printf (out, "*%s*\n", _ ("This section has not been written."));
      else
        write_body (out, section->body, 2, profile->links, s->names);

      if (!_debrief_export_job_progress (job, 0.2 * (i + 1) / s->sections->len, error))
        return NULL;
    }

  if ((profile->timeline & DEBRIEF_PROFILE_TIMELINE_TABLE) != 0)
    {
      heading (out, 2, _ ("Timeline"));
      if (s->entries->len == 0)
        g_string_append_printf (out, "*%s*\n", _ ("The timeline has no entries."));
      else if (!write_timeline (out, s, job, error))
        return NULL;
    }
  else if ((profile->timeline & DEBRIEF_PROFILE_TIMELINE_KEY_EVENTS) != 0)
    {
      heading (out, 2, _ ("Key times"));
      write_key_events (out, s);
    }

  if (profile->metrics)
    {
      heading (out, 2, _ ("Metrics"));
      write_metrics (out, s);
    }

  if (profile->action_columns != 0)
    {
      heading (out, 2, _ ("Action items"));
      if (s->actions->len == 0)
        g_string_append_printf (out, "*%s*\n", _ ("There are no action items."));
      else
        write_actions (out, s);
    }

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_atx_heading (const char *line)
{
  const char *p = line;
  int         n = 0;

  while (*p == ' ' && p - line < 3)
    p++;
  while (*p == '#')
    {
      p++;
      n++;
    }

  return n >= 1 && n <= 6 && (*p == ' ' || *p == '\t' || *p == '\0');
}

static gboolean
is_fence (const char *line)
{
  const char *p = line;

  while (*p == ' ' && p - line < 3)
    p++;

  return g_str_has_prefix (p, "```") || g_str_has_prefix (p, "~~~");
}

/**
 * _debrief_markdown_first_block:
 *
 * The brief version of a section: its first block of text after any
 * leading headings (a paragraph, a list, a code block), as Markdown.
 *
 * Returns: (transfer full): the first block of @body
 */
char *
_debrief_markdown_first_block (const char *body)
{
  g_auto (GStrv) lines = g_strsplit (body != NULL ? body : "", "\n", -1);
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean started = FALSE;
  gboolean in_fence = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (!started)
        {
          if (is_blank (line) || is_atx_heading (line))
            continue;
          /* A setext heading: its text and its underline */
          if (lines[i + 1] != NULL &&
              g_regex_match_simple ("^ {0,3}(=+|-+)\\s*$", lines[i + 1], 0, 0))
            {
              i++;
              continue;
            }
          started = TRUE;
        }

      if (is_fence (line))
        in_fence = !in_fence;
      else if (!in_fence && is_blank (line))
        break;

      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
