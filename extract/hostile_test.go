package extract

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"

	"scrutiny/corpus"
	"scrutiny/internal/testkit"
)

// readerOptions are the two PDF readers: Poppler's pdftotext (when it is
// installed) and the in-process fallback.
func readerOptions(t *testing.T) map[string]Options {
	t.Helper()
	opts := map[string]Options{"in-process": {PDFToText: "none", Tesseract: "none"}}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		opts["pdftotext"] = Options{Tesseract: "none"}
	} else {
		t.Log("pdftotext is not installed: only the in-process reader is tested")
	}
	return opts
}

// openingLine is on the first page of the PDF the hostile corpus was made
// from.
const openingLine = "The Head of Children’s Social Care updated the Panel"

func junk(seed uint64, n int) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	return b
}

func TestHostilePDF(t *testing.T) {
	type want struct {
		err  error  // the reason, or nil for text
		text string // in the text when err is nil
		msg  string // in the error message
	}
	cases := []struct {
		name string
		data func(t *testing.T) []byte
		want map[string]want // by reader
	}{
		{"encrypted-rc4-40-user-password.pdf", hostile, map[string]want{
			"pdftotext": {err: ErrEncrypted}, "in-process": {err: ErrEncrypted}}},
		{"encrypted-aes-128-user-password.pdf", hostile, map[string]want{
			"pdftotext": {err: ErrEncrypted}, "in-process": {err: ErrEncrypted}}},
		{"encrypted-aes-256-user-password.pdf", hostile, map[string]want{
			"pdftotext": {err: ErrEncrypted}, "in-process": {err: ErrCipher, msg: "256-bit"}}},
		{"encrypted-rc4-40-owner-only.pdf", hostile, map[string]want{
			"pdftotext": {text: openingLine}, "in-process": {err: ErrCipher}}},
		{"encrypted-aes-128-owner-only.pdf", hostile, map[string]want{
			"pdftotext": {text: openingLine}, "in-process": {text: "Social Care updated the Panel"}}},
		{"encrypted-aes-256-owner-only.pdf", hostile, map[string]want{
			"pdftotext": {text: openingLine}, "in-process": {err: ErrCipher}}},
		{"truncated-half.pdf", hostile, map[string]want{
			"pdftotext": {err: ErrDamaged, msg: "stops before its end"}, "in-process": {err: ErrDamaged, msg: "stops before its end"}}},
		{"truncated-header.pdf", hostile, map[string]want{
			"pdftotext": {err: ErrDamaged, msg: "stops before its end"}, "in-process": {err: ErrDamaged, msg: "stops before its end"}}},
		{"scanned-no-text-layer.pdf", hostile, map[string]want{
			"pdftotext": {err: ErrNoTextLayer, msg: "no text layer"}, "in-process": {err: ErrNoTextLayer, msg: "no text layer"}}},
		{"zero bytes", func(*testing.T) []byte { return nil }, map[string]want{
			"pdftotext": {err: ErrEmpty}, "in-process": {err: ErrEmpty}}},
		{"binary junk", func(*testing.T) []byte { return junk(1, 20000) }, map[string]want{
			"pdftotext": {err: ErrNotPDF}, "in-process": {err: ErrNotPDF}}},
		{"junk after a PDF header", func(*testing.T) []byte { return append([]byte("%PDF-1.7\n"), junk(2, 20000)...) }, map[string]want{
			"pdftotext": {err: ErrDamaged}, "in-process": {err: ErrDamaged}}},
	}
	for reader, opt := range readerOptions(t) {
		for _, c := range cases {
			t.Run(reader+"/"+c.name, func(t *testing.T) {
				w := c.want[reader]
				got, err := Extract(context.Background(), c.name, corpus.PDF, c.data(t), opt)
				if w.err == nil {
					if err != nil {
						t.Fatalf("got error %v, want text", err)
					}
					if !strings.Contains(got.Body, w.text) {
						t.Errorf("text lacks %q; it starts %q", w.text, got.Body[:min(200, len(got.Body))])
					}
					return
				}
				if !errors.Is(err, w.err) {
					t.Fatalf("got %v, want %v", err, w.err)
				}
				if !strings.Contains(err.Error(), w.msg) {
					t.Errorf("error %q does not say %q", err, w.msg)
				}
			})
		}
	}
}

func hostile(t *testing.T) []byte {
	t.Helper()
	name := strings.TrimPrefix(t.Name(), "TestHostilePDF/")
	_, name, _ = strings.Cut(name, "/")
	data, err := os.ReadFile(testkit.Testdata(t, "hostile", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestScannedPDF checks that a PDF of page images says it has no text layer
// when OCR is off, and is read by OCR, page by page, when it is on.
func TestScannedPDF(t *testing.T) {
	data, err := os.ReadFile(testkit.Testdata(t, "hostile", "scanned-no-text-layer.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Extract(context.Background(), "scan.pdf", corpus.PDF, data, Options{Tesseract: "none"})
	if !errors.Is(err, ErrNoTextLayer) || !strings.Contains(err.Error(), "no text layer") {
		t.Fatalf("without OCR: got %v, want %v", err, ErrNoTextLayer)
	}
	for _, bin := range []string{"tesseract", "pdftoppm"} {
		testkit.NeedTool(t, bin, "apt-get install tesseract-ocr poppler-utils; OCR not tested")
	}
	got, err := Extract(context.Background(), "scan.pdf", corpus.PDF, data, Options{})
	if err != nil {
		t.Fatalf("with OCR: %v", err)
	}
	if !strings.HasPrefix(got.Extractor, "tesseract") {
		t.Errorf("extractor %q, want tesseract", got.Extractor)
	}
	if len(got.Pages) != 2 {
		t.Fatalf("%d pages, want 2", len(got.Pages))
	}
	// Each strip of the source page is a page of the scan; OCR must keep
	// them apart. Words rather than lines, since OCR may misread a letter.
	page := func(i int) string {
		end := len(got.Body)
		if i+1 < len(got.Pages) {
			end = got.Pages[i+1].Start
		}
		return got.Body[got.Pages[i].Start:end]
	}
	for i, words := range [][]string{{"Agenda", "focused", "Durham"}, {"Councillor", "Gunn", "Vice-Chair"}} {
		for _, w := range words {
			if !strings.Contains(page(i), w) {
				t.Errorf("page %d lacks %q: %q", i+1, w, page(i))
			}
		}
	}
}

func TestHostileHTML(t *testing.T) {
	budget := "The council’s budget for children’s services rose by £2.4 million."
	nested := "<html><body>" + strings.Repeat("<div>", 100000) + "deep text" + strings.Repeat("</div>", 100000) + "</body></html>"
	cases := []struct {
		name string
		data func(t *testing.T) []byte
		text string
		err  error
	}{
		{"windows-1252.html", file, budget, nil},
		{"utf8-labelled-windows-1252.html", file, budget, nil},
		{"100,000 nested divs", func(*testing.T) []byte { return []byte(nested) }, "deep text", nil},
		{"100,000 nested unclosed spans", func(*testing.T) []byte {
			return []byte("<p>" + strings.Repeat("<span>", 100000) + "unclosed")
		}, "unclosed", nil},
		{"binary junk", func(*testing.T) []byte { return append(junk(3, 5000), 0) }, "", ErrBinary},
		{"zero bytes", func(*testing.T) []byte { return []byte{} }, "", ErrEmpty},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Extract(context.Background(), "page.html", corpus.HTML, c.data(t), Options{})
			if c.err != nil {
				if !errors.Is(err, c.err) {
					t.Fatalf("got %v, want %v", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !utf8.ValidString(got.Body) || !strings.Contains(got.Body, c.text) {
				t.Errorf("text %q lacks %q", got.Body[:min(300, len(got.Body))], c.text)
			}
		})
	}
}

func file(t *testing.T) []byte {
	t.Helper()
	_, name, _ := strings.Cut(t.Name(), "/")
	data, err := os.ReadFile(testkit.Testdata(t, "hostile", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestPlainWindows1252 checks that legacy text files come out as UTF-8.
func TestPlainWindows1252(t *testing.T) {
	got, err := Extract(context.Background(), "notes.txt", corpus.Txt, []byte("The council\x92s budget rose by \xa32.4 million.\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "The council’s budget rose by £2.4 million."; !strings.Contains(got.Body, want) {
		t.Errorf("got %q, want %q", got.Body, want)
	}
}
