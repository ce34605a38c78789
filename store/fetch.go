package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// FetchState is what a URL last answered.
type FetchState struct {
	URL          string `json:"url"`
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	Status       int    `json:"status"`           // last HTTP status, 0 when no response came
	SHA256       string `json:"sha256,omitempty"` // last body's hash
	Blob         string `json:"blob,omitempty"`   // last body's file, relative to the data directory
	ContentType  string `json:"content_type,omitempty"`
	Size         int64  `json:"size"`
	FetchedAt    string `json:"fetched_at,omitempty"` // last 200
	CheckedAt    string `json:"checked_at"`
	Error        string `json:"error,omitempty"`
}

// FetchState returns what is remembered of url.
func (s *DB) FetchState(ctx context.Context, url string) (FetchState, bool, error) {
	st := FetchState{URL: url}
	var etag, lm, sha, blob, ct, fetched, msg sql.NullString
	var size sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT etag, last_modified, status, sha256, blob, content_type, size,
		fetched_at, checked_at, error FROM fetch_state WHERE url = ?`, url).
		Scan(&etag, &lm, &st.Status, &sha, &blob, &ct, &size, &fetched, &st.CheckedAt, &msg)
	if errors.Is(err, sql.ErrNoRows) {
		return st, false, nil
	}
	if err != nil {
		return st, false, fmt.Errorf("fetch state %s: %w", url, err)
	}
	st.ETag, st.LastModified, st.SHA256, st.Blob = etag.String, lm.String, sha.String, blob.String
	st.ContentType, st.Size, st.FetchedAt, st.Error = ct.String, size.Int64, fetched.String, msg.String
	return st, true, nil
}

// PutFetchState records what url answered. A response that carried a body
// (Status 200) replaces the validators and the blob; a 304 or a failure
// only updates the status, the time and the error, keeping the
// validators of the last body.
func (s *DB) PutFetchState(ctx context.Context, st FetchState) error {
	var err error
	if st.Status == 200 {
		_, err = s.db.ExecContext(ctx, `INSERT INTO fetch_state
			(url, etag, last_modified, status, sha256, blob, content_type, size, fetched_at, checked_at, error)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
			ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
			status = excluded.status, sha256 = excluded.sha256, blob = excluded.blob,
			content_type = excluded.content_type, size = excluded.size, fetched_at = excluded.fetched_at,
			checked_at = excluded.checked_at, error = NULL`,
			st.URL, nullString(st.ETag), nullString(st.LastModified), st.Status, nullString(st.SHA256),
			nullString(st.Blob), nullString(st.ContentType), st.Size, now(), now())
	} else {
		_, err = s.db.ExecContext(ctx, `INSERT INTO fetch_state (url, status, checked_at, error) VALUES (?, ?, ?, ?)
			ON CONFLICT (url) DO UPDATE SET status = excluded.status, checked_at = excluded.checked_at,
			error = excluded.error`,
			st.URL, st.Status, now(), nullString(st.Error))
	}
	if err != nil {
		return fmt.Errorf("record fetch of %s: %w", st.URL, err)
	}
	return nil
}

// Fetched is a document the fetcher stored for ingest.
type Fetched struct {
	SHA256    string            `json:"sha256"`
	Blob      string            `json:"blob"` // relative to the data directory
	URL       string            `json:"url"`
	Source    string            `json:"source"`
	Meta      map[string]string `json:"meta"`
	RunID     int64             `json:"run_id,omitempty"`
	FetchedAt string            `json:"fetched_at"`
}

// PutFetched records a fetched document. It reports whether the content
// is new to the fetcher: the same bytes fetched again, from the same URL
// or another, keep their first record.
func (s *DB) PutFetched(ctx context.Context, f Fetched) (bool, error) {
	meta := f.Meta
	if meta == nil {
		meta = map[string]string{}
	}
	metaJSON, _ := json.Marshal(meta)
	var run any
	if f.RunID > 0 {
		run = f.RunID
	}
	r, err := s.db.ExecContext(ctx, `INSERT INTO fetched (sha256, blob, url, source, meta, run_id, fetched_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
		f.SHA256, f.Blob, f.URL, f.Source, string(metaJSON), run, now())
	if err != nil {
		return false, fmt.Errorf("record fetched %s: %w", f.URL, err)
	}
	n, err := r.RowsAffected()
	return n > 0, err
}

// PendingFetched lists fetched documents that ingest has not yet read:
// neither stored nor failed with this extractor version. A run that was
// stopped between fetching and ingesting leaves its documents here for
// the next.
func (s *DB) PendingFetched(ctx context.Context, extractorVersion string) ([]Fetched, error) {
	return s.fetchedWhere(ctx, `NOT EXISTS (SELECT 1 FROM documents d WHERE d.sha256 = f.sha256)
		AND NOT EXISTS (SELECT 1 FROM failures x WHERE x.sha256 = f.sha256 AND x.extractor_version = ?)`,
		extractorVersion)
}

// FetchedMeta returns the fetcher's metadata of every fetched document,
// by content hash, for ingest to store with the document.
func (s *DB) FetchedMeta(ctx context.Context) (map[string]map[string]string, error) {
	all, err := s.fetchedWhere(ctx, `1`)
	if err != nil {
		return nil, err
	}
	out := make(map[string]map[string]string, len(all))
	for _, f := range all {
		out[f.SHA256] = f.Meta
	}
	return out, nil
}

func (s *DB) fetchedWhere(ctx context.Context, where string, args ...any) ([]Fetched, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT sha256, blob, url, source, meta, coalesce(run_id, 0), fetched_at
		FROM fetched f WHERE `+where+` ORDER BY fetched_at, sha256`, args...)
	if err != nil {
		return nil, fmt.Errorf("fetched documents: %w", err)
	}
	defer rows.Close()
	var out []Fetched
	for rows.Next() {
		var f Fetched
		var meta string
		if err := rows.Scan(&f.SHA256, &f.Blob, &f.URL, &f.Source, &meta, &f.RunID, &f.FetchedAt); err != nil {
			return nil, fmt.Errorf("fetched documents: %w", err)
		}
		if err := json.Unmarshal([]byte(meta), &f.Meta); err != nil {
			return nil, fmt.Errorf("fetched document %s: meta: %w", f.SHA256, err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// FetchFailure is something a fetch run could not get.
type FetchFailure struct {
	RunID    int64  `json:"run_id"`
	Source   string `json:"source"`
	URL      string `json:"url"`
	Error    string `json:"error"`
	FailedAt string `json:"failed_at"`
}

// PutFetchFailure records what a fetch run could not get.
func (s *DB) PutFetchFailure(ctx context.Context, f FetchFailure) error {
	var run any
	if f.RunID > 0 {
		run = f.RunID
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO fetch_failures (run_id, source, url, error, failed_at)
		VALUES (?, ?, ?, ?, ?)`, run, f.Source, f.URL, f.Error, now())
	if err != nil {
		return fmt.Errorf("record fetch failure of %s: %w", f.URL, err)
	}
	return nil
}

// FetchFailures lists the failures of a fetch run.
func (s *DB) FetchFailures(ctx context.Context, runID int64) ([]FetchFailure, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT coalesce(run_id, 0), source, url, error, failed_at
		FROM fetch_failures WHERE run_id = ? ORDER BY id`, runID)
	if err != nil {
		return nil, fmt.Errorf("fetch failures: %w", err)
	}
	defer rows.Close()
	var out []FetchFailure
	for rows.Next() {
		var f FetchFailure
		if err := rows.Scan(&f.RunID, &f.Source, &f.URL, &f.Error, &f.FailedAt); err != nil {
			return nil, fmt.Errorf("fetch failures: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}
