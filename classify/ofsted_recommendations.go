package classify

import (
	"strings"

	"scrutiny/corpus"
)

var (
	// listHeadingRE is a heading over a list of what must improve, or of
	// strengths: "What needs to improve?1" (the digit is a footnote mark),
	// "What needs to improve in this area of social work practice",
	// "Areas for priority action", the SIF's "Recommendations" and its
	// 2014 form "What does the local authority need to improve?" with
	// "Priority and immediate action" and "Areas for improvement".
	listHeadingRE = lazy(`^\s*(?:(What\s+needs\s+to\s+improve(?:\s+in\s+this\s+area\s+of\s+(?:social\s+work\s+)?practice)?|What\s+does\s+the\s+(?:local\s+authority|LSCB|local\s+safeguarding\s+children\s+board)\s+need\s+to\s+improve|Areas?\s+for\s+improvement|Recommendations?)|(Areas?\s+(?:for|of)\s+priority\s+action|Priority\s+and\s+immediate\s+action)|(The\s+local\s+authority['’]s\s+strengths|(?:Key\s+s|S)trengths|Areas?\s+of\s+strengths?|What\s+is\s+working\s+well))\s*[?:.]?[\d*]{0,2}\s*$`)
	// lscbHeadingRE opens the SIF's review of the Local Safeguarding
	// Children Board: its recommendations are the board's, not the
	// council's.
	lscbHeadingRE = lazy(`(?i)^\s*(?:The\s+)?(?:Local\s+Safeguarding\s+Children\s+Board|LSCB)\s*(?:\(LSCB\))?\s*$|^\s*What\s+does\s+the\s+(?:LSCB|local\s+safeguarding\s+children\s+board)\s+need\s+to\s+improve\s*\??[\d*]{0,2}\s*$`)
	// noneRE is a paragraph saying a list is empty: "There are no areas
	// for priority and immediate action."
	noneRE = lazy(`(?i)^(?:there\s+(?:are|is|were)\s+no\b|none\b|no\s+(?:areas?|recommendations?)\b)`)
)

// headingKind is what a list heading introduces.
type headingKind int

const (
	improveHeading headingKind = iota + 1
	priorityHeading
	strengthHeading
)

func listHeading(l layoutLine) headingKind {
	m := listHeadingRE.FindStringSubmatch(l.text)
	switch {
	case m == nil:
		return 0
	case m[1] != "":
		return improveHeading
	case m[2] != "":
		return priorityHeading
	}
	return strengthHeading
}

// reportLists reads every list under a heading of what must improve or of
// strengths, calling found for each entry with the heading's kind and
// whether it lies in the SIF's review of the LSCB.
func reportLists(c *docContext, found func(kind headingKind, lscb bool, it listItem)) {
	lines := layoutLines(c.doc.Text, 0, len(c.doc.Text))
	lscbFrom := lscbStart(c)
	stop := func(l layoutLine) bool { return listHeading(l) != 0 || lscbHeadingRE.MatchString(l.text) }
	for i := 0; i < len(lines); i++ {
		lscb := lines[i].start >= lscbFrom
		kind := listHeading(lines[i])
		if kind == 0 {
			continue
		}
		j := i + 1
		for j < len(lines) && lines[j].blank() {
			j++
		}
		if j < len(lines) && isSubheading(lines, j, 0) {
			// "Leadership and management" over the first entry.
			for j++; j < len(lines) && lines[j].blank(); j++ {
			}
		}
		if j < len(lines) {
			if _, _, _, ok := markerOf(lines[j]); !ok {
				// An introduction ("The local authority needs to take
				// swift and decisive action to ..., including:"), or an
				// area for priority action stated as a paragraph.
				para, next := paragraph(lines, j)
				if strings.HasSuffix(para.text, ":") {
					j = next
				} else {
					if kind == priorityHeading && strings.HasSuffix(para.text, ".") && len(para.text) > 40 && !noneRE.MatchString(para.text) {
						found(kind, lscb, para)
					}
					continue
				}
			}
		}
		items, next := readReportList(lines, j, stop)
		for _, it := range items {
			found(kind, lscb, it)
		}
		if next > i+1 {
			i = next - 1
		}
	}
}

// lscbStart returns where the SIF's review of the Local Safeguarding
// Children Board begins, or the text's end. Its heading on a contents
// page, within the first two pages, does not count.
func lscbStart(c *docContext) int {
	from := c.pageLimit(2)
	if len(c.doc.Pages) < 2 {
		from = 0
	}
	for _, l := range layoutLines(c.doc.Text, from, len(c.doc.Text)) {
		if lscbHeadingRE.MatchString(l.text) {
			return l.start
		}
	}
	return len(c.doc.Text)
}

// paragraph reads the lines from lines[i] to the next blank line, list
// entry or heading as one piece of text.
func paragraph(lines []layoutLine, i int) (listItem, int) {
	it := listItem{start: lines[i].start + lines[i].indent()}
	var parts []string
	for ; i < len(lines) && !lines[i].blank() && listHeading(lines[i]) == 0; i++ {
		if _, _, _, ok := markerOf(lines[i]); ok && len(parts) > 0 {
			break
		}
		parts = append(parts, lines[i].text)
		it.end = lines[i].start + len(strings.TrimRight(lines[i].text, " \t"))
	}
	it.text = Collapse(strings.Join(parts, "\n"))
	return it, i
}

// ofstedRecommendations emits each entry of each list of what must improve
// as its own recommendation, with source ofsted.
func ofstedRecommendations(c *docContext, typ string) {
	seen := map[int]bool{}
	reportLists(c, func(kind headingKind, lscb bool, it listItem) {
		if kind == strengthHeading || seen[it.start] || it.text == "" {
			return
		}
		seen[it.start] = true
		rule := "recommendation.what-needs-to-improve"
		switch {
		case kind == priorityHeading:
			rule = "recommendation.priority-action"
		case lscb:
			rule = "recommendation.lscb"
		case typ == corpus.SIFReport:
			rule = "recommendation.sif"
		}
		c.emit(corpus.Finding{Kind: corpus.Recommendation, Start: it.start, End: it.end, Text: it.text,
			Source: corpus.SourceOfsted, Rule: rule})
	})
}
