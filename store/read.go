package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
)

// FindDocument resolves a reference to a document's id: an id, or a path —
// the exact path, else one ending with ref, else one containing it (the
// newest current version when several match).
func (s *DB) FindDocument(ctx context.Context, ref string) (int64, error) {
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		return id, nil
	}
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM documents WHERE path LIKE ? ESCAPE '\'
		ORDER BY path = ? DESC, path LIKE ? ESCAPE '\' DESC, superseded_by IS NULL DESC, id DESC LIMIT 1`,
		"%"+escapeLike(ref)+"%", ref, "%"+escapeLike(ref)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("document %q: %w", ref, ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("document %q: %w", ref, err)
	}
	return id, nil
}

// Sample returns up to n findings of each kind, from current documents,
// spread across documents: the first of each kind in each document, in
// document order.
func (s *DB) Sample(ctx context.Context, n int) ([]Row, error) {
	rows, err := s.db.QueryContext(ctx, rowSelect+` WHERE f.id IN (
		SELECT id FROM (SELECT f.id, f.kind, row_number() OVER (PARTITION BY f.kind ORDER BY f.document_id, f.seq) AS k
			FROM findings f JOIN documents d ON d.id = f.document_id
			WHERE d.superseded_by IS NULL AND f.id IN (
				SELECT min(f2.id) FROM findings f2 GROUP BY f2.document_id, f2.kind))
		WHERE k <= ?) ORDER BY f.kind, d.id`, n)
	if err != nil {
		return nil, fmt.Errorf("sample: %w", err)
	}
	defer rows.Close()
	var out []Row
	for rows.Next() {
		r, err := scanRow(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
