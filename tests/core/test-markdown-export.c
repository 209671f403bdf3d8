/* test-markdown-export.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-markdown-export"

#include "config.h"

#include <md4c.h>
#include <string.h>

#include "debrief-test-util.h"

/* The Markdown export, read back with md4c (the library that reads
 * section text for the PDF): its headings, tables, links and code are
 * what a wiki or tracker would show. */

DebriefReport *
debrief_test_make_rich_report (guint n_entries, guint n_actions, guint n_extra_paragraphs);

typedef struct
{
  guint      n_columns;
  GPtrArray *rows; /* GPtrArray of cell texts; the first is the header */
} Table;

/* What md4c read */
typedef struct
{
  GPtrArray *headings; /* "level:text" */
  GPtrArray *tables;   /* Table */
  GPtrArray *links;    /* href */
  GPtrArray *code;     /* code block texts */
  GString   *text;     /* all text */
  guint      quote_depth;
  guint      max_quote_depth;
  GPtrArray *strong; /* texts in strong emphasis */
  GPtrArray *em;     /* texts in emphasis */
  GString   *span;
  guint      n_tasks;
  GString   *current;
  int        heading;
  Table     *table;
  GPtrArray *row;
  gboolean   in_code;
} Read;

static void
table_free (gpointer data)
{
  Table *table = data;

  g_ptr_array_unref (table->rows);
  g_free (table);
}

static int
enter_block_cb (MD_BLOCKTYPE type, void *detail, void *user_data)
{
  Read *r = user_data;

  switch (type)
    {
      case MD_BLOCK_H:
        r->heading = (int) ((MD_BLOCK_H_DETAIL *) detail)->level;
        r->current = g_string_new (NULL);
        break;
      case MD_BLOCK_QUOTE:
        r->quote_depth++;
        r->max_quote_depth = MAX (r->max_quote_depth, r->quote_depth);
        break;
      case MD_BLOCK_CODE:
        r->in_code = TRUE;
        r->current = g_string_new (NULL);
        break;
      case MD_BLOCK_LI:
        if (((MD_BLOCK_LI_DETAIL *) detail)->is_task)
          r->n_tasks++;
        break;
      case MD_BLOCK_TABLE:
        r->table = g_new0 (Table, 1);
        r->table->n_columns = ((MD_BLOCK_TABLE_DETAIL *) detail)->col_count;
        r->table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
        break;
      case MD_BLOCK_TR:
        r->row = g_ptr_array_new_with_free_func (g_free);
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        r->current = g_string_new (NULL);
        break;
      default:
        break;
    }

  return 0;
}

static int
leave_block_cb (MD_BLOCKTYPE type, void *detail, void *user_data)
{
  Read *r = user_data;

  switch (type)
    {
      case MD_BLOCK_H:
        g_ptr_array_add (r->headings, g_strdup_printf ("%d:%s", r->heading, r->current->str));
        g_string_free (g_steal_pointer (&r->current), TRUE);
        r->heading = 0;
        break;
      case MD_BLOCK_QUOTE:
        r->quote_depth--;
        break;
      case MD_BLOCK_CODE:
        g_ptr_array_add (r->code, g_string_free (g_steal_pointer (&r->current), FALSE));
        r->in_code = FALSE;
        break;
      case MD_BLOCK_TABLE:
        g_ptr_array_add (r->tables, g_steal_pointer (&r->table));
        break;
      case MD_BLOCK_TR:
        g_ptr_array_add (r->table->rows, g_steal_pointer (&r->row));
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        g_ptr_array_add (r->row, g_string_free (g_steal_pointer (&r->current), FALSE));
        break;
      case MD_BLOCK_P:
        g_string_append_c (r->text, '\n');
        break;
      default:
        break;
    }

  return 0;
}

static int
enter_span_cb (MD_SPANTYPE type, void *detail, void *user_data)
{
  Read *r = user_data;

  if (type == MD_SPAN_A)
    {
      MD_SPAN_A_DETAIL *a = detail;

      g_ptr_array_add (r->links, g_strndup (a->href.text, a->href.size));
    }
  else if (type == MD_SPAN_STRONG || type == MD_SPAN_EM)
    r->span = g_string_new (NULL);

  return 0;
}

static int
leave_span_cb (MD_SPANTYPE type, void *detail, void *user_data)
{
  Read *r = user_data;

  if (type == MD_SPAN_STRONG || type == MD_SPAN_EM)
    g_ptr_array_add (type == MD_SPAN_EM ? r->em : r->strong,
                     g_string_free (g_steal_pointer (&r->span), FALSE));

  return 0;
}

static int
text_cb (MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *user_data)
{
  Read    *r = user_data;
  GString *out = r->current;

  if (type == MD_TEXT_ENTITY && size == 5 && memcmp (text, "&amp;", 5) == 0)
    text = "&", size = 1;
  if (type == MD_TEXT_SOFTBR)
    text = " ", size = 1;
  /* A line break inside a table cell is written as <br> */
  if (type == MD_TEXT_BR || (type == MD_TEXT_HTML && size == 4 && memcmp (text, "<br>", 4) == 0))
    text = "\n", size = 1;

  if (out != NULL)
    g_string_append_len (out, text, size);
  if (r->span != NULL)
    g_string_append_len (r->span, text, size);
  g_string_append_len (r->text, text, size);

  return 0;
}

static Read *
read_markdown (GBytes *bytes)
{
  Read       *r = g_new0 (Read, 1);
  gsize       size;
  const char *data = g_bytes_get_data (bytes, &size);
  MD_PARSER   parser = {
      .abi_version = 0,
      .flags = MD_DIALECT_GITHUB,
      .enter_block = enter_block_cb,
      .leave_block = leave_block_cb,
      .enter_span = enter_span_cb,
      .leave_span = leave_span_cb,
      .text = text_cb,
  };

  r->headings = g_ptr_array_new_with_free_func (g_free);
  r->tables = g_ptr_array_new_with_free_func (table_free);
  r->links = g_ptr_array_new_with_free_func (g_free);
  r->code = g_ptr_array_new_with_free_func (g_free);
  r->em = g_ptr_array_new_with_free_func (g_free);
  r->strong = g_ptr_array_new_with_free_func (g_free);
  r->text = g_string_new (NULL);

  g_assert_true (g_utf8_validate (data, (gssize) size, NULL));
  g_assert_cmpint (md_parse (data, (MD_SIZE) size, &parser, r), ==, 0);

  return r;
}

static void
read_free (Read *r)
{
  g_ptr_array_unref (r->headings);
  g_ptr_array_unref (r->tables);
  g_ptr_array_unref (r->links);
  g_ptr_array_unref (r->code);
  g_ptr_array_unref (r->em);
  g_ptr_array_unref (r->strong);
  g_string_free (r->text, TRUE);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Read, read_free)

static GBytes *
export_markdown (DebriefReport *report, const char *profile)
{
  g_autoptr (DebriefExportOptions) options = debrief_export_options_new ();
  g_autoptr (GError) error = NULL;
  GBytes *bytes;

  debrief_export_options_set_format (options, DEBRIEF_EXPORT_FORMAT_MARKDOWN);
  g_assert_true (debrief_export_options_set_profile (options, profile, &error));
  bytes = debrief_export_to_bytes (report, options, NULL, &error);
  g_assert_no_error (error);

  return bytes;
}

static Table *
find_table (Read *r, const char *first_header)
{
  for (guint i = 0; i < r->tables->len; i++)
    {
      Table     *table = g_ptr_array_index (r->tables, i);
      GPtrArray *header = g_ptr_array_index (table->rows, 0);

      if (g_str_equal (g_ptr_array_index (header, 0), first_header))
        return table;
    }

  return NULL;
}

static gboolean
has_heading (Read *r, const char *heading)
{
  return g_ptr_array_find_with_equal_func (r->headings, heading, g_str_equal, NULL);
}

static void
test_headings (void)
{
  g_autoptr (DebriefReport) report = debrief_test_make_rich_report (40, 6, 3);
  g_autoptr (GBytes) bytes = export_markdown (report, "full");
  g_autoptr (Read) r = read_markdown (bytes);
  GListModel *sections = debrief_report_get_sections (report);
  g_autoptr (GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  guint at = 0;

  g_ptr_array_add (expected, g_strdup_printf ("1:%s", debrief_report_get_title (report)));
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr (DebriefSection) section = g_list_model_get_item (sections, i);

      g_ptr_array_add (expected, g_strdup_printf ("2:%s", debrief_section_get_title (section)));
    }
  g_ptr_array_add (expected, g_strdup ("2:Timeline"));
  g_ptr_array_add (expected, g_strdup ("2:Metrics"));
  g_ptr_array_add (expected, g_strdup ("2:Action items"));

  /* The top two levels are the title and the sections, in order; headings
   * inside a section nest below it */
  for (guint i = 0; i < r->headings->len; i++)
    {
      const char *heading = g_ptr_array_index (r->headings, i);

      if (heading[0] > '2')
        continue;
      g_assert_cmpuint (at, <, expected->len);
      g_assert_cmpstr (heading, ==, g_ptr_array_index (expected, at));
      at++;
    }
  g_assert_cmpuint (at, ==, expected->len);
  g_assert_true (has_heading (r, "4:Chain of causes"));
  g_assert_true (has_heading (r, "5:Why the canary did not catch it"));
  g_assert_true (has_heading (r, "4:Follow-up area 1"));

  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_tables (void)
{
  g_autoptr (DebriefReport) report = debrief_test_make_rich_report (300, 40, 3);
  g_autoptr (GBytes) bytes = export_markdown (report, "full");
  g_autoptr (Read) r = read_markdown (bytes);
  Table     *timeline = find_table (r, "Time");
  Table     *actions = find_table (r, "#");
  Table     *metrics = find_table (r, "Metric");
  Table     *regions = find_table (r, "Region");
  GPtrArray *row;

  /* A header row and one row per entry, action, metric */
  g_assert_nonnull (timeline);
  g_assert_cmpuint (timeline->n_columns, ==, 3);
  g_assert_cmpuint (timeline->rows->len, ==, 1 + 300);
  g_assert_nonnull (actions);
  g_assert_cmpuint (actions->n_columns, ==, 6);
  g_assert_cmpuint (actions->rows->len, ==, 1 + 40);
  g_assert_nonnull (metrics);
  g_assert_cmpuint (metrics->rows->len, ==, 1 + 5);

  /* The timeline: times in the report's zone, key events marked */
  row = g_ptr_array_index (timeline->rows, 1);
  g_assert_cmpstr (g_ptr_array_index (row, 0), ==, "2026-03-14 23:10:00 CET");
  g_assert_cmpstr (g_ptr_array_index (row, 1), ==, "Observation");
  g_assert_cmpstr (g_ptr_array_index (row, 2), ==,
                   "Started · Entry 0000: checked the payments API dashboards");
  row = g_ptr_array_index (timeline->rows, 4);
  g_assert_cmpstr (g_ptr_array_index (row, 1), ==, "Hypothesis");
  g_assert_cmpstr (g_ptr_array_index (row, 2), ==,
                   "Hypothesis: Entry 0003: maybe the new load balancer drops idle connections");

  /* Actions with owners and tracker links */
  row = g_ptr_array_index (actions->rows, 1);
  g_assert_cmpstr (g_ptr_array_index (row, 1), ==, "Action 01: alert on the checkout error rate");
  g_assert_cmpstr (g_ptr_array_index (row, 2), ==, "Priya Natarajan");
  g_assert_true (g_ptr_array_find_with_equal_func (
      r->links, "https://tracker.internal.example.com/PAY-1200", g_str_equal, NULL));

  /* A table of a section, with an escaped pipe in a cell */
  g_assert_nonnull (regions);
  g_assert_cmpuint (regions->rows->len, ==, 4);
  row = g_ptr_array_index (regions->rows, 2);
  g_assert_cmpstr (g_ptr_array_index (row, 2), ==, "38 % | spiky");

  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_escaping (void)
{
  g_autoptr (DebriefReport) report = debrief_report_new ("Pipes | *stars* and _under_ <b>");
  g_autoptr (DebriefTimelineEntry) entry = NULL;
  g_autoptr (DebriefActionItem) item = debrief_action_item_new ("a | b \\ c `d` [e](f) #1");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (Read) r = NULL;
  const char *text = "Line one | two *not bold* _not em_ <i>x</i> & ~~no~~\nline two";
  Table      *timeline, *actions;
  GPtrArray  *row;

  entry = debrief_timeline_entry_new (1773529200, DEBRIEF_TIME_PRECISION_MINUTE,
                                      DEBRIEF_ENTRY_KIND_OBSERVATION, text);
  debrief_report_insert_timeline_entry (report, 0, entry);
  debrief_report_append_action (report, item);
  debrief_section_set_body (debrief_report_get_section (report, "summary"),
                            "1. first\n2. second\n\n# Inside\n\ntext with *em* and **strong**\n");

  bytes = export_markdown (report, "full");
  r = read_markdown (bytes);

  /* Plain text stays plain text, in one cell */
  g_assert_cmpstr (g_ptr_array_index (r->headings, 0), ==, "1:Pipes | *stars* and _under_ <b>");
  timeline = find_table (r, "Time");
  row = g_ptr_array_index (timeline->rows, 1);
  g_assert_cmpuint (row->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (row, 2), ==,
                   "Line one | two *not bold* _not em_ <i>x</i> & ~~no~~\nline two");
  actions = find_table (r, "#");
  row = g_ptr_array_index (actions->rows, 1);
  g_assert_cmpstr (g_ptr_array_index (row, 1), ==, "a | b \\ c `d` [e](f) #1");

  /* Section Markdown keeps its meaning */
  g_assert_true (has_heading (r, "3:Inside"));
  g_assert_true (g_ptr_array_find_with_equal_func (r->em, "em", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (r->strong, "strong", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (r->em, "not em", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (r->strong, "not bold", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (r->em, "stars", g_str_equal, NULL));

  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_features (void)
{
  g_autoptr (DebriefReport) report = debrief_test_make_rich_report (20, 4, 0);
  g_autoptr (GBytes) bytes = export_markdown (report, "full");
  g_autoptr (Read) r = read_markdown (bytes);

  g_assert_true (g_ptr_array_find_with_equal_func (
      r->links, "https://wiki.internal.example.com/runbooks/payments", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (
      r->links, "https://grafana.internal.example.com/d/pay-502", g_str_equal, NULL));
  g_assert_cmpuint (r->max_quote_depth, ==, 2);
  g_assert_cmpuint (r->n_tasks, ==, 2);
  g_assert_cmpuint (r->code->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (r->code, 0), "alert: CheckoutErrors\nexpr: "));
  g_assert_nonnull (strstr (g_ptr_array_index (r->code, 1),
                            "kubectl -n payments rollout undo deployment/payments-api\n"));
  g_assert_nonnull (strstr (r->text->str, "größere Störung mit übermäßig vielen Abbrüchen"));
  g_assert_nonnull (strstr (r->text->str, "決済サービスが停止しました。"));
  g_assert_nonnull (strstr (r->text->str, "انقطاع الخدمة في الدفع"));
  g_assert_nonnull (strstr (r->text->str, "הפסקת שירות בתשלומים"));

  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_customer (void)
{
  g_autoptr (DebriefReport) report = debrief_test_make_rich_report (60, 8, 0);
  g_autoptr (GBytes) bytes = export_markdown (report, "customer");
  g_autoptr (Read) r = read_markdown (bytes);
  const char *data = g_bytes_get_data (bytes, NULL);
  Table      *actions = find_table (r, "#");
  Table      *times = find_table (r, "Event");
  const char *names[] = { "Jana", "Müller", "Priya", "Natarajan", "Øberg", "Amélie", "Kenji" };
  const char *headings[] = { "2:Executive summary", "2:Impact assessment", "2:Resolution steps",
                             "2:Key times", "2:Action items" };
  guint       n_top = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_null (strstr (data, names[i]));
  g_assert_null (strstr (data, "internal.example.com"));
  g_assert_cmpuint (r->links->len, ==, 0);
  g_assert_nonnull (strstr (r->text->str, "The runbook is at the payments runbook and the "
                                          "dashboard at [link removed]."));

  for (guint i = 0; i < r->headings->len; i++)
    {
      const char *heading = g_ptr_array_index (r->headings, i);

      if (heading[0] == '2')
        {
          g_assert_cmpuint (n_top, <, G_N_ELEMENTS (headings));
          g_assert_cmpstr (heading, ==, headings[n_top]);
          n_top++;
        }
    }
  g_assert_cmpuint (n_top, ==, G_N_ELEMENTS (headings));

  /* Action descriptions without owners; the key times, not the timeline */
  g_assert_nonnull (actions);
  g_assert_cmpuint (actions->n_columns, ==, 3);
  g_assert_cmpuint (actions->rows->len, ==, 1 + 8);
  g_assert_null (find_table (r, "Time"));
  g_assert_nonnull (times);
  g_assert_cmpuint (times->rows->len, ==, 1 + 5);

  g_assert_finalize_object (g_steal_pointer (&report));
}

/* A quote of several paragraphs in a list item, and a list under a
 * numbered task, stay inside their items */
static void
test_nested_blocks (void)
{
  g_autoptr (DebriefReport) report = debrief_report_new ("Nested");
  g_autoptr (GBytes) bytes = NULL;
  const char *data;

  debrief_section_set_body (debrief_report_get_section (report, "impact"),
                            "- Customer wrote:\n\n  > First paragraph.\n  >\n"
                            "  > Second paragraph.\n- Next item\n\n"
                            "1. [ ] Rotate the certificate\n   - on gateway A\n"
                            "   - on gateway B\n");
  bytes = export_markdown (report, "full");
  data = g_bytes_get_data (bytes, NULL);

  g_assert_nonnull (strstr (data, "- Customer wrote:\n\n  > First paragraph.\n  >\n"
                                  "  > Second paragraph.\n"));
  g_assert_nonnull (strstr (data, "1. [ ] Rotate the certificate\n   - on gateway A\n"
                                  "   - on gateway B\n"));
  g_assert_finalize_object (g_steal_pointer (&report));
}

/* What Markdown would take for markup stays text: a heading's closing
 * "#", a pipe in code in a table cell, also when exported again */
static void
test_markup_in_text (void)
{
  g_autoptr (DebriefReport) report = debrief_report_new ("Outage #");
  g_autoptr (GBytes) bytes = NULL;
  const char *data;

  debrief_section_set_body (debrief_report_get_section (report, "impact"),
                            "## Ticket \\#\n\n| Command |\n| --- |\n| `grep -E \"a\\|b\"` |\n");
  bytes = export_markdown (report, "full");
  data = g_bytes_get_data (bytes, NULL);

  g_assert_true (g_str_has_prefix (data, "# Outage \\#\n"));
  g_assert_nonnull (strstr (data, "#### Ticket \\#\n"));
  g_assert_nonnull (strstr (data, "| `grep -E \"a\\|b\"` |\n"));
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_leadership (void)
{
  g_autoptr (DebriefReport) report = debrief_test_make_rich_report (60, 8, 0);
  g_autoptr (GBytes) bytes = export_markdown (report, "leadership");
  g_autoptr (Read) r = read_markdown (bytes);

  g_assert_true (has_heading (r, "2:Root cause analysis"));
  g_assert_nonnull (strstr (r->text->str, "ROOTCAUSE-BRIEF"));
  g_assert_null (strstr (r->text->str, "ROOTCAUSE-DETAIL"));
  g_assert_false (has_heading (r, "2:Detection and response"));
  g_assert_true (has_heading (r, "2:Metrics"));
  g_assert_nonnull (find_table (r, "Metric"));
  g_assert_null (find_table (r, "Time"));
  g_assert_nonnull (find_table (r, "#"));

  g_assert_finalize_object (g_steal_pointer (&report));
}

int
main (int argc, char *argv[])
{
  g_setenv ("SOURCE_DATE_EPOCH", "1773529200", TRUE);
  debrief_test_init (&argc, &argv);

  g_test_add_func ("/markdown-export/headings", test_headings);
  g_test_add_func ("/markdown-export/tables", test_tables);
  g_test_add_func ("/markdown-export/escaping", test_escaping);
  g_test_add_func ("/markdown-export/features", test_features);
  g_test_add_func ("/markdown-export/customer", test_customer);
  g_test_add_func ("/markdown-export/leadership", test_leadership);
  g_test_add_func ("/markdown-export/nested-blocks", test_nested_blocks);
  g_test_add_func ("/markdown-export/markup-in-text", test_markup_in_text);

  return g_test_run ();
}
