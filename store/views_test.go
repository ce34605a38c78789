package store_test

import (
	"context"
	"database/sql"
	"testing"

	"scrutiny/internal/seed"
	"scrutiny/store"
)

func queryStrings(t *testing.T, db *store.DB, q string, args ...any) [][]string {
	t.Helper()
	rows, err := db.SQL().QueryContext(context.Background(), q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			row[i] = v.String
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestQuestionAnswersView(t *testing.T) {
	db := seeded(t)
	got := queryStrings(t, db, `SELECT authority, committee, date, item, asker, asker_role, answerer, answerer_role,
		question LIKE '%' || ? || '%', coalesce(answer, '') LIKE '%' || ? || '%', answer_id IS NULL, question_page, answer_page
		FROM question_answers ORDER BY question_id`, seed.QuestionPhrase, seed.AnswerPhrase)
	want := [][]string{
		{"Testshire", "Children’s Services Scrutiny Committee", "2024-03-12", "2", "Councillor Hunt", "member",
			"the Director of Children’s Services", "officer", "1", "1", "0", "1", "2"},
		{"Testshire", "Children’s Services Scrutiny Committee", "2024-03-12", "2", "Councillor Patel", "member",
			"", "", "0", "0", "1", "2", ""},
	}
	assertRows(t, "question_answers", got, want)
}

func TestRecommendationsViews(t *testing.T) {
	db := seeded(t)
	got := queryStrings(t, db, `SELECT authority, year, source, recommendations, documents
		FROM recommendations_by_authority_year ORDER BY authority`)
	want := [][]string{{"Northam", "2023", "report", "1", "1"}, {"Testshire", "2024", "ofsted", "1", "1"}}
	assertRows(t, "recommendations_by_authority_year", got, want)

	got = queryStrings(t, db, `SELECT r.authority, r.date, r.source, substr(d.text, r.start + 1, r.end - r.start) = r.text
		FROM recommendations r JOIN documents d ON d.id = r.document_id ORDER BY r.id`)
	want = [][]string{{"Testshire", "2024-01-20", "ofsted", "1"}, {"Northam", "2023-11-02", "report", "1"}}
	assertRows(t, "recommendations", got, want)
}

func TestResolutionsView(t *testing.T) {
	db := seeded(t)
	got := queryStrings(t, db, `SELECT authority, committee, date, year, item_label, outcome, text LIKE '%' || ? || '%'
		FROM resolutions`, seed.ResolutionPhrase)
	want := [][]string{{"Testshire", "Children’s Services Scrutiny Committee", "2024-03-12", "2024", "2.", "noted", "1"}}
	assertRows(t, "resolutions", got, want)
}

func TestViewsLeaveOutSupersededDocuments(t *testing.T) {
	db := seeded(t)
	ctx := context.Background()
	// A new version of the minutes, without the questions, replaces the old.
	d := seed.Documents()[0]
	d.SHA256 = "f" + d.SHA256[1:]
	d.Findings = nil
	if _, err := db.PutDocument(ctx, d, 0, store.Versions{Extractor: "seed", Classifier: "seed"}); err != nil {
		t.Fatal(err)
	}
	if got := queryStrings(t, db, `SELECT count(*) FROM question_answers`); got[0][0] != "0" {
		t.Errorf("question_answers has %s rows from a superseded document, want 0", got[0][0])
	}
}

func TestReplicate(t *testing.T) {
	db := seeded(t)
	ctx := context.Background()
	count := func(q string) string { return queryStrings(t, db, q)[0][0] }
	before := count(`SELECT count(*) FROM findings`)
	if err := db.Replicate(ctx, 3); err != nil {
		t.Fatal(err)
	}
	if err := db.Optimize(ctx); err != nil {
		t.Fatal(err)
	}
	checks := []struct{ q, want string }{
		{`SELECT count(*) / ` + before + ` FROM findings`, "4"},
		{`SELECT count(*) FROM findings_fts WHERE findings_fts MATCH 'agency'`, "4"},
		{`SELECT count(*) FROM items_fts WHERE items_fts MATCH 'title:apologies'`, "4"},
		{`SELECT count(*) FROM question_answers WHERE answer_id IS NOT NULL`, "4"},
		{`SELECT count(*) FROM question_answers q JOIN findings a ON a.id = q.answer_id WHERE a.document_id <> q.document_id`, "0"},
		{`SELECT count(*) FROM recommendations_by_authority_year WHERE recommendations = 4`, "2"},
		{`SELECT count(DISTINCT sha256) FROM documents`, "12"},
	}
	for _, c := range checks {
		if got := count(c.q); got != c.want {
			t.Errorf("%s = %s, want %s", c.q, got, c.want)
		}
	}
	res := search(t, db, store.Filter{Query: seed.QuestionPhrase}, store.SearchOptions{Scope: store.ScopeFindings})
	if res.Total != 4 {
		t.Errorf("search after replicating 3 times: %d findings, want 4", res.Total)
	}
	// The copies are indexed in bulk with the triggers set aside: the
	// triggers are back, and the indexes agree with their tables.
	if got := count(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ('items_ai', 'findings_ai', 'findings_search_ai')`); got != "3" {
		t.Errorf("%s of the three index triggers are back after replicating", got)
	}
	for _, fts := range []string{"findings_fts", "items_fts"} {
		if _, err := db.SQL().ExecContext(ctx, `INSERT INTO `+fts+`(`+fts+`) VALUES ('integrity-check')`); err != nil {
			t.Errorf("%s after replicating: %v", fts, err)
		}
	}
	if got := count(`SELECT (SELECT count(*) FROM finding_facets) = (SELECT count(*) FROM findings)`); got != "1" {
		t.Error("finding_facets does not hold a row for every finding after replicating")
	}
	res = search(t, db, store.Filter{Query: seed.QuestionPhrase, Kinds: []string{"question"}}, store.SearchOptions{Scope: store.ScopeFindings})
	if res.Total != 4 {
		t.Errorf("filtered search after replicating: %d findings, want 4", res.Total)
	}
}

func assertRows(t *testing.T, name string, got, want [][]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d rows %q, want %d %q", name, len(got), got, len(want), want)
	}
	for i := range want {
		for j := range want[i] {
			if got[i][j] != want[i][j] {
				t.Errorf("%s row %d column %d = %q, want %q (row %q)", name, i, j, got[i][j], want[i][j], got[i])
			}
		}
	}
}
