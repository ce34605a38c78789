package ingest_test

import (
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
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
		bin := testkit.NeedTool(t, "pdftotext", "apt-get install poppler-utils")
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

// reflow changes how a report's first pages are laid out, as other column
// widths, fonts and extractors would: each way is a function of a line,
// and of a source of random numbers held to a fixed seed.
var reflows = map[string]func(line string, rng *rand.Rand) []string{
	// Columns at other places: every gap between cells of another width.
	"gaps": func(l string, rng *rand.Rand) []string {
		return []string{gapRE.ReplaceAllStringFunc(l, func(string) string { return strings.Repeat(" ", 2+rng.IntN(30)) })}
	},
	// No columns at all: cells set one space apart.
	"no-columns": func(l string, _ *rand.Rand) []string {
		return []string{gapRE.ReplaceAllString(strings.TrimLeft(l, " "), " ")}
	},
	// No blank lines between rows.
	"no-blank-lines": func(l string, _ *rand.Rand) []string {
		if strings.TrimSpace(l) == "" {
			return nil
		}
		return []string{l}
	},
	// Capitals throughout, as some headings and tables are set.
	"capitals": func(l string, _ *rand.Rand) []string { return []string{strings.ToUpper(l)} },
	// A narrower left column: a cell's words wrap at another place, its
	// grade level with either line.
	"rewrap": func(l string, rng *rand.Rand) []string {
		m := twoCellsRE.FindStringSubmatch(l)
		if m == nil || len(strings.Fields(m[2])) < 3 {
			return []string{l}
		}
		ws := strings.Fields(m[2])
		k := 1 + rng.IntN(len(ws)-1)
		col := len(m[1]) + len(m[2]) + len(m[3])
		a, b := m[1]+strings.Join(ws[:k], " "), m[1]+strings.Join(ws[k:], " ")
		pad := func(x string) string { return x + strings.Repeat(" ", max(2, col-len(x))) }
		if rng.IntN(2) == 0 {
			return []string{pad(a) + m[4], b}
		}
		return []string{a, pad(b) + m[4]}
	},
}

var (
	gapRE      = regexp.MustCompile(`  +`)
	twoCellsRE = regexp.MustCompile(`^(\s*)(\S.*?\S)(\s{2,})(\S.*)$`)
)

// TestOfstedGradesReflowed reads the reports kept in testdata with their
// first two pages laid out otherwise (and, in turn, with a page break and
// running lines put in at a random line of the first page, inside the
// table or not): every grade must still be read, and none wrongly.
func TestOfstedGradesReflowed(t *testing.T) {
	dir := testkit.Testdata(t, "ofsted", "ilacs")
	want := expectedGrades(t, filepath.Join(dir, "grades.csv"))
	names := make([]string, 0, len(reflows))
	for name := range reflows {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range pdfsIn(t, dir) {
		doc := readOfsted(t, filepath.Join(dir, name))
		for _, how := range append(names, "page-break") {
			t.Run(name+"/"+how, func(t *testing.T) {
				rng := rand.New(rand.NewPCG(1, uint64(len(name))))
				pages := strings.Split(doc.Text, "\f")
				for p := 0; p < len(pages) && p < 2; p++ {
					var out []string
					lines := strings.Split(pages[p], "\n")
					at := 6 + rng.IntN(25)
					for i, l := range lines {
						if f := reflows[how]; f != nil {
							out = append(out, f(l, rng)...)
						} else {
							out = append(out, l)
						}
						if how == "page-break" && p == 0 && i == at {
							out = append(out, "Inspection of Anytown local authority children’s services    2\fInspection of Anytown local authority children’s services")
						}
					}
					pages[p] = strings.Join(out, "\n")
				}
				x, err := extract.Extract(context.Background(), name+".txt", corpus.Txt, []byte(strings.Join(pages, "\f")), extract.Options{})
				if err != nil {
					t.Fatal(err)
				}
				re := &corpus.Document{Path: name, Text: x.Body, Pages: x.Pages}
				re.Items = extract.Items(re.Text, re.Pages)
				classify.Classify(re)
				got := currentGrades(t, re)
				for area, g := range want[name] {
					if got[area] != g {
						t.Errorf("%s: got %q, want %q", area, got[area], g)
					}
				}
				for area, g := range got {
					if _, ok := want[name][area]; !ok {
						t.Errorf("%s: got %q, want no current judgement", area, g)
					}
				}
			})
		}
	}
}
