package extract

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// readPDF extracts text in process with github.com/ledongthuc/pdf, page by
// page. The library panics on corrupted input (in NumPage, Page and Font),
// so every call into it runs under recover: a page that panics comes out
// empty, and a document that panics when opened fails with ErrDamaged.
func readPDF(ctx context.Context, data []byte) (pages []string, err error) {
	r, err := openPDF(data)
	if err != nil {
		return nil, err
	}
	n, err := numPages(r)
	if err != nil {
		return nil, err
	}
	pages = make([]string, 0, n)
	var failed int
	for i := 1; i <= n; i++ {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		text, err := pageText(r, i)
		if err != nil {
			failed++
		}
		pages = append(pages, text)
	}
	if failed == n && n > 0 {
		return nil, fmt.Errorf("%w: no page could be read", ErrDamaged)
	}
	return pages, nil
}

func openPDF(data []byte) (r *pdf.Reader, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("%w: %v", ErrDamaged, p)
		}
	}()
	r, err = pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if strings.Contains(err.Error(), "encrypt") || strings.Contains(err.Error(), "password") {
			return nil, ErrEncrypted
		}
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	return r, nil
}

func numPages(r *pdf.Reader) (n int, err error) {
	defer func() {
		if p := recover(); p != nil {
			n, err = 0, fmt.Errorf("%w: page tree: %v", ErrDamaged, p)
		}
	}()
	return r.NumPage(), nil
}

func pageText(r *pdf.Reader, i int) (text string, err error) {
	defer func() {
		if p := recover(); p != nil {
			text, err = "", fmt.Errorf("page %d: %v", i, p)
		}
	}()
	p := r.Page(i)
	if p.V.IsNull() {
		return "", nil
	}
	rows, err := p.GetTextByRow()
	if err == nil && len(rows) > 1 {
		var b strings.Builder
		for _, row := range rows {
			for _, t := range row.Content {
				b.WriteString(t.S)
			}
			b.WriteByte('\n')
		}
		return b.String(), nil
	}
	// Some producers (LibreOffice among them) give every glyph the same
	// row; their plain text keeps line structure but breaks words at text
	// object boundaries.
	plain, err := p.GetPlainText(nil)
	if err != nil {
		return "", err
	}
	return joinBrokenWords(plain), nil
}

// joinBrokenWords mends the line breaks the in-process reader puts inside
// words ("Count\ny Council", "children\n’\ns"): a break not preceded by a
// space and followed by a lower-case letter or punctuation joins the lines.
// Real line wraps end in a space and stay.
func joinBrokenWords(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		b.WriteString(line)
		if i == len(lines)-1 {
			break
		}
		next := lines[i+1]
		r, _ := utf8.DecodeRuneInString(next)
		endsSpace := line == "" || strings.HasSuffix(line, " ")
		if !endsSpace && next != "" && (unicode.IsLower(r) || unicode.IsPunct(r)) {
			continue
		}
		b.WriteByte('\n')
	}
	return b.String()
}
