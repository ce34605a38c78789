package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"scrutiny/internal/testkit"
	"strconv"
	"strings"
	"testing"

	"scrutiny/internal/seed"
	"scrutiny/store"
)

// newTestServer serves a read-only seeded database.
func newTestServer(t *testing.T) (*httptest.Server, *store.DB) {
	t.Helper()
	path := testkit.SeededFile(t)
	db, err := store.OpenReadOnly(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	h, err := New(db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv, db
}

func get(t *testing.T, srv *httptest.Server, path string) (int, string, http.Header) {
	t.Helper()
	resp, err := srv.Client().Get(srv.URL + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b), resp.Header
}

func getJSON(t *testing.T, srv *httptest.Server, path string, v any) int {
	t.Helper()
	status, body, h := get(t, srv, path)
	if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("GET %s: Content-Type %q, want JSON", path, ct)
	}
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("GET %s: %v in %s", path, err, body)
	}
	return status
}

func TestAPISearch(t *testing.T) {
	srv, _ := newTestServer(t)
	var res apiSearchResponse
	if st := getJSON(t, srv, "/api/search?q="+url.QueryEscape(seed.QuestionPhrase)+"&kind=question", &res); st != 200 {
		t.Fatalf("status %d", st)
	}
	if res.Total != 1 || len(res.Hits) != 1 {
		t.Fatalf("total %d, %d hits; want the one question", res.Total, len(res.Hits))
	}
	h := res.Hits[0]
	if h.Finding == nil || h.Finding.Speaker != "Councillor Hunt" || h.Page != 1 || h.ItemID == 0 || h.Document == "" {
		t.Errorf("hit lacks provenance: %+v", h)
	}
	if len(h.Highlights) == 0 {
		t.Errorf("no highlights in snippet %q", h.Snippet)
	}
}

func TestAPIFindingThreadAndContext(t *testing.T) {
	srv, db := newTestServer(t)
	res, err := db.Search(context.Background(), store.Filter{Query: seed.AnswerPhrase, Kinds: []string{"answer"}}, store.SearchOptions{})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("search the answer: %v, %d hits", err, len(res.Hits))
	}
	id := res.Hits[0].ID
	var f findingResponse
	if st := getJSON(t, srv, "/api/findings/"+itoa(id), &f); st != 200 {
		t.Fatalf("status %d", st)
	}
	if f.Thread == nil || f.Thread.Question == nil || !strings.Contains(f.Thread.Question.Text, seed.QuestionPhrase) {
		t.Fatalf("thread of the answer = %+v, want its question", f.Thread)
	}
	if len(f.Thread.Answers) != 1 || f.Thread.Answers[0].ID != id {
		t.Errorf("thread answers = %+v, want the answer itself", f.Thread.Answers)
	}
	rs := []rune(f.Context.Text)
	a, b := f.Finding.Start-f.Context.Start, f.Finding.End-f.Context.Start
	if a < 0 || b > len(rs) || string(rs[a:b]) != f.Finding.Text {
		t.Errorf("context [%d, %d) does not hold the finding at [%d, %d)", f.Context.Start, f.Context.End, f.Finding.Start, f.Finding.End)
	}
	if f.Finding.Page != 2 {
		t.Errorf("answer on page %d, want 2", f.Finding.Page)
	}
}

func TestAPIDocumentJudgements(t *testing.T) {
	srv, db := newTestServer(t)
	res, err := db.Search(context.Background(), store.Filter{Query: "overall", Kinds: []string{"judgement"}}, store.SearchOptions{})
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("search: %v", err)
	}
	var d documentResponse
	if st := getJSON(t, srv, "/api/documents/"+itoa(res.Hits[0].DocumentID), &d); st != 200 {
		t.Fatalf("status %d", st)
	}
	if d.Document.Inspection == nil || d.Document.Inspection.PublishedDate != "2024-01-20" {
		t.Errorf("inspection facts = %+v", d.Document.Inspection)
	}
	if len(d.Judgements) != 6 || d.Findings["judgement"] != 6 || d.Findings["recommendation"] != 1 {
		t.Errorf("%d judgements, counts %v; want 6 judgements and 1 recommendation", len(d.Judgements), d.Findings)
	}
	table := judgementTable(d.Judgements)
	if len(table) != 5 || table[0].Area != "overall_effectiveness" || table[0].Current[0].Grade != "good" ||
		len(table[0].Previous) != 1 || table[0].Previous[0].Grade != "requires_improvement" {
		t.Errorf("judgement table = %+v", table)
	}
}

func TestPagesRender(t *testing.T) {
	srv, db := newTestServer(t)
	res, err := db.Search(context.Background(), store.Filter{Query: seed.QuestionPhrase}, store.SearchOptions{Scope: store.ScopeFindings})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("search: %v", err)
	}
	h := res.Hits[0]
	cases := []struct {
		path string
		want []string
	}{
		{"/", []string{"<form", `name="q"`, "Documents"}},
		{"/?q=" + url.QueryEscape(seed.QuestionPhrase), []string{"2 results", "<mark>agency</mark>", "/findings/" + itoa(h.ID)}},
		{"/?kind=judgement&grade=inadequate", []string{"1 result", "Care leavers: Inadequate"}},
		{"/findings/" + itoa(h.ID), []string{`id="finding-` + itoa(h.ID) + `"`, `class="question current"`, "Councillor Hunt",
			"seed.question", "page 2", "recruitment campaign", "/documents/" + itoa(h.DocumentID) + "/source"}},
		{"/items/" + itoa(h.ItemID), []string{"Questions and answers", "foster carers", "No answer recorded"}},
		{"/documents/" + itoa(h.DocumentID), []string{"Apologies for absence", "Children’s Services Scrutiny Committee"}},
	}
	for _, c := range cases {
		st, body, hdr := get(t, srv, c.path)
		if st != 200 {
			t.Errorf("GET %s: status %d", c.path, st)
		}
		if !strings.HasPrefix(hdr.Get("Content-Type"), "text/html") || hdr.Get("Content-Security-Policy") == "" {
			t.Errorf("GET %s: headers %v", c.path, hdr)
		}
		for _, w := range c.want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s: page lacks %q", c.path, w)
			}
		}
	}
}

func TestErrors(t *testing.T) {
	srv, _ := newTestServer(t)
	cases := []struct {
		path   string
		status int
		want   string
	}{
		{"/api/search?q=a+AND&raw=1", 400, "FTS5"},
		{"/api/search?q=x&kind=nonsense", 400, "Unknown kind"},
		{"/api/search?q=x&limit=1000", 400, "limit"},
		{"/api/search?q=x&offset=-1", 400, "offset"},
		{"/api/search?q=x&since=yesterday", 400, "date"},
		{"/api/findings/999999", 404, "Nothing has that id"},
		{"/api/findings/abc", 404, "ids are positive"},
		{"/api/nothing", 404, "no such endpoint"},
		{"/findings/0", 404, "ids are positive"},
		{"/?q=x&per=0", 400, "per"},
		{"/nowhere", 404, "no page here"},
	}
	for _, c := range cases {
		st, body, _ := get(t, srv, c.path)
		if st != c.status || !strings.Contains(body, c.want) {
			t.Errorf("GET %s = %d %q, want %d with %q", c.path, st, clip(body, 200), c.status, c.want)
		}
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
