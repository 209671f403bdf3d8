/* debrief-window-private.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "debrief-list-pacer.h"
#include "debrief-report-editor.h"
#include "debrief-timeline-page.h"
#include "debrief-window.h"

G_BEGIN_DECLS

struct _DebriefWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  GtkWidget           *sidebar;
  GtkWidget           *content;
  AdwWindowTitle      *library_title;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *status_filter;
  GtkStringList       *status_filter_model;
  GtkDropDown         *severity_filter;
  GtkStringList       *severity_filter_model;
  GtkStack            *sidebar_stack;
  GtkSpinner          *loading_spinner;
  GtkListView         *report_list;
  GtkMenuButton       *sidebar_menu_button;
  GtkMenuButton       *report_menu_button;
  GtkMenuButton       *sections_button;
  GtkStack            *title_stack;
  GtkButton           *title_button;
  GtkLabel            *title_label;
  GtkEntry            *title_entry;
  GtkStack            *content_stack;
  DebriefReportEditor *editor;
  AdwViewStack        *report_views;
  DebriefTimelinePage *timeline_page;

  /* Owned */
  DebriefLibrary     *library;
  GSettings          *settings;
  GCancellable       *search_cancellable;
  GCancellable       *load_cancellable;
  DebriefReport      *loading_report;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  DebriefListPacer   *pacer;
  GtkSingleSelection *selection;
  GListModel         *search_results;
  GBinding           *title_binding;
  AdwToast           *last_toast;
  GtkWindow          *shortcuts_window;
  gulong              write_failed_handler;
  gboolean            write_error_shown;
  /* Closing and opening another library wait until the library has
   * written its changes (and ask if it cannot) */
  gboolean   flushing;
  gboolean   close_confirmed;
  GtkWindow *flush_dialog;
  gboolean   disposed;
  gboolean   searching;
  gboolean   navigate_on_select;
};

void _debrief_window_class_actions_init (GtkWidgetClass *widget_class);
void _debrief_window_update_actions (DebriefWindow *self);
void _debrief_window_show_report (DebriefWindow *self, DebriefReport *report);
void _debrief_window_open_library_file (DebriefWindow *self, GFile *file);

void _debrief_window_edit_title (DebriefWindow *self);

typedef void (*DebriefWindowThen) (DebriefWindow *self, gpointer data);

void _debrief_window_flush_then (DebriefWindow    *self,
                                 const char       *consequence,
                                 const char       *discard_label,
                                 DebriefWindowThen then,
                                 gpointer          data,
                                 GDestroyNotify    destroy);

G_END_DECLS
