package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"scrutiny/corpus"
)

// StaleDocuments lists the ids of documents, current or superseded, whose
// findings were made by a classifier other than version; with all, every
// document. Ids come in order, so an interrupted reclassification resumes
// where it stopped.
func (s *DB) StaleDocuments(ctx context.Context, version string, all bool) ([]int64, error) {
	q := `SELECT id FROM documents WHERE classifier_version <> ? ORDER BY id`
	args := []any{version}
	if all {
		q, args = `SELECT id FROM documents ORDER BY id`, nil
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("stale documents: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("stale documents: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// StoredDocument loads a stored document as classification needs it: its
// text with pages, title, format and metadata, and its identity. Items,
// findings and facts are left empty, to be computed again.
func (s *DB) StoredDocument(ctx context.Context, id int64) (*corpus.Document, error) {
	doc := &corpus.Document{}
	var format, starts, meta string
	var mtime sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT path, abs_path, sha256, size, mtime, format, title, extractor,
		text, page_starts, meta FROM documents WHERE id = ?`, id).
		Scan(&doc.Path, &doc.AbsPath, &doc.SHA256, &doc.Size, &mtime, &format, &doc.Title, &doc.Extractor,
			&doc.Text, &starts, &meta)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("document %d: not found", id)
	}
	if err != nil {
		return nil, fmt.Errorf("document %d: %w", id, err)
	}
	doc.Format = corpus.Format(format)
	if mtime.Valid {
		doc.ModTime, _ = time.Parse(time.RFC3339, mtime.String)
	}
	var cps []int
	if err := json.Unmarshal([]byte(starts), &cps); err != nil {
		return nil, fmt.Errorf("document %d: page starts: %w", id, err)
	}
	doc.Pages = pagesFromStarts(doc.Text, cps)
	if err := json.Unmarshal([]byte(meta), &doc.Meta); err != nil {
		return nil, fmt.Errorf("document %d: meta: %w", id, err)
	}
	if len(doc.Meta) == 0 {
		doc.Meta = nil
	}
	return doc, nil
}

// pagesFromStarts rebuilds pages from the code point offsets at which
// they start, as insertDocument stored them.
func pagesFromStarts(text string, cps []int) []corpus.Page {
	pages := make([]corpus.Page, len(cps))
	// One pass over the text: the starts are in ascending order.
	b, r, k := 0, 0, 0
	for i, cp := range cps {
		for k < len(text) && r < cp {
			_, size := utf8.DecodeRuneInString(text[k:])
			k += size
			r++
		}
		b = max(k, b)
		pages[i] = corpus.Page{Number: i + 1, Start: b, End: len(text)}
		if i > 0 {
			pages[i-1].End = pages[i].Start
		}
	}
	// A form feed separates pages; it belongs to neither.
	for i := 0; i+1 < len(pages); i++ {
		if e := pages[i].End; e > pages[i].Start && text[e-1] == '\f' {
			pages[i].End--
		}
	}
	return pages
}

// ReplaceContent replaces a document's items, findings and facts with
// doc's, and records the classifier that made them, in one transaction:
// a reader sees the old findings or the new, never a mixture. The
// full-text indexes follow through their triggers.
func (s *DB) ReplaceContent(ctx context.Context, id int64, doc *corpus.Document, classifier string) (int, error) {
	var n int
	err := s.tx(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{
			// Findings first: they point at items and at each other.
			`DELETE FROM findings WHERE document_id = ?`,
			`DELETE FROM items WHERE document_id = ?`,
			`DELETE FROM inspections WHERE document_id = ?`,
			`DELETE FROM meetings WHERE document_id = ?`,
		} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return err
			}
		}
		docType := doc.Type
		if docType == "" {
			docType = corpus.OtherDoc
		}
		r, err := tx.ExecContext(ctx, `UPDATE documents SET doc_type = ?, authority = ?, authority_urn = ?,
			classifier_version = ? WHERE id = ?`,
			string(docType), nullString(doc.Authority), nullString(doc.AuthorityURN), classifier, id)
		if err != nil {
			return err
		}
		if k, _ := r.RowsAffected(); k == 0 {
			return fmt.Errorf("not found")
		}
		n, err = insertContent(ctx, tx, id, doc, classifier)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("reclassify %s: %w", doc.Path, err)
	}
	return n, nil
}
