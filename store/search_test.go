package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"scrutiny/corpus"
	"scrutiny/internal/seed"
	"scrutiny/internal/testkit"
	"scrutiny/store"
)

func seeded(t *testing.T) *store.DB {
	t.Helper()
	db := testkit.OpenDB(t)
	if err := seed.Load(context.Background(), db); err != nil {
		t.Fatalf("seed: %v", err)
	}
	return db
}

func search(t *testing.T, db *store.DB, flt store.Filter, opt store.SearchOptions) store.Results {
	t.Helper()
	res, err := db.Search(context.Background(), flt, opt)
	if err != nil {
		t.Fatalf("search %q: %v", flt.Query, err)
	}
	return res
}

func TestSearchFindsFindingWithProvenance(t *testing.T) {
	db := seeded(t)
	res := search(t, db, store.Filter{Query: seed.QuestionPhrase}, store.SearchOptions{})
	var q *store.Hit
	for i, h := range res.Hits {
		if h.Type == "finding" {
			q = &res.Hits[i]
		}
	}
	if q == nil {
		t.Fatalf("no finding among %d hits for %q", len(res.Hits), seed.QuestionPhrase)
	}
	f := q.Finding
	if f.Kind != "question" || f.Speaker != "Councillor Hunt" || f.Rule != "seed.question" {
		t.Errorf("hit = %s by %q (rule %s), want the seed question by Councillor Hunt", f.Kind, f.Speaker, f.Rule)
	}
	if q.Document != "minutes/testshire_scrutiny_2024-03-12.txt" || q.Authority != "Testshire" || q.Date != "2024-03-12" {
		t.Errorf("provenance = %q, %q, %q", q.Document, q.Authority, q.Date)
	}
	if q.Item != 2 || q.ItemID == 0 || !strings.Contains(q.ItemTitle, "Ofsted inspection") || q.Page != 1 {
		t.Errorf("item = %d (id %d) %q page %d, want item 2 on page 1", q.Item, q.ItemID, q.ItemTitle, q.Page)
	}
	got, err := db.DocumentText(context.Background(), q.DocumentID, q.Start, q.End)
	if err != nil {
		t.Fatal(err)
	}
	if got != f.Text {
		t.Errorf("document text at [%d, %d) = %q, want the finding's text %q", q.Start, q.End, got, f.Text)
	}
	var marked []string
	rs := []rune(q.Snippet)
	for _, h := range q.Highlights {
		marked = append(marked, strings.ToLower(string(rs[h[0]:h[1]])))
	}
	if strings.Join(marked, " ") != seed.QuestionPhrase {
		t.Errorf("highlighted %q in snippet %q, want %q", marked, q.Snippet, seed.QuestionPhrase)
	}
	if res.Items != 1 || res.Findings != 1 || res.Total != 2 || !res.TotalExact || !res.RankedAll {
		t.Errorf("counts = %d findings, %d items, total %d (exact %v, ranked all %v), want 1, 1, 2, exact",
			res.Findings, res.Items, res.Total, res.TotalExact, res.RankedAll)
	}
}

func TestSearchRanksByBM25(t *testing.T) {
	db := seeded(t)
	res := search(t, db, store.Filter{Query: "children"}, store.SearchOptions{})
	if len(res.Hits) < 3 {
		t.Fatalf("%d hits for children, want several", len(res.Hits))
	}
	for i := 1; i < len(res.Hits); i++ {
		if res.Hits[i].Score < res.Hits[i-1].Score {
			t.Errorf("hit %d scores %f, better than hit %d's %f: not ranked best first", i, res.Hits[i].Score, i-1, res.Hits[i-1].Score)
		}
	}
}

func TestSearchFilters(t *testing.T) {
	db := seeded(t)
	cases := []struct {
		name      string
		flt       store.Filter
		opt       store.SearchOptions
		wantTypes map[string]int // hits by type (kind for findings, "item")
	}{
		{"kind leaves items out", store.Filter{Query: "Councillor", Kinds: []string{"question"}}, store.SearchOptions{},
			map[string]int{"question": 2}},
		{"authority", store.Filter{Query: "social", Authority: "northam"}, store.SearchOptions{},
			map[string]int{"recommendation": 1, "item": 1}},
		{"until a year keeps all of it", store.Filter{Query: "social", Until: "2023"}, store.SearchOptions{},
			map[string]int{"recommendation": 1, "item": 1}},
		{"since", store.Filter{Query: "funding OR oversight", Since: "2024-01"}, store.SearchOptions{Scope: store.ScopeFindings},
			map[string]int{"recommendation": 1}},
		{"grade", store.Filter{Query: "care", Grade: "inadequate"}, store.SearchOptions{},
			map[string]int{"judgement": 1}},
		{"area", store.Filter{Query: "experiences", Area: "children_in_care"}, store.SearchOptions{},
			map[string]int{"judgement": 1}},
		{"source", store.Filter{Query: "oversight OR funding", Source: "report"}, store.SearchOptions{},
			map[string]int{"recommendation": 1}},
		{"source excludes", store.Filter{Query: "oversight", Source: "report"}, store.SearchOptions{},
			map[string]int{}},
		{"items only", store.Filter{Query: "apologies"}, store.SearchOptions{Scope: store.ScopeItems},
			map[string]int{"item": 1}},
		{"no procedural items", store.Filter{Query: "apologies", NoProcedural: true}, store.SearchOptions{},
			map[string]int{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := search(t, db, c.flt, c.opt)
			got := map[string]int{}
			for _, h := range res.Hits {
				if h.Finding != nil {
					got[h.Finding.Kind]++
				} else {
					got["item"]++
				}
			}
			if len(got) != len(c.wantTypes) {
				t.Fatalf("hits by type = %v, want %v", got, c.wantTypes)
			}
			for k, n := range c.wantTypes {
				if got[k] != n {
					t.Errorf("hits by type = %v, want %v", got, c.wantTypes)
				}
			}
			if res.Total != len(res.Hits) {
				t.Errorf("total %d, but %d hits on a page of %d", res.Total, len(res.Hits), res.Limit)
			}
		})
	}
}

func TestSearchPaginates(t *testing.T) {
	db := seeded(t)
	all := search(t, db, store.Filter{Query: "the"}, store.SearchOptions{Limit: 100})
	if all.Total < 4 {
		t.Fatalf("only %d results for 'the'", all.Total)
	}
	var paged []store.Hit
	for off := 0; off < all.Total; off += 3 {
		res := search(t, db, store.Filter{Query: "the"}, store.SearchOptions{Limit: 3, Offset: off})
		if res.Total != all.Total {
			t.Errorf("page at %d: total %d, want %d", off, res.Total, all.Total)
		}
		paged = append(paged, res.Hits...)
	}
	if len(paged) != len(all.Hits) {
		t.Fatalf("pages hold %d hits, one page %d", len(paged), len(all.Hits))
	}
	for i := range paged {
		if paged[i].Type != all.Hits[i].Type || paged[i].ID != all.Hits[i].ID {
			t.Errorf("hit %d: paged %s %d, unpaged %s %d", i, paged[i].Type, paged[i].ID, all.Hits[i].Type, all.Hits[i].ID)
		}
	}
}

func TestSearchRankWindow(t *testing.T) {
	db := seeded(t)
	res := search(t, db, store.Filter{Query: "experiences"}, store.SearchOptions{Window: 2, Scope: store.ScopeFindings})
	if res.TotalExact || res.RankedAll || res.Total != 2 || res.Ranked != 2 {
		t.Errorf("window 2 over 4 matches: total %d exact %v, ranked %d all %v; want 2, false, 2, false",
			res.Total, res.TotalExact, res.Ranked, res.RankedAll)
	}
	// The window holds the newest matches: the last two judgements added.
	full := search(t, db, store.Filter{Query: "experiences"}, store.SearchOptions{Scope: store.ScopeFindings})
	maxID := int64(0)
	for _, h := range full.Hits {
		maxID = max(maxID, h.ID)
	}
	found := false
	for _, h := range res.Hits {
		found = found || h.ID == maxID
		if h.ID < maxID-1 {
			t.Errorf("hit %d is not among the two newest matches (newest %d)", h.ID, maxID)
		}
	}
	if !found {
		t.Errorf("the newest match %d is not in the window", maxID)
	}
}

func TestSearchQueryErrors(t *testing.T) {
	db := seeded(t)
	for _, q := range []store.Filter{
		{Query: ""}, {Query: "   "}, {Query: "-agency"}, {Query: "NOT agency"}, {Query: `"`}, {Query: "***"},
		{Query: "agency AND", Raw: true}, {Query: `"unclosed`, Raw: true}, {Query: "nosuchcolumn: x", Raw: true},
		{Query: "(a OR", Raw: true},
	} {
		_, err := db.Search(context.Background(), q, store.SearchOptions{})
		var qe *store.QueryError
		if !errors.As(err, &qe) {
			t.Errorf("search %q (raw %v): err = %v, want a *store.QueryError", q.Query, q.Raw, err)
			continue
		}
		if qe.Reason == "" || strings.Contains(qe.Reason, "SQL logic") {
			t.Errorf("search %q: reason %q is not for people", q.Query, qe.Reason)
		}
	}
}

func TestSearchSimpleSyntaxAlwaysRuns(t *testing.T) {
	db := seeded(t)
	for _, q := range []string{
		"children's services", "child-protection", "(agency OR", "agency) social", "OR OR agency", "agency AND",
		"“agency social”", `"agency social`, "NEAR(agency social)", "agency NOT", "col: agency", "^agency", "a'; DROP TABLE findings; --",
		"Zoë", "naïve café", "50%", "{agency}", "agency + social", "*", "agency*", "-",
	} {
		if _, err := db.Search(context.Background(), store.Filter{Query: q}, store.SearchOptions{}); err != nil {
			var qe *store.QueryError
			if !errors.As(err, &qe) {
				t.Errorf("search %q: %v", q, err)
			}
		}
	}
	if n := len(search(t, db, store.Filter{Query: "Zoe"}, store.SearchOptions{}).Hits); n != 1 {
		t.Errorf("Zoe (for Zoë) found %d hits, want 1: diacritics should not matter", n)
	}
}

func TestList(t *testing.T) {
	db := seeded(t)
	res, err := db.List(context.Background(), store.Filter{Kinds: []string{"judgement"}}, store.SearchOptions{Limit: 4})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 6 || len(res.Hits) != 4 {
		t.Fatalf("total %d, %d hits; want 6 judgements, 4 on the page", res.Total, len(res.Hits))
	}
	for i := 1; i < len(res.Hits); i++ {
		if res.Hits[i].ID > res.Hits[i-1].ID {
			t.Errorf("hits not newest first: %d after %d", res.Hits[i].ID, res.Hits[i-1].ID)
		}
	}
	for _, h := range res.Hits {
		if h.Finding == nil || h.Finding.Kind != "judgement" || h.Snippet != h.Finding.Text {
			t.Errorf("hit %d: %+v", h.ID, h)
		}
	}
}

func TestExportQuery(t *testing.T) {
	db := seeded(t)
	var got []string
	err := db.Export(context.Background(), store.Filter{Query: seed.AnswerPhrase}, func(r store.Row) error {
		got = append(got, r.Kind)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != "answer" {
		t.Errorf("export --query %q = %v, want one answer", seed.AnswerPhrase, got)
	}
	err = db.Export(context.Background(), store.Filter{Query: "x AND", Raw: true}, func(store.Row) error { return nil })
	var qe *store.QueryError
	if !errors.As(err, &qe) {
		t.Errorf("export with a malformed raw query: err = %v, want a *store.QueryError", err)
	}
}

// A new version of a document hides the old one's findings and items from
// search, unless asked for, whether the search sets the superseded rows
// aside or joins each match to its document (past store.maxExcluded).
func TestSearchSkipsSupersededVersions(t *testing.T) {
	ctx := context.Background()
	db := seeded(t)
	old := search(t, db, store.Filter{Query: seed.QuestionPhrase}, store.SearchOptions{})
	if old.Total != 2 {
		t.Fatalf("before a new version: %d matches, want 2", old.Total)
	}
	var doc *corpus.Document
	for _, d := range seed.Documents() {
		if d.Path == old.Hits[0].Document {
			doc = d
		}
	}
	if doc == nil {
		t.Fatalf("no seed document at %s", old.Hits[0].Document)
	}
	doc.SHA256 = strings.Repeat("b", 64)
	doc.Text = strings.Replace(doc.Text, seed.QuestionPhrase, strings.ToUpper(seed.QuestionPhrase), 1)
	if _, err := db.PutDocument(ctx, doc, 0, store.Versions{Extractor: "seed", Classifier: "seed"}); err != nil {
		t.Fatal(err)
	}
	for _, limit := range []int{10000, 0} {
		restore := store.SetMaxExcluded(limit)
		cur := search(t, db, store.Filter{Query: seed.QuestionPhrase}, store.SearchOptions{})
		all := search(t, db, store.Filter{Query: seed.QuestionPhrase, Superseded: true}, store.SearchOptions{})
		restore()
		if cur.Total != 2 || cur.Findings != 1 || cur.Items != 1 {
			t.Errorf("set aside at most %d: %d findings and %d items, want the new version's 1 and 1", limit, cur.Findings, cur.Items)
		}
		for _, h := range cur.Hits {
			if h.DocumentID == old.Hits[0].DocumentID {
				t.Errorf("set aside at most %d: hit %s %d is in the superseded version", limit, h.Type, h.ID)
			}
		}
		if all.Total != 4 {
			t.Errorf("set aside at most %d, superseded included: %d matches, want both versions' 4", limit, all.Total)
		}
	}
}

// Filters a search reads from the full-text index alone return what the
// same filters checked row by row return.
func TestSearchIndexFiltersMatchRowFilters(t *testing.T) {
	ctx := context.Background()
	db := seeded(t)
	// A second inspection, a year later, whose children in care share an
	// area with care leavers: the words of one area begin the other's.
	for _, d := range seed.Documents() {
		if d.Inspection == nil {
			continue
		}
		d.Path, d.AbsPath, d.SHA256 = "ofsted/90001_testshire_2025-01-20.txt", "/seed/ofsted/90001_testshire_2025-01-20.txt", strings.Repeat("c", 64)
		d.Inspection.PublishedDate = "2025-01-20"
		for i := range d.Findings {
			if d.Findings[i].Area == corpus.ChildrenInCare {
				d.Findings[i].Area = corpus.ChildrenInCareAndCareLeavers
			}
		}
		if _, err := db.PutDocument(ctx, d, 0, store.Versions{Extractor: "seed", Classifier: "seed"}); err != nil {
			t.Fatal(err)
		}
	}
	filters := []store.Filter{
		{Query: "experiences"},
		{Query: "experiences", Kinds: []string{"judgement"}},
		{Query: "experiences progress", Kinds: []string{"judgement", "question"}, Grade: "good"},
		{Query: "experiences", Area: "children_in_care"},
		{Query: "care", Since: "2025"},
		{Query: "care", Until: "2024"},
		{Query: "care", Since: "2024", Until: "2024"},
		{Query: "care", Since: "2024-06-01"},
		{Query: "management", Source: "ofsted", NoProcedural: true},
		{Query: "experiences", Authority: "Testshire", Kinds: []string{"judgement"}},
		{Query: "experiences", Superseded: true, Grade: "good"},
	}
	for _, flt := range filters {
		fromIndex := search(t, db, flt, store.SearchOptions{Limit: 100})
		restore := store.SetMaxExcluded(-1)
		byRow := search(t, db, flt, store.SearchOptions{Limit: 100})
		restore()
		if fromIndex.Total != byRow.Total || len(fromIndex.Hits) != len(byRow.Hits) {
			t.Errorf("%+v: %d matches (%d hits) from the index, %d (%d) row by row",
				flt, fromIndex.Total, len(fromIndex.Hits), byRow.Total, len(byRow.Hits))
			continue
		}
		if byRow.Total == 0 {
			t.Errorf("%+v: no match, so nothing compared", flt)
		}
		for i := range byRow.Hits {
			a, b := fromIndex.Hits[i], byRow.Hits[i]
			if a.Type != b.Type || a.ID != b.ID {
				t.Errorf("%+v: hit %d is %s %d from the index, %s %d row by row", flt, i, a.Type, a.ID, b.Type, b.ID)
			}
		}
	}
}

// A filtered search scores every hit, whether it ranks by the words alone
// or, where they match too many rows, with the filter's index.
func TestSearchFilteredHitsAreScored(t *testing.T) {
	db := seeded(t)
	flt := store.Filter{Query: "experiences OR progress", Kinds: []string{"judgement"}}
	for _, limit := range []int{100, 0} {
		restore := store.SetDenseLimit(limit, limit)
		res := search(t, db, flt, store.SearchOptions{})
		restore()
		if len(res.Hits) < 3 {
			t.Fatalf("dense limit %d: %d hits, want the seed's judgements", limit, len(res.Hits))
		}
		for i, h := range res.Hits {
			if h.Score >= 0 {
				t.Errorf("dense limit %d: hit %d (finding %d) has score %v, want a bm25 score below zero", limit, i, h.ID, h.Score)
			}
			if i > 0 && h.Score < res.Hits[i-1].Score {
				t.Errorf("dense limit %d: hit %d scores %v, better than the hit before (%v)", limit, i, h.Score, res.Hits[i-1].Score)
			}
		}
	}
}
