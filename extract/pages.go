package extract

import (
	"strings"

	"scrutiny/corpus"
)

// joinPages joins page texts into one body, pages separated by a form feed
// (as pdftotext separates them), and records where each page lies. Blank
// lines at the edges of a page are dropped: left by removed running heads,
// they would read as paragraph breaks in the middle of sentences.
func joinPages(pages []string) (string, []corpus.Page) {
	var b strings.Builder
	out := make([]corpus.Page, 0, len(pages))
	for i, p := range pages {
		p = trimBlankEdges(p)
		if i > 0 {
			b.WriteByte('\f')
		}
		start := b.Len()
		b.WriteString(p)
		out = append(out, corpus.Page{Number: i + 1, Start: start, End: b.Len()})
	}
	return b.String(), out
}

// onePage wraps a text without pages as a single page.
func onePage(body string) []corpus.Page {
	return []corpus.Page{{Number: 1, Start: 0, End: len(body)}}
}

// trimBlankEdges removes blank lines before the first and after the last
// line of text, keeping the first line's indentation.
func trimBlankEdges(p string) string {
	p = strings.TrimRight(p, " \t\n")
	for {
		nl := strings.IndexByte(p, '\n')
		if nl < 0 || strings.TrimSpace(p[:nl]) != "" {
			return p
		}
		p = p[nl+1:]
	}
}
