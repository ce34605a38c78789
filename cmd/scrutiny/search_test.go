package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"scrutiny/internal/seed"
	"scrutiny/internal/testkit"
	"scrutiny/store"
)

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestSearchCommand(t *testing.T) {
	db := testkit.SeededFile(t)
	code, out, errs := run(t, "search", "--db", db, "agency", "social", "workers")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"2 results for “agency social workers”", "question by Councillor Hunt", "Testshire · 2024-03-12",
		"minutes/testshire_scrutiny_2024-03-12.txt", "item 2.", "p. 1", "(seed.question)", "«agency» «social» «workers»"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	code, out, errs = run(t, "search", "--db", db, "--json", "--kind", "answer", seed.AnswerPhrase)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res store.Results
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("--json output: %v\n%s", err, out)
	}
	if res.Total != 1 || res.Hits[0].Finding.Kind != "answer" || res.Hits[0].Page != 2 || res.Hits[0].Finding.AnswerTo == nil {
		t.Errorf("--json results = %+v", res)
	}
}

func TestSearchCommandErrors(t *testing.T) {
	db := testkit.SeededFile(t)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"search", "--db", db}, "give a query"},
		{[]string{"search", "--db", db, "--raw", "agency AND"}, "not valid FTS5 syntax"},
		{[]string{"search", "--db", db, "--", "-agency"}, "only excludes"},
		{[]string{"search", "--db", db, "--kind", "gossip", "x"}, "unknown kind"},
		{[]string{"search", "--db", db, "--in", "everything", "x"}, "--in must be"},
		{[]string{"search", "--db", db, "--limit", "0", "x"}, "--limit must be"},
		{[]string{"search", "--db", db, "--since", "last week", "x"}, "--since wants a date"},
	}
	for _, c := range cases {
		code, _, errs := run(t, c.args...)
		if code != exitUsage || !strings.Contains(errs, c.want) || strings.Contains(errs, "goroutine") {
			t.Errorf("%v: exit %d, stderr %q; want usage error with %q", c.args[3:], code, errs, c.want)
		}
	}
}

func TestExportCSVWithQuery(t *testing.T) {
	db := testkit.SeededFile(t)
	code, out, errs := run(t, "export", "--db", db, "--format", "csv", "--query", "Councillor", "--kind", "question")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	if len(recs) != 3 || len(recs[0]) != len(store.Columns) || recs[0][0] != "id" || recs[0][len(recs[0])-1] != "item_id" {
		t.Fatalf("CSV has %d records, header %v", len(recs), recs[0])
	}
	if !strings.HasSuffix(out, "\r\n") || !strings.Contains(out, "Children’s") {
		t.Errorf("CSV is not RFC 4180 UTF-8 with CRLF")
	}
	for _, r := range recs[1:] {
		if r[7] != "question" || r[len(r)-1] == "0" {
			t.Errorf("record %v: want a question inside an item", r)
		}
	}
	code, _, errs = run(t, "export", "--db", db, "--query", "x AND", "--raw")
	if code != exitUsage || !strings.Contains(errs, "FTS5") {
		t.Errorf("export with a malformed raw query: exit %d, %q", code, errs)
	}
}

// TestSearchIngestedSample searches what ingest makes of the bundled
// Ofsted reports today, asserting only what any classifier must keep:
// results carry provenance that points back at their source.
func TestSearchIngestedSample(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests PDFs")
	}
	path := t.TempDir() + "/s.db"
	if code, _, errs := run(t, "ingest", "-q", "--db", path, testkit.Testdata(t, "ofsted", "ilacs")); code != exitOK && code != exitSomeFailed {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	code, out, errs := run(t, "search", "--db", path, "--json", "--limit", "50", "children")
	if code != exitOK {
		t.Fatalf("search: exit %d: %s", code, errs)
	}
	var res store.Results
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 {
		t.Fatal("no results for children in eight Ofsted reports")
	}
	for _, h := range res.Hits {
		if !strings.HasPrefix(h.Document, testkit.Testdata(t, "ofsted", "ilacs")) || h.Page < 1 || h.DocumentID == 0 || h.End < h.Start {
			t.Errorf("hit %s %d has bad provenance: %s p. %d [%d, %d)", h.Type, h.ID, h.Document, h.Page, h.Start, h.End)
		}
		if len(h.Highlights) == 0 {
			t.Errorf("hit %s %d: no highlight in %q", h.Type, h.ID, h.Snippet)
		}
	}
}
