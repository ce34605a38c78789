package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// Bounds on what a filter may turn into full-text terms; past them the
// filter is left to the row conditions alone, which are always applied.
const (
	maxAuthorityTerms = 50
	maxYearTerms      = 200
)

// facetExpr returns an FTS5 expression over the filter columns of
// findings_search that selects every finding flt keeps (and perhaps a few
// more, which the row conditions then drop), so that a filtered search
// reads only the matches that can pass. none is true when no finding can
// pass (no document's authority matches). An empty expression means the
// filter narrows nothing worth indexing by: the search then runs on
// findings_fts, whose bm25 costs half as much per match.
func (s *DB) facetExpr(ctx context.Context, flt Filter) (expr string, none bool, err error) {
	// Whether a document is current is left to the row conditions: nearly
	// every finding is, so the term would only add work.
	var terms []string
	if len(flt.Kinds) > 0 {
		var ks []string
		for _, k := range flt.Kinds {
			ks = append(ks, ftsString(k))
		}
		terms = append(terms, `{kind}: (`+strings.Join(ks, " OR ")+`)`)
	}
	for _, c := range []struct{ col, v string }{{"area", flt.Area}, {"grade", flt.Grade}, {"source", flt.Source}} {
		if c.v != "" {
			terms = append(terms, "{"+c.col+"}: "+ftsString(c.v))
		}
	}
	if flt.Authority != "" {
		names, err := s.authoritiesLike(ctx, flt.Authority)
		if err != nil {
			return "", false, err
		}
		if len(names) == 0 {
			return "", true, nil
		}
		if len(names) <= maxAuthorityTerms {
			var qs []string
			for _, n := range names {
				if hasTokenChars(n) {
					qs = append(qs, ftsString(n))
				}
			}
			if len(qs) == len(names) {
				terms = append(terms, `{authority}: (`+strings.Join(qs, " OR ")+`)`)
			}
		}
	}
	if years := yearSpan(flt.Since, flt.Until); len(years) > 0 {
		terms = append(terms, `{year}: (`+strings.Join(years, " OR ")+`)`)
	}
	expr = strings.Join(terms, " AND ")
	if flt.NoProcedural && expr != "" {
		expr = "(" + expr + `) NOT {state}: "procedural"`
	}
	return expr, false, nil
}

// facetsExact reports whether the expression facetExpr builds for flt
// keeps exactly the findings the filter's row conditions keep, leaving
// aside whether their documents are current: kinds, grades and sources
// are labels of one word each, a range of whole years is the list of its
// years, and procedural is a word of the state column. An area is not
// (the words of children_in_care begin those of
// children_in_care_and_care_leavers), nor is an authority, matched as a
// substring, or a range of days.
func (flt Filter) facetsExact() bool {
	if flt.Area != "" || flt.Authority != "" || flt.DocumentID > 0 || flt.Document != "" {
		return false
	}
	if flt.Since == "" && flt.Until == "" {
		return true
	}
	whole := func(d string) bool { return d == "" || len(d) == 4 }
	return whole(flt.Since) && whole(flt.Until) && len(yearSpan(flt.Since, flt.Until)) > 0
}

// authoritiesLike lists the authorities whose name contains sub, as the
// row condition matches them.
func (s *DB) authoritiesLike(ctx context.Context, sub string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT authority FROM documents INDEXED BY documents_authority
		WHERE authority LIKE ? ESCAPE '\'`, "%"+escapeLike(sub)+"%")
	if err != nil {
		return nil, fmt.Errorf("authorities like %q: %w", sub, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// yearSpan returns the years, as FTS5 strings, that a date range can
// include; none when the range is open at both ends or too wide to be
// worth listing.
func yearSpan(since, until string) []string {
	if since == "" && until == "" {
		return nil
	}
	lo, hi := 1900, 2100
	if y, err := strconv.Atoi(prefix(since, 4)); err == nil {
		lo = y
	}
	if y, err := strconv.Atoi(prefix(until, 4)); err == nil {
		hi = y
	}
	if hi < lo || hi-lo+1 > maxYearTerms {
		return nil
	}
	var ys []string
	for y := lo; y <= hi; y++ {
		ys = append(ys, `"`+strconv.Itoa(y)+`"`)
	}
	return ys
}

func prefix(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}
