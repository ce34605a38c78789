package classify

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"scrutiny/corpus"
	"scrutiny/internal/testkit"
)

// FuzzClassifyMinutes feeds classification arbitrary text: it must not panic, and
// what it finds must hold together: spans inside the text, a rule named,
// answers pointing at questions.
func FuzzClassifyMinutes(f *testing.F) {
	// Short pieces of the seeds keep each run quick enough to explore.
	for _, name := range []string{"000_52bd7d1560e5d262.txt", "002_840bba8568797ecf.txt", "004_4f8b36e4dff68196.txt"} {
		b, err := os.ReadFile(testkit.Testdata(f, "seeds", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b[:min(len(b), 1500)]))
	}
	if b, err := os.ReadFile(filepath.Join(testkit.Testdata(f, "minutes"), "limerick_metropolitan_district_minutes_2024-10-21.md")); err == nil {
		f.Add(string(b[12000:14000]))
	}
	f.Add(scrutinyMinutes)
	f.Add("RESOLVED:\n\n**REPLY**:\n\nQ. ?\nA. \n1. Question by Councillor to\n")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // extraction hands on valid UTF-8 only
		}
		for _, typ := range []corpus.DocType{corpus.Minutes, corpus.CouncilReport, corpus.OtherDoc} {
			doc := &corpus.Document{Text: text, Pages: []corpus.Page{{Number: 1, Start: 0, End: len(text)}}, Type: typ}
			c := newDocContext(doc)
			classifyProse(c)
			c.finish()
			for i, fd := range doc.Findings {
				if fd.Start < 0 || fd.End > len(text) || fd.Start > fd.End {
					t.Fatalf("finding %d span [%d, %d) outside the text (%d bytes)", i, fd.Start, fd.End, len(text))
				}
				if fd.Rule == "" {
					t.Fatalf("finding %d names no rule", i)
				}
				if fd.Kind == corpus.Answer && fd.AnswerTo >= 0 && doc.Findings[fd.AnswerTo].Kind != corpus.Question {
					t.Fatalf("answer %d points at a %s", i, doc.Findings[fd.AnswerTo].Kind)
				}
			}
		}
	})
}
