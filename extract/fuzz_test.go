package extract

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"scrutiny/corpus"
	"scrutiny/internal/testkit"
)

// The fuzz targets below are run on their seeds by every `go test`, and
// explored by `make fuzz`. Inputs that once failed are kept under
// testdata/fuzz/<target>/, where `go test` replays them.

// addSeeds adds the files matching each pattern, under the project's
// testdata and, when present, the shared corpus, as seeds. Files larger
// than maxSeed are left out: every seed runs in the ordinary test suite,
// and the fuzzer mutates small inputs faster.
func addSeeds(f *testing.F, patterns ...string) {
	f.Helper()
	const maxSeed = 64 << 10
	roots := []string{testkit.Testdata(f)}
	if dir, ok := testkit.SharedCorpusIfPresent(f); ok {
		roots = append(roots, dir)
	}
	n := 0
	for _, root := range roots {
		for _, pat := range patterns {
			files, _ := filepath.Glob(filepath.Join(root, pat))
			for _, name := range files {
				data, err := os.ReadFile(name)
				if err != nil || len(data) > maxSeed {
					continue
				}
				f.Add(data)
				n++
			}
		}
	}
	if n == 0 {
		f.Fatalf("no seeds match %v", patterns)
	}
}

// checkText checks what every successful extraction promises: UTF-8 text
// and pages that start in order inside it.
func checkText(t *testing.T, got *Text) {
	t.Helper()
	if !utf8.ValidString(got.Body) {
		t.Errorf("text is not valid UTF-8")
	}
	prev := 0
	for i, p := range got.Pages {
		if p.Start < prev || p.End < p.Start || p.End > len(got.Body) || p.Number != i+1 {
			t.Fatalf("page %d is %d: %d-%d (previous ends %d, text %d bytes)", i+1, p.Number, p.Start, p.End, prev, len(got.Body))
		}
		prev = p.End
	}
}

var pdfPatterns = []string{"hostile/*.pdf", "seeds/pdf/*.pdf", "sample/*.pdf", "minutes/pdf/*.pdf"}

func fuzzPDF(f *testing.F, opt Options) {
	addSeeds(f, pdfPatterns...)
	f.Add([]byte("%PDF-1.4\n"))
	f.Add([]byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		got, err := Extract(ctx, "fuzz.pdf", corpus.PDF, data, opt)
		if err != nil {
			if err.Error() == "" {
				t.Errorf("an error with no reason")
			}
			return
		}
		checkText(t, got)
	})
}

// FuzzPDFToText feeds arbitrary bytes through the pdftotext path.
func FuzzPDFToText(f *testing.F) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		f.Skip("pdftotext is not installed (apt-get install poppler-utils)")
	}
	fuzzPDF(f, Options{Tesseract: "none"})
}

// FuzzPDFInProcess feeds arbitrary bytes through the in-process reader,
// whose library panics on corrupted input: no panic may escape it.
func FuzzPDFInProcess(f *testing.F) {
	fuzzPDF(f, Options{PDFToText: "none", Tesseract: "none"})
}

// FuzzHTML feeds arbitrary bytes through the HTML reader.
func FuzzHTML(f *testing.F) {
	addSeeds(f, "hostile/*.html", "seeds/html/*.html", "sample/*.html", "minutes/html/*.html")
	f.Add([]byte(strings.Repeat("<div>", 600) + "deep" + strings.Repeat("<b>", 600)))
	f.Add([]byte("<table><tr><td>a<td>b</table><script>x</script><p hidden>y"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Extract(context.Background(), "fuzz.html", corpus.HTML, data, Options{})
		if err != nil {
			return
		}
		checkText(t, got)
	})
}

// FuzzItems splits arbitrary text into items.
func FuzzItems(f *testing.F) {
	addSeeds(f, "seeds/*.txt", "minutes/*.md", "minutes/text/*.md")
	f.Add([]byte("1. Apologies\n\n2. Minutes\n\n84. Children's services (Item 3)\n\nAgenda item\n\n# Heading\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text := string(data)
		pages := []corpus.Page{{Number: 1, Start: 0, End: len(text)}}
		if i := strings.IndexByte(text, '\f'); i >= 0 {
			pages = []corpus.Page{{Number: 1, Start: 0, End: i}, {Number: 2, Start: i + 1, End: len(text)}}
		}
		items := Items(text, pages)
		prev := 0
		for i, it := range items {
			if it.Start < prev || it.End < it.Start || it.End > len(text) {
				t.Fatalf("item %d spans %d-%d (previous ends %d, text %d bytes)", i+1, it.Start, it.End, prev, len(text))
			}
			if it.Number != i+1 {
				t.Errorf("item %d numbered %d", i+1, it.Number)
			}
			if it.Page < 1 || it.Page > len(pages) {
				t.Errorf("item %d on page %d of %d", i+1, it.Page, len(pages))
			}
			prev = it.Start
		}
	})
}
