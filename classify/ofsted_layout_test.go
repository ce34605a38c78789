package classify

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"scrutiny/corpus"
	"scrutiny/extract"
	"scrutiny/internal/testkit"
)

// readTxtar splits a txtar archive into its files: each begins at a line
// "-- name --" and runs to the next. The comment before the first file is
// dropped.
func readTxtar(data string) map[string]string {
	files := map[string]string{}
	name := ""
	var body strings.Builder
	for _, line := range strings.SplitAfter(data, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			if name != "" {
				files[name] = body.String()
			}
			name, body = strings.TrimSpace(t[3:len(t)-3]), strings.Builder{}
			continue
		}
		if name != "" {
			body.WriteString(line)
		}
	}
	if name != "" {
		files[name] = body.String()
	}
	return files
}

// layoutDoc reads a layout's text as ingest reads a text file. A line
// holding only `\f` stands for a page break (pdftotext's form feed), which
// a text editor would not show.
func layoutDoc(t *testing.T, path, text string) *corpus.Document {
	t.Helper()
	text = strings.ReplaceAll(text, "\n\\f\n", "\f")
	x, err := extract.Extract(context.Background(), path+".txt", corpus.Txt, []byte(text), extract.Options{})
	if err != nil {
		t.Fatalf("extract %s: %v", path, err)
	}
	doc := &corpus.Document{Path: path, Format: corpus.Txt, Text: x.Body, Pages: x.Pages}
	doc.Items = extract.Items(doc.Text, doc.Pages)
	Classify(doc)
	return doc
}

// TestLayouts reads the texts under testdata/ofsted/layouts: each archive
// holds a report's text as an extractor gives it and, in "want", what must
// be read from it, one fact or finding a line:
//
//	type ilacs_2026             the report's type
//	authority 80573             the authority's URN
//	lead, start, end, published the inspection's facts
//	<area> <grade>              a current judgement (and no others)
//	previous <area> <grade>     a previous judgement
//	previous-count <n>          how many previous judgements there are
//	recommendation <text>       the recommendations, in order
//	strength <text>             the strengths, in order (when given)
//	page <area> <n>             the page of an area's current judgement
//	doctype <type>              what the document is, when not a report
func TestLayouts(t *testing.T) {
	paths, _ := filepath.Glob(testkit.Testdata(t, "ofsted", "layouts", "*.txtar"))
	if len(paths) < 8 {
		t.Fatalf("found %d layouts in testdata/ofsted/layouts, want at least 8", len(paths))
	}
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".txtar")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			files := readTxtar(string(data))
			if files["text"] == "" || files["want"] == "" {
				t.Fatalf("%s: want a text and a want file", p)
			}
			doc := layoutDoc(t, name, files["text"])
			checkLayout(t, doc, files["want"])
			if t.Failed() {
				for _, f := range doc.Findings {
					t.Logf("%s %s %s previous=%v %s p%d: %.100q", f.Kind, f.Area, f.Grade, f.Previous, f.Rule, f.Page, f.Text)
				}
			}
		})
	}
}

func checkLayout(t *testing.T, doc *corpus.Document, want string) {
	t.Helper()
	in := doc.Inspection
	if in == nil {
		in = &corpus.InspectionFacts{}
	}
	wantGrades := map[corpus.Area]corpus.Grade{}
	var wantRecs, wantStrengths []string
	wantType := corpus.OfstedReport
	for _, line := range strings.Split(strings.TrimSpace(want), "\n") {
		key, val, _ := strings.Cut(strings.TrimSpace(line), " ")
		got := ""
		switch key {
		case "doctype":
			wantType = corpus.DocType(val)
			continue
		case "type":
			got = in.Type
		case "authority":
			got = doc.AuthorityURN
		case "lead":
			got = in.LeadInspector
		case "start":
			got = in.StartDate
		case "end":
			got = in.EndDate
		case "published":
			got = in.PublishedDate
		case "recommendation":
			wantRecs = append(wantRecs, val)
			continue
		case "strength":
			wantStrengths = append(wantStrengths, val)
			continue
		case "previous-count":
			n := 0
			for _, f := range findings(doc, corpus.Judgement) {
				if f.Previous {
					n++
				}
			}
			got = strconv.Itoa(n)
		case "previous":
			area, grade, _ := strings.Cut(val, " ")
			if !hasPrevious(doc, corpus.Area(area), corpus.Grade(grade)) {
				t.Errorf("no previous judgement %s %s", area, grade)
			}
			continue
		case "page":
			area, n, _ := strings.Cut(val, " ")
			for _, f := range findings(doc, corpus.Judgement) {
				if !f.Previous && f.Area == corpus.Area(area) && strconv.Itoa(f.Page) != n {
					t.Errorf("%s judged on page %d, want %s", area, f.Page, n)
				}
			}
			continue
		default:
			wantGrades[corpus.Area(key)] = corpus.Grade(val)
			continue
		}
		if got != val {
			t.Errorf("%s: got %q, want %q", key, got, val)
		}
	}
	if doc.Type != wantType {
		t.Fatalf("document type %s, want %s", doc.Type, wantType)
	}
	if wantType != corpus.OfstedReport {
		if doc.Inspection != nil {
			t.Errorf("inspection facts %+v for a document that is not a report", doc.Inspection)
		}
		return
	}
	checkCurrent(t, doc, wantGrades)
	var gotRecs []string
	for _, f := range findings(doc, corpus.Recommendation) {
		gotRecs = append(gotRecs, f.Text)
	}
	if !reflect.DeepEqual(gotRecs, wantRecs) {
		t.Errorf("recommendations\n got %q\nwant %q", gotRecs, wantRecs)
	}
	if wantStrengths == nil {
		return
	}
	var gotStrengths []string
	for _, f := range findings(doc, corpus.Strength) {
		gotStrengths = append(gotStrengths, f.Text)
	}
	if !reflect.DeepEqual(gotStrengths, wantStrengths) {
		t.Errorf("strengths\n got %q\nwant %q", gotStrengths, wantStrengths)
	}
}

// checkCurrent compares the current judgements with want, each area judged
// once, with its provenance.
func checkCurrent(t *testing.T, doc *corpus.Document, want map[corpus.Area]corpus.Grade) {
	t.Helper()
	got := map[corpus.Area]corpus.Grade{}
	for _, f := range findings(doc, corpus.Judgement) {
		if f.Previous {
			continue
		}
		if g, dup := got[f.Area]; dup {
			t.Errorf("%s judged twice: %s, then %s by %s", f.Area, g, f.Grade, f.Rule)
		}
		got[f.Area] = f.Grade
		if f.Page < 1 || f.Rule == "" || f.End <= f.Start {
			t.Errorf("%s judgement without provenance: page %d, rule %q, span %d-%d", f.Area, f.Page, f.Rule, f.Start, f.End)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("current judgements\n got %v\nwant %v", got, want)
	}
}

func hasPrevious(doc *corpus.Document, a corpus.Area, g corpus.Grade) bool {
	for _, f := range findings(doc, corpus.Judgement) {
		if f.Previous && f.Area == a && f.Grade == g {
			return true
		}
	}
	return false
}
