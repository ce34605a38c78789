// Package extract turns a document's bytes into text with page numbers, and
// that text into agenda items. It reads PDF (through Poppler's pdftotext, with
// github.com/ledongthuc/pdf as an in-process fallback), HTML (through
// goquery) and plain text or Markdown. It does no classification, no SQL and
// no logging.
package extract

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"scrutiny/corpus"
)

// Version changes whenever a change here may change extracted text, so that
// stored documents can be told apart by the extraction that made them.
const Version = "1"

// Text is a document's extracted text.
type Text struct {
	Body  string
	Pages []corpus.Page
	// Extractor names what produced Body: "pdftotext 22.12.0",
	// "ledongthuc/pdf", "goquery", "text", "tesseract 5.3.0".
	Extractor string
	Title     string
}

// Options configure extraction. The zero value looks pdftotext up on PATH.
type Options struct {
	// PDFToText is the pdftotext binary. Empty means look it up on PATH;
	// "none" means use only the in-process PDF reader.
	PDFToText string
	// Tesseract is the OCR binary for PDFs without a text layer. Empty
	// means look it up on PATH; "none" disables OCR.
	Tesseract string
}

// Extensions lists the file extensions Scrutiny reads, and their formats.
var Extensions = map[string]corpus.Format{
	".pdf":   corpus.PDF,
	".html":  corpus.HTML,
	".htm":   corpus.HTML,
	".xhtml": corpus.HTML,
	".txt":   corpus.Txt,
	".md":    corpus.Txt,
}

// FormatOf returns the format of a file by its extension, and whether
// Scrutiny reads it.
func FormatOf(name string) (corpus.Format, bool) {
	f, ok := Extensions[strings.ToLower(filepath.Ext(name))]
	return f, ok
}

// Extract reads data, the contents of the file name, as the given format.
// A context deadline bounds external programs; in-process parsers check it
// between pages.
func Extract(ctx context.Context, name string, format corpus.Format, data []byte, opt Options) (*Text, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	var (
		t   *Text
		err error
	)
	switch format {
	case corpus.PDF:
		t, err = PDF(ctx, data, opt)
	case corpus.HTML:
		t, err = HTML(data)
	case corpus.Txt:
		t, err = Plain(data, strings.EqualFold(filepath.Ext(name), ".md"))
	default:
		return nil, fmt.Errorf("%w: %q", ErrUnsupported, format)
	}
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(t.Body) == "" {
		return nil, ErrNoText
	}
	return t, nil
}
