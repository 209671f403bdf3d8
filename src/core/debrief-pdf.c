/* debrief-pdf.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "debrief-enum-types.h"
#include "debrief-pdf-private.h"
#include "debrief-time.h"

/* The PDF export: what goes where in the document. The typesetting is in
 * debrief-pdf-layout.c, section text in debrief-pdf-markdown.c. */

#define CHART_LABEL_WIDTH 108.0
#define CHART_EVENT_ROWS  3 /* at least; one per key event at most */
#define CHART_ROW_HEIGHT  9.5
#define CHART_LANE_HEIGHT 17.0
#define CHART_N_LANES     4

typedef struct
{
  DebriefExportSnapshot *snapshot;
  gint64                 t0;
  gint64                 t1;
  double                 height;
  /* The key events' labels, where they go from the chart's left edge,
   * and on which row */
  char  *labels[DEBRIEF_N_KEY_EVENTS];
  double label_dx[DEBRIEF_N_KEY_EVENTS];
  guint  label_row[DEBRIEF_N_KEY_EVENTS];
  guint  event_rows;
} Chart;

static void
chart_free (gpointer data)
{
  Chart *chart = data;

  for (guint k = 0; k < DEBRIEF_N_KEY_EVENTS; k++)
    g_free (chart->labels[k]);
  g_free (chart);
}

static const DebriefPdfColor event_colors[DEBRIEF_N_KEY_EVENTS] = {
  [DEBRIEF_KEY_EVENT_NONE] = { 0.5, 0.5, 0.5 },
  [DEBRIEF_KEY_EVENT_STARTED] = { 0.42, 0.43, 0.48 },
  [DEBRIEF_KEY_EVENT_DETECTED] = { 0.86, 0.42, 0.02 },
  [DEBRIEF_KEY_EVENT_ACKNOWLEDGED] = { 0.72, 0.56, 0.0 },
  [DEBRIEF_KEY_EVENT_MITIGATED] = { 0.15, 0.45, 0.78 },
  [DEBRIEF_KEY_EVENT_RESOLVED] = { 0.12, 0.55, 0.30 },
};

static const DebriefKeyEvent metric_event[] = {
  [DEBRIEF_METRIC_TIME_TO_DETECT] = DEBRIEF_KEY_EVENT_DETECTED,
  [DEBRIEF_METRIC_TIME_TO_ACKNOWLEDGE] = DEBRIEF_KEY_EVENT_ACKNOWLEDGED,
  [DEBRIEF_METRIC_TIME_TO_MITIGATE] = DEBRIEF_KEY_EVENT_MITIGATED,
  [DEBRIEF_METRIC_TIME_TO_RESOLVE] = DEBRIEF_KEY_EVENT_RESOLVED,
};

static const DebriefPdfColor key_row_fill = { 1.0, 0.965, 0.885 };
static const DebriefPdfColor key_row_edge = { 0.86, 0.56, 0.05 };
static const DebriefPdfColor hypothesis_fill = { 0.965, 0.955, 0.985 };
static const DebriefPdfColor hypothesis_edge = { 0.52, 0.40, 0.72 };
static const DebriefPdfColor chart_fill = { 0.972, 0.975, 0.98 };

static DebriefPdfColor
severity_color (DebriefSeverity severity)
{
  switch (severity)
    {
      case DEBRIEF_SEVERITY_SEV1:
        return (DebriefPdfColor){ 0.75, 0.11, 0.16 };
      case DEBRIEF_SEVERITY_SEV2:
        return (DebriefPdfColor){ 0.86, 0.38, 0.0 };
      case DEBRIEF_SEVERITY_SEV3:
        return (DebriefPdfColor){ 0.80, 0.58, 0.0 };
      case DEBRIEF_SEVERITY_SEV4:
      default:
        return (DebriefPdfColor){ 0.11, 0.44, 0.85 };
    }
}

static DebriefPdfColor
marking_color (const char *classification)
{
  if (g_ascii_strcasecmp (classification, "Public") == 0)
    return (DebriefPdfColor){ 0.12, 0.50, 0.25 };
  if (g_ascii_strcasecmp (classification, "Confidential") == 0)
    return (DebriefPdfColor){ 0.78, 0.30, 0.02 };
  if (g_ascii_strcasecmp (classification, "Restricted") == 0)
    return (DebriefPdfColor){ 0.72, 0.08, 0.12 };

  return (DebriefPdfColor){ 0.25, 0.32, 0.45 };
}

static char *
color_hex (DebriefPdfColor color)
{
  return g_strdup_printf ("#%02x%02x%02x", (int) (color.r * 255), (int) (color.g * 255),
                          (int) (color.b * 255));
}

static DebriefPdfText *
cell_text (DebriefPdfDoc *doc, DebriefPdfStyle style, const char *text, double width)
{
  return _debrief_pdf_text_new (doc, style, text != NULL ? text : "", NULL, NULL, width);
}

static DebriefPdfText *
cell_markup (DebriefPdfDoc *doc, DebriefPdfStyle style, const char *markup, double width)
{
  return _debrief_pdf_text_new_markup (doc, style, markup, width);
}

/* A cell whose text repeats down the column: laid out once */
static DebriefPdfText *
cell_shared (DebriefPdfDoc *doc, const char *text, gboolean markup, double width)
{
  return _debrief_pdf_text_new_shared (doc, DEBRIEF_PDF_STYLE_TABLE, text ? text : "", markup,
                                       width);
}

/* Column widths for a table: each column as wide as its widest text
 * (@natural, without padding) up to @cap, and column @flex gets the rest. */
static void
fit_widths (DebriefPdfDoc *doc,
            guint          n,
            guint          flex,
            const double  *natural,
            const double  *cap,
            const double  *floors,
            double         pad,
            double         min_fraction,
            double        *widths)
{
  double used = 0;
  double room = doc->content_width;
  double least[DEBRIEF_PDF_MAX_COLUMNS];

  for (guint c = 0; c < n; c++)
    {
      if (c == flex)
        continue;
      widths[c] = ceil (MIN (natural[c], cap[c]) + 2 * pad + 1.5);
      least[c] = MIN (widths[c], MAX (36, floors ? ceil (floors[c] + 2 * pad + 1.5) : 0));
      used += widths[c];
    }

  /* The flexible column keeps at least @min_fraction of the width: take
   * it from the widest of the others */
  while (room - used < room * min_fraction)
    {
      guint wide = flex;

      for (guint c = 0; c < n; c++)
        if (c != flex && widths[c] > least[c] && (wide == flex || widths[c] > widths[wide]))
          wide = c;
      if (wide == flex)
        break;
      widths[wide] -= 1;
      used -= 1;
    }

  widths[flex] = room - used;
}

static double
widest (DebriefPdfDoc *doc, DebriefPdfStyle style, double current, const char *text)
{
  return MAX (current, _debrief_pdf_text_natural_width (doc, style, text, NULL));
}

static double
widest_markup (DebriefPdfDoc *doc, DebriefPdfStyle style, double current, const char *markup)
{
  return MAX (current, _debrief_pdf_markup_natural_width (doc, style, markup));
}

/* The widest word of @text, which a column must not be narrower than */
static double
widest_word (DebriefPdfDoc *doc, double current, const char *text)
{
  g_auto (GStrv) words = g_strsplit (text != NULL ? text : "", " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    current = widest (doc, DEBRIEF_PDF_STYLE_TABLE, current, words[i]);

  return current;
}

static char *
format_time (DebriefExportSnapshot *s, gint64 utc, DebriefTimePrecision precision, gboolean date)
{
  return _debrief_export_format_time (s, utc, precision, date);
}

/* The title area of the first page */
static void
add_title (DebriefPdfDoc *doc, DebriefExportSnapshot *s)
{
  g_autoptr (PangoAttrList) attrs = pango_attr_list_new ();
  g_autofree char *kicker = NULL;
  g_autofree char *upper = NULL;
  DebriefPdfBlock *block;

  kicker = g_strdup_printf ("%s · %s", _ ("Post-incident report"),
                            debrief_profile_get_label (s->profile));
  upper = g_utf8_strup (kicker, -1);
  pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (PANGO_SCALE * 9 / 10));
  block = _debrief_pdf_add_text (doc, DEBRIEF_PDF_STYLE_KICKER, upper, attrs, NULL, 0, 0);
  block->text->color = doc->accent;

  _debrief_pdf_add_text (doc, DEBRIEF_PDF_STYLE_TITLE,
                         *s->title ? s->title : _ ("Untitled report"), NULL, NULL, 0, 7);
  _debrief_pdf_add_rule (doc, doc->accent, 2.5, 44, 11);
}

static void
meta_row (DebriefPdfDoc *doc, DebriefPdfTable *table, const char *label, DebriefPdfText *value)
{
  DebriefPdfRow *row = _debrief_pdf_table_add_row (table);

  row->cells[0] = cell_text (doc, DEBRIEF_PDF_STYLE_LABEL, label,
                             table->widths[0] - 2 * table->pad_x);
  row->cells[1] = value;
}

static DebriefPdfText *
metric_value (DebriefPdfDoc *doc, DebriefExportMetric *m, double width)
{
  g_autofree char *markup = NULL;

  if (m->state == DEBRIEF_METRIC_STATE_OK)
    {
      g_autofree char *amount = debrief_duration_format (m->seconds);

      markup = g_markup_printf_escaped ("<b>%s</b>   <span foreground='#6b6e75'>= %s</span>",
                                        amount, m->formula);
    }
  else if (m->state == DEBRIEF_METRIC_STATE_OUT_OF_ORDER)
    markup = g_markup_printf_escaped (
        "<span foreground='#a51d2d'><b>%s</b> %s</span>   <span foreground='#6b6e75'>= %s</span>",
        _ ("Impossible order."), m->description, m->formula);
  else
    markup = g_markup_printf_escaped ("<span foreground='#6b6e75'><i>%s</i> %s   = %s</span>",
                                      _ ("Not available."), m->description, m->formula);

  return cell_markup (doc, DEBRIEF_PDF_STYLE_VALUE, markup, width);
}

static void
add_metadata (DebriefPdfDoc *doc, DebriefExportSnapshot *s)
{
  DebriefProfileRows rows = s->profile->rows;
  double             widths[2] = { 128, doc->content_width - 128 };
  DebriefPdfTable   *table = _debrief_pdf_table_new (2, widths);
  double             vw = widths[1] - 2 * table->pad_x;

  table->pad_y = 4.2;

  if (rows & DEBRIEF_PROFILE_ROW_STATUS)
    meta_row (doc, table, _ ("Status"),
              cell_text (doc, DEBRIEF_PDF_STYLE_VALUE,
                         debrief_enum_get_label (DEBRIEF_TYPE_STATUS, s->status), vw));
  if (rows & DEBRIEF_PROFILE_ROW_SEVERITY)
    {
      g_autofree char *hex = color_hex (doc->accent);
      g_autofree char *markup = g_markup_printf_escaped (
          "<span foreground='%s'>●</span> <b>%s</b>", hex,
          debrief_enum_get_label (DEBRIEF_TYPE_SEVERITY, s->severity));

      meta_row (doc, table, _ ("Severity"),
                cell_markup (doc, DEBRIEF_PDF_STYLE_VALUE, markup, vw));
    }
  if ((rows & DEBRIEF_PROFILE_ROW_LEAD) && s->lead != NULL)
    meta_row (doc, table, _ ("Incident lead"),
              cell_text (doc, DEBRIEF_PDF_STYLE_VALUE, *s->lead ? s->lead : _ ("not named"), vw));
  if (rows & DEBRIEF_PROFILE_ROW_STARTED)
    {
      g_autofree char *t = format_time (s, s->started_at, DEBRIEF_TIME_PRECISION_MINUTE, TRUE);

      meta_row (doc, table, _ ("Incident start"), cell_text (doc, DEBRIEF_PDF_STYLE_VALUE, t, vw));
    }
  if (rows & DEBRIEF_PROFILE_ROW_ENDED)
    {
      g_autofree char *t = s->ended_at == DEBRIEF_TIME_UNSET
                               ? g_strdup (_ ("not resolved yet"))
                               : format_time (s, s->ended_at, DEBRIEF_TIME_PRECISION_MINUTE, TRUE);

      meta_row (doc, table, _ ("Incident end"), cell_text (doc, DEBRIEF_PDF_STYLE_VALUE, t, vw));
    }
  if ((rows & DEBRIEF_PROFILE_ROW_DURATION) && s->started_at != DEBRIEF_TIME_UNSET &&
      s->ended_at != DEBRIEF_TIME_UNSET && s->ended_at >= s->started_at)
    {
      g_autofree char *d = debrief_duration_format (s->ended_at - s->started_at);
      g_autofree char *markup = g_markup_printf_escaped (
          "<b>%s</b>   <span foreground='#6b6e75'>= %s</span>", d,
          _debrief_export_duration_formula ());

      meta_row (doc, table, _ ("Duration"),
                cell_markup (doc, DEBRIEF_PDF_STYLE_VALUE, markup, vw));
    }
  if (rows & DEBRIEF_PROFILE_ROW_METRICS)
    for (guint i = DEBRIEF_METRIC_TIME_TO_DETECT; i <= DEBRIEF_METRIC_TIME_TO_RESOLVE; i++)
      meta_row (doc, table, s->metrics[i].label, metric_value (doc, &s->metrics[i], vw));
  if (rows & DEBRIEF_PROFILE_ROW_GENERATED)
    {
      g_autofree char *t = format_time (s, s->generated_at, DEBRIEF_TIME_PRECISION_MINUTE, TRUE);

      meta_row (doc, table, _ ("Generated"), cell_text (doc, DEBRIEF_PDF_STYLE_VALUE, t, vw));
    }

  if (table->rows->len > 0)
    _debrief_pdf_add_table (doc, table, 0, 12);
  else
    _debrief_pdf_table_free (table);
}

static DebriefPdfBlock *
add_note (DebriefPdfDoc *doc, const char *text, double space_before)
{
  return _debrief_pdf_add_text (doc, DEBRIEF_PDF_STYLE_NOTE, text, NULL, NULL, 0, space_before);
}

static void
add_section (DebriefPdfDoc         *doc,
             DebriefExportSnapshot *s,
             DebriefExportSection  *section,
             gboolean               first)
{
  g_autofree char *stripped = g_strstrip (g_strdup (section->body));

  _debrief_pdf_add_heading (doc, DEBRIEF_PDF_STYLE_H1, section->title, 1, 0, first ? 20 : 24);

  if (*stripped == '\0')
    add_note (doc, _ ("This section has not been written."), 4);
  else
    _debrief_pdf_add_markdown (doc, section->body, s->profile->links, s->names, 1);

  if (section->extent == DEBRIEF_SECTION_FIRST_PARAGRAPH && *stripped != '\0')
    add_note (doc, _ ("In brief: the full analysis is in the full report."), 5);
}

/* Chart */

static gboolean
chart_range (DebriefExportSnapshot *s, gint64 *t0, gint64 *t1)
{
  gint64 lo = s->first_entry_at, hi = s->last_entry_at;

  for (guint k = DEBRIEF_KEY_EVENT_STARTED; k <= DEBRIEF_KEY_EVENT_RESOLVED; k++)
    {
      if (s->event_at[k] == DEBRIEF_TIME_UNSET)
        continue;
      lo = lo == DEBRIEF_TIME_UNSET ? s->event_at[k] : MIN (lo, s->event_at[k]);
      hi = hi == DEBRIEF_TIME_UNSET ? s->event_at[k] : MAX (hi, s->event_at[k]);
    }

  if (lo == DEBRIEF_TIME_UNSET || hi <= lo)
    return FALSE;

  /* A little room on both sides */
  *t0 = lo - (hi - lo) / 25 - 1;
  *t1 = hi + (hi - lo) / 25 + 1;
  return TRUE;
}

static double
chart_x (Chart *chart, double x0, double x1, gint64 t)
{
  return x0 + (x1 - x0) * (double) (t - chart->t0) / (double) (chart->t1 - chart->t0);
}

/* Draws a single line of text with its top left at @x, @y (or its top
 * right, if @align_right), and returns its width. */
static double
chart_label (DebriefPdfDoc  *doc,
             cairo_t        *cr,
             DebriefPdfStyle style,
             const char     *text,
             double          x,
             double          y,
             gboolean        align_right)
{
  g_autoptr (PangoLayout) layout = pango_layout_new (doc->context);
  PangoRectangle logical;
  double         width;

  pango_layout_set_font_description (layout, doc->fonts[style]);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  width = (double) logical.width / PANGO_SCALE;

  cairo_move_to (cr, align_right ? x - width : x, y);
  pango_cairo_show_layout (cr, layout);

  return width;
}

static double
chart_label_width (DebriefPdfDoc *doc, DebriefPdfStyle style, const char *text)
{
  g_autoptr (PangoLayout) layout = pango_layout_new (doc->context);
  PangoRectangle logical;

  pango_layout_set_font_description (layout, doc->fonts[style]);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);

  return (double) logical.width / PANGO_SCALE;
}

static gint64
chart_step (gint64 span)
{
  static const gint64 steps[] = { 60,    120,   300,   600,   900,    1800,   3600,   7200,
                                  10800, 21600, 43200, 86400, 172800, 604800, 1209600 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (span / steps[i] <= 7)
      return steps[i];

  return 2592000;
}

/* The lanes' labels (time to detect…) in front of the chart: at least
 * CHART_LABEL_WIDTH, wider where a translation needs it, never more than
 * a third of the chart. */
static double
chart_label_column (DebriefPdfDoc *doc, DebriefExportSnapshot *s, double width)
{
  double column = CHART_LABEL_WIDTH;

  for (guint m = 0; m < CHART_N_LANES; m++)
    column = MAX (column,
                  chart_label_width (doc, DEBRIEF_PDF_STYLE_CHART, s->metrics[m].label) + 12);

  return MIN (column, width / 3);
}

static void
draw_chart (DebriefPdfDoc *doc, cairo_t *cr, double x, double y, double width, gpointer data)
{
  Chart                 *chart = data;
  DebriefExportSnapshot *s = chart->snapshot;
  GTimeZone             *tz = s->tz;
  double                 px0 = x + chart_label_column (doc, s, width);
  double                 px1 = x + width - 10;
  double                 y_events = y + 7;
  double                 y_lanes = y_events + chart->event_rows * CHART_ROW_HEIGHT + 6;
  double                 y_axis = y_lanes + CHART_N_LANES * CHART_LANE_HEIGHT + 8;
  gint64                 step = chart_step (chart->t1 - chart->t0);
  gint64                 offset, first;
  g_autofree char       *last_day = NULL;

  /* Panel */
  cairo_set_source_rgb (cr, chart_fill.r, chart_fill.g, chart_fill.b);
  cairo_rectangle (cr, x, y, width, chart->height);
  cairo_fill (cr);

  /* Time axis, with ticks on round local times */
  cairo_set_source_rgb (cr, 0.55, 0.56, 0.60);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, px0, y_axis);
  cairo_line_to (cr, px1, y_axis);
  cairo_stroke (cr);

  offset = g_time_zone_get_offset (
      tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, chart->t0));
  first = ((chart->t0 + offset + step - 1) / step) * step - offset;
  for (gint64 t = first; t <= chart->t1; t += step)
    {
      g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (t);
      g_autoptr (GDateTime) local = utc ? g_date_time_to_timezone (utc, tz) : NULL;
      g_autofree char *label = NULL;
      g_autofree char *day = NULL;
      double           tx = chart_x (chart, px0, px1, t);

      if (local == NULL)
        continue;

      cairo_set_source_rgb (cr, 0.55, 0.56, 0.60);
      cairo_move_to (cr, tx, y_axis);
      cairo_line_to (cr, tx, y_axis + 3);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, 0.55, 0.56, 0.60, 0.25);
      cairo_move_to (cr, tx, y_lanes - 2);
      cairo_line_to (cr, tx, y_axis);
      cairo_stroke (cr);

      label = g_date_time_format (local, "%H:%M");
      day = g_date_time_format (local, "%Y-%m-%d");
      cairo_set_source_rgb (cr, 0.35, 0.36, 0.40);
      chart_label (doc, cr, DEBRIEF_PDF_STYLE_CHART, label,
                   tx - chart_label_width (doc, DEBRIEF_PDF_STYLE_CHART, label) / 2, y_axis + 4,
                   FALSE);
      if (s->spans_days && g_strcmp0 (day, last_day) != 0)
        {
          chart_label (doc, cr, DEBRIEF_PDF_STYLE_CHART, day,
                       tx - chart_label_width (doc, DEBRIEF_PDF_STYLE_CHART, day) / 2, y_axis + 13,
                       FALSE);
          g_free (last_day);
          last_day = g_steal_pointer (&day);
        }
    }

  /* The zone of the times */
  {
    g_autofree char *abbrev = debrief_time_zone_abbreviation (s->timezone, chart->t0);
    g_autofree char *zone = g_strdup_printf (_ ("Times in %s"), abbrev ? abbrev : s->timezone);

    cairo_set_source_rgb (cr, 0.45, 0.46, 0.50);
    chart_label (doc, cr, DEBRIEF_PDF_STYLE_CHART, zone, x + 6, y_axis + 4, FALSE);
  }

  /* A tick for every timed entry; hypotheses in their own colour */
  cairo_set_line_width (cr, 0.5);
  for (guint i = 0; i < s->entries->len; i++)
    {
      DebriefExportEntry *e = g_ptr_array_index (s->entries, i);
      double              ex;

      if (e->at == DEBRIEF_TIME_UNSET || e->precision == DEBRIEF_TIME_PRECISION_UNKNOWN)
        continue;
      ex = chart_x (chart, px0, px1, e->at);
      if (e->kind == DEBRIEF_ENTRY_KIND_HYPOTHESIS)
        cairo_set_source_rgba (cr, hypothesis_edge.r, hypothesis_edge.g, hypothesis_edge.b, 0.8);
      else
        cairo_set_source_rgba (cr, 0.35, 0.36, 0.40, 0.45);
      cairo_move_to (cr, ex, y_axis - 5);
      cairo_line_to (cr, ex, y_axis - 0.5);
      cairo_stroke (cr);
    }

  /* Key events: a line down to the axis, under everything else, from
   * the label placed when the chart was added */
  for (guint k = DEBRIEF_KEY_EVENT_STARTED; k <= DEBRIEF_KEY_EVENT_RESOLVED; k++)
    {
      const DebriefPdfColor *color = &event_colors[k];
      double                 ex;

      if (chart->labels[k] == NULL)
        continue;

      ex = chart_x (chart, px0, px1, s->event_at[k]);
      cairo_set_source_rgb (cr, color->r, color->g, color->b);
      cairo_set_line_width (cr, 0.8);
      cairo_move_to (cr, ex, y_events + chart->label_row[k] * CHART_ROW_HEIGHT + 1);
      cairo_line_to (cr, ex, y_axis);
      cairo_stroke (cr);
      cairo_arc (cr, ex, y_axis, 2.2, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  /* Spans the metrics measure */
  for (guint m = 0; m < CHART_N_LANES; m++)
    {
      DebriefExportMetric   *metric = &s->metrics[m];
      const DebriefPdfColor *color = &event_colors[metric_event[m]];
      double                 ly = y_lanes + m * CHART_LANE_HEIGHT;

      cairo_set_source_rgb (cr, 0.25, 0.26, 0.30);
      chart_label (doc, cr, DEBRIEF_PDF_STYLE_CHART, metric->label, x + 6, ly + 3, FALSE);

      if (metric->state == DEBRIEF_METRIC_STATE_OK && metric->from_at != DEBRIEF_TIME_UNSET &&
          metric->to_at != DEBRIEF_TIME_UNSET)
        {
          g_autofree char *amount = debrief_duration_format (metric->seconds);
          double           bx0 = chart_x (chart, px0, px1, metric->from_at);
          double           bx1 = MAX (chart_x (chart, px0, px1, metric->to_at), bx0 + 1.5);
          double           label_w = chart_label_width (doc, DEBRIEF_PDF_STYLE_CHART_BOLD, amount);
          /* Right of the bar, else left of it, else on it: never over
           * the lane's name */
          double lx = bx1 + 4 + label_w <= px1 + 8   ? bx1 + 4
                      : bx0 - 4 - label_w >= px0 - 2 ? bx0 - 4 - label_w
                                                     : MAX (bx0, px0) + 4;

          cairo_set_source_rgb (cr, color->r, color->g, color->b);
          cairo_rectangle (cr, bx0, ly + 3.5, bx1 - bx0, 7.5);
          cairo_fill (cr);

          /* On the panel's colour, over any event line it crosses */
          cairo_set_source_rgb (cr, chart_fill.r, chart_fill.g, chart_fill.b);
          cairo_rectangle (cr, lx - 1.5, ly + 3, label_w + 3, 8.5);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0.16, 0.17, 0.19);
          chart_label (doc, cr, DEBRIEF_PDF_STYLE_CHART_BOLD, amount, lx, ly + 3, FALSE);
        }
      else
        {
          cairo_set_source_rgb (cr, 0.50, 0.51, 0.55);
          chart_label (doc, cr, DEBRIEF_PDF_STYLE_CHART,
                       metric->state == DEBRIEF_METRIC_STATE_OUT_OF_ORDER
                           ? _ ("impossible order of key events")
                           : _ ("not available"),
                       px0, ly + 3, FALSE);
        }
    }

  for (guint k = DEBRIEF_KEY_EVENT_STARTED; k <= DEBRIEF_KEY_EVENT_RESOLVED; k++)
    {
      const DebriefPdfColor *color = &event_colors[k];

      if (chart->labels[k] == NULL)
        continue;
      cairo_set_source_rgb (cr, color->r, color->g, color->b);
      chart_label (doc, cr, DEBRIEF_PDF_STYLE_CHART_BOLD, chart->labels[k], x + chart->label_dx[k],
                   y_events + chart->label_row[k] * CHART_ROW_HEIGHT, FALSE);
    }
}

/* Gives each key event's label ("Detected 14:05 CET") a place right of
 * its line (left of it near the chart's right edge), on the first row
 * where it runs into no other label, and sets how many rows that takes */
static void
place_event_labels (DebriefPdfDoc *doc, Chart *chart, double width)
{
  DebriefExportSnapshot *s = chart->snapshot;
  double                 px0 = chart_label_column (doc, s, width);
  double                 px1 = width - 10;
  double                 label_w[DEBRIEF_N_KEY_EVENTS] = { 0 };

  chart->event_rows = CHART_EVENT_ROWS;
  for (guint k = DEBRIEF_KEY_EVENT_STARTED; k <= DEBRIEF_KEY_EVENT_RESOLVED; k++)
    {
      g_autofree char *time = NULL;
      double           ex, lw, lx;
      guint            row;

      if (s->event_at[k] == DEBRIEF_TIME_UNSET)
        continue;

      ex = chart_x (chart, px0, px1, s->event_at[k]);
      time = format_time (s, s->event_at[k], DEBRIEF_TIME_PRECISION_MINUTE, FALSE);
      /* Translators: a key event and its time in the timeline chart, e.g. "Detected 14:05 CET" */
      chart->labels[k] = g_strdup_printf (
          _ ("%s %s"), debrief_enum_get_label (DEBRIEF_TYPE_KEY_EVENT, k), time);
      lw = label_w[k] = chart_label_width (doc, DEBRIEF_PDF_STYLE_CHART_BOLD, chart->labels[k]);
      lx = ex + lw + 6 > width ? ex - lw - 2 : ex + 2;

      /* With five rows, each label can have its own */
      for (row = 0;; row++)
        {
          gboolean clear = TRUE;

          for (guint j = DEBRIEF_KEY_EVENT_STARTED; j < k && clear; j++)
            clear = chart->labels[j] == NULL || chart->label_row[j] != row ||
                    lx >= chart->label_dx[j] + label_w[j] + 6 || lx + lw + 6 <= chart->label_dx[j];
          if (clear)
            break;
        }

      chart->label_dx[k] = lx;
      chart->label_row[k] = row;
      chart->event_rows = MAX (chart->event_rows, row + 1);
    }
}

static void
add_chart (DebriefPdfDoc *doc, DebriefExportSnapshot *s)
{
  Chart *chart = g_new0 (Chart, 1);

  chart->snapshot = s;
  if (!chart_range (s, &chart->t0, &chart->t1))
    {
      g_free (chart);
      add_note (doc, _ ("The timeline has too few timed entries for a chart."), 4);
      return;
    }

  place_event_labels (doc, chart, doc->content_width);
  chart->height = 7 + chart->event_rows * CHART_ROW_HEIGHT + 6 +
                  CHART_N_LANES * CHART_LANE_HEIGHT + 8 + (s->spans_days ? 26 : 17);
  _debrief_pdf_add_drawing (doc, chart->height, 6, draw_chart, chart, chart_free);
  add_note (doc,
            _ ("Key events of the timeline, and the spans the metrics measure. Ticks on the axis "
               "mark timeline entries."),
            4);
}

static char *
entry_text_markup (DebriefExportEntry *e, const char *accent)
{
  g_autoptr (GString) markup = g_string_new (NULL);
  g_autofree char *text = g_markup_escape_text (e->text != NULL ? e->text : "", -1);

  if (e->key_event != DEBRIEF_KEY_EVENT_NONE)
    {
      g_autofree char *label = g_markup_printf_escaped (
          "<span foreground='%s'>◆ <b>%s</b></span>  ", accent,
          debrief_enum_get_label (DEBRIEF_TYPE_KEY_EVENT, e->key_event));

      g_string_append (markup, label);
    }

  /* A guess reads differently from an observed fact */
  if (e->kind == DEBRIEF_ENTRY_KIND_HYPOTHESIS)
    g_string_append_printf (markup, "<span foreground='#55585f'><i>%s</i></span>", text);
  else
    g_string_append (markup, text);

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* The local day of @utc, e.g. "Saturday 14 March 2026", or NULL */
static char *
entry_day (DebriefExportSnapshot *s, DebriefExportEntry *e)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (e->at == DEBRIEF_TIME_UNSET || e->precision == DEBRIEF_TIME_PRECISION_UNKNOWN ||
      !(utc = g_date_time_new_from_unix_utc (e->at)))
    return NULL;

  local = g_date_time_to_timezone (utc, s->tz);
  /* Translators: a day heading in the timeline table; see g_date_time_format() */
  return g_date_time_format (local, _ ("%A %-d %B %Y"));
}

static gboolean
add_timeline_table (DebriefPdfDoc         *doc,
                    DebriefExportSnapshot *s,
                    DebriefExportJob      *job,
                    GError               **error)
{
  const char      *titles[] = { _ ("Time"), _ ("Kind"), _ ("What happened") };
  double           natural[3] = { 0 };
  const double     cap[3] = { 90, 110, 0 };
  double           widths[3];
  DebriefPdfTable *table;
  DebriefPdfRow   *header;
  g_autofree char *accent = color_hex (key_row_edge);
  g_autofree char *hypothesis = color_hex (hypothesis_edge);
  g_autofree char *day = NULL;

  /* Times all have the same form: a few show how wide they get */
  for (guint i = 0; i < s->entries->len; i += MAX (1, s->entries->len / 16))
    {
      DebriefExportEntry *e = g_ptr_array_index (s->entries, i);
      g_autofree char    *time = format_time (s, e->at, e->precision, FALSE);

      natural[0] = widest (doc, DEBRIEF_PDF_STYLE_TABLE, natural[0], time);
    }
  /* Kinds are set upright, hypotheses in italics: measure both */
  for (guint k = 0; k <= DEBRIEF_ENTRY_KIND_COMMUNICATION; k++)
    {
      const char      *label = debrief_enum_get_label (DEBRIEF_TYPE_ENTRY_KIND, k);
      g_autofree char *markup = g_markup_printf_escaped ("<i>%s</i>", label);

      natural[1] = widest (doc, DEBRIEF_PDF_STYLE_TABLE, natural[1], label);
      natural[1] = widest_markup (doc, DEBRIEF_PDF_STYLE_TABLE, natural[1], markup);
    }
  for (guint c = 0; c < 2; c++)
    natural[c] = widest (doc, DEBRIEF_PDF_STYLE_TABLE_HEADER, natural[c], titles[c]);
  fit_widths (doc, 3, 2, natural, cap, natural, 5, 0.5, widths);

  table = _debrief_pdf_table_new (3, widths);
  table->pad_y = 3.5;
  header = _debrief_pdf_table_set_header (table);

  for (guint c = 0; c < 3; c++)
    header->cells[c] = cell_text (doc, DEBRIEF_PDF_STYLE_TABLE_HEADER, titles[c],
                                  widths[c] - 2 * table->pad_x);

  for (guint i = 0; i < s->entries->len; i++)
    {
      DebriefExportEntry *e = g_ptr_array_index (s->entries, i);
      DebriefPdfRow      *row;
      g_autofree char    *time = format_time (s, e->at, e->precision, FALSE);
      g_autofree char    *text = entry_text_markup (e, accent);
      g_autofree char    *kind_markup = NULL;
      g_autofree char    *entry_day_name = entry_day (s, e);
      const char         *kind = debrief_enum_get_label (DEBRIEF_TYPE_ENTRY_KIND, e->kind);
      gboolean            guess = e->kind == DEBRIEF_ENTRY_KIND_HYPOTHESIS;

      /* A row for each day the entries run into; times carry no date */
      if (entry_day_name != NULL && g_strcmp0 (entry_day_name, day) != 0)
        {
          g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", entry_day_name);

          row = _debrief_pdf_table_add_row (table);
          row->span = TRUE;
          row->keep_with_next = TRUE;
          row->has_background = TRUE;
          row->background = (DebriefPdfColor){ 0.925, 0.935, 0.95 };
          row->cells[0] = cell_markup (doc, DEBRIEF_PDF_STYLE_TABLE, markup,
                                       doc->content_width - 2 * table->pad_x);
          g_free (day);
          day = g_steal_pointer (&entry_day_name);
        }

      if (guess)
        kind_markup = g_markup_printf_escaped ("<span foreground='%s'><i>%s</i></span>",
                                               hypothesis, kind);
      else
        kind_markup = g_markup_escape_text (kind, -1);

      row = _debrief_pdf_table_add_row (table);
      row->cells[0] = cell_text (doc, DEBRIEF_PDF_STYLE_TABLE, time, widths[0] - 2 * table->pad_x);
      row->cells[1] = cell_shared (doc, kind_markup, TRUE, widths[1] - 2 * table->pad_x);
      row->cells[2] = cell_markup (doc, DEBRIEF_PDF_STYLE_TABLE, text,
                                   widths[2] - 2 * table->pad_x);

      if (e->key_event != DEBRIEF_KEY_EVENT_NONE)
        {
          row->has_background = TRUE;
          row->background = key_row_fill;
          row->accent_edge = TRUE;
          row->accent = key_row_edge;
        }
      else if (guess)
        {
          row->has_background = TRUE;
          row->background = hypothesis_fill;
          row->accent_edge = TRUE;
          row->accent = hypothesis_edge;
        }

      if (i % 64 == 0 && !_debrief_export_job_progress (job, 0.1 * i / s->entries->len, error))
        {
          _debrief_pdf_table_free (table);
          return FALSE;
        }
    }

  _debrief_pdf_add_table (doc, table, 0, 8);
  return TRUE;
}

static void
add_key_times (DebriefPdfDoc *doc, DebriefExportSnapshot *s)
{
  double           widths[2] = { 150, doc->content_width - 150 };
  DebriefPdfTable *table = _debrief_pdf_table_new (2, widths);
  DebriefPdfRow   *header = _debrief_pdf_table_set_header (table);

  header->cells[0] = cell_text (doc, DEBRIEF_PDF_STYLE_TABLE_HEADER, _ ("Event"),
                                widths[0] - 2 * table->pad_x);
  header->cells[1] = cell_text (doc, DEBRIEF_PDF_STYLE_TABLE_HEADER, _ ("Time"),
                                widths[1] - 2 * table->pad_x);

  for (guint k = DEBRIEF_KEY_EVENT_STARTED; k <= DEBRIEF_KEY_EVENT_RESOLVED; k++)
    {
      DebriefPdfRow   *row;
      g_autofree char *time = NULL;

      if (s->event_at[k] == DEBRIEF_TIME_UNSET)
        continue;

      time = format_time (s, s->event_at[k], DEBRIEF_TIME_PRECISION_MINUTE, TRUE);
      row = _debrief_pdf_table_add_row (table);
      row->cells[0] = cell_text (doc, DEBRIEF_PDF_STYLE_TABLE,
                                 debrief_enum_get_label (DEBRIEF_TYPE_KEY_EVENT, k),
                                 widths[0] - 2 * table->pad_x);
      row->cells[1] = cell_text (doc, DEBRIEF_PDF_STYLE_TABLE, time, widths[1] - 2 * table->pad_x);
    }

  if (table->rows->len == 0)
    {
      _debrief_pdf_table_free (table);
      add_note (doc, _ ("No key times are recorded yet."), 4);
      return;
    }
  _debrief_pdf_add_table (doc, table, 0, 6);
}

static void
add_metrics (DebriefPdfDoc *doc, DebriefExportSnapshot *s)
{
  double           widths[4];
  double           natural[4] = { 0 };
  const double     cap[4] = { 120, 80, 130, 0 };
  DebriefPdfTable *table;
  DebriefPdfRow   *header;
  const char *titles[] = { _ ("Metric"), _ ("Figure"), _ ("Formula"), _ ("Where it comes from") };

  for (guint i = 0; i < DEBRIEF_N_METRICS; i++)
    {
      DebriefExportMetric *m = &s->metrics[i];

      natural[0] = widest (doc, DEBRIEF_PDF_STYLE_TABLE, natural[0], m->label);
      natural[2] = widest (doc, DEBRIEF_PDF_STYLE_TABLE, natural[2], m->formula);
      if (m->state == DEBRIEF_METRIC_STATE_OK)
        {
          g_autofree char *amount = debrief_duration_format (m->seconds);
          g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", amount);

          natural[1] = widest_markup (doc, DEBRIEF_PDF_STYLE_TABLE, natural[1], markup);
        }
    }
  for (guint c = 0; c < 3; c++)
    natural[c] = widest (doc, DEBRIEF_PDF_STYLE_TABLE_HEADER, natural[c], titles[c]);
  fit_widths (doc, 4, 3, natural, cap, NULL, 5, 0.3, widths);
  table = _debrief_pdf_table_new (4, widths);
  header = _debrief_pdf_table_set_header (table);

  _debrief_pdf_add_heading (doc, DEBRIEF_PDF_STYLE_H1, _ ("Metrics"), 1, 0, 24);
  /* The heading and this line stay with the table */
  add_note (doc, _ ("Computed from the key events tagged in the timeline, never typed by hand."),
            3)
      ->keep_with_next = TRUE;

  for (guint c = 0; c < 4; c++)
    header->cells[c] = cell_text (doc, DEBRIEF_PDF_STYLE_TABLE_HEADER, titles[c],
                                  widths[c] - 2 * table->pad_x);

  for (guint i = 0; i < DEBRIEF_N_METRICS; i++)
    {
      DebriefExportMetric *m = &s->metrics[i];
      DebriefPdfRow       *row = _debrief_pdf_table_add_row (table);
      g_autofree char     *figure = NULL;

      if (m->state == DEBRIEF_METRIC_STATE_OK)
        {
          g_autofree char *amount = debrief_duration_format (m->seconds);

          figure = g_markup_printf_escaped ("<b>%s</b>", amount);
        }
      else
        figure = g_strdup ("—");

      row->cells[0] = cell_text (doc, DEBRIEF_PDF_STYLE_TABLE, m->label,
                                 widths[0] - 2 * table->pad_x);
      row->cells[1] = cell_markup (doc, DEBRIEF_PDF_STYLE_TABLE, figure,
                                   widths[1] - 2 * table->pad_x);
      row->cells[2] = cell_text (doc, DEBRIEF_PDF_STYLE_TABLE, m->formula,
                                 widths[2] - 2 * table->pad_x);
      row->cells[3] = cell_text (doc, DEBRIEF_PDF_STYLE_TABLE, m->description,
                                 widths[3] - 2 * table->pad_x);
      if (m->state == DEBRIEF_METRIC_STATE_OUT_OF_ORDER)
        {
          row->has_background = TRUE;
          row->background = (DebriefPdfColor){ 0.995, 0.93, 0.93 };
          row->accent_edge = TRUE;
          row->accent = (DebriefPdfColor){ 0.65, 0.11, 0.18 };
        }
    }

  _debrief_pdf_add_table (doc, table, 0, 8);
}

static void
add_actions (DebriefPdfDoc *doc, DebriefExportSnapshot *s)
{
  DebriefActionColumns columns = s->profile->action_columns;
  gboolean             owner = (columns & DEBRIEF_ACTION_COLUMN_OWNER) && s->profile->names;
  gboolean             due = (columns & DEBRIEF_ACTION_COLUMN_DUE) != 0;
  gboolean             status = (columns & DEBRIEF_ACTION_COLUMN_STATUS) != 0;
  gboolean             type = (columns & DEBRIEF_ACTION_COLUMN_TYPE) != 0;
  double               widths[DEBRIEF_PDF_MAX_COLUMNS];
  double               natural[DEBRIEF_PDF_MAX_COLUMNS] = { 0 };
  double               cap[DEBRIEF_PDF_MAX_COLUMNS];
  double               floors[DEBRIEF_PDF_MAX_COLUMNS] = { 0 };
  const char          *titles[DEBRIEF_PDF_MAX_COLUMNS];
  guint                n = 0, description;
  DebriefPdfTable     *table;
  DebriefPdfRow       *header;

  _debrief_pdf_add_heading (doc, DEBRIEF_PDF_STYLE_H1, _ ("Action items"), 1, 0, 24);
  if (s->actions->len == 0)
    {
      add_note (doc, _ ("There are no action items."), 4);
      return;
    }

  /* Each column as wide as its widest text, within limits */
  {
    g_autofree char *last = g_strdup_printf ("%u", s->actions->len);

    titles[n] = "#";
    natural[n] = widest (doc, DEBRIEF_PDF_STYLE_TABLE, 0, last);
    cap[n++] = 30;
  }
  description = n;
  titles[n] = _ ("Description");
  cap[n++] = 0;
  if (owner)
    {
      titles[n] = _ ("Owner");
      for (guint i = 0; i < s->actions->len; i++)
        {
          DebriefExportAction *a = g_ptr_array_index (s->actions, i);

          natural[n] = widest (doc, DEBRIEF_PDF_STYLE_TABLE, natural[n], a->owner ? a->owner : "");
          floors[n] = widest_word (doc, floors[n], a->owner);
        }
      cap[n++] = 72;
    }
  if (due)
    {
      titles[n] = _ ("Due");
      natural[n] = widest (doc, DEBRIEF_PDF_STYLE_TABLE, 0, "2026-12-30");
      cap[n++] = 70;
    }
  if (status)
    {
      titles[n] = _ ("Status");
      for (guint k = 0; k <= DEBRIEF_ACTION_STATUS_WONT_DO; k++)
        {
          g_autofree char *label = g_strdup_printf (
              "✓ %s", debrief_enum_get_label (DEBRIEF_TYPE_ACTION_STATUS, k));

          natural[n] = widest (doc, DEBRIEF_PDF_STYLE_TABLE, natural[n], label);
          floors[n] = widest_word (doc, floors[n], label);
        }
      cap[n++] = 64;
    }
  if (type)
    {
      titles[n] = _ ("Type");
      for (guint k = 0; k <= DEBRIEF_ACTION_TYPE_PROCESS; k++)
        natural[n] = widest (doc, DEBRIEF_PDF_STYLE_TABLE, natural[n],
                             debrief_enum_get_label (DEBRIEF_TYPE_ACTION_TYPE, k));
      cap[n++] = 70;
    }
  for (guint c = 0; c < n; c++)
    if (c != description)
      natural[c] = widest (doc, DEBRIEF_PDF_STYLE_TABLE_HEADER, natural[c], titles[c]);

  /* Numbers, dates and types do not wrap; names and statuses may */
  floors[0] = natural[0];
  for (guint c = 0; c < n; c++)
    if (g_str_equal (titles[c], _ ("Due")) || g_str_equal (titles[c], _ ("Type")))
      floors[c] = natural[c];
  fit_widths (doc, n, description, natural, cap, floors, 5, 0.45, widths);

  table = _debrief_pdf_table_new (n, widths);
  header = _debrief_pdf_table_set_header (table);
  for (guint c = 0; c < n; c++)
    header->cells[c] = cell_text (doc, DEBRIEF_PDF_STYLE_TABLE_HEADER, titles[c],
                                  widths[c] - 2 * table->pad_x);

  for (guint i = 0; i < s->actions->len; i++)
    {
      DebriefExportAction *a = g_ptr_array_index (s->actions, i);
      DebriefPdfRow       *row = _debrief_pdf_table_add_row (table);
      g_autofree char     *number = g_strdup_printf ("%u", i + 1);
      guint                c = 0;

      row->cells[c] = cell_text (doc, DEBRIEF_PDF_STYLE_TABLE, number,
                                 widths[c] - 2 * table->pad_x);
      c++;

      if (a->link != NULL && *a->link != '\0')
        {
          g_autoptr (GString) text = g_string_new (a->description);
          g_autoptr (PangoAttrList) attrs = pango_attr_list_new ();
          g_autoptr (GArray) links = _debrief_pdf_links_new ();
          DebriefPdfLink  link;
          PangoAttribute *attr;

          /* The address without its scheme, clickable */
          g_string_append (text, "\xE2\x80\xA8");
          link.start = (guint) text->len;
          g_string_append (text, strstr (a->link, "://") ? strstr (a->link, "://") + 3 : a->link);
          link.end = (guint) text->len;
          link.uri = g_strdup (a->link);
          g_array_append_val (links, link);

          attr = pango_attr_foreground_new (0x1a00, 0x5000, 0xa800);
          attr->start_index = link.start;
          attr->end_index = link.end;
          pango_attr_list_insert (attrs, attr);
          attr = pango_attr_scale_new (0.86);
          attr->start_index = link.start;
          attr->end_index = link.end;
          pango_attr_list_insert (attrs, attr);

          row->cells[c] = _debrief_pdf_text_new (doc, DEBRIEF_PDF_STYLE_TABLE, text->str, attrs,
                                                 links, widths[c] - 2 * table->pad_x);
        }
      else
        row->cells[c] = cell_text (doc, DEBRIEF_PDF_STYLE_TABLE, a->description,
                                   widths[c] - 2 * table->pad_x);
      c++;

      if (owner)
        {
          row->cells[c] = cell_shared (doc, a->owner && *a->owner ? a->owner : "—", FALSE,
                                       widths[c] - 2 * table->pad_x);
          c++;
        }
      if (due)
        {
          row->cells[c] = cell_shared (doc, a->due && *a->due ? a->due : "—", FALSE,
                                       widths[c] - 2 * table->pad_x);
          c++;
        }
      if (status)
        {
          const char      *label = debrief_enum_get_label (DEBRIEF_TYPE_ACTION_STATUS, a->status);
          g_autofree char *markup = NULL;

          if (a->status == DEBRIEF_ACTION_STATUS_DONE)
            markup = g_markup_printf_escaped ("<span foreground='#1f7a3d'>✓ %s</span>", label);
          else if (a->status == DEBRIEF_ACTION_STATUS_WONT_DO)
            markup = g_markup_printf_escaped ("<span foreground='#6b6e75'>%s</span>", label);
          else
            markup = g_markup_escape_text (label, -1);
          row->cells[c] = cell_shared (doc, markup, TRUE, widths[c] - 2 * table->pad_x);
          c++;
        }
      if (type)
        {
          row->cells[c] = cell_shared (doc,
                                       debrief_enum_get_label (DEBRIEF_TYPE_ACTION_TYPE, a->type),
                                       FALSE, widths[c] - 2 * table->pad_x);
          c++;
        }
    }

  _debrief_pdf_add_table (doc, table, 0, 8);
}

/**
 * _debrief_pdf_render:
 *
 * Lays out and draws the report in @s as a PDF; runs on a worker thread.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
_debrief_pdf_render (DebriefExportSnapshot *s, DebriefExportJob *job, GError **error)
{
  g_autoptr (DebriefPdfDoc) doc = NULL;
  const DebriefProfile *profile = s->profile;
  g_autofree char      *generated = NULL;
  double                width, height;
  gint64                started, built, measured;
  GBytes               *pdf;

  started = g_get_monotonic_time ();
  debrief_paper_get_size (s->paper, &width, &height);
  doc = _debrief_pdf_doc_new (width, height);
  doc->accent = severity_color (s->severity);
  doc->running_title = g_strdup (*s->title ? s->title : _ ("Untitled report"));
  doc->marking = g_strdup (debrief_classification_get_label (s->classification));
  doc->marking_color = marking_color (s->classification);
  generated = format_time (s, s->generated_at, DEBRIEF_TIME_PRECISION_MINUTE, TRUE);
  /* Translators: a page footer, e.g. "Customer note · Generated 2026-12-04 15:00 CET" */
  doc->running_left = g_strdup_printf (_ ("%s · Generated %s"),
                                       debrief_profile_get_label (profile), generated);

  add_title (doc, s);
  add_metadata (doc, s);

  for (guint i = 0; i < s->sections->len; i++)
    {
      add_section (doc, s, g_ptr_array_index (s->sections, i), i == 0);
      if (!_debrief_export_job_progress (job, 0.1 * (i + 1) / s->sections->len, error))
        return NULL;
    }

  if (profile->timeline & (DEBRIEF_PROFILE_TIMELINE_CHART | DEBRIEF_PROFILE_TIMELINE_TABLE))
    {
      _debrief_pdf_add_heading (doc, DEBRIEF_PDF_STYLE_H1, _ ("Timeline"), 1, 0, 24);
      /* An empty timeline is said to be empty once */
      if ((profile->timeline & DEBRIEF_PROFILE_TIMELINE_CHART) &&
          (s->entries->len > 0 || !(profile->timeline & DEBRIEF_PROFILE_TIMELINE_TABLE)))
        add_chart (doc, s);
      if (profile->timeline & DEBRIEF_PROFILE_TIMELINE_TABLE)
        {
          if (s->entries->len == 0)
            add_note (doc, _ ("The timeline has no entries."), 4);
          else if (!add_timeline_table (doc, s, job, error))
            return NULL;
        }
    }
  else if (profile->timeline & DEBRIEF_PROFILE_TIMELINE_KEY_EVENTS)
    {
      _debrief_pdf_add_heading (doc, DEBRIEF_PDF_STYLE_H1, _ ("Key times"), 1, 0, 24);
      add_key_times (doc, s);
    }

  if (profile->metrics)
    add_metrics (doc, s);

  if (profile->action_columns != 0)
    add_actions (doc, s);

  built = g_get_monotonic_time ();
  if (!_debrief_pdf_measure (doc, job, error))
    return NULL;
  measured = g_get_monotonic_time ();
  if (!_debrief_pdf_paginate (doc, job, error))
    return NULL;

  /* bench/export reads this */
  g_debug ("built the document in %.3f s, laid out its text in %.3f s, paginated in %.3f s",
           (built - started) / 1e6, (measured - built) / 1e6,
           (g_get_monotonic_time () - measured) / 1e6);

  pdf = _debrief_pdf_draw (doc, s->title, debrief_profile_get_label (profile), s->generated_at,
                           job, error);
  /* Once drawn: the running headers and footers are laid out as they are */
  if (pdf != NULL)
    _debrief_export_job_set_missing (job, _debrief_pdf_doc_get_missing (doc));

  return pdf;
}
