package store

import (
	"context"
	"database/sql"
)

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
