package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// FileState is what the database remembers of a path: the size and
// modification time it had when last hashed, and its content's hash.
type FileState struct {
	Size    int64
	ModTime time.Time
	SHA256  string
}

// File returns what is remembered of the file at absPath.
func (s *DB) File(ctx context.Context, absPath string) (FileState, bool, error) {
	var st FileState
	var ns int64
	err := s.db.QueryRowContext(ctx, `SELECT size, mtime_ns, sha256 FROM files WHERE abs_path = ?`, absPath).
		Scan(&st.Size, &ns, &st.SHA256)
	if errors.Is(err, sql.ErrNoRows) {
		return st, false, nil
	}
	if err != nil {
		return st, false, fmt.Errorf("file %s: %w", absPath, err)
	}
	st.ModTime = time.Unix(0, ns)
	return st, true, nil
}

// HasDocument reports whether content with this SHA-256 is stored, and
// its id.
func (s *DB) HasDocument(ctx context.Context, sha string) (int64, bool, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM documents WHERE sha256 = ?`, sha).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("document %s: %w", sha, err)
	}
	return id, true, nil
}

// Known holds, for a whole run, the content hashes already stored and the
// remembered state of every file, read once at the start so that workers
// can skip unchanged files without touching the database.
type Known struct {
	Docs   map[string]bool      // sha256 -> stored
	Files  map[string]FileState // abs path -> state
	Failed map[string]string    // sha256 -> last error, for the current extractor version
}

// LoadKnown reads what the run needs to skip unchanged files. Failures are
// remembered per extractor version: a new extractor deserves a new try.
func (s *DB) LoadKnown(ctx context.Context, extractorVersion string) (*Known, error) {
	k := &Known{Docs: map[string]bool{}, Files: map[string]FileState{}, Failed: map[string]string{}}
	rows, err := s.db.QueryContext(ctx, `SELECT sha256 FROM documents`)
	if err != nil {
		return nil, fmt.Errorf("load known documents: %w", err)
	}
	for rows.Next() {
		var sha string
		if err := rows.Scan(&sha); err != nil {
			rows.Close()
			return nil, err
		}
		k.Docs[sha] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = s.db.QueryContext(ctx, `SELECT abs_path, size, mtime_ns, sha256 FROM files`)
	if err != nil {
		return nil, fmt.Errorf("load known files: %w", err)
	}
	for rows.Next() {
		var p string
		var st FileState
		var ns int64
		if err := rows.Scan(&p, &st.Size, &ns, &st.SHA256); err != nil {
			rows.Close()
			return nil, err
		}
		st.ModTime = time.Unix(0, ns)
		k.Files[p] = st
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = s.db.QueryContext(ctx, `SELECT sha256, stage, error FROM failures
		WHERE sha256 IS NOT NULL AND extractor_version = ? ORDER BY id`, extractorVersion)
	if err != nil {
		return nil, fmt.Errorf("load known failures: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var sha, stage, msg string
		if err := rows.Scan(&sha, &stage, &msg); err != nil {
			return nil, err
		}
		k.Failed[sha] = stage + ": " + msg
	}
	return k, rows.Err()
}
