/* debrief-report-row.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-report-row"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-report-row.h"
#include "debrief-tooltip.h"

/* One report in the sidebar: title, severity badge, status and incident
 * date, and the matching text when the list shows search results. */

struct _DebriefReportRow
{
  GtkWidget parent_instance;

  /* Children */
  GtkLabel *title_label;
  GtkLabel *severity_label;
  GtkLabel *detail_label;
  GtkLabel *snippet_label;

  /* Owned */
  DebriefReport *report;
  gulong         notify_handler;
};

G_DEFINE_FINAL_TYPE (DebriefReportRow, debrief_report_row, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *severity_classes[] = { "sev1", "sev2", "sev3", "sev4" };

/* Translators: the short severity badges in the report list */
static const char *severity_badges[] = { N_ ("SEV1"), N_ ("SEV2"), N_ ("SEV3"), N_ ("SEV4") };

static void
update (DebriefReportRow *self)
{
  DebriefSeverity  severity;
  g_autofree char *date = NULL;
  g_autofree char *detail = NULL;
  gint64           when;

  g_assert (DEBRIEF_IS_REPORT_ROW (self));

  if (self->report == NULL)
    return;

  gtk_label_set_label (self->title_label, *debrief_report_get_title (self->report)
                                              ? debrief_report_get_title (self->report)
                                              : _ ("Untitled report"));

  severity = debrief_report_get_severity (self->report);
  gtk_label_set_label (self->severity_label, _ (severity_badges[severity]));
  for (guint i = 0; i < G_N_ELEMENTS (severity_classes); i++)
    {
      if (i == severity)
        gtk_widget_add_css_class (GTK_WIDGET (self->severity_label), severity_classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->severity_label), severity_classes[i]);
    }
  debrief_widget_set_tooltip (GTK_WIDGET (self->severity_label),
                              debrief_enum_get_label (DEBRIEF_TYPE_SEVERITY, severity));

  when = debrief_report_get_started_at (self->report);
  if (when == DEBRIEF_TIME_UNSET)
    when = debrief_report_get_created_at (self->report);
  date = debrief_time_format (when, debrief_report_get_timezone (self->report),
                              DEBRIEF_TIME_PRECISION_DAY, TRUE);

  /* Translators: status · date, e.g. "Draft · 2026-12-04" */
  detail = g_strdup_printf (
      _ ("%s · %s"),
      debrief_enum_get_label (DEBRIEF_TYPE_STATUS, debrief_report_get_status (self->report)),
      date);
  gtk_label_set_label (self->detail_label, detail);
}

static void
report_notify_cb (DebriefReportRow *self, GParamSpec *pspec, DebriefReport *report)
{
  update (self);
}

static void
place (DebriefReportRow *self, GtkWidget *child, int column, int row, int width)
{
  GtkLayoutManager   *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkGridLayoutChild *cell;

  gtk_widget_set_parent (child, GTK_WIDGET (self));
  cell = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, child));
  gtk_grid_layout_child_set_column (cell, column);
  gtk_grid_layout_child_set_row (cell, row);
  gtk_grid_layout_child_set_column_span (cell, width);
}

static void
debrief_report_row_dispose (GObject *object)
{
  DebriefReportRow *self = (DebriefReportRow *) object;
  GtkWidget        *child;

  debrief_report_row_set_report (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (debrief_report_row_parent_class)->dispose (object);
}

static void
debrief_report_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DebriefReportRow *self = DEBRIEF_REPORT_ROW (object);

  switch (prop_id)
    {
      case PROP_REPORT:
        g_value_set_object (value, self->report);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_report_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DebriefReportRow *self = DEBRIEF_REPORT_ROW (object);

  switch (prop_id)
    {
      case PROP_REPORT:
        debrief_report_row_set_report (self, g_value_get_object (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_report_row_class_init (DebriefReportRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_report_row_dispose;
  object_class->get_property = debrief_report_row_get_property;
  object_class->set_property = debrief_report_row_set_property;

  properties[PROP_REPORT] = g_param_spec_object ("report", NULL, NULL, DEBRIEF_TYPE_REPORT,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                     G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_GRID_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reportrow");
}

/* The list creates a couple of hundred rows up front, so a row is built
 * in code, from as few widgets as will do, and its snippet label only
 * when a search needs it. */
static void
debrief_report_row_init (DebriefReportRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_grid_layout_set_row_spacing (GTK_GRID_LAYOUT (layout), 3);
  gtk_grid_layout_set_column_spacing (GTK_GRID_LAYOUT (layout), 8);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 4);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 4);

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (self->title_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  place (self, GTK_WIDGET (self->title_label), 0, 0, 1);

  self->severity_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->severity_label), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->severity_label), "severity-badge");
  place (self, GTK_WIDGET (self->severity_label), 1, 0, 1);

  self->detail_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->detail_label, 0);
  gtk_label_set_ellipsize (self->detail_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "dim-label");
  place (self, GTK_WIDGET (self->detail_label), 0, 1, 2);
}

GtkWidget *
debrief_report_row_new (void)
{
  return g_object_new (DEBRIEF_TYPE_REPORT_ROW, NULL);
}

/**
 * debrief_report_row_get_report:
 *
 * Returns: (transfer none) (nullable): the report shown
 */
DebriefReport *
debrief_report_row_get_report (DebriefReportRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT_ROW (self), NULL);

  return self->report;
}

void
debrief_report_row_set_report (DebriefReportRow *self, DebriefReport *report)
{
  g_return_if_fail (DEBRIEF_IS_REPORT_ROW (self));
  g_return_if_fail (report == NULL || DEBRIEF_IS_REPORT (report));

  if (self->report == report)
    return;

  if (self->report != NULL)
    {
      g_clear_signal_handler (&self->notify_handler, self->report);
      g_clear_object (&self->report);
    }

  if (report != NULL)
    {
      self->report = g_object_ref (report);
      self->notify_handler = g_signal_connect_object (
          report, "notify", G_CALLBACK (report_notify_cb), self, G_CONNECT_SWAPPED);
      update (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

/**
 * debrief_report_row_set_snippet_markup:
 * @markup: (nullable): the matched text as Pango markup, or %NULL
 */
void
debrief_report_row_set_snippet_markup (DebriefReportRow *self, const char *markup)
{
  g_return_if_fail (DEBRIEF_IS_REPORT_ROW (self));

  if (self->snippet_label == NULL)
    {
      if (markup == NULL || *markup == '\0')
        return;

      self->snippet_label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (self->snippet_label, 0);
      gtk_label_set_wrap (self->snippet_label, TRUE);
      gtk_label_set_wrap_mode (self->snippet_label, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (self->snippet_label, 3);
      gtk_label_set_ellipsize (self->snippet_label, PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (GTK_WIDGET (self->snippet_label), "caption");
      gtk_widget_add_css_class (GTK_WIDGET (self->snippet_label), "search-snippet");
      place (self, GTK_WIDGET (self->snippet_label), 0, 2, 2);
    }

  gtk_label_set_markup (self->snippet_label, markup ? markup : "");
  gtk_widget_set_visible (GTK_WIDGET (self->snippet_label), markup != NULL && *markup);
}

const char *
debrief_report_row_get_severity_text (DebriefReportRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT_ROW (self), NULL);

  return gtk_label_get_text (self->severity_label);
}

const char *
debrief_report_row_get_snippet_text (DebriefReportRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT_ROW (self), NULL);

  return self->snippet_label != NULL ? gtk_label_get_text (self->snippet_label) : "";
}
