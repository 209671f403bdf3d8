/* debrief-cli.h
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "debrief-core.h"

G_BEGIN_DECLS

/* What debrief-cli exits with. */
typedef enum
{
  DEBRIEF_CLI_EXIT_SUCCESS = 0,
  DEBRIEF_CLI_EXIT_FAILURE = 1,
  DEBRIEF_CLI_EXIT_USAGE = 2,
} DebriefCliExit;

/* How a command uses the library. */
typedef enum
{
  /* The library must exist; nothing is written. */
  DEBRIEF_CLI_READ,
  /* The library is created if missing and must be writable. */
  DEBRIEF_CLI_WRITE,
} DebriefCliAccess;

typedef struct _DebriefCli        DebriefCli;
typedef struct _DebriefCliCommand DebriefCliCommand;

/* A command's handler. @argv[0] is the command's name; the rest are its
 * arguments, still to be parsed with debrief_cli_parse(). */
typedef int (*DebriefCliRunFunc) (DebriefCli *cli, int argc, char **argv);

/**
 * DebriefCliCommand:
 * @name: what is typed, e.g. "list" or "add" (under "action")
 * @parameters: (nullable): the positional arguments for the usage line,
 *   untranslated (N_()), e.g. "REPORT FIELD VALUE"
 * @summary: one line, untranslated (N_()), for the command lists
 * @run: (nullable): the handler; %NULL for a group of @subcommands
 * @subcommands: (nullable): a table ending with an entry whose @name is
 *   %NULL, for commands such as "action add"
 *
 * One row of a command table. A new command is a new row and a handler.
 */
struct _DebriefCliCommand
{
  const char              *name;
  const char              *parameters;
  const char              *summary;
  DebriefCliRunFunc        run;
  const DebriefCliCommand *subcommands;
};

/* The tables, one per file that implements commands. */
extern const DebriefCliCommand debrief_cli_report_commands[];
extern const DebriefCliCommand debrief_cli_action_commands[];
extern const DebriefCliCommand debrief_cli_transfer_commands[];
extern const DebriefCliCommand debrief_cli_timeline_commands[];

/* Parsing */
gboolean debrief_cli_parse (DebriefCli         *cli,
                            const GOptionEntry *entries,
                            const char         *description,
                            int                 argc,
                            char              **argv,
                            guint               min_args,
                            guint               max_args,
                            char             ***args);
int      debrief_cli_usage_error (DebriefCli *cli, const char *format, ...) G_GNUC_PRINTF (2, 3);
const char *debrief_cli_text (DebriefCli *cli, const char *arg);
GBytes     *debrief_cli_read_stdin (gsize max_bytes, GError **error);

/* The library and its reports */
gboolean debrief_cli_library_exists (DebriefCli *cli);
DebriefLibrary                *
debrief_cli_open_library (DebriefCli *cli, DebriefCliAccess access, GError **error);
DebriefReport *debrief_cli_lookup_report (DebriefCli      *cli,
                                          const char      *reference,
                                          DebriefCliAccess access,
                                          GError         **error);
int            debrief_cli_finish_changes (DebriefCli *cli);

/* Output */
int   debrief_cli_fail (DebriefCli *cli, const GError *error);
int   debrief_cli_failf (DebriefCli *cli, const char *format, ...) G_GNUC_PRINTF (2, 3);
void  debrief_cli_write (const char *data, gssize length);
void  debrief_cli_print_json (JsonNode *node);
char *debrief_cli_short_id (const char *uuid);
void  debrief_cli_print_table (GPtrArray *rows);
void  debrief_cli_table_add_row (GPtrArray *rows, const char *first, ...) G_GNUC_NULL_TERMINATED;
gboolean debrief_cli_stdout_is_terminal (void);

/* JSON helpers */
void debrief_cli_json_add_string (JsonBuilder *builder, const char *name, const char *value);

/* Returns the help for one settable field, or NULL */
typedef char *(*DebriefCliFieldHelp) (const char *field);

char *debrief_cli_describe_fields (const char *const *fields, DebriefCliFieldHelp help);
char *debrief_cli_describe_values (GType enum_type);
void  debrief_cli_json_add_time (JsonBuilder *builder, const char *name, gint64 utc);

G_END_DECLS
