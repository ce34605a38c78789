package extract

import (
	"bytes"
	"context"
	"errors"
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
	var lastErr error
	for i := 1; i <= n; i++ {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		text, err := pageText(r, i)
		if err != nil {
			failed++
			lastErr = err
		}
		pages = append(pages, text)
	}
	if failed == n && n > 0 {
		if encrypted(r) {
			// The library opens some encrypted files (RC4 with an empty
			// user password) but derives the wrong key, so every stream
			// comes out as garbage.
			return nil, fmt.Errorf("%w: no page could be decrypted (%v)", ErrCipher, lastErr)
		}
		return nil, fmt.Errorf("%w: no page could be read (%v)", ErrDamaged, lastErr)
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
		msg := err.Error()
		switch {
		case errors.Is(err, pdf.ErrInvalidPassword):
			return nil, ErrEncrypted
		case strings.Contains(msg, "encryption"):
			// AES-256 (V=5, a 256-bit key) and other ciphers the library
			// lacks; it calls some of them malformed.
			return nil, fmt.Errorf("%w (%s)", ErrCipher, msg)
		}
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	return r, nil
}

// encrypted reports whether the document's trailer names an encryption
// dictionary.
func encrypted(r *pdf.Reader) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return !r.Trailer().Key("Encrypt").IsNull()
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
