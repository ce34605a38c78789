package classify

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"scrutiny/corpus"
	"scrutiny/extract"
	"scrutiny/internal/testkit"
)

// TestReadersAgree reads the judgement table of each report in testdata
// (and of the shared corpus, where present) three ways — by its columns, as a sequence of words, and from the
// sections' headings — and holds that each reading agrees with the others
// wherever both read an area, and that the two readings of the table read
// the same areas. A disagreement on a real report is a reading gone wrong.
func TestReadersAgree(t *testing.T) {
	// Reports are read from pdftotext's layout.
	testkit.NeedTool(t, "pdftotext", "apt-get install poppler-utils")
	paths, _ := filepath.Glob(testkit.Testdata(t, "ofsted", "ilacs", "*.pdf"))
	if len(paths) < 8 {
		t.Fatalf("found %d reports in testdata, want at least 8", len(paths))
	}
	t.Run("testdata", func(t *testing.T) { readersAgree(t, paths) })
	t.Run("shared", func(t *testing.T) {
		if testing.Short() {
			t.Skip("reads 40 reports")
		}
		paths, _ := filepath.Glob(testkit.SharedCorpus(t, "ofsted", "ilacs", "*.pdf"))
		readersAgree(t, paths)
	})
}

func readersAgree(t *testing.T, paths []string) {
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			x, err := extract.Extract(context.Background(), p, corpus.PDF, data, extract.Options{})
			if err != nil {
				t.Fatalf("extract: %v", err)
			}
			doc := &corpus.Document{Path: p, Text: x.Body, Pages: x.Pages}
			c := newDocContext(doc)
			cols := readJudgementTable(c)
			seq := sequenceTable(c)
			heads := headingJudgements(c)
			if len(cols) == 0 || len(cols) != len(seq) {
				t.Errorf("columns read %d areas, the sequence %d", len(cols), len(seq))
			}
			for _, pair := range []struct {
				a, b         []tableJudgement
				aName, bName string
			}{{cols, seq, "columns", "sequence"}, {cols, heads, "columns", "headings"}, {seq, heads, "sequence", "headings"}} {
				for _, j := range pair.a {
					if k := reading(pair.b, j.area); k != nil && !sameGrade(j, *k) {
						t.Errorf("%s: %s read %s, %s %s", j.area, pair.aName, j.grade, pair.bName, k.grade)
					}
				}
			}
		})
	}
}

// TestSequenceWords reads table words as OCR and extraction leave them.
func TestSequenceWords(t *testing.T) {
	for _, c := range []struct {
		line  string
		words string // the words in tableVocab form, or "-" for a line of prose
	}{
		{"The impact of leaders on social work   Requires improvement to be", "the impact of leaders on social work requires improvement to be"},
		{"2.1 Adoption performance                   Not Judged", "adoption performance not judged"},
		{"What needs to improve?1", "-"},
		{"| The irnpact of leaders | lnadequate » |", "the impact of leaders inadequate"},
		{"Overall effectiveness G00d1", "overall effectiveness good"},
		{"Services for children in Anytown are good.", "-"},
		{"4. The effectiveness of the Local Safeguarding Children Board2   Good", "the effectiveness of the local safeguarding children board good"},
	} {
		ws, ok := tableWords(layoutLine{text: c.line})
		got := "-"
		if ok {
			got = ""
			for i, w := range ws {
				if i > 0 {
					got += " "
				}
				got += w.w
			}
		}
		if got != c.words {
			t.Errorf("%q: got %q, want %q", c.line, got, c.words)
		}
	}
}

// TestGradePhrases parses grade words however they wrap.
func TestGradePhrases(t *testing.T) {
	words := func(s string) []seqWord {
		ws, _ := tableWords(layoutLine{text: s})
		return ws
	}
	for _, c := range []struct {
		in   string
		want []corpus.Grade
	}{
		{"requires improvement good", []corpus.Grade{corpus.RequiresImprovement, corpus.Good}},
		{"requires improvement to be good good", []corpus.Grade{corpus.RequiresImprovement, corpus.Good}},
		{"requires improvement to be good requires improvement", []corpus.Grade{corpus.RequiresImprovement, corpus.RequiresImprovement}},
		{"require improvement inadequate outstanding", []corpus.Grade{corpus.RequiresImprovement, corpus.Inadequate, corpus.Outstanding}},
		{"not judged good", []corpus.Grade{"", corpus.Good}},
		{"good not graded inadequate", []corpus.Grade{corpus.Good, "", corpus.Inadequate}},
	} {
		var got []corpus.Grade
		for _, g := range gradePhrases(words(c.in)) {
			got = append(got, g.grade)
		}
		if len(got) != len(c.want) {
			t.Errorf("%q: got %v, want %v", c.in, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: got %v, want %v", c.in, got, c.want)
				break
			}
		}
	}
}
