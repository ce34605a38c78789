-- Fetching from council websites.
--
-- fetch_state remembers what each URL last answered: its validators (ETag,
-- Last-Modified) so that the next request is a conditional GET, and the
-- blob holding its last body, so that a 304 Not Modified can be answered
-- from disk (a ModernGov meeting that has not changed still lists its
-- documents).
CREATE TABLE fetch_state (
  url           TEXT PRIMARY KEY,
  etag          TEXT,
  last_modified TEXT,
  status        INTEGER NOT NULL DEFAULT 0,   -- last HTTP status; 0 when no response came
  sha256        TEXT,                         -- last body's content hash
  blob          TEXT,                         -- last body's file, relative to the data directory
  content_type  TEXT,
  size          INTEGER,
  fetched_at    TEXT,                         -- last 200, RFC 3339 UTC
  checked_at    TEXT NOT NULL,                -- last request
  error         TEXT                          -- last failure, cleared by a success
) WITHOUT ROWID;

-- fetched lists every document the fetcher stored for ingest, one row per
-- content, with what the fetcher knew of it (it becomes documents.meta).
-- A row whose content is not yet among documents is waiting to be read.
CREATE TABLE fetched (
  sha256     TEXT PRIMARY KEY,
  blob       TEXT NOT NULL,                   -- relative to the data directory
  url        TEXT NOT NULL,
  source     TEXT NOT NULL,
  meta       TEXT NOT NULL DEFAULT '{}',
  run_id     INTEGER REFERENCES runs(id),
  fetched_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX fetched_run ON fetched(run_id);

-- fetch_failures records what could not be fetched in a run: a source
-- that answered with a web page instead of XML, a document that kept
-- failing after retries.
CREATE TABLE fetch_failures (
  id        INTEGER PRIMARY KEY,
  run_id    INTEGER REFERENCES runs(id),
  source    TEXT NOT NULL,
  url       TEXT NOT NULL,
  error     TEXT NOT NULL,
  failed_at TEXT NOT NULL
);
CREATE INDEX fetch_failures_run ON fetch_failures(run_id);

-- A fetched document keeps its identity across versions by its source URL
-- (its file is named by its content): a changed document at the same URL
-- supersedes the earlier one.
CREATE INDEX documents_url ON documents(json_extract(meta, '$.url'));
