package ingest_test

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"scrutiny/classify"
	"scrutiny/corpus"
	"scrutiny/extract"
	"scrutiny/internal/testkit"
)

// read caches documents by path: several tests read the same reports.
var read sync.Map

// readOfsted extracts and classifies one document as ingest does.
func readOfsted(t *testing.T, path string) *corpus.Document {
	t.Helper()
	if d, ok := read.Load(path); ok {
		return d.(*corpus.Document)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Ofsted reports are read from pdftotext's layout text.
	testkit.NeedTool(t, "pdftotext", "apt-get install poppler-utils")
	txt, err := extract.Extract(context.Background(), path, corpus.PDF, data, extract.Options{})
	if err != nil {
		t.Fatalf("extract %s: %v", path, err)
	}
	doc := &corpus.Document{Path: path, Format: corpus.PDF, Text: txt.Body, Pages: txt.Pages}
	doc.Items = extract.Items(txt.Body, txt.Pages)
	classify.Classify(doc)
	read.Store(path, doc)
	return doc
}

// gradeColumns maps grades.csv's columns to areas. in_care_grade holds the
// combined "children in care and care leavers" grade of reports before
// 2023, which care_leavers_grade marks inspection_pre_dates_judgement.
var gradeColumns = map[string]corpus.Area{
	"overall_effectiveness_grade":            corpus.OverallEffectiveness,
	"impact_of_leaders_grade":                corpus.ImpactOfLeaders,
	"help_and_protection_grade":              corpus.HelpAndProtection,
	"in_care_grade":                          corpus.ChildrenInCare,
	"care_leavers_grade":                     corpus.CareLeavers,
	"looked_after_and_permanence_grade":      corpus.LookedAfterAndPermanence,
	"adoption_grade":                         corpus.Adoption,
	"leadership_management_governance_grade": corpus.LeadershipManagementGovernance,
}

// expectedGrades reads grades.csv into, per file, the report type and the
// current grade of every graded area.
func expectedGrades(t *testing.T, path string) map[string]map[corpus.Area]corpus.Grade {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	head := recs[0]
	out := map[string]map[corpus.Area]corpus.Grade{}
	for _, r := range recs[1:] {
		want := map[corpus.Area]corpus.Grade{}
		combined := false
		for i, col := range head {
			if col == "care_leavers_grade" && r[i] == "inspection_pre_dates_judgement" {
				combined = true
			}
		}
		for i, col := range head {
			area, ok := gradeColumns[col]
			v := strings.TrimSpace(r[i])
			if !ok || v == "" || v == "not judged" || v == "inspection_pre_dates_judgement" {
				continue
			}
			if area == corpus.ChildrenInCare && combined {
				area = corpus.ChildrenInCareAndCareLeavers
			}
			g, ok := classify.ParseGrade(v)
			if !ok {
				t.Fatalf("%s: %s: unknown grade %q", r[0], col, v)
			}
			want[area] = g
		}
		out[r[0]] = want
	}
	return out
}

// currentGrades returns a document's current (not previous) judgements by
// area, failing the test if an area is graded twice.
func currentGrades(t *testing.T, doc *corpus.Document) map[corpus.Area]corpus.Grade {
	t.Helper()
	got := map[corpus.Area]corpus.Grade{}
	for _, f := range doc.Findings {
		if f.Kind != corpus.Judgement || f.Previous {
			continue
		}
		if g, dup := got[f.Area]; dup {
			t.Errorf("%s: %s graded twice (%s, then %s by %s on page %d)", filepath.Base(doc.Path), f.Area, g, f.Grade, f.Rule, f.Page)
		}
		got[f.Area] = f.Grade
	}
	return got
}

func checkGrades(t *testing.T, dir string, files []string, want map[string]map[corpus.Area]corpus.Grade) {
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			doc := readOfsted(t, filepath.Join(dir, name))
			if doc.Type != corpus.OfstedReport {
				t.Fatalf("type %s, want %s", doc.Type, corpus.OfstedReport)
			}
			got := currentGrades(t, doc)
			w := want[name]
			for area, g := range w {
				if got[area] != g {
					t.Errorf("%s: got %q, want %q", area, got[area], g)
				}
			}
			for area, g := range got {
				if _, ok := w[area]; !ok {
					t.Errorf("%s: got %q, want no current judgement", area, g)
				}
			}
		})
	}
}

func pdfsIn(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range m {
		out = append(out, filepath.Base(p))
	}
	sort.Strings(out)
	return out
}

// TestOfstedGradesTestdata holds the grades of the reports kept in
// testdata, one of each era: SIF, ILACS 2018-2023 with the combined
// children-in-care-and-care-leavers area, ILACS 2023 on, and the 2026
// layout with no overall grade.
func TestOfstedGradesTestdata(t *testing.T) {
	dir := testkit.Testdata(t, "ofsted", "ilacs")
	want := expectedGrades(t, filepath.Join(dir, "grades.csv"))
	files := pdfsIn(t, dir)
	if len(files) < 8 {
		t.Fatalf("found %d reports in %s, want at least 8", len(files), dir)
	}
	checkGrades(t, dir, files, want)
}

// TestOfstedGradesSharedCorpus holds the checked grades of all 40 reports
// of the shared corpus.
func TestOfstedGradesSharedCorpus(t *testing.T) {
	dir := testkit.SharedCorpus(t, "ofsted", "ilacs")
	want := expectedGrades(t, testkit.Testdata(t, "ofsted", "ilacs", "grades.csv"))
	files := pdfsIn(t, dir)
	if len(files) != 40 || len(want) != 40 {
		t.Fatalf("found %d reports and %d rows of grades, want 40 of each", len(files), len(want))
	}
	checkGrades(t, dir, files, want)
}
