package corpus

import (
	"sort"
	"strings"
	"unicode"
)

// Line is one line of a document's text: the byte range [Start, End) without its line
// break. Form feeds break lines as newlines do.
type Line struct {
	Start, End int
	Text       string
}

// Lines splits text into lines, keeping offsets.
func Lines(text string) []Line {
	var out []Line
	start := 0
	for i := 0; i < len(text); i++ {
		if c := text[i]; c == '\n' || c == '\f' {
			out = append(out, Line{Start: start, End: i, Text: text[start:i]})
			start = i + 1
		}
	}
	if start < len(text) {
		out = append(out, Line{Start: start, End: len(text), Text: text[start:]})
	}
	return out
}

// Blank reports whether the line holds only spaces.
func (l Line) Blank() bool { return strings.TrimSpace(l.Text) == "" }

// Indent is the number of leading spaces (a tab counts as one).
func (l Line) Indent() int { return len(l.Text) - len(strings.TrimLeft(l.Text, " \t")) }

// FullWidth is the width of a full line of the text: the 90th percentile
// of the lengths of its non-blank lines, which a paragraph's lines reach
// and a heading's or a list entry's last line falls short of.
func FullWidth(lines []Line) int {
	var ns []int
	for _, l := range lines {
		if !l.Blank() {
			ns = append(ns, len(strings.TrimSpace(l.Text)))
		}
	}
	if len(ns) == 0 {
		return 0
	}
	sort.Ints(ns)
	return ns[len(ns)*9/10]
}

// CapitalLetters counts the letters of s when none is in lower case, as in
// a heading set in capitals ("AUDIT COMMISSION INTERIM REPORT"), and
// returns 0 when one is.
func CapitalLetters(s string) int {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if unicode.IsLower(r) {
				return 0
			}
			letters++
		}
	}
	return letters
}
