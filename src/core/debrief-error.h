/* debrief-error.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DEBRIEF_ERROR (debrief_error_quark ())

/**
 * DebriefError:
 * @DEBRIEF_ERROR_FAILED: something went wrong that has no more specific code
 * @DEBRIEF_ERROR_NOT_A_LIBRARY: the file is not a Debrief library
 * @DEBRIEF_ERROR_CORRUPT: the library file is damaged or truncated
 * @DEBRIEF_ERROR_TOO_NEW: the library was written by a newer Debrief
 * @DEBRIEF_ERROR_READ_ONLY: the library cannot be written to
 * @DEBRIEF_ERROR_NO_SPACE: the disk is full
 * @DEBRIEF_ERROR_IO: reading or writing a file failed
 * @DEBRIEF_ERROR_NOT_FOUND: no report (or item) matches
 * @DEBRIEF_ERROR_AMBIGUOUS: more than one report matches
 * @DEBRIEF_ERROR_EXISTS: an item with the same identity exists already
 * @DEBRIEF_ERROR_INVALID_VALUE: a value is not one of the accepted ones
 * @DEBRIEF_ERROR_INVALID_TEXT: text is not valid UTF-8 or has control characters
 * @DEBRIEF_ERROR_TOO_LARGE: a value is larger than Debrief accepts
 * @DEBRIEF_ERROR_INVALID_TIME_ZONE: not a known IANA time zone name
 * @DEBRIEF_ERROR_INVALID_TIME: a date or time cannot be read, or does not exist
 * @DEBRIEF_ERROR_INVALID_FORMAT: an imported document is malformed
 * @DEBRIEF_ERROR_UNSUPPORTED_VERSION: an imported document is of an unknown version
 */
typedef enum
{
  DEBRIEF_ERROR_FAILED,
  DEBRIEF_ERROR_NOT_A_LIBRARY,
  DEBRIEF_ERROR_CORRUPT,
  DEBRIEF_ERROR_TOO_NEW,
  DEBRIEF_ERROR_READ_ONLY,
  DEBRIEF_ERROR_NO_SPACE,
  DEBRIEF_ERROR_IO,
  DEBRIEF_ERROR_NOT_FOUND,
  DEBRIEF_ERROR_AMBIGUOUS,
  DEBRIEF_ERROR_EXISTS,
  DEBRIEF_ERROR_INVALID_VALUE,
  DEBRIEF_ERROR_INVALID_TEXT,
  DEBRIEF_ERROR_TOO_LARGE,
  DEBRIEF_ERROR_INVALID_TIME_ZONE,
  DEBRIEF_ERROR_INVALID_TIME,
  DEBRIEF_ERROR_INVALID_FORMAT,
  DEBRIEF_ERROR_UNSUPPORTED_VERSION,
} DebriefError;

GQuark debrief_error_quark (void);

G_END_DECLS
