-- Schema version 2 of a Debrief library: a report's classification, the
-- marking (Internal, Confidential, ...) printed on every exported page.

ALTER TABLE reports ADD COLUMN classification TEXT NOT NULL DEFAULT 'Internal';
