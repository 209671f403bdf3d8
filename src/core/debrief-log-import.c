/* debrief-log-import.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-log-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "debrief-enum-types.h"
#include "debrief-error.h"
#include "debrief-file.h"
#include "debrief-log-import.h"
#include "debrief-log-parse.h"
#include "debrief-private.h"
#include "debrief-text.h"
#include "debrief-time.h"

/* An import reads a capture log into a preview (the entries it would
 * add and the lines it could not read) without touching the report;
 * debrief_log_import_apply() then adds the entries in one step.
 *
 * Formats:
 *
 * - Text: each entry starts with a line that begins with a time
 *   ("14:02", "14:02:33", "[14:02]", "2026-12-04 14:02", ISO 8601 with an
 *   offset or "Z") and an optional kind prefix ("obs:", "act:"…). Lines
 *   without a time continue the entry above them. Lines before the first
 *   time have nothing to continue and are listed as problems. A line
 *   holding only a date ("2026-12-05") moves the log to that day.
 * - CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks;
 *   "," ";" or tab separated) whose first line names the columns: the
 *   time (time, timestamp, date or when; or both date and time), the text
 *   (text, message, description or event) and optionally the kind and the
 *   key event.
 * - A Slack channel export: a JSON array of messages with "ts", "text"
 *   and "user_name" or "user"; entries come from the chat and start with
 *   the user's name.
 *
 * Times without an offset are read in the report's zone, on the import's
 * start day (the day the incident started, else today, or the day the
 * caller sets). A time more than 12 hours earlier than the one before it
 * means the log went past midnight: it falls on the next day. In the
 * hour that repeats when clocks go back, a time is read as the first of
 * its two moments unless only the second keeps the log in order.
 *
 * The formats are recognised from the contents (JSON → Slack; a first
 * line with separators that names a time or text column → CSV) or the
 * file name (.csv, .tsv, .json), else the log is read as text. */

#define CHECK_CANCELLED_EVERY 4096

typedef struct
{
  /* Input, copied from the report on the main thread */
  char            *zone;
  GDate            start;
  DebriefLogFormat format;
  guint            taken_events; /* bit mask of the report's tagged key events */
  char            *file_name;

  /* Working */
  GRand  *rand;
  gint64  uuid_ms;
  guint32 uuid_counter;

  /* Output */
  DebriefLogFormat detected;
  GPtrArray       *entries;
  GPtrArray       *problems;
  guint            n_lines;
} Parse;

struct _DebriefLogImport
{
  GObject parent_instance;

  /* Owned */
  DebriefReport   *report;
  GBytes          *bytes;
  char            *file_name;
  GListStore      *entries;
  GListStore      *problems;
  GDate            start;
  DebriefLogFormat requested;
  DebriefLogFormat format;
  guint            n_lines;
  guint            applied : 1;
};

G_DEFINE_FINAL_TYPE (DebriefLogImport, debrief_log_import, G_TYPE_OBJECT)

/* Parse */

static void
parse_clear (Parse *parse)
{
  g_clear_pointer (&parse->zone, g_free);
  g_clear_pointer (&parse->file_name, g_free);
  g_clear_pointer (&parse->rand, g_rand_free);
  g_clear_pointer (&parse->entries, g_ptr_array_unref);
  g_clear_pointer (&parse->problems, g_ptr_array_unref);
}

static void
parse_free (Parse *parse)
{
  parse_clear (parse);
  g_free (parse);
}

static void
add_problem (Parse *parse, guint line, const char *text, gsize length, const char *message)
{
  g_ptr_array_add (parse->problems, _debrief_log_problem_new (line, text, length, message));
}

static void
add_entry (Parse               *parse,
           gint64               utc,
           DebriefTimePrecision precision,
           DebriefEntryKind     kind,
           DebriefKeyEvent      key_event,
           DebriefEntrySource   source,
           const char          *text)
{
  static const char hex[] = "0123456789abcdef";
  guint8            bytes[16];
  char              uuid[37];
  char             *p = uuid;

  guint32 counter = parse->uuid_counter++;
  guint32 r1 = g_rand_int (parse->rand);
  guint32 r2 = g_rand_int (parse->rand);

  /* A time-ordered uuid (RFC 9562 version 7: milliseconds, then a 24-bit
   * counter in rand_a and the top of rand_b, then 50 random bits), so
   * that the entries of an import sort in import order and the library's
   * indexes grow at their end, which makes storing a large log much
   * faster than random uuids would. g_uuid_string_random() would also
   * cost more than reading the line. */
  for (guint i = 0; i < 6; i++)
    bytes[i] = (guint8) (parse->uuid_ms >> (8 * (5 - i)));
  bytes[6] = 0x70 | ((counter >> 20) & 0x0f);
  bytes[7] = (guint8) (counter >> 12);
  bytes[8] = 0x80 | ((counter >> 6) & 0x3f);
  bytes[9] = (guint8) ((counter & 0x3f) << 2) | (r1 & 0x03);
  bytes[10] = (guint8) (r1 >> 2);
  bytes[11] = (guint8) (r1 >> 10);
  bytes[12] = (guint8) (r1 >> 18);
  memcpy (bytes + 13, &r2, 3);
  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        *p++ = '-';
      *p++ = hex[bytes[i] >> 4];
      *p++ = hex[bytes[i] & 0xf];
    }
  *p = '\0';

  g_ptr_array_add (parse->entries, _debrief_timeline_entry_new_full (uuid, utc, precision, kind,
                                                                     key_event, text, source));
}

static guint
line_of (const char *data, const char *at)
{
  guint line = 1;

  for (const char *p = data; p < at; p++)
    {
      if (*p == '\n')
        line++;
    }

  return line;
}

/* The first control character of @text other than tab (and line breaks
 * when @multiline), or 0 */
static gunichar
find_control (const char *text, gsize length, gboolean multiline)
{
  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) text[i];

      if ((c < 0x20 && c != '\t' && !(multiline && (c == '\n' || c == '\r'))) || c == 0x7f)
        return c;
      if (c == 0xc2 && i + 1 < length && (guchar) text[i + 1] >= 0x80 &&
          (guchar) text[i + 1] <= 0x9f)
        return 0x80 + ((guchar) text[i + 1] - 0x80);
    }

  return 0;
}

static void
add_control_problem (Parse *parse, guint line, const char *text, gsize length, gunichar c)
{
  g_autofree char *message = g_strdup_printf (
      _ ("The line contains the control character U+%04X, which a timeline entry cannot hold; "
         "it is left out."),
      c);

  add_problem (parse, line, text, length, message);
}

/* Removes terminal colour and cursor sequences (ESC [ … final byte) */
static void
strip_escapes (GString *out, const char *text, gsize length)
{
  const char *end = text + length;

  g_string_truncate (out, 0);
  for (const char *p = text; p < end; p++)
    {
      if (*p == '\x1b' && p + 1 < end && p[1] == '[')
        {
          p += 2;
          while (p < end && !((guchar) *p >= 0x40 && (guchar) *p <= 0x7e))
            p++;
          continue;
        }
      g_string_append_c (out, *p);
    }
}

static gboolean
is_blank (const char *text, gsize length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isspace (text[i]))
        return FALSE;
    }

  return TRUE;
}

static void
trim (const char **text, gsize *length)
{
  while (*length > 0 && g_ascii_isspace ((*text)[0]))
    {
      (*text)++;
      (*length)--;
    }
  while (*length > 0 && g_ascii_isspace ((*text)[*length - 1]))
    (*length)--;
}

static gboolean
check_cancelled (GCancellable *cancellable, GError **error)
{
  return g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* Text */

typedef struct
{
  gboolean             active;
  guint                line;
  gint64               utc;
  DebriefTimePrecision precision;
  DebriefEntryKind     kind;
  GString             *text;
} Pending;

static void
finish_pending (Parse *parse, Pending *pending)
{
  if (!pending->active)
    return;

  pending->active = FALSE;
  if (pending->text->len == 0)
    {
      add_problem (parse, pending->line, "", 0,
                   _ ("The line has a time but no text, and no lines below it continue it; "
                      "there is nothing to import."));
      return;
    }

  add_entry (parse, pending->utc, pending->precision, pending->kind, DEBRIEF_KEY_EVENT_NONE,
             DEBRIEF_ENTRY_SOURCE_LOG, pending->text->str);
}

static gboolean
parse_text (Parse        *parse,
            DebriefClock *clock,
            const char   *data,
            gsize         length,
            GCancellable *cancellable,
            GError      **error)
{
  g_autoptr (GString) scratch = g_string_new (NULL);
  const char *end = data + length;
  const char *next;
  Pending     pending = { 0 };
  guint       line = 0;
  guint       unread_line = 0; /* a timed line that could not be read */

  pending.text = g_string_new (NULL);

  for (const char *p = data; p < end; p = next)
    {
      g_autoptr (GError) local_error = NULL;
      const char       *nl = memchr (p, '\n', (gsize) (end - p));
      const char       *s = p;
      gsize             n = (nl != NULL ? nl : end) - p;
      DebriefParsedTime time;
      DebriefEntryKind  kind = DEBRIEF_ENTRY_KIND_OBSERVATION;
      gsize             prefix, used;
      gint64            utc;
      gunichar          control;

      next = nl != NULL ? nl + 1 : end;
      line++;

      if (line % CHECK_CANCELLED_EVERY == 0 && check_cancelled (cancellable, error))
        {
          g_string_free (pending.text, TRUE);
          return FALSE;
        }

      if (n > 0 && s[n - 1] == '\r')
        n--;

      if (!g_utf8_validate_len (s, n, NULL))
        {
          add_problem (parse, line, s, n,
                       _ ("The line is not valid UTF-8 text; it is left out. Save the log as "
                          "UTF-8 and import it again."));
          continue;
        }

      if (memchr (s, '\x1b', n) != NULL)
        {
          strip_escapes (scratch, s, n);
          s = scratch->str;
          n = scratch->len;
        }

      if ((control = find_control (s, n, FALSE)) != 0)
        {
          add_control_problem (parse, line, s, n, control);
          continue;
        }

      if (is_blank (s, n))
        continue;

      trim (&s, &n);

      prefix = _debrief_parse_kind_prefix (s, n, &kind);
      used = _debrief_parse_leading_time (s + prefix, n - prefix, &time, &local_error);

      if (used > 0 || local_error != NULL)
        {
          finish_pending (parse, &pending);

          if (local_error != NULL)
            {
              unread_line = line;
              add_problem (parse, line, s, n, local_error->message);
              continue;
            }

          /* The kind prefix may come before or after the time */
          used += prefix;
          if (prefix == 0)
            used += _debrief_parse_kind_prefix (s + used, n - used, &kind);

          /* A date alone starts a new day of the log */
          if (time.hour < 0 && used == n)
            {
              _debrief_clock_set_day (clock, time.year, time.month, time.day);
              unread_line = 0;
              continue;
            }

          if (!_debrief_clock_resolve (clock, &time, &utc, &local_error))
            {
              unread_line = line;
              add_problem (parse, line, s, n, local_error->message);
              continue;
            }

          unread_line = 0;
          pending.active = TRUE;
          pending.line = line;
          pending.utc = utc;
          pending.precision = time.precision;
          pending.kind = kind;
          g_string_truncate (pending.text, 0);
          g_string_append_len (pending.text, s + used, (gssize) (n - used));
          continue;
        }

      /* A line without a time continues the entry above it */
      if (pending.active)
        {
          if (pending.text->len + n + 1 > DEBRIEF_MAX_SECTION_BYTES)
            {
              g_autofree char *limit = debrief_text_format_size (DEBRIEF_MAX_SECTION_BYTES);
              g_autofree char *message = g_strdup_printf (
                  _ ("The entry that starts on line %u would be longer than %s; this line is "
                     "left out."),
                  pending.line, limit);

              add_problem (parse, line, s, n, message);
              continue;
            }

          if (pending.text->len > 0)
            g_string_append_c (pending.text, '\n');
          g_string_append_len (pending.text, s, (gssize) n);
        }
      else if (unread_line != 0)
        {
          g_autofree char *message = g_strdup_printf (
              _ ("The line has no time and continues line %u, which could not be read; it is "
                 "left out."),
              unread_line);

          add_problem (parse, line, s, n, message);
        }
      else
        add_problem (parse, line, s, n,
                     _ ("The line has no time, and there is no entry above it to continue. "
                        "Start the log with a time, such as “14:02 alert fired”."));
    }

  finish_pending (parse, &pending);
  g_string_free (pending.text, TRUE);
  parse->n_lines = line;

  return TRUE;
}

/* CSV */

typedef struct
{
  const char *p;
  const char *end;
  char        separator;
  guint       line;
} CsvReader;

typedef struct
{
  GPtrArray  *fields;
  guint       line;
  const char *start;
  const char *stop;
  const char *bad; /* why the record cannot be read, or NULL */
} CsvRecord;

static gboolean
csv_next (CsvReader *reader, CsvRecord *record)
{
  const char *p = reader->p;
  const char *end = reader->end;
  GString    *field = g_string_new (NULL);

  g_ptr_array_set_size (record->fields, 0);
  record->line = reader->line;
  record->start = p;
  record->bad = NULL;

  if (p >= end)
    {
      g_string_free (field, TRUE);
      return FALSE;
    }

  for (;;)
    {
      g_string_truncate (field, 0);

      if (p < end && *p == '"')
        {
          p++;
          for (;;)
            {
              if (p >= end)
                {
                  record->bad = _ ("A quoted field is never closed: a double quote is missing. "
                                   "Everything from this line on is left out.");
                  break;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              if (*p == '\n')
                reader->line++;
              g_string_append_c (field, *p++);
            }

          if (record->bad == NULL && p < end && *p != reader->separator && *p != '\n' &&
              !(*p == '\r' && (p + 1 == end || p[1] == '\n')))
            {
              record->bad = _ ("A quoted field is followed by more text before the next "
                               "separator; write a double quote inside a quoted field as "
                               "\"\".");
              /* Skip the rest of the line */
              while (p < end && *p != '\n')
                p++;
            }
        }
      else
        {
          const char *s = p;

          while (p < end && *p != reader->separator && *p != '\n')
            p++;
          g_string_append_len (field, s, p - s);
          if (field->len > 0 && field->str[field->len - 1] == '\r' && (p == end || *p == '\n'))
            g_string_truncate (field, field->len - 1);
        }

      g_ptr_array_add (record->fields, g_strndup (field->str, field->len));

      if (p < end && *p == reader->separator)
        {
          p++;
          continue;
        }
      if (p < end && *p == '\r')
        p++;
      if (p < end && *p == '\n')
        {
          p++;
          reader->line++;
        }
      break;
    }

  record->stop = p;
  reader->p = p;
  g_string_free (field, TRUE);

  return TRUE;
}

static char *
normalize_name (const char *name)
{
  char *ret = g_ascii_strdown (name, -1);

  g_strstrip (ret);
  g_strdelimit (ret, " -", '_');

  return ret;
}

static gboolean
name_in (const char *name, const char *const *names)
{
  return g_strv_contains (names, name);
}

static const char *const time_names[] = { "time",     "timestamp", "date", "when",
                                          "datetime", "date_time", NULL };
static const char *const text_names[] = { "text", "message", "description", "event", NULL };
static const char *const kind_names[] = { "kind", "type", NULL };
static const char *const key_event_names[] = { "key_event", "keyevent", NULL };

/* The separator of a CSV first line: the most frequent of , ; and tab
 * outside quotes, or 0 if there is none */
static char
guess_separator (const char *line, gsize length)
{
  guint    counts[3] = { 0 };
  gboolean quoted = FALSE;
  char     best = 0;
  guint    most = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (line[i] == '"')
        quoted = !quoted;
      else if (!quoted && line[i] == ',')
        counts[0]++;
      else if (!quoted && line[i] == ';')
        counts[1]++;
      else if (!quoted && line[i] == '\t')
        counts[2]++;
    }

  for (guint i = 0; i < 3; i++)
    {
      if (counts[i] > most)
        {
          most = counts[i];
          best = ",;\t"[i];
        }
    }

  return best;
}

static gboolean
looks_like_csv_header (const char *data, gsize length)
{
  const char *nl = memchr (data, '\n', length);
  gsize       n = nl != NULL ? (gsize) (nl - data) : length;
  char        separator = guess_separator (data, n);
  g_autoptr (GPtrArray) fields = NULL;
  CsvReader reader = { data, data + n, separator, 1 };
  CsvRecord record = { 0 };

  if (separator == 0)
    return FALSE;

  fields = g_ptr_array_new_with_free_func (g_free);
  record.fields = fields;
  if (!csv_next (&reader, &record) || record.bad != NULL)
    return FALSE;

  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *name = normalize_name (g_ptr_array_index (fields, i));

      if (name_in (name, time_names) || name_in (name, text_names))
        return TRUE;
    }

  return FALSE;
}

static gboolean
read_kind (const char *value, DebriefEntryKind *kind)
{
  g_autofree char *prefixed = g_strconcat (value, ": ", NULL);
  int              v;

  if (_debrief_parse_kind_prefix (prefixed, strlen (prefixed), kind) > 0)
    return TRUE;
  if (debrief_enum_from_nick (DEBRIEF_TYPE_ENTRY_KIND, value, &v, NULL))
    {
      *kind = v;
      return TRUE;
    }

  return FALSE;
}

/* Drops @key_event if the report or an earlier line has it already. */
static DebriefKeyEvent
claim_key_event (Parse *parse, DebriefKeyEvent key_event, guint line, const char *text, gsize n)
{
  g_autofree char *message = NULL;

  if (key_event == DEBRIEF_KEY_EVENT_NONE)
    return key_event;

  if ((parse->taken_events & (1u << key_event)) == 0)
    {
      parse->taken_events |= 1u << key_event;
      return key_event;
    }

  message = g_strdup_printf (
      _ ("Another entry is tagged “%s” already; this entry is imported without the tag. Tag it "
         "in the timeline to move the tag."),
      debrief_enum_get_label (DEBRIEF_TYPE_KEY_EVENT, key_event));
  add_problem (parse, line, text, n, message);

  return DEBRIEF_KEY_EVENT_NONE;
}

static gboolean
parse_csv (Parse        *parse,
           DebriefClock *clock,
           const char   *data,
           gsize         length,
           GCancellable *cancellable,
           GError      **error)
{
  g_autoptr (GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  const char *nl = memchr (data, '\n', length);
  CsvReader   reader = { data, data + length, ',', 1 };
  CsvRecord   record = { 0 };
  int         time_col = -1, date_col = -1, text_col = -1, kind_col = -1, key_col = -1;
  guint       n_records = 0;

  reader.separator = guess_separator (data, nl != NULL ? (gsize) (nl - data) : length);
  if (reader.separator == 0)
    reader.separator = ',';

  record.fields = header;
  if (!csv_next (&reader, &record) || record.bad != NULL)
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_FORMAT,
                   _ ("The first line of the CSV file cannot be read as column names. It must "
                      "name the columns, for example “time,text,kind”."));
      return FALSE;
    }

  for (guint i = 0; i < header->len; i++)
    {
      g_autofree char *name = normalize_name (g_ptr_array_index (header, i));

      if (g_str_equal (name, "date") && date_col < 0)
        date_col = (int) i;
      if (name_in (name, time_names) && time_col < 0)
        time_col = (int) i;
      else if (name_in (name, text_names) && text_col < 0)
        text_col = (int) i;
      else if (name_in (name, kind_names) && kind_col < 0)
        kind_col = (int) i;
      else if (name_in (name, key_event_names) && key_col < 0)
        key_col = (int) i;
    }

  /* Separate date and time columns are read together */
  if (date_col >= 0)
    {
      int other = -1;

      for (guint i = 0; i < header->len && other < 0; i++)
        {
          g_autofree char *name = normalize_name (g_ptr_array_index (header, i));

          if ((int) i != date_col && name_in (name, time_names))
            other = (int) i;
        }

      if (other >= 0)
        time_col = other;
      else
        date_col = -1;
    }

  if (time_col < 0 || text_col < 0)
    {
      g_autoptr (GString) names = g_string_new (NULL);

      for (guint i = 0; i < header->len; i++)
        {
          g_autofree char *shown = g_utf8_make_valid (g_ptr_array_index (header, i), -1);

          g_autofree char *quoted = NULL;

          /* Translators: a column name, quoted, in a list of them */
          quoted = g_strdup_printf (_ ("“%s”"), shown);
          g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", quoted);
        }

      if (time_col < 0 && text_col < 0)
        g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_FORMAT,
                     _ ("The CSV file has no time column and no text column. Line 1 must name "
                        "a column “time” (or timestamp, date, when) and a column “text” (or "
                        "message, description, event); it names %s."),
                     names->str);
      else if (time_col < 0)
        g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_FORMAT,
                     _ ("The CSV file has no time column. Line 1 must name a column “time” (or "
                        "timestamp, date, when); it names %s."),
                     names->str);
      else
        g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_FORMAT,
                     _ ("The CSV file has no text column. Line 1 must name a column “text” (or "
                        "message, description, event); it names %s."),
                     names->str);
      return FALSE;
    }

  record.fields = fields;
  while (csv_next (&reader, &record))
    {
      g_autoptr (GError) local_error = NULL;
      const char          *raw = record.start;
      gsize                raw_length = (gsize) (record.stop - record.start);
      g_autofree char     *when = NULL;
      g_autofree char     *text = NULL;
      DebriefParsedTime    time;
      DebriefEntryKind     kind = DEBRIEF_ENTRY_KIND_OBSERVATION;
      DebriefKeyEvent      key_event = DEBRIEF_KEY_EVENT_NONE;
      gint64               utc = DEBRIEF_TIME_UNSET;
      DebriefTimePrecision precision = DEBRIEF_TIME_PRECISION_UNKNOWN;
      gboolean             empty = TRUE;
      gunichar             control;
      gsize                used;

      if (++n_records % CHECK_CANCELLED_EVERY == 0 && check_cancelled (cancellable, error))
        return FALSE;

      if (record.bad != NULL)
        {
          add_problem (parse, record.line, raw, raw_length, record.bad);
          continue;
        }

      for (guint i = 0; i < fields->len && empty; i++)
        empty = is_blank (g_ptr_array_index (fields, i), strlen (g_ptr_array_index (fields, i)));
      if (empty)
        continue;

      if (!g_utf8_validate_len (raw, raw_length, NULL))
        {
          add_problem (parse, record.line, raw, raw_length,
                       _ ("The row is not valid UTF-8 text; it is left out. Save the file as "
                          "UTF-8 and import it again."));
          continue;
        }

      if (fields->len != header->len)
        {
          g_autofree char *message = g_strdup_printf (
              _ ("The row has %u fields but line 1 names %u columns; it is left out. Put text "
                 "that holds the separator in double quotes."),
              fields->len, header->len);

          add_problem (parse, record.line, raw, raw_length, message);
          continue;
        }

      text = g_strstrip (g_strdup (g_ptr_array_index (fields, text_col)));
      if ((control = find_control (text, strlen (text), TRUE)) != 0)
        {
          add_control_problem (parse, record.line, raw, raw_length, control);
          continue;
        }

      if (kind_col >= 0 && !is_blank (g_ptr_array_index (fields, kind_col),
                                      strlen (g_ptr_array_index (fields, kind_col))))
        {
          g_autofree char *value = g_strstrip (g_strdup (g_ptr_array_index (fields, kind_col)));

          if (!read_kind (value, &kind))
            {
              g_autofree char *message = g_strdup_printf (
                  _ ("“%s” is not a kind of entry; the row is left out. Use observation, "
                     "action, decision, hypothesis or communication."),
                  value);

              add_problem (parse, record.line, raw, raw_length, message);
              continue;
            }
        }
      else if ((used = _debrief_parse_kind_prefix (text, strlen (text), &kind)) > 0)
        memmove (text, text + used, strlen (text + used) + 1);

      if (text[0] == '\0')
        {
          add_problem (parse, record.line, raw, raw_length,
                       _ ("The row has no text; there is nothing to import."));
          continue;
        }

      if (key_col >= 0 && !is_blank (g_ptr_array_index (fields, key_col),
                                     strlen (g_ptr_array_index (fields, key_col))))
        {
          int v;

          if (!debrief_enum_from_nick (DEBRIEF_TYPE_KEY_EVENT, g_ptr_array_index (fields, key_col),
                                       &v, &local_error))
            {
              g_autofree char *message = g_strdup_printf (
                  _ ("The key event cannot be read: %s The row is left out."),
                  local_error->message);

              add_problem (parse, record.line, raw, raw_length, message);
              continue;
            }
          key_event = v;
        }

      if (date_col >= 0)
        when = g_strdup_printf ("%s %s", (char *) g_ptr_array_index (fields, date_col),
                                (char *) g_ptr_array_index (fields, time_col));
      else
        when = g_strdup (g_ptr_array_index (fields, time_col));
      g_strstrip (when);

      if (when[0] != '\0')
        {
          if (!_debrief_parse_time_field (when, &time, &local_error) ||
              !_debrief_clock_resolve (clock, &time, &utc, &local_error))
            {
              add_problem (parse, record.line, raw, raw_length, local_error->message);
              continue;
            }
          precision = time.precision;
        }

      key_event = claim_key_event (parse, key_event, record.line, raw, raw_length);
      add_entry (parse, utc, precision, kind, key_event, DEBRIEF_ENTRY_SOURCE_LOG, text);
    }

  parse->n_lines = reader.line - (reader.p > data && reader.p[-1] == '\n' ? 1 : 0);

  return TRUE;
}

/* Slack */

/* The line on which each item of the top-level JSON array starts */
static GArray *
find_item_lines (const char *data, gsize length)
{
  GArray  *lines = g_array_new (FALSE, FALSE, sizeof (guint));
  guint    line = 1;
  int      depth = 0;
  gboolean in_string = FALSE;
  gboolean want_item = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (g_ascii_isspace (c))
        continue;

      if (depth == 1 && want_item && c != ']')
        {
          g_array_append_val (lines, line);
          want_item = FALSE;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          depth++;
          if (depth == 1)
            want_item = TRUE;
        }
      else if (c == ']' || c == '}')
        depth--;
      else if (c == ',' && depth == 1)
        want_item = TRUE;
    }

  return lines;
}

static const char *
member_string (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static const char *
user_name (JsonObject *message)
{
  const char *name;
  JsonNode   *profile;

  if ((name = member_string (message, "user_name")) != NULL && *name != '\0')
    return name;

  profile = json_object_get_member (message, "user_profile");
  if (profile != NULL && JSON_NODE_HOLDS_OBJECT (profile))
    {
      JsonObject *object = json_node_get_object (profile);

      if ((name = member_string (object, "display_name")) != NULL && *name != '\0')
        return name;
      if ((name = member_string (object, "real_name")) != NULL && *name != '\0')
        return name;
    }

  if ((name = member_string (message, "user")) != NULL && *name != '\0')
    return name;

  return NULL;
}

/* "1733318520.000200" → 1733318520 */
static gboolean
read_ts (JsonObject *message, gint64 *utc)
{
  JsonNode   *node = json_object_get_member (message, "ts");
  const char *text;
  const char *p;
  gint64      value = 0;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *utc = json_node_get_int (node);
      return TRUE;
    }
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      *utc = (gint64) json_node_get_double (node);
      return TRUE;
    }
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  text = json_node_get_string (node);
  for (p = text; g_ascii_isdigit (*p) && p - text < 12; p++)
    value = value * 10 + (*p - '0');
  if (p == text)
    return FALSE;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p != '\0')
    return FALSE;

  *utc = value;
  return TRUE;
}

static char *
unescape_slack (const char *text)
{
  GString *str = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_str_has_prefix (p, "&lt;"))
        {
          g_string_append_c (str, '<');
          p += 3;
        }
      else if (g_str_has_prefix (p, "&gt;"))
        {
          g_string_append_c (str, '>');
          p += 3;
        }
      else if (g_str_has_prefix (p, "&amp;"))
        {
          g_string_append_c (str, '&');
          p += 4;
        }
      else
        g_string_append_c (str, *p);
    }

  return g_strstrip (g_string_free (str, FALSE));
}

static gboolean
parse_slack (
    Parse *parse, const char *data, gsize length, GCancellable *cancellable, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GArray) lines = NULL;
  const char *bad = NULL;
  JsonNode   *root;
  JsonArray  *array;
  guint       n, n_messages = 0;

  if (!g_utf8_validate_len (data, length, &bad))
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_TEXT,
                   _ ("Line %u of the Slack export is not valid UTF-8 text, so the export "
                      "cannot be read. Export the channel again."),
                   line_of (data, bad));
      return FALSE;
    }

  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_FORMAT,
                   _ ("The file is not valid JSON, so it cannot be read as a Slack export: %s"),
                   local_error->message);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_FORMAT,
                   _ ("The JSON file is not a Slack channel export: that is an array of "
                      "messages, each with “ts”, “user” and “text”, and this file holds %s."),
                   root == NULL                    ? _ ("nothing")
                   : JSON_NODE_HOLDS_OBJECT (root) ? _ ("an object")
                                                   : _ ("a single value"));
      return FALSE;
    }

  array = json_node_get_array (root);
  n = json_array_get_length (array);
  lines = find_item_lines (data, length);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          json_object_has_member (json_node_get_object (node), "ts"))
        n_messages++;
    }

  if (n > 0 && n_messages == 0)
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_FORMAT,
                   _ ("The JSON file is not a Slack channel export: none of its %u items is a "
                      "message with “ts”, “user” and “text” (line %u)."),
                   n, lines->len > 0 ? g_array_index (lines, guint, 0) : 1);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode        *node = json_array_get_element (array, i);
      guint            line = i < lines->len ? g_array_index (lines, guint, i) : 0;
      g_autofree char *excerpt = NULL;
      g_autofree char *text = NULL;
      g_autofree char *full = NULL;
      JsonObject      *message;
      const char      *raw, *name;
      DebriefEntryKind kind = DEBRIEF_ENTRY_KIND_OBSERVATION;
      gint64           utc;
      gunichar         control;
      gsize            used;

      if (i % CHECK_CANCELLED_EVERY == 0 && check_cancelled (cancellable, error))
        return FALSE;

      excerpt = json_to_string (node, FALSE);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          add_problem (parse, line, excerpt, strlen (excerpt),
                       _ ("The item is not a message (a JSON object); it is left out."));
          continue;
        }
      message = json_node_get_object (node);

      if (!read_ts (message, &utc))
        {
          add_problem (parse, line, excerpt, strlen (excerpt),
                       _ ("The message has no time (“ts”, in seconds since 1970); it is left "
                          "out."));
          continue;
        }

      raw = member_string (message, "text");
      text = raw != NULL ? unescape_slack (raw) : NULL;
      if (text == NULL || text[0] == '\0')
        {
          add_problem (parse, line, excerpt, strlen (excerpt),
                       _ ("The message has no text (files and attachments are not imported); "
                          "it is left out."));
          continue;
        }

      if ((control = find_control (text, strlen (text), TRUE)) != 0)
        {
          add_control_problem (parse, line, text, strlen (text), control);
          continue;
        }

      used = _debrief_parse_kind_prefix (text, strlen (text), &kind);
      name = user_name (message);
      if (name != NULL)
        full = g_strdup_printf ("%s: %s", name, text + used);
      else
        full = g_strdup (text + used);

      add_entry (parse, utc, DEBRIEF_TIME_PRECISION_SECOND, kind, DEBRIEF_KEY_EVENT_NONE,
                 DEBRIEF_ENTRY_SOURCE_CHAT, full);
    }

  parse->n_lines = line_of (data, data + length) - (length > 0 && data[length - 1] == '\n');

  return TRUE;
}

/* Reading */

static DebriefLogFormat
detect_format (Parse *parse, const char *data, gsize length)
{
  const char *p = data;
  const char *end = data + length;

  while (p < end && g_ascii_isspace (*p))
    p++;

  if (p < end && *p == '{')
    return DEBRIEF_LOG_FORMAT_SLACK;

  if (p < end && *p == '[')
    {
      const char *q = p + 1;

      while (q < end && g_ascii_isspace (*q))
        q++;
      /* "[14:02]" starts a text log; JSON starts with [{, [", [[ or [] */
      if (q == end || *q == '{' || *q == ']' || *q == '"' || *q == '[')
        return DEBRIEF_LOG_FORMAT_SLACK;
    }

  if (looks_like_csv_header (data, length))
    return DEBRIEF_LOG_FORMAT_CSV;

  if (parse->file_name != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (parse->file_name, -1);

      if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv"))
        return DEBRIEF_LOG_FORMAT_CSV;
      if (g_str_has_suffix (lower, ".json"))
        return DEBRIEF_LOG_FORMAT_SLACK;
    }

  return DEBRIEF_LOG_FORMAT_TEXT;
}

static gboolean
parse_run (Parse *parse, GBytes *bytes, GCancellable *cancellable, GError **error)
{
  g_autoptr (DebriefClock) clock = NULL;
  gsize       length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *nul;

  g_clear_pointer (&parse->entries, g_ptr_array_unref);
  g_clear_pointer (&parse->problems, g_ptr_array_unref);
  parse->entries = g_ptr_array_new_with_free_func (g_object_unref);
  parse->problems = g_ptr_array_new_with_free_func (g_object_unref);
  parse->n_lines = 0;
  if (parse->rand == NULL)
    parse->rand = g_rand_new ();
  parse->uuid_ms = g_get_real_time () / 1000;
  parse->uuid_counter = 0;

  if (length > DEBRIEF_LOG_IMPORT_MAX_BYTES)
    {
      g_autofree char *have = debrief_text_format_size (length);
      g_autofree char *limit = debrief_text_format_size (DEBRIEF_LOG_IMPORT_MAX_BYTES);

      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_TOO_LARGE,
                   _ ("The log is %s; Debrief imports logs of at most %s. Import the part that "
                      "covers the incident."),
                   have, limit);
      return FALSE;
    }

  if (data == NULL)
    data = "";

  if ((nul = memchr (data, '\0', length)) != NULL)
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_FORMAT,
                   _ ("This is not a text log: line %u holds a NUL byte, which text never does. "
                      "Import a plain text log, a CSV file or a Slack export."),
                   line_of (data, nul));
      return FALSE;
    }

  if (!(clock = _debrief_clock_new (parse->zone, error)))
    {
      g_prefix_error (error,
                      _ ("The report’s time zone cannot be used to read the log’s times. "));
      return FALSE;
    }
  _debrief_clock_set_day (clock, g_date_get_year (&parse->start), g_date_get_month (&parse->start),
                          g_date_get_day (&parse->start));

  /* A byte order mark is not part of the text */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  parse->detected = parse->format;
  if (parse->detected == DEBRIEF_LOG_FORMAT_AUTO)
    parse->detected = detect_format (parse, data, length);

  switch (parse->detected)
    {
      case DEBRIEF_LOG_FORMAT_CSV:
        return parse_csv (parse, clock, data, length, cancellable, error);
      case DEBRIEF_LOG_FORMAT_SLACK:
        return parse_slack (parse, data, length, cancellable, error);
      case DEBRIEF_LOG_FORMAT_TEXT:
      case DEBRIEF_LOG_FORMAT_AUTO:
      default:
        return parse_text (parse, clock, data, length, cancellable, error);
    }
}

/* Copies what reading needs from @report (on its thread) */
static Parse *
parse_new (DebriefReport *report, DebriefLogFormat format, GFile *file)
{
  Parse      *parse = g_new0 (Parse, 1);
  GListModel *timeline = debrief_report_get_timeline (report);
  gint64      started = debrief_report_get_started_at (report);
  g_autoptr (DebriefClock) clock = NULL;

  parse->zone = g_strdup (debrief_report_get_timezone (report));
  parse->format = format;
  if (file != NULL)
    parse->file_name = g_file_get_basename (file);

  for (guint i = 0; i < g_list_model_get_n_items (timeline); i++)
    {
      g_autoptr (DebriefTimelineEntry) entry = g_list_model_get_item (timeline, i);

      parse->taken_events |= 1u << debrief_timeline_entry_get_key_event (entry);
    }
  parse->taken_events &= ~(1u << DEBRIEF_KEY_EVENT_NONE);

  /* The start day: the incident's, else today, in the report's zone (or,
   * if that zone is unknown, in UTC: reading will refuse it anyway) */
  g_date_clear (&parse->start, 1);
  clock = _debrief_clock_new (parse->zone, NULL);
  if (clock == NULL)
    clock = _debrief_clock_new ("UTC", NULL);
  if (started != DEBRIEF_TIME_UNSET)
    {
      int y, m, d;

      _debrief_clock_day_of (clock, started, &y, &m, &d);
      g_date_set_dmy (&parse->start, d, m, y);
    }
  else
    {
      int y, m, d;

      _debrief_clock_get_day (clock, &y, &m, &d);
      g_date_set_dmy (&parse->start, d, m, y);
    }

  return parse;
}

static void
take_results (DebriefLogImport *self, Parse *parse)
{
  g_assert (DEBRIEF_IS_LOG_IMPORT (self));

  self->format = parse->detected;
  self->n_lines = parse->n_lines;
  self->start = parse->start;
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       parse->entries->pdata, parse->entries->len);
  g_list_store_splice (self->problems, 0, g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                       parse->problems->pdata, parse->problems->len);
}

static DebriefLogImport *
import_new (DebriefReport *report, GBytes *bytes, GFile *file, DebriefLogFormat format)
{
  DebriefLogImport *self = g_object_new (DEBRIEF_TYPE_LOG_IMPORT, NULL);

  self->report = g_object_ref (report);
  self->bytes = g_bytes_ref (bytes);
  self->requested = format;
  if (file != NULL)
    self->file_name = g_file_get_basename (file);

  return self;
}

static void
debrief_log_import_finalize (GObject *object)
{
  DebriefLogImport *self = (DebriefLogImport *) object;

  g_clear_object (&self->report);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_object (&self->entries);
  g_clear_object (&self->problems);

  G_OBJECT_CLASS (debrief_log_import_parent_class)->finalize (object);
}

static void
debrief_log_import_class_init (DebriefLogImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = debrief_log_import_finalize;
}

static void
debrief_log_import_init (DebriefLogImport *self)
{
  self->entries = g_list_store_new (DEBRIEF_TYPE_TIMELINE_ENTRY);
  self->problems = g_list_store_new (DEBRIEF_TYPE_LOG_PROBLEM);
  g_date_clear (&self->start, 1);
}

/**
 * debrief_log_import_new_from_bytes:
 * @report: the report the log is for: its zone, start and key events
 *   decide how the log is read
 * @bytes: the log
 * @format: its format, or %DEBRIEF_LOG_FORMAT_AUTO
 *
 * Reads a log into a preview; nothing is stored until
 * debrief_log_import_apply(). Lines that cannot be read are listed by
 * debrief_log_import_get_problems().
 *
 * Returns: (transfer full): the preview, or %NULL with @error set if the
 *   log cannot be read at all (too large, binary, a CSV file without the
 *   needed columns, JSON that is not a Slack export, a report zone that
 *   does not exist)
 */
DebriefLogImport *
debrief_log_import_new_from_bytes (DebriefReport   *report,
                                   GBytes          *bytes,
                                   DebriefLogFormat format,
                                   GError         **error)
{
  g_autoptr (DebriefLogImport) self = NULL;
  Parse *parse;

  g_return_val_if_fail (DEBRIEF_IS_REPORT (report), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  parse = parse_new (report, format, NULL);
  if (!parse_run (parse, bytes, NULL, error))
    {
      parse_free (parse);
      return NULL;
    }

  self = import_new (report, bytes, NULL, format);
  take_results (self, parse);
  parse_free (parse);

  return g_steal_pointer (&self);
}

/**
 * debrief_log_import_new_from_file:
 *
 * Like debrief_log_import_new_from_bytes(), for a file. Files larger than
 * %DEBRIEF_LOG_IMPORT_MAX_BYTES are refused before they are read.
 *
 * Returns: (transfer full): the preview, or %NULL with @error set
 */
DebriefLogImport *
debrief_log_import_new_from_file (DebriefReport   *report,
                                  GFile           *file,
                                  DebriefLogFormat format,
                                  GError         **error)
{
  g_autoptr (DebriefLogImport) self = NULL;
  g_autoptr (GBytes) bytes = NULL;
  Parse *parse;

  g_return_val_if_fail (DEBRIEF_IS_REPORT (report), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(bytes = debrief_file_read (file, DEBRIEF_LOG_IMPORT_MAX_BYTES, error)))
    return NULL;

  parse = parse_new (report, format, file);
  if (!parse_run (parse, bytes, NULL, error))
    {
      parse_free (parse);
      return NULL;
    }

  self = import_new (report, bytes, file, format);
  take_results (self, parse);
  parse_free (parse);

  return g_steal_pointer (&self);
}

typedef struct
{
  Parse  *parse;
  GFile  *file;
  GBytes *bytes;
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->parse, parse_free);
  g_clear_object (&job->file);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job);
}

static void
read_file_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job    *job = task_data;
  GError *error = NULL;

  if (!(job->bytes = debrief_file_read (job->file, DEBRIEF_LOG_IMPORT_MAX_BYTES, &error)) ||
      !parse_run (job->parse, job->bytes, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * debrief_log_import_new_from_file_async:
 *
 * Reads @file into a preview on a worker thread. The report is only
 * looked at before this returns.
 */
void
debrief_log_import_new_from_file_async (DebriefReport      *report,
                                        GFile              *file,
                                        DebriefLogFormat    format,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (DEBRIEF_IS_REPORT (report));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (Job, 1);
  job->parse = parse_new (report, format, file);
  job->file = g_object_ref (file);

  task = g_task_new (report, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_log_import_new_from_file_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, read_file_thread);
}

/**
 * debrief_log_import_new_from_file_finish:
 *
 * Returns: (transfer full): the preview, or %NULL with @error set
 */
DebriefLogImport *
debrief_log_import_new_from_file_finish (GAsyncResult *result, GError **error)
{
  DebriefLogImport *self;
  GTask            *task = G_TASK (result);
  Job              *job;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (task) == debrief_log_import_new_from_file_async,
                        NULL);

  if (!g_task_propagate_boolean (task, error))
    return NULL;

  job = g_task_get_task_data (task);
  self = import_new (g_task_get_source_object (task), job->bytes, job->file, job->parse->format);
  take_results (self, job->parse);

  return self;
}

/**
 * debrief_log_import_get_report:
 *
 * Returns: (transfer none): the report the entries are for
 */
DebriefReport *
debrief_log_import_get_report (DebriefLogImport *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_IMPORT (self), NULL);

  return self->report;
}

/**
 * debrief_log_import_get_format:
 *
 * Returns: the format the log was read as (never %DEBRIEF_LOG_FORMAT_AUTO)
 */
DebriefLogFormat
debrief_log_import_get_format (DebriefLogImport *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_IMPORT (self), DEBRIEF_LOG_FORMAT_TEXT);

  return self->format;
}

/**
 * debrief_log_import_get_entries:
 *
 * Returns: (transfer none): a #GListModel of the #DebriefTimelineEntry
 *   items the import adds, in the log's order
 */
GListModel *
debrief_log_import_get_entries (DebriefLogImport *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_IMPORT (self), NULL);

  return G_LIST_MODEL (self->entries);
}

/**
 * debrief_log_import_get_problems:
 *
 * Returns: (transfer none): a #GListModel of #DebriefLogProblem, one for
 *   each line that is left out or imported differently, in line order
 */
GListModel *
debrief_log_import_get_problems (DebriefLogImport *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_IMPORT (self), NULL);

  return G_LIST_MODEL (self->problems);
}

/**
 * debrief_log_import_get_n_lines:
 *
 * Returns: how many lines the log has
 */
guint
debrief_log_import_get_n_lines (DebriefLogImport *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_IMPORT (self), 0);

  return self->n_lines;
}

/**
 * debrief_log_import_get_start_date:
 * @date: (out caller-allocates): the day times without a date fall on
 *   until the log passes midnight
 */
void
debrief_log_import_get_start_date (DebriefLogImport *self, GDate *date)
{
  g_return_if_fail (DEBRIEF_IS_LOG_IMPORT (self));
  g_return_if_fail (date != NULL);

  *date = self->start;
}

/**
 * debrief_log_import_set_start_date:
 * @date: (nullable): the day the log starts on, or %NULL for the default
 *   (the day the incident started, else today, in the report's zone)
 *
 * Reads the log again from @date. On failure the preview is unchanged.
 */
gboolean
debrief_log_import_set_start_date (DebriefLogImport *self, const GDate *date, GError **error)
{
  Parse *parse;

  g_return_val_if_fail (DEBRIEF_IS_LOG_IMPORT (self), FALSE);
  g_return_val_if_fail (date == NULL || g_date_valid (date), FALSE);
  g_return_val_if_fail (!self->applied, FALSE);

  parse = parse_new (self->report, self->requested, NULL);
  parse->file_name = g_strdup (self->file_name);
  if (date != NULL)
    parse->start = *date;

  if (!parse_run (parse, self->bytes, NULL, error))
    {
      parse_free (parse);
      return FALSE;
    }

  take_results (self, parse);
  parse_free (parse);

  return TRUE;
}

gboolean
debrief_log_import_get_applied (DebriefLogImport *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LOG_IMPORT (self), FALSE);

  return self->applied;
}

/**
 * debrief_log_import_apply:
 *
 * Appends the entries to the report's timeline in one step: one change of
 * the timeline model and, in a library, one transaction. A key event that
 * was tagged in the report since the preview was made stays where it is;
 * the imported entry loses the tag.
 *
 * To undo, pass the returned array to
 * debrief_report_remove_timeline_entries().
 *
 * Returns: (transfer full) (element-type DebriefTimelineEntry): the entries
 *   added
 */
GPtrArray *
debrief_log_import_apply (DebriefLogImport *self)
{
  GListModel *model;
  GListModel *timeline;
  GPtrArray  *entries;
  guint       n;

  g_return_val_if_fail (DEBRIEF_IS_LOG_IMPORT (self), NULL);
  g_return_val_if_fail (!self->applied, NULL);
  g_return_val_if_fail (debrief_report_is_loaded (self->report), NULL);

  model = G_LIST_MODEL (self->entries);
  n = g_list_model_get_n_items (model);
  entries = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      DebriefTimelineEntry *entry = g_list_model_get_item (model, i);
      DebriefKeyEvent       key_event = debrief_timeline_entry_get_key_event (entry);

      if (key_event != DEBRIEF_KEY_EVENT_NONE &&
          debrief_report_find_key_event (self->report, key_event) != NULL)
        debrief_timeline_entry_set_key_event (entry, DEBRIEF_KEY_EVENT_NONE);
      g_ptr_array_add (entries, entry);
    }

  timeline = debrief_report_get_timeline (self->report);
  debrief_report_insert_timeline_entries (self->report, g_list_model_get_n_items (timeline),
                                          entries);
  self->applied = TRUE;

  return entries;
}
