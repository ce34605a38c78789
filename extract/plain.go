package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Plain reads plain text or Markdown. Text that is not valid UTF-8 is read
// as windows-1252, the usual encoding of legacy English documents. Form
// feeds, where present, separate pages.
func Plain(data []byte, markdown bool) (*Text, error) {
	if looksBinary(data) {
		return nil, ErrBinary
	}
	s := string(data)
	if !utf8.ValidString(s) {
		b, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err == nil {
			s = string(b)
		}
	}
	s = normalize(s)
	raw := strings.Split(s, "\f")
	pages := make([]string, len(raw))
	for i, p := range raw {
		pages[i] = trimBoilerplate(trimLines(p))
	}
	if len(pages) > 1 {
		pages = dropRunningLines(pages)
	}
	body, pp := joinPages(pages)
	ext := "text"
	if markdown {
		ext = "markdown"
	}
	return &Text{Body: body, Pages: pp, Extractor: ext}, nil
}
