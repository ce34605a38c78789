package classify

import (
	"sort"
	"strings"

	"scrutiny/corpus"
)

var (
	// sectionOpenRE opens the heading of an ILACS report's section on one
	// area, which restates the area's grade: "The experiences and progress
	// of children who need help and protection: requires improvement to
	// be good", "... is inadequate", "... are: Outstanding".
	sectionOpenRE  = lazy(`^(?:The\s+experiences\s+and\s+progress\s+of|The\s+impact\s+of\s+leaders\s+on)\b`)
	sectionGradeRE = lazy(`(?i)^(.+?)(?:\s*:\s*|\s+(?:is|are|are\s*:|was|were)\s+)(outstanding|good|inadequate|requires?\s+improvement(?:\s+to\s+be\s+good)?)\.?$`)
	// gradedJudgementRE is the SIF's statement of the grades it gives
	// inside a section: "The graded judgement for adoption performance is
	// that it is good", "The graded judgement about the experience and
	// progress of care leavers is that they require improvement".
	gradedJudgementRE = lazy(`(?im)(?:^|\f)[ \t]*(the\s+graded\s+judge?ments?\s+(?:for|about|on|of)\s+([^.]{3,120}?)\s+is\s+that\s+(?:it|they|this|these)\s+(?:is\s+|are\s+)?(outstanding|good|inadequate|requires?\s+improvement(?:\s+to\s+be\s+good)?)\b)`)
)

// headingJudgements returns the grades a report restates in its
// sections, one per area, in the order the report gives them: ILACS
// section headings, the SIF's headings with their grades set apart, and
// its sentences "The graded judgement for X is that it is Y".
func headingJudgements(c *docContext) []tableJudgement {
	all := append(sectionJudgements(c), sequenceHeadings(c)...)
	text := c.doc.Text
	for _, m := range gradedJudgementRE.FindAllStringSubmatchIndex(text, -1) {
		area, _ := FindArea(text[m[4]:m[5]])
		g, ok := ParseGrade(text[m[6]:m[7]])
		if area == "" || !ok {
			continue
		}
		all = append(all, tableJudgement{area: area, grade: g, start: m[2], end: m[3], text: Collapse(text[m[2]:m[3]])})
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].start < all[j].start })
	var out []tableJudgement
	for _, j := range all {
		if !listed(out, j.area) {
			out = append(out, j)
		}
	}
	return out
}

// sectionJudgements reads the grades an ILACS report restates in the
// headings of its sections, one per area. They stand in for the judgement
// table where the table cannot be read (an extraction without layout).
func sectionJudgements(c *docContext) []tableJudgement {
	lines := layoutLines(c.doc.Text, 0, len(c.doc.Text))
	var out []tableJudgement
	seen := map[corpus.Area]bool{}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.indent() > 1 || !sectionOpenRE.MatchString(l.trimmed()) || len(l.cells()) > 1 {
			continue
		}
		parts := []string{l.text}
		end := l.end
		for k := i + 1; k < len(lines) && k < i+3 && !lines[k].blank() && len(lines[k].cells()) == 1 && !startsCapital(lines[k].text); k++ {
			parts = append(parts, lines[k].text)
			end = lines[k].end
		}
		text := Collapse(strings.Join(parts, "\n"))
		m := sectionGradeRE.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		area, loc := FindArea(m[1])
		g, ok := ParseGrade(m[2])
		if area == "" || !ok || loc[0] > 4 || seen[area] {
			continue
		}
		seen[area] = true
		out = append(out, tableJudgement{area: area, grade: g, start: l.start + l.indent(), end: end, text: text})
	}
	return out
}

// sequenceHeadings reads the headings of a report's sections that restate
// an area's grade as table lines set apart: "The experiences and progress
// of / children who need help and        Requires improvement /
// protection" (the SIF's, with the grade in a column or on a line of its
// own). A heading stands after a blank line or a page break and names one
// area and one grade.
func sequenceHeadings(c *docContext) []tableJudgement {
	lines := layoutLines(c.doc.Text, 0, len(c.doc.Text))
	// Lines of tables (two rows or more) are not headings, though each
	// row looks like one in a text without columns.
	inTable := make([]bool, len(lines))
	for _, run := range tableRuns(lines) {
		if len(run.pairs()) >= 2 {
			for k := run.first; k <= run.last; k++ {
				inTable[k] = true
			}
		}
	}
	var out []tableJudgement
	for i := range lines {
		if inTable[i] || !standsApart(lines, i) {
			continue
		}
		run, ok := readRun(lines, i, 2)
		if !ok || run.words[0].class != areaWord {
			continue
		}
		areas, grades := areaNames(wordsOf(run, areaWord)), gradePhrases(wordsOf(run, gradeWord))
		if len(areas) != 1 || len(grades) != 1 || areas[0].area == lscbArea || grades[0].notJudged {
			continue
		}
		if grades[0].start < areas[0].start {
			continue // a grade above its area is a table's, not a heading's
		}
		p := run.pairs()[0]
		out = append(out, tableJudgement{area: p.area, grade: p.grade, start: p.start, end: p.end, text: p.text})
	}
	return out
}

// standsApart reports whether line i begins a block of its own: the first
// line, or one after a blank line, a page break or a number alone (a page
// number).
func standsApart(lines []layoutLine, i int) bool {
	if i == 0 || lines[i].afterBreak {
		return true
	}
	prev := lines[i-1]
	return prev.blank() || footnoteLineRE.MatchString(prev.text)
}
