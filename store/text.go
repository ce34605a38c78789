package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// StoredText is the text of a file's current version as stored, with what
// extracted it.
type StoredText struct {
	ID        int64
	Path      string
	Extractor string
	Text      string
	// PageStarts holds the code point offset where each page starts.
	PageStarts []int
}

// CurrentText returns the stored text of the current (not superseded)
// version of the file at absPath, and whether there is one.
func (s *DB) CurrentText(ctx context.Context, absPath string) (StoredText, bool, error) {
	var t StoredText
	var starts string
	err := s.db.QueryRowContext(ctx, `SELECT id, path, extractor, text, page_starts FROM documents
		WHERE abs_path = ? AND superseded_by IS NULL ORDER BY id DESC LIMIT 1`, absPath).
		Scan(&t.ID, &t.Path, &t.Extractor, &t.Text, &starts)
	if errors.Is(err, sql.ErrNoRows) {
		return t, false, nil
	}
	if err != nil {
		return t, false, fmt.Errorf("text of %s: %w", absPath, err)
	}
	if err := json.Unmarshal([]byte(starts), &t.PageStarts); err != nil {
		return t, false, fmt.Errorf("text of %s: page starts: %w", absPath, err)
	}
	return t, true, nil
}
