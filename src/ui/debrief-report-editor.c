/* debrief-report-editor.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-report-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "debrief-action-list.h"
#include "debrief-datetime-button.h"
#include "debrief-report-editor.h"
#include "debrief-zone-chooser.h"

/* Text typed into a section reaches the model this long after the last
 * keystroke; the library then saves it within its own short delay, so a
 * word is on disk well within a second. */
#define SECTION_SYNC_DELAY_MS 200

typedef struct
{
  DebriefReportEditor *editor;
  const char          *key;
  DebriefSection      *section;
  GtkWidget           *group;
  GtkWidget           *view;
  GtkSourceBuffer     *buffer;
  GtkWidget           *nav_row;
  GtkWidget           *nav_icon;
  guint                sync_source;
  gulong               empty_handler;
} SectionEditor;

struct _DebriefReportEditor
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkScrolledWindow     *scroller;
  GtkWidget             *page;
  GtkLabel              *progress_label;
  AdwComboRow           *status_row;
  GtkStringList         *status_model;
  AdwComboRow           *severity_row;
  GtkStringList         *severity_model;
  AdwComboRow           *classification_row;
  GtkStringList         *classification_model;
  AdwEntryRow           *lead_row;
  GtkMenuButton         *zone_button;
  DebriefZoneChooser    *zone_chooser;
  DebriefDatetimeButton *start_button;
  GtkWidget             *sections_box;
  DebriefActionList     *action_list;
  GtkPopover            *sections_popover;
  GtkLabel              *sections_summary;
  GtkListBox            *sections_list;

  /* Owned */
  DebriefReport *report;
  GPtrArray     *sections;
  GPtrArray     *bindings;
  GPtrArray     *classifications;
  gulong         report_notify_handler;
};

G_DEFINE_FINAL_TYPE (DebriefReportEditor, debrief_report_editor, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

enum
{
  ACTION_DELETED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static void
sync_section (SectionEditor *se)
{
  GtkTextIter      start, end;
  g_autofree char *text = NULL;

  g_clear_handle_id (&se->sync_source, g_source_remove);

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (se->buffer), &start, &end);
  text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (se->buffer), &start, &end, TRUE);
  debrief_section_set_body (se->section, text);
}

static gboolean
sync_section_cb (gpointer data)
{
  SectionEditor *se = data;

  se->sync_source = 0;
  sync_section (se);

  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (GtkTextBuffer *buffer, SectionEditor *se)
{
  if (se->section == NULL)
    return;

  if (se->sync_source == 0)
    se->sync_source = g_timeout_add (SECTION_SYNC_DELAY_MS, sync_section_cb, se);
}

static void
update_nav_icon (SectionEditor *se)
{
  gboolean empty = debrief_section_is_empty (se->section);

  gtk_image_set_from_icon_name (GTK_IMAGE (se->nav_icon),
                                empty ? "radio-symbolic" : "object-select-symbolic");
  gtk_widget_set_tooltip_text (se->nav_icon, empty ? _ ("Not written yet") : _ ("Written"));
  if (empty)
    gtk_widget_add_css_class (se->nav_icon, "dim-label");
  else
    gtk_widget_remove_css_class (se->nav_icon, "dim-label");
}

static void
section_empty_cb (DebriefSection *section, GParamSpec *pspec, SectionEditor *se)
{
  update_nav_icon (se);
}

static void detach_section (SectionEditor *se);

static void
section_editor_free (gpointer data)
{
  SectionEditor *se = data;

  detach_section (se);
  g_signal_handlers_disconnect_by_data (se->buffer, se);
  g_clear_object (&se->buffer);
  g_free (se);
}

static void
update_style_scheme (DebriefReportEditor *self)
{
  AdwStyleManager             *manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  GtkSourceStyleScheme        *scheme;

  g_assert (DEBRIEF_IS_REPORT_EDITOR (self));

  scheme = gtk_source_style_scheme_manager_get_scheme (
      schemes, adw_style_manager_get_dark (manager) ? "Adwaita-dark" : "Adwaita");

  for (guint i = 0; self->sections && i < self->sections->len; i++)
    {
      SectionEditor *se = g_ptr_array_index (self->sections, i);

      gtk_source_buffer_set_style_scheme (se->buffer, scheme);
    }
}

static void
dark_changed_cb (DebriefReportEditor *self)
{
  update_style_scheme (self);
}

static void
update_progress (DebriefReportEditor *self)
{
  g_autofree char *text = NULL;
  guint            n_sections, n_empty;

  g_assert (DEBRIEF_IS_REPORT_EDITOR (self));

  if (self->report == NULL)
    return;

  n_sections = g_list_model_get_n_items (debrief_report_get_sections (self->report));
  n_empty = debrief_report_get_n_empty_sections (self->report);

  if (n_empty == 0)
    text = g_strdup_printf (
        ngettext ("The section is written.", "All %u sections are written.", n_sections),
        n_sections);
  else
    text = g_strdup_printf (ngettext ("%u of %u sections is still empty.",
                                      "%u of %u sections are still empty.", n_empty),
                            n_empty, n_sections);

  gtk_label_set_label (self->progress_label, text);
  gtk_label_set_label (self->sections_summary, text);
}

static void
update_zone (DebriefReportEditor *self)
{
  g_assert (DEBRIEF_IS_REPORT_EDITOR (self));

  gtk_menu_button_set_label (self->zone_button, debrief_report_get_timezone (self->report));
  debrief_datetime_button_set_timezone (self->start_button,
                                        debrief_report_get_timezone (self->report));
}

static void
report_notify_cb (DebriefReportEditor *self, GParamSpec *pspec, DebriefReport *report)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "n-empty-sections"))
    update_progress (self);
  else if (g_str_equal (name, "timezone"))
    update_zone (self);
  else if (g_str_equal (name, "started-at"))
    debrief_datetime_button_set_time (self->start_button,
                                      debrief_report_get_started_at (self->report));
}

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

/* Classifications are stored by their untranslated names and shown
 * translated; a name set elsewhere (by the CLI, say) is added to the list. */
static gboolean
classification_to_selected (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  DebriefReportEditor *self = user_data;
  const char          *name = g_value_get_string (from);
  guint                index;

  if (name == NULL)
    return FALSE;

  if (!g_ptr_array_find_with_equal_func (self->classifications, name, g_str_equal, &index))
    {
      g_ptr_array_add (self->classifications, g_strdup (name));
      gtk_string_list_append (self->classification_model, name);
      index = self->classifications->len - 1;
    }

  g_value_set_uint (to, index);
  return TRUE;
}

static gboolean
selected_to_classification (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  DebriefReportEditor *self = user_data;
  guint                selected = g_value_get_uint (from);

  if (selected >= self->classifications->len)
    return FALSE;

  g_value_set_string (to, g_ptr_array_index (self->classifications, selected));
  return TRUE;
}

static void
bind (DebriefReportEditor *self,
      gpointer             source,
      const char          *source_property,
      gpointer             target,
      const char          *target_property,
      gboolean             is_enum)
{
  GBinding *binding;

  g_assert (DEBRIEF_IS_REPORT_EDITOR (self));

  if (is_enum)
    binding = g_object_bind_property_full (source, source_property, target, target_property,
                                           G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                           enum_to_selected, selected_to_enum, NULL, NULL);
  else
    binding = g_object_bind_property (source, source_property, target, target_property,
                                      G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

static void
fill_enum_model (GtkStringList *model, GType type)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (type);

  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (model, debrief_enum_get_label (type, klass->values[i].value));
}

/* The sections' Markdown highlighting, from resources/language-specs.
 * The manager keeps GtkSourceView's own directories on its path, where
 * the schema it validates languages against is found. */
static GtkSourceLanguage *
get_markdown_language (void)
{
  static GtkSourceLanguageManager *manager;

  if (manager == NULL)
    {
      const char *const *defaults = gtk_source_language_manager_get_search_path (
          gtk_source_language_manager_get_default ());
      g_autoptr (GStrvBuilder) path = g_strv_builder_new ();
      g_auto (GStrv) dirs = NULL;

      g_strv_builder_add (path, "resource://" RESOURCE_PREFIX "/language-specs");
      g_strv_builder_addv (path, (const char **) defaults);
      dirs = g_strv_builder_end (path);

      manager = gtk_source_language_manager_new ();
      gtk_source_language_manager_set_search_path (manager, (const char *const *) dirs);
    }

  return gtk_source_language_manager_get_language (manager, "debrief-markdown");
}

/* The template's sections are the same for every report, so their
 * editors are made once and given each report's text in turn. */
static void
create_section_editor (DebriefReportEditor *self, const DebriefTemplateSection *template)
{
  SectionEditor *se = g_new0 (SectionEditor, 1);
  const char    *title = debrief_template_section_get_title (template);
  const char    *question = debrief_template_section_get_question (template);
  GtkWidget     *frame, *row, *label;

  g_assert (DEBRIEF_IS_REPORT_EDITOR (self));

  se->editor = self;
  se->key = template->key;

  se->buffer = gtk_source_buffer_new (NULL);
  gtk_source_buffer_set_language (se->buffer, get_markdown_language ());
  gtk_source_buffer_set_highlight_matching_brackets (se->buffer, FALSE);
  g_signal_connect (se->buffer, "changed", G_CALLBACK (buffer_changed_cb), se);

  se->view = gtk_source_view_new_with_buffer (se->buffer);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (se->view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (se->view), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (se->view), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (se->view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (se->view), 12);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (se->view), FALSE);
  gtk_widget_set_size_request (se->view, -1, 96);
  gtk_widget_set_name (se->view, template->key);
  gtk_widget_add_css_class (se->view, "section-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (se->view), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, question, -1);

  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), se->view);
  gtk_widget_add_css_class (frame, "section-frame");

  se->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (se->group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (se->group), question);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (se->group), frame);
  gtk_box_append (GTK_BOX (self->sections_box), se->group);

  /* The navigation row in the sections popover */
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  se->nav_icon = gtk_image_new ();
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (row), se->nav_icon);
  gtk_box_append (GTK_BOX (row), label);
  se->nav_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (se->nav_row), row);
  g_object_set_data (G_OBJECT (se->nav_row), "section-editor", se);
  gtk_list_box_append (self->sections_list, se->nav_row);

  g_ptr_array_add (self->sections, se);
}

/* Made when the first report is shown, not when the window opens: loading
 * the Markdown language and the style schemes would delay its first frame */
static void
ensure_section_editors (DebriefReportEditor *self)
{
  const DebriefTemplateSection *template;
  guint n_template;

  g_assert (DEBRIEF_IS_REPORT_EDITOR (self));

  if (self->sections->len > 0)
    return;

  template = debrief_template_get_sections (&n_template);
  for (guint i = 0; i < n_template; i++)
    create_section_editor (self, &template[i]);
  update_style_scheme (self);
}

static void
attach_section (SectionEditor *se, DebriefSection *section)
{
  g_assert (se->section == NULL);

  se->section = g_object_ref (section);

  /* Another report's text is not something to undo */
  g_signal_handlers_block_by_func (se->buffer, buffer_changed_cb, se);
  gtk_text_buffer_begin_irreversible_action (GTK_TEXT_BUFFER (se->buffer));
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (se->buffer), debrief_section_get_body (section), -1);
  gtk_text_buffer_end_irreversible_action (GTK_TEXT_BUFFER (se->buffer));
  g_signal_handlers_unblock_by_func (se->buffer, buffer_changed_cb, se);

  se->empty_handler = g_signal_connect (section, "notify::empty", G_CALLBACK (section_empty_cb),
                                        se);
  update_nav_icon (se);
}

static void
detach_section (SectionEditor *se)
{
  if (se->section == NULL)
    return;

  if (se->sync_source != 0)
    sync_section (se);

  g_clear_signal_handler (&se->empty_handler, se->section);
  g_clear_object (&se->section);
}

static void
clear_report (DebriefReportEditor *self)
{
  g_assert (DEBRIEF_IS_REPORT_EDITOR (self));

  if (self->report == NULL)
    return;

  debrief_report_editor_commit (self);

  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);

  for (guint i = 0; i < self->sections->len; i++)
    detach_section (g_ptr_array_index (self->sections, i));

  debrief_action_list_set_report (self->action_list, NULL);

  g_clear_signal_handler (&self->report_notify_handler, self->report);
  g_clear_object (&self->report);
}

static void
zone_chosen_cb (DebriefReportEditor *self, const char *zone)
{
  g_autoptr (GError) error = NULL;

  if (self->report != NULL && !debrief_report_set_timezone (self->report, zone, &error))
    g_warning ("%s", error->message);
}

static void
start_time_changed_cb (DebriefReportEditor *self)
{
  if (self->report != NULL)
    debrief_report_set_started_at (self->report,
                                   debrief_datetime_button_get_time (self->start_button));
}

static void
action_removed_cb (DebriefReportEditor *self, DebriefActionItem *item, guint position)
{
  g_signal_emit (self, signals[ACTION_DELETED], 0, item, position);
}

static void
section_row_activated_cb (DebriefReportEditor *self, GtkListBoxRow *row)
{
  SectionEditor *se = g_object_get_data (G_OBJECT (row), "section-editor");

  gtk_popover_popdown (self->sections_popover);
  if (se != NULL)
    debrief_report_editor_show_section (self, se->key);
}

static void
add_action_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefReportEditor *self = DEBRIEF_REPORT_EDITOR (widget);

  if (self->report != NULL)
    debrief_action_list_add_item (self->action_list);
}

static void
debrief_report_editor_dispose (GObject *object)
{
  DebriefReportEditor *self = (DebriefReportEditor *) object;

  clear_report (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_REPORT_EDITOR);

  G_OBJECT_CLASS (debrief_report_editor_parent_class)->dispose (object);
}

static void
debrief_report_editor_finalize (GObject *object)
{
  DebriefReportEditor *self = (DebriefReportEditor *) object;

  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->classifications, g_ptr_array_unref);

  G_OBJECT_CLASS (debrief_report_editor_parent_class)->finalize (object);
}

static void
debrief_report_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DebriefReportEditor *self = DEBRIEF_REPORT_EDITOR (object);

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
debrief_report_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DebriefReportEditor *self = DEBRIEF_REPORT_EDITOR (object);

  switch (prop_id)
    {
      case PROP_REPORT:
        debrief_report_editor_set_report (self, g_value_get_object (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_report_editor_class_init (DebriefReportEditorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_report_editor_dispose;
  object_class->finalize = debrief_report_editor_finalize;
  object_class->get_property = debrief_report_editor_get_property;
  object_class->set_property = debrief_report_editor_set_property;

  properties[PROP_REPORT] = g_param_spec_object ("report", NULL, NULL, DEBRIEF_TYPE_REPORT,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                     G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DebriefReportEditor::action-deleted:
   * @item: the action item that was removed from the report
   * @position: where it was, to put it back
   */
  signals[ACTION_DELETED] = g_signal_new ("action-deleted", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                          DEBRIEF_TYPE_ACTION_ITEM, G_TYPE_UINT);

  g_type_ensure (DEBRIEF_TYPE_ACTION_LIST);
  g_type_ensure (DEBRIEF_TYPE_DATETIME_BUTTON);
  g_type_ensure (DEBRIEF_TYPE_ZONE_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/debrief-report-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefReportEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, DebriefReportEditor, page);
  gtk_widget_class_bind_template_child (widget_class, DebriefReportEditor, progress_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefReportEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefReportEditor, status_model);
  gtk_widget_class_bind_template_child (widget_class, DebriefReportEditor, severity_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefReportEditor, severity_model);
  gtk_widget_class_bind_template_child (widget_class, DebriefReportEditor, classification_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefReportEditor, classification_model);
  gtk_widget_class_bind_template_child (widget_class, DebriefReportEditor, lead_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefReportEditor, zone_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefReportEditor, zone_chooser);
  gtk_widget_class_bind_template_child (widget_class, DebriefReportEditor, start_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefReportEditor, sections_box);
  gtk_widget_class_bind_template_child (widget_class, DebriefReportEditor, action_list);
  gtk_widget_class_bind_template_child (widget_class, DebriefReportEditor, sections_popover);
  gtk_widget_class_bind_template_child (widget_class, DebriefReportEditor, sections_summary);
  gtk_widget_class_bind_template_child (widget_class, DebriefReportEditor, sections_list);
  gtk_widget_class_bind_template_callback (widget_class, zone_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, action_removed_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.add-action", NULL, add_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
debrief_report_editor_init (DebriefReportEditor *self)
{
  self->sections = g_ptr_array_new_with_free_func (section_editor_free);
  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->classifications = g_ptr_array_new_with_free_func (g_free);
  for (const char *const *c = debrief_report_list_classifications (); *c; c++)
    {
      g_ptr_array_add (self->classifications, g_strdup (*c));
      gtk_string_list_append (self->classification_model, _ (*c));
    }

  fill_enum_model (self->status_model, DEBRIEF_TYPE_STATUS);
  fill_enum_model (self->severity_model, DEBRIEF_TYPE_SEVERITY);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
debrief_report_editor_new (void)
{
  return g_object_new (DEBRIEF_TYPE_REPORT_EDITOR, NULL);
}

/**
 * debrief_report_editor_get_report:
 *
 * Returns: (transfer none) (nullable): the report being edited
 */
DebriefReport *
debrief_report_editor_get_report (DebriefReportEditor *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT_EDITOR (self), NULL);

  return self->report;
}

/**
 * debrief_report_editor_set_report:
 * @report: (nullable): a loaded report, or %NULL
 *
 * Shows @report for editing. Whatever was typed into the previous report
 * is handed to it first.
 */
void
debrief_report_editor_set_report (DebriefReportEditor *self, DebriefReport *report)
{
  g_return_if_fail (DEBRIEF_IS_REPORT_EDITOR (self));
  g_return_if_fail (report == NULL || debrief_report_is_loaded (report));

  if (self->report == report)
    return;

  clear_report (self);

  if (report != NULL)
    {
      self->report = g_object_ref (report);

      bind (self, report, "status", self->status_row, "selected", TRUE);
      bind (self, report, "severity", self->severity_row, "selected", TRUE);
      bind (self, report, "lead", self->lead_row, "text", FALSE);
      g_ptr_array_add (self->bindings,
                       g_object_ref (g_object_bind_property_full (
                           report, "classification", self->classification_row, "selected",
                           G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                           classification_to_selected, selected_to_classification, self, NULL)));

      update_zone (self);
      debrief_datetime_button_set_time (self->start_button,
                                        debrief_report_get_started_at (report));

      ensure_section_editors (self);
      for (guint i = 0; i < self->sections->len; i++)
        {
          SectionEditor  *se = g_ptr_array_index (self->sections, i);
          DebriefSection *section = debrief_report_get_section (report, se->key);

          if (section != NULL)
            attach_section (se, section);
        }

      debrief_action_list_set_report (self->action_list, report);

      self->report_notify_handler = g_signal_connect_object (
          report, "notify", G_CALLBACK (report_notify_cb), self, G_CONNECT_SWAPPED);
      update_progress (self);

      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

/**
 * debrief_report_editor_commit:
 *
 * Hands text still waiting in the editors to the report at once, e.g.
 * before the window closes.
 */
void
debrief_report_editor_commit (DebriefReportEditor *self)
{
  g_return_if_fail (DEBRIEF_IS_REPORT_EDITOR (self));

  for (guint i = 0; i < self->sections->len; i++)
    {
      SectionEditor *se = g_ptr_array_index (self->sections, i);

      if (se->sync_source != 0)
        sync_section (se);
    }
}

/**
 * debrief_report_editor_get_sections_popover:
 *
 * Returns: (transfer none): the popover listing the sections, for a menu
 *   button in the header bar
 */
GtkWidget *
debrief_report_editor_get_sections_popover (DebriefReportEditor *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT_EDITOR (self), NULL);

  return GTK_WIDGET (self->sections_popover);
}

/**
 * debrief_report_editor_get_section_view:
 *
 * Returns: (transfer none) (nullable): the text view of the section @key
 */
GtkTextView *
debrief_report_editor_get_section_view (DebriefReportEditor *self, const char *key)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT_EDITOR (self), NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      SectionEditor *se = g_ptr_array_index (self->sections, i);

      if (g_str_equal (se->key, key))
        return GTK_TEXT_VIEW (se->view);
    }

  return NULL;
}

/**
 * debrief_report_editor_show_section:
 *
 * Scrolls to the section @key and puts the cursor in it.
 */
void
debrief_report_editor_show_section (DebriefReportEditor *self, const char *key)
{
  GtkTextView     *view;
  GtkWidget       *group;
  graphene_point_t point;

  g_return_if_fail (DEBRIEF_IS_REPORT_EDITOR (self));

  if (!(view = debrief_report_editor_get_section_view (self, key)))
    return;

  group = gtk_widget_get_ancestor (GTK_WIDGET (view), ADW_TYPE_PREFERENCES_GROUP);
  if (group != NULL &&
      gtk_widget_compute_point (group, self->page, &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller),
                              MAX (0, point.y - 12));

  gtk_widget_grab_focus (GTK_WIDGET (view));
}

/**
 * debrief_report_editor_get_action_list:
 *
 * Returns: (transfer none): the action items table
 */
DebriefActionList *
debrief_report_editor_get_action_list (DebriefReportEditor *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT_EDITOR (self), NULL);

  return self->action_list;
}

const char *
debrief_report_editor_get_progress_text (DebriefReportEditor *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT_EDITOR (self), NULL);

  return gtk_label_get_text (self->progress_label);
}

/**
 * debrief_report_editor_get_severity_row:
 *
 * Returns: (transfer none): the severity row, for tests
 */
AdwComboRow *
debrief_report_editor_get_severity_row (DebriefReportEditor *self)
{
  g_return_val_if_fail (DEBRIEF_IS_REPORT_EDITOR (self), NULL);

  return self->severity_row;
}
