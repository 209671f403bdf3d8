/* debrief-enums.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  DEBRIEF_STATUS_DRAFT,     /*< nick=draft >*/
  DEBRIEF_STATUS_IN_REVIEW, /*< nick=in-review >*/
  DEBRIEF_STATUS_FINAL,     /*< nick=final >*/
} DebriefStatus;

typedef enum
{
  DEBRIEF_SEVERITY_SEV1, /*< nick=sev1 >*/
  DEBRIEF_SEVERITY_SEV2, /*< nick=sev2 >*/
  DEBRIEF_SEVERITY_SEV3, /*< nick=sev3 >*/
  DEBRIEF_SEVERITY_SEV4, /*< nick=sev4 >*/
} DebriefSeverity;

typedef enum
{
  DEBRIEF_ACTION_STATUS_OPEN,        /*< nick=open >*/
  DEBRIEF_ACTION_STATUS_IN_PROGRESS, /*< nick=in-progress >*/
  DEBRIEF_ACTION_STATUS_DONE,        /*< nick=done >*/
  DEBRIEF_ACTION_STATUS_WONT_DO,     /*< nick=wont-do >*/
} DebriefActionStatus;

typedef enum
{
  DEBRIEF_ACTION_TYPE_PREVENT,  /*< nick=prevent >*/
  DEBRIEF_ACTION_TYPE_DETECT,   /*< nick=detect >*/
  DEBRIEF_ACTION_TYPE_MITIGATE, /*< nick=mitigate >*/
  DEBRIEF_ACTION_TYPE_PROCESS,  /*< nick=process >*/
} DebriefActionType;

typedef enum
{
  DEBRIEF_ENTRY_KIND_OBSERVATION,   /*< nick=observation >*/
  DEBRIEF_ENTRY_KIND_ACTION,        /*< nick=action >*/
  DEBRIEF_ENTRY_KIND_DECISION,      /*< nick=decision >*/
  DEBRIEF_ENTRY_KIND_HYPOTHESIS,    /*< nick=hypothesis >*/
  DEBRIEF_ENTRY_KIND_COMMUNICATION, /*< nick=communication >*/
} DebriefEntryKind;

typedef enum
{
  DEBRIEF_KEY_EVENT_NONE,         /*< nick=none >*/
  DEBRIEF_KEY_EVENT_STARTED,      /*< nick=started >*/
  DEBRIEF_KEY_EVENT_DETECTED,     /*< nick=detected >*/
  DEBRIEF_KEY_EVENT_ACKNOWLEDGED, /*< nick=acknowledged >*/
  DEBRIEF_KEY_EVENT_MITIGATED,    /*< nick=mitigated >*/
  DEBRIEF_KEY_EVENT_RESOLVED,     /*< nick=resolved >*/
} DebriefKeyEvent;

typedef enum
{
  DEBRIEF_TIME_PRECISION_UNKNOWN, /*< nick=unknown >*/
  DEBRIEF_TIME_PRECISION_DAY,     /*< nick=day >*/
  DEBRIEF_TIME_PRECISION_MINUTE,  /*< nick=minute >*/
  DEBRIEF_TIME_PRECISION_SECOND,  /*< nick=second >*/
} DebriefTimePrecision;

typedef enum
{
  DEBRIEF_ENTRY_SOURCE_TYPED, /*< nick=typed >*/
  DEBRIEF_ENTRY_SOURCE_LOG,   /*< nick=log >*/
  DEBRIEF_ENTRY_SOURCE_CHAT,  /*< nick=chat >*/
} DebriefEntrySource;

typedef enum
{
  DEBRIEF_EVIDENCE_KIND_IMAGE, /*< nick=image >*/
  DEBRIEF_EVIDENCE_KIND_TEXT,  /*< nick=text >*/
  DEBRIEF_EVIDENCE_KIND_PDF,   /*< nick=pdf >*/
  DEBRIEF_EVIDENCE_KIND_OTHER, /*< nick=other >*/
} DebriefEvidenceKind;

typedef enum
{
  DEBRIEF_EVIDENCE_ORIGIN_FILE,       /*< nick=file >*/
  DEBRIEF_EVIDENCE_ORIGIN_PASTE,      /*< nick=paste >*/
  DEBRIEF_EVIDENCE_ORIGIN_SCREENSHOT, /*< nick=screenshot >*/
} DebriefEvidenceOrigin;

typedef enum
{
  DEBRIEF_ANCHOR_REPORT,         /*< nick=report >*/
  DEBRIEF_ANCHOR_SECTION,        /*< nick=section >*/
  DEBRIEF_ANCHOR_TIMELINE_ENTRY, /*< nick=timeline-entry >*/
  DEBRIEF_ANCHOR_EVIDENCE,       /*< nick=evidence >*/
  DEBRIEF_ANCHOR_TEXT_RANGE,     /*< nick=text-range >*/
} DebriefAnchorKind;

const char *debrief_enum_to_nick (GType enum_type, int value);
gboolean    debrief_enum_from_nick (GType enum_type, const char *nick, int *value, GError **error);
const char *debrief_enum_get_label (GType enum_type, int value);
char       *debrief_enum_list_nicks (GType enum_type);

G_END_DECLS
