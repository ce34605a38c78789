package classify

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"scrutiny/extract"
)

// BlockKind says how a block is laid out.
type BlockKind int

// The kinds of block.
const (
	Paragraph BlockKind = iota
	Bullet              // a list entry: "• ...", "- ...", "(a) ..."
	Heading             // a short line standing alone, without closing punctuation
)

// Block is a run of lines that layout sets apart: a paragraph, a list entry
// or a heading. Blocks never span a blank line; sentences never span
// blocks. This is the "layout first" half of sentence splitting: prose's
// splitter ignores layout and would run "1. Apologies\n2. Declarations"
// into one sentence.
type Block struct {
	Kind       BlockKind
	Start, End int    // byte range in the document text
	Marker     string // the bullet or number that opens a Bullet block
}

var (
	bulletRE   = regexp.MustCompile(`^\s*([•·▪◼■●○◦◆♦➢➤►✓\*\-–—\x{F000}-\x{F0FF}]|\d{1,2}\.\d{1,2}(?:\.\d{1,2})?|\(?\d{1,2}[.)]|\(?[a-z]{1,2}\)|\(?[ivx]{1,5}\))(\s+|$)`)
	terminalRE = regexp.MustCompile(`[.!?:;)”"’']\s*$`)
)

// Blocks splits text[start:end] into blocks by layout: blank lines, list
// markers, and short lines standing alone as headings.
func Blocks(text string, start, end int) []Block {
	lines := extract.Lines(text[start:end])
	var out []Block
	cur := -1 // index into out of the open block
	closeBlock := func() { cur = -1 }
	for i, l := range lines {
		ls, le := start+l.Start, start+l.End
		if l.Blank() {
			closeBlock()
			continue
		}
		trimmed := strings.TrimSpace(l.Text)
		if m := bulletRE.FindStringSubmatch(l.Text); m != nil && isListMarker(m[1], trimmed) {
			out = append(out, Block{Kind: Bullet, Start: ls + strings.Index(l.Text, m[1]), End: le, Marker: m[1]})
			cur = len(out) - 1
			continue
		}
		if cur >= 0 && (breaksBefore(text, out[cur], lines, i, start) || headingAfterPageBreak(text, lines, i, start)) {
			closeBlock()
		}
		if cur < 0 {
			out = append(out, Block{Kind: Paragraph, Start: ls + l.Indent(), End: le})
			cur = len(out) - 1
			if isHeadingLine(trimmed, lines, i) {
				out[cur].Kind = Heading
				closeBlock()
			}
			continue
		}
		out[cur].End = le
	}
	return out
}

// isListMarker rejects markers that are really the start of prose: a
// hyphen or number glued to a word is not a bullet, and a lone "I)" or
// "a)" must be followed by text.
func isListMarker(marker, line string) bool {
	rest := strings.TrimSpace(strings.TrimPrefix(line, marker))
	if rest == "" {
		return marker != "-" && marker != "*"
	}
	return true
}

// breaksBefore reports whether line i starts a new block although no blank
// line precedes it: after a heading, after a line that ends a sentence and
// is much shorter than its neighbours (the last line of a paragraph in
// layout text), or where indentation steps back.
func breaksBefore(text string, b Block, lines []extract.Line, i, base int) bool {
	prev := lines[i-1]
	pt := strings.TrimSpace(prev.Text)
	if b.Kind == Heading {
		return true
	}
	if !terminalRE.MatchString(pt) {
		return false
	}
	// A paragraph that ends at a page break may continue on the next
	// page; a form feed alone is no boundary.
	cur := lines[i]
	if cur.Indent() < prev.Indent()-2 && b.Kind != Bullet {
		return true
	}
	if b.Kind == Bullet && cur.Indent() < prev.Indent()-1 {
		return true
	}
	return len(pt) < 40 && len(strings.TrimSpace(cur.Text)) > 60 && strings.HasSuffix(pt, ".")
}

// headingAfterPageBreak reports whether line i opens a page with a
// heading: a paragraph may run on across a page break, but a heading on
// the next page is not part of it ("Executive summary" after a table that
// ends the page before).
func headingAfterPageBreak(text string, lines []extract.Line, i, base int) bool {
	s := base + lines[i].Start
	if s == 0 || text[s-1] != '\f' {
		return false
	}
	return isHeadingLine(strings.TrimSpace(lines[i].Text), lines, i)
}

// isHeadingLine reports whether a line stands alone as a heading: short,
// without closing punctuation, and followed by a blank line or by a line
// that starts a sentence.
func isHeadingLine(t string, lines []extract.Line, i int) bool {
	if len(t) > 100 || terminalRE.MatchString(t) || strings.HasSuffix(t, ",") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	if i+1 >= len(lines) || lines[i+1].Blank() {
		return true
	}
	next := strings.TrimSpace(lines[i+1].Text)
	nr, _ := utf8.DecodeRuneInString(next)
	// Wrapped prose continues in lower case; a heading is followed by a
	// new sentence or a list. Long lines that stop short of the margin
	// without punctuation are wrapped prose, not headings.
	if !unicode.IsUpper(nr) && !bulletRE.MatchString(lines[i+1].Text) {
		return false
	}
	return len(t) < 70 && len(strings.Fields(t)) <= 12
}
