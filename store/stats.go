package store

import (
	"context"
	"fmt"
)

// Stats summarises the database.
type Stats struct {
	Documents  int            `json:"documents"`  // current documents
	Superseded int            `json:"superseded"` // older versions kept
	Items      int            `json:"items"`
	Findings   map[string]int `json:"findings"` // by kind, current documents only
	ByType     map[string]int `json:"documents_by_type"`
	ByFormat   map[string]int `json:"documents_by_format"`
	Failures   int            `json:"failures"` // documents whose latest attempt failed
	Runs       int            `json:"runs"`
}

// Stats counts what the database holds.
func (s *DB) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Findings: map[string]int{}, ByType: map[string]int{}, ByFormat: map[string]int{}}
	scalars := []struct {
		q   string
		dst *int
	}{
		{`SELECT count(*) FROM documents WHERE superseded_by IS NULL`, &st.Documents},
		{`SELECT count(*) FROM documents WHERE superseded_by IS NOT NULL`, &st.Superseded},
		{`SELECT count(*) FROM items i JOIN documents d ON d.id = i.document_id WHERE d.superseded_by IS NULL`, &st.Items},
		{`SELECT count(*) FROM failures f WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.sha256 = f.sha256)`, &st.Failures},
		{`SELECT count(*) FROM runs`, &st.Runs},
	}
	for _, sc := range scalars {
		if err := s.db.QueryRowContext(ctx, sc.q).Scan(sc.dst); err != nil {
			return st, fmt.Errorf("stats: %w", err)
		}
	}
	groups := []struct {
		q   string
		dst map[string]int
	}{
		{`SELECT f.kind, count(*) FROM findings f JOIN documents d ON d.id = f.document_id
			WHERE d.superseded_by IS NULL GROUP BY f.kind`, st.Findings},
		{`SELECT doc_type, count(*) FROM documents WHERE superseded_by IS NULL GROUP BY doc_type`, st.ByType},
		{`SELECT format, count(*) FROM documents WHERE superseded_by IS NULL GROUP BY format`, st.ByFormat},
	}
	for _, g := range groups {
		rows, err := s.db.QueryContext(ctx, g.q)
		if err != nil {
			return st, fmt.Errorf("stats: %w", err)
		}
		for rows.Next() {
			var k string
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				rows.Close()
				return st, err
			}
			g.dst[k] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return st, err
		}
	}
	return st, nil
}

// DocumentPaths lists the paths of current documents.
func (s *DB) DocumentPaths(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT path FROM documents WHERE superseded_by IS NULL ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
