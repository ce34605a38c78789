package classify

import (
	"strconv"
	"strings"
)

// Reports set out what must improve, and sometimes their strengths, as
// lists: bullets (ILACS, letters) or numbered paragraphs (SIF). An entry
// wraps onto indented lines, may hold sub-bullets ("Services to care
// leavers, including: − sufficiency of accommodation ..."), and may run
// across a page break, with a footnote between its halves.
var (
	// listMarkerRE is a list entry's marker. Bullets from Symbol and
	// Wingdings fonts come through pdftotext as private-use characters.
	listMarkerRE = lazy(`^(\s*)([•·▪◼■●○◦◆♦➢➤►✓\-–—−*]|[\x{F000}-\x{F0FF}]|\d{1,3}[.)])(?:\s+|$)`)
	// footnoteLineRE is a footnote's number standing alone at a page's foot.
	footnoteLineRE = lazy(`^\s*\d{1,2}\s*$`)
	terminalPunct  = lazy(`[.;:!?]\s*$`)
	// sectionRE opens the sections of a report that follow its lists,
	// which continue the numbering of its paragraphs.
	sectionRE = lazy(`(?i)^(?:inspection\s+(?:judgements?|findings)|summary\b|information\s+about|the\s+local\s+authority\b|what\s+the\s+inspection|progress\s+since|the\s+experiences\s+and\s+progress|leadership,\s+management\s+and\s+governance|executive\s+summary|the\s+effectiveness\s+of)`)
)

// listItem is one entry of a list: the byte range from its first word to
// its last, and its text with the marker dropped and lines joined.
type listItem struct {
	start, end int
	text       string
	marker     string
}

// reportEntry is an entry being read.
type reportEntry struct {
	item  listItem
	col   int // the marker's column
	parts []string
}

func (e *reportEntry) addLine(l layoutLine, from int) {
	if from < l.end {
		e.parts = append(e.parts, l.text[from-l.start:])
		e.item.end = l.start + len(strings.TrimRight(l.text, " \t"))
	}
}

func (e *reportEntry) done() listItem {
	it := e.item
	it.text = Collapse(strings.Join(e.parts, "\n"))
	return it
}

func (e *reportEntry) ended() bool {
	return len(e.parts) > 0 && terminalPunct.MatchString(e.parts[len(e.parts)-1])
}

// markerOf returns a line's list marker, its column and where the entry's
// text begins, or ok false.
func markerOf(l layoutLine) (marker string, col, textStart int, ok bool) {
	m := listMarkerRE.FindStringSubmatchIndex(l.text)
	if m == nil || strings.TrimSpace(l.text[m[1]:]) == "" {
		return "", 0, 0, false // a marker alone, or a dash ending a line
	}
	return l.text[m[4]:m[5]], l.indent(), l.start + m[1], true
}

func markerNumber(m string) int {
	n, err := strconv.Atoi(strings.TrimRight(m, ".)"))
	if err != nil {
		return -1
	}
	return n
}

// readReportList reads the list that begins at lines[i] (blank lines skipped),
// stopping where the layout shows the list has ended or at a line stop
// accepts. It returns the entries and the index of the first line after
// them.
func readReportList(lines []layoutLine, i int, stop func(layoutLine) bool) ([]listItem, int) {
	var items []listItem
	var cur *reportEntry
	numbered, lastNum := false, 0
	blankBefore := false
	finish := func() {
		if cur != nil {
			items = append(items, cur.done())
			cur = nil
		}
	}
	for ; i < len(lines); i++ {
		l := lines[i]
		if l.blank() {
			blankBefore = true
			continue
		}
		if cur != nil && footnoteLineRE.MatchString(l.text) {
			// A footnote at the page's foot: skip it to the page break.
			for i+1 < len(lines) && !lines[i+1].afterBreak {
				i++
			}
			continue
		}
		if stop(l) {
			break
		}
		marker, col, textStart, ok := markerOf(l)
		if ok {
			n := markerNumber(marker)
			switch {
			case cur != nil && col > cur.col+1 && n < 0:
				cur.addLine(l, l.start+col) // a sub-bullet belongs to its entry
			case cur == nil || (col <= cur.col+3 && (n >= 0) == numbered && (n < 0 || n == lastNum+1)):
				finish()
				numbered, lastNum = n >= 0, n
				cur = &reportEntry{item: listItem{start: textStart, marker: marker}, col: col}
				cur.addLine(l, textStart)
			default:
				finish()
				return items, i
			}
			blankBefore = false
			continue
		}
		if cur == nil {
			break
		}
		ind := l.indent()
		switch {
		case ind > cur.col && (!blankBefore || !cur.ended()):
			cur.addLine(l, l.start)
		case !blankBefore && (!cur.ended() || strings.HasPrefix(l.trimmed(), "(")) && !startsCapital(l.text):
			cur.addLine(l, l.start)
		case !blankBefore && !numbered && !(cur.ended() && headingLike(l)) && markerFollows(lines, i, cur.col, cur.item.marker):
			// Text without layout does not indent wrapped lines: the
			// list runs on while its markers do, unless a heading
			// ("Findings") opens another list.
			cur.addLine(l, l.start)
		case numbered && isSubheading(lines, i, lastNum):
			// "Social work practice" between numbered recommendations.
		default:
			finish()
			return items, i
		}
		blankBefore = false
	}
	finish()
	return items, i
}

// markerFollows reports whether a line with the same marker, in the same
// column, comes after lines[i] before a blank line: the lines between
// belong to the entry before it.
func markerFollows(lines []layoutLine, i, col int, marker string) bool {
	for k := i + 1; k < len(lines) && k <= i+4 && !lines[k].blank(); k++ {
		if m, c, _, ok := markerOf(lines[k]); ok {
			return m == marker && c <= col+1 && c >= col-1
		}
		if listHeading(lines[k]) != 0 {
			return false
		}
	}
	return false
}

// headingLike reports whether a line could be a heading: short, and
// without the punctuation that ends a sentence.
func headingLike(l layoutLine) bool {
	t := l.trimmed()
	return len(t) < 60 && !terminalPunct.MatchString(t) && startsCapital(t)
}

// isSubheading reports whether lines[i] is a short heading inside a
// numbered list, which the next entry's number continues.
func isSubheading(lines []layoutLine, i, lastNum int) bool {
	t := lines[i].trimmed()
	if len(t) > 60 || terminalPunct.MatchString(t) || listHeadingRE.MatchString(lines[i].text) || sectionRE.MatchString(t) {
		return false
	}
	// A section heading stands further apart than a topic inside a list:
	// two blank lines before it.
	if i >= 2 && lines[i-1].blank() && lines[i-2].blank() {
		return false
	}
	for k := i + 1; k < len(lines) && k < i+3; k++ {
		if lines[k].blank() {
			continue
		}
		m, _, _, ok := markerOf(lines[k])
		n := markerNumber(m)
		return ok && (n == lastNum+1 || lastNum == 0 && n > 0)
	}
	return false
}
