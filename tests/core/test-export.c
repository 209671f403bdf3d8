/* test-export.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "debrief-file.h"
#include "debrief-test-util.h"

/* The PDF export, read back with poppler: what a reader of the PDF would
 * see (text, pages, outline, links, metadata) for each profile, and how
 * exporting fails and is cancelled. docs/export.md says what each profile
 * includes; the profile tests check that. */

DebriefReport *
debrief_test_make_rich_report (guint n_entries, guint n_actions, guint n_extra_paragraphs);

#define EPOCH      1773529200 /* 2026-03-14 23:00 UTC */
#define EPOCH_TEXT "1773529200"

static const char *owners[] = { "Priya Natarajan", "Sven Øberg", "Amélie Dubois",
                                "Kenji Watanabe" };

typedef struct
{
  DebriefReport   *report;
  PopplerDocument *document;
  GBytes          *pdf;
  char           **pages; /* the text of each page */
  char            *text;  /* all pages */
} Export;

static DebriefReport *shared_report;
static Export         shared_full;

static DebriefReport *
rich_report (void)
{
  /* One report for the tests that only read it */
  if (shared_report == NULL)
    shared_report = debrief_test_make_rich_report (300, 40, 12);

  return shared_report;
}

static DebriefExportOptions *
options_new (const char *profile, const char *paper)
{
  g_autoptr (GError) error = NULL;
  DebriefExportOptions *options = debrief_export_options_new ();

  g_assert_true (debrief_export_options_set_field (options, "profile", profile, &error));
  g_assert_true (debrief_export_options_set_field (options, "paper", paper, &error));
  g_assert_no_error (error);

  return options;
}

static GBytes *
export_bytes (DebriefReport *report, DebriefExportOptions *options)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes = debrief_export_to_bytes (report, options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  return bytes;
}

static void
export_read (Export *e, DebriefReport *report, const char *profile, const char *paper)
{
  g_autoptr (DebriefExportOptions) options = options_new (profile, paper);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) all = g_string_new (NULL);
  int n;

  e->report = report;
  e->pdf = export_bytes (report, options);
  e->document = poppler_document_new_from_bytes (e->pdf, NULL, &error);
  g_assert_no_error (error);

  n = poppler_document_get_n_pages (e->document);
  g_assert_cmpint (n, >, 0);
  e->pages = g_new0 (char *, n + 1);
  for (int i = 0; i < n; i++)
    {
      PopplerPage *page = poppler_document_get_page (e->document, i);

      e->pages[i] = poppler_page_get_text (page);
      g_string_append (all, e->pages[i]);
      g_string_append_c (all, '\n');
      g_object_unref (page);
    }
  e->text = g_string_free (g_steal_pointer (&all), FALSE);
}

static void
export_clear (Export *e)
{
  g_assert_finalize_object (e->document);
  g_clear_pointer (&e->pdf, g_bytes_unref);
  g_clear_pointer (&e->pages, g_strfreev);
  g_clear_pointer (&e->text, g_free);
}

/* The full report on A4, exported once for the tests that only read it */
static Export *
full_export (void)
{
  if (shared_full.document == NULL)
    export_read (&shared_full, rich_report (), "full", "a4");

  return &shared_full;
}

static gboolean
is_rtl (gunichar c)
{
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) ||
         (c >= 0xFE70 && c <= 0xFEFF);
}

/* poppler_page_get_text() gives right-to-left text (Arabic, Hebrew) in
 * the order it is drawn on the page, left to right: reading a run of it
 * backwards gives the text in the order it is written. */
static char *
logical_order (const char *text)
{
  g_autoptr (GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  GString *out = g_string_new (NULL);
  guint    i = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x200E && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
          (c >= 0x2066 && c <= 0x2069))
        continue;
      g_array_append_val (chars, c);
    }

  while (i < chars->len)
    {
      guint end = i;

      if (!is_rtl (g_array_index (chars, gunichar, i)))
        {
          g_string_append_unichar (out, g_array_index (chars, gunichar, i++));
          continue;
        }

      /* A run of right-to-left letters, with the spaces between them */
      while (end < chars->len &&
             (is_rtl (g_array_index (chars, gunichar, end)) ||
              (g_array_index (chars, gunichar, end) == ' ' && end + 1 < chars->len &&
               is_rtl (g_array_index (chars, gunichar, end + 1)))))
        end++;
      for (guint j = end; j > i; j--)
        g_string_append_unichar (out, g_array_index (chars, gunichar, j - 1));
      i = end;
    }

  return g_string_free (out, FALSE);
}

/* Text in the order it is written, without white space, to compare text
 * that lines may break anywhere; @from_page if it was read from a page */
static char *
squash_text (const char *text, gboolean from_page)
{
  g_autofree char *logical = from_page ? logical_order (text) : g_strdup (text);
  GString         *out = g_string_new (NULL);

  for (const char *p = logical; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static char *
squash (const char *text)
{
  return squash_text (text, TRUE);
}

static char *
squash_needle (const char *text)
{
  return squash_text (text, FALSE);
}

static void
assert_contains (const char *haystack, const char *needle)
{
  g_autofree char *h = squash (haystack);
  g_autofree char *n = squash_needle (needle);

  if (strstr (h, n) == NULL)
    g_error ("“%s” is not in the exported text", needle);
}

static void
assert_lacks (const char *haystack, const char *needle)
{
  g_autofree char *h = squash (haystack);
  g_autofree char *n = squash_needle (needle);

  if (strstr (h, n) != NULL)
    g_error ("“%s” is in the exported text but should not be", needle);
}

/* Checks that @needles appear in @text in this order */
static void
assert_in_order (const char *text, const char *const *needles)
{
  g_autofree char *h = squash (text);
  const char      *at = h;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      g_autofree char *n = squash_needle (needles[i]);
      const char      *found = strstr (at, n);

      if (found == NULL)
        g_error ("“%s” is missing or out of order in the exported text", needles[i]);
      at = found + strlen (n);
    }
}

static GPtrArray *
outline_titles (PopplerDocument *document, PopplerIndexIter *iter, GPtrArray *pages)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);

      g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
      g_ptr_array_add (titles, g_strdup (action->goto_dest.title));
      if (pages != NULL)
        {
          PopplerDest *dest = action->goto_dest.dest;
          int          page = dest->page_num;

          if (dest->type == POPPLER_DEST_NAMED)
            {
              PopplerDest *named = poppler_document_find_dest (document, dest->named_dest);

              page = named->page_num;
              poppler_dest_free (named);
            }
          g_ptr_array_add (pages, GINT_TO_POINTER (page));
        }
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));

  return titles;
}

static void
test_sections_in_order (void)
{
  Export     *e = full_export ();
  GListModel *sections = debrief_report_get_sections (rich_report ());
  g_autoptr (GPtrArray) expected = g_ptr_array_new ();

  /* Every section's heading, then its text, in template order, then the
   * structured parts */
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr (DebriefSection) section = g_list_model_get_item (sections, i);
      const char *key = debrief_section_get_key (section);

      g_ptr_array_add (expected, (gpointer) debrief_section_get_title (section));
      if (g_str_equal (key, "summary"))
        g_ptr_array_add (expected, "On 14 March the checkout service returned HTTP 502");
      else if (g_str_equal (key, "impact"))
        g_ptr_array_add (expected, "No data was lost");
      else if (g_str_equal (key, "detection"))
        g_ptr_array_add (expected, "alert: CheckoutErrors");
      else if (g_str_equal (key, "root-cause"))
        {
          g_ptr_array_add (expected, "ROOTCAUSE-BRIEF");
          g_ptr_array_add (expected, "ROOTCAUSE-DETAIL");
        }
      else if (g_str_equal (key, "resolution"))
        g_ptr_array_add (expected, "kubectl -n payments rollout undo deployment/payments-api");
      else if (g_str_equal (key, "communication"))
        g_ptr_array_add (expected, "Post-incident email to enterprise customers");
      else if (g_str_equal (key, "lessons"))
        g_ptr_array_add (expected, "LESSON-0011");
    }
  g_ptr_array_add (expected, "Timeline");
  g_ptr_array_add (expected, "Entry 0000");
  g_ptr_array_add (expected, "Entry 0299");
  g_ptr_array_add (expected, "Metrics");
  g_ptr_array_add (expected, "Time to acknowledge");
  g_ptr_array_add (expected, "Action items");
  g_ptr_array_add (expected, "Action 01: alert on the checkout error rate");
  g_ptr_array_add (expected, "Action 40: alert on the checkout error rate");
  g_ptr_array_add (expected, NULL);
  assert_in_order (e->text, (const char *const *) expected->pdata);

  /* Every Markdown feature became text (not markup) */
  assert_lacks (e->text, "**");
  assert_lacks (e->text, "```");
  assert_lacks (e->text, "](https");
  assert_contains (e->text, "Visa and Mastercard");
  assert_contains (e->text, "3-D Secure challenges");
  assert_contains (e->text, "Nested quote");
  assert_contains (e->text, "rate(http_5xx[5m]) > 0.05");
  assert_contains (e->text, "38 % | spiky");
  assert_contains (e->text, "☑ Status page updated");
}

static void
test_non_latin_text (void)
{
  Export *e = full_export ();

  /* Exactly as written, whatever the script */
  assert_contains (e->pages[0], "Customers in Germany saw „Zahlung fehlgeschlagen“ — eine größere "
                                "Störung mit übermäßig vielen Abbrüchen.");
  assert_contains (e->pages[0], "決済サービスが停止しました。");
  assert_contains (e->pages[0], "انقطاع الخدمة في الدفع");
  assert_contains (e->pages[0], "הפסקת שירות בתשלומים");
  assert_contains (e->pages[0], "Jana Müller-Lüdenscheidt");
  assert_contains (e->pages[0], "Zahlungsausfall, 決済障害");
  assert_contains (e->text, "Asia (東京)");
  assert_contains (e->text, "再試行が多すぎます。");
  assert_contains (e->text, "Sven Øberg");
}

/* Pango draws a character that no font has as a box with its code point
 * in it, which poppler reads back as hex digits */
static void
test_every_character_has_a_font (void)
{
  g_autoptr (DebriefReport) report = debrief_report_new ("Scripts and emoji");
  Export e = { 0 };

  debrief_section_set_body (debrief_report_get_section (report, "summary"),
                            "Chat said 🔥 and ✅ then 🚀. Thai ภาษาไทย, Korean 한국어, Greek "
                            "Ελληνικά, Armenian Հայերեն, Georgian ქართული, math ∑ ≤ ≥.\n");
  /* No character without a font, and none drawn as a box */
  {
    g_autoptr (DebriefExportOptions) options = options_new ("full", "a4");
    g_autoptr (GBytes) bytes = NULL;
    g_autofree char *missing = NULL;

    bytes = debrief_export_to_bytes_full (report, options, NULL, &missing, NULL);
    g_assert_nonnull (bytes);
    g_assert_cmpstr (missing, ==, NULL);
  }
  export_read (&e, report, "full", "a4");
  assert_lacks (e.text, "01F");
  assert_lacks (e.text, "2705");
  assert_contains (e.text, "Thai ภาษาไทย, Korean 한국어, Greek Ελληνικά, Armenian Հայերեն, "
                           "Georgian ქართული, math ∑ ≤ ≥.");
  export_clear (&e);
  g_assert_finalize_object (g_steal_pointer (&report));
}

/* Characters no font has are named, in code point order, once each */
static void
test_missing_characters (void)
{
  g_autoptr (DebriefReport) report = debrief_report_new ("Private use \U0010FFFD");
  g_autoptr (DebriefReport) plain = debrief_report_new ("Plain");
  g_autoptr (DebriefExportOptions) options = options_new ("full", "a4");
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *message = NULL;

  debrief_section_set_body (debrief_report_get_section (report, "summary"),
                            "Twice \U0010FFFD, once \U0010FFFC, and ordinary text.\n");
  bytes = debrief_export_to_bytes_full (report, options, NULL, &missing, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpstr (missing, ==, "\U0010FFFC\U0010FFFD");

  message = debrief_export_describe_missing_characters (missing);
  g_assert_nonnull (strstr (message, "U+10FFFC, U+10FFFD."));
  g_clear_pointer (&message, g_free);
  message = debrief_export_describe_missing_characters ("abcdefghij");
  g_assert_nonnull (strstr (message, "U+0061, U+0062, U+0063, U+0064, U+0065, U+0066, U+0067, "
                                     "U+0068 and 2 more."));

  /* Every character has a font */
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&missing, g_free);
  missing = (char *) "not reset";
  bytes = debrief_export_to_bytes_full (plain, options, NULL, &missing, &error);
  g_assert_no_error (error);
  g_assert_null (missing);

  /* In the running header too */
  g_clear_pointer (&bytes, g_bytes_unref);
  debrief_export_options_set_classification (options, "Secret \U0010FFFB");
  bytes = debrief_export_to_bytes_full (plain, options, NULL, &missing, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (missing, ==, "\U0010FFFB");
  g_clear_pointer (&missing, g_free);

  /* Markdown has no fonts */
  g_clear_pointer (&bytes, g_bytes_unref);
  debrief_export_options_set_format (options, DEBRIEF_EXPORT_FORMAT_MARKDOWN);
  bytes = debrief_export_to_bytes_full (report, options, NULL, &missing, &error);
  g_assert_no_error (error);
  g_assert_null (missing);
}

static void
test_page_numbers_and_header (void)
{
  Export *e = full_export ();
  guint   n;

  n = g_strv_length (e->pages);
  g_assert_cmpuint (n, >=, 10);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i + 1, n);

      assert_contains (e->pages[i], footer);
      /* The header: the title and the classification marking */
      assert_contains (e->pages[i], "CONFIDENTIAL");
      assert_contains (e->pages[i], "Checkout outage");
    }
}

static void
test_classification_override (void)
{
  g_autoptr (DebriefExportOptions) options = options_new ("full", "a4");
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GError) error = NULL;
  PopplerDocument *document;

  debrief_export_options_set_classification (options, "Public");
  pdf = export_bytes (rich_report (), options);
  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage     *page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);

      assert_contains (text, "PUBLIC");
      assert_lacks (text, "CONFIDENTIAL");
      g_object_unref (page);
    }

  g_assert_finalize_object (document);
}

/* A long marking wraps in its box: nothing in the header leaves the page
 * or is drawn over other text */
static void
test_long_classification (void)
{
  g_autoptr (DebriefExportOptions) options = options_new ("full", "a4");
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GError) error = NULL;
  PopplerDocument *document;

  debrief_export_options_set_classification (
      options, "Strictly Confidential — for named recipients only, do not forward outside the "
               "incident review board");
  pdf = export_bytes (rich_report (), options);
  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);

  for (int i = 0; i < 2; i++)
    {
      PopplerPage     *page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autoptr (GArray) header = g_array_new (FALSE, FALSE, sizeof (PopplerRectangle));
      PopplerRectangle *rects = NULL;
      guint             n_rects = 0;
      double            width, height;
      const char       *c = text;

      assert_contains (text, "STRICTLY CONFIDENTIAL");
      poppler_page_get_size (page, &width, &height);
      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      for (guint k = 0; k < n_rects && *c != '\0'; k++, c = g_utf8_next_char (c))
        {
          if (g_unichar_isspace (g_utf8_get_char (c)))
            continue;
          g_assert_cmpfloat (rects[k].x1, >=, 0);
          g_assert_cmpfloat (rects[k].x2, <=, width);
          g_assert_cmpfloat (rects[k].y1, >=, 0);
          if (rects[k].y2 < 74)
            g_array_append_val (header, rects[k]);
        }
      for (guint a = 0; a < header->len; a++)
        for (guint b = a + 1; b < header->len; b++)
          {
            PopplerRectangle *ra = &g_array_index (header, PopplerRectangle, a);
            PopplerRectangle *rb = &g_array_index (header, PopplerRectangle, b);

            /* A little overlap is kerning, not text over text */
            g_assert_false (MIN (ra->x2, rb->x2) - MAX (ra->x1, rb->x1) > 1.5 &&
                            MIN (ra->y2, rb->y2) - MAX (ra->y1, rb->y1) > 1.5);
          }
      g_free (rects);
      g_object_unref (page);
    }

  g_assert_finalize_object (document);
}

static void
test_outline (void)
{
  Export           *e = full_export ();
  PopplerIndexIter *iter;
  GListModel       *sections = debrief_report_get_sections (rich_report ());
  g_autoptr (GPtrArray) titles = NULL;
  g_autoptr (GPtrArray) pages = g_ptr_array_new ();
  guint    n = g_list_model_get_n_items (sections);
  gboolean found_children = FALSE;

  iter = poppler_index_iter_new (e->document);
  g_assert_nonnull (iter);
  titles = outline_titles (e->document, iter, pages);

  g_assert_cmpuint (titles->len, ==, n + 3);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefSection) section = g_list_model_get_item (sections, i);

      g_assert_cmpstr (g_ptr_array_index (titles, i), ==, debrief_section_get_title (section));
    }
  g_assert_cmpstr (g_ptr_array_index (titles, n), ==, "Timeline");
  g_assert_cmpstr (g_ptr_array_index (titles, n + 1), ==, "Metrics");
  g_assert_cmpstr (g_ptr_array_index (titles, n + 2), ==, "Action items");

  /* Each entry leads to the page that has its heading */
  for (guint i = 0; i < titles->len; i++)
    {
      int page = GPOINTER_TO_INT (g_ptr_array_index (pages, i));

      g_assert_cmpint (page, >=, 1);
      assert_contains (e->pages[page - 1], g_ptr_array_index (titles, i));
    }

  /* Headings inside a section are below it in the outline */
  poppler_index_iter_free (iter);
  iter = poppler_index_iter_new (e->document);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);

      if (g_strcmp0 (action->goto_dest.title, "Root cause analysis") == 0)
        {
          PopplerIndexIter *child = poppler_index_iter_get_child (iter);
          g_autoptr (GPtrArray) children = NULL;

          g_assert_nonnull (child);
          children = outline_titles (e->document, child, NULL);
          g_assert_cmpuint (children->len, ==, 1);
          g_assert_cmpstr (g_ptr_array_index (children, 0), ==, "Chain of causes");
          poppler_index_iter_free (child);
          found_children = TRUE;
        }
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
  g_assert_true (found_children);

  poppler_index_iter_free (iter);
}

static gboolean
has_entry_row (const char *page)
{
  return g_regex_match_simple ("Entry \\d{4}:", page, 0, 0);
}

static void
test_table_headers_repeat (void)
{
  Export *e = full_export ();
  guint   timeline_pages = 0, action_pages = 0;

  for (guint i = 0; e->pages[i] != NULL; i++)
    {
      /* Every page with rows of the timeline table starts with its header */
      if (has_entry_row (e->pages[i]))
        {
          g_autofree char *page = squash (e->pages[i]);
          const char      *header = strstr (page, "TimeKindWhathappened");
          g_autoptr (GMatchInfo) match = NULL;
          GRegex *row = g_regex_new ("Entry\\d{4}:", 0, 0, NULL);

          g_assert_nonnull (header);
          g_assert_true (g_regex_match (row, page, 0, &match));
          g_assert_cmpint (header - page, <, strstr (page, g_match_info_fetch (match, 0)) - page);
          g_regex_unref (row);
          timeline_pages++;
        }

      if (g_regex_match_simple ("Action \\d{2}: ", e->pages[i], 0, 0))
        {
          assert_contains (e->pages[i], "# Description Owner Due Status Type");
          action_pages++;
        }
    }

  g_assert_cmpuint (timeline_pages, >=, 5);
  g_assert_cmpuint (action_pages, >=, 2);

  /* Key events and hypotheses are marked */
  assert_contains (e->text, "Observation ◆ Started");
  assert_contains (e->text, "◆ Detected");
  assert_contains (e->text, "Hypothesis");
}

static void
test_metadata (void)
{
  Export          *e = full_export ();
  g_autofree char *title = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *subject = NULL;

  title = poppler_document_get_title (e->document);
  creator = poppler_document_get_creator (e->document);
  subject = poppler_document_get_subject (e->document);
  g_assert_cmpstr (title, ==, debrief_report_get_title (rich_report ()));
  g_assert_cmpstr (creator, ==, "Debrief " PACKAGE_VERSION);
  g_assert_cmpstr (subject, ==, "Full report");
  g_assert_cmpint (poppler_document_get_creation_date (e->document), ==, EPOCH);

  /* The first page's table, times in the report's zone */
  assert_in_order (e->pages[0], (const char *const[]){ "Status",
                                                       "Final",
                                                       "Severity",
                                                       "SEV1 · Critical",
                                                       "Incident lead",
                                                       "Jana Müller-Lüdenscheidt",
                                                       "Incident start",
                                                       "2026-03-14 23:10 CET",
                                                       "Incident end",
                                                       "2026-03-15",
                                                       "CET",
                                                       "Duration",
                                                       "end − start",
                                                       "Time to detect",
                                                       "detected − started",
                                                       "Time to acknowledge",
                                                       "acknowledged − detected",
                                                       "Time to mitigate",
                                                       "mitigated − started",
                                                       "Time to resolve",
                                                       "resolved − started",
                                                       "Generated",
                                                       "2026-03-15 00:00 CET",
                                                       NULL });

  /* The timeline's span is not called the incident's duration */
  assert_in_order (e->text, (const char *const[]){ "Metrics", "Timeline span",
                                                   "last − first timed entry", NULL });
  assert_lacks (strstr (e->text, "Computed from the key events"), "Duration");
}

static void
test_reproducible (void)
{
  g_autoptr (DebriefExportOptions) options = options_new ("full", "a4");
  g_autoptr (GBytes) first = export_bytes (rich_report (), options);
  g_autoptr (GBytes) second = export_bytes (rich_report (), options);
  g_autoptr (GBytes) later = NULL;

  g_assert_true (g_bytes_equal (first, second));

  /* Another generation time is another document */
  g_setenv ("SOURCE_DATE_EPOCH", "1773615600", TRUE);
  later = export_bytes (rich_report (), options);
  g_setenv ("SOURCE_DATE_EPOCH", EPOCH_TEXT, TRUE);
  g_assert_false (g_bytes_equal (first, later));
}

static void
test_paper (void)
{
  struct
  {
    const char *paper;
    int         width, height;
  } cases[] = { { "a4", 595, 842 }, { "letter", 612, 792 } };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      Export e = { 0 };

      export_read (&e, rich_report (), "full", cases[c].paper);
      for (int i = 0; i < poppler_document_get_n_pages (e.document); i++)
        {
          PopplerPage *page = poppler_document_get_page (e.document, i);
          double       w, h;

          poppler_page_get_size (page, &w, &h);
          g_assert_cmpint ((int) lround (w), ==, cases[c].width);
          g_assert_cmpint ((int) lround (h), ==, cases[c].height);
          g_object_unref (page);
        }
      export_clear (&e);
    }

  /* This test's locale (C.UTF-8) uses A4 */
  g_assert_cmpint (debrief_paper_from_locale (), ==, DEBRIEF_PAPER_A4);
}

static GPtrArray *
link_uris (PopplerDocument *document)
{
  GPtrArray *uris = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      GList       *links = poppler_page_get_link_mapping (page);

      for (GList *l = links; l != NULL; l = l->next)
        {
          PopplerLinkMapping *mapping = l->data;

          if (mapping->action->type == POPPLER_ACTION_URI)
            g_ptr_array_add (uris, g_strdup (mapping->action->uri.uri));
        }
      poppler_page_free_link_mapping (links);
      g_object_unref (page);
    }

  return uris;
}

static gboolean
has_string (GPtrArray *array, const char *string)
{
  return g_ptr_array_find_with_equal_func (array, string, g_str_equal, NULL);
}

static void
test_profile_full (void)
{
  Export *e = full_export ();
  g_autoptr (GPtrArray) uris = NULL;

  /* Links are clickable, tracker links too */
  uris = link_uris (e->document);
  g_assert_true (has_string (uris, "https://wiki.internal.example.com/runbooks/payments"));
  g_assert_true (has_string (uris, "https://grafana.internal.example.com/d/pay-502"));
  g_assert_true (has_string (uris, "https://tracker.internal.example.com/PAY-1200"));

  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    assert_contains (e->text, owners[i]);
  assert_contains (e->text, "Jana Müller-Lüdenscheidt");
  assert_contains (e->text, "Time to detect");
  assert_contains (e->text, "Started 23:10 CET");
}

static void
test_profile_leadership (void)
{
  Export e = { 0 };

  export_read (&e, rich_report (), "leadership", "a4");

  assert_in_order (e.text, (const char *const[]){ "LEADERSHIP SUMMARY", "Executive summary",
                                                  "Impact assessment", "Root cause analysis",
                                                  "ROOTCAUSE-BRIEF", "Timeline", "Metrics",
                                                  "Action items", NULL });
  /* The root cause in brief: its first paragraph only */
  assert_lacks (e.text, "ROOTCAUSE-DETAIL");
  assert_lacks (e.text, "Chain of causes");
  assert_lacks (e.text, "Detection and response");
  assert_lacks (e.text, "Resolution steps");
  assert_lacks (e.text, "Communication notes");
  assert_lacks (e.text, "Lessons learned");
  /* The chart, not the table */
  assert_contains (e.text, "Detected 23:25 CET");
  assert_lacks (e.text, "Entry 0042");
  /* Metrics with formulas; actions with owners but no tracker links */
  assert_contains (e.text, "mitigated − started");
  assert_contains (e.text, "Priya Natarajan");
  assert_contains (e.text, "Jana Müller-Lüdenscheidt");
  assert_lacks (e.text, "tracker.internal.example.com");

  export_clear (&e);
}

static void
test_profile_customer (void)
{
  Export e = { 0 };
  g_autoptr (GPtrArray) uris = NULL;

  export_read (&e, rich_report (), "customer", "a4");

  assert_in_order (
      e.text, (const char *const[]){ "CUSTOMER NOTE", "Incident start", "2026-03-14 23:10 CET",
                                     "Incident end", "2026-03-15 01:25 CET", "Duration",
                                     "2 h 15 min", "Executive summary", "Impact assessment",
                                     "Resolution steps", "Key times", "Started", "Detected",
                                     "Mitigated", "Resolved", "Action items",
                                     "Action 01: alert on the checkout error rate", NULL });

  /* No names of people: no lead, no owners, no chat user names */
  assert_lacks (e.text, "Jana");
  assert_lacks (e.text, "Müller-Lüdenscheidt");
  assert_lacks (e.text, "Incident lead");
  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    assert_lacks (e.text, owners[i]);
  assert_lacks (e.text, "Owner");

  /* No internal links: link text stays, addresses go */
  assert_lacks (e.text, "internal.example.com");
  assert_lacks (e.text, "https://");
  assert_contains (e.text, "The runbook is at the payments runbook and the dashboard at "
                           "[link removed].");
  uris = link_uris (e.document);
  g_assert_cmpuint (uris->len, ==, 0);

  /* Only what customers need */
  assert_lacks (e.text, "Root cause analysis");
  assert_lacks (e.text, "Detection and response");
  assert_lacks (e.text, "Lessons learned");
  assert_lacks (e.text, "Metrics");
  assert_lacks (e.text, "Time to detect");
  assert_lacks (e.text, "Entry 0");
  assert_lacks (e.text, "Severity");
  assert_lacks (e.text, "Due");

  export_clear (&e);
}

/* A report that names its people in its text, for the profiles without
 * names */
static DebriefReport *
report_naming_people (void)
{
  DebriefReport *report = debrief_report_new ("Checkout outage seen by Kenji");
  const char    *owners_[][2] = {
       { "Natarajan adds a canary", "Priya Natarajan" },
       { "Øberg writes the runbook", "Sven Øberg" },
       { "Write to amelie.dubois@example.com", "amelie.dubois@example.com" },
       { "Payments team reviews limits", "Payments Team" },
       { "Will Long checks the pools", "Will Long" },
       { "O’Brien signs off", "Siobhan O'Brien" },
       { "Ask Christopher Li", "Christopher Li" },
       { "Dev Patel reviews", "Dev Patel" },
       { "Travis Jenkins reviews", "Travis Jenkins" },
  };
  const char *chat[] = { "@kenji: rolled back", "update: deploying 4.12",
                         "Suspect the new release: errors rose",
                         "GitHub Actions: deploy finished" };
  g_autoptr (GError) error = NULL;

  g_assert_true (debrief_report_set_field (report, "lead", "Jana Müller-Lüdenscheidt", &error));
  for (guint i = 0; i < G_N_ELEMENTS (owners_); i++)
    {
      g_autoptr (DebriefActionItem) item = debrief_action_item_new (owners_[i][0]);

      g_assert_true (debrief_action_item_set_field (item, "owner", owners_[i][1], &error));
      debrief_report_insert_action (report, G_MAXUINT, item);
    }
  for (guint i = 0; i < G_N_ELEMENTS (chat); i++)
    {
      g_autoptr (DebriefTimelineEntry) entry = debrief_timeline_entry_new (
          EPOCH + i * 60, DEBRIEF_TIME_PRECISION_MINUTE, DEBRIEF_ENTRY_KIND_ACTION, chat[i]);

      debrief_timeline_entry_set_source (entry, DEBRIEF_ENTRY_SOURCE_CHAT);
      debrief_report_insert_timeline_entry (report, i, entry);
    }
  debrief_section_set_body (
      debrief_report_get_section (report, "summary"),
      "Jana\nMüller-Lüdenscheidt declared the incident. PRIYA paged Sven and @kenji; Ms "
      "Mu\u0308ller led.\n\n"
      "Janacek's dashboard and the Priyanka board were not affected. The update and the new "
      "release were rolled back by the Payments team. Will we wait? We will, for long. Will "
      "Long agreed; jana.mueller is not her handle.\n\n"
      "- `deploy --by Natarajan` ran; _Øberg_ and __Siobhan__ watched.\n"
      "- [Priya's notes](https://wiki.example.com/Priya) and <amelie.dubois@example.com>.\n"
      "- O’Brien approved; nobody's name was missed.\n\n"
      "```\npaged: Priya Natarajan\n```\n");
  debrief_section_set_body (
      debrief_report_get_section (report, "resolution"),
      "Christopher Li and Will\nLong restarted the DEV cluster; Dev and staging, the Jenkins "
      "pipeline and the Actions taken were fine. Patel agreed. Inline <abbr title=\"Dev "
      "Patel\">DP</abbr>.\n");

  return report;
}

static void
test_customer_removes_names (void)
{
  g_autoptr (DebriefReport) report = report_naming_people ();
  g_autoptr (DebriefExportOptions) options = options_new ("customer", "a4");
  const char *names[] = { "Jana",      "Müller",      "Lüdenscheidt", "PRIYA",  "Priya",
                          "Natarajan", "Sven",        "Øberg",        "amelie", "kenji",
                          "Kenji",     "Siobhan",     "Brien",        "@",      "wiki",
                          "Will Long", "Christopher", "Patel" };
  g_autoptr (GRegex) longer = g_regex_new ("Janacek|Priyanka|jana\\.mueller", 0, 0, NULL);
  g_autofree char *others = NULL;
  g_autoptr (GBytes) markdown = NULL;
  g_autofree char *md = NULL;
  Export           e = { 0 };

  export_read (&e, report, "customer", "a4");
  assert_contains (e.text, "[name removed] declared the incident. [name removed] paged "
                           "[name removed] and [name removed]; Ms [name removed] led.");
  assert_contains (e.text, "Checkout outage seen by [name removed]");
  assert_contains (e.text, "[name removed] adds a canary");
  assert_contains (e.text, "[name removed] writes the runbook");
  assert_contains (e.text, "Write to [name removed]");
  assert_contains (e.text, "[name removed] checks the pools");
  assert_contains (e.text, "[name removed] signs off");
  /* Code, emphasis, link text; an address goes whole */
  assert_contains (e.text, "deploy --by [name removed] ran; [name removed] and [name removed] "
                           "watched.");
  assert_contains (e.text, "[name removed]'s notes and [link removed].");
  assert_contains (e.text, "[name removed] approved; nobody's name was missed.");
  assert_contains (e.text, "paged: [name removed]");
  /* Whole names before their parts; across a line break; abbreviations,
   * tools and programs stay */
  assert_contains (e.text, "[name removed] and [name removed] restarted the DEV cluster; Dev and "
                           "staging, the Jenkins pipeline and the Actions taken were fine. "
                           "[name removed] agreed.");
  assert_contains (e.text, "Ask [name removed]");
  /* Not inside longer words, not everyday words, not groups, and not
   * words that only look like chat authors */
  assert_contains (e.text, "Janacek's dashboard and the Priyanka board were not affected. The "
                           "update and the new release were rolled back by the Payments team. "
                           "Will we wait? We will, for long. [name removed] agreed; "
                           "jana.mueller is not her handle.");
  assert_contains (e.text, "Payments team reviews limits");
  others = g_regex_replace_literal (longer, e.text, -1, 0, "", 0, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    assert_lacks (others, names[i]);
  export_clear (&e);

  /* The Markdown export: the same, with the brackets escaped */
  debrief_export_options_set_format (options, DEBRIEF_EXPORT_FORMAT_MARKDOWN);
  markdown = export_bytes (report, options);
  md = g_strndup (g_bytes_get_data (markdown, NULL), g_bytes_get_size (markdown));
  g_free (others);
  others = g_regex_replace_literal (longer, md, -1, 0, "", 0, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_null (strstr (others, names[i]));
  g_assert_nonnull (strstr (md, "\\[name removed\\] declared the incident"));
  g_assert_nonnull (strstr (md, "`deploy --by [name removed]`"));
  g_assert_nonnull (strstr (md, "paged: [name removed]\n"));
  g_assert_nonnull (strstr (md, "\\[name removed\\] and \\[name removed\\] restarted the "
                                "DEV cluster; Dev and staging, the Jenkins pipeline and the "
                                "Actions taken were fine. \\[name removed\\] agreed. Inline DP."));
  g_assert_nonnull (strstr (md, "Janacek's dashboard"));

  /* The full report keeps them */
  export_read (&e, report, "full", "a4");
  assert_contains (e.text, "Jana Müller-Lüdenscheidt declared the incident. PRIYA paged Sven");
  assert_contains (e.text, "Checkout outage seen by Kenji");
  export_clear (&e);
}

/* The font of the text at @needle on the first page */
static char *
font_at (Export *e, const char *needle)
{
  PopplerPage     *page = poppler_document_get_page (e->document, 0);
  g_autofree char *text = poppler_page_get_text (page);
  const char      *at = strstr (text, needle);
  glong            offset;
  GList           *attributes;
  char            *font = NULL;

  g_assert_nonnull (at);
  offset = g_utf8_pointer_to_offset (text, at);
  attributes = poppler_page_get_text_attributes (page);
  for (GList *l = attributes; l != NULL; l = l->next)
    {
      PopplerTextAttributes *a = l->data;

      if (a->start_index <= offset && offset <= a->end_index)
        font = g_strdup (a->font_name);
    }
  poppler_page_free_text_attributes (attributes);
  g_object_unref (page);

  return font;
}

/* Names are found in whole paragraphs; their styles stay */
static void
test_customer_names_in_paragraphs (void)
{
  g_autoptr (DebriefReport) report = debrief_report_new ("Paragraphs");
  g_autoptr (DebriefExportOptions) options = options_new ("customer", "a4");
  const char *owners_[] = { "Christopher Li", "Will Long" };
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) markdown = NULL;
  g_autofree char *md = NULL;
  g_autofree char *font = NULL;
  Export           e = { 0 };

  g_assert_true (debrief_report_set_field (report, "lead", "Jana Müller", &error));
  for (guint i = 0; i < G_N_ELEMENTS (owners_); i++)
    {
      g_autoptr (DebriefActionItem) item = debrief_action_item_new ("Follow up");

      g_assert_true (debrief_action_item_set_field (item, "owner", owners_[i], &error));
      debrief_report_insert_action (report, G_MAXUINT, item);
    }
  debrief_section_set_body (debrief_report_get_section (report, "summary"),
                            "Start `Jana Müller` here, **Christopher Li** there, "
                            "before`Jana Müller`after.\n\n"
                            "Ask Will\\\nLong and Christopher  \nLi.\n");

  export_read (&e, report, "customer", "a4");
  assert_contains (e.text, "Start [name removed] here, [name removed] there, "
                           "before[name removed]after.");
  assert_contains (e.text, "Ask [name removed] and [name removed].");
  assert_lacks (e.text, "Li.");
  font = font_at (&e, "[name removed] here");
  g_assert_nonnull (strstr (font, "Mono"));
  g_clear_pointer (&font, g_free);
  font = font_at (&e, "[name removed] there");
  g_assert_nonnull (strstr (font, "Bold"));
  export_clear (&e);

  debrief_export_options_set_format (options, DEBRIEF_EXPORT_FORMAT_MARKDOWN);
  markdown = export_bytes (report, options);
  md = g_strndup (g_bytes_get_data (markdown, NULL), g_bytes_get_size (markdown));
  g_assert_nonnull (strstr (md, "Start `[name removed]` here, **\\[name removed\\]** there, "
                                "before`[name removed]`after.\n\nAsk \\[name removed\\] and "
                                "\\[name removed\\].\n"));
}

/* Raw HTML hides addresses in its tags: the customer note keeps its text
 * only, in the PDF and in Markdown, and takes addresses out of action
 * items too; the full report keeps them as written */
static void
test_customer_raw_html (void)
{
  g_autoptr (DebriefReport) report = debrief_report_new ("Raw HTML");
  g_autoptr (DebriefExportOptions) options = options_new ("customer", "a4");
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) markdown = NULL;
  g_autofree char *md = NULL;
  Export           e = { 0 };

  g_autoptr (DebriefActionItem) item = debrief_action_item_new (
      "Rotate the keys, see https://wiki.internal.example.com/keys");

  debrief_report_insert_action (report, G_MAXUINT, item);
  g_assert_true (debrief_report_set_field (report, "lead", "Lena Fischer", &error));
  debrief_section_set_body (
      debrief_report_get_section (report, "summary"),
      "Open the <a href=\"https://secret.internal.example.com/z\"\ntitle='x > y'>live "
      "dashboard</a> now<img src=\"https://img.internal.example.com/p.png\"><!-- "
      "https://comment.internal.example.com -->.\n\n"
      "<div class=\"note\">\n"
      "Block with https://block.internal.example.com/q and Lena Fischer,\n"
      "<span title=\"https://title.internal.example.com\">kept words</span> - 1 < 2\n"
      "</div>\n\n"
      "<div>\n<br>\n</div>\n\nLast paragraph.\n");

  export_read (&e, report, "customer", "a4");
  assert_lacks (e.text, "internal.example.com");
  assert_lacks (e.text, "href");
  assert_lacks (e.text, "title=");
  assert_lacks (e.text, "<div");
  assert_contains (e.text, "Open the live dashboard now.");
  assert_contains (e.text, "Block with [link removed] and [name removed], kept words - 1 < 2");
  assert_contains (e.text, "Last paragraph.");
  /* Nor in an action item's plain text */
  assert_contains (e.text, "Rotate the keys, see [link removed]");
  export_clear (&e);

  debrief_export_options_set_format (options, DEBRIEF_EXPORT_FORMAT_MARKDOWN);
  markdown = export_bytes (report, options);
  md = g_strndup (g_bytes_get_data (markdown, NULL), g_bytes_get_size (markdown));
  assert_lacks (md, "internal.example.com");
  assert_lacks (md, "<a");
  assert_lacks (md, "<div");
  assert_contains (md, "Open the live dashboard now.\n");
  assert_contains (md,
                   "Block with \\[link removed\\] and \\[name removed\\],\nkept words - 1 \\< 2");
  assert_contains (md, "\n\nLast paragraph.\n");
  g_clear_pointer (&markdown, g_bytes_unref);
  g_clear_pointer (&md, g_free);

  /* The full report shows the HTML as it was written */
  g_assert_true (debrief_export_options_set_profile (options, "full", &error));
  markdown = export_bytes (report, options);
  md = g_strndup (g_bytes_get_data (markdown, NULL), g_bytes_get_size (markdown));
  assert_contains (md, "<a href=\"https://secret.internal.example.com/z\"");
  assert_contains (md, "<div class=\"note\">");
}

/* More people than one pattern takes */
static void
test_many_people (void)
{
  static const char *first[] = { "Alma",  "Bruno", "Carla", "Dario", "Elena", "Fabio",
                                 "Greta", "Hugo",  "Irene", "Jonas", "Karin", "Lukas" };
  static const char *last[] = { "Abel",   "Berger", "Conti", "Dietz",  "Esser",  "Fuchs",
                                "Gerber", "Haas",   "Imhof", "Jaeger", "Keller", "Lorenz" };
  g_autoptr (DebriefReport) report = debrief_report_new ("Many owners");
  g_autoptr (DebriefExportOptions) options = options_new ("customer", "a4");
  g_autoptr (GString) body = g_string_new (NULL);
  g_autoptr (GBytes) markdown = NULL;
  g_autofree char *md = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    for (guint j = 0; j < G_N_ELEMENTS (last); j++)
      {
        g_autofree char *owner = g_strdup_printf ("%s %s", first[i], last[j]);
        g_autoptr (DebriefActionItem) item = debrief_action_item_new ("Follow up");

        g_assert_true (debrief_action_item_set_field (item, "owner", owner, &error));
        debrief_report_insert_action (report, G_MAXUINT, item);
        g_string_append_printf (body, "%s. ", owner);
      }
  debrief_section_set_body (debrief_report_get_section (report, "summary"), body->str);

  debrief_export_options_set_format (options, DEBRIEF_EXPORT_FORMAT_MARKDOWN);
  markdown = export_bytes (report, options);
  md = g_strndup (g_bytes_get_data (markdown, NULL), g_bytes_get_size (markdown));
  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    {
      g_assert_null (strstr (md, first[i]));
      g_assert_null (strstr (md, last[i]));
    }
  g_assert_nonnull (strstr (md, "\\[name removed\\]. \\[name removed\\]."));
}

static void
test_nothing_clipped (void)
{
  g_autoptr (DebriefReport) report = debrief_report_new ("Long content");
  g_autoptr (DebriefTimelineEntry) entry = NULL;
  g_autoptr (GString) essay = g_string_new (NULL);
  g_autoptr (GString) word = g_string_new (NULL);
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *squashed = NULL;
  Export           e = { 0 };
  guint            n_pages;
  const char      *last = NULL;

  /* One timeline entry longer than a page, and a word longer than a line */
  for (guint i = 0; i < 900; i++)
    g_string_append_printf (essay, "w%04u ", i);
  for (guint i = 0; i < 600; i++)
    g_string_append_c (word, "abcdefghijklmnopqrstuvwxyz"[i % 26]);
  entry = debrief_timeline_entry_new (EPOCH, DEBRIEF_TIME_PRECISION_MINUTE,
                                      DEBRIEF_ENTRY_KIND_OBSERVATION, essay->str);
  debrief_report_insert_timeline_entry (report, 0, entry);
  g_string_append_printf (body, "Before %s after.\n\n[%s](https://example.com/%s)\n", word->str,
                          word->str, word->str);
  debrief_section_set_body (debrief_report_get_section (report, "summary"), body->str);

  export_read (&e, report, "full", "a4");
  n_pages = g_strv_length (e.pages);

  /* All of it is there, in order, across the pages */
  squashed = squash (e.text);
  for (guint i = 0; i < 900; i++)
    {
      g_autofree char *w = g_strdup_printf ("w%04u", i);
      const char      *at = strstr (squashed, w);

      g_assert_nonnull (at);
      g_assert_true (at > last);
      last = at;
    }
  assert_contains (e.text, word->str);
  g_assert_cmpuint (n_pages, >=, 3);

  /* The entry's table row was split; each part under the table's header */
  for (guint i = 0; i < n_pages; i++)
    if (strstr (e.pages[i], "w0") != NULL)
      assert_contains (e.pages[i], "What happened");

  export_clear (&e);
  g_assert_finalize_object (g_steal_pointer (&report));
}

/* The rectangles of every place @text is on @page */
static GList *
find_on_page (PopplerDocument *document, guint page_index, const char *text)
{
  PopplerPage *page = poppler_document_get_page (document, (int) page_index);
  GList       *found = poppler_page_find_text (page, text);

  g_object_unref (page);
  return found;
}

/* Whether two pieces of text are drawn over each other: more than their
 * font boxes touching on rows 9.5 pt apart */
static gboolean
rects_overlap (const PopplerRectangle *a, const PopplerRectangle *b)
{
  return MIN (a->x2, b->x2) - MAX (a->x1, b->x1) > 0.5 &&
         MIN (a->y2, b->y2) - MAX (a->y1, b->y1) > 3;
}

/* Four key events within 40 minutes and the fifth three days later: each
 * label of the chart is readable, none over another, and the long span's
 * figure is not written over its lane's name */
static void
test_chart_labels_apart (void)
{
  g_autoptr (DebriefReport) report = debrief_report_new ("Crowded chart");
  const char *labels[] = { "Started 23:00 UTC", "Detected 23:05 UTC", "Acknowledged 23:08 UTC",
                           "Mitigated 23:38 UTC", "Resolved 23:00 UTC" };
  struct
  {
    gint64          at;
    DebriefKeyEvent key;
  } entries[] = {
    { EPOCH, DEBRIEF_KEY_EVENT_STARTED },
    { EPOCH + 5 * 60, DEBRIEF_KEY_EVENT_DETECTED },
    { EPOCH + 8 * 60, DEBRIEF_KEY_EVENT_ACKNOWLEDGED },
    { EPOCH + 38 * 60, DEBRIEF_KEY_EVENT_MITIGATED },
    { EPOCH + 3 * 86400, DEBRIEF_KEY_EVENT_RESOLVED },
  };
  GList *rects[G_N_ELEMENTS (labels) + 2] = { NULL };
  Export e = { 0 };
  guint  page = G_MAXUINT;

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr (DebriefTimelineEntry)
          entry = debrief_timeline_entry_new (entries[i].at, DEBRIEF_TIME_PRECISION_MINUTE,
                                              DEBRIEF_ENTRY_KIND_OBSERVATION, "an entry");

      debrief_timeline_entry_set_key_event (entry, entries[i].key);
      debrief_report_insert_timeline_entry (report, G_MAXUINT, entry);
    }

  export_read (&e, report, "full", "a4");
  for (guint i = 0; e.pages[i] != NULL && page == G_MAXUINT; i++)
    if (strstr (e.pages[i], "Key events of the timeline") != NULL)
      page = i;
  g_assert_cmpuint (page, !=, G_MAXUINT);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      rects[i] = find_on_page (e.document, page, labels[i]);
      g_assert_cmpuint (g_list_length (rects[i]), ==, 1);
    }
  rects[G_N_ELEMENTS (labels)] = find_on_page (e.document, page, "Time to resolve");
  rects[G_N_ELEMENTS (labels) + 1] = find_on_page (e.document, page, "3 d");
  g_assert_nonnull (rects[G_N_ELEMENTS (labels)]);
  g_assert_nonnull (rects[G_N_ELEMENTS (labels) + 1]);

  for (guint a = 0; a < G_N_ELEMENTS (rects); a++)
    for (guint b = a + 1; b < G_N_ELEMENTS (rects); b++)
      if (rects_overlap (rects[a]->data, rects[b]->data))
        g_error ("In the chart, “%s” is drawn over “%s”",
                 a < G_N_ELEMENTS (labels) ? labels[a] : "a lane",
                 b < G_N_ELEMENTS (labels) ? labels[b] : "a span's figure");

  for (guint i = 0; i < G_N_ELEMENTS (rects); i++)
    g_list_free_full (rects[i], (GDestroyNotify) poppler_rectangle_free);
  export_clear (&e);
  g_assert_finalize_object (g_steal_pointer (&report));
}

/* The lowest line of text between the running header and footer of page
 * @i, by where its characters are */
static char *
last_line (Export *e, guint i)
{
  PopplerPage      *page = poppler_document_get_page (e->document, (int) i);
  g_autofree char  *text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint             n_rects = 0;
  GString          *line = g_string_new (NULL);
  double            width, height, lowest = 0;
  const char       *c;
  guint             k;

  poppler_page_get_size (page, &width, &height);
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  g_object_unref (page);

  /* The body runs from 74 pt below the top to 70 pt above the bottom */
  for (k = 0, c = text; k < n_rects && *c != '\0'; k++, c = g_utf8_next_char (c))
    if (!g_unichar_isspace (g_utf8_get_char (c)) && rects[k].y1 > 74 && rects[k].y2 < height - 70)
      lowest = MAX (lowest, rects[k].y1);

  for (k = 0, c = text; k < n_rects && *c != '\0'; k++, c = g_utf8_next_char (c))
    if (ABS (rects[k].y1 - lowest) < 2 && rects[k].y2 < height - 70)
      g_string_append_unichar (line, g_utf8_get_char (c));
  g_free (rects);

  return g_strstrip (g_string_free (line, FALSE));
}

/* However long the text before them, no heading (nor the line under the
 * Metrics heading) ends a page; neither does a timeline table's header or
 * day row without an entry under it */
static void
test_headings_stay_with_text (void)
{
  g_autoptr (DebriefReport) report = debrief_test_make_rich_report (40, 6, 0);
  g_autoptr (GPtrArray) ends = g_ptr_array_new ();
  GListModel      *sections = debrief_report_get_sections (report);
  DebriefSection  *summary = debrief_report_get_section (report, "summary");
  g_autofree char *body = g_strdup (debrief_section_get_body (summary));
  g_autoptr (GString) grown = g_string_new (body);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr (DebriefSection) section = g_list_model_get_item (sections, i);

      g_ptr_array_add (ends, (char *) debrief_section_get_title (section));
    }
  g_ptr_array_add (ends, "Metrics");
  g_ptr_array_add (ends, "Computed from the key events tagged in the timeline");
  g_ptr_array_add (ends, "Action items");
  g_ptr_array_add (ends, "Timeline");
  g_ptr_array_add (ends, "Time Kind What happened");

  /* Each added paragraph moves what follows down by about a line and a half */
  for (guint n = 0; n < 40; n++)
    {
      const char *profiles[] = { "full", "leadership" };

      g_string_append_printf (grown, "\n\nAdded paragraph %u, a line long.", n);
      debrief_section_set_body (summary, grown->str);

      for (guint p = 0; p < G_N_ELEMENTS (profiles); p++)
        {
          Export e = { 0 };

          export_read (&e, report, profiles[p], "a4");
          for (guint i = 0; e.pages[i + 1] != NULL; i++)
            {
              g_autofree char *last = last_line (&e, i);

              for (guint h = 0; h < ends->len; h++)
                if (g_str_has_prefix (last, g_ptr_array_index (ends, h)))
                  g_error ("With %u paragraphs more, page %u of the %s PDF ends with “%s”", n + 1,
                           i + 1, profiles[p], last);
              /* A day's row ("Wednesday 18 November 2026") */
              if (g_str_has_suffix (last, " 2026") && strchr (last, ':') == NULL)
                g_error ("With %u paragraphs more, page %u of the %s PDF ends with a day: “%s”",
                         n + 1, i + 1, profiles[p], last);
            }
          export_clear (&e);
        }
    }

  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_sparse_reports (void)
{
  g_autoptr (DebriefReport) empty = debrief_report_new ("");
  g_autoptr (DebriefReport) odd = debrief_report_new ("Odd order");
  const char *profiles[] = { "full", "leadership", "customer" };
  struct
  {
    gint64          at;
    DebriefKeyEvent key;
  } entries[] = {
    { EPOCH + 600, DEBRIEF_KEY_EVENT_STARTED },
    { EPOCH, DEBRIEF_KEY_EVENT_DETECTED }, /* before it started */
    { DEBRIEF_TIME_UNSET, DEBRIEF_KEY_EVENT_NONE },
  };

  /* An empty report: every part says it is empty */
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      Export e = { 0 };

      export_read (&e, empty, profiles[i], "a4");
      assert_contains (e.text, "Untitled report");
      assert_contains (e.text, "This section has not been written.");
      assert_contains (e.text, "Page 1 of");
      if (g_str_equal (profiles[i], "full"))
        {
          assert_contains (e.text, "The timeline has no entries.");
          assert_contains (e.text, "There are no action items.");
          assert_contains (e.text, "No entries are tagged “Started” or “Detected”.");
        }
      if (g_str_equal (profiles[i], "customer"))
        assert_contains (e.text, "No key times are recorded yet.");
      export_clear (&e);
    }

  /* Key events in an impossible order, and an entry without a time */
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr (DebriefTimelineEntry) entry = debrief_timeline_entry_new (
          entries[i].at,
          entries[i].at == DEBRIEF_TIME_UNSET ? DEBRIEF_TIME_PRECISION_UNKNOWN
                                              : DEBRIEF_TIME_PRECISION_MINUTE,
          DEBRIEF_ENTRY_KIND_OBSERVATION, "an entry");

      debrief_timeline_entry_set_key_event (entry, entries[i].key);
      debrief_report_insert_timeline_entry (odd, G_MAXUINT, entry);
    }

  {
    Export e = { 0 };

    export_read (&e, odd, "full", "a4");
    assert_contains (e.text, "Impossible order.");
    assert_contains (e.text, "impossible order of key events");
    assert_contains (e.text, "unknown");
    export_clear (&e);
  }

  g_assert_finalize_object (g_steal_pointer (&empty));
  g_assert_finalize_object (g_steal_pointer (&odd));
}

static void
test_write_errors (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autoptr (GFile)
      missing = g_file_new_build_filename (dir, "no-such-folder", "report.pdf", NULL);
  g_autoptr (GFile) in_locked = g_file_new_build_filename (locked, "report.pdf", NULL);
  g_autoptr (DebriefExportOptions) options = options_new ("full", "a4");
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) listing = NULL;

  /* A folder that does not exist */
  g_assert_false (debrief_export_to_file (rich_report (), options, missing, NULL, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "report.pdf"));
  g_assert_false (g_file_query_exists (missing, NULL));
  g_clear_error (&error);

  /* A read-only folder: nothing is left in it */
  g_assert_cmpint (g_mkdir (locked, 0755), ==, 0);
  if (!debrief_test_make_read_only (locked))
    {
      debrief_test_make_writable (locked);
      debrief_test_remove_dir (dir);
      g_test_skip ("Cannot make a folder read-only here");
      return;
    }
  g_assert_false (debrief_export_to_file (rich_report (), options, in_locked, NULL, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "report.pdf"));
  debrief_test_make_writable (locked);
  listing = g_dir_open (locked, 0, NULL);
  g_assert_null (g_dir_read_name (listing));

  debrief_test_remove_dir (dir);
}

/* Writing over what is there keeps what the user made of it: the file's
 * permissions, a link; a read-only file is refused; a pipe is written,
 * not replaced */
static void
test_writes_what_is_there (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autofree char *private_path = g_build_filename (dir, "private.md", NULL);
  g_autofree char *real_path = g_build_filename (dir, "real.md", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link.md", NULL);
  g_autofree char *locked_path = g_build_filename (dir, "locked.md", NULL);
  g_autofree char *fifo_path = g_build_filename (dir, "fifo", NULL);
  g_autoptr (GFile) private_file = g_file_new_for_path (private_path);
  g_autoptr (GFile) link_file = g_file_new_for_path (link_path);
  g_autoptr (GFile) locked_file = g_file_new_for_path (locked_path);
  g_autoptr (GFile) fifo_file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  GStatBuf         st;

  /* Its permissions */
  debrief_test_write_file (private_path, "old", -1);
  g_assert_cmpint (g_chmod (private_path, 0600), ==, 0);
  g_assert_true (debrief_file_write_atomic (private_file, "new", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (private_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  /* A link stays a link, to the new contents */
  debrief_test_write_file (real_path, "old", -1);
  g_assert_cmpint (symlink ("real.md", link_path), ==, 0);
  g_assert_true (debrief_file_write_atomic (link_file, "new", 3, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (real_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");

  /* A read-only file is refused (root may write anything) */
  debrief_test_write_file (locked_path, "old", -1);
  g_assert_cmpint (g_chmod (locked_path, 0444), ==, 0);
  if (geteuid () != 0)
    {
      g_assert_false (debrief_file_write_atomic (locked_file, "new", 3, &error));
      g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_READ_ONLY);
      g_clear_error (&error);
    }

  /* A pipe (as a device would be) is written to its reader, not replaced */
  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);
  fifo_file = g_file_new_for_path (fifo_path);
  {
    int  fd = g_open (fifo_path, O_RDONLY | O_NONBLOCK, 0);
    char buffer[8] = { 0 };

    g_assert_cmpint (fd, >=, 0);
    g_assert_true (debrief_file_write_atomic (fifo_file, "new", 3, &error));
    g_assert_no_error (error);
    g_assert_cmpint (read (fd, buffer, sizeof buffer - 1), ==, 3);
    g_assert_cmpstr (buffer, ==, "new");
    close (fd);
  }
  g_assert_cmpint (g_stat (fifo_path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  debrief_test_remove_dir (dir);
}

static void
test_replaces_atomically (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "report.pdf");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (DebriefExportOptions) options = options_new ("customer", "a4");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GDir) listing = NULL;
  guint n_files = 0;

  debrief_test_write_file (path, "old contents", -1);
  before = debrief_test_sha256_file (path);

  /* Cancelled: the old file stays as it was */
  g_cancellable_cancel (cancellable);
  g_assert_false (debrief_export_to_file (rich_report (), options, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = debrief_test_sha256_file (path);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  /* Done: the new PDF replaces it, and nothing else is left */
  g_assert_true (debrief_export_to_file (rich_report (), options, file, NULL, &error));
  g_assert_no_error (error);
  g_free (after);
  after = debrief_test_sha256_file (path);
  g_assert_cmpstr (before, !=, after);
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  debrief_test_remove_dir (dir);
}

typedef struct
{
  GMainLoop    *loop;
  GCancellable *cancellable;
  GThread      *thread;
  GArray       *fractions;
  GError       *error;
  gboolean      done;
  double        cancel_after; /* cancels past this fraction, or never if negative */
} AsyncState;

static void
progress_cb (double fraction, gpointer user_data)
{
  AsyncState *state = user_data;

  /* Told on the thread that started the export */
  g_assert_true (g_thread_self () == state->thread);
  g_array_append_val (state->fractions, fraction);

  if (state->cancel_after >= 0 && fraction > state->cancel_after)
    g_cancellable_cancel (state->cancellable);
}

static void
export_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  AsyncState *state = user_data;

  debrief_export_finish (result, &state->error);
  state->done = TRUE;
  g_main_loop_quit (state->loop);
}

static void
run_async (AsyncState *state, DebriefReport *report, GFile *file, double cancel_after)
{
  g_autoptr (DebriefExportOptions) options = options_new ("full", "a4");

  state->loop = g_main_loop_new (NULL, FALSE);
  state->cancellable = g_cancellable_new ();
  state->thread = g_thread_self ();
  state->fractions = g_array_new (FALSE, FALSE, sizeof (double));
  state->cancel_after = cancel_after;

  debrief_export_async (report, options, file, state->cancellable, progress_cb, state, NULL,
                        export_done_cb, state);

  /* The export works on a snapshot: editing the report now changes
   * nothing in it */
  debrief_report_set_title (report, "Renamed while exporting");

  g_main_loop_run (state->loop);
  g_assert_true (state->done);
}

static void
async_state_clear (AsyncState *state)
{
  g_clear_pointer (&state->loop, g_main_loop_unref);
  g_clear_object (&state->cancellable);
  g_clear_pointer (&state->fractions, g_array_unref);
  g_clear_error (&state->error);
}

static void
test_async_progress (void)
{
  g_autoptr (DebriefReport) report = debrief_test_make_rich_report (300, 40, 12);
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "report.pdf");
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  PopplerDocument *document;
  AsyncState       state = { 0 };
  g_autofree char *uri = g_file_get_uri (file);

  run_async (&state, report, file, -1);
  g_assert_no_error (state.error);

  g_assert_cmpuint (state.fractions->len, >=, 2);
  for (guint i = 1; i < state.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (state.fractions, double, i), >=,
                       g_array_index (state.fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (state.fractions, double, state.fractions->len - 1), ==, 1.0);

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  title = poppler_document_get_title (document);
  g_assert_cmpstr (title, ==,
                   "Checkout outage: payments API returned 502 — Zahlungsausfall, 決済障害");
  g_assert_finalize_object (document);

  async_state_clear (&state);
  debrief_test_remove_dir (dir);
  debrief_test_wait_for_last_ref (report);
  g_assert_finalize_object (g_steal_pointer (&report));
}

/* Cancels an export @delay seconds after it starts and checks that it
 * stops with nothing written and nothing left behind */
static void
assert_cancel_leaves_nothing (double delay)
{
  g_autoptr (DebriefReport) report = debrief_test_make_rich_report (300, 40, 12);
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "report.pdf");
  g_autoptr (GDir) listing = NULL;
  AsyncState state = { 0 };

  run_async (&state, report, file, delay);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));

  async_state_clear (&state);
  debrief_test_remove_dir (dir);
  debrief_test_wait_for_last_ref (report);
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_async_cancel (void)
{
  assert_cancel_leaves_nothing (0.2);
}

/* Cancelled as soon as it starts: while the document is being built, or
 * while its texts are being laid out on several threads */
static void
test_async_cancel_early (void)
{
  assert_cancel_leaves_nothing (0);
}

typedef struct
{
  GMainLoop       *loop;
  GBytes          *pdf;
  cairo_surface_t *surface;
  guint            n_pages;
  GError          *error;
} PreviewState;

static void
bytes_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  PreviewState *state = user_data;

  state->pdf = debrief_export_to_bytes_finish (result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
page_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  PreviewState *state = user_data;

  state->surface = debrief_export_render_page_finish (result, &state->n_pages, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_preview (void)
{
  g_autoptr (DebriefExportOptions) options = options_new ("customer", "letter");
  PreviewState state = { 0 };
  guint32     *pixels;
  int          stride;
  gboolean     dark = FALSE;

  state.loop = g_main_loop_new (NULL, FALSE);
  debrief_export_to_bytes_async (rich_report (), options, NULL, NULL, NULL, NULL, bytes_done_cb,
                                 &state);
  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_nonnull (state.pdf);

  debrief_export_render_page_async (state.pdf, 0, 0.5, NULL, page_done_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_nonnull (state.surface);
  g_assert_cmpuint (state.n_pages, >=, 1);

  /* Letter at half scale; white margins, dark title text */
  g_assert_cmpint (cairo_image_surface_get_width (state.surface), ==, 306);
  g_assert_cmpint (cairo_image_surface_get_height (state.surface), ==, 396);
  pixels = (guint32 *) cairo_image_surface_get_data (state.surface);
  stride = cairo_image_surface_get_stride (state.surface) / 4;
  g_assert_cmphex (pixels[5 * stride + 5], ==, 0xffffffff);
  for (int y = 50; y < 110 && !dark; y++)
    for (int x = 30; x < 200 && !dark; x++)
      dark = (pixels[y * stride + x] & 0xff) < 0x40;
  g_assert_true (dark);
  cairo_surface_destroy (state.surface);

  /* A page that does not exist */
  debrief_export_render_page_async (state.pdf, 500, 1.0, NULL, page_done_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_error (state.error, DEBRIEF_ERROR, DEBRIEF_ERROR_NOT_FOUND);
  g_assert_null (state.surface);
  g_clear_error (&state.error);

  g_bytes_unref (state.pdf);
  g_main_loop_unref (state.loop);
}

static void
test_json_format (void)
{
  g_autoptr (DebriefExportOptions) options = options_new ("full", "a4");
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "report.json");
  g_autoptr (DebriefReport) imported = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) refused = NULL;

  debrief_export_options_set_format (options, DEBRIEF_EXPORT_FORMAT_JSON);
  g_assert_true (debrief_export_to_file (rich_report (), options, file, NULL, &error));
  g_assert_no_error (error);

  imported = debrief_json_import_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (debrief_report_get_classification (imported), ==, "Confidential");
  g_assert_cmpuint (g_list_model_get_n_items (debrief_report_get_timeline (imported)), ==, 300);

  /* JSON is the whole report: a profile that hides parts is refused */
  g_assert_true (debrief_export_options_set_profile (options, "customer", &error));
  refused = debrief_export_to_bytes (rich_report (), options, NULL, &error);
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE);
  g_assert_null (refused);

  debrief_test_remove_dir (dir);
  g_assert_finalize_object (g_steal_pointer (&imported));
}

static void
test_options (void)
{
  g_autoptr (DebriefExportOptions) options = debrief_export_options_new ();
  g_autoptr (DebriefExportOptions) copy = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (debrief_export_options_get_profile (options), ==, "full");
  g_assert_cmpint (debrief_export_options_get_paper (options), ==, DEBRIEF_PAPER_AUTO);

  g_assert_false (debrief_export_options_set_field (options, "profile", "compliance", &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "full, leadership, customer"));
  g_clear_error (&error);

  g_assert_false (debrief_export_options_set_field (options, "paper", "a3", &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_true (debrief_export_options_set_field (options, "format", "md", &error));
  g_assert_true (debrief_export_options_set_field (options, "paper", "Letter", &error));
  g_assert_true (
      debrief_export_options_set_field (options, "generated-at", "2026-03-15T08:00:00Z", &error));
  g_assert_no_error (error);

  copy = debrief_export_options_copy (options);
  g_assert_cmpint (debrief_export_options_get_format (copy), ==, DEBRIEF_EXPORT_FORMAT_MARKDOWN);
  g_assert_cmpint (debrief_export_options_get_paper (copy), ==, DEBRIEF_PAPER_LETTER);
  g_assert_cmpint (debrief_export_options_get_generated_at (copy), ==, 1773561600);

  g_assert_finalize_object (g_steal_pointer (&copy));
  g_assert_finalize_object (g_steal_pointer (&options));
}

static void
test_classification_stored (void)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) file = debrief_test_file (dir, "lib.debrief");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) error = NULL;
  DebriefLibrary  *library = debrief_test_open_library (file);
  DebriefReport   *report = debrief_test_create_report (library, "Stored");
  DebriefReport   *other = debrief_test_create_report (library, "Older");
  g_autofree char *uuid = g_strdup (debrief_report_get_uuid (report));
  g_autofree char *other_uuid = g_strdup (debrief_report_get_uuid (other));

  g_assert_cmpstr (debrief_report_get_classification (report), ==, "Internal");
  g_assert_true (debrief_report_set_field (report, "classification", "Restricted", &error));
  g_assert_no_error (error);
  g_assert_false (debrief_report_set_field (report, "classification", "  ", &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_true (debrief_library_flush (library, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (library);

  g_assert_cmpint (debrief_test_query_int (path, "PRAGMA user_version"), ==, 2);
  library = debrief_test_open_library (file);
  report = debrief_library_lookup_report (library, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (debrief_report_get_classification (report), ==, "Restricted");
  g_assert_finalize_object (library);

  /* A library of schema version 1 gains the column, reports "Internal" */
  debrief_test_exec (path, "ALTER TABLE reports DROP COLUMN classification; "
                           "PRAGMA user_version = 1");
  library = debrief_test_open_library (file);
  g_assert_cmpint (debrief_test_query_int (path, "PRAGMA user_version"), ==, 2);
  other = debrief_library_lookup_report (library, other_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (debrief_report_get_classification (other), ==, "Internal");
  g_assert_finalize_object (library);

  debrief_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  int status;

  g_setenv ("SOURCE_DATE_EPOCH", EPOCH_TEXT, TRUE);
  debrief_test_init (&argc, &argv);

  g_test_add_func ("/export/pdf/sections-in-order", test_sections_in_order);
  g_test_add_func ("/export/pdf/non-latin-text", test_non_latin_text);
  g_test_add_func ("/export/pdf/page-numbers-and-header", test_page_numbers_and_header);
  g_test_add_func ("/export/pdf/classification-override", test_classification_override);
  g_test_add_func ("/export/pdf/long-classification", test_long_classification);
  g_test_add_func ("/export/pdf/outline", test_outline);
  g_test_add_func ("/export/pdf/table-headers-repeat", test_table_headers_repeat);
  g_test_add_func ("/export/pdf/metadata", test_metadata);
  g_test_add_func ("/export/pdf/reproducible", test_reproducible);
  g_test_add_func ("/export/pdf/paper", test_paper);
  g_test_add_func ("/export/pdf/nothing-clipped", test_nothing_clipped);
  g_test_add_func ("/export/pdf/sparse-reports", test_sparse_reports);
  g_test_add_func ("/export/pdf/headings-stay-with-text", test_headings_stay_with_text);
  g_test_add_func ("/export/pdf/chart-labels-apart", test_chart_labels_apart);
  g_test_add_func ("/export/every-character-has-a-font", test_every_character_has_a_font);
  g_test_add_func ("/export/missing-characters", test_missing_characters);
  g_test_add_func ("/export/profile/full", test_profile_full);
  g_test_add_func ("/export/profile/leadership", test_profile_leadership);
  g_test_add_func ("/export/profile/customer", test_profile_customer);
  g_test_add_func ("/export/profile/customer-raw-html", test_customer_raw_html);
  g_test_add_func ("/export/profile/customer-names", test_customer_removes_names);
  g_test_add_func ("/export/profile/customer-many-names", test_many_people);
  g_test_add_func ("/export/profile/customer-names-in-paragraphs",
                   test_customer_names_in_paragraphs);
  g_test_add_func ("/export/write-errors", test_write_errors);
  g_test_add_func ("/export/replaces-atomically", test_replaces_atomically);
  g_test_add_func ("/export/writes-what-is-there", test_writes_what_is_there);
  g_test_add_func ("/export/async/progress", test_async_progress);
  g_test_add_func ("/export/async/cancel", test_async_cancel);
  g_test_add_func ("/export/async/cancel-early", test_async_cancel_early);
  g_test_add_func ("/export/preview", test_preview);
  g_test_add_func ("/export/json", test_json_format);
  g_test_add_func ("/export/options", test_options);
  g_test_add_func ("/report/classification", test_classification_stored);

  status = g_test_run ();

  if (shared_full.document != NULL)
    export_clear (&shared_full);
  if (shared_report != NULL)
    g_assert_finalize_object (shared_report);

  return status;
}
