package store

import (
	"context"
	"fmt"
)

// List returns one page of the findings flt selects when there are no
// words to search for, most recently added first, in the shape of search
// results (each snippet is the finding's whole text). Matches are counted
// up to the rank window, as for Search. The filter values are looked up in
// findings_search, so a narrow filter does not read every finding.
func (s *DB) List(ctx context.Context, flt Filter, opt SearchOptions) (Results, error) {
	opt = opt.withDefaults()
	res := Results{Offset: opt.Offset, Limit: opt.Limit, Hits: []Hit{}, RankedAll: true, TotalExact: true}
	facets, none, err := s.facetExpr(ctx, flt)
	if err != nil {
		return res, fmt.Errorf("list: %w", err)
	}
	if none {
		return res, nil
	}
	where, args := flt.where()
	from := ` FROM findings f JOIN documents d ON d.id = f.document_id LEFT JOIN items i ON i.id = f.item_id WHERE ` + where
	order := ` ORDER BY f.id DESC`
	if facets != "" {
		from = ` FROM findings_search JOIN findings f ON f.id = findings_search.rowid
			JOIN documents d INDEXED BY documents_search ON d.id = f.document_id LEFT JOIN items i ON i.id = f.item_id
			WHERE findings_search MATCH ? AND ` + where
		args = append([]any{facets}, args...)
		order = ` ORDER BY findings_search.rowid DESC`
	}

	var n int
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1`+from+` LIMIT ?)`, append(args, opt.Window+1)...).Scan(&n)
	if err != nil {
		return res, fmt.Errorf("list: %w", err)
	}
	res.TotalExact = n <= opt.Window
	res.Total = min(n, opt.Window)
	res.Findings, res.Ranked = res.Total, res.Total

	rows, err := s.db.QueryContext(ctx, `SELECT f.id`+from+order+` LIMIT ? OFFSET ?`, append(args, opt.Limit, opt.Offset)...)
	if err != nil {
		return res, fmt.Errorf("list: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return res, fmt.Errorf("list: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return res, fmt.Errorf("list: %w", err)
	}
	for _, id := range ids {
		r, err := s.Finding(ctx, id)
		if err != nil {
			return res, fmt.Errorf("list: %w", err)
		}
		res.Hits = append(res.Hits, Hit{
			Type: "finding", ID: r.ID, Snippet: r.Text, Highlights: [][2]int{},
			DocumentID: r.DocumentID, Document: r.Document, Authority: r.Authority, DocType: r.DocType,
			Date: r.Date, ItemID: r.ItemID, Item: r.Item, ItemLabel: r.ItemLabel, ItemTitle: r.ItemTitle,
			Page: r.Page, Start: r.Start, End: r.End, Finding: &r,
		})
	}
	return res, nil
}
