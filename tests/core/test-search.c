/* test-search.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-search"

#include "config.h"

#include "debrief-test-util.h"

typedef struct
{
  char           *dir;
  GFile          *file;
  DebriefLibrary *library;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = debrief_test_make_dir ();
  f->file = debrief_test_file (f->dir, "lib.debrief");
  f->library = debrief_test_open_library (f->file);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  debrief_test_wait_for_last_ref (f->library);
  g_assert_finalize_object (f->library);
  g_clear_object (&f->file);
  debrief_test_remove_dir (f->dir);
  g_free (f->dir);
}

static DebriefReport *
add_report (Fixture *f, const char *title, const char *summary)
{
  DebriefReport *report = debrief_test_create_report (f->library, title);

  if (summary != NULL)
    debrief_section_set_body (debrief_report_get_section (report, "summary"), summary);

  return report;
}

static GListModel *
search (Fixture *f, const char *query)
{
  g_autoptr (GError) error = NULL;
  GListModel *hits = debrief_library_search (f->library, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  g_assert_true (g_list_model_get_item_type (hits) == DEBRIEF_TYPE_SEARCH_HIT);

  return hits;
}

static guint
count (Fixture *f, const char *query)
{
  g_autoptr (GListModel) hits = search (f, query);

  return g_list_model_get_n_items (hits);
}

static DebriefSearchHit *
hit_at (GListModel *hits, guint position)
{
  g_autoptr (DebriefSearchHit) hit = g_list_model_get_item (hits, position);

  g_assert_nonnull (hit);
  return hit;
}

/* The titles of the reports found, best first: "A|B" */
static char *
found_titles (Fixture *f, const char *query)
{
  g_autoptr (GListModel) hits = search (f, query);
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      DebriefReport *report = debrief_search_hit_get_report (hit_at (hits, i));

      g_string_append_printf (str, "%s%s", i > 0 ? "|" : "", debrief_report_get_title (report));
    }

  return g_string_free (str, FALSE);
}

#define assert_found(f, query, titles)                     \
  G_STMT_START                                             \
  {                                                        \
    g_autofree char *_found = found_titles ((f), (query)); \
    g_assert_cmpstr (_found, ==, (titles));                \
  }                                                        \
  G_STMT_END

static void
test_ranking (Fixture *f, gconstpointer data)
{
  g_autoptr (GListModel) hits = NULL;

  add_report (f, "Disk full on the build hosts",
              "The authentication service was fine; the disks were not.");
  add_report (f, "Authentication outage", "Logins failed.");
  add_report (f, "Unrelated", "Nothing to see.");

  /* A title match ranks above a match in a section */
  hits = search (f, "authentication");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  g_assert_cmpstr (debrief_report_get_title (debrief_search_hit_get_report (hit_at (hits, 0))), ==,
                   "Authentication outage");
  g_assert_cmpstr (debrief_search_hit_get_kind (hit_at (hits, 0)), ==, "report");
  g_assert_cmpstr (debrief_search_hit_get_location (hit_at (hits, 0)), ==, "Title");
  g_assert_cmpstr (debrief_search_hit_get_kind (hit_at (hits, 1)), ==, "section");
  g_assert_cmpstr (debrief_search_hit_get_ref (hit_at (hits, 1)), ==, "summary");
  g_assert_cmpstr (debrief_search_hit_get_location (hit_at (hits, 1)), ==, "Executive summary");
  g_assert_cmpfloat (debrief_search_hit_get_rank (hit_at (hits, 0)), <,
                     debrief_search_hit_get_rank (hit_at (hits, 1)));
  g_clear_object (&hits);

  /* More matches rank higher, in text of the same length */
  add_report (f, "Few", "disk warmed, disk flushed, disk rebuilt and cache checked");
  add_report (f, "Many", "cache warmed, cache flushed, cache rebuilt and cache checked");
  assert_found (f, "cache", "Many|Few");
}

static void
test_prefix (Fixture *f, gconstpointer data)
{
  add_report (f, "Login failures", "The authentication backend timed out.");

  assert_found (f, "auth", "Login failures");
  assert_found (f, "AUTHENT", "Login failures");
  assert_found (f, "authentication", "Login failures");
  assert_found (f, "log", "Login failures");
  /* Only the start of a word matches */
  assert_found (f, "thentication", "");
  assert_found (f, "authenticationx", "");
}

static void
test_diacritics (Fixture *f, gconstpointer data)
{
  add_report (f, "Zürich data centre power loss", NULL);
  add_report (f, "Parser crash", "The résumé upload broke the parser.");
  add_report (f, "Plain", "A resume of the naive cafe incident.");

  assert_found (f, "zurich", "Zürich data centre power loss");
  assert_found (f, "ZÜRICH", "Zürich data centre power loss");
  assert_found (f, "zür", "Zürich data centre power loss");
  assert_found (f, "naïve café", "Plain");
  assert_found (f, "resume", "Parser crash|Plain");
  assert_found (f, "résumé", "Parser crash|Plain");
}

static void
test_all_words (Fixture *f, gconstpointer data)
{
  add_report (f, "Both words", "The database failover took ten minutes.");
  add_report (f, "First word", "The database was slow.");
  add_report (f, "Second word", "A failover happened.");

  assert_found (f, "database failover", "Both words");
  assert_found (f, "failover   database", "Both words");
  assert_found (f, "datab fail", "Both words");
  g_assert_cmpuint (count (f, "database"), ==, 2);
  assert_found (f, "database failover nothing", "");
}

static void
test_all_words_across_report (Fixture *f, gconstpointer data)
{
  DebriefReport *report = add_report (f, "Redis outage", "Clients saw timeouts.");
  g_autoptr (DebriefActionItem) item = debrief_action_item_new ("Tune the eviction policy");

  debrief_report_append_action (report, item);
  add_report (f, "Redis upgrade", "Went fine.");

  /* A report matches when it holds every word, wherever they are */
  assert_found (f, "redis timeouts", "Redis outage");
  assert_found (f, "timeouts eviction", "Redis outage");
  assert_found (f, "redis eviction timeouts outage", "Redis outage");
  assert_found (f, "redis", "Redis outage|Redis upgrade");
}

static void
test_snippet (Fixture *f, gconstpointer data)
{
  g_autoptr (GListModel) hits = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *wrapped = NULL;
  g_autofree char *property = NULL;
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (GError) error = NULL;
  static const GMarkupParser parser = { NULL };
  DebriefSearchHit          *hit;

  add_report (f, "Routing",
              "After the upgrade the router in Zürich dropped packets when a < b && c > d,\n"
              "so traffic moved to Frankfurt.");

  hits = search (f, "zurich");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  hit = hit_at (hits, 0);

  plain = debrief_search_hit_get_snippet (hit, "[", "]");
  g_assert_nonnull (strstr (plain, "router in [Zürich] dropped"));
  g_assert_null (strchr (plain, '\n'));
  g_assert_null (strchr (plain, '\x01'));

  markup = debrief_search_hit_get_snippet_markup (hit);
  g_assert_nonnull (strstr (markup, "<b>Zürich</b>"));
  g_assert_nonnull (strstr (markup, "a &lt; b &amp;&amp; c &gt; d"));
  g_object_get (hit, "snippet-markup", &property, NULL);
  g_assert_cmpstr (property, ==, markup);

  /* Well-formed markup, whatever the text held */
  wrapped = g_strdup_printf ("<markup>%s</markup>", markup);
  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (context, wrapped, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
}

static void
test_snippet_private_use (Fixture *f, gconstpointer data)
{
  g_autoptr (GListModel) hits = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *wrapped = NULL;
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (GError) error = NULL;
  static const GMarkupParser parser = { NULL };

  /* Text pasted from an icon font holds private-use characters; they
   * must not turn into markup */
  add_report (f, "Icons", "The \xee\x80\x80 warning icon \xee\x80\x81 showed an outage.");

  hits = search (f, "outage");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  markup = debrief_search_hit_get_snippet_markup (hit_at (hits, 0));
  g_assert_nonnull (strstr (markup, "<b>outage</b>"));

  wrapped = g_strdup_printf ("<markup>%s</markup>", markup);
  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (context, wrapped, -1, &error) &&
                 g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (markup, "\xee\x80\x80 warning icon \xee\x80\x81"));
}

static void
test_index_in_step (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DebriefActionItem) item = NULL;
  g_autoptr (GListModel) hits = NULL;
  DebriefReport *report;
  DebriefReport *other;

  report = add_report (f, "Kestrel", "alpha");
  other = add_report (f, "Other", "something else");

  assert_found (f, "alpha", "Kestrel");

  /* Sections: the old words go, the new ones come */
  debrief_section_set_body (debrief_report_get_section (report, "summary"), "bravo");
  assert_found (f, "alpha", "");
  assert_found (f, "bravo", "Kestrel");
  debrief_section_set_body (debrief_report_get_section (report, "lessons"), "charlie");
  assert_found (f, "charlie", "Kestrel");

  /* Title and lead */
  debrief_report_set_title (report, "Osprey");
  assert_found (f, "kestrel", "");
  assert_found (f, "osprey", "Osprey");
  debrief_report_set_lead (report, "Delphine");
  assert_found (f, "delphine", "Osprey");

  /* Action items: added, edited, removed */
  item = debrief_action_item_new ("Replace the echo relay");
  debrief_report_append_action (report, item);
  hits = search (f, "echo");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  g_assert_cmpstr (debrief_search_hit_get_kind (hit_at (hits, 0)), ==, "action");
  g_assert_cmpstr (debrief_search_hit_get_ref (hit_at (hits, 0)), ==,
                   debrief_action_item_get_uuid (item));
  g_assert_cmpstr (debrief_search_hit_get_location (hit_at (hits, 0)), ==, "Action item");
  debrief_action_item_set_owner (item, "Foxtrot");
  assert_found (f, "foxtrot", "Osprey");
  debrief_action_item_set_description (item, "Replace the golf relay");
  assert_found (f, "echo", "");
  assert_found (f, "golf", "Osprey");
  g_assert_true (debrief_report_remove_action (report, item, NULL));
  assert_found (f, "golf", "");
  assert_found (f, "foxtrot", "");

  /* Undo of the removal */
  debrief_report_insert_action (report, 0, item);
  assert_found (f, "golf", "Osprey");

  /* Deleting a report takes all of it out; undo brings it back */
  g_object_ref (report);
  g_assert_true (debrief_library_delete_report (f->library, report, &error));
  g_assert_no_error (error);
  assert_found (f, "osprey", "");
  assert_found (f, "bravo", "");
  assert_found (f, "golf", "");
  assert_found (f, "delphine", "");
  g_assert_true (debrief_library_add_report (f->library, report, &error));
  g_assert_no_error (error);
  assert_found (f, "osprey", "Osprey");
  assert_found (f, "bravo", "Osprey");
  assert_found (f, "golf", "Osprey");
  g_object_unref (report);

  /* Edits to another report do not disturb this one */
  debrief_report_set_title (other, "Other Osprey");
  assert_found (f, "bravo", "Osprey");
}

static void
test_index_after_reopen (Fixture *f, gconstpointer data)
{
  g_autoptr (GListModel) hits = NULL;
  DebriefReport *report;

  add_report (f, "Persisted", "hotel india");
  g_assert_finalize_object (f->library);

  /* The index is on disk; reports need not be loaded to be found */
  f->library = debrief_test_open_library (f->file);
  hits = search (f, "india");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  report = debrief_search_hit_get_report (hit_at (hits, 0));
  g_assert_true (debrief_library_find_report (f->library, debrief_report_get_uuid (report)) ==
                 report);
  g_assert_false (debrief_report_is_loaded (report));
}

static void
test_one_hit_per_report (Fixture *f, gconstpointer data)
{
  g_autoptr (GListModel) hits = NULL;
  g_autoptr (DebriefActionItem) item = debrief_action_item_new ("Rotate the juliet keys");
  DebriefReport *report;

  report = add_report (f, "Juliet certificate expiry", "Juliet expired; juliet again.");
  debrief_section_set_body (debrief_report_get_section (report, "lessons"), "Track juliet.");
  debrief_report_set_lead (report, "Juliet Kim");
  debrief_report_append_action (report, item);

  hits = search (f, "juliet");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  g_assert_cmpstr (debrief_search_hit_get_kind (hit_at (hits, 0)), ==, "report");
  g_assert_true (debrief_search_hit_get_report (hit_at (hits, 0)) == report);
}

static void
search_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GListModel **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = debrief_library_search_finish (DEBRIEF_LIBRARY (source), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out);
}

static char *
describe_hits (GListModel *hits)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      DebriefSearchHit *hit = hit_at (hits, i);
      g_autofree char  *snippet = debrief_search_hit_get_snippet (hit, "[", "]");

      g_string_append_printf (str, "%s %s %s %s %g\n",
                              debrief_report_get_uuid (debrief_search_hit_get_report (hit)),
                              debrief_search_hit_get_kind (hit), debrief_search_hit_get_ref (hit),
                              snippet, debrief_search_hit_get_rank (hit));
    }

  return g_string_free (str, FALSE);
}

static void
test_async (Fixture *f, gconstpointer data)
{
  static const char *const queries[] = { "kilo", "lima", "kilo lima", "mike", "", "!!", NULL };
  DebriefReport           *report;

  add_report (f, "Kilo", "lima lima mike");
  add_report (f, "Lima", "kilo");
  report = add_report (f, "November", "mike kilo");
  debrief_section_set_body (debrief_report_get_section (report, "impact"), "lima");

  for (guint i = 0; queries[i] != NULL; i++)
    {
      g_autoptr (GListModel) sync_hits = search (f, queries[i]);
      g_autoptr (GListModel) async_hits = NULL;
      g_autofree char *sync_text = describe_hits (sync_hits);
      g_autofree char *async_text = NULL;

      debrief_library_search_async (f->library, queries[i], NULL, search_cb, &async_hits);
      while (async_hits == NULL)
        g_main_context_iteration (NULL, TRUE);

      async_text = describe_hits (async_hits);
      g_assert_cmpstr (async_text, ==, sync_text);
    }

  /* An edit not yet saved is found by the search started after it */
  debrief_report_set_title (report, "Oscar");
  {
    g_autoptr (GListModel) async_hits = NULL;

    debrief_library_search_async (f->library, "oscar", NULL, search_cb, &async_hits);
    while (async_hits == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (g_list_model_get_n_items (async_hits), ==, 1);
  }
}

static void
search_error_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GError **out = user_data;

  g_assert_null (debrief_library_search_finish (DEBRIEF_LIBRARY (source), result, out));
  g_assert_nonnull (*out);
}

static void
test_odd_queries (Fixture *f, gconstpointer data)
{
  static const char *const nothing[] = {
    "", "   ", "!!!", "-", "*", "\"", "\"\"", "( )", "^", "'", "…", "— –", NULL,
  };
  static const char *const syntax[] = {
    "papa\"", "\"papa",      "papa*",  "papa AND", "OR papa", "NOT papa", "NEAR( papa",
    "papa)",  "title: papa", "{papa}", "papa + -", "papa^",   NULL,
  };
  g_autoptr (GError) error = NULL;
  GListModel *hits;

  add_report (f, "Papa", "Quebec romeo, and or not near the title.");

  for (guint i = 0; nothing[i] != NULL; i++)
    g_assert_cmpuint (count (f, nothing[i]), ==, 0);

  /* A quote splits a word, as punctuation does; it is no error */
  g_assert_cmpuint (count (f, "pa\"pa"), ==, 0);
  g_assert_cmpuint (count (f, "que\"bec"), ==, 0);
  g_assert_cmpuint (count (f, "\"quebec romeo\""), ==, 1);

  /* Search syntax is not interpreted: each of these looks for "papa" */
  for (guint i = 0; syntax[i] != NULL; i++)
    {
      g_autofree char *found = found_titles (f, syntax[i]);

      if (g_strcmp0 (found, "Papa") != 0)
        g_error ("Searching for %s found “%s”", syntax[i], found);
    }

  /* Not text: refused with a clear error, not a crash */
  hits = debrief_library_search (f->library, "pa\xffpa", &error);
  g_assert_null (hits);
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TEXT);
  g_assert_nonnull (strstr (error->message, "search"));
  g_clear_error (&error);

  debrief_library_search_async (f->library, "pa\xffpa", NULL, search_error_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TEXT);
}

int
main (int argc, char *argv[])
{
  debrief_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/search/ranking", test_ranking);
  ADD ("/search/prefix", test_prefix);
  ADD ("/search/diacritics", test_diacritics);
  ADD ("/search/all-words", test_all_words);
  ADD ("/search/all-words-across-report", test_all_words_across_report);
  ADD ("/search/snippet", test_snippet);
  ADD ("/search/snippet-private-use", test_snippet_private_use);
  ADD ("/search/index-in-step", test_index_in_step);
  ADD ("/search/index-after-reopen", test_index_after_reopen);
  ADD ("/search/one-hit-per-report", test_one_hit_per_report);
  ADD ("/search/async", test_async);
  ADD ("/search/odd-queries", test_odd_queries);

#undef ADD

  return g_test_run ();
}
