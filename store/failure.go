package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Failure is a document that could not be ingested.
type Failure struct {
	ID       int64  `json:"id"`
	RunID    int64  `json:"run_id"`
	Path     string `json:"path"`
	SHA256   string `json:"sha256,omitempty"`
	Size     int64  `json:"size"`
	Stage    string `json:"stage"`
	Error    string `json:"error"`
	FailedAt string `json:"failed_at"`
}

// PutFailure records that a document failed at a stage. A later failure of
// the same content replaces the earlier row, so the table holds each
// document's latest reason once.
func (s *DB) PutFailure(ctx context.Context, f Failure, absPath, extractorVersion string) error {
	var run any
	if f.RunID > 0 {
		run = f.RunID
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM failures WHERE abs_path = ? AND (sha256 IS ? OR sha256 IS NULL)`, absPath, nullString(f.SHA256))
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO failures (run_id, path, abs_path, sha256, size, stage, error, extractor_version, failed_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			run, f.Path, absPath, nullString(f.SHA256), f.Size, f.Stage, f.Error, extractorVersion, now())
		return err
	})
	if err != nil {
		return fmt.Errorf("record failure of %s: %w", f.Path, err)
	}
	return nil
}

// Failures lists failures, those of one run when runID > 0, else all that
// still stand (no document with their content has since been stored).
func (s *DB) Failures(ctx context.Context, runID int64) ([]Failure, error) {
	q := `SELECT f.id, coalesce(f.run_id, 0), f.path, coalesce(f.sha256, ''), coalesce(f.size, 0), f.stage, f.error, f.failed_at
		FROM failures f WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.sha256 = f.sha256)`
	args := []any{}
	if runID > 0 {
		q += ` AND f.run_id = ?`
		args = append(args, runID)
	}
	q += ` ORDER BY f.path`
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("failures: %w", err)
	}
	defer rows.Close()
	var out []Failure
	for rows.Next() {
		var f Failure
		if err := rows.Scan(&f.ID, &f.RunID, &f.Path, &f.SHA256, &f.Size, &f.Stage, &f.Error, &f.FailedAt); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}
