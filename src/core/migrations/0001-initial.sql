-- Schema version 1 of a Debrief library.
-- Every row carries a uuid so that bundles merge without clashes.
-- Times are seconds since the epoch, UTC; NULL where unknown.

PRAGMA application_id = 1145197126;

CREATE TABLE reports (
  uuid         TEXT PRIMARY KEY NOT NULL,
  title        TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'draft',
  severity     TEXT NOT NULL DEFAULT 'sev3',
  lead         TEXT NOT NULL DEFAULT '',
  timezone     TEXT NOT NULL DEFAULT 'UTC',
  started_at   INTEGER,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);

CREATE TABLE sections (
  report_uuid  TEXT NOT NULL REFERENCES reports (uuid) ON DELETE CASCADE,
  key          TEXT NOT NULL,
  body         TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (report_uuid, key)
);

CREATE TABLE action_items (
  uuid         TEXT PRIMARY KEY NOT NULL,
  report_uuid  TEXT NOT NULL REFERENCES reports (uuid) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  owner        TEXT NOT NULL DEFAULT '',
  due          TEXT,
  status       TEXT NOT NULL DEFAULT 'open',
  type         TEXT NOT NULL DEFAULT 'prevent',
  link         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX action_items_by_report ON action_items (report_uuid, position);

CREATE TABLE timeline_entries (
  uuid         TEXT PRIMARY KEY NOT NULL,
  report_uuid  TEXT NOT NULL REFERENCES reports (uuid) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  occurred_at  INTEGER,
  precision    TEXT NOT NULL DEFAULT 'minute',
  kind         TEXT NOT NULL DEFAULT 'observation',
  key_event    TEXT NOT NULL DEFAULT 'none',
  text         TEXT NOT NULL DEFAULT '',
  source       TEXT NOT NULL DEFAULT 'typed'
);
CREATE INDEX timeline_entries_by_report ON timeline_entries (report_uuid, position);

CREATE TABLE evidence (
  uuid         TEXT PRIMARY KEY NOT NULL,
  report_uuid  TEXT NOT NULL REFERENCES reports (uuid) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  kind         TEXT NOT NULL,
  origin       TEXT NOT NULL DEFAULT 'file',
  filename     TEXT NOT NULL DEFAULT '',
  media_type   TEXT NOT NULL DEFAULT 'application/octet-stream',
  caption      TEXT NOT NULL DEFAULT '',
  captured_at  INTEGER,
  sha256       TEXT NOT NULL,
  data         BLOB NOT NULL,
  redacted     BLOB
);
CREATE INDEX evidence_by_report ON evidence (report_uuid, position);

-- Original evidence bytes are immutable: redaction writes `redacted`.
CREATE TRIGGER evidence_data_immutable BEFORE UPDATE OF data, sha256 ON evidence
BEGIN
  SELECT RAISE (ABORT, 'original evidence bytes cannot be changed');
END;

CREATE TABLE redaction_regions (
  uuid          TEXT PRIMARY KEY NOT NULL,
  evidence_uuid TEXT NOT NULL REFERENCES evidence (uuid) ON DELETE CASCADE,
  page          INTEGER NOT NULL DEFAULT 0,
  x             REAL NOT NULL,
  y             REAL NOT NULL,
  width         REAL NOT NULL,
  height        REAL NOT NULL,
  reason        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX redaction_regions_by_evidence ON redaction_regions (evidence_uuid);

CREATE TABLE timeline_evidence (
  entry_uuid    TEXT NOT NULL REFERENCES timeline_entries (uuid) ON DELETE CASCADE,
  evidence_uuid TEXT NOT NULL REFERENCES evidence (uuid) ON DELETE CASCADE,
  PRIMARY KEY (entry_uuid, evidence_uuid)
);
CREATE INDEX timeline_evidence_by_evidence ON timeline_evidence (evidence_uuid);

CREATE TABLE comments (
  uuid         TEXT PRIMARY KEY NOT NULL,
  report_uuid  TEXT NOT NULL REFERENCES reports (uuid) ON DELETE CASCADE,
  author       TEXT NOT NULL DEFAULT '',
  anchor_kind  TEXT NOT NULL DEFAULT 'report',
  anchor_ref   TEXT NOT NULL DEFAULT '',
  range_start  INTEGER,
  range_end    INTEGER,
  body         TEXT NOT NULL,
  resolved     INTEGER NOT NULL DEFAULT 0,
  created_at   INTEGER NOT NULL
);
CREATE INDEX comments_by_report ON comments (report_uuid);

-- Full-text search. search_docs holds one document per searchable thing
-- (a report's title and lead, a section body, an action item); triggers
-- keep it and the FTS5 index in step with every edit.
CREATE TABLE search_docs (
  id           INTEGER PRIMARY KEY,
  report_uuid  TEXT NOT NULL,
  kind         TEXT NOT NULL,
  ref          TEXT NOT NULL,
  title        TEXT NOT NULL DEFAULT '',
  body         TEXT NOT NULL DEFAULT '',
  UNIQUE (kind, report_uuid, ref)
);
CREATE INDEX search_docs_by_report ON search_docs (report_uuid);

CREATE VIRTUAL TABLE search_fts USING fts5 (
  title, body,
  content = 'search_docs', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
  INSERT INTO search_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO search_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER reports_search_ai AFTER INSERT ON reports BEGIN
  INSERT INTO search_docs (report_uuid, kind, ref, title, body)
    VALUES (new.uuid, 'report', '', new.title, new.lead);
END;
CREATE TRIGGER reports_search_au AFTER UPDATE OF title, lead ON reports BEGIN
  UPDATE search_docs SET title = new.title, body = new.lead
    WHERE kind = 'report' AND report_uuid = new.uuid AND ref = '';
END;
CREATE TRIGGER reports_search_ad AFTER DELETE ON reports BEGIN
  DELETE FROM search_docs WHERE report_uuid = old.uuid;
END;

CREATE TRIGGER sections_search_ai AFTER INSERT ON sections BEGIN
  INSERT INTO search_docs (report_uuid, kind, ref, body)
    VALUES (new.report_uuid, 'section', new.key, new.body);
END;
CREATE TRIGGER sections_search_au AFTER UPDATE OF body ON sections BEGIN
  UPDATE search_docs SET body = new.body
    WHERE kind = 'section' AND report_uuid = new.report_uuid AND ref = new.key;
END;
CREATE TRIGGER sections_search_ad AFTER DELETE ON sections BEGIN
  DELETE FROM search_docs
    WHERE kind = 'section' AND report_uuid = old.report_uuid AND ref = old.key;
END;

CREATE TRIGGER action_items_search_ai AFTER INSERT ON action_items BEGIN
  INSERT INTO search_docs (report_uuid, kind, ref, body)
    VALUES (new.report_uuid, 'action', new.uuid, new.description || ' ' || new.owner);
END;
CREATE TRIGGER action_items_search_au AFTER UPDATE OF description, owner ON action_items BEGIN
  UPDATE search_docs SET body = new.description || ' ' || new.owner
    WHERE kind = 'action' AND report_uuid = new.report_uuid AND ref = new.uuid;
END;
CREATE TRIGGER action_items_search_ad AFTER DELETE ON action_items BEGIN
  DELETE FROM search_docs
    WHERE kind = 'action' AND report_uuid = old.report_uuid AND ref = old.uuid;
END;
