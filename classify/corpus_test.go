package classify

import (
	"path/filepath"
	"testing"

	"scrutiny/corpus"
	"scrutiny/internal/testkit"
)

// TestSharedCorpusMinutes reads every document of the shared corpus's
// minutes folder. Pages with no minutes on them (search results) must
// yield no questions, answers or resolutions; every finding must name its
// rule and lie inside its document.
func TestSharedCorpusMinutes(t *testing.T) {
	dir := testkit.SharedCorpus(t, "minutes")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*"))
	if len(files) == 0 {
		t.Fatalf("no documents in %s", dir)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			doc, ok := readCorpusFile(t, f)
			if !ok {
				return
			}
			for i, fd := range doc.Findings {
				if fd.Rule == "" || fd.Start < 0 || fd.End > len(doc.Text) || fd.Start >= fd.End {
					t.Errorf("finding %d: rule %q, span [%d, %d) of %d bytes", i, fd.Rule, fd.Start, fd.End, len(doc.Text))
				}
			}
			if doc.Type == corpus.OtherDoc {
				for _, k := range []corpus.Kind{corpus.Question, corpus.Answer, corpus.Resolution} {
					if n := len(ofKind(doc, k)); n > 0 {
						t.Errorf("%d %s findings in a page that is not minutes:%s", n, k, dump(doc))
					}
				}
			}
		})
	}
}
