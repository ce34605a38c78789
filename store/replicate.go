package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Replicate adds copies of every current document with its facts, items
// and findings, so that benchmarks and load tests can measure the
// database at a size the corpus does not reach. Copy k of a document has
// the path "<path>#k" and the hash "<sha256>-k". Copies keep agenda
// items' titles and findings' text but not the documents' or items' full
// text, which would multiply the file's size for nothing a search of
// findings reads. The full-text indexes are filled in bulk for the copies.
// It runs in one transaction.
func (s *DB) Replicate(ctx context.Context, copies int) error {
	if copies < 1 {
		return nil
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var ds, is, fs, ms, ns int64
		for _, q := range []struct {
			table string
			dst   *int64
		}{{"documents", &ds}, {"items", &is}, {"findings", &fs}, {"meetings", &ms}, {"inspections", &ns}} {
			if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) + 1 FROM `+q.table).Scan(q.dst); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS copies (k INTEGER PRIMARY KEY)`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM copies`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO copies (k)
			WITH RECURSIVE c(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM c WHERE k < ?) SELECT k FROM c`, copies); err != nil {
			return err
		}
		// Each copy's ids are the original's plus k strides, so that
		// references between copied rows need no lookup.
		steps := []string{
			`INSERT INTO documents (id, path, abs_path, sha256, size, mtime, format, doc_type, title, authority,
				authority_urn, extractor, extractor_version, classifier_version, pages, text, page_starts, meta,
				run_id, ingested_at)
			SELECT d.id + c.k * :ds, d.path || '#' || c.k, d.abs_path || '#' || c.k, d.sha256 || '-' || c.k,
				d.size, d.mtime, d.format, d.doc_type, d.title, d.authority, d.authority_urn, d.extractor,
				d.extractor_version, d.classifier_version, d.pages, '', d.page_starts, d.meta, d.run_id, d.ingested_at
			FROM documents d, copies c WHERE d.superseded_by IS NULL AND d.id < :ds`,
			`INSERT INTO meetings (id, document_id, authority, committee, date)
			SELECT m.id + c.k * :ms, m.document_id + c.k * :ds, m.authority, m.committee, m.date
			FROM meetings m JOIN documents d ON d.id = m.document_id, copies c
			WHERE d.superseded_by IS NULL AND d.id < :ds`,
			`INSERT INTO inspections (id, document_id, authority, authority_urn, type, framework, start_date,
				end_date, published_date, lead_inspector)
			SELECT n.id + c.k * :ns, n.document_id + c.k * :ds, n.authority, n.authority_urn, n.type, n.framework,
				n.start_date, n.end_date, n.published_date, n.lead_inspector
			FROM inspections n JOIN documents d ON d.id = n.document_id, copies c
			WHERE d.superseded_by IS NULL AND d.id < :ds`,
			`INSERT INTO items (id, document_id, number, label, title, page, start, end, procedural, text)
			SELECT i.id + c.k * :is, i.document_id + c.k * :ds, i.number, i.label, i.title, i.page, i.start,
				i.end, i.procedural, ''
			FROM items i JOIN documents d ON d.id = i.document_id, copies c
			WHERE d.superseded_by IS NULL AND d.id < :ds`,
			`INSERT INTO findings (id, document_id, item_id, seq, kind, text, page, start, end, speaker,
				speaker_role, answered_by, answer_to, area, grade, inspection, previous, source, outcome, rule,
				classifier_version)
			SELECT f.id + c.k * :fs, f.document_id + c.k * :ds, f.item_id + c.k * :is, f.seq, f.kind, f.text,
				f.page, f.start, f.end, f.speaker, f.speaker_role, f.answered_by, f.answer_to + c.k * :fs, f.area,
				f.grade, f.inspection, f.previous, f.source, f.outcome, f.rule, f.classifier_version
			FROM findings f JOIN documents d ON d.id = f.document_id, copies c
			WHERE d.superseded_by IS NULL AND d.id < :ds`,
		}
		args := []any{sql.Named("ds", ds), sql.Named("is", is), sql.Named("fs", fs), sql.Named("ms", ms), sql.Named("ns", ns)}
		// Row-by-row triggers keep the search indexes in step with every
		// write, at a cost that dominates a million-row copy. They are set
		// aside for it, the indexes filled in bulk from the new rows, and
		// the triggers put back, all in this one transaction.
		restore, err := suspendIndexTriggers(ctx, tx)
		if err != nil {
			return err
		}
		for _, q := range steps {
			if _, err := tx.ExecContext(ctx, q, args...); err != nil {
				return err
			}
		}
		for _, q := range bulkIndex {
			if _, err := tx.ExecContext(ctx, q, args...); err != nil {
				return err
			}
		}
		return restore()
	})
	if err != nil {
		return fmt.Errorf("replicate %s: %w", s.path, err)
	}
	return nil
}

// indexTriggers are the triggers that index new items and findings for
// search, and bulkIndex does their work for every row added from :is and
// :fs on. The two lists must agree: suspendIndexTriggers refuses to run
// when an insert trigger it does not know of is found.
var indexTriggers = map[string]bool{"items_ai": true, "findings_ai": true, "findings_search_ai": true}

var bulkIndex = []string{
	`INSERT INTO items_fts (rowid, title, text) SELECT id, title, text FROM items WHERE id >= :is`,
	`INSERT INTO findings_fts (rowid, text, speaker) SELECT id, text, speaker FROM findings WHERE id >= :fs`,
	`INSERT INTO finding_facets (id, kind, area, grade, source, authority, year, state)
	SELECT id, kind, area, grade, source, authority, year, state FROM finding_facet_values WHERE id >= :fs`,
	`INSERT INTO findings_search (rowid, text, speaker, kind, area, grade, source, authority, year, state)
	SELECT f.id, f.text, coalesce(f.speaker, ''), x.kind, x.area, x.grade, x.source, x.authority, x.year, x.state
	FROM findings f JOIN finding_facets x ON x.id = f.id WHERE f.id >= :fs`,
}

// suspendIndexTriggers drops the insert triggers on items and findings and
// returns a function that recreates them from their saved definitions.
func suspendIndexTriggers(ctx context.Context, tx *sql.Tx) (func() error, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_master
		WHERE type = 'trigger' AND tbl_name IN ('items', 'findings') AND sql LIKE '%AFTER INSERT%'`)
	if err != nil {
		return nil, err
	}
	saved := map[string]string{}
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			rows.Close()
			return nil, err
		}
		saved[name] = def
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for name := range saved {
		if !indexTriggers[name] {
			return nil, fmt.Errorf("trigger %s is not one Replicate knows how to do in bulk", name)
		}
	}
	for name := range saved {
		if _, err := tx.ExecContext(ctx, `DROP TRIGGER `+name); err != nil {
			return nil, err
		}
	}
	return func() error {
		for _, def := range saved {
			if _, err := tx.ExecContext(ctx, def); err != nil {
				return err
			}
		}
		return nil
	}, nil
}

// Optimize merges the full-text indexes into one segment each and updates
// the query planner's statistics: worth doing after a large batch of
// writes, and what a database copied out for researchers should have.
func (s *DB) Optimize(ctx context.Context) error {
	for _, q := range []string{
		`INSERT INTO findings_fts(findings_fts) VALUES ('optimize')`,
		`INSERT INTO items_fts(items_fts) VALUES ('optimize')`,
		`INSERT INTO findings_search(findings_search) VALUES ('optimize')`,
		`ANALYZE`,
	} {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("optimize %s: %w", s.path, err)
		}
	}
	return nil
}
