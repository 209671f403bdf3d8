/* ui-bench.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-ui-bench"

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <time.h>

#include "debrief-application.h"
#include "debrief-core.h"
#include "debrief-window.h"

/* Helpers for bench/startup:
 *
 *   ui-bench generate LIBRARY N   writes N reports with text in every
 *                                 section and a few action items
 *   ui-bench typing LIBRARY       opens the window, types 2,000
 *                                 characters into a section and prints the
 *                                 longest main-thread stall meanwhile
 *   ui-bench timeline LIBRARY N   writes a report with N timeline entries,
 *                                 opens it in the window on its timeline
 *                                 and prints the time to the first frame
 *   ui-bench bare                 shows an empty libadwaita window, as
 *                                 Debrief is started (a unique
 *                                 application, same libraries, same size),
 *                                 and prints when its first frame was
 *                                 drawn: the floor GTK sets on this machine
 */

#define N_CHARACTERS      2000
#define KEY_INTERVAL_MS   8
#define PROBE_INTERVAL_MS 1

static const char *words[] = {
  "database", "failover", "latency", "cache", "deploy",  "rollback",    "customer", "region",
  "alert",    "timeout",  "queue",   "load",  "network", "certificate", "disk",     "memory",
};

static char *
make_text (GRand *rand, guint n_words)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      g_string_append (str, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append_c (str, (i % 14 == 13) ? '.' : ' ');
      if (i % 60 == 59)
        g_string_append (str, "\n\n");
    }

  return g_string_free (str, FALSE);
}

static int
generate (const char *path, guint n_reports)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (DebriefLibrary) library = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  static const char *keys[] = { "summary",    "impact",        "detection", "root-cause",
                                "resolution", "communication", "lessons" };

  if (!(library = debrief_library_open (file, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < n_reports; i++)
    {
      g_autofree char *title = g_strdup_printf ("Incident %u: %s %s", i + 1,
                                                words[i % G_N_ELEMENTS (words)],
                                                words[(i / 7) % G_N_ELEMENTS (words)]);
      DebriefReport   *report = debrief_library_create_report (library, title, &error);

      if (report == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      debrief_report_set_severity (report, i % 4);
      debrief_report_set_status (report, i % 3);
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          g_autofree char *text = make_text (rand, 40 + g_rand_int_range (rand, 0, 80));

          debrief_section_set_body (debrief_report_get_section (report, keys[k]), text);
        }
      for (guint a = 0; a < 3; a++)
        {
          g_autofree char *text = make_text (rand, 8);
          g_autoptr (DebriefActionItem) item = debrief_action_item_new (text);

          debrief_report_append_action (report, item);
        }

      /* Keep the pending writes bounded */
      if (i % 500 == 499 && !debrief_library_flush (library, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  if (!debrief_library_flush (library, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%u reports written to %s\n", n_reports, path);
  return 0;
}

typedef struct
{
  GtkTextView *view;
  guint        typed;
  gint64       last_probe;
  gint64       max_stall;
  gint64       max_insert;
  gint64       max_frame;
  gint64       frame_start;
  gint64       started;
  gboolean     done;
} Typing;

static gboolean
probe_cb (gpointer data)
{
  Typing *t = data;
  gint64  now = g_get_monotonic_time ();

  if (t->last_probe != 0)
    t->max_stall = MAX (t->max_stall, now - t->last_probe - PROBE_INTERVAL_MS * 1000);
  t->last_probe = now;

  return t->done ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

static void
frame_start_cb (GdkFrameClock *clock, Typing *t)
{
  t->frame_start = g_get_monotonic_time ();
}

static void
frame_end_cb (GdkFrameClock *clock, Typing *t)
{
  if (t->frame_start != 0 && t->started != 0)
    t->max_frame = MAX (t->max_frame, g_get_monotonic_time () - t->frame_start);
  t->frame_start = 0;
}

static gboolean
key_cb (gpointer data)
{
  Typing        *t = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (t->view);
  char           c = "the quick brown fox jumps over the lazy dog. "[t->typed % 45];
  gint64         before = g_get_monotonic_time ();

  gtk_text_buffer_insert_interactive_at_cursor (buffer, &c, 1, TRUE);
  t->max_insert = MAX (t->max_insert, g_get_monotonic_time () - before);

  if (++t->typed < N_CHARACTERS)
    return G_SOURCE_CONTINUE;

  return G_SOURCE_REMOVE;
}

static gboolean
window_ready (DebriefWindow *window)
{
  return debrief_window_get_library (window) != NULL && debrief_window_get_report (window) != NULL;
}

static int
typing (const char *path)
{
  g_autoptr (DebriefApplication) app = debrief_application_new ();
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  DebriefWindow *window;
  Typing         t = { 0 };
  gint64         wait_until;

  gtk_init ();
  adw_init ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  window = DEBRIEF_WINDOW (debrief_application_new_window (app, file));
  while (!window_ready (window))
    g_main_context_iteration (NULL, TRUE);

  t.view = debrief_report_editor_get_section_view (debrief_window_get_editor (window), "summary");
  gtk_widget_grab_focus (GTK_WIDGET (t.view));

  /* Let the window settle before measuring */
  wait_until = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < wait_until)
    g_main_context_iteration (NULL, FALSE);

  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "layout",
                    G_CALLBACK (frame_start_cb), &t);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (frame_end_cb), &t);
  t.started = g_get_monotonic_time ();
  g_timeout_add (PROBE_INTERVAL_MS, probe_cb, &t);
  g_timeout_add (KEY_INTERVAL_MS, key_cb, &t);

  /* Type, then wait for the last words to be saved */
  while (t.typed < N_CHARACTERS)
    g_main_context_iteration (NULL, TRUE);
  wait_until = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < wait_until)
    g_main_context_iteration (NULL, TRUE);
  t.done = TRUE;

  g_print ("typed %u characters in %.1f s, one every %d ms\n", t.typed,
           (g_get_monotonic_time () - t.started) / 1e6 - 1.0, KEY_INTERVAL_MS);
  g_print ("longest insertion: %.2f ms\n", t.max_insert / 1000.0);
  g_print ("longest main-thread stall while typing and saving: %.2f ms (target: 16 ms)\n",
           t.max_stall / 1000.0);
  g_print ("longest frame GTK drew meanwhile (layout and paint): %.2f ms\n", t.max_frame / 1000.0);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return 0;
}

typedef struct
{
  DebriefWindow *window;
  DebriefReport *report;
  gint64         start;
  gint64         shown;
  gint64         frame;
} Opening;

/* The first frame drawn once the window shows the report (it is read on
 * a worker thread, so frames may come before it) */
static void
after_paint_cb (GdkFrameClock *clock, Opening *opening)
{
  if (opening->frame == 0 && opening->shown != 0)
    opening->frame = g_get_monotonic_time ();
}

static int
timeline (const char *path, guint n_entries)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (DebriefApplication) app = NULL;
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *uuid = NULL;
  DebriefLibrary  *library;
  DebriefReport   *report;
  DebriefWindow   *window;
  GdkFrameClock   *clock;
  Opening          opening = { 0 };
  gint64           at = 1795000000;
  gint64           wait_until;

  /* A report with a long timeline, written before the window opens */
  if (!(library = debrief_library_open (file, &error)) ||
      !(report = debrief_library_create_report (library, "Long incident", &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  uuid = g_strdup (debrief_report_get_uuid (report));
  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *text = g_strdup_printf ("Entry %u: %s %s", i + 1,
                                               words[i % G_N_ELEMENTS (words)],
                                               words[(i / 3) % G_N_ELEMENTS (words)]);

      g_ptr_array_add (entries, debrief_timeline_entry_new (
                                    at + i * 30, DEBRIEF_TIME_PRECISION_SECOND, i % 5, text));
    }
  debrief_report_insert_timeline_entries (report, 0, entries);

  /* A newer, short report: the one the window opens first */
  g_usleep (1100 * 1000);
  if (!debrief_library_create_report (library, "Short incident", &error) ||
      !debrief_library_flush (library, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_object_unref (library);

  gtk_init ();
  adw_init ();
  app = debrief_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  window = DEBRIEF_WINDOW (debrief_application_new_window (app, file));
  while (debrief_window_get_library (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  wait_until = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < wait_until)
    g_main_context_iteration (NULL, FALSE);

  /* Show another report's timeline, then open the long one as a user
   * would by clicking it in the list */
  debrief_window_select_report (
      window,
      debrief_library_lookup_report (debrief_window_get_library (window), "Short incident", NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-timeline", NULL);
  wait_until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < wait_until)
    g_main_context_iteration (NULL, FALSE);

  report = debrief_library_find_report (debrief_window_get_library (window), uuid);
  if (debrief_report_is_loaded (report))
    g_printerr ("warning: the long report was read before it was opened\n");

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &opening);
  opening.window = window;
  opening.report = report;
  opening.start = g_get_monotonic_time ();
  debrief_window_select_report (window, report);
  while (opening.frame == 0)
    {
      g_main_context_iteration (NULL, TRUE);
      if (opening.shown == 0 && debrief_window_get_report (window) == report)
        {
          opening.shown = g_get_monotonic_time ();
          gtk_widget_queue_draw (GTK_WIDGET (window));
        }
    }

  g_print ("opened a report of %u timeline entries on its timeline: first frame after %.1f ms "
           "(target: 300 ms; %.1f ms to read it on a worker thread and bind it, %.1f ms to lay "
           "out and draw)\n",
           g_list_model_get_n_items (debrief_report_get_timeline (report)),
           (opening.frame - opening.start) / 1000.0, (opening.shown - opening.start) / 1000.0,
           (opening.frame - opening.shown) / 1000.0);

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, &opening);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return 0;
}

static void
bare_frame_cb (GdkFrameClock *clock, GApplication *app)
{
  const char *t0 = g_getenv ("DEBRIEF_PROFILE_T0");
  gint64      start = t0 != NULL ? g_ascii_strtoll (t0, NULL, 10) / 1000 : 0;

  g_signal_handlers_disconnect_by_func (clock, bare_frame_cb, app);
  g_print ("debrief-profile: first-frame %.1f ms\n", (g_get_real_time () - start) / 1000.0);
  g_application_quit (app);
}

static void
bare_realize_cb (GtkWidget *window, GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (bare_frame_cb),
                    app);
}

static void
bare_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (page), "Empty");
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  g_signal_connect (window, "realize", G_CALLBACK (bare_realize_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

static int
bare (void)
{
  g_autoptr (AdwApplication)
      app = adw_application_new ("io.github.debrief.Debrief.Bench", G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (bare_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

int
main (int argc, char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "generate"))
    return generate (argv[2], (guint) strtoul (argv[3], NULL, 10));

  if (argc == 3 && g_str_equal (argv[1], "typing"))
    return typing (argv[2]);

  if (argc == 4 && g_str_equal (argv[1], "timeline"))
    return timeline (argv[2], (guint) strtoul (argv[3], NULL, 10));

  if (argc == 2 && g_str_equal (argv[1], "bare"))
    return bare ();

  g_printerr ("Usage: %s generate LIBRARY N | typing LIBRARY | timeline LIBRARY N | bare\n",
              argv[0]);
  return 2;
}
