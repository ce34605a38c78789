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
// findings reads. The full-text indexes are kept in sync by their
// triggers, as for any write. It runs in one transaction.
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
		for _, q := range steps {
			if _, err := tx.ExecContext(ctx, q, args...); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("replicate %s: %w", s.path, err)
	}
	return nil
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
