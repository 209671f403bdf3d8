/* debrief-json.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "debrief-enum-types.h"
#include "debrief-error.h"
#include "debrief-file.h"
#include "debrief-json.h"
#include "debrief-private.h"
#include "debrief-template.h"
#include "debrief-text.h"
#include "debrief-time.h"

/* The JSON document of one report. See docs/file-formats.md.
 *
 * Import is strict: every member must be one Debrief knows, of the right
 * type, and the required ones must be there; the message names the place
 * (e.g. "actions[2].due") and what is wrong. Nothing is stored unless the
 * whole document is good.
 */

#define FORMAT_NAME        "debrief-report"
#define FORMAT_VERSION     1
#define MAX_DOCUMENT_BYTES (256 * 1024 * 1024)

typedef enum
{
  FIELD_STRING,
  FIELD_STRING_OR_NULL,
  FIELD_INT,
  FIELD_ARRAY,
} FieldType;

typedef struct
{
  const char *name;
  FieldType   type;
  gboolean    required;
} Field;

static const Field report_fields[] = { { "format", FIELD_STRING, TRUE },
                                       { "version", FIELD_INT, TRUE },
                                       { "uuid", FIELD_STRING, TRUE },
                                       { "title", FIELD_STRING, TRUE },
                                       { "status", FIELD_STRING, TRUE },
                                       { "severity", FIELD_STRING, TRUE },
                                       { "lead", FIELD_STRING, FALSE },
                                       { "timezone", FIELD_STRING, TRUE },
                                       { "classification", FIELD_STRING, FALSE },
                                       { "started", FIELD_STRING_OR_NULL, FALSE },
                                       { "created", FIELD_STRING, TRUE },
                                       { "updated", FIELD_STRING, FALSE },
                                       { "sections", FIELD_ARRAY, FALSE },
                                       { "actions", FIELD_ARRAY, FALSE },
                                       { "timeline", FIELD_ARRAY, FALSE },
                                       { NULL } };

static const Field section_fields[] = { { "key", FIELD_STRING, TRUE },
                                        { "title", FIELD_STRING, FALSE },
                                        { "body", FIELD_STRING, TRUE },
                                        { NULL } };

static const Field action_fields[] = {
  { "uuid", FIELD_STRING, TRUE },    { "description", FIELD_STRING, TRUE },
  { "owner", FIELD_STRING, FALSE },  { "due", FIELD_STRING_OR_NULL, FALSE },
  { "status", FIELD_STRING, FALSE }, { "type", FIELD_STRING, FALSE },
  { "link", FIELD_STRING, FALSE },   { NULL }
};

static const Field timeline_fields[] = {
  { "uuid", FIELD_STRING, TRUE },       { "at", FIELD_STRING_OR_NULL, TRUE },
  { "precision", FIELD_STRING, FALSE }, { "kind", FIELD_STRING, FALSE },
  { "key_event", FIELD_STRING, FALSE }, { "text", FIELD_STRING, TRUE },
  { "source", FIELD_STRING, FALSE },    { NULL }
};

static void
add_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_time (JsonBuilder *builder, const char *name, gint64 utc)
{
  g_autofree char *iso = debrief_time_format_iso (utc);

  add_string (builder, name, iso);
}

static void
add_enum (JsonBuilder *builder, const char *name, GType type, int value)
{
  add_string (builder, name, debrief_enum_to_nick (type, value));
}

static void
build_report (JsonBuilder *builder, DebriefReport *report)
{
  GListModel *list;
  guint       n;

  json_builder_begin_object (builder);
  add_string (builder, "format", FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  add_string (builder, "uuid", debrief_report_get_uuid (report));
  add_string (builder, "title", debrief_report_get_title (report));
  add_enum (builder, "status", DEBRIEF_TYPE_STATUS, debrief_report_get_status (report));
  add_enum (builder, "severity", DEBRIEF_TYPE_SEVERITY, debrief_report_get_severity (report));
  add_string (builder, "lead", debrief_report_get_lead (report));
  add_string (builder, "timezone", debrief_report_get_timezone (report));
  add_string (builder, "classification", debrief_report_get_classification (report));
  add_time (builder, "started", debrief_report_get_started_at (report));
  add_time (builder, "created", debrief_report_get_created_at (report));
  add_time (builder, "updated", debrief_report_get_updated_at (report));

  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  list = debrief_report_get_sections (report);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefSection) section = g_list_model_get_item (list, i);

      json_builder_begin_object (builder);
      add_string (builder, "key", debrief_section_get_key (section));
      add_string (builder, "title", debrief_section_get_title (section));
      add_string (builder, "body", debrief_section_get_body (section));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
  list = debrief_report_get_actions (report);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefActionItem) item = g_list_model_get_item (list, i);

      json_builder_begin_object (builder);
      add_string (builder, "uuid", debrief_action_item_get_uuid (item));
      add_string (builder, "description", debrief_action_item_get_description (item));
      add_string (builder, "owner", debrief_action_item_get_owner (item));
      add_string (builder, "due", debrief_action_item_get_due (item));
      add_enum (builder, "status", DEBRIEF_TYPE_ACTION_STATUS,
                debrief_action_item_get_status (item));
      add_enum (builder, "type", DEBRIEF_TYPE_ACTION_TYPE,
                debrief_action_item_get_action_type (item));
      add_string (builder, "link", debrief_action_item_get_link (item));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "timeline");
  json_builder_begin_array (builder);
  list = debrief_report_get_timeline (report);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefTimelineEntry) entry = g_list_model_get_item (list, i);

      json_builder_begin_object (builder);
      add_string (builder, "uuid", debrief_timeline_entry_get_uuid (entry));
      add_time (builder, "at", debrief_timeline_entry_get_occurred_at (entry));
      add_enum (builder, "precision", DEBRIEF_TYPE_TIME_PRECISION,
                debrief_timeline_entry_get_precision (entry));
      add_enum (builder, "kind", DEBRIEF_TYPE_ENTRY_KIND, debrief_timeline_entry_get_kind (entry));
      add_enum (builder, "key_event", DEBRIEF_TYPE_KEY_EVENT,
                debrief_timeline_entry_get_key_event (entry));
      add_string (builder, "text", debrief_timeline_entry_get_text (entry));
      add_enum (builder, "source", DEBRIEF_TYPE_ENTRY_SOURCE,
                debrief_timeline_entry_get_source (entry));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

/**
 * debrief_json_export_report:
 * @report: a report; its contents are read from the library if needed
 * @length: (out) (optional): the length of the document
 *
 * Returns: (transfer full): the report as a JSON document (UTF-8, ending
 *   with a newline), or %NULL with @error set
 */
char *
debrief_json_export_report (DebriefReport *report, gsize *length, GError **error)
{
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (JsonGenerator) generator = NULL;
  g_autoptr (JsonNode) root = NULL;
  GString *str;

  g_return_val_if_fail (DEBRIEF_IS_REPORT (report), NULL);

  if (!debrief_report_ensure_loaded (report, error))
    return NULL;

  builder = json_builder_new ();
  build_report (builder, report);
  root = json_builder_get_root (builder);

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);

  str = g_string_new (NULL);
  json_generator_to_gstring (generator, str);
  g_string_append_c (str, '\n');

  if (length != NULL)
    *length = str->len;

  return g_string_free (str, FALSE);
}

/**
 * debrief_json_export_report_to_file:
 *
 * Writes the report's JSON document to @file, replacing it only when the
 * whole document is written.
 */
gboolean
debrief_json_export_report_to_file (DebriefReport *report, GFile *file, GError **error)
{
  g_autofree char *data = NULL;
  gsize            length = 0;

  g_return_val_if_fail (DEBRIEF_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(data = debrief_json_export_report (report, &length, error)))
    return FALSE;

  return debrief_file_write_atomic (file, data, length, error);
}

/* JSON can spell a NUL character (\u0000). No text of a report may hold
 * one, and json-glib would cut the text short there without a word. */
static gboolean
has_escaped_nul (const char *data, gsize length)
{
  for (gsize i = 0; i + 1 < length; i++)
    {
      if (data[i] != '\\')
        continue;

      if (i + 6 <= length && data[i + 1] == 'u' && memcmp (data + i + 2, "0000", 4) == 0)
        return TRUE;

      /* Skip what the backslash escapes, which may be another backslash */
      i++;
    }

  return FALSE;
}

static gboolean
invalid (GError **error, const char *path, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError **error, const char *path, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: the first %s is a place in the document such as
   * "actions[2].due", the second says what is wrong there */
  g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_FORMAT,
               _ ("The report document is not valid at “%s”: %s"), path, message);
  return FALSE;
}

static const char *
type_name (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
      case JSON_NODE_OBJECT:
        return _ ("an object");
      case JSON_NODE_ARRAY:
        return _ ("a list");
      case JSON_NODE_NULL:
        return "null";
      case JSON_NODE_VALUE:
      default:
        if (json_node_get_value_type (node) == G_TYPE_STRING)
          return _ ("text");
        if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
          return _ ("true or false");
        return _ ("a number");
    }
}

/* Checks that @object has exactly the members of @fields, of their types. */
static gboolean
check_object (JsonNode *node, const Field *fields, const char *path, GError **error)
{
  JsonObject *object;
  g_autoptr (GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, path, _ ("expected an object, found %s."), type_name (node));

  object = json_node_get_object (node);
  members = json_object_get_members (object);

  for (GList *l = members; l; l = l->next)
    {
      const char      *name = l->data;
      const Field     *field = NULL;
      JsonNode        *member = json_object_get_member (object, name);
      g_autofree char *where = g_strdup_printf ("%s%s%s", path, *path ? "." : "", name);
      gboolean         ok;

      for (const Field *f = fields; f->name; f++)
        if (g_str_equal (f->name, name))
          field = f;

      if (field == NULL)
        {
          g_autoptr (GString) known = g_string_new (NULL);

          for (const Field *f = fields; f->name; f++)
            g_string_append_printf (known, "%s%s", known->len ? ", " : "", f->name);

          return invalid (error, where,
                          _ ("Debrief does not know this field. Known fields are: %s."),
                          known->str);
        }

      switch (field->type)
        {
          case FIELD_STRING:
            ok = JSON_NODE_HOLDS_VALUE (member) &&
                 json_node_get_value_type (member) == G_TYPE_STRING;
            break;
          case FIELD_STRING_OR_NULL:
            ok = JSON_NODE_HOLDS_NULL (member) ||
                 (JSON_NODE_HOLDS_VALUE (member) &&
                  json_node_get_value_type (member) == G_TYPE_STRING);
            break;
          case FIELD_INT:
            ok = JSON_NODE_HOLDS_VALUE (member) &&
                 json_node_get_value_type (member) == G_TYPE_INT64;
            break;
          case FIELD_ARRAY:
            ok = JSON_NODE_HOLDS_ARRAY (member);
            break;
          default:
            g_assert_not_reached ();
        }

      if (!ok)
        {
          const char *expected = field->type == FIELD_ARRAY    ? _ ("a list")
                                 : field->type == FIELD_INT    ? _ ("a whole number")
                                 : field->type == FIELD_STRING ? _ ("text")
                                                               : _ ("text or null");

          return invalid (error, where, _ ("expected %s, found %s."), expected,
                          type_name (member));
        }
    }

  for (const Field *f = fields; f->name; f++)
    {
      if (f->required && !json_object_has_member (object, f->name))
        {
          g_autofree char *where = g_strdup_printf ("%s%s%s", path, *path ? "." : "", f->name);

          return invalid (error, where, _ ("this field is required but missing."));
        }
    }

  return TRUE;
}

static const char *
get_string (JsonObject *object, const char *name, const char *fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return fallback;

  return json_node_get_string (node);
}

static gboolean
read_text (JsonObject  *object,
           const char  *name,
           const char  *path,
           gsize        max_bytes,
           gboolean     multiline,
           const char **out,
           GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s%s%s", path, *path ? "." : "", name);
  g_autoptr (GError) local_error = NULL;
  const char *value = get_string (object, name, "");

  if (!debrief_text_validate (value, -1, max_bytes, multiline, _ ("The text"), &local_error))
    return invalid (error, where, "%s", local_error->message);

  *out = value;
  return TRUE;
}

static gboolean
read_enum (JsonObject *object,
           const char *name,
           const char *path,
           GType       type,
           int         fallback,
           int        *out,
           GError    **error)
{
  g_autofree char *where = g_strdup_printf ("%s%s%s", path, *path ? "." : "", name);
  g_autoptr (GError) local_error = NULL;
  const char *value = get_string (object, name, NULL);

  if (value == NULL)
    {
      *out = fallback;
      return TRUE;
    }

  if (!debrief_enum_from_nick (type, value, out, &local_error))
    return invalid (error, where, "%s", local_error->message);

  return TRUE;
}

static gboolean
read_time (JsonObject *object, const char *name, const char *path, gint64 *out, GError **error)
{
  g_autofree char *where = g_strdup_printf ("%s%s%s", path, *path ? "." : "", name);
  g_autoptr (GError) local_error = NULL;
  const char *value = get_string (object, name, NULL);

  if (value == NULL)
    {
      *out = DEBRIEF_TIME_UNSET;
      return TRUE;
    }

  /* Times in the document carry their offset; read anything else as UTC. */
  if (!debrief_time_parse (value, "UTC", out, NULL, &local_error))
    return invalid (error, where, "%s", local_error->message);

  return TRUE;
}

static gboolean
read_uuid (JsonObject *object, const char *path, GHashTable *seen, const char **out, GError **error)
{
  g_autofree char *where = g_strdup_printf ("%s%suuid", path, *path ? "." : "");
  const char      *uuid = get_string (object, "uuid", "");

  if (!g_uuid_string_is_valid (uuid))
    return invalid (error, where, _ ("“%s” is not a uuid."), uuid);

  if (seen != NULL)
    {
      if (g_hash_table_contains (seen, uuid))
        return invalid (error, where, _ ("the uuid %s is used twice."), uuid);
      g_hash_table_add (seen, (char *) uuid);
    }

  *out = uuid;
  return TRUE;
}

static gboolean
read_sections (DebriefReport *report, JsonArray *array, GError **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("sections[%u]", i);
      JsonNode        *node = json_array_get_element (array, i);
      JsonObject      *object;
      DebriefSection  *section;
      const char      *key, *body;

      if (!check_object (node, section_fields, path, error))
        return FALSE;

      object = json_node_get_object (node);
      key = get_string (object, "key", "");

      if (!(section = debrief_report_get_section (report, key)))
        {
          g_autofree char *where = g_strdup_printf ("%s.key", path);

          return invalid (error, where, _ ("there is no section “%s” in the template."), key);
        }

      if (g_hash_table_contains (seen, key))
        {
          g_autofree char *where = g_strdup_printf ("%s.key", path);

          return invalid (error, where, _ ("the section “%s” appears twice."), key);
        }
      g_hash_table_add (seen, (char *) key);

      if (!read_text (object, "body", path, DEBRIEF_MAX_SECTION_BYTES, TRUE, &body, error))
        return FALSE;

      debrief_section_set_body (section, body);
    }

  return TRUE;
}

static gboolean
read_actions (DebriefReport *report, JsonArray *array, GHashTable *seen, GError **error)
{
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("actions[%u]", i);
      JsonNode        *node = json_array_get_element (array, i);
      g_autoptr (DebriefActionItem) item = NULL;
      JsonObject *object;
      const char *uuid, *description, *owner, *link, *due;
      int         status, type;

      if (!check_object (node, action_fields, path, error))
        return FALSE;

      object = json_node_get_object (node);
      if (!read_uuid (object, path, seen, &uuid, error) ||
          !read_text (object, "description", path, DEBRIEF_MAX_LINE_BYTES, FALSE, &description,
                      error) ||
          !read_text (object, "owner", path, DEBRIEF_MAX_LINE_BYTES, FALSE, &owner, error) ||
          !read_text (object, "link", path, DEBRIEF_MAX_LINE_BYTES, FALSE, &link, error) ||
          !read_enum (object, "status", path, DEBRIEF_TYPE_ACTION_STATUS,
                      DEBRIEF_ACTION_STATUS_OPEN, &status, error) ||
          !read_enum (object, "type", path, DEBRIEF_TYPE_ACTION_TYPE, DEBRIEF_ACTION_TYPE_PREVENT,
                      &type, error))
        return FALSE;

      due = get_string (object, "due", NULL);
      if (due != NULL && *due != '\0')
        {
          g_autoptr (GError) local_error = NULL;

          if (!debrief_date_validate (due, &local_error))
            {
              g_autofree char *where = g_strdup_printf ("%s.due", path);

              return invalid (error, where, "%s", local_error->message);
            }
        }

      item = g_object_new (DEBRIEF_TYPE_ACTION_ITEM, "uuid", uuid, "description", description,
                           "owner", owner, "due", due, "status", status, "action-type", type,
                           "link", link, NULL);
      debrief_report_append_action (report, item);
    }

  return TRUE;
}

static gboolean
read_timeline (DebriefReport *report, JsonArray *array, GHashTable *seen, GError **error)
{
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("timeline[%u]", i);
      JsonNode        *node = json_array_get_element (array, i);
      g_autoptr (DebriefTimelineEntry) entry = NULL;
      JsonObject *object;
      const char *uuid, *text;
      int         precision, kind, key_event, source;
      gint64      at;

      if (!check_object (node, timeline_fields, path, error))
        return FALSE;

      object = json_node_get_object (node);
      if (!read_uuid (object, path, seen, &uuid, error) ||
          !read_text (object, "text", path, DEBRIEF_MAX_SECTION_BYTES, TRUE, &text, error) ||
          !read_time (object, "at", path, &at, error) ||
          !read_enum (object, "precision", path, DEBRIEF_TYPE_TIME_PRECISION,
                      DEBRIEF_TIME_PRECISION_MINUTE, &precision, error) ||
          !read_enum (object, "kind", path, DEBRIEF_TYPE_ENTRY_KIND,
                      DEBRIEF_ENTRY_KIND_OBSERVATION, &kind, error) ||
          !read_enum (object, "key_event", path, DEBRIEF_TYPE_KEY_EVENT, DEBRIEF_KEY_EVENT_NONE,
                      &key_event, error) ||
          !read_enum (object, "source", path, DEBRIEF_TYPE_ENTRY_SOURCE,
                      DEBRIEF_ENTRY_SOURCE_TYPED, &source, error))
        return FALSE;

      entry = g_object_new (DEBRIEF_TYPE_TIMELINE_ENTRY, "uuid", uuid, "kind", kind, "key-event",
                            key_event, "text", text, "source", source, NULL);
      debrief_timeline_entry_set_occurred_at (entry, at, precision);
      debrief_report_insert_timeline_entry (report, G_MAXUINT, entry);
    }

  return TRUE;
}

/**
 * debrief_json_import_report:
 * @data: a report's JSON document
 * @length: its length, or -1 if it ends with a NUL
 *
 * Reads a report exported by debrief_json_export_report(). The report is
 * in no library yet; add it with debrief_library_add_report().
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
DebriefReport *
debrief_json_import_report (const char *data, gssize length, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local_error = NULL;
  g_autoptr (DebriefReport) report = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode   *root;
  JsonObject *object;
  const char *format, *uuid, *title, *lead, *timezone, *classification;
  int         status, severity;
  gint64      version, started, created, updated;

  g_return_val_if_fail (data != NULL, NULL);

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_FORMAT,
                   _ ("The report document is not UTF-8 text, so it is not a Debrief JSON "
                      "export."));
      return NULL;
    }

  if (has_escaped_nul (data, length < 0 ? strlen (data) : (gsize) length))
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_FORMAT,
                   _ ("The report document holds a NUL character (\\u0000), which no text in a "
                      "report can hold. Remove it and import the document again."));
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_FORMAT,
                   _ ("The report document is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_FORMAT,
                   _ ("The report document must be a JSON object with the report’s fields."));
      return NULL;
    }

  object = json_node_get_object (root);
  format = json_object_has_member (object, "format") &&
                   JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "format")) &&
                   json_node_get_value_type (json_object_get_member (object, "format")) ==
                       G_TYPE_STRING
               ? json_object_get_string_member (object, "format")
               : NULL;
  if (g_strcmp0 (format, FORMAT_NAME) != 0)
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_FORMAT,
                   _ ("This JSON document is not a Debrief report: its “format” field should be "
                      "“%s”."),
                   FORMAT_NAME);
      return NULL;
    }

  if (json_object_has_member (object, "version") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "version")) &&
      json_node_get_value_type (json_object_get_member (object, "version")) == G_TYPE_INT64)
    {
      version = json_object_get_int_member (object, "version");
      if (version > FORMAT_VERSION || version < 1)
        {
          g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_UNSUPPORTED_VERSION,
                       _ ("This report was exported by a newer version of Debrief (document "
                          "version %d; this version reads version %d). Update Debrief to import "
                          "it."),
                       (int) version, FORMAT_VERSION);
          return NULL;
        }
    }

  if (!check_object (root, report_fields, "", error))
    return NULL;

  if (!read_uuid (object, "", NULL, &uuid, error) ||
      !read_text (object, "title", "", DEBRIEF_MAX_LINE_BYTES, FALSE, &title, error) ||
      !read_text (object, "lead", "", DEBRIEF_MAX_LINE_BYTES, FALSE, &lead, error) ||
      !read_text (object, "classification", "", DEBRIEF_MAX_LINE_BYTES, FALSE, &classification,
                  error) ||
      !read_enum (object, "status", "", DEBRIEF_TYPE_STATUS, DEBRIEF_STATUS_DRAFT, &status,
                  error) ||
      !read_enum (object, "severity", "", DEBRIEF_TYPE_SEVERITY, DEBRIEF_SEVERITY_SEV3, &severity,
                  error) ||
      !read_time (object, "started", "", &started, error) ||
      !read_time (object, "created", "", &created, error) ||
      !read_time (object, "updated", "", &updated, error))
    return NULL;

  timezone = get_string (object, "timezone", "UTC");
  if (!debrief_time_zone_validate (timezone, &local_error))
    {
      invalid (error, "timezone", "%s", local_error->message);
      return NULL;
    }

  report = g_object_new (DEBRIEF_TYPE_REPORT, "uuid", uuid, "title", title, "status", status,
                         "severity", severity, "lead", lead, "timezone", timezone, "started-at",
                         started, "classification", classification, NULL);
  _debrief_report_init_contents (report, created,
                                 updated == DEBRIEF_TIME_UNSET ? created : updated);

  if (json_object_has_member (object, "sections") &&
      !read_sections (report, json_object_get_array_member (object, "sections"), error))
    return NULL;

  if (json_object_has_member (object, "actions") &&
      !read_actions (report, json_object_get_array_member (object, "actions"), seen, error))
    return NULL;

  if (json_object_has_member (object, "timeline") &&
      !read_timeline (report, json_object_get_array_member (object, "timeline"), seen, error))
    return NULL;

  return g_steal_pointer (&report);
}

/**
 * debrief_json_import_file:
 *
 * Reads a report's JSON document from @file; see
 * debrief_json_import_report().
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
DebriefReport *
debrief_json_import_file (GFile *file, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  gsize       length;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(bytes = debrief_file_read (file, MAX_DOCUMENT_BYTES, error)))
    return NULL;

  data = g_bytes_get_data (bytes, &length);

  return debrief_json_import_report (data != NULL ? data : "", (gssize) length, error);
}
