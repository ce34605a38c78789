package ingest_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"scrutiny/classify"
	"scrutiny/corpus"
	"scrutiny/extract"
	"scrutiny/internal/testkit"
)

// Reports whose layout the reader has not seen are measured here by text
// that has lost the layout it was built on: text extracted without
// columns, by plain pdftotext and by the in-process PDF reader. The
// judgement table is then only a sequence of words, and the reader must
// follow the report's structure to pair areas with grades.

// readDegraded extracts a report as extract gives a text file or, with
// pdftotext set to "none", as the in-process reader gives the PDF, and
// classifies it.
func readDegraded(t *testing.T, path string, plain bool) *corpus.Document {
	t.Helper()
	var txt *extract.Text
	var err error
	if plain {
		bin, lerr := exec.LookPath("pdftotext")
		if lerr != nil {
			t.Skip("pdftotext is not installed (apt-get install poppler-utils)")
		}
		out, rerr := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
		if rerr != nil {
			t.Fatalf("pdftotext %s: %v", path, rerr)
		}
		txt, err = extract.Extract(context.Background(), path+".txt", corpus.Txt, out, extract.Options{})
	} else {
		data, rerr := os.ReadFile(path)
		if rerr != nil {
			t.Fatal(rerr)
		}
		txt, err = extract.Extract(context.Background(), path, corpus.PDF, data, extract.Options{PDFToText: "none", Tesseract: "none"})
	}
	if err != nil {
		t.Fatalf("extract %s: %v", path, err)
	}
	doc := &corpus.Document{Path: path, Text: txt.Body, Pages: txt.Pages}
	doc.Items = extract.Items(txt.Body, txt.Pages)
	classify.Classify(doc)
	return doc
}

// degradedScore reads every report in dir without layout and counts the
// area grades read right, read wrong (a grade other than the report's, or
// an area it does not grade) and missed.
func degradedScore(t *testing.T, dir string, files []string, want map[string]map[corpus.Area]corpus.Grade, plain bool) (right, wrong, missed int) {
	t.Helper()
	for _, name := range files {
		doc := readDegraded(t, filepath.Join(dir, name), plain)
		got := map[corpus.Area][]corpus.Grade{}
		for _, f := range doc.Findings {
			if f.Kind == corpus.Judgement && !f.Previous {
				got[f.Area] = append(got[f.Area], f.Grade)
			}
		}
		for area, g := range want[name] {
			switch gs := got[area]; {
			case len(gs) == 0:
				missed++
				t.Logf("%s: %s missed (want %s)", name, area, g)
			case len(gs) == 1 && gs[0] == g:
				right++
			default:
				wrong++
				t.Errorf("%s: %s read %v, want %s", name, area, gs, g)
			}
		}
		for area, gs := range got {
			if _, ok := want[name][area]; !ok {
				wrong++
				t.Errorf("%s: %s read %v, which the report does not grade", name, area, gs)
			}
		}
	}
	return right, wrong, missed
}

// TestOfstedGradesWithoutLayoutTestdata reads the reports kept in testdata
// through the in-process PDF reader and plain pdftotext: every grade, each
// era's layout, is read from text without columns.
func TestOfstedGradesWithoutLayoutTestdata(t *testing.T) {
	dir := testkit.Testdata(t, "ofsted", "ilacs")
	want := expectedGrades(t, filepath.Join(dir, "grades.csv"))
	files := pdfsIn(t, dir)
	for _, plain := range []bool{false, true} {
		right, wrong, missed := degradedScore(t, dir, files, want, plain)
		if wrong > 0 || missed > 0 {
			t.Errorf("plain pdftotext %v: %d right, %d wrong, %d missed", plain, right, wrong, missed)
		}
	}
}

// TestOfstedGradesWithoutLayoutSharedCorpus reads the 40 reports of the
// shared corpus without layout. No grade may be read wrong. Plain
// pdftotext loses nothing the reader needs; the in-process reader cannot
// decode the headline of two SIF reports (their overall judgement is set
// in a font whose glyphs it cannot map), and nothing else in those reports
// states it.
func TestOfstedGradesWithoutLayoutSharedCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 40 reports twice")
	}
	dir := testkit.SharedCorpus(t, "ofsted", "ilacs")
	want := expectedGrades(t, testkit.Testdata(t, "ofsted", "ilacs", "grades.csv"))
	files := pdfsIn(t, dir)
	for _, c := range []struct {
		plain     bool
		maxMissed int
	}{{true, 0}, {false, 2}} {
		right, wrong, missed := degradedScore(t, dir, files, want, c.plain)
		t.Logf("plain pdftotext %v: %d right, %d wrong, %d missed", c.plain, right, wrong, missed)
		if wrong > 0 || missed > c.maxMissed {
			t.Errorf("plain pdftotext %v: %d right, %d wrong, %d missed; want none wrong and at most %d missed", c.plain, right, wrong, missed, c.maxMissed)
		}
	}
}
