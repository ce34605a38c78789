package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Scope says what a search looks in.
type Scope string

// The scopes of a search.
const (
	ScopeAll      Scope = "all"      // findings and agenda items
	ScopeFindings Scope = "findings" // findings only
	ScopeItems    Scope = "items"    // agenda items (and report sections) only
)

// Search limits.
const (
	DefaultLimit = 20
	MaxLimit     = 1000
	// RankWindow bounds the work of one search. bm25 must score every
	// match before it can return the best, which for a common word in a
	// million findings takes a second; so a search counts matches up to
	// RankWindow and, past it, ranks the RankWindow most recently added
	// matches of each kind (findings, items) and says so.
	RankWindow = 2000
)

// SearchOptions choose which results a search returns.
type SearchOptions struct {
	Scope  Scope // "" means ScopeAll
	Limit  int   // 0 means DefaultLimit; at most MaxLimit
	Offset int
	// Window replaces RankWindow (tests and benchmarks use it).
	Window int
}

// Hit is one search result: a finding or an agenda item, with its
// provenance and a snippet of the matching text.
type Hit struct {
	Type  string  `json:"type"` // "finding" or "item"
	ID    int64   `json:"id"`   // findings.id or items.id
	Score float64 `json:"score"`
	// Snippet is the matching passage as plain text; Highlights are the
	// code point ranges [start, end) within it of the matched terms.
	Snippet    string   `json:"snippet"`
	Highlights [][2]int `json:"highlights"`

	DocumentID int64  `json:"document_id"`
	Document   string `json:"document"`
	Authority  string `json:"authority"`
	DocType    string `json:"doc_type"`
	Date       string `json:"date"`
	ItemID     int64  `json:"item_id"` // 0 when the finding lies outside any item
	Item       int    `json:"item"`
	ItemLabel  string `json:"item_label"`
	ItemTitle  string `json:"item_title"`
	Page       int    `json:"page"`
	Start      int    `json:"start"` // code point offsets into the document text
	End        int    `json:"end"`

	// Finding is the finding as exported, for hits of type "finding".
	Finding *Row `json:"finding,omitempty"`
}

// Results is one page of a search.
type Results struct {
	Query string `json:"query"`
	Match string `json:"match"` // the FTS5 expression that ran
	// Total counts the matches, findings and items together; when
	// TotalExact is false the count stopped at the rank window and Total
	// is a lower bound.
	Total      int  `json:"total"`
	TotalExact bool `json:"total_exact"`
	Findings   int  `json:"findings"` // of Total, how many are findings
	Items      int  `json:"items"`
	// RankedAll is false when there were more matches than the rank
	// window: the hits are then the best of the most recently added
	// matches, and Ranked says how many were scored.
	RankedAll bool  `json:"ranked_all"`
	Ranked    int   `json:"ranked"`
	Offset    int   `json:"offset"`
	Limit     int   `json:"limit"`
	Hits      []Hit `json:"hits"`
}

// Search runs a full-text search over findings and agenda items, ranked by
// bm25 (best first), keeping those that flt selects. flt.Query is the
// search text. Filters that only findings have (kind, area, grade, source)
// leave agenda items out. A malformed query is a *QueryError.
func (s *DB) Search(ctx context.Context, flt Filter, opt SearchOptions) (Results, error) {
	res := Results{Query: flt.Query, Hits: []Hit{}}
	expr, err := MatchExpr(flt.Query, flt.Raw)
	if err != nil {
		return res, err
	}
	res.Match = expr
	opt = opt.withDefaults()
	res.Offset, res.Limit = opt.Offset, opt.Limit
	arms, err := s.searchArms(ctx, flt, expr, opt.Scope)
	if err != nil {
		return res, fmt.Errorf("search %q: %w", flt.Query, err)
	}

	fail := func(err error) (Results, error) {
		if qe := asQueryError(flt.Query, err); qe != nil {
			return res, qe
		}
		return res, fmt.Errorf("search %q: %w", flt.Query, err)
	}
	res.TotalExact, res.RankedAll = true, true
	// One arm after the other, on one connection: a search from the
	// command line starts with one, and a second costs more to open (and
	// its page faults contend with the first's) than the arms gain from
	// running side by side.
	var ranked []match
	for _, a := range arms {
		hits, err := a.collect(ctx, s.db, opt.Window)
		if err != nil {
			return fail(err)
		}
		n := len(hits)
		exact := n <= opt.Window
		if !exact {
			n = opt.Window
			hits = hits[:n]
		}
		res.Total += n
		res.Ranked += n
		res.TotalExact = res.TotalExact && exact
		res.RankedAll = res.RankedAll && exact
		if a.typ == "finding" {
			res.Findings = n
		} else {
			res.Items = n
		}
		ranked = append(ranked, hits...)
	}
	// Best first; ties in a stable order, so that pages do not overlap.
	sort.Slice(ranked, func(i, j int) bool {
		a, b := ranked[i], ranked[j]
		if a.score != b.score {
			return a.score < b.score
		}
		if a.typ != b.typ {
			return a.typ < b.typ
		}
		return a.id < b.id
	})
	ranked = ranked[min(opt.Offset, len(ranked)):min(opt.Offset+opt.Limit, len(ranked))]
	if len(ranked) == 0 {
		return res, nil
	}
	page := make([]Hit, len(ranked))
	for i, m := range ranked {
		page[i] = Hit{Type: m.typ, ID: m.id, Score: m.score}
	}
	if err := s.fillHits(ctx, page, expr); err != nil {
		return fail(err)
	}
	res.Hits = append(res.Hits, page...)
	return res, nil
}

// fillHits fetches the provenance and snippets of a page of hits: the
// findings' in two queries and the items' in two more. (A query per hit
// costs more in preparing statements than in reading them.)
func (s *DB) fillHits(ctx context.Context, hits []Hit, expr string) error {
	var findings, items []*Hit
	for i := range hits {
		if hits[i].Type == "finding" {
			findings = append(findings, &hits[i])
		} else {
			items = append(items, &hits[i])
		}
	}
	if len(findings) > 0 {
		if err := s.fillFindings(ctx, findings, expr); err != nil {
			return err
		}
	}
	if len(items) > 0 {
		return s.fillItems(ctx, items, expr)
	}
	return nil
}

func (o SearchOptions) withDefaults() SearchOptions {
	if o.Scope == "" {
		o.Scope = ScopeAll
	}
	if o.Limit <= 0 {
		o.Limit = DefaultLimit
	}
	o.Limit = min(o.Limit, MaxLimit)
	o.Offset = max(o.Offset, 0)
	if o.Window <= 0 {
		o.Window = RankWindow
	}
	return o
}

const (
	markOpen  = "\x02"
	markClose = "\x03"
)

// fillFindings fetches hits' findings, as exported, and their snippets.
func (s *DB) fillFindings(ctx context.Context, hits []*Hit, expr string) error {
	ids := hitIDs(hits)
	rows, err := s.db.QueryContext(ctx, rowSelect+` WHERE f.id IN (`+placeholders(len(ids))+`)`, ids...)
	if err != nil {
		return err
	}
	found := make(map[int64]*Row, len(hits))
	for rows.Next() {
		r, err := scanRow(rows)
		if err != nil {
			rows.Close()
			return err
		}
		found[r.ID] = &r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, h := range hits {
		r := found[h.ID]
		if r == nil {
			return fmt.Errorf("finding %d: %w", h.ID, sql.ErrNoRows)
		}
		h.Finding = r
		h.DocumentID, h.Document, h.Authority, h.DocType, h.Date = r.DocumentID, r.Document, r.Authority, r.DocType, r.Date
		h.Item, h.ItemLabel, h.ItemTitle, h.Page, h.Start, h.End = r.Item, r.ItemLabel, r.ItemTitle, r.Page, r.Start, r.End
		h.ItemID = r.ItemID
	}
	return s.snippets(ctx, hits, `snippet(findings_fts, -1, ?, ?, '…', 40)`, "findings_fts", expr)
}

// fillItems fetches hits' agenda items, with their documents, and their
// snippets.
func (s *DB) fillItems(ctx context.Context, hits []*Hit, expr string) error {
	ids := hitIDs(hits)
	rows, err := s.db.QueryContext(ctx, `SELECT i.id, i.number, i.label, i.title, i.page, i.start, i.end,
		d.id, d.path, coalesce(d.authority, ''), d.doc_type, `+docDate+`
		FROM items i JOIN documents d ON d.id = i.document_id WHERE i.id IN (`+placeholders(len(ids))+`)`, ids...)
	if err != nil {
		return err
	}
	byID := make(map[int64]*Hit, len(hits))
	for _, h := range hits {
		byID[h.ID] = h
	}
	n := 0
	for rows.Next() {
		var h Hit
		err := rows.Scan(&h.ItemID, &h.Item, &h.ItemLabel, &h.ItemTitle, &h.Page, &h.Start, &h.End,
			&h.DocumentID, &h.Document, &h.Authority, &h.DocType, &h.Date)
		if err != nil {
			rows.Close()
			return err
		}
		if dst := byID[h.ItemID]; dst != nil {
			h.Type, h.ID, h.Score = dst.Type, dst.ID, dst.Score
			*dst = h
			n++
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if n != len(hits) {
		return fmt.Errorf("%d of %d agenda items: %w", len(hits)-n, len(hits), sql.ErrNoRows)
	}
	// A title says what an item is: the snippet comes from its text.
	return s.snippets(ctx, hits, `snippet(items_fts, 1, ?, ?, '…', 40)`, "items_fts", expr)
}

// snippets sets hits' snippets, marked where the query matched, from one
// full-text table. A hit the expression no longer matches (a raw query
// whose match lay in another column) keeps an empty snippet.
func (s *DB) snippets(ctx context.Context, hits []*Hit, call, fts, expr string) error {
	ids := hitIDs(hits)
	args := append([]any{markOpen, markClose, expr}, ids...)
	rows, err := s.db.QueryContext(ctx, `SELECT rowid, `+call+` FROM `+fts+`
		WHERE `+fts+` MATCH ? AND rowid IN (`+placeholders(len(ids))+`)`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	byID := make(map[int64]*Hit, len(hits))
	for _, h := range hits {
		byID[h.ID] = h
		h.Highlights = [][2]int{}
	}
	for rows.Next() {
		var id int64
		var snippet string
		if err := rows.Scan(&id, &snippet); err != nil {
			return err
		}
		if h := byID[id]; h != nil {
			h.Snippet, h.Highlights = parseMarks(snippet)
		}
	}
	return rows.Err()
}

func hitIDs(hits []*Hit) []any {
	ids := make([]any, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	return ids
}

// parseMarks removes the highlight marks from a snippet and returns the
// code point ranges they enclosed.
func parseMarks(s string) (string, [][2]int) {
	var b strings.Builder
	hl := [][2]int{}
	n, open := 0, -1
	for _, r := range s {
		switch string(r) {
		case markOpen:
			open = n
		case markClose:
			if open >= 0 && n > open {
				hl = append(hl, [2]int{open, n})
			}
			open = -1
		default:
			b.WriteRune(r)
			n++
		}
	}
	return b.String(), hl
}

// asQueryError returns a *QueryError when err is SQLite rejecting a
// full-text query, and nil for any other error.
func asQueryError(query string, err error) *QueryError {
	var qe *QueryError
	if errors.As(err, &qe) {
		return qe
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "fts5: syntax error"), strings.Contains(msg, "unterminated string"):
		return &QueryError{Query: query, Reason: "the query is not valid FTS5 syntax (" + msg + ")"}
	case strings.Contains(msg, "no such column"):
		return &QueryError{Query: query, Reason: msg + ": findings can be searched by the columns text and speaker, items by title and text"}
	case strings.Contains(msg, "fts5:"), strings.Contains(msg, "unknown special query"):
		return &QueryError{Query: query, Reason: msg}
	}
	return nil
}
