package classify

import (
	"os"
	"path/filepath"
	"testing"

	"scrutiny/corpus"
	"scrutiny/extract"
	"scrutiny/internal/testkit"
)

// The fuzz targets below run on their seeds in every `go test` and are
// explored by `make fuzz`; inputs that once failed are kept under
// testdata/fuzz/<target>/.

func addTextSeeds(f *testing.F) {
	f.Helper()
	const maxSeed = 64 << 10
	roots := []string{testkit.Testdata(f)}
	if dir, ok := testkit.SharedCorpusIfPresent(f); ok {
		roots = append(roots, dir)
	}
	n := 0
	for _, root := range roots {
		for _, pat := range []string{"seeds/*.txt", "minutes/*.md", "minutes/text/*.md"} {
			files, _ := filepath.Glob(filepath.Join(root, pat))
			for _, name := range files {
				if data, err := os.ReadFile(name); err == nil && len(data) <= maxSeed {
					f.Add(string(data))
					n++
				}
			}
		}
	}
	if n == 0 {
		f.Fatal("no text seeds found under testdata")
	}
	f.Add("1. Apologies\n\n2. Cllr. Smith asked whether No. 4 was agreed. The Director replied that it was.\n\nRESOLVED: that the report be noted.\n")
	f.Add("Overall effectiveness\tRequires improvement to be good\n\nThe experiences and progress of children in care: Inadequate\n")
}

// FuzzSentences splits arbitrary text into blocks and sentences: each must
// lie inside the text, in order, sentences inside their block, and a
// sentence's text must be its source collapsed.
func FuzzSentences(f *testing.F) {
	addTextSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		blocks := Blocks(text, 0, len(text))
		prev := 0
		for i, b := range blocks {
			if b.Start < prev || b.End < b.Start || b.End > len(text) {
				t.Fatalf("block %d spans %d-%d (previous ends %d, text %d bytes)", i, b.Start, b.End, prev, len(text))
			}
			prev = b.End
		}
		prev = 0
		for i, s := range Sentences(text, blocks) {
			if s.Start < prev || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("sentence %d spans %d-%d (previous ends %d, text %d bytes)", i, s.Start, s.End, prev, len(text))
			}
			if s.Block < 0 || s.Block >= len(blocks) {
				t.Fatalf("sentence %d in block %d of %d", i, s.Block, len(blocks))
			}
			if s.Text != Collapse(text[s.Start:s.End]) {
				t.Errorf("sentence %d text %q is not its source collapsed", i, s.Text)
			}
			prev = s.End
		}
	})
}

// FuzzClassify classifies arbitrary text as a document. Every finding must
// point into the text, on a real page and item, and name its rule.
func FuzzClassify(f *testing.F) {
	addTextSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		doc := &corpus.Document{Text: text, Pages: []corpus.Page{{Number: 1, Start: 0, End: len(text)}}}
		doc.Items = extract.Items(doc.Text, doc.Pages)
		Classify(doc)
		for i, fd := range doc.Findings {
			if fd.Start < 0 || fd.End <= fd.Start || fd.End > len(text) {
				t.Fatalf("finding %d spans %d-%d of %d bytes", i, fd.Start, fd.End, len(text))
			}
			if fd.Rule == "" {
				t.Errorf("finding %d (%s) names no rule", i, fd.Kind)
			}
			if fd.Page != 1 {
				t.Errorf("finding %d on page %d of 1", i, fd.Page)
			}
			if fd.AnswerTo >= len(doc.Findings) || (fd.Kind != corpus.Answer && fd.AnswerTo != -1) {
				t.Errorf("finding %d answers %d", i, fd.AnswerTo)
			}
		}
	})
}
