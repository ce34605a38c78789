package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// DocumentDetail describes a stored document without its text.
type DocumentDetail struct {
	ID           int64             `json:"id"`
	Path         string            `json:"path"`
	AbsPath      string            `json:"abs_path"`
	SHA256       string            `json:"sha256"`
	Size         int64             `json:"size"`
	Format       string            `json:"format"`
	DocType      string            `json:"doc_type"`
	Title        string            `json:"title"`
	Authority    string            `json:"authority"`
	AuthorityURN string            `json:"authority_urn"`
	Date         string            `json:"date"`
	Pages        int               `json:"pages"`
	PageStarts   []int             `json:"page_starts"` // code point offset of each page
	Length       int               `json:"length"`      // of the text, in code points
	Extractor    string            `json:"extractor"`
	IngestedAt   string            `json:"ingested_at"`
	SupersededBy *int64            `json:"superseded_by"`
	Meta         map[string]string `json:"meta"`
	Inspection   *InspectionInfo   `json:"inspection,omitempty"`
	Meeting      *MeetingInfo      `json:"meeting,omitempty"`
}

// InspectionInfo is a row of the inspections table.
type InspectionInfo struct {
	Type          string `json:"type"`
	Framework     string `json:"framework"`
	StartDate     string `json:"start_date"`
	EndDate       string `json:"end_date"`
	PublishedDate string `json:"published_date"`
	LeadInspector string `json:"lead_inspector"`
}

// MeetingInfo is a row of the meetings table.
type MeetingInfo struct {
	Committee string `json:"committee"`
	Date      string `json:"date"`
}

// DocumentByID returns what is stored about a document, but its text.
func (s *DB) DocumentByID(ctx context.Context, id int64) (DocumentDetail, error) {
	var d DocumentDetail
	var starts, meta string
	var sup sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT d.id, d.path, d.abs_path, d.sha256, d.size, d.format, d.doc_type,
		d.title, coalesce(d.authority, ''), coalesce(d.authority_urn, ''), `+docDate+`, d.pages, d.page_starts,
		length(d.text), d.extractor, d.ingested_at, d.superseded_by, d.meta
		FROM documents d WHERE d.id = ?`, id).
		Scan(&d.ID, &d.Path, &d.AbsPath, &d.SHA256, &d.Size, &d.Format, &d.DocType, &d.Title, &d.Authority,
			&d.AuthorityURN, &d.Date, &d.Pages, &starts, &d.Length, &d.Extractor, &d.IngestedAt, &sup, &meta)
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("document %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return d, fmt.Errorf("document %d: %w", id, err)
	}
	if sup.Valid {
		d.SupersededBy = &sup.Int64
	}
	// Both columns are written by this package as JSON; a damaged value
	// leaves the field empty rather than hiding the document.
	_ = json.Unmarshal([]byte(starts), &d.PageStarts)
	_ = json.Unmarshal([]byte(meta), &d.Meta)

	var in InspectionInfo
	err = s.db.QueryRowContext(ctx, `SELECT type, coalesce(framework, ''), coalesce(start_date, ''),
		coalesce(end_date, ''), coalesce(published_date, ''), coalesce(lead_inspector, '')
		FROM inspections WHERE document_id = ?`, id).
		Scan(&in.Type, &in.Framework, &in.StartDate, &in.EndDate, &in.PublishedDate, &in.LeadInspector)
	switch {
	case err == nil:
		d.Inspection = &in
	case !errors.Is(err, sql.ErrNoRows):
		return d, fmt.Errorf("document %d: %w", id, err)
	}
	var m MeetingInfo
	err = s.db.QueryRowContext(ctx, `SELECT coalesce(committee, ''), coalesce(date, '') FROM meetings WHERE document_id = ?`, id).
		Scan(&m.Committee, &m.Date)
	switch {
	case err == nil:
		d.Meeting = &m
	case !errors.Is(err, sql.ErrNoRows):
		return d, fmt.Errorf("document %d: %w", id, err)
	}
	return d, nil
}

// DocumentText returns the code points [start, end) of a document's text.
func (s *DB) DocumentText(ctx context.Context, id int64, start, end int) (string, error) {
	start = max(start, 0)
	end = max(end, start)
	var t string
	err := s.db.QueryRowContext(ctx, `SELECT substr(text, ? + 1, ?) FROM documents WHERE id = ?`, start, end-start, id).Scan(&t)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("document %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("document %d: %w", id, err)
	}
	return t, nil
}

// ItemDetail is an agenda item, or a section of a report.
type ItemDetail struct {
	ID         int64  `json:"id"`
	DocumentID int64  `json:"document_id"`
	Number     int    `json:"number"`
	Label      string `json:"label"`
	Title      string `json:"title"`
	Page       int    `json:"page"`
	Start      int    `json:"start"` // code point offsets into the document text
	End        int    `json:"end"`
	Procedural bool   `json:"procedural"`
	Findings   int    `json:"findings"`       // how many findings it holds
	Text       string `json:"text,omitempty"` // only from Item
}

const itemSelect = `SELECT i.id, i.document_id, i.number, i.label, i.title, i.page, i.start, i.end, i.procedural,
	(SELECT count(*) FROM findings f WHERE f.item_id = i.id)`

// Item returns an agenda item with its text.
func (s *DB) Item(ctx context.Context, id int64) (ItemDetail, error) {
	var it ItemDetail
	err := s.db.QueryRowContext(ctx, itemSelect+`, i.text FROM items i WHERE i.id = ?`, id).
		Scan(&it.ID, &it.DocumentID, &it.Number, &it.Label, &it.Title, &it.Page, &it.Start, &it.End,
			&it.Procedural, &it.Findings, &it.Text)
	if errors.Is(err, sql.ErrNoRows) {
		return it, fmt.Errorf("item %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return it, fmt.Errorf("item %d: %w", id, err)
	}
	return it, nil
}

// DocumentItems lists a document's items, without their text.
func (s *DB) DocumentItems(ctx context.Context, docID int64) ([]ItemDetail, error) {
	rows, err := s.db.QueryContext(ctx, itemSelect+` FROM items i WHERE i.document_id = ? ORDER BY i.number`, docID)
	if err != nil {
		return nil, fmt.Errorf("items of document %d: %w", docID, err)
	}
	defer rows.Close()
	out := []ItemDetail{}
	for rows.Next() {
		var it ItemDetail
		if err := rows.Scan(&it.ID, &it.DocumentID, &it.Number, &it.Label, &it.Title, &it.Page, &it.Start,
			&it.End, &it.Procedural, &it.Findings); err != nil {
			return nil, fmt.Errorf("items of document %d: %w", docID, err)
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// Authorities lists the authorities of current documents, by name.
func (s *DB) Authorities(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT authority FROM documents
		WHERE superseded_by IS NULL AND authority IS NOT NULL AND authority <> '' ORDER BY authority`)
	if err != nil {
		return nil, fmt.Errorf("authorities: %w", err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			return nil, fmt.Errorf("authorities: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
