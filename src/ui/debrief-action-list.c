/* debrief-action-list.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-action-list"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-action-list.h"
#include "debrief-datetime-button.h"
#include "debrief-tooltip.h"

/* The action items of a report as an editable table. Cells edit the items
 * in place through two-way bindings, so the factories are set up in code
 * rather than in the .ui file. */

typedef enum
{
  COLUMN_DESCRIPTION,
  COLUMN_OWNER,
  COLUMN_DUE,
  COLUMN_STATUS,
  COLUMN_TYPE,
  COLUMN_LINK,
  COLUMN_DELETE,
  N_COLUMNS
} Column;

typedef struct
{
  const char *title;
  const char *property;
  const char *placeholder;
  int         width;
} ColumnInfo;

static const ColumnInfo columns[N_COLUMNS] = {
  [COLUMN_DESCRIPTION] = { N_ ("Description"), "description", N_ ("What will be done"), -1 },
  [COLUMN_OWNER] = { N_ ("Owner"), "owner", N_ ("Who"), 130 },
  [COLUMN_DUE] = { N_ ("Due"), "due", NULL, 140 },
  [COLUMN_STATUS] = { N_ ("Status"), "status", NULL, 140 },
  [COLUMN_TYPE] = { N_ ("Type"), "action-type", NULL, 120 },
  [COLUMN_LINK] = { N_ ("Tracker Link"), "link", N_ ("https://…"), 150 },
  [COLUMN_DELETE] = { "", NULL, NULL, 48 },
};

struct _DebriefActionList
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  GtkColumnView *column_view;

  /* Owned */
  DebriefReport     *report;
  DebriefActionItem *focus_item;
  gulong             items_changed_handler;
};

G_DEFINE_FINAL_TYPE (DebriefActionList, debrief_action_list, GTK_TYPE_WIDGET)

enum
{
  ITEM_REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
enum_to_selected (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static gboolean
selected_to_enum (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  guint selected = g_value_get_uint (from);

  if (selected == GTK_INVALID_LIST_POSITION)
    return FALSE;

  g_value_set_enum (to, (int) selected);
  return TRUE;
}

static void
unbind_binding (gpointer data)
{
  GBinding *binding = data;

  g_binding_unbind (binding);
  g_object_unref (binding);
}

static void
update_overdue (GtkWidget *cell, DebriefActionItem *item)
{
  GtkWidget *icon = g_object_get_data (G_OBJECT (cell), "overdue-icon");
  gboolean   overdue = item != NULL && debrief_action_item_is_overdue (item, NULL);

  gtk_widget_set_visible (icon, overdue);
  if (overdue)
    gtk_widget_add_css_class (cell, "overdue");
  else
    gtk_widget_remove_css_class (cell, "overdue");
}

static void
item_due_changed_cb (GtkWidget *cell, GParamSpec *pspec, DebriefActionItem *item)
{
  update_overdue (cell, item);
}

static void
delete_clicked_cb (GtkButton *button, DebriefActionList *self)
{
  DebriefActionItem *item = g_object_get_data (G_OBJECT (button), "item");

  if (item != NULL)
    debrief_action_list_delete_item (self, item);
}

static GtkWidget *
new_enum_dropdown (GType type, const char *name)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (type);
  GtkStringList *labels = gtk_string_list_new (NULL);
  GtkWidget     *dropdown;

  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (labels, debrief_enum_get_label (type, klass->values[i].value));

  dropdown = gtk_drop_down_new (G_LIST_MODEL (labels), NULL);
  gtk_widget_add_css_class (dropdown, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);

  return dropdown;
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DebriefActionList *self)
{
  Column      column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  const char *name = _ (columns[column].title);
  GtkWidget  *widget = NULL;

  switch (column)
    {
      case COLUMN_DESCRIPTION:
      case COLUMN_OWNER:
      case COLUMN_LINK:
        widget = gtk_entry_new ();
        gtk_entry_set_has_frame (GTK_ENTRY (widget), FALSE);
        gtk_entry_set_placeholder_text (GTK_ENTRY (widget), _ (columns[column].placeholder));
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        name, -1);
        if (column == COLUMN_LINK)
          gtk_entry_set_input_purpose (GTK_ENTRY (widget), GTK_INPUT_PURPOSE_URL);
        break;

      case COLUMN_DUE:
        {
          GtkWidget *button = debrief_datetime_button_new (FALSE);
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          debrief_widget_set_tooltip (icon, _ ("Overdue"));
          gtk_widget_add_css_class (icon, "error");
          gtk_widget_set_visible (icon, FALSE);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          name, -1);
          widget = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
          gtk_box_append (GTK_BOX (widget), button);
          gtk_box_append (GTK_BOX (widget), icon);
          g_object_set_data (G_OBJECT (widget), "button", button);
          g_object_set_data (G_OBJECT (widget), "overdue-icon", icon);
        }
        break;

      case COLUMN_STATUS:
        widget = new_enum_dropdown (DEBRIEF_TYPE_ACTION_STATUS, name);
        break;

      case COLUMN_TYPE:
        widget = new_enum_dropdown (DEBRIEF_TYPE_ACTION_TYPE, name);
        break;

      case COLUMN_DELETE:
        widget = gtk_button_new_from_icon_name ("user-trash-symbolic");
        gtk_widget_add_css_class (widget, "flat");
        debrief_widget_set_tooltip (widget, _ ("Delete Action Item"));
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _ ("Delete action item"), -1);
        g_signal_connect (widget, "clicked", G_CALLBACK (delete_clicked_cb), self);
        break;

      case N_COLUMNS:
      default:
        g_assert_not_reached ();
    }

  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (list_item, widget);
}

static gboolean
grab_focus_cb (gpointer data)
{
  gtk_widget_grab_focus (data);
  return G_SOURCE_REMOVE;
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DebriefActionList *self)
{
  Column             column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  DebriefActionItem *item = gtk_list_item_get_item (list_item);
  GtkWidget         *widget = gtk_list_item_get_child (list_item);
  GBinding          *binding = NULL;

  switch (column)
    {
      case COLUMN_DESCRIPTION:
      case COLUMN_OWNER:
      case COLUMN_LINK:
        binding = g_object_bind_property (item, columns[column].property, widget, "text",
                                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
        if (column == COLUMN_DESCRIPTION && item == self->focus_item)
          {
            self->focus_item = NULL;
            g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, grab_focus_cb, g_object_ref (widget),
                             g_object_unref);
          }
        break;

      case COLUMN_DUE:
        binding = g_object_bind_property (item, "due",
                                          g_object_get_data (G_OBJECT (widget), "button"), "date",
                                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
        g_signal_connect_object (item, "notify::due", G_CALLBACK (item_due_changed_cb), widget,
                                 G_CONNECT_SWAPPED);
        g_signal_connect_object (item, "notify::status", G_CALLBACK (item_due_changed_cb), widget,
                                 G_CONNECT_SWAPPED);
        update_overdue (widget, item);
        break;

      case COLUMN_STATUS:
      case COLUMN_TYPE:
        binding = g_object_bind_property_full (item, columns[column].property, widget, "selected",
                                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                               enum_to_selected, selected_to_enum, NULL, NULL);
        break;

      case COLUMN_DELETE:
        g_object_set_data (G_OBJECT (widget), "item", item);
        break;

      case N_COLUMNS:
      default:
        g_assert_not_reached ();
    }

  if (binding != NULL)
    g_object_set_data_full (G_OBJECT (list_item), "binding", g_object_ref (binding),
                            unbind_binding);
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DebriefActionList *self)
{
  Column             column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  DebriefActionItem *item = gtk_list_item_get_item (list_item);
  GtkWidget         *widget = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (list_item), "binding", NULL);

  if (column == COLUMN_DUE && item != NULL)
    g_signal_handlers_disconnect_by_func (item, item_due_changed_cb, widget);
  else if (column == COLUMN_DELETE)
    g_object_set_data (G_OBJECT (widget), "item", NULL);
}

static void
update_page (DebriefActionList *self)
{
  gboolean empty;

  g_assert (DEBRIEF_IS_ACTION_LIST (self));

  empty = self->report == NULL ||
          g_list_model_get_n_items (debrief_report_get_actions (self->report)) == 0;
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "items");
}

static void
items_changed_cb (DebriefActionList *self)
{
  update_page (self);
}

static void
debrief_action_list_dispose (GObject *object)
{
  DebriefActionList *self = (DebriefActionList *) object;

  debrief_action_list_set_report (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_ACTION_LIST);

  G_OBJECT_CLASS (debrief_action_list_parent_class)->dispose (object);
}

static void
debrief_action_list_class_init (DebriefActionListClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_action_list_dispose;

  /**
   * DebriefActionList::item-removed:
   * @item: the item removed from the report
   * @position: where it was
   */
  signals[ITEM_REMOVED] = g_signal_new ("item-removed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                        DEBRIEF_TYPE_ACTION_ITEM, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/debrief-action-list.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefActionList, stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefActionList, column_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
debrief_action_list_init (DebriefActionList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);

      column = gtk_column_view_column_new (*columns[i].title ? _ (columns[i].title) : "", factory);
      gtk_column_view_column_set_expand (column, i == COLUMN_DESCRIPTION);
      gtk_column_view_column_set_resizable (column, i != COLUMN_DELETE);
      gtk_column_view_append_column (self->column_view, column);
    }

  update_page (self);
}

GtkWidget *
debrief_action_list_new (void)
{
  return g_object_new (DEBRIEF_TYPE_ACTION_LIST, NULL);
}

/**
 * debrief_action_list_set_report:
 * @report: (nullable): a loaded report
 */
void
debrief_action_list_set_report (DebriefActionList *self, DebriefReport *report)
{
  g_return_if_fail (DEBRIEF_IS_ACTION_LIST (self));

  if (self->report == report)
    return;

  if (self->report != NULL)
    {
      g_clear_signal_handler (&self->items_changed_handler,
                              debrief_report_get_actions (self->report));
      gtk_column_view_set_model (self->column_view, NULL);
      g_clear_object (&self->report);
    }

  if (report != NULL)
    {
      GListModel     *actions = debrief_report_get_actions (report);
      GtkNoSelection *selection = gtk_no_selection_new (g_object_ref (actions));

      self->report = g_object_ref (report);
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
      g_object_unref (selection);
      self->items_changed_handler = g_signal_connect_object (
          actions, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
    }

  update_page (self);
}

/**
 * debrief_action_list_add_item:
 *
 * Appends a new, empty action item to the report and puts the cursor in
 * its description.
 *
 * Returns: (transfer none): the new item
 */
DebriefActionItem *
debrief_action_list_add_item (DebriefActionList *self)
{
  g_autoptr (DebriefActionItem) item = NULL;

  g_return_val_if_fail (DEBRIEF_IS_ACTION_LIST (self), NULL);
  g_return_val_if_fail (self->report != NULL, NULL);

  item = debrief_action_item_new (NULL);
  self->focus_item = item;
  debrief_report_append_action (self->report, item);

  return item;
}

/**
 * debrief_action_list_delete_item:
 *
 * Removes @item from the report and emits #DebriefActionList::item-removed
 * so that the window can offer to undo it.
 */
void
debrief_action_list_delete_item (DebriefActionList *self, DebriefActionItem *item)
{
  g_autoptr (DebriefActionItem) hold = NULL;
  guint position;

  g_return_if_fail (DEBRIEF_IS_ACTION_LIST (self));
  g_return_if_fail (DEBRIEF_IS_ACTION_ITEM (item));

  if (self->report == NULL)
    return;

  hold = g_object_ref (item);
  if (debrief_report_remove_action (self->report, item, &position))
    g_signal_emit (self, signals[ITEM_REMOVED], 0, item, position);
}

/**
 * debrief_action_list_get_column_view:
 *
 * Returns: (transfer none): the table, for tests
 */
GtkColumnView *
debrief_action_list_get_column_view (DebriefActionList *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACTION_LIST (self), NULL);

  return self->column_view;
}
