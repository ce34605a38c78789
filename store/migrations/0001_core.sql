-- Core schema: runs, documents with their text, agenda items, findings,
-- failures, and full-text search over items and findings.
--
-- Offsets (start, end) are Unicode code point offsets into documents.text,
-- so substr(text, start + 1, end - start) returns the source of a finding.

-- Controlled vocabularies. Findings carry the label itself (readable in any
-- SQL tool); these tables document each label and let foreign keys check it.
CREATE TABLE kinds (label TEXT PRIMARY KEY, description TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO kinds VALUES
  ('judgement', 'A graded Ofsted judgement of one area'),
  ('recommendation', 'What an inspectorate says must improve (source ofsted), or what a council report recommends (source report)'),
  ('question', 'A question a member (or the Chair) put in a meeting'),
  ('answer', 'The reply to a question'),
  ('resolution', 'What a meeting resolved, agreed or noted'),
  ('strength', 'A strength an inspection stated plainly');

CREATE TABLE areas (label TEXT PRIMARY KEY, description TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO areas VALUES
  ('overall_effectiveness', 'Overall effectiveness'),
  ('impact_of_leaders', 'The impact of leaders on social work practice with children and families'),
  ('help_and_protection', 'The experiences and progress of children who need help and protection'),
  ('children_in_care', 'The experiences and progress of children in care (ILACS from 2023)'),
  ('care_leavers', 'The experiences and progress of care leavers (ILACS from 2023; SIF)'),
  ('children_in_care_and_care_leavers', 'The experiences and progress of children in care and care leavers (ILACS until 2023)'),
  ('looked_after_and_permanence', 'Children looked after and achieving permanence (SIF)'),
  ('adoption', 'Adoption performance (SIF)'),
  ('leadership_management_governance', 'Leadership, management and governance (SIF)'),
  ('unspecified', 'A grade whose area the text does not name');

CREATE TABLE grades (label TEXT PRIMARY KEY, rank INTEGER NOT NULL, description TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO grades VALUES
  ('outstanding', 1, 'Outstanding'),
  ('good', 2, 'Good'),
  ('requires_improvement', 3, 'Requires improvement to be good'),
  ('inadequate', 4, 'Inadequate');

CREATE TABLE inspection_kinds (label TEXT PRIMARY KEY, description TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO inspection_kinds VALUES
  ('ilacs', 'Inspection of local authority children''s services (2018 on)'),
  ('sif', 'Single inspection framework (before 2018)'),
  ('focused_visit', 'ILACS focused visit (no grades)'),
  ('monitoring_visit', 'Monitoring visit to an inadequate authority (no grades)'),
  ('jtai', 'Joint targeted area inspection');

-- runs is the ledger of every ingest, fetch or reclassify run.
CREATE TABLE runs (
  id                 INTEGER PRIMARY KEY,
  command            TEXT NOT NULL,             -- ingest, reclassify, nightly, fetch
  started_at         TEXT NOT NULL,             -- RFC 3339, UTC
  finished_at        TEXT,
  status             TEXT NOT NULL DEFAULT 'running'
                     CHECK (status IN ('running', 'ok', 'partial', 'failed', 'interrupted')),
  args               TEXT NOT NULL DEFAULT '',
  seen               INTEGER NOT NULL DEFAULT 0,
  new                INTEGER NOT NULL DEFAULT 0,
  unchanged          INTEGER NOT NULL DEFAULT 0,
  superseded         INTEGER NOT NULL DEFAULT 0,
  failed             INTEGER NOT NULL DEFAULT 0,
  findings           INTEGER NOT NULL DEFAULT 0,
  extractor_version  TEXT NOT NULL,
  classifier_version TEXT NOT NULL,
  pid                INTEGER,
  host               TEXT,
  message            TEXT
);

-- documents holds one row per distinct file content (SHA-256). A changed
-- file at the same path is a new row; the old one points at it through
-- superseded_by and stays, with its findings.
CREATE TABLE documents (
  id                 INTEGER PRIMARY KEY,
  path               TEXT NOT NULL,             -- as given to ingest
  abs_path           TEXT NOT NULL,             -- the key of a file's versions
  sha256             TEXT NOT NULL UNIQUE,
  size               INTEGER NOT NULL,
  mtime              TEXT,
  format             TEXT NOT NULL CHECK (format IN ('pdf', 'html', 'text')),
  doc_type           TEXT NOT NULL DEFAULT 'other'
                     CHECK (doc_type IN ('minutes', 'council_report', 'ofsted_report', 'other')),
  title              TEXT NOT NULL DEFAULT '',
  authority          TEXT,
  authority_urn      TEXT,
  extractor          TEXT NOT NULL,             -- e.g. 'pdftotext 22.12.0'
  extractor_version  TEXT NOT NULL,
  classifier_version TEXT NOT NULL,
  pages              INTEGER NOT NULL,
  page_starts        TEXT NOT NULL,             -- JSON array: code point offset where each page starts
  meta               TEXT NOT NULL DEFAULT '{}', -- JSON object from the fetcher: url, committee, meeting_date
  run_id             INTEGER REFERENCES runs(id),
  ingested_at        TEXT NOT NULL,
  superseded_by      INTEGER REFERENCES documents(id),
  superseded_at      TEXT,
  -- The text comes last: SQLite stores a row's columns in order, and a
  -- column after a long text can only be read by walking the text's
  -- overflow pages. Every finding's triggers read superseded_by and meta.
  text               TEXT NOT NULL
);
CREATE INDEX documents_abs_path ON documents(abs_path);
CREATE INDEX documents_authority ON documents(authority);

-- items are agenda items of minutes, or sections of a report.
CREATE TABLE items (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  number      INTEGER NOT NULL,                 -- 1-based within the document
  label       TEXT NOT NULL DEFAULT '',         -- the number as printed
  title       TEXT NOT NULL DEFAULT '',
  page        INTEGER NOT NULL,
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  procedural  INTEGER NOT NULL DEFAULT 0 CHECK (procedural IN (0, 1)),
  text        TEXT NOT NULL,
  UNIQUE (document_id, number)
);

CREATE TABLE findings (
  id                 INTEGER PRIMARY KEY,
  document_id        INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  item_id            INTEGER REFERENCES items(id) ON DELETE CASCADE,
  seq                INTEGER NOT NULL,          -- order within the document
  kind               TEXT NOT NULL REFERENCES kinds(label),
  text               TEXT NOT NULL,
  page               INTEGER NOT NULL,
  start              INTEGER NOT NULL,
  end                INTEGER NOT NULL,
  speaker            TEXT,
  speaker_role       TEXT CHECK (speaker_role IN ('member', 'officer', 'chair', 'unknown')),
  answered_by        TEXT,
  answer_to          INTEGER REFERENCES findings(id) ON DELETE SET NULL,
  area               TEXT REFERENCES areas(label),
  grade              TEXT REFERENCES grades(label),
  inspection         TEXT REFERENCES inspection_kinds(label),
  previous           INTEGER CHECK (previous IN (0, 1)),
  source             TEXT CHECK (source IN ('ofsted', 'report')),
  outcome            TEXT CHECK (outcome IN ('noted', 'agreed', 'approved', 'deferred', 'refused')),
  rule               TEXT NOT NULL,
  classifier_version TEXT NOT NULL,
  UNIQUE (document_id, seq)
);
CREATE INDEX findings_document ON findings(document_id);
CREATE INDEX findings_item ON findings(item_id);
CREATE INDEX findings_kind ON findings(kind);
CREATE INDEX findings_answer_to ON findings(answer_to);

-- inspections: the facts an Ofsted report states, one row per report.
CREATE TABLE inspections (
  id             INTEGER PRIMARY KEY,
  document_id    INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
  authority      TEXT,
  authority_urn  TEXT,
  type           TEXT NOT NULL,                -- ilacs_standard, ilacs_short, ilacs_2026, sif, focused_visit, monitoring_visit, jtai
  framework      TEXT REFERENCES inspection_kinds(label),
  start_date     TEXT,
  end_date       TEXT,
  published_date TEXT,
  lead_inspector TEXT
);

-- meetings: the facts minutes state, one row per minutes document.
CREATE TABLE meetings (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
  authority   TEXT,
  committee   TEXT,
  date        TEXT
);

CREATE TABLE attendees (
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  position   TEXT,
  role       TEXT CHECK (role IN ('member', 'officer', 'chair', 'unknown'))
);
CREATE INDEX attendees_meeting ON attendees(meeting_id);

-- failures: documents that could not be ingested, with the stage that
-- failed and why. A later success for the same content clears its rows.
CREATE TABLE failures (
  id                INTEGER PRIMARY KEY,
  run_id            INTEGER REFERENCES runs(id),
  path              TEXT NOT NULL,
  abs_path          TEXT NOT NULL,
  sha256            TEXT,                      -- NULL when the file could not be read
  size              INTEGER,
  stage             TEXT NOT NULL CHECK (stage IN ('read', 'extract', 'split', 'classify', 'store')),
  error             TEXT NOT NULL,
  extractor_version TEXT NOT NULL,
  failed_at         TEXT NOT NULL
);
CREATE INDEX failures_sha ON failures(sha256);
CREATE INDEX failures_run ON failures(run_id);

-- files remembers each path's size and modification time when it was last
-- hashed, so that an unchanged file costs a stat, not a read.
CREATE TABLE files (
  abs_path TEXT PRIMARY KEY,
  size     INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL,
  sha256   TEXT NOT NULL,
  seen_at  TEXT NOT NULL
) WITHOUT ROWID;

-- Full-text search, kept in sync by triggers (external content tables, as
-- Datasette and sqlite-utils expect: <table>_fts with content=<table>).
CREATE VIRTUAL TABLE findings_fts USING fts5(
  text, speaker,
  content='findings', content_rowid='id',
  tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER findings_ai AFTER INSERT ON findings BEGIN
  INSERT INTO findings_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
END;
CREATE TRIGGER findings_ad AFTER DELETE ON findings BEGIN
  INSERT INTO findings_fts(findings_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker);
END;
CREATE TRIGGER findings_au AFTER UPDATE OF text, speaker ON findings BEGIN
  INSERT INTO findings_fts(findings_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker);
  INSERT INTO findings_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
END;

CREATE VIRTUAL TABLE items_fts USING fts5(
  title, text,
  content='items', content_rowid='id',
  tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER items_ai AFTER INSERT ON items BEGIN
  INSERT INTO items_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER items_ad AFTER DELETE ON items BEGIN
  INSERT INTO items_fts(items_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER items_au AFTER UPDATE OF title, text ON items BEGIN
  INSERT INTO items_fts(items_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO items_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
