package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
)

// DocumentInfo describes a stored document.
type DocumentInfo struct {
	ID           int64
	Path         string
	SHA256       string
	Format       string
	Type         string
	Title        string
	Authority    string
	AuthorityURN string
	Extractor    string
	Pages        int
	IngestedAt   string
	SupersededBy int64
	Committee    string
	MeetingDate  string
	Inspection   string // inspection type
	Published    string
}

// ErrNotFound means no document matches.
var ErrNotFound = errors.New("no such document")

// Document finds a document by id, or by its path: the exact path, else a
// path ending with ref, else one containing it (the newest version when
// several match).
func (s *DB) Document(ctx context.Context, ref string) (DocumentInfo, error) {
	q := `SELECT d.id, d.path, d.sha256, d.format, d.doc_type, d.title, coalesce(d.authority, ''),
		coalesce(d.authority_urn, ''), d.extractor, d.pages, d.ingested_at, coalesce(d.superseded_by, 0),
		coalesce(m.committee, ''), coalesce(m.date, ''), coalesce(n.type, ''), coalesce(n.published_date, '')
		FROM documents d LEFT JOIN meetings m ON m.document_id = d.id LEFT JOIN inspections n ON n.document_id = d.id `
	var row *sql.Row
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		row = s.db.QueryRowContext(ctx, q+`WHERE d.id = ?`, id)
	} else {
		row = s.db.QueryRowContext(ctx, q+`WHERE d.path LIKE ? ESCAPE '\'
			ORDER BY d.path = ? DESC, d.path LIKE ? ESCAPE '\' DESC, d.superseded_by IS NULL DESC, d.id DESC LIMIT 1`,
			"%"+escapeLike(ref)+"%", ref, "%"+escapeLike(ref))
	}
	var d DocumentInfo
	err := row.Scan(&d.ID, &d.Path, &d.SHA256, &d.Format, &d.Type, &d.Title, &d.Authority, &d.AuthorityURN,
		&d.Extractor, &d.Pages, &d.IngestedAt, &d.SupersededBy, &d.Committee, &d.MeetingDate, &d.Inspection, &d.Published)
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("%w: %q", ErrNotFound, ref)
	}
	if err != nil {
		return d, fmt.Errorf("document %q: %w", ref, err)
	}
	return d, nil
}

// ItemInfo is a stored agenda item.
type ItemInfo struct {
	ID         int64
	Number     int
	Label      string
	Title      string
	Page       int
	Procedural bool
}

// Items lists a document's items in order.
func (s *DB) Items(ctx context.Context, docID int64) ([]ItemInfo, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, number, label, title, page, procedural FROM items
		WHERE document_id = ? ORDER BY number`, docID)
	if err != nil {
		return nil, fmt.Errorf("items: %w", err)
	}
	defer rows.Close()
	var out []ItemInfo
	for rows.Next() {
		var it ItemInfo
		if err := rows.Scan(&it.ID, &it.Number, &it.Label, &it.Title, &it.Page, &it.Procedural); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
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
