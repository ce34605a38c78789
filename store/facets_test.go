package store_test

import (
	"context"
	"fmt"
	"sort"
	"testing"

	"scrutiny/internal/seed"
	"scrutiny/store"
)

// findingIDs returns the ids of the findings a search returns.
func findingIDs(t *testing.T, db *store.DB, flt store.Filter) []int64 {
	t.Helper()
	res := search(t, db, flt, store.SearchOptions{Scope: store.ScopeFindings, Limit: store.MaxLimit})
	var ids []int64
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

// TestFacetsAgreeWithRowFilters checks that narrowing a search through
// findings_search's filter columns keeps exactly what the row conditions
// keep: a raw query runs on findings_fts with the row conditions alone.
func TestFacetsAgreeWithRowFilters(t *testing.T) {
	db := seeded(t)
	ctx := context.Background()
	// A superseded version of the report, so that the state column counts.
	d := seed.Documents()[2]
	d.SHA256 = "e" + d.SHA256[1:]
	if _, err := db.PutDocument(ctx, d, 0, store.Versions{Extractor: "seed", Classifier: "seed"}); err != nil {
		t.Fatal(err)
	}
	words := "the OR of OR and OR care OR agency OR funding OR councillor OR social"
	filters := []store.Filter{
		{}, {Superseded: true}, {Kinds: []string{"question", "answer"}}, {Kinds: []string{"judgement"}, Grade: "good"},
		{Area: "overall_effectiveness"}, {Source: "report", Superseded: true}, {Authority: "shire"}, {Authority: "NORTHAM"},
		{Authority: "nowhere"}, {Since: "2024"}, {Until: "2023-12"}, {Since: "2023-11-02", Until: "2023-11-02"},
		{Since: "2024-02"}, {NoProcedural: true}, {Authority: "Testshire", Kinds: []string{"resolution"}, Since: "2024-03"},
	}
	for _, f := range filters {
		simple, raw := f, f
		simple.Query, raw.Query, raw.Raw = words, words, true
		got, want := findingIDs(t, db, simple), findingIDs(t, db, raw)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("filter %+v: indexed search finds %v, row conditions %v", f, got, want)
		}
	}
	for _, f := range filters {
		res, err := db.List(ctx, f, store.SearchOptions{Limit: store.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		if err := db.Export(ctx, f, func(store.Row) error { want++; return nil }); err != nil {
			t.Fatal(err)
		}
		if res.Total != want {
			t.Errorf("list %+v: %d findings, export %d", f, res.Total, want)
		}
	}
}

// TestFacetsFollowChanges changes what filter values come from and checks
// that searches see the change.
func TestFacetsFollowChanges(t *testing.T) {
	db := seeded(t)
	ctx := context.Background()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.SQL().ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	q := func(flt store.Filter) int {
		t.Helper()
		flt.Query = seed.QuestionPhrase
		return len(findingIDs(t, db, flt))
	}
	if n := q(store.Filter{Kinds: []string{"question"}, Since: "2024-03"}); n != 1 {
		t.Fatalf("seed question found %d times, want 1", n)
	}
	exec(`UPDATE findings SET kind = 'strength' WHERE kind = 'question' AND speaker = 'Councillor Hunt'`)
	if n := q(store.Filter{Kinds: []string{"question"}}); n != 0 {
		t.Errorf("after a kind changed: %d questions, want 0", n)
	}
	if n := q(store.Filter{Kinds: []string{"strength"}}); n != 1 {
		t.Errorf("after a kind changed: %d strengths, want 1", n)
	}
	exec(`UPDATE meetings SET date = '2019-05-01'`)
	if n := q(store.Filter{Since: "2024"}); n != 0 {
		t.Errorf("after the meeting's date changed to 2019: %d found since 2024, want 0", n)
	}
	if n := q(store.Filter{Until: "2019"}); n != 1 {
		t.Errorf("after the meeting's date changed to 2019: %d found until 2019, want 1", n)
	}
	exec(`UPDATE documents SET authority = 'Elsewhere' WHERE authority = 'Testshire'`)
	if n := q(store.Filter{Authority: "Elsewhere"}); n != 1 {
		t.Errorf("after the authority changed: %d found for the new name, want 1", n)
	}
	exec(`UPDATE items SET procedural = 1 WHERE title LIKE 'Ofsted inspection%'`)
	if n := q(store.Filter{NoProcedural: true}); n != 0 {
		t.Errorf("after the item became procedural: %d found without procedural items, want 0", n)
	}
	exec(`DELETE FROM findings WHERE speaker = 'Councillor Hunt'`)
	if n := q(store.Filter{}); n != 0 {
		t.Errorf("after the finding was deleted: found %d times", n)
	}
	exec(`DELETE FROM documents`)
	var left int
	if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM finding_facets`).Scan(&left); err != nil || left != 0 {
		t.Errorf("after every document was deleted: %d facet rows left (%v)", left, err)
	}
	var stale int
	err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM findings_search WHERE findings_search MATCH '{state}: current OR {state}: superseded'`).Scan(&stale)
	if err != nil || stale != 0 {
		t.Errorf("after every document was deleted: %d entries left in findings_search (%v)", stale, err)
	}
	exec(`INSERT INTO findings_search(findings_search) VALUES ('integrity-check')`)
}
