/* test-json.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-json"

#include "config.h"

#include <json-glib/json-glib.h>

#include "debrief-test-util.h"

#define REPORT_UUID "5d0c3c8e-8a53-4f7e-9a51-3c1f0e2b7a10"

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
  g_assert_finalize_object (f->library);
  g_clear_object (&f->file);
  debrief_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
add_action (DebriefReport *report,
            const char    *description,
            const char    *owner,
            const char    *due,
            const char    *status,
            const char    *type,
            const char    *link)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DebriefActionItem) item = debrief_action_item_new (description);

  g_assert_true (debrief_action_item_set_field (item, "owner", owner, &error));
  g_assert_true (debrief_action_item_set_field (item, "due", due, &error));
  g_assert_true (debrief_action_item_set_field (item, "status", status, &error));
  g_assert_true (debrief_action_item_set_field (item, "type", type, &error));
  g_assert_true (debrief_action_item_set_field (item, "link", link, &error));
  g_assert_no_error (error);
  debrief_report_append_action (report, item);
}

static void
add_entry (DebriefReport     *report,
           const char        *at,
           DebriefEntryKind   kind,
           DebriefKeyEvent    key_event,
           DebriefEntrySource source,
           const char        *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DebriefTimelineEntry) entry = NULL;
  DebriefTimePrecision precision = DEBRIEF_TIME_PRECISION_UNKNOWN;
  gint64               utc = DEBRIEF_TIME_UNSET;

  if (at != NULL)
    g_assert_true (
        debrief_time_parse (at, debrief_report_get_timezone (report), &utc, &precision, &error));
  g_assert_no_error (error);

  entry = debrief_timeline_entry_new (utc, precision, kind, text);
  debrief_timeline_entry_set_key_event (entry, key_event);
  debrief_timeline_entry_set_source (entry, source);
  debrief_report_insert_timeline_entry (report, G_MAXUINT, entry);
}

/* A report with every field set, in many scripts. */
static DebriefReport *
make_full_report (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  DebriefReport *report;

  report = debrief_test_create_report (f->library, "Zahlungsausfall in Zürich — 決済障害 🚨");
  g_assert_true (debrief_report_set_field (report, "status", "final", &error));
  g_assert_true (debrief_report_set_field (report, "severity", "sev1", &error));
  g_assert_true (debrief_report_set_field (report, "lead", "Şebnem Ağaoğlu", &error));
  g_assert_true (debrief_report_set_field (report, "timezone", "Asia/Tokyo", &error));
  g_assert_true (debrief_report_set_field (report, "started", "2026-06-01 09:30", &error));
  g_assert_no_error (error);

  debrief_section_set_body (debrief_report_get_section (report, "summary"),
                            "Payments failed for 42 minutes.\n\n* résumé\n* naïve \"quotes\" "
                            "and \\backslashes\\ and <tags> & ampersands");
  debrief_section_set_body (debrief_report_get_section (report, "impact"),
                            "日本の顧客の支払いが失敗しました。");
  debrief_section_set_body (debrief_report_get_section (report, "communication"),
                            "أبلغنا العملاء عبر صفحة الحالة.\tTab\r\nCRLF line");
  debrief_section_set_body (
      debrief_report_get_section (report, "lessons"),
      "Emoji survive: 👩🏽‍💻 🇩🇪 🔥 — and U+2028 here:\xe2\x80\xa8.");

  add_action (report, "Add a canary — Kanarienvogel", "Zoë", "2026-07-01", "in-progress",
              "prevent", "https://tracker.example/OPS-1?a=1&b=2");
  add_action (report, "監視を追加する", "", "", "open", "detect", "");
  add_action (report, "Runbook", "Émile", "2026-12-31", "wont-do", "process", "");

  add_entry (report, "2026-06-01 09:30", DEBRIEF_ENTRY_KIND_ACTION, DEBRIEF_KEY_EVENT_STARTED,
             DEBRIEF_ENTRY_SOURCE_LOG, "Deploy 4711 started");
  add_entry (report, "2026-06-01T09:41:07+09:00", DEBRIEF_ENTRY_KIND_OBSERVATION,
             DEBRIEF_KEY_EVENT_DETECTED, DEBRIEF_ENTRY_SOURCE_TYPED, "アラート発報");
  add_entry (report, "2026-06-01", DEBRIEF_ENTRY_KIND_HYPOTHESIS, DEBRIEF_KEY_EVENT_NONE,
             DEBRIEF_ENTRY_SOURCE_CHAT, "Maybe DNS?\nSecond line");
  add_entry (report, NULL, DEBRIEF_ENTRY_KIND_COMMUNICATION, DEBRIEF_KEY_EVENT_NONE,
             DEBRIEF_ENTRY_SOURCE_TYPED, "Time unknown");
  add_entry (report, "2026-06-01T01:12:00Z", DEBRIEF_ENTRY_KIND_DECISION,
             DEBRIEF_KEY_EVENT_RESOLVED, DEBRIEF_ENTRY_SOURCE_TYPED, "Rolled back");

  return report;
}

static char *export(DebriefReport *report)
{
  g_autoptr (GError) error = NULL;
  gsize length = 0;
  char *json = debrief_json_export_report (report, &length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json);
  g_assert_cmpuint (strlen (json), ==, length);
  g_assert_true (g_str_has_suffix (json, "\n"));

  return json;
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = debrief_test_make_dir ();
  g_autoptr (GFile) other_file = debrief_test_file (dir, "other.debrief");
  g_autoptr (GFile) json_file = debrief_test_file (dir, "report.json");
  g_autoptr (GError) error = NULL;
  g_autoptr (DebriefReport) imported = NULL;
  g_autoptr (DebriefReport) from_file = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *fourth = NULL;
  g_autofree char *original_dump = NULL;
  g_autofree char *imported_dump = NULL;
  g_autofree char *json_path = g_file_get_path (json_file);
  g_autofree char *on_disk = NULL;
  g_autofree char *uuid = NULL;
  DebriefLibrary  *other;
  DebriefReport   *report;

  report = make_full_report (f);
  uuid = g_strdup (debrief_report_get_uuid (report));
  first = export(report);
  original_dump = debrief_test_dump_report (report);

  /* What the document holds, as text a person can check */
  g_assert_nonnull (strstr (first, "\"format\" : \"debrief-report\""));
  g_assert_nonnull (strstr (first, "Zürich — 決済障害 🚨"));
  g_assert_nonnull (strstr (first, "\"started\" : \"2026-06-01T00:30:00Z\""));
  g_assert_nonnull (strstr (first, "\"due\" : null"));
  g_assert_nonnull (strstr (first, "\"at\" : null"));
  g_assert_nonnull (strstr (first, "\"precision\" : \"day\""));
  g_assert_nonnull (strstr (first, "\"key_event\" : \"resolved\""));

  /* Imported on its own, then into a fresh library */
  imported = debrief_json_import_report (first, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);
  g_assert_true (debrief_report_is_loaded (imported));
  imported_dump = debrief_test_dump_report (imported);
  g_assert_cmpstr (imported_dump, ==, original_dump);
  second = export(imported);
  g_assert_cmpstr (second, ==, first);

  other = debrief_test_open_library (other_file);
  g_assert_true (debrief_library_add_report (other, imported, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (other);

  /* Read back from the disk by a new library object */
  other = debrief_test_open_library (other_file);
  report = debrief_library_find_report (other, uuid);
  g_assert_nonnull (report);
  third = export(report);
  g_assert_cmpstr (third, ==, first);

  /* Through a file */
  g_assert_true (debrief_json_export_report_to_file (report, json_file, &error));
  g_assert_no_error (error);
  on_disk = debrief_test_read_file (json_path, NULL);
  g_assert_cmpstr (on_disk, ==, first);
  from_file = debrief_json_import_file (json_file, &error);
  g_assert_no_error (error);
  fourth = export(from_file);
  g_assert_cmpstr (fourth, ==, first);

  g_assert_finalize_object (other);
  g_assert_finalize_object (g_steal_pointer (&imported));
  g_assert_finalize_object (g_steal_pointer (&from_file));
  debrief_test_remove_dir (dir);
}

static void
test_import_existing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DebriefReport) again = NULL;
  g_autofree char *json = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DebriefReport   *report;

  report = make_full_report (f);
  json = export(report);
  g_assert_true (debrief_library_flush (f->library, &error));
  before = debrief_test_dump_in_subprocess (f->file);

  again = debrief_json_import_report (json, -1, &error);
  g_assert_no_error (error);
  g_assert_false (debrief_library_add_report (f->library, again, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, debrief_report_get_title (report)));
  g_clear_error (&error);

  /* The library is as it was, in memory and on disk */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->library)), ==, 1);
  g_assert_true (debrief_library_flush (f->library, &error));
  g_assert_no_error (error);
  after = debrief_test_dump_in_subprocess (f->file);
  g_assert_cmpstr (after, ==, before);

  /* Once the first is deleted, the import goes in */
  g_assert_true (debrief_library_delete_report (f->library, report, &error));
  g_assert_true (debrief_library_add_report (f->library, again, &error));
  g_assert_no_error (error);
  g_assert_true (debrief_library_flush (f->library, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = debrief_test_dump_in_subprocess (f->file);
  g_assert_cmpstr (after, ==, before);
}

static void
test_import_copy_of_items (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DebriefReport) copy = NULL;
  g_autoptr (GString) json = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DebriefReport   *report;

  /* A copy of a report under a new report id still has the ids of the
   * original's action items and timeline entries */
  report = make_full_report (f);
  exported = export(report);
  json = g_string_new (exported);
  g_string_replace (json, debrief_report_get_uuid (report), REPORT_UUID, 1);
  g_assert_true (debrief_library_flush (f->library, &error));
  before = debrief_test_dump_in_subprocess (f->file);

  copy = debrief_json_import_report (json->str, -1, &error);
  g_assert_no_error (error);
  g_assert_false (debrief_library_add_report (f->library, copy, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->library)), ==, 1);

  /* Nothing was written, and later edits are saved as usual */
  debrief_report_set_lead (report, "Saved after the refused import");
  g_assert_true (debrief_library_flush (f->library, &error));
  g_assert_no_error (error);
  after = debrief_test_dump_in_subprocess (f->file);
  g_assert_nonnull (strstr (after, "Saved after the refused import"));
  g_assert_null (strstr (after, REPORT_UUID));

  /* Also when the original is only on disk, not loaded */
  g_assert_finalize_object (f->library);
  f->library = debrief_test_open_library (f->file);
  report = g_list_model_get_item (G_LIST_MODEL (f->library), 0);
  g_object_unref (report);
  g_assert_false (debrief_report_is_loaded (report));
  g_assert_false (debrief_library_add_report (f->library, copy, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, debrief_report_get_title (report)));
  g_clear_error (&error);
  g_assert_false (debrief_report_is_loaded (report));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->library)), ==, 1);

  /* A deleted report's items are free again, even before the deletion
   * reached the disk */
  g_assert_true (debrief_library_delete_report (f->library, report, &error));
  g_assert_true (debrief_library_add_report (f->library, copy, &error));
  g_assert_no_error (error);
  g_assert_true (debrief_library_flush (f->library, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = debrief_test_dump_in_subprocess (f->file);
  g_assert_nonnull (strstr (after, REPORT_UUID));
  g_assert_nonnull (strstr (after, "1 reports"));
}

/* Changing one place of a valid document ------------------------------- */

static JsonNode *
node_at (JsonNode *root, const char *where)
{
  g_auto (GStrv) parts = g_strsplit (where, ".", -1);
  JsonNode *node = root;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *bracket = strchr (parts[i], '[');

      if (bracket != NULL)
        {
          guint index = (guint) g_ascii_strtoull (bracket + 1, NULL, 10);

          *bracket = '\0';
          node = json_object_get_member (json_node_get_object (node), parts[i]);
          node = json_array_get_element (json_node_get_array (node), index);
        }
      else
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      g_assert_nonnull (node);
    }

  return node;
}

/* @where is "member" or "list[2].member"; @value is JSON text, or NULL to
 * remove the member. */
static char *
change (const char *json, const char *where, const char *value)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *parent_path = g_strdup (where);
  const char      *member;
  char            *dot = strrchr (parent_path, '.');
  JsonObject      *parent;
  JsonNode        *root;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  root = json_parser_get_root (parser);

  if (dot != NULL)
    {
      *dot = '\0';
      member = dot + 1;
      parent = json_node_get_object (node_at (root, parent_path));
    }
  else
    {
      member = where;
      parent = json_node_get_object (root);
    }

  if (value == NULL)
    json_object_remove_member (parent, member);
  else
    {
      g_autoptr (JsonParser) value_parser = json_parser_new ();

      g_assert_true (json_parser_load_from_data (value_parser, value, -1, NULL));
      json_object_set_member (parent, member,
                              json_node_copy (json_parser_get_root (value_parser)));
    }

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static char *
valid_document (Fixture *f)
{
  DebriefReport *report = make_full_report (f);

  return export(report);
}

static void
assert_refused (const char *json, int code, const char *const *mentions)
{
  g_autoptr (GError) error = NULL;
  DebriefReport *report = debrief_json_import_report (json, -1, &error);

  g_assert_null (report);
  g_assert_error (error, DEBRIEF_ERROR, code);
  for (guint i = 0; mentions != NULL && mentions[i] != NULL; i++)
    {
      if (strstr (error->message, mentions[i]) == NULL)
        g_error ("The message “%s” does not mention “%s”", error->message, mentions[i]);
    }
}

#define MENTIONS(...) ((const char *const[]){ __VA_ARGS__, NULL })

static void
assert_change_refused (
    const char *json, const char *where, const char *value, int code, const char *const *mentions)
{
  g_autofree char *changed = change (json, where, value);

  assert_refused (changed, code, mentions);
}

static void
test_missing_fields (Fixture *f, gconstpointer data)
{
  g_autofree char         *json = valid_document (f);
  static const char *const required[] = {
    "uuid",
    "title",
    "status",
    "severity",
    "timezone",
    "created",
    "actions[1].uuid",
    "actions[1].description",
    "timeline[2].uuid",
    "timeline[2].at",
    "timeline[2].text",
    "sections[0].key",
    "sections[3].body",
    NULL,
  };

  for (guint i = 0; required[i] != NULL; i++)
    assert_change_refused (json, required[i], NULL, DEBRIEF_ERROR_INVALID_FORMAT,
                           MENTIONS (required[i], "missing"));

  assert_change_refused (json, "format", NULL, DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("format", "debrief-report"));
  assert_change_refused (json, "version", NULL, DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("version"));

  /* Optional ones may go */
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *a = change (json, "lead", NULL);
    g_autofree char *b = change (a, "actions", NULL);
    g_autofree char *c = change (b, "timeline[0].key_event", NULL);
    g_autofree char *d = change (c, "started", NULL);
    g_autoptr (DebriefReport) report = debrief_json_import_report (d, -1, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (debrief_report_get_lead (report), ==, "");
    g_assert_cmpuint (g_list_model_get_n_items (debrief_report_get_actions (report)), ==, 0);
    g_assert_cmpint (debrief_report_get_started_at (report), ==, DEBRIEF_TIME_UNSET);
  }
}

static void
test_wrong_types (Fixture *f, gconstpointer data)
{
  g_autofree char *json = valid_document (f);

  assert_change_refused (json, "title", "42", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“title”", "text", "number"));
  assert_change_refused (json, "version", "\"1\"", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“version”", "whole number"));
  assert_change_refused (json, "version", "1.5", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“version”"));
  assert_change_refused (json, "actions", "{}", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“actions”", "list", "object"));
  assert_change_refused (json, "sections", "\"none\"", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“sections”", "list"));
  assert_change_refused (json, "timeline[1].at", "1772456700", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“timeline[1].at”", "text or null"));
  assert_change_refused (json, "actions[2].owner", "null", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“actions[2].owner”", "null"));
  assert_change_refused (json, "lead", "[\"a\"]", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“lead”", "list"));
  assert_change_refused (json, "status", "true", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“status”", "true or false"));

  /* A list member that is not an object */
  {
    g_autofree char *changed = change (json, "actions", "[\"Fix it\"]");

    assert_refused (changed, DEBRIEF_ERROR_INVALID_FORMAT, MENTIONS ("“actions[0]”", "object"));
  }
}

static void
test_unknown_fields (Fixture *f, gconstpointer data)
{
  g_autofree char *json = valid_document (f);

  assert_change_refused (json, "colour", "\"red\"", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“colour”", "does not know", "title"));
  assert_change_refused (json, "actions[1].priority", "1", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“actions[1].priority”", "description"));
  assert_change_refused (json, "timeline[0].evidence", "[]", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“timeline[0].evidence”"));
  assert_change_refused (json, "sections[2].extra", "null", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“sections[2].extra”"));
}

static void
test_invalid_json (Fixture *f, gconstpointer data)
{
  g_autofree char  *json = valid_document (f);
  g_autofree char  *cut = g_strndup (json, strlen (json) / 2);
  static const char not_utf8[] = "{\"format\": \"debrief-report\", \"title\": \"\xff\xfe\"}";
  g_autoptr (GError) error = NULL;

  assert_refused (cut, DEBRIEF_ERROR_INVALID_FORMAT, MENTIONS ("not valid JSON"));
  assert_refused ("", DEBRIEF_ERROR_INVALID_FORMAT, NULL);
  assert_refused ("   \n", DEBRIEF_ERROR_INVALID_FORMAT, NULL);
  assert_refused ("[1, 2, 3]", DEBRIEF_ERROR_INVALID_FORMAT, MENTIONS ("object"));
  assert_refused ("\"debrief-report\"", DEBRIEF_ERROR_INVALID_FORMAT, MENTIONS ("object"));
  assert_refused ("{\"format\": \"something-else\", \"version\": 1}", DEBRIEF_ERROR_INVALID_FORMAT,
                  MENTIONS ("not a Debrief report"));
  assert_refused ("{,}", DEBRIEF_ERROR_INVALID_FORMAT, MENTIONS ("not valid JSON"));
  assert_refused (not_utf8, DEBRIEF_ERROR_INVALID_FORMAT, MENTIONS ("UTF-8"));

  /* A NUL inside the given length */
  g_assert_null (debrief_json_import_report ("{\"format\"\0: 1}", 14, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_FORMAT);
}

static void
test_bad_values (Fixture *f, gconstpointer data)
{
  g_autofree char *json = valid_document (f);

  /* Enums */
  assert_change_refused (json, "severity", "\"sev9\"", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“severity”", "sev9", "sev1"));
  assert_change_refused (json, "actions[0].status", "\"closed\"", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“actions[0].status”", "closed", "wont-do"));
  assert_change_refused (json, "timeline[3].kind", "\"rumour\"", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“timeline[3].kind”", "rumour"));
  assert_change_refused (json, "timeline[3].precision", "\"nanosecond\"",
                         DEBRIEF_ERROR_INVALID_FORMAT, MENTIONS ("“timeline[3].precision”"));

  /* Dates and times */
  assert_change_refused (json, "created", "\"yesterday\"", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“created”", "yesterday"));
  assert_change_refused (json, "started", "\"2026-02-30T10:00:00Z\"", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“started”", "2026-02-30"));
  assert_change_refused (json, "actions[0].due", "\"2026-13-01\"", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“actions[0].due”", "YYYY-MM-DD"));
  assert_change_refused (json, "actions[0].due", "\"1 July\"", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“actions[0].due”"));
  assert_change_refused (json, "timeline[1].at", "\"2026-06-01T25:00:00Z\"",
                         DEBRIEF_ERROR_INVALID_FORMAT, MENTIONS ("“timeline[1].at”"));

  /* Ids */
  assert_change_refused (json, "uuid", "\"1234\"", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“uuid”", "1234", "not a uuid"));
  assert_change_refused (json, "actions[2].uuid", "\"not-a-uuid\"", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“actions[2].uuid”", "not-a-uuid"));

  /* Text */
  assert_change_refused (json, "title", "\"Bell\\u0007\"", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“title”", "U+0007"));
  assert_change_refused (json, "title", "\"Two\\nlines\"", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“title”"));
  /* json-glib would cut the text at a NUL without a word */
  {
    g_autofree char *changed = change (json, "sections[1].body", "\"PLACEHOLDER\"");
    g_autoptr (GString) with_nul = g_string_new (changed);

    g_string_replace (with_nul, "PLACEHOLDER", "Nul\\u0000byte", 1);
    assert_refused (with_nul->str, DEBRIEF_ERROR_INVALID_FORMAT, MENTIONS ("NUL"));
  }
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *changed = change (json, "sections[1].body", "\"C:\\\\u0000 is a path\"");
    g_autoptr (DebriefReport) report = debrief_json_import_report (changed, -1, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (debrief_section_get_body (debrief_report_get_section (report, "impact")), ==,
                     "C:\\u0000 is a path");
  }
  assert_change_refused (json, "sections[1].key", "\"appendix\"", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“sections[1].key”", "appendix"));
  assert_change_refused (json, "sections[1].key", "\"summary\"", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“sections[1].key”", "twice"));

  /* Time zone */
  assert_change_refused (json, "timezone", "\"Mars/Olympus_Mons\"", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“timezone”", "Mars/Olympus_Mons"));
  assert_change_refused (json, "timezone", "\"+02:00\"", DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“timezone”"));
}

static void
test_too_large (Fixture *f, gconstpointer data)
{
  g_autofree char *json = valid_document (f);
  g_autoptr (GString) big = g_string_new ("\"");
  g_autofree char *changed = NULL;

  while (big->len <= DEBRIEF_MAX_SECTION_BYTES)
    g_string_append (big, "All work and no play makes Jack a dull boy. ");
  g_string_append_c (big, '"');

  changed = change (json, "sections[4].body", big->str);
  assert_refused (changed, DEBRIEF_ERROR_INVALID_FORMAT, MENTIONS ("“sections[4].body”", "2.1"));
}

static void
test_duplicate_ids (Fixture *f, gconstpointer data)
{
  g_autofree char *json = valid_document (f);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *action_uuid = NULL;
  g_autofree char *quoted = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  action_uuid = g_strdup (
      json_node_get_string (node_at (json_parser_get_root (parser), "actions[0].uuid")));
  quoted = g_strdup_printf ("\"%s\"", action_uuid);

  assert_change_refused (json, "actions[2].uuid", quoted, DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“actions[2].uuid”", action_uuid, "twice"));
  assert_change_refused (json, "timeline[4].uuid", quoted, DEBRIEF_ERROR_INVALID_FORMAT,
                         MENTIONS ("“timeline[4].uuid”", "twice"));
}

static void
test_newer_version (Fixture *f, gconstpointer data)
{
  g_autofree char *json = valid_document (f);
  g_autofree char *v2 = change (json, "version", "2");
  g_autofree char *v2_extra = change (v2, "something_new", "{\"x\": 1}");

  assert_refused (v2, DEBRIEF_ERROR_UNSUPPORTED_VERSION, MENTIONS ("newer", "2", "1"));
  /* The version is checked first: newer documents may have new fields */
  assert_refused (v2_extra, DEBRIEF_ERROR_UNSUPPORTED_VERSION, NULL);
  assert_change_refused (json, "version", "0", DEBRIEF_ERROR_UNSUPPORTED_VERSION, NULL);
}

static void
test_import_file_errors (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) missing = debrief_test_file (f->dir, "missing.json");
  g_autoptr (GFile) folder = g_file_new_for_path (f->dir);
  g_autoptr (GFile) text = debrief_test_file (f->dir, "notes.json");
  g_autofree char *text_path = g_file_get_path (text);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_null (debrief_json_import_file (missing, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == DEBRIEF_ERROR);
  g_assert_nonnull (strstr (error->message, "missing.json"));
  g_clear_error (&error);

  g_assert_null (debrief_json_import_file (folder, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == DEBRIEF_ERROR);
  g_clear_error (&error);

  /* Reading a bad file leaves it as it was */
  debrief_test_write_file (text_path, "{\"format\": \"debrief-report\", \"version\": 1}", -1);
  before = debrief_test_sha256_file (text_path);
  g_assert_null (debrief_json_import_file (text, &error));
  g_assert_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_FORMAT);
  after = debrief_test_sha256_file (text_path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->library)), ==, 0);
}

int
main (int argc, char *argv[])
{
  debrief_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/json/round-trip", test_round_trip);
  ADD ("/json/import-existing", test_import_existing);
  ADD ("/json/import-copy-of-items", test_import_copy_of_items);
  ADD ("/json/missing-fields", test_missing_fields);
  ADD ("/json/wrong-types", test_wrong_types);
  ADD ("/json/unknown-fields", test_unknown_fields);
  ADD ("/json/invalid-json", test_invalid_json);
  ADD ("/json/bad-values", test_bad_values);
  ADD ("/json/too-large", test_too_large);
  ADD ("/json/duplicate-ids", test_duplicate_ids);
  ADD ("/json/newer-version", test_newer_version);
  ADD ("/json/import-file-errors", test_import_file_errors);

#undef ADD

  return g_test_run ();
}
