/* debrief-list-pacer.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-list-pacer"

#include "config.h"

#include "debrief-list-pacer.h"

/* Hands a long model to a list view a screenful at a time.
 *
 * GTK 4.8's GtkListView makes a row widget for up to 200 items as soon as
 * its model has them, visible or not, and lays every one of them out
 * before it draws. With 10,000 reports or timeline entries that is a
 * fifth of a second before the first frame. The pacer puts a
 * GtkSliceListModel between the model and the view: it starts with a
 * screenful of items (from the view's height, or its window's) and adds
 * a few more on each frame after the first, so the first
 * frame shows the top of the list at once and the remaining rows are
 * made a few per frame. Once the slice is longer than the rows the view
 * ever makes, it is opened to the whole model, which costs no more rows.
 *
 * The slice always starts at position 0, so a position in the pacer's
 * model is the same position in the underlying one. Code that selects or
 * scrolls to an item by position calls debrief_list_pacer_reveal()
 * first. */

/* The height of the shortest row, the rows added per frame, and the
 * length after which the view makes no more rows (GTK 4.8 makes at most
 * 200) */
#define MIN_ROW_HEIGHT 40
#define ITEMS_A_FRAME  16
#define ROWS_MADE      232

struct _DebriefListPacer
{
  GObject parent_instance;

  GtkSliceListModel *slice;
  GtkWidget         *list_view;
  guint              tick_id;
  gint64             first_frame;
};

G_DEFINE_FINAL_TYPE (DebriefListPacer, debrief_list_pacer, G_TYPE_OBJECT)

static void
stop_ticking (DebriefListPacer *self)
{
  if (self->tick_id != 0 && self->list_view != NULL)
    gtk_widget_remove_tick_callback (self->list_view, self->tick_id);
  self->tick_id = 0;
}

/* Enough items to fill the view, or the window it will be shown in */
static guint
first_items (DebriefListPacer *self)
{
  GtkRoot *root = self->list_view != NULL ? gtk_widget_get_root (self->list_view) : NULL;
  int      width, height = self->list_view != NULL ? gtk_widget_get_height (self->list_view) : 0;

  if (height <= 0 && GTK_IS_WINDOW (root))
    gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
  if (height <= 0)
    height = 1200;

  return CLAMP (height / MIN_ROW_HEIGHT + 2, 8, 48);
}

static gboolean
tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  DebriefListPacer *self = user_data;
  GListModel       *model = gtk_slice_list_model_get_model (self->slice);
  guint             size = gtk_slice_list_model_get_size (self->slice);
  guint             n = model != NULL ? g_list_model_get_n_items (model) : 0;

  /* The frame that shows the first screenful is drawn without adding to it */
  if (self->first_frame < 0)
    self->first_frame = gdk_frame_clock_get_frame_counter (clock);
  if (gdk_frame_clock_get_frame_counter (clock) == self->first_frame)
    return G_SOURCE_CONTINUE;

  if (size + ITEMS_A_FRAME >= MIN (n, ROWS_MADE))
    {
      self->tick_id = 0;
      gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
      return G_SOURCE_REMOVE;
    }

  gtk_slice_list_model_set_size (self->slice, size + ITEMS_A_FRAME);
  return G_SOURCE_CONTINUE;
}

static void
debrief_list_pacer_dispose (GObject *object)
{
  DebriefListPacer *self = (DebriefListPacer *) object;

  stop_ticking (self);
  g_clear_weak_pointer (&self->list_view);

  G_OBJECT_CLASS (debrief_list_pacer_parent_class)->dispose (object);
}

static void
debrief_list_pacer_finalize (GObject *object)
{
  DebriefListPacer *self = (DebriefListPacer *) object;

  g_clear_object (&self->slice);

  G_OBJECT_CLASS (debrief_list_pacer_parent_class)->finalize (object);
}

static void
debrief_list_pacer_class_init (DebriefListPacerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = debrief_list_pacer_dispose;
  object_class->finalize = debrief_list_pacer_finalize;
}

static void
debrief_list_pacer_init (DebriefListPacer *self)
{
  self->slice = gtk_slice_list_model_new (NULL, 0, G_MAXUINT);
  self->first_frame = -1;
}

/**
 * debrief_list_pacer_new:
 * @list_view: the view whose frames pace the list
 *
 * Returns: (transfer full): a pacer showing everything until a model is
 *   set or debrief_list_pacer_restart() is called
 */
DebriefListPacer *
debrief_list_pacer_new (GtkWidget *list_view)
{
  DebriefListPacer *self;

  g_return_val_if_fail (GTK_IS_WIDGET (list_view), NULL);

  self = g_object_new (DEBRIEF_TYPE_LIST_PACER, NULL);
  g_set_weak_pointer (&self->list_view, list_view);

  return self;
}

/**
 * debrief_list_pacer_get_model:
 *
 * Returns: (transfer none): the model to give the view (under its
 *   selection model)
 */
GListModel *
debrief_list_pacer_get_model (DebriefListPacer *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIST_PACER (self), NULL);

  return G_LIST_MODEL (self->slice);
}

/**
 * debrief_list_pacer_set_model:
 * @model: (nullable): the whole list
 *
 * Shows @model, a screenful on the next frame and the rest over the
 * frames after it.
 */
void
debrief_list_pacer_set_model (DebriefListPacer *self, GListModel *model)
{
  g_return_if_fail (DEBRIEF_IS_LIST_PACER (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  /* Shrink first, so that the new model's items arrive as a screenful */
  gtk_slice_list_model_set_size (self->slice, first_items (self));
  gtk_slice_list_model_set_model (self->slice, model);
  debrief_list_pacer_restart (self);
}

/**
 * debrief_list_pacer_restart:
 *
 * Goes back to a screenful of items and adds the rest frame by frame.
 */
void
debrief_list_pacer_restart (DebriefListPacer *self)
{
  guint first;

  g_return_if_fail (DEBRIEF_IS_LIST_PACER (self));

  first = first_items (self);
  if (gtk_slice_list_model_get_size (self->slice) > first)
    gtk_slice_list_model_set_size (self->slice, first);

  self->first_frame = -1;
  if (self->tick_id == 0 && self->list_view != NULL)
    self->tick_id = gtk_widget_add_tick_callback (self->list_view, tick_cb, self, NULL);
}

/**
 * debrief_list_pacer_reveal:
 * @position: a position in the whole model
 *
 * Makes sure the pacer's model has the item at @position (by showing
 * every item now if it has not got that far), for code that selects or
 * scrolls by position.
 */
void
debrief_list_pacer_reveal (DebriefListPacer *self, guint position)
{
  g_return_if_fail (DEBRIEF_IS_LIST_PACER (self));

  if (position < gtk_slice_list_model_get_size (self->slice))
    return;

  stop_ticking (self);
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}
