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

// arm is the half of a search over one full-text index: the matches of
// one table that the filter keeps.
type arm struct {
	typ   string // "finding" or "item"
	fts   string // the full-text table that finds the matches
	match string // its MATCH expression
	from  string // FROM ... WHERE <fts> MATCH ? AND <filter>
	args  []any  // the filter's arguments (after the MATCH argument)
	// rank scores the matches: with onePass, as they are found (rank.fts
	// is then fts); otherwise in a second pass over the rowid range they
	// span, without the filter. One pass is best when nearly every match
	// passes the filter: the second pass walks the index again, and saves
	// only the scoring of the matches the filter drops.
	rank    ranking
	onePass bool
	// sparse, when set, ranks instead when the words alone match many
	// more rows in the range than the filter keeps (see arm.scores).
	sparse *ranking
	// bare, when set, reads the matches from the full-text index alone:
	// the filter asks no more of a row than the index's MATCH expression
	// already does, and that its document be current. excluded
	// lists the rows of superseded documents, which collect then drops
	// itself, as long as there are few (see maxExcluded); it is empty when
	// the filter keeps superseded documents too.
	bare, excluded string
}

// ranking is how an arm's matches are scored: a full-text table, the
// expression whose matches it scores, and the bm25 call.
type ranking struct{ fts, match, score string }

// maxExcluded bounds the rows of superseded documents a search sets aside
// in memory instead of joining each match to its document. The join
// reads a page of the findings or items table and one of documents for
// each of up to RankWindow matches: pages that a search from the command
// line, which starts with nothing in memory, faults in one by one, some
// 40 ms of its time on a million findings. Documents are superseded only
// when a new version of the same file is ingested, so there are few. (A
// variable so that tests can take the other path.)
var maxExcluded = 10000

// searchArms plans a search: for findings under a filter, words and
// filter values are matched together in findings_search, so that a narrow
// filter costs no more than a broad one; without one, and for raw FTS5
// queries (which may name findings_fts's columns), the search runs on
// findings_fts with the filter applied row by row.
// Agenda items are filtered row by row. The filter's row conditions
// apply unless the index's expression says exactly as much, so every hit
// passes the filter exactly.
func (s *DB) searchArms(ctx context.Context, flt Filter, expr string, scope Scope) ([]arm, error) {
	var arms []arm
	if scope == ScopeAll || scope == ScopeFindings {
		facets, none, err := s.facetExpr(ctx, flt)
		if err != nil {
			return nil, err
		}
		if none {
			return nil, nil
		}
		where, args := flt.where()
		items := ""
		if flt.NoProcedural {
			items = ` LEFT JOIN items i ON i.id = f.item_id`
		}
		words := ranking{"findings_fts", expr, `bm25(findings_fts)`}
		a := arm{typ: "finding", fts: "findings_fts", match: expr, args: args, rank: words, onePass: !flt.selective()}
		bare := !flt.selective()
		if !flt.Raw && facets != "" {
			bare = flt.facetsExact()
			a.fts = "findings_search"
			a.match = `({text speaker}: (` + expr + `) AND ` + facets + `)`
			// Ranked by the words alone: bm25 counts the rows holding
			// each of its phrases, and a filter's (a year, a kind) may be
			// in most rows. Where the filter keeps few of the rows the
			// words match, its own index ranks; the filter columns weigh
			// nothing.
			a.onePass = false
			a.sparse = &ranking{"findings_search", a.match, `bm25(findings_search, 1, 1, 0, 0, 0, 0, 0, 0, 0)`}
		}
		a.from = a.fts + ` JOIN findings f INDEXED BY findings_search_cover ON f.id = ` + a.fts + `.rowid
			JOIN documents d INDEXED BY documents_search ON d.id = f.document_id` + items + `
			WHERE ` + a.fts + ` MATCH ? AND ` + where
		if bare {
			a.bare = a.fts + ` WHERE ` + a.fts + ` MATCH ?`
			if !flt.Superseded {
				a.excluded = `SELECT f.id FROM documents d INDEXED BY documents_superseded
					JOIN findings f ON f.document_id = d.id WHERE d.superseded_by IS NOT NULL LIMIT ?`
			}
		}
		arms = append(arms, a)
	}
	if (scope == ScopeAll || scope == ScopeItems) && !flt.findingsOnly() {
		where, args := flt.docWhere()
		arms = append(arms, arm{
			typ:   "item",
			fts:   "items_fts",
			match: expr,
			from: `items_fts JOIN items i INDEXED BY items_search ON i.id = items_fts.rowid
				JOIN documents d INDEXED BY documents_search ON d.id = i.document_id
				WHERE items_fts MATCH ? AND ` + where,
			// A title says what an item is about: weigh it above the body.
			rank:    ranking{"items_fts", expr, `bm25(items_fts, 4.0, 1.0)`},
			args:    args,
			onePass: !flt.selective(),
		})
		if a := &arms[len(arms)-1]; !flt.selective() {
			a.bare = `items_fts WHERE items_fts MATCH ?`
			if !flt.Superseded {
				a.excluded = `SELECT i.id FROM documents d INDEXED BY documents_superseded
					JOIN items i ON i.document_id = d.id WHERE d.superseded_by IS NOT NULL LIMIT ?`
			}
		}
	}
	return arms, nil
}

// match is a search match before it is filled in: which row, and its
// bm25 score. Searches rank thousands of them to show a page of Hits.
type match struct {
	typ   string // "finding" or "item"
	id    int64
	score float64
}

// collect returns the arm's newest matches that pass the filter, up to
// limit+1 of them (one more tells that there are more), with their bm25
// scores.
//
// Unless the arm ranks in one pass, it takes two. The first finds the
// matches that pass the filter without ranking them: with a ranking
// function in the query, FTS5 loads every visited row's positions,
// including rows the filter then drops, which for a narrow filter on
// agenda items is most of the cost. The second scores the matches found,
// in the rowid range they span, without the filter's joins.
func (a arm) collect(ctx context.Context, db *sql.DB, limit int) ([]match, error) {
	score := "0"
	if a.onePass {
		score = a.rank.score
	}
	from, args, skip := a.from, a.args, map[int64]bool(nil)
	if a.bare != "" {
		ids, few, err := excludedRows(ctx, db, a.excluded)
		if err != nil {
			return nil, err
		}
		if few {
			from, args, skip = a.bare, nil, ids
		}
	}
	q := `SELECT ` + a.fts + `.rowid, ` + score + ` FROM ` + from + ` ORDER BY ` + a.fts + `.rowid DESC LIMIT ?`
	rows, err := db.QueryContext(ctx, q, append(append([]any{a.match}, args...), limit+1+len(skip))...)
	if err != nil {
		return nil, err
	}
	hits := make([]match, 0, 64)
	for rows.Next() {
		m := match{typ: a.typ}
		if err := rows.Scan(&m.id, &m.score); err != nil {
			rows.Close()
			return nil, err
		}
		if !skip[m.id] {
			hits = append(hits, m)
		}
	}
	rows.Close()
	hits = hits[:min(len(hits), limit+1)]
	if err := rows.Err(); err != nil || len(hits) == 0 || a.onePass {
		return hits, err
	}
	if err := a.scores(ctx, db, hits); err != nil {
		return nil, err
	}
	return hits, nil
}

// excludedRows runs an arm's query for the rows of superseded documents.
// few is false when there are more than maxExcluded of them, and the
// search must join each match to its document instead.
func excludedRows(ctx context.Context, db *sql.DB, q string) (ids map[int64]bool, few bool, err error) {
	ids = map[int64]bool{}
	if q == "" {
		return ids, true, nil
	}
	rows, err := db.QueryContext(ctx, q, maxExcluded+1)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, false, err
		}
		ids[id] = true
	}
	return ids, len(ids) <= maxExcluded, rows.Err()
}

// scores sets the bm25 score of each of hits, matches of the arm in
// descending rowid order, by scanning the rowid range they span with the
// arm's ranking. (Looking each up by rowid would cost more: every lookup
// is a query of its own, which recounts each phrase's rows.) Where the
// words alone match many more rows in the range than there are hits (a
// narrow filter, an authority's few findings among a million), the scan
// stops and the sparse ranking, restricted by the filter, scores them
// instead.
func (a arm) scores(ctx context.Context, db *sql.DB, hits []match) error {
	if a.sparse == nil {
		_, err := a.rank.scores(ctx, db, hits, -1)
		return err
	}
	done, err := a.rank.scores(ctx, db, hits, denseRows*len(hits)+denseSlack)
	if err != nil || done {
		return err
	}
	_, err = a.sparse.scores(ctx, db, hits, -1)
	return err
}

// The words alone may match this many rows in the range per hit, and a
// few more, before a search ranks with the filter instead. (Variables so
// that tests can take either path.)
var denseRows, denseSlack = 4, 100

// scores scores the matches in the rowid range hits span, at most limit
// of them (none when limit is negative), and sets the scores of hits
// among them. done is false when it stopped at the limit.
func (r ranking) scores(ctx context.Context, db *sql.DB, hits []match, limit int) (done bool, err error) {
	q := `SELECT rowid, ` + r.score + ` FROM ` + r.fts + ` WHERE ` + r.fts + ` MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid LIMIT ?`
	rows, err := db.QueryContext(ctx, q, r.match, hits[len(hits)-1].id, hits[0].id, limit)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	// Rows come in ascending order; hits are walked backwards alongside.
	j, n := len(hits)-1, 0
	for rows.Next() {
		var id int64
		var score float64
		if err := rows.Scan(&id, &score); err != nil {
			return false, err
		}
		n++
		for j >= 0 && hits[j].id < id {
			j--
		}
		if j >= 0 && hits[j].id == id {
			hits[j].score = score
		}
	}
	return limit < 0 || n < limit, rows.Err()
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
