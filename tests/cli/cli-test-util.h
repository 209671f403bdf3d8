/* cli-test-util.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "debrief-test-util.h"

G_BEGIN_DECLS

/* One run of the debrief-cli binary. */
typedef struct
{
  /* The exit status, or -1 if the program was killed by a signal */
  int   status;
  char *out;
  gsize out_length;
  char *err;
} CliRun;

void cli_run_free (CliRun *run);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliRun, cli_run_free)

CliRun *cli_runv (const char *const *env, GBytes *input, const char *const *args);
CliRun *cli_run (const char *library, const char *first_arg, ...) G_GNUC_NULL_TERMINATED;
CliRun *cli_run_env (const char *const *env, const char *library, const char *first_arg, ...)
    G_GNUC_NULL_TERMINATED;
CliRun *cli_run_with_input (const char *library,
                            const char *input,
                            gssize      length,
                            const char *first_arg,
                            ...) G_GNUC_NULL_TERMINATED;

void cli_assert_status (CliRun *run, int status);
void cli_assert_failure (CliRun *run, int status, const char *message_part);

char     *cli_new_report (const char *library, const char *title);
JsonNode *cli_parse_json (CliRun *run);
JsonNode *cli_show_json (const char *library, const char *report);
char     *cli_path (const char *dir, const char *name);

JsonNode   *cli_timeline (const char *library, const char *report);
char       *cli_timeline_texts (const char *library, const char *report);
JsonObject *cli_array_object (JsonNode *array, guint index);

G_END_DECLS
