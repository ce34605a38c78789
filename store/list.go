package store

import (
	"context"
	"fmt"
)

// List returns one page of the findings flt selects when there are no
// words to search for, most recently added first, in the shape of search
// results (each snippet is the finding's whole text). Matches are counted
// up to the rank window, as for Search.
func (s *DB) List(ctx context.Context, flt Filter, opt SearchOptions) (Results, error) {
	opt = opt.withDefaults()
	res := Results{Offset: opt.Offset, Limit: opt.Limit, Hits: []Hit{}, RankedAll: true}
	where, args := flt.where()
	from := ` FROM findings f JOIN documents d ON d.id = f.document_id LEFT JOIN items i ON i.id = f.item_id WHERE ` + where

	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1`+from+` LIMIT ?)`, append(args, opt.Window+1)...).Scan(&n)
	if err != nil {
		return res, fmt.Errorf("list: %w", err)
	}
	res.TotalExact = n <= opt.Window
	res.Total = min(n, opt.Window)
	res.Findings, res.Ranked = res.Total, res.Total

	rows, err := s.rows(ctx, "list", rowSelect+` WHERE `+where+` ORDER BY f.id DESC LIMIT ? OFFSET ?`,
		append(args, opt.Limit, opt.Offset)...)
	if err != nil {
		return res, err
	}
	for _, r := range rows {
		r := r
		res.Hits = append(res.Hits, Hit{
			Type: "finding", ID: r.ID, Snippet: r.Text, Highlights: [][2]int{},
			DocumentID: r.DocumentID, Document: r.Document, Authority: r.Authority, DocType: r.DocType,
			Date: r.Date, ItemID: r.ItemID, Item: r.Item, ItemLabel: r.ItemLabel, ItemTitle: r.ItemTitle,
			Page: r.Page, Start: r.Start, End: r.End, Finding: &r,
		})
	}
	return res, nil
}
