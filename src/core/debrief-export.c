/* debrief-export.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "debrief-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <poppler.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "debrief-enum-types.h"
#include "debrief-error.h"
#include "debrief-export-private.h"
#include "debrief-export.h"
#include "debrief-file.h"
#include "debrief-json.h"
#include "debrief-metrics.h"
#include "debrief-text.h"
#include "debrief-time.h"

/* Exports take a snapshot of the report on the calling thread (the model
 * belongs to the main thread), then lay out, render and write on a worker
 * thread. */

struct _DebriefExportOptions
{
  GObject parent_instance;

  /* Owned */
  char               *profile;
  char               *classification;
  DebriefExportFormat format;
  DebriefPaper        paper;
  gint64              generated_at;
};

/* The caller's progress callback, shared by the job and the messages in
 * flight to the caller's thread. */
typedef struct
{
  gatomicrefcount       ref_count;
  DebriefExportProgress func;
  gpointer              data;
  GDestroyNotify        destroy;
} ProgressTarget;

typedef struct
{
  ProgressTarget *target;
  double          fraction;
} ProgressMessage;

struct _DebriefExportJob
{
  DebriefExportSnapshot *snapshot;
  GFile                 *file;
  GCancellable          *cancellable;
  GMainContext          *context;
  ProgressTarget        *target;
  gint64                 last_report;
  double                 last_fraction;
  char                  *missing;
};

typedef struct
{
  cairo_surface_t *surface;
  guint            n_pages;
} RenderedPage;

typedef struct
{
  GBytes *pdf;
  guint   page;
  double  scale;
} RenderRequest;

G_DEFINE_FINAL_TYPE (DebriefExportOptions, debrief_export_options, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_FORMAT,
  PROP_PROFILE,
  PROP_PAPER,
  PROP_CLASSIFICATION,
  PROP_GENERATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const option_fields[] = { "format",         "profile",      "paper",
                                             "classification", "generated-at", NULL };

static ProgressTarget *
progress_target_new (DebriefExportProgress func, gpointer data, GDestroyNotify destroy)
{
  ProgressTarget *target = g_new0 (ProgressTarget, 1);

  g_atomic_ref_count_init (&target->ref_count);
  target->func = func;
  target->data = data;
  target->destroy = destroy;

  return target;
}

static ProgressTarget *
progress_target_ref (ProgressTarget *target)
{
  g_atomic_ref_count_inc (&target->ref_count);
  return target;
}

static void
progress_target_unref (ProgressTarget *target)
{
  if (!g_atomic_ref_count_dec (&target->ref_count))
    return;

  if (target->destroy != NULL)
    target->destroy (target->data);
  g_free (target);
}

static gboolean
deliver_progress (gpointer user_data)
{
  ProgressMessage *message = user_data;

  message->target->func (message->fraction, message->target->data);

  return G_SOURCE_REMOVE;
}

static void
progress_message_free (gpointer user_data)
{
  ProgressMessage *message = user_data;

  progress_target_unref (message->target);
  g_free (message);
}

static void
export_entry_free (gpointer data)
{
  DebriefExportEntry *entry = data;

  g_free (entry->text);
  g_free (entry);
}

static void
export_section_free (gpointer data)
{
  DebriefExportSection *section = data;

  g_free (section->key);
  g_free (section->title);
  g_free (section->body);
  g_free (section);
}

static void
export_action_free (gpointer data)
{
  DebriefExportAction *action = data;

  g_free (action->description);
  g_free (action->owner);
  g_free (action->due);
  g_free (action->link);
  g_free (action);
}

void
_debrief_export_snapshot_free (DebriefExportSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_free (snapshot->title);
  g_clear_pointer (&snapshot->names, g_ptr_array_unref);
  g_free (snapshot->lead);
  g_free (snapshot->timezone);
  g_clear_pointer (&snapshot->tz, g_time_zone_unref);
  g_free (snapshot->classification);
  for (guint i = 0; i < DEBRIEF_N_METRICS; i++)
    {
      g_free (snapshot->metrics[i].label);
      g_free (snapshot->metrics[i].formula);
      g_free (snapshot->metrics[i].description);
    }
  g_clear_pointer (&snapshot->sections, g_ptr_array_unref);
  g_clear_pointer (&snapshot->entries, g_ptr_array_unref);
  g_clear_pointer (&snapshot->actions, g_ptr_array_unref);
  g_free (snapshot->json);
  g_free (snapshot);
}

static void
job_free (DebriefExportJob *job)
{
  g_clear_pointer (&job->snapshot, _debrief_export_snapshot_free);
  g_clear_object (&job->file);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_pointer (&job->target, progress_target_unref);
  g_free (job->missing);
  g_free (job);
}

/* Takes @missing: the characters of a PDF that no font has */
void
_debrief_export_job_set_missing (DebriefExportJob *job, char *missing)
{
  g_free (job->missing);
  job->missing = missing;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DebriefExportJob, job_free)

/**
 * _debrief_export_job_progress:
 * @fraction: from 0 to 1
 *
 * Tells the caller how far the export is, at most every 50 ms, and checks
 * whether it was cancelled.
 *
 * Returns: %FALSE with @error set if the export was cancelled
 */
gboolean
_debrief_export_job_progress (DebriefExportJob *job, double fraction, GError **error)
{
  gint64 now;

  if (job == NULL)
    return TRUE;

  if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
    return FALSE;

  if (job->target == NULL)
    return TRUE;

  fraction = CLAMP (fraction, 0.0, 1.0);
  now = g_get_monotonic_time ();
  if (fraction < 1.0 && (now - job->last_report < 50 * 1000 || fraction <= job->last_fraction))
    return TRUE;

  job->last_report = now;
  job->last_fraction = fraction;

  if (job->context == NULL)
    job->target->func (fraction, job->target->data);
  else
    {
      ProgressMessage *message = g_new0 (ProgressMessage, 1);
      GSource         *source = g_idle_source_new ();

      /* Always through the caller's main loop, never called from here
       * even when that context happens to be free */
      message->target = progress_target_ref (job->target);
      message->fraction = fraction;
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, deliver_progress, message, progress_message_free);
      g_source_set_static_name (source, "[debrief] export progress");
      g_source_attach (source, job->context);
      g_source_unref (source);
    }

  return TRUE;
}

/**
 * _debrief_export_format_time:
 *
 * Like debrief_time_format() in the report's zone, with the zone read
 * once for the whole export.
 *
 * Returns: (transfer full): e.g. "2026-12-04 14:02 CET", or "unknown"
 */
char *
_debrief_export_format_time (DebriefExportSnapshot *snapshot,
                             gint64                 utc,
                             DebriefTimePrecision   precision,
                             gboolean               with_date)
{
  g_autoptr (GDateTime) at_utc = NULL;
  g_autoptr (GDateTime) local = NULL;
  const char *format;

  if (utc == DEBRIEF_TIME_UNSET || precision == DEBRIEF_TIME_PRECISION_UNKNOWN ||
      !(at_utc = g_date_time_new_from_unix_utc (utc)))
    return g_strdup (_ ("unknown"));

  local = g_date_time_to_timezone (at_utc, snapshot->tz);

  switch (precision)
    {
      case DEBRIEF_TIME_PRECISION_DAY:
        format = "%Y-%m-%d";
        break;
      case DEBRIEF_TIME_PRECISION_SECOND:
        format = with_date ? "%Y-%m-%d %H:%M:%S %Z" : "%H:%M:%S %Z";
        break;
      case DEBRIEF_TIME_PRECISION_MINUTE:
      case DEBRIEF_TIME_PRECISION_UNKNOWN:
      default:
        format = with_date ? "%Y-%m-%d %H:%M %Z" : "%H:%M %Z";
        break;
    }

  return g_date_time_format (local, format);
}

/* Chat messages are imported as "name: text"; where the name ends */
static const char *
chat_author_end (const char *text)
{
  const char *colon = strstr (text, ": ");

  if (colon != NULL && colon > text && colon - text <= 64 &&
      memchr (text, '\n', colon - text) == NULL)
    return colon;

  return NULL;
}

/**
 * _debrief_export_duration_formula:
 *
 * Returns: how the incident's duration on the first page is computed
 */
const char *
_debrief_export_duration_formula (void)
{
  /* Translators: the formula of the incident's duration: its end minus
   * its start */
  return _ ("end − start");
}

/**
 * _debrief_export_chat_author:
 *
 * Returns: (transfer full) (nullable): the author of a chat message
 *   imported as "name: text"
 */
char *
_debrief_export_chat_author (const char *text)
{
  const char *end = chat_author_end (text);

  return end != NULL ? g_strndup (text, end - text) : NULL;
}

/**
 * _debrief_export_strip_chat_author:
 *
 * Chat messages are imported as "name: text"; drops the name.
 *
 * Returns: (transfer full): @text without a leading author
 */
char *
_debrief_export_strip_chat_author (const char *text)
{
  const char *end = chat_author_end (text);

  return g_strdup (end != NULL ? end + 2 : text);
}

static gint64
source_date_epoch (void)
{
  const char *value = g_getenv ("SOURCE_DATE_EPOCH");
  char       *end = NULL;
  gint64      epoch;

  if (value == NULL || *value == '\0')
    return DEBRIEF_TIME_UNSET;

  errno = 0;
  epoch = g_ascii_strtoll (value, &end, 10);
  if (errno != 0 || end == value || *end != '\0' || epoch < 0)
    return DEBRIEF_TIME_UNSET;

  return epoch;
}

/* Plain text (a title, an action item, a timeline entry) as the profile
 * shows it: without the names of people if it has none, and without
 * addresses if it has no links */
static char *
shown_text (DebriefExportSnapshot *snapshot, const char *text)
{
  g_autofree char *named = _debrief_export_remove_names (snapshot->names, text, -1);

  if (snapshot->profile->links)
    return g_steal_pointer (&named);

  return _debrief_export_remove_addresses (named);
}

static DebriefExportSnapshot *
snapshot_new (DebriefReport *report, DebriefExportOptions *options, GError **error)
{
  g_autoptr (DebriefExportSnapshot) snapshot = g_new0 (DebriefExportSnapshot, 1);
  g_autoptr (DebriefMetrics) metrics = NULL;
  const DebriefProfile *profile;
  GListModel           *list;
  guint                 n;

  g_assert (DEBRIEF_IS_REPORT (report));
  g_assert (DEBRIEF_IS_EXPORT_OPTIONS (options));

  if (!(profile = debrief_profile_lookup (options->profile, error)))
    return NULL;

  if (!debrief_report_ensure_loaded (report, error))
    return NULL;

  snapshot->profile = profile;
  snapshot->format = options->format;
  snapshot->paper = options->paper == DEBRIEF_PAPER_AUTO ? debrief_paper_from_locale ()
                                                         : options->paper;
  snapshot->generated_at = options->generated_at;
  if (snapshot->generated_at == DEBRIEF_TIME_UNSET)
    snapshot->generated_at = source_date_epoch ();
  if (snapshot->generated_at == DEBRIEF_TIME_UNSET)
    snapshot->generated_at = debrief_time_now ();

  if (options->format == DEBRIEF_EXPORT_FORMAT_JSON)
    {
      /* The JSON document is the lossless copy of a report: it cannot
       * leave out what a profile hides. */
      if (!debrief_profile_is_whole (profile))
        {
          g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE,
                       _ ("The JSON export always holds the whole report, so it cannot use the "
                          "“%s” profile. Export as PDF or Markdown, or use the full profile."),
                       profile->name);
          return NULL;
        }

      if (!(snapshot->json = debrief_json_export_report (report, &snapshot->json_length, error)))
        return NULL;

      return g_steal_pointer (&snapshot);
    }

  if (!profile->names && !(snapshot->names = _debrief_export_names_new (report, error)))
    return NULL;

  snapshot->title = shown_text (snapshot, debrief_report_get_title (report));
  snapshot->timezone = g_strdup (debrief_report_get_timezone (report));
  if (!(snapshot->tz = debrief_time_zone_new (snapshot->timezone, NULL)))
    snapshot->tz = g_time_zone_new_utc ();
  snapshot->classification = g_strdup (options->classification != NULL
                                           ? options->classification
                                           : debrief_report_get_classification (report));
  snapshot->status = debrief_report_get_status (report);
  snapshot->severity = debrief_report_get_severity (report);
  if (profile->names && (profile->rows & DEBRIEF_PROFILE_ROW_LEAD) != 0)
    snapshot->lead = g_strdup (debrief_report_get_lead (report));

  /* Metrics and key events */
  metrics = debrief_metrics_new (report);
  for (guint i = 0; i < DEBRIEF_N_KEY_EVENTS; i++)
    snapshot->event_at[i] = i == DEBRIEF_KEY_EVENT_NONE
                                ? DEBRIEF_TIME_UNSET
                                : debrief_metrics_get_event_time (metrics, i);
  for (guint i = 0; i < DEBRIEF_N_METRICS; i++)
    {
      DebriefExportMetric  *m = &snapshot->metrics[i];
      DebriefTimelineEntry *from = debrief_metrics_get_from_entry (metrics, i);
      DebriefTimelineEntry *to = debrief_metrics_get_to_entry (metrics, i);

      m->state = debrief_metrics_get (metrics, i, &m->seconds);
      m->label = g_strdup (debrief_metric_get_label (i));
      m->formula = g_strdup (debrief_metric_get_formula (i));
      m->description = debrief_metrics_describe (metrics, i);
      m->from_at = from ? debrief_timeline_entry_get_occurred_at (from) : DEBRIEF_TIME_UNSET;
      m->to_at = to ? debrief_timeline_entry_get_occurred_at (to) : DEBRIEF_TIME_UNSET;
    }
  snapshot->metrics_have_problems = debrief_metrics_has_problems (metrics);

  snapshot->started_at = snapshot->event_at[DEBRIEF_KEY_EVENT_STARTED];
  if (snapshot->started_at == DEBRIEF_TIME_UNSET)
    snapshot->started_at = debrief_report_get_started_at (report);
  snapshot->ended_at = snapshot->event_at[DEBRIEF_KEY_EVENT_RESOLVED];

  /* Sections */
  snapshot->sections = g_ptr_array_new_with_free_func (export_section_free);
  list = debrief_report_get_sections (report);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefSection) section = g_list_model_get_item (list, i);
      DebriefExportSection *copy;
      DebriefSectionExtent  extent;
      g_autofree char      *body = NULL;

      if (!debrief_profile_includes_section (profile, debrief_section_get_key (section), &extent))
        continue;

      copy = g_new0 (DebriefExportSection, 1);
      copy->key = g_strdup (debrief_section_get_key (section));
      copy->title = g_strdup (debrief_section_get_title (section));
      copy->extent = extent;
      if (extent == DEBRIEF_SECTION_FIRST_PARAGRAPH)
        body = _debrief_markdown_first_block (debrief_section_get_body (section));
      else
        body = g_strdup (debrief_section_get_body (section));
      /* Names are taken out of the text as it is read, not the Markdown */
      copy->body = g_steal_pointer (&body);
      g_ptr_array_add (snapshot->sections, copy);
    }

  /* Timeline */
  snapshot->entries = g_ptr_array_new_with_free_func (export_entry_free);
  snapshot->first_entry_at = DEBRIEF_TIME_UNSET;
  snapshot->last_entry_at = DEBRIEF_TIME_UNSET;
  list = debrief_report_get_timeline (report);
  n = profile->timeline != 0 ? g_list_model_get_n_items (list) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefTimelineEntry) entry = g_list_model_get_item (list, i);
      DebriefExportEntry *copy = g_new0 (DebriefExportEntry, 1);

      copy->at = debrief_timeline_entry_get_occurred_at (entry);
      copy->precision = debrief_timeline_entry_get_precision (entry);
      copy->kind = debrief_timeline_entry_get_kind (entry);
      copy->key_event = debrief_timeline_entry_get_key_event (entry);
      copy->source = debrief_timeline_entry_get_source (entry);

      /* Only the table shows what an entry says */
      if ((profile->timeline & DEBRIEF_PROFILE_TIMELINE_TABLE) != 0)
        {
          if (!profile->names)
            {
              g_autofree char *text = copy->source == DEBRIEF_ENTRY_SOURCE_CHAT
                                          ? _debrief_export_strip_chat_author (
                                                debrief_timeline_entry_get_text (entry))
                                          : g_strdup (debrief_timeline_entry_get_text (entry));

              copy->text = shown_text (snapshot, text);
            }
          else
            copy->text = shown_text (snapshot, debrief_timeline_entry_get_text (entry));
        }

      if (copy->at != DEBRIEF_TIME_UNSET && copy->precision != DEBRIEF_TIME_PRECISION_UNKNOWN)
        {
          if (snapshot->first_entry_at == DEBRIEF_TIME_UNSET ||
              copy->at < snapshot->first_entry_at)
            snapshot->first_entry_at = copy->at;
          if (snapshot->last_entry_at == DEBRIEF_TIME_UNSET || copy->at > snapshot->last_entry_at)
            snapshot->last_entry_at = copy->at;
        }

      g_ptr_array_add (snapshot->entries, copy);
    }

  /* Times carry their date when the incident runs over more than one day */
  {
    gint64 lo = snapshot->first_entry_at, hi = snapshot->last_entry_at;

    if (snapshot->started_at != DEBRIEF_TIME_UNSET)
      lo = lo == DEBRIEF_TIME_UNSET ? snapshot->started_at : MIN (lo, snapshot->started_at);
    if (snapshot->ended_at != DEBRIEF_TIME_UNSET)
      hi = hi == DEBRIEF_TIME_UNSET ? snapshot->ended_at : MAX (hi, snapshot->ended_at);

    if (lo != DEBRIEF_TIME_UNSET && hi != DEBRIEF_TIME_UNSET)
      {
        g_autofree char *a = _debrief_export_format_time (snapshot, lo, DEBRIEF_TIME_PRECISION_DAY,
                                                          TRUE);
        g_autofree char *b = _debrief_export_format_time (snapshot, hi, DEBRIEF_TIME_PRECISION_DAY,
                                                          TRUE);

        snapshot->spans_days = g_strcmp0 (a, b) != 0;
      }
  }

  /* Action items */
  snapshot->actions = g_ptr_array_new_with_free_func (export_action_free);
  list = debrief_report_get_actions (report);
  n = profile->action_columns != 0 ? g_list_model_get_n_items (list) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefActionItem) item = g_list_model_get_item (list, i);
      DebriefExportAction *copy = g_new0 (DebriefExportAction, 1);
      DebriefActionColumns columns = profile->action_columns;

      copy->description = shown_text (snapshot, debrief_action_item_get_description (item));
      if (profile->names && (columns & DEBRIEF_ACTION_COLUMN_OWNER) != 0)
        copy->owner = g_strdup (debrief_action_item_get_owner (item));
      if ((columns & DEBRIEF_ACTION_COLUMN_DUE) != 0)
        copy->due = g_strdup (debrief_action_item_get_due (item));
      if (profile->links && (columns & DEBRIEF_ACTION_COLUMN_LINK) != 0)
        copy->link = g_strdup (debrief_action_item_get_link (item));
      copy->status = debrief_action_item_get_status (item);
      copy->type = debrief_action_item_get_action_type (item);
      g_ptr_array_add (snapshot->actions, copy);
    }

  return g_steal_pointer (&snapshot);
}

static DebriefExportJob *
job_new (DebriefReport        *report,
         DebriefExportOptions *options,
         GFile                *file,
         GCancellable         *cancellable,
         gboolean              async,
         DebriefExportProgress progress,
         gpointer              progress_data,
         GDestroyNotify        progress_data_destroy,
         GError              **error)
{
  g_autoptr (DebriefExportJob) job = g_new0 (DebriefExportJob, 1);

  if (progress != NULL)
    job->target = progress_target_new (progress, progress_data, progress_data_destroy);
  else if (progress_data_destroy != NULL)
    progress_data_destroy (progress_data);

  if (!(job->snapshot = snapshot_new (report, options, error)))
    return NULL;

  g_set_object (&job->file, file);
  g_set_object (&job->cancellable, cancellable);
  if (async)
    job->context = g_main_context_ref_thread_default ();
  job->last_fraction = -1.0;

  return g_steal_pointer (&job);
}

static GBytes *
job_render (DebriefExportJob *job, GError **error)
{
  DebriefExportSnapshot *snapshot = job->snapshot;
  GBytes                *bytes = NULL;

  if (!_debrief_export_job_progress (job, 0.0, error))
    return NULL;

  switch (snapshot->format)
    {
      case DEBRIEF_EXPORT_FORMAT_PDF:
        bytes = _debrief_pdf_render (snapshot, job, error);
        break;
      case DEBRIEF_EXPORT_FORMAT_MARKDOWN:
        bytes = _debrief_markdown_render (snapshot, job, error);
        break;
      case DEBRIEF_EXPORT_FORMAT_JSON:
        bytes = g_bytes_new (snapshot->json, snapshot->json_length);
        break;
      default:
        g_assert_not_reached ();
    }

  return bytes;
}

static gboolean
job_run (DebriefExportJob *job, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  gsize         length;
  gconstpointer data;

  if (!(bytes = job_render (job, error)))
    return FALSE;

  /* The last moment to cancel: once written, the file is there */
  if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  if (!debrief_file_write_atomic (job->file, data, length, error))
    return FALSE;

  return _debrief_export_job_progress (job, 1.0, NULL);
}

static void
export_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  DebriefExportJob *job = task_data;
  GError           *error = NULL;

  if (job->file != NULL)
    {
      if (job_run (job, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
    }
  else
    {
      GBytes *bytes = job_render (job, &error);

      if (bytes != NULL && _debrief_export_job_progress (job, 1.0, &error))
        g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
      else
        {
          g_clear_pointer (&bytes, g_bytes_unref);
          g_task_return_error (task, error);
        }
    }

  /* Drop the snapshot on the worker: it may be large */
  g_clear_pointer (&job->snapshot, _debrief_export_snapshot_free);
}

static void
start_task (DebriefReport        *report,
            DebriefExportOptions *options,
            GFile                *file,
            GCancellable         *cancellable,
            DebriefExportProgress progress,
            gpointer              progress_data,
            GDestroyNotify        progress_data_destroy,
            GAsyncReadyCallback   callback,
            gpointer              user_data,
            gpointer              source_tag)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  DebriefExportJob *job;

  task = g_task_new (report, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_return_on_cancel (task, FALSE);
  /* A file written before a late cancel is there: report what happened */
  g_task_set_check_cancellable (task, FALSE);

  job = job_new (report, options, file, cancellable, TRUE, progress, progress_data,
                 progress_data_destroy, &error);
  if (job == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
render_page_free (RenderedPage *rendered)
{
  g_clear_pointer (&rendered->surface, cairo_surface_destroy);
  g_free (rendered);
}

static void
render_request_free (RenderRequest *request)
{
  g_clear_pointer (&request->pdf, g_bytes_unref);
  g_free (request);
}

static void
render_page_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  RenderRequest *request = task_data;
  RenderedPage  *rendered = g_new0 (RenderedPage, 1);
  GError        *error = NULL;

  rendered->surface = debrief_export_render_page (request->pdf, request->page, request->scale,
                                                  &rendered->n_pages, cancellable, &error);
  if (rendered->surface == NULL)
    {
      render_page_free (rendered);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, rendered, (GDestroyNotify) render_page_free);
}

static void
debrief_export_options_finalize (GObject *object)
{
  DebriefExportOptions *self = (DebriefExportOptions *) object;

  g_clear_pointer (&self->profile, g_free);
  g_clear_pointer (&self->classification, g_free);

  G_OBJECT_CLASS (debrief_export_options_parent_class)->finalize (object);
}

static void
debrief_export_options_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DebriefExportOptions *self = DEBRIEF_EXPORT_OPTIONS (object);

  switch (prop_id)
    {
      case PROP_FORMAT:
        g_value_set_enum (value, self->format);
        break;
      case PROP_PROFILE:
        g_value_set_string (value, self->profile);
        break;
      case PROP_PAPER:
        g_value_set_enum (value, self->paper);
        break;
      case PROP_CLASSIFICATION:
        g_value_set_string (value, self->classification);
        break;
      case PROP_GENERATED_AT:
        g_value_set_int64 (value, self->generated_at);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_export_options_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DebriefExportOptions *self = DEBRIEF_EXPORT_OPTIONS (object);
  g_autoptr (GError) error = NULL;

  switch (prop_id)
    {
      case PROP_FORMAT:
        debrief_export_options_set_format (self, g_value_get_enum (value));
        break;
      case PROP_PROFILE:
        if (!debrief_export_options_set_profile (self, g_value_get_string (value), &error))
          g_critical ("%s", error->message);
        break;
      case PROP_PAPER:
        debrief_export_options_set_paper (self, g_value_get_enum (value));
        break;
      case PROP_CLASSIFICATION:
        debrief_export_options_set_classification (self, g_value_get_string (value));
        break;
      case PROP_GENERATED_AT:
        debrief_export_options_set_generated_at (self, g_value_get_int64 (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_export_options_class_init (DebriefExportOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = debrief_export_options_finalize;
  object_class->get_property = debrief_export_options_get_property;
  object_class->set_property = debrief_export_options_set_property;

  properties[PROP_FORMAT] = g_param_spec_enum ("format", NULL, NULL, DEBRIEF_TYPE_EXPORT_FORMAT,
                                               DEBRIEF_EXPORT_FORMAT_PDF, rw);
  properties[PROP_PROFILE] = g_param_spec_string ("profile", NULL, NULL, "full", rw);
  properties[PROP_PAPER] = g_param_spec_enum ("paper", NULL, NULL, DEBRIEF_TYPE_PAPER,
                                              DEBRIEF_PAPER_AUTO, rw);
  properties[PROP_CLASSIFICATION] = g_param_spec_string ("classification", NULL, NULL, NULL, rw);
  properties[PROP_GENERATED_AT] = g_param_spec_int64 ("generated-at", NULL, NULL, G_MININT64,
                                                      G_MAXINT64, DEBRIEF_TIME_UNSET, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
debrief_export_options_init (DebriefExportOptions *self)
{
  self->profile = g_strdup ("full");
  self->format = DEBRIEF_EXPORT_FORMAT_PDF;
  self->paper = DEBRIEF_PAPER_AUTO;
  self->generated_at = DEBRIEF_TIME_UNSET;
}

/**
 * debrief_export_options_new:
 *
 * Options for a PDF of the full report on the locale's paper, generated
 * now (or at `SOURCE_DATE_EPOCH` when that is set).
 *
 * Returns: (transfer full): new options
 */
DebriefExportOptions *
debrief_export_options_new (void)
{
  return g_object_new (DEBRIEF_TYPE_EXPORT_OPTIONS, NULL);
}

/**
 * debrief_export_options_copy:
 *
 * Returns: (transfer full): a copy of @self
 */
DebriefExportOptions *
debrief_export_options_copy (DebriefExportOptions *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EXPORT_OPTIONS (self), NULL);

  return g_object_new (DEBRIEF_TYPE_EXPORT_OPTIONS, "format", self->format, "profile",
                       self->profile, "paper", self->paper, "classification", self->classification,
                       "generated-at", self->generated_at, NULL);
}

DebriefExportFormat
debrief_export_options_get_format (DebriefExportOptions *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EXPORT_OPTIONS (self), 0);

  return self->format;
}

void
debrief_export_options_set_format (DebriefExportOptions *self, DebriefExportFormat format)
{
  g_return_if_fail (DEBRIEF_IS_EXPORT_OPTIONS (self));
  g_return_if_fail (format <= DEBRIEF_EXPORT_FORMAT_JSON);

  if (self->format == format)
    return;

  self->format = format;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
}

const char *
debrief_export_options_get_profile (DebriefExportOptions *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EXPORT_OPTIONS (self), NULL);

  return self->profile;
}

/**
 * debrief_export_options_set_profile:
 * @profile: the name of a profile (see debrief_profile_get_all())
 *
 * Returns: %FALSE with @error set if there is no such profile
 */
gboolean
debrief_export_options_set_profile (DebriefExportOptions *self,
                                    const char           *profile,
                                    GError              **error)
{
  const DebriefProfile *found;

  g_return_val_if_fail (DEBRIEF_IS_EXPORT_OPTIONS (self), FALSE);

  if (!(found = debrief_profile_lookup (profile, error)))
    return FALSE;

  if (g_strcmp0 (found->name, self->profile) == 0)
    return TRUE;

  g_free (self->profile);
  self->profile = g_strdup (found->name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);

  return TRUE;
}

DebriefPaper
debrief_export_options_get_paper (DebriefExportOptions *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EXPORT_OPTIONS (self), 0);

  return self->paper;
}

void
debrief_export_options_set_paper (DebriefExportOptions *self, DebriefPaper paper)
{
  g_return_if_fail (DEBRIEF_IS_EXPORT_OPTIONS (self));
  g_return_if_fail (paper <= DEBRIEF_PAPER_LETTER);

  if (self->paper == paper)
    return;

  self->paper = paper;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAPER]);
}

/**
 * debrief_export_options_get_classification:
 *
 * Returns: (nullable): the marking that replaces the report's own
 *   classification, or %NULL to use the report's
 */
const char *
debrief_export_options_get_classification (DebriefExportOptions *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EXPORT_OPTIONS (self), NULL);

  return self->classification;
}

void
debrief_export_options_set_classification (DebriefExportOptions *self, const char *classification)
{
  g_return_if_fail (DEBRIEF_IS_EXPORT_OPTIONS (self));
  g_return_if_fail (classification == NULL || g_utf8_validate (classification, -1, NULL));

  if (classification != NULL && *classification == '\0')
    classification = NULL;

  if (g_strcmp0 (classification, self->classification) == 0)
    return;

  g_free (self->classification);
  self->classification = g_strdup (classification);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLASSIFICATION]);
}

/**
 * debrief_export_options_get_generated_at:
 *
 * Returns: the time printed as the generation time and stored as the
 *   PDF's creation date, or %DEBRIEF_TIME_UNSET for `SOURCE_DATE_EPOCH`
 *   when that is set and the time of the export otherwise
 */
gint64
debrief_export_options_get_generated_at (DebriefExportOptions *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EXPORT_OPTIONS (self), DEBRIEF_TIME_UNSET);

  return self->generated_at;
}

void
debrief_export_options_set_generated_at (DebriefExportOptions *self, gint64 generated_at)
{
  g_return_if_fail (DEBRIEF_IS_EXPORT_OPTIONS (self));

  if (self->generated_at == generated_at)
    return;

  self->generated_at = generated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENERATED_AT]);
}

/**
 * debrief_export_options_set_field:
 * @field: "format" (pdf, md, json), "profile", "paper" (auto, a4, letter),
 *   "classification" or "generated-at" (a date and time)
 *
 * Sets an option from text given by a user or a script, checking it.
 */
gboolean
debrief_export_options_set_field (DebriefExportOptions *self,
                                  const char           *field,
                                  const char           *value,
                                  GError              **error)
{
  int v;

  g_return_val_if_fail (DEBRIEF_IS_EXPORT_OPTIONS (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (g_str_equal (field, "format"))
    {
      if (g_strcmp0 (value, "markdown") == 0)
        value = "md";
      if (!debrief_enum_from_nick (DEBRIEF_TYPE_EXPORT_FORMAT, value, &v, error))
        return FALSE;
      debrief_export_options_set_format (self, v);
    }
  else if (g_str_equal (field, "profile"))
    return debrief_export_options_set_profile (self, value, error);
  else if (g_str_equal (field, "paper"))
    {
      if (!debrief_enum_from_nick (DEBRIEF_TYPE_PAPER, value, &v, error))
        return FALSE;
      debrief_export_options_set_paper (self, v);
    }
  else if (g_str_equal (field, "classification"))
    {
      if (value != NULL && !debrief_text_validate (value, -1, DEBRIEF_MAX_LINE_BYTES, FALSE,
                                                   _ ("The classification"), error))
        return FALSE;
      debrief_export_options_set_classification (self, value);
    }
  else if (g_str_equal (field, "generated-at"))
    {
      gint64 utc;

      if (value == NULL || *value == '\0')
        utc = DEBRIEF_TIME_UNSET;
      else if (!debrief_time_parse (value, "UTC", &utc, NULL, error))
        return FALSE;
      debrief_export_options_set_generated_at (self, utc);
    }
  else
    {
      g_autofree char *accepted = g_strjoinv (", ", (char **) option_fields);

      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_VALUE,
                   _ ("An export has no option “%s”. Use one of: %s."),
                   g_utf8_validate (field, -1, NULL) ? field : "?", accepted);
      return FALSE;
    }

  return TRUE;
}

/**
 * debrief_paper_from_locale:
 *
 * The paper size of the user's locale, from `LC_PAPER` (or `LC_ALL`,
 * `LANG`): US Letter where the locale uses it, A4 everywhere else.
 *
 * Returns: %DEBRIEF_PAPER_A4 or %DEBRIEF_PAPER_LETTER
 */
DebriefPaper
debrief_paper_from_locale (void)
{
  locale_t locale = newlocale (LC_PAPER_MASK, "", (locale_t) 0);
  int      width_mm;

  if (locale == (locale_t) 0)
    return DEBRIEF_PAPER_A4;

  width_mm = (int) (intptr_t) nl_langinfo_l (_NL_PAPER_WIDTH, locale);
  freelocale (locale);

  return width_mm == 216 ? DEBRIEF_PAPER_LETTER : DEBRIEF_PAPER_A4;
}

/**
 * debrief_paper_get_size:
 * @width: (out): the width in points
 * @height: (out): the height in points
 */
void
debrief_paper_get_size (DebriefPaper paper, double *width, double *height)
{
  if (paper == DEBRIEF_PAPER_AUTO)
    paper = debrief_paper_from_locale ();

  if (paper == DEBRIEF_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 210.0 / 25.4 * 72.0;
      *height = 297.0 / 25.4 * 72.0;
    }
}

/**
 * debrief_export_format_get_extension:
 *
 * Returns: the file name extension for @format, e.g. "pdf"
 */
const char *
debrief_export_format_get_extension (DebriefExportFormat format)
{
  switch (format)
    {
      case DEBRIEF_EXPORT_FORMAT_PDF:
        return "pdf";
      case DEBRIEF_EXPORT_FORMAT_MARKDOWN:
        return "md";
      case DEBRIEF_EXPORT_FORMAT_JSON:
        return "json";
      default:
        g_return_val_if_reached (NULL);
    }
}

/**
 * debrief_export_format_get_content_type:
 *
 * Returns: the MIME type of @format, e.g. "application/pdf"
 */
const char *
debrief_export_format_get_content_type (DebriefExportFormat format)
{
  switch (format)
    {
      case DEBRIEF_EXPORT_FORMAT_PDF:
        return "application/pdf";
      case DEBRIEF_EXPORT_FORMAT_MARKDOWN:
        return "text/markdown";
      case DEBRIEF_EXPORT_FORMAT_JSON:
        return "application/json";
      default:
        g_return_val_if_reached (NULL);
    }
}

/**
 * debrief_export_async:
 * @file: where to write; replaced only once the export is complete
 * @progress: (nullable): told how far the export is, on this thread
 *
 * Exports @report as @options say. The report is read on this thread and
 * laid out and written on a worker thread, so the report may be edited
 * meanwhile: the export shows it as it was when this was called. On
 * failure (a full disk, a read-only folder, cancellation) @file is left
 * as it was and no partial file remains.
 */
void
debrief_export_async (DebriefReport        *report,
                      DebriefExportOptions *options,
                      GFile                *file,
                      GCancellable         *cancellable,
                      DebriefExportProgress progress,
                      gpointer              progress_data,
                      GDestroyNotify        progress_data_destroy,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data)
{
  g_return_if_fail (DEBRIEF_IS_REPORT (report));
  g_return_if_fail (DEBRIEF_IS_EXPORT_OPTIONS (options));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_task (report, options, file, cancellable, progress, progress_data, progress_data_destroy,
              callback, user_data, debrief_export_async);
}

gboolean
debrief_export_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == debrief_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * debrief_export_get_missing_characters:
 * @result: the result of debrief_export_async() or
 *   debrief_export_to_bytes_async(), once finished
 *
 * Returns: (transfer full) (nullable): the characters of the PDF that no
 *   font on this computer has, so that they are drawn as boxes, in code
 *   point order; %NULL if there are none or the export failed
 */
char *
debrief_export_get_missing_characters (GAsyncResult *result)
{
  DebriefExportJob *job;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == debrief_export_async ||
                            g_task_get_source_tag (G_TASK (result)) ==
                                debrief_export_to_bytes_async,
                        NULL);

  job = g_task_get_task_data (G_TASK (result));
  return job != NULL && !g_task_had_error (G_TASK (result)) ? g_strdup (job->missing) : NULL;
}

/**
 * debrief_export_describe_missing_characters:
 * @missing: what debrief_export_get_missing_characters() returned
 *
 * Returns: (transfer full): a sentence for the user naming the characters
 *   by code point (they have no font to show them by), the first 8 of them
 */
char *
debrief_export_describe_missing_characters (const char *missing)
{
  g_autoptr (GString) names = g_string_new (NULL);
  glong n, shown = 0;

  g_return_val_if_fail (missing != NULL && g_utf8_validate (missing, -1, NULL), NULL);

  n = g_utf8_strlen (missing, -1);
  for (const char *p = missing; *p != '\0' && shown < 8; p = g_utf8_next_char (p), shown++)
    g_string_append_printf (names, "%sU+%04X", shown > 0 ? ", " : "", g_utf8_get_char (p));
  if (n > shown)
    g_string_append_printf (
        names,
        /* Translators: after a list of characters, e.g. "U+1F525, U+2705
                             * and 3 more" */
        g_dngettext (GETTEXT_PACKAGE, " and %ld more", " and %ld more", (gulong) (n - shown)),
        n - shown);

  return g_strdup_printf (
      /* Translators: %s lists characters by code point, e.g. "U+1F525, U+2705" */
      g_dngettext (GETTEXT_PACKAGE,
                   "A character has no font on this computer and shows as a box in the PDF: "
                   "%s. Install a font that has it (for emoji, Noto Color Emoji).",
                   "Some characters have no font on this computer and show as boxes in the "
                   "PDF: %s. Install a font that has them (for emoji, Noto Color Emoji).",
                   (gulong) n),
      names->str);
}

/**
 * debrief_export_to_file_full:
 * @missing_characters: (out) (optional) (nullable): see
 *   debrief_export_get_missing_characters()
 *
 * Exports @report into @file on this thread; see debrief_export_async().
 */
gboolean
debrief_export_to_file_full (DebriefReport        *report,
                             DebriefExportOptions *options,
                             GFile                *file,
                             GCancellable         *cancellable,
                             char                **missing_characters,
                             GError              **error)
{
  g_autoptr (DebriefExportJob) job = NULL;

  g_return_val_if_fail (DEBRIEF_IS_REPORT (report), FALSE);
  g_return_val_if_fail (DEBRIEF_IS_EXPORT_OPTIONS (options), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (missing_characters != NULL)
    *missing_characters = NULL;
  if (!(job = job_new (report, options, file, cancellable, FALSE, NULL, NULL, NULL, error)) ||
      !job_run (job, error))
    return FALSE;

  if (missing_characters != NULL)
    *missing_characters = g_steal_pointer (&job->missing);
  return TRUE;
}

/**
 * debrief_export_to_file:
 *
 * Exports @report into @file on this thread; see debrief_export_async().
 */
gboolean
debrief_export_to_file (DebriefReport        *report,
                        DebriefExportOptions *options,
                        GFile                *file,
                        GCancellable         *cancellable,
                        GError              **error)
{
  return debrief_export_to_file_full (report, options, file, cancellable, NULL, error);
}

/**
 * debrief_export_to_bytes_async:
 *
 * Like debrief_export_async(), but gives the document in memory, e.g. for
 * a preview with debrief_export_render_page_async().
 */
void
debrief_export_to_bytes_async (DebriefReport        *report,
                               DebriefExportOptions *options,
                               GCancellable         *cancellable,
                               DebriefExportProgress progress,
                               gpointer              progress_data,
                               GDestroyNotify        progress_data_destroy,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  g_return_if_fail (DEBRIEF_IS_REPORT (report));
  g_return_if_fail (DEBRIEF_IS_EXPORT_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_task (report, options, NULL, cancellable, progress, progress_data, progress_data_destroy,
              callback, user_data, debrief_export_to_bytes_async);
}

/**
 * debrief_export_to_bytes_finish:
 *
 * Returns: (transfer full): the exported document, or %NULL with @error set
 */
GBytes *
debrief_export_to_bytes_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == debrief_export_to_bytes_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * debrief_export_to_bytes:
 *
 * Returns: (transfer full): the exported document, or %NULL with @error set
 */
GBytes *
debrief_export_to_bytes (DebriefReport        *report,
                         DebriefExportOptions *options,
                         GCancellable         *cancellable,
                         GError              **error)
{
  return debrief_export_to_bytes_full (report, options, cancellable, NULL, error);
}

/**
 * debrief_export_to_bytes_full:
 * @missing_characters: (out) (optional) (nullable): see
 *   debrief_export_get_missing_characters()
 *
 * Returns: (transfer full): the exported document, or %NULL with @error set
 */
GBytes *
debrief_export_to_bytes_full (DebriefReport        *report,
                              DebriefExportOptions *options,
                              GCancellable         *cancellable,
                              char                **missing_characters,
                              GError              **error)
{
  g_autoptr (DebriefExportJob) job = NULL;
  GBytes *bytes;

  g_return_val_if_fail (DEBRIEF_IS_REPORT (report), NULL);
  g_return_val_if_fail (DEBRIEF_IS_EXPORT_OPTIONS (options), NULL);

  if (missing_characters != NULL)
    *missing_characters = NULL;
  if (!(job = job_new (report, options, NULL, cancellable, FALSE, NULL, NULL, NULL, error)) ||
      !(bytes = job_render (job, error)))
    return NULL;

  if (missing_characters != NULL)
    *missing_characters = g_steal_pointer (&job->missing);
  return bytes;
}

/**
 * debrief_export_render_page:
 * @pdf: a PDF document, e.g. from debrief_export_to_bytes()
 * @page: the index of the page, from 0
 * @scale: pixels per point (1.0 is 72 dpi)
 * @n_pages: (out) (optional): the number of pages of the document
 *
 * Renders a page of @pdf with poppler onto a white image.
 *
 * Returns: (transfer full): an image surface, or %NULL with @error set
 */
cairo_surface_t *
debrief_export_render_page (GBytes       *pdf,
                            guint         page,
                            double        scale,
                            guint        *n_pages,
                            GCancellable *cancellable,
                            GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  PopplerDocument *document;
  PopplerPage     *ppage;
  cairo_surface_t *surface;
  cairo_t         *cr;
  double           width, height;
  int              count;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (scale > 0.0, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!(document = poppler_document_new_from_bytes (pdf, NULL, &local_error)))
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_INVALID_FORMAT,
                   _ ("The document cannot be shown: %s"), local_error->message);
      return NULL;
    }

  count = poppler_document_get_n_pages (document);
  if (n_pages != NULL)
    *n_pages = (guint) MAX (count, 0);

  if ((int) page >= count)
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_NOT_FOUND,
                   _ ("The document has %d pages; there is no page %u."), count, page + 1);
      g_object_unref (document);
      return NULL;
    }

  ppage = poppler_document_get_page (document, (int) page);
  poppler_page_get_size (ppage, &width, &height);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                        (int) ceil (height * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (ppage, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_object_unref (ppage);
  g_object_unref (document);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, DEBRIEF_ERROR, DEBRIEF_ERROR_FAILED, _ ("The page cannot be shown: %s"),
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }

  return surface;
}

/**
 * debrief_export_render_page_async:
 *
 * Renders a page of @pdf on a worker thread; see
 * debrief_export_render_page().
 */
void
debrief_export_render_page_async (GBytes             *pdf,
                                  guint               page,
                                  double              scale,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  RenderRequest *request;

  g_return_if_fail (pdf != NULL);
  g_return_if_fail (scale > 0.0);

  request = g_new0 (RenderRequest, 1);
  request->pdf = g_bytes_ref (pdf);
  request->page = page;
  request->scale = scale;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_export_render_page_async);
  g_task_set_task_data (task, request, (GDestroyNotify) render_request_free);
  g_task_run_in_thread (task, render_page_thread);
}

/**
 * debrief_export_render_page_finish:
 * @n_pages: (out) (optional): the number of pages of the document
 *
 * Returns: (transfer full): an image surface, or %NULL with @error set
 */
cairo_surface_t *
debrief_export_render_page_finish (GAsyncResult *result, guint *n_pages, GError **error)
{
  RenderedPage    *rendered;
  cairo_surface_t *surface;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (
      g_task_get_source_tag (G_TASK (result)) == debrief_export_render_page_async, NULL);

  if (!(rendered = g_task_propagate_pointer (G_TASK (result), error)))
    return NULL;

  if (n_pages != NULL)
    *n_pages = rendered->n_pages;
  surface = g_steal_pointer (&rendered->surface);
  render_page_free (rendered);

  return surface;
}
