/* debrief-tooltip.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-tooltip"

#include "config.h"

#include "debrief-tooltip.h"

/* Tooltips for widgets made by the hundred, such as list rows.
 *
 * gtk_widget_set_tooltip_text() asks the display where the pointer is
 * each time it is called, to update a tooltip that may be showing: on X11
 * a round trip to the server, about a quarter of a millisecond. A list
 * view making two hundred rows with a tooltip or two each spent longer on
 * that than on the rows. These tooltips are given when GTK asks for
 * them instead, which costs nothing until the pointer rests on the
 * widget. */

#define TOOLTIP_KEY "debrief-tooltip"

static gboolean
query_tooltip_cb (
    GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip, gpointer user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY);

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * debrief_widget_set_tooltip:
 * @text: (nullable): the tooltip, or %NULL for none
 *
 * Gives @widget a tooltip, which is also its accessible description.
 */
void
debrief_widget_set_tooltip (GtkWidget *widget, const char *text)
{
  const char *old;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  old = g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY);
  if (g_strcmp0 (old, text) == 0)
    return;

  if (old == NULL &&
      !g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, query_tooltip_cb, NULL))
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  g_object_set_data_full (G_OBJECT (widget), TOOLTIP_KEY, g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL);

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * debrief_widget_get_tooltip:
 *
 * Returns: (nullable): the tooltip debrief_widget_set_tooltip() gave
 */
const char *
debrief_widget_get_tooltip (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY);
}
