package extract

import (
	"context"
	"os"
	"path/filepath"
	"scrutiny/internal/testkit"
	"strings"
	"testing"
)

func readTestdata(t *testing.T, elem ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(append([]string{"..", "testdata"}, elem...)...))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The same minutes as PDF and as text must read alike once whitespace is
// set aside: the format must not change the findings.
func TestPDFMatchesText(t *testing.T) {
	for _, opt := range []Options{{}, {PDFToText: "none"}} {
		name := "pdftotext"
		if opt.PDFToText == "none" {
			name = "in-process"
		} else if _, ok := PDFToTextAvailable(opt); !ok {
			t.Log("pdftotext not installed: checking the in-process reader only")
			continue
		}
		t.Run(name, func(t *testing.T) {
			pdf, err := PDF(context.Background(), readTestdata(t, "seeds", "pdf", "000_52bd7d1560e5d262.pdf"), opt)
			if err != nil {
				t.Fatal(err)
			}
			txt := string(readTestdata(t, "seeds", "000_52bd7d1560e5d262.txt"))
			got, want := strings.Join(strings.Fields(pdf.Body), " "), strings.Join(strings.Fields(txt), " ")
			for _, sentence := range []string{
				"Councillor Gunn asked if the recruitment of social workers was recognised by government as it was a national issue and if anything was in place nationally.",
				"Resolved: That the report and presentation be noted, and a further report brought back to a future meeting of the committee.",
			} {
				if !strings.Contains(want, sentence) {
					t.Fatalf("test is stale: the text lacks %q", sentence)
				}
				if !strings.Contains(got, sentence) {
					t.Errorf("PDF text lacks %q", sentence)
				}
			}
			if len(pdf.Pages) < 2 {
				t.Errorf("got %d pages, want the PDF's pages", len(pdf.Pages))
			}
		})
	}
}

func TestPDFPagesAndRunningHeads(t *testing.T) {
	testkit.NeedTool(t, "pdftotext", "apt-get install poppler-utils")
	data := readTestdata(t, "ofsted", "ilacs", "80426_barnsley_2023-10-27.pdf")
	got, err := PDF(context.Background(), data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Pages) < 10 {
		t.Fatalf("got %d pages, want the report's 13 or so", len(got.Pages))
	}
	for i, p := range got.Pages {
		if p.Number != i+1 || p.Start > p.End || (i > 0 && p.Start <= got.Pages[i-1].Start) {
			t.Fatalf("page %d: bad range %+v", i+1, p)
		}
	}
	if n := strings.Count(got.Body, "Inspection of Barnsley local authority children’s services\n"); n > 1 {
		t.Errorf("the running head appears %d times; it is page furniture", n)
	}
	if !strings.HasPrefix(got.Extractor, "pdftotext") {
		t.Errorf("extractor %q, want pdftotext", got.Extractor)
	}
}

func TestPDFErrors(t *testing.T) {
	good := readTestdata(t, "seeds", "pdf", "001_02b845459bfee06e.pdf")
	cases := map[string][]byte{
		"not a pdf": []byte("hello, this is text with a .pdf name"),
		"truncated": good[:len(good)/4],
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Extract(context.Background(), "x.pdf", "pdf", data, Options{})
			if err == nil {
				t.Fatal("got no error")
			}
		})
	}
}
