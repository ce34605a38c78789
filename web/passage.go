package web

import (
	"sort"
	"strconv"

	"scrutiny/store"
)

// passage is a stretch of a document's text prepared for display: split
// into segments at page breaks and at the edges of findings, so that the
// template can highlight findings in place without touching HTML.
type passage struct {
	Start, End int // code point offsets into the document text
	Segments   []segment
	Clipped    bool // the passage is a window of a longer item
}

// segment is a run of text covered by the same findings, or a page break.
type segment struct {
	Text      string
	PageBreak int    // the page that starts here, for a page break
	Finding   int64  // a finding covering the text, 0 for none
	Kind      string // its kind
	Current   bool   // the text belongs to the finding the page is about
	Anchor    string // set on the first segment of the current finding
}

// mark is a finding's range in a passage.
type mark struct {
	start, end int // code point offsets into the document text
	id         int64
	kind       string
}

// marksOf makes marks of findings.
func marksOf(rows []store.Row) []mark {
	ms := make([]mark, 0, len(rows))
	for _, r := range rows {
		if r.End > r.Start {
			ms = append(ms, mark{start: r.Start, end: r.End, id: r.ID, kind: r.Kind})
		}
	}
	return ms
}

// newPassage splits text, which starts at code point offset base of its
// document, at page starts and at the edges of the marks. Where findings
// overlap, the current one (id current) wins, then the shorter.
func newPassage(text string, base int, marks []mark, pageStarts []int, current int64) passage {
	rs := []rune(text)
	end := base + len(rs)
	cuts := map[int]bool{base: true, end: true}
	for _, m := range marks {
		for _, c := range []int{m.start, m.end} {
			if c > base && c < end {
				cuts[c] = true
			}
		}
	}
	breaks := map[int]int{}
	for i, p := range pageStarts {
		if p > base && p < end && i > 0 {
			cuts[p] = true
			breaks[p] = i + 1
		}
	}
	points := make([]int, 0, len(cuts))
	for c := range cuts {
		points = append(points, c)
	}
	sort.Ints(points)

	p := passage{Start: base, End: end}
	anchored := false
	for k := 0; k+1 < len(points); k++ {
		a, b := points[k], points[k+1]
		if n, ok := breaks[a]; ok {
			p.Segments = append(p.Segments, segment{PageBreak: n})
		}
		seg := segment{Text: string(rs[a-base : b-base])}
		if m, ok := cover(marks, a, b, current); ok {
			seg.Finding, seg.Kind, seg.Current = m.id, m.kind, m.id == current
			if seg.Current && !anchored {
				seg.Anchor = "finding-" + strconv.FormatInt(m.id, 10)
				anchored = true
			}
		}
		p.Segments = append(p.Segments, seg)
	}
	return p
}

// cover returns the mark to show over [a, b): the current finding if it
// covers the run, else the shortest mark that does.
func cover(marks []mark, a, b int, current int64) (mark, bool) {
	var best mark
	found := false
	for _, m := range marks {
		if m.start > a || m.end < b {
			continue
		}
		switch {
		case m.id == current:
			return m, true
		case !found || m.end-m.start < best.end-best.start:
			best, found = m, true
		}
	}
	return best, found
}

// window narrows [start, end) of a long text to about size code points
// around [focusStart, focusEnd), widened to line breaks so that the
// passage does not begin or end mid-line.
func window(text []rune, base, focusStart, focusEnd, size int) (int, int) {
	n := len(text)
	if n <= size {
		return base, base + n
	}
	half := max(size-(focusEnd-focusStart), 0) / 2
	s := max(focusStart-base-half, 0)
	e := min(focusEnd-base+half, n)
	for i := s; i > max(s-200, 0); i-- {
		if text[i-1] == '\n' {
			s = i
			break
		}
	}
	for i := e; i < min(e+200, n); i++ {
		if text[i] == '\n' {
			e = i
			break
		}
	}
	return base + s, base + e
}
