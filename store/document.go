package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"scrutiny/corpus"
)

// PutStatus says what PutDocument did.
type PutStatus string

// The outcomes of PutDocument.
const (
	StatusNew       PutStatus = "new"
	StatusUnchanged PutStatus = "unchanged" // same content already stored
)

// PutResult is what PutDocument stored.
type PutResult struct {
	Status     PutStatus
	ID         int64
	Superseded int // earlier versions of the same file marked superseded
	Findings   int
}

// Versions records what produced a document's text and findings.
type Versions struct {
	Extractor  string
	Classifier string
}

// PutDocument stores a document with its items, findings and facts in one
// transaction: either all of it lands or none does. Content already stored
// (same SHA-256) is left alone and reported unchanged. Earlier versions of
// the same file, or fetched from the same URL (Meta["url"]), are marked
// superseded by this one.
func (s *DB) PutDocument(ctx context.Context, doc *corpus.Document, runID int64, v Versions) (PutResult, error) {
	var res PutResult
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM documents WHERE sha256 = ?`, doc.SHA256).Scan(&id)
		switch {
		case err == nil:
			res = PutResult{Status: StatusUnchanged, ID: id}
			return touchFile(ctx, tx, doc)
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		res.Status = StatusNew
		if res.ID, err = insertDocument(ctx, tx, doc, runID, v); err != nil {
			return err
		}
		if res.Superseded, err = supersede(ctx, tx, doc.AbsPath, res.ID); err != nil {
			return err
		}
		n, err := supersedeURL(ctx, tx, doc.Meta["url"], res.ID)
		if err != nil {
			return err
		}
		res.Superseded += n
		if res.Findings, err = insertContent(ctx, tx, res.ID, doc, v.Classifier); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM failures WHERE sha256 = ?`, doc.SHA256); err != nil {
			return err
		}
		return touchFile(ctx, tx, doc)
	})
	if err != nil {
		return PutResult{}, fmt.Errorf("store %s: %w", doc.Path, err)
	}
	return res, nil
}

func insertDocument(ctx context.Context, tx *sql.Tx, doc *corpus.Document, runID int64, v Versions) (int64, error) {
	offs := make([]int, 0, len(doc.Pages))
	for _, p := range doc.Pages {
		offs = append(offs, p.Start)
	}
	ro := newRuneOffsets(doc.Text, offs)
	starts := make([]int, len(doc.Pages))
	for i, p := range doc.Pages {
		starts[i] = ro.at(p.Start)
	}
	startsJSON, _ := json.Marshal(starts)
	meta := doc.Meta
	if meta == nil {
		meta = map[string]string{}
	}
	metaJSON, _ := json.Marshal(meta)
	var mtime any
	if !doc.ModTime.IsZero() {
		mtime = doc.ModTime.UTC().Format(time.RFC3339)
	}
	docType := doc.Type
	if docType == "" {
		docType = corpus.OtherDoc
	}
	var run any
	if runID > 0 {
		run = runID
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO documents
		(path, abs_path, sha256, size, mtime, format, doc_type, title, authority, authority_urn,
		 extractor, extractor_version, classifier_version, pages, text, page_starts, meta, run_id, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		doc.Path, doc.AbsPath, doc.SHA256, doc.Size, mtime, string(doc.Format), string(docType), doc.Title,
		nullString(doc.Authority), nullString(doc.AuthorityURN),
		doc.Extractor, v.Extractor, v.Classifier, len(doc.Pages), doc.Text, string(startsJSON), string(metaJSON), run, now())
	if err != nil {
		return 0, err
	}
	return r.LastInsertId()
}

// supersede marks the current versions of the file at absPath, other than
// id, as superseded by id.
func supersede(ctx context.Context, tx *sql.Tx, absPath string, id int64) (int, error) {
	r, err := tx.ExecContext(ctx, `UPDATE documents SET superseded_by = ?, superseded_at = ?
		WHERE abs_path = ? AND id <> ? AND superseded_by IS NULL`, id, now(), absPath, id)
	if err != nil {
		return 0, err
	}
	n, err := r.RowsAffected()
	return int(n), err
}

// supersedeURL marks the current documents fetched from url, other than
// id, as superseded by id. A fetched file is named by its content, so its
// path cannot tie its versions together; its source URL does.
func supersedeURL(ctx context.Context, tx *sql.Tx, url string, id int64) (int, error) {
	if url == "" {
		return 0, nil
	}
	r, err := tx.ExecContext(ctx, `UPDATE documents SET superseded_by = ?, superseded_at = ?
		WHERE json_extract(meta, '$.url') = ? AND id <> ? AND superseded_by IS NULL`, id, now(), url, id)
	if err != nil {
		return 0, err
	}
	n, err := r.RowsAffected()
	return int(n), err
}

// insertContent stores a document's items, findings and facts.
func insertContent(ctx context.Context, tx *sql.Tx, docID int64, doc *corpus.Document, classifier string) (int, error) {
	var offs []int
	for _, it := range doc.Items {
		offs = append(offs, it.Start, it.End)
	}
	for _, f := range doc.Findings {
		offs = append(offs, f.Start, f.End)
	}
	ro := newRuneOffsets(doc.Text, offs)

	// Facts first: their triggers re-index the document's findings for
	// search by date and authority, and there are none yet to re-index.
	if err := insertFacts(ctx, tx, docID, doc); err != nil {
		return 0, err
	}

	itemStmt, err := tx.PrepareContext(ctx, `INSERT INTO items (document_id, number, label, title, page, start, end, procedural, text)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return 0, err
	}
	defer itemStmt.Close()
	itemIDs := map[int]int64{}
	for _, it := range doc.Items {
		start, end := clamp(it.Start, it.End, len(doc.Text))
		r, err := itemStmt.ExecContext(ctx,
			docID, it.Number, it.Label, it.Title, it.Page, ro.at(it.Start), ro.at(it.End), it.Procedural, doc.Text[start:end])
		if err != nil {
			return 0, fmt.Errorf("item %d: %w", it.Number, err)
		}
		if itemIDs[it.Number], err = r.LastInsertId(); err != nil {
			return 0, err
		}
	}

	findingStmt, err := tx.PrepareContext(ctx, `INSERT INTO findings
		(document_id, item_id, seq, kind, text, page, start, end, speaker, speaker_role, answered_by,
		 area, grade, inspection, previous, source, outcome, rule, classifier_version, person)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return 0, err
	}
	defer findingStmt.Close()
	ids := make([]int64, len(doc.Findings))
	for i, f := range doc.Findings {
		var item any
		if id, ok := itemIDs[f.Item]; ok {
			item = id
		}
		var previous any
		if f.Kind == corpus.Judgement {
			previous = f.Previous
		}
		r, err := findingStmt.ExecContext(ctx,
			docID, item, i+1, string(f.Kind), f.Text, f.Page, ro.at(f.Start), ro.at(f.End),
			nullString(f.Speaker), nullString(string(f.SpeakerRole)), nullString(f.AnsweredBy),
			nullString(string(f.Area)), nullString(string(f.Grade)), nullString(string(f.Inspection)), previous,
			nullString(string(f.Source)), nullString(string(f.Outcome)), f.Rule, classifier, nullString(f.Person))
		if err != nil {
			return 0, fmt.Errorf("finding %d (%s, rule %s): %w", i+1, f.Kind, f.Rule, err)
		}
		if ids[i], err = r.LastInsertId(); err != nil {
			return 0, err
		}
	}
	for i, f := range doc.Findings {
		if f.Kind != corpus.Answer || f.AnswerTo < 0 || f.AnswerTo >= len(ids) || f.AnswerTo == i {
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE findings SET answer_to = ? WHERE id = ?`, ids[f.AnswerTo], ids[i]); err != nil {
			return 0, err
		}
	}
	return len(doc.Findings), nil
}

func insertFacts(ctx context.Context, tx *sql.Tx, docID int64, doc *corpus.Document) error {
	if in := doc.Inspection; in != nil {
		_, err := tx.ExecContext(ctx, `INSERT INTO inspections
			(document_id, authority, authority_urn, type, framework, start_date, end_date, published_date, lead_inspector)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			docID, nullString(doc.Authority), nullString(doc.AuthorityURN), in.Type, nullString(string(in.Framework)),
			nullString(in.StartDate), nullString(in.EndDate), nullString(in.PublishedDate), nullString(in.LeadInspector))
		if err != nil {
			return fmt.Errorf("inspection: %w", err)
		}
	}
	if m := doc.Meeting; m != nil {
		r, err := tx.ExecContext(ctx, `INSERT INTO meetings (document_id, authority, committee, date) VALUES (?, ?, ?, ?)`,
			docID, nullString(doc.Authority), nullString(m.Committee), nullString(m.Date))
		if err != nil {
			return fmt.Errorf("meeting: %w", err)
		}
		mid, err := r.LastInsertId()
		if err != nil {
			return err
		}
		for _, a := range m.Attendees {
			if _, err := tx.ExecContext(ctx, `INSERT INTO attendees (meeting_id, name, position, role) VALUES (?, ?, ?, ?)`,
				mid, a.Name, nullString(a.Position), nullString(string(a.Role))); err != nil {
				return fmt.Errorf("attendee %q: %w", a.Name, err)
			}
		}
	}
	return nil
}

// touchFile records the size and modification time at which a path had
// this content, so the next run can skip it without reading it.
func touchFile(ctx context.Context, tx *sql.Tx, doc *corpus.Document) error {
	if doc.AbsPath == "" || doc.ModTime.IsZero() {
		return nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO files (abs_path, size, mtime_ns, sha256, seen_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (abs_path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns,
		sha256 = excluded.sha256, seen_at = excluded.seen_at`,
		doc.AbsPath, doc.Size, doc.ModTime.UnixNano(), doc.SHA256, now())
	return err
}

func clamp(start, end, n int) (int, int) {
	start = min(max(start, 0), n)
	end = min(max(end, start), n)
	return start, end
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}
