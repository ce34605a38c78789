package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Row is one finding as exported: the export contract. Fields may be added,
// never renamed or removed; consumers ignore fields they do not know.
type Row struct {
	ID          int64  `json:"id"`
	Document    string `json:"document"` // the path as given to ingest
	SHA256      string `json:"sha256"`
	Format      string `json:"format"`
	Authority   string `json:"authority"`
	Item        int    `json:"item"` // 1-based item number within the document
	ItemTitle   string `json:"item_title"`
	Kind        string `json:"kind"`
	Text        string `json:"text"`
	Page        int    `json:"page"`
	Start       int    `json:"start"` // code point offsets into the document text
	End         int    `json:"end"`
	Speaker     string `json:"speaker"`
	SpeakerRole string `json:"speaker_role"`
	AnsweredBy  string `json:"answered_by"`
	AnswerTo    *int64 `json:"answer_to"`
	Area        string `json:"area"`
	Grade       string `json:"grade"`
	Inspection  string `json:"inspection"`
	Previous    *bool  `json:"previous"`
	Source      string `json:"source"`
	Rule        string `json:"rule"`

	// Added after the first contract.
	DocumentID        int64  `json:"document_id"`
	DocType           string `json:"doc_type"`
	ItemLabel         string `json:"item_label"`
	Procedural        bool   `json:"procedural"`
	Outcome           string `json:"outcome"`
	Date              string `json:"date"` // the meeting's or inspection's date, when known
	ClassifierVersion string `json:"classifier_version"`
	// Person is the attendee a speaker is, by the meeting's attendance
	// list ("Dr A Ghosh" for "the Director of Public Health").
	Person string `json:"person"`
	ItemID int64  `json:"item_id"` // items.id, 0 outside any item
}

// Columns lists Row's fields in export order: the CSV header.
var Columns = []string{
	"id", "document", "sha256", "format", "authority", "item", "item_title", "kind", "text", "page",
	"start", "end", "speaker", "speaker_role", "answered_by", "answer_to", "area", "grade",
	"inspection", "previous", "source", "rule",
	"document_id", "doc_type", "item_label", "procedural", "outcome", "date", "classifier_version",
	"person", "item_id",
}

// Filter selects findings. The zero value selects every finding of every
// current (not superseded) document.
type Filter struct {
	Kinds      []string
	Authority  string // matched case-insensitively, as a substring
	Since      string // ISO dates, inclusive, against the meeting or inspection date
	Until      string // a year or month includes the whole of it
	Area       string
	Grade      string
	Source     string
	DocumentID int64
	Document   string // path as given, or a suffix of it
	// Superseded includes findings of documents a newer version replaced.
	Superseded bool
	// NoProcedural drops findings in procedural items.
	NoProcedural bool
	// Query keeps only findings whose text or speaker matches it, in the
	// syntax of MatchExpr; Raw passes it to FTS5 unchanged.
	Query string
	Raw   bool
}

// ValidDate reports whether s is a date a Filter's Since or Until takes:
// YYYY-MM-DD, or YYYY-MM or YYYY for the whole month or year.
func ValidDate(s string) bool {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(layout) {
			if _, err := time.Parse(layout, s); err == nil {
				return true
			}
		}
	}
	return false
}

// findingsOnly reports whether the filter names something only findings
// have (kind, area, grade, source), so that no agenda item can match it.
func (flt Filter) findingsOnly() bool {
	return len(flt.Kinds) > 0 || flt.Area != "" || flt.Grade != "" || flt.Source != ""
}

// selective reports whether the filter may drop many of a query's
// matches: it tests more than whether a document is current, which few
// documents are not.
func (flt Filter) selective() bool {
	return flt.findingsOnly() || flt.Authority != "" || flt.Since != "" || flt.Until != "" ||
		flt.DocumentID > 0 || flt.Document != "" || flt.NoProcedural
}

// where returns the SQL conditions and arguments of the filter, over the
// aliases f (findings), d (documents) and i (items). The query, if any,
// is left to the caller, which knows how it joins the full-text index.
func (flt Filter) where() (string, []any) {
	var conds []string
	var args []any
	if len(flt.Kinds) > 0 {
		conds = append(conds, `f.kind IN (`+placeholders(len(flt.Kinds))+`)`)
		for _, k := range flt.Kinds {
			args = append(args, k)
		}
	}
	if flt.Area != "" {
		conds = append(conds, `f.area = ?`)
		args = append(args, flt.Area)
	}
	if flt.Grade != "" {
		conds = append(conds, `f.grade = ?`)
		args = append(args, flt.Grade)
	}
	if flt.Source != "" {
		conds = append(conds, `f.source = ?`)
		args = append(args, flt.Source)
	}
	dc, da := flt.docWhere()
	conds = append(conds, dc)
	args = append(args, da...)
	return strings.Join(conds, " AND "), args
}

// docWhere returns the conditions of the filter on documents (alias d) and
// items (alias i): the part that applies to agenda items as well as to
// findings.
func (flt Filter) docWhere() (string, []any) {
	var conds []string
	var args []any
	if !flt.Superseded {
		conds = append(conds, `d.superseded_by IS NULL`)
	}
	if flt.Authority != "" {
		conds = append(conds, `d.authority LIKE ? ESCAPE '\'`)
		args = append(args, "%"+escapeLike(flt.Authority)+"%")
	}
	if flt.Since != "" {
		conds = append(conds, docDate+` >= ?`)
		args = append(args, flt.Since)
	}
	if flt.Until != "" {
		// Compare as many characters as were given, so that --until 2023
		// keeps 2023-12-31.
		conds = append(conds, `substr(`+docDate+`, 1, ?) <= ?`)
		args = append(args, len(flt.Until), flt.Until)
	}
	if flt.DocumentID > 0 {
		conds = append(conds, `d.id = ?`)
		args = append(args, flt.DocumentID)
	}
	if flt.Document != "" {
		conds = append(conds, `(d.path = ? OR d.path LIKE ? ESCAPE '\')`)
		args = append(args, flt.Document, "%"+escapeLike(flt.Document))
	}
	if flt.NoProcedural {
		conds = append(conds, `coalesce(i.procedural, 0) = 0`)
	}
	if len(conds) == 0 {
		return "1", nil
	}
	return strings.Join(conds, " AND "), args
}

// docDate is a document's date: its meeting's, its inspection's
// publication or end, or what the fetcher recorded.
const docDate = `coalesce(
	(SELECT m.date FROM meetings m WHERE m.document_id = d.id),
	(SELECT coalesce(n.published_date, n.end_date) FROM inspections n WHERE n.document_id = d.id),
	json_extract(d.meta, '$.meeting_date'), '')`

const rowSelect = `SELECT f.id, d.path, d.sha256, d.format, coalesce(d.authority, ''), coalesce(i.number, 0),
	coalesce(i.title, ''), f.kind, f.text, f.page, f.start, f.end, coalesce(f.speaker, ''),
	coalesce(f.speaker_role, ''), coalesce(f.answered_by, ''), f.answer_to, coalesce(f.area, ''),
	coalesce(f.grade, ''), coalesce(f.inspection, ''), f.previous, coalesce(f.source, ''), f.rule,
	d.id, d.doc_type, coalesce(i.label, ''), coalesce(i.procedural, 0), coalesce(f.outcome, ''), ` + docDate + `,
	f.classifier_version, coalesce(f.person, ''), coalesce(f.item_id, 0)
	FROM findings f JOIN documents d ON d.id = f.document_id LEFT JOIN items i ON i.id = f.item_id`

func scanRow(sc interface{ Scan(...any) error }) (Row, error) {
	var r Row
	var answerTo sql.NullInt64
	var previous sql.NullBool
	err := sc.Scan(&r.ID, &r.Document, &r.SHA256, &r.Format, &r.Authority, &r.Item, &r.ItemTitle, &r.Kind,
		&r.Text, &r.Page, &r.Start, &r.End, &r.Speaker, &r.SpeakerRole, &r.AnsweredBy, &answerTo, &r.Area,
		&r.Grade, &r.Inspection, &previous, &r.Source, &r.Rule, &r.DocumentID, &r.DocType, &r.ItemLabel,
		&r.Procedural, &r.Outcome, &r.Date, &r.ClassifierVersion, &r.Person, &r.ItemID)
	if answerTo.Valid {
		r.AnswerTo = &answerTo.Int64
	}
	if previous.Valid {
		r.Previous = &previous.Bool
	}
	return r, err
}

// Export calls fn for every finding the filter selects, in document and
// finding order, streaming so that memory stays flat however many there
// are.
func (s *DB) Export(ctx context.Context, flt Filter, fn func(Row) error) error {
	where, args := flt.where()
	if flt.Query != "" {
		expr, err := MatchExpr(flt.Query, flt.Raw)
		if err != nil {
			return err
		}
		where += ` AND f.id IN (SELECT rowid FROM findings_fts WHERE findings_fts MATCH ?)`
		args = append(args, expr)
	}
	rows, err := s.db.QueryContext(ctx, rowSelect+` WHERE `+where+` ORDER BY d.id, f.seq`, args...)
	if err != nil {
		if flt.Query != "" {
			if qe := asQueryError(flt.Query, err); qe != nil {
				return qe
			}
		}
		return fmt.Errorf("export: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanRow(rows)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		if qe := asQueryError(flt.Query, err); flt.Query != "" && qe != nil {
			return qe
		}
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
