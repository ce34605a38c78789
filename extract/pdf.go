package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
)

// PDF extracts the text of a PDF page by page. Poppler's pdftotext is the
// primary extractor where it is installed: it keeps columns (-layout), joins
// the words that Word-exported PDFs break across text runs, and handles
// encryption. The in-process reader is the fallback, and the only reader
// where pdftotext is missing.
func PDF(ctx context.Context, data []byte, opt Options) (*Text, error) {
	if !bytes.HasPrefix(bytes.TrimLeft(data[:min(len(data), 1024)], "\x00\t\n\r "), []byte("%PDF-")) &&
		!bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return nil, ErrNotPDF
	}
	var pages []string
	var extractor string
	bin := pdftotextPath(opt.PDFToText)
	var primaryErr error
	if bin != "" {
		pages, primaryErr = pdftotext(ctx, bin, data)
		extractor = "pdftotext " + toolVersion(bin)
	}
	if bin == "" || (primaryErr != nil && !errors.Is(primaryErr, ErrEncrypted) && ctx.Err() == nil) {
		p, err := readPDF(ctx, data)
		switch {
		case err == nil:
			pages, extractor, primaryErr = p, "ledongthuc/pdf", nil
		case primaryErr == nil:
			primaryErr = err
		}
	}
	if primaryErr != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("pdf: %w", ctx.Err())
		}
		if errors.Is(primaryErr, ErrDamaged) && truncated(data) {
			return nil, fmt.Errorf("%w: the file stops before its end-of-file marker (%s)", ErrDamaged, strings.TrimPrefix(primaryErr.Error(), ErrDamaged.Error()+": "))
		}
		return nil, primaryErr
	}
	for i := range pages {
		pages[i] = trimLines(normalize(pages[i]))
	}
	if allBlank(pages) {
		t, err := ocrPDF(ctx, data, opt)
		if err != nil {
			return nil, err
		}
		return t, nil
	}
	pages = dropRunningLines(pages)
	body, pp := joinPages(pages)
	return &Text{Body: body, Pages: pp, Extractor: extractor}, nil
}

// truncated reports whether a PDF lacks the %%EOF marker that ends every
// complete file. Writers may append a few bytes after it, so the last
// kilobyte is searched. It only words the error message: a file cut inside
// an incremental update still ends in an earlier revision's marker.
func truncated(data []byte) bool {
	return !bytes.Contains(data[max(0, len(data)-1024):], []byte("%%EOF"))
}

func allBlank(pages []string) bool {
	for _, p := range pages {
		if strings.TrimSpace(p) != "" {
			return false
		}
	}
	return true
}
