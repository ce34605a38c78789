package classify

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// layoutLine is one line of a report as pdftotext -layout sets it out: its
// byte range in the document text, and whether a page break (form feed)
// rather than a newline ends the line before it. Reports are read by
// layout (columns, indentation, list markers) as well as by words.
type layoutLine struct {
	start, end int
	text       string
	afterBreak bool
}

// layoutLines splits text[from:to] into lines; form feeds end lines as
// newlines do.
func layoutLines(text string, from, to int) []layoutLine {
	var out []layoutLine
	start, brk := from, false
	for i := from; i < to; i++ {
		if c := text[i]; c == '\n' || c == '\f' {
			out = append(out, layoutLine{start: start, end: i, text: text[start:i], afterBreak: brk})
			start, brk = i+1, c == '\f'
		}
	}
	if start < to {
		out = append(out, layoutLine{start: start, end: to, text: text[start:to], afterBreak: brk})
	}
	return out
}

func (l layoutLine) blank() bool { return strings.TrimSpace(l.text) == "" }

// indent is the column, in characters, where the line's text begins.
func (l layoutLine) indent() int {
	return utf8.RuneCountInString(l.text) - utf8.RuneCountInString(strings.TrimLeft(l.text, " \t"))
}

func (l layoutLine) trimmed() string { return strings.TrimSpace(l.text) }

// cell is a run of text that a layout line sets apart from its neighbours
// by two or more spaces: one column's share of a table row.
type cell struct {
	col, endCol int // character columns
	start, end  int // byte range in the document text
	text        string
}

var cellRE = lazy(`\S+(?: \S+)*`)

// cells splits a line into the runs of text its layout sets apart.
func (l layoutLine) cells() []cell {
	var out []cell
	for _, loc := range cellRE.FindAllStringIndex(l.text, -1) {
		col := utf8.RuneCountInString(l.text[:loc[0]])
		t := l.text[loc[0]:loc[1]]
		out = append(out, cell{col: col, endCol: col + utf8.RuneCountInString(t),
			start: l.start + loc[0], end: l.start + loc[1], text: t})
	}
	return out
}

// startsCapital reports whether s begins with an upper-case letter or a
// digit: the first line of a table row or list entry, not its wrapped
// continuation.
func startsCapital(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s))
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// runeIndex returns the character column of sub in s, or -1.
func runeIndex(s, sub string) int {
	i := strings.Index(s, sub)
	if i < 0 {
		return -1
	}
	return utf8.RuneCountInString(s[:i])
}

// pageLimit returns the byte offset where page n of the document ends, or
// the document's end when it has fewer pages; without pages it returns a
// window of the text's start.
func (c *docContext) pageLimit(n int) int {
	ps := c.doc.Pages
	if len(ps) == 0 {
		return min(len(c.doc.Text), 6000*n)
	}
	return ps[min(n, len(ps))-1].End
}
