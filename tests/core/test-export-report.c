/* test-export-report.c
 *
 * Copyright 2026 The Debrief authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include "debrief-core.h"

/* A generated report with everything an export has to show: every
 * section, every Markdown feature, non-Latin scripts, a timeline running
 * past midnight with all key events, hypotheses and chat entries, and
 * action items with owners and tracker links. Shared by the export tests
 * and bench/export. */

DebriefReport *
debrief_test_make_rich_report (guint n_entries, guint n_actions, guint n_extra_paragraphs);

static const char *summary_md =
    "On **14 March** the checkout service returned *HTTP 502* for most card payments. "
    "Customers in Germany saw „Zahlung fehlgeschlagen“ — eine größere Störung mit übermäßig "
    "vielen Abbrüchen. 決済サービスが停止しました。\n"
    "\n"
    "Arabic-speaking users saw: انقطاع الخدمة في الدفع. Hebrew-speaking users saw: "
    "הפסקת שירות בתשלומים.\n"
    "\n"
    "The runbook is at [the payments "
    "runbook](https://wiki.internal.example.com/runbooks/payments) "
    "and the dashboard at <https://grafana.internal.example.com/d/pay-502>.\n";

static const char *impact_md = "Affected, in order of impact:\n"
                               "\n"
                               "- Card payments in the EU region\n"
                               "  - Visa and Mastercard\n"
                               "    - 3-D Secure challenges\n"
                               "  - Apple Pay\n"
                               "- Gift cards\n"
                               "\n"
                               "1. 41 % of checkouts failed\n"
                               "2. 12 300 orders were delayed\n"
                               "   1. 9 800 were retried by customers\n"
                               "   2. 2 500 were abandoned\n"
                               "3. No data was lost\n"
                               "\n"
                               "| Region | Failed checkouts | Peak error rate |\n"
                               "| :--- | ---: | ---: |\n"
                               "| EU-Central | 8 112 | 63 % |\n"
                               "| EU-West | 4 190 | 38 % \\| spiky |\n"
                               "| Asia (東京) | 0 | 0 % |\n";

static const char *detection_md =
    "> The pager fired at 23:14, but the first responder was already looking at a\n"
    "> different alert.\n"
    ">\n"
    "> > Nested quote: *\"Is it DNS?\"* — it was not.\n"
    "\n"
    "The alert rule `rate(http_5xx[5m]) > 0.05` fired late because of its `for: 10m` clause.\n"
    "\n"
    "```yaml\n"
    "alert: CheckoutErrors\n"
    "expr: sum(rate(http_requests_total{code=~\"5..\",service=\"checkout\"}[5m])) / "
    "sum(rate(http_requests_total{service=\"checkout\"}[5m])) > 0.05\n"
    "for: 10m\n"
    "```\n";

static const char *root_cause_md =
    "ROOTCAUSE-BRIEF: a connection pool limit lowered in a configuration change starved the "
    "payments API of database connections.\n"
    "\n"
    "## Chain of causes\n"
    "\n"
    "ROOTCAUSE-DETAIL: the change was reviewed, but the review did not include the load "
    "profile of the Saturday peak.\n"
    "\n"
    "### Why the canary did not catch it\n"
    "\n"
    "The canary received ~~50 %~~ 5 % of traffic, too little to exhaust the pool.\n";

static const char *resolution_md =
    "1. Rolled back the configuration change\n"
    "2. Restarted the payments API pods\n"
    "3. Drained the retry queue\n"
    "\n"
    "The rollback command was:\n"
    "\n"
    "    kubectl -n payments rollout undo deployment/payments-api\n"
    "    kubectl -n payments rollout status deployment/payments-api\n";

static const char *communication_md =
    "The status page was updated at 23:40.  \n"
    "Support received a macro at 23:52.\n"
    "\n"
    "A very long identifier that must wrap rather than be clipped: "
    "Payments_API_Connection_Pool_Exhaustion_Incident_Correlation_Identifier_"
    "7f3c9a1b2d4e6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7\n"
    "\n"
    "* * *\n"
    "\n"
    "- [x] Status page updated\n"
    "- [ ] Post-incident email to enterprise customers\n";

static const char *lessons_md = "What went well: the rollback took four minutes.\n"
                                "\n"
                                "What went badly: the alert fired ten minutes late.\n";

static const char *lorem[] = {
  "The team reviewed the capacity plan of every service that shares the database cluster, and "
  "found that two other services run with pools sized for the traffic of last year.",
  "Where a limit protects a shared resource, the limit and the load it must carry are now "
  "reviewed together, with the dashboards of the last peak in the review.",
  "Alerts on error rates fire after two minutes instead of ten; the on-call handbook explains "
  "how to tell a real spike from a noisy one, with examples from this incident.",
  "Größenänderungen an Verbindungspools werden künftig schrittweise ausgerollt. "
  "接続プールの変更は段階的に展開します。",
};

static const char *owners[] = { "Priya Natarajan", "Sven Øberg", "Amélie Dubois",
                                "Kenji Watanabe" };

DebriefReport *
debrief_test_make_rich_report (guint n_entries, guint n_actions, guint n_extra_paragraphs)
{
  g_autoptr (GError) error = NULL;
  DebriefReport *report;
  g_autoptr (GString) lessons = g_string_new (lessons_md);
  gint64 start;
  struct
  {
    const char *key;
    const char *body;
  } bodies[] = {
    { "summary", summary_md },       { "impact", impact_md },
    { "detection", detection_md },   { "root-cause", root_cause_md },
    { "resolution", resolution_md }, { "communication", communication_md },
  };

  report = debrief_report_new ("Checkout outage: payments API returned 502 — Zahlungsausfall, "
                               "決済障害");
  g_assert_true (debrief_report_set_timezone (report, "Europe/Berlin", &error));
  g_assert_true (debrief_report_set_field (report, "lead", "Jana Müller-Lüdenscheidt", &error));
  g_assert_true (debrief_report_set_field (report, "severity", "sev1", &error));
  g_assert_true (debrief_report_set_field (report, "status", "final", &error));
  g_assert_true (debrief_report_set_field (report, "classification", "Confidential", &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    debrief_section_set_body (debrief_report_get_section (report, bodies[i].key), bodies[i].body);

  for (guint i = 0; i < n_extra_paragraphs; i++)
    {
      if (i % 6 == 0)
        g_string_append_printf (lessons, "\n## Follow-up area %u\n", i / 6 + 1);
      g_string_append_printf (lessons, "\nLESSON-%04u: %s %s\n", i,
                              lorem[i % G_N_ELEMENTS (lorem)],
                              lorem[(i + 1) % G_N_ELEMENTS (lorem)]);
      if (i % 9 == 4)
        g_string_append (lessons, "\n- a point to remember\n- and another one, with `code`\n");
    }
  debrief_section_set_body (debrief_report_get_section (report, "lessons"), lessons->str);

  /* The incident starts before midnight and runs into the next day */
  g_assert_true (
      debrief_time_from_local ("Europe/Berlin", 2026, 3, 14, 23, 10, 0, &start, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < n_entries; i++)
    {
      static const DebriefEntryKind kinds[] = {
        DEBRIEF_ENTRY_KIND_OBSERVATION, DEBRIEF_ENTRY_KIND_ACTION,
        DEBRIEF_ENTRY_KIND_DECISION,    DEBRIEF_ENTRY_KIND_COMMUNICATION,
        DEBRIEF_ENTRY_KIND_OBSERVATION, DEBRIEF_ENTRY_KIND_ACTION,
      };
      g_autoptr (DebriefTimelineEntry) entry = NULL;
      g_autofree char *text = NULL;
      DebriefEntryKind kind = kinds[i % G_N_ELEMENTS (kinds)];
      DebriefKeyEvent  key = DEBRIEF_KEY_EVENT_NONE;
      gint64           at = start + (gint64) i * 30 + (i % 3) * 7;

      if (i % 7 == 3)
        kind = DEBRIEF_ENTRY_KIND_HYPOTHESIS;

      if (i == 0)
        key = DEBRIEF_KEY_EVENT_STARTED;
      else if (i == n_entries / 10)
        key = DEBRIEF_KEY_EVENT_DETECTED;
      else if (i == n_entries * 3 / 20)
        key = DEBRIEF_KEY_EVENT_ACKNOWLEDGED;
      else if (i == n_entries * 6 / 10)
        key = DEBRIEF_KEY_EVENT_MITIGATED;
      else if (i == n_entries * 9 / 10)
        key = DEBRIEF_KEY_EVENT_RESOLVED;

      if (i % 11 == 5)
        text = g_strdup_printf ("%s: entry %04u from the incident channel, checking pod logs",
                                owners[i % G_N_ELEMENTS (owners)], i);
      else if (i % 13 == 6)
        text = g_strdup_printf ("Entry %04u: the error rate on checkout-eu stays high; the pool "
                                "of the payments API shows 0 free connections on every replica, "
                                "while the database itself reports low load and no lock waits. "
                                "Übermäßig viele Wiederholungen. 再試行が多すぎます。",
                                i);
      else
        text = g_strdup_printf ("Entry %04u: %s", i,
                                kind == DEBRIEF_ENTRY_KIND_HYPOTHESIS
                                    ? "maybe the new load balancer drops idle connections"
                                    : "checked the payments API dashboards");

      entry = debrief_timeline_entry_new (at, DEBRIEF_TIME_PRECISION_SECOND, kind, text);
      debrief_timeline_entry_set_key_event (entry, key);
      if (i % 11 == 5)
        debrief_timeline_entry_set_source (entry, DEBRIEF_ENTRY_SOURCE_CHAT);
      debrief_report_insert_timeline_entry (report, G_MAXUINT, entry);
    }

  for (guint i = 0; i < n_actions; i++)
    {
      static const char *statuses[] = { "open", "in-progress", "done", "wont-do" };
      static const char *types[] = { "prevent", "detect", "mitigate", "process" };
      g_autoptr (DebriefActionItem) item = NULL;
      g_autofree char *description = NULL;
      g_autofree char *due = NULL;
      g_autofree char *link = NULL;

      description = g_strdup_printf (i % 5 == 2
                                         ? "Action %02u: review every connection pool limit "
                                           "against the last peak, with the owners of the "
                                           "services that share the database cluster"
                                         : "Action %02u: alert on the checkout error rate",
                                     i + 1);
      item = debrief_action_item_new (description);
      due = g_strdup_printf ("2026-%02u-%02u", 4 + i % 6, 1 + i % 28);
      g_assert_true (debrief_action_item_set_field (item, "owner",
                                                    owners[i % G_N_ELEMENTS (owners)], &error));
      g_assert_true (debrief_action_item_set_field (item, "due", due, &error));
      g_assert_true (debrief_action_item_set_field (item, "status", statuses[i % 4], &error));
      g_assert_true (debrief_action_item_set_field (item, "type", types[i % 4], &error));
      if (i % 2 == 0)
        {
          link = g_strdup_printf ("https://tracker.internal.example.com/PAY-%u", 1200 + i);
          g_assert_true (debrief_action_item_set_field (item, "link", link, &error));
        }
      g_assert_no_error (error);
      debrief_report_append_action (report, item);
    }

  return report;
}
