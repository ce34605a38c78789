package corpus

import "strings"

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
