package classify

import (
	"strings"

	"scrutiny/corpus"
)

// A judgement table sets each graded area beside its grade:
//
//	Judgement                                   Grade
//
//	The experiences and progress of             Requires improvement to be good
//	children who need help and protection
//
// Area names wrap in the left column; grades wrap in the right one
// ("Requires improvement to be" / "good"); a grade may sit on the line after
// an area's first line, level with the middle of a wrapped name (the SIF
// summary: "2. Children looked after and achieving" / "Good" /
// "permanence"). The reader therefore works by columns, not by lines.
var (
	tableHeaderRE = lazy(`^\s*Judgements?\s+Grades?\s*$`)
	// lscbRE names the Local Safeguarding Children Board, whose review
	// the SIF graded too: not a children's services area.
	lscbRE = lazy(`(?i)\bLSCB\b|safeguarding\s+children\s+board`)
	// gradeCellRE is a whole cell of the grade column, footnote marks aside.
	gradeCellRE = lazy(`(?i)^(?:outstanding|good|inadequate|requires?\s+improvement(?:\s+to(?:\s+be(?:\s+good)?)?)?|not\s+judged|not\s+graded|not\s+applicable)[\d*†]*$`)
	notJudgedRE = lazy(`(?i)^not\s+(?:judged|graded|applicable)`)
	// rowNumberRE is the SIF's numbering of its areas ("2.", "2.1").
	rowNumberRE  = lazy(`^\d{1,2}(?:\.\d{1,2})?\.?\s+`)
	footnoteMark = lazy(`[\d*†]+$`)
	// areaLead is what may come before an area's name in its cell: the
	// opening of the ILACS names, which some rows repeat before a name
	// the area pattern does not take in ("The experiences and progress of
	// children care leavers").
	areaLead = lazy(`(?i)^(?:(?:the\s+)?experiences?\s+and\s+progress\s+of\s+)?(?:children\s+)?$`)
)

// tableRow is one row of a judgement table: the cells of its area column
// and of its grade column.
type tableRow struct {
	start, end  int
	left, right []cell
}

func joinCells(cs []cell) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.text
	}
	return Collapse(strings.Join(parts, " "))
}

func (r *tableRow) add(l layoutLine, left, right []cell) {
	if r.start == 0 && r.end == 0 || l.start < r.start {
		r.start = l.start
	}
	for _, cs := range [][]cell{left, right} {
		if len(cs) > 0 && cs[len(cs)-1].end > r.end {
			r.end = cs[len(cs)-1].end
		}
	}
	r.left = append(r.left, left...)
	r.right = append(r.right, right...)
}

// gradeOpen reports whether the row's grade is cut short by a line break
// ("Requires improvement to be"), so that the next grade cell continues it.
func (r *tableRow) gradeOpen() bool {
	g := strings.ToLower(joinCells(r.right))
	return strings.HasSuffix(g, " to") || strings.HasSuffix(g, " to be")
}

// nameOpen reports whether the row's area name is cut short by a line
// break, so that the next line continues it, capital or not (a table set
// in capitals): the name ends in a word that must be followed ("... and",
// "... of"), or runs on past the area it names ("children in care and
// care" / "leavers").
func (r *tableRow) nameOpen() bool {
	name := rowNumberRE.ReplaceAllString(joinCells(r.left), "")
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return false
	}
	switch f[len(f)-1] {
	case "and", "of", "with", "who", "on", "in", "the", "for", "to":
		return true
	}
	area, loc := FindArea(name)
	return area != "" && strings.TrimSpace(name[loc[1]:]) != ""
}

// tableJudgement is a judgement read from a table row. NotJudged marks an
// area the report lists but leaves ungraded.
type tableJudgement struct {
	area       corpus.Area
	grade      corpus.Grade
	notJudged  bool
	start, end int
	text       string
	rule       string
}

// findTableStart locates a judgement table on the first pages of a report:
// its "Judgement | Grade" header or, failing that (the SIF summary has no
// header), the first line that ends in a grade set apart as a column. It
// returns the first line of the table's body and the column where grades
// begin, or -1.
func findTableStart(lines []layoutLine) (int, int) {
	for i, l := range lines {
		if tableHeaderRE.MatchString(l.text) {
			return i + 1, runeIndex(l.text, "Grade")
		}
	}
	for i, l := range lines {
		cs := l.cells()
		if len(cs) == 0 {
			continue
		}
		last := cs[len(cs)-1]
		if last.col < 30 || !gradeCellRE.MatchString(last.text) {
			continue
		}
		// A wrapped first row puts its grade below the area's first
		// line: back up to the line that starts the row.
		first := i
		for k := i; k > 0 && k > i-2; k-- {
			lc := lines[k].cells()
			if len(lc) > 0 && lc[0].col < last.col-6 && startsCapital(lc[0].text) {
				break
			}
			if lines[k-1].blank() {
				break
			}
			first = k - 1
		}
		return first, last.col
	}
	return -1, -1
}

// tableRows reads the rows of a table whose body begins at lines[first]
// and whose grades begin at gradeCol. The table ends at the first line of
// prose: text that runs across the grade column. A page's running lines do
// not end it.
func tableRows(lines []layoutLine, first, gradeCol int) []tableRow {
	var rows []tableRow
	var cur *tableRow
	flush := func() {
		if cur != nil {
			rows = append(rows, *cur)
			cur = nil
		}
	}
	for i := first; i < len(lines) && i < first+60; i++ {
		l := lines[i]
		if l.blank() {
			flush()
			continue
		}
		if _, table := tableWords(l); !table && pageFurniture(lines, i) {
			continue // a running header or footer inside a table split by a page break
		}
		left, right := splitRow(l.cells(), gradeCol)
		if len(right) == 0 && len(left) == 1 && left[0].endCol > gradeCol+2 {
			break // prose
		}
		if cur != nil && len(cur.right) > 0 {
			// A grade set level with the middle of a tall cell may come
			// on the line before its area's name: the name joins it.
			newArea := len(left) > 0 && startsCapital(left[0].text) && len(cur.left) > 0 && !cur.nameOpen()
			newGrade := len(right) > 0 && startsCapital(right[0].text) && !cur.gradeOpen()
			if newArea || newGrade {
				flush()
			}
		}
		if cur == nil {
			cur = &tableRow{}
		}
		cur.add(l, left, right)
	}
	flush()
	return rows
}

// splitRow divides a line's cells between the area and grade columns. A
// cell starting near the grade column is a grade; so is the last of
// several cells when it reads as a grade, even where the header's "Grade"
// does not sit straight above the grades.
func splitRow(cs []cell, gradeCol int) (left, right []cell) {
	for i, c := range cs {
		last := i == len(cs)-1
		if c.col >= gradeCol-6 || last && i > 0 && c.col >= 25 && gradeCellRE.MatchString(c.text) {
			right = append(right, c)
		} else {
			left = append(left, c)
		}
	}
	return left, right
}

// readJudgementTable returns the judgements of the table on the report's
// first pages: one per graded area, in table order, the first of any area
// listed twice.
func readJudgementTable(c *docContext) []tableJudgement {
	lines := layoutLines(c.doc.Text, 0, c.pageLimit(3))
	first, gradeCol := findTableStart(lines)
	if first < 0 {
		return nil
	}
	var out []tableJudgement
	seen := map[corpus.Area]bool{}
	for _, r := range tableRows(lines, first, gradeCol) {
		areaText := rowNumberRE.ReplaceAllString(joinCells(r.left), "")
		gradeText := strings.TrimSpace(footnoteMark.ReplaceAllString(joinCells(r.right), ""))
		area, loc := FindArea(areaText)
		if area == "" || gradeText == "" || !areaLead.MatchString(areaText[:loc[0]]) || seen[area] || lscbRE.MatchString(areaText) {
			continue
		}
		j := tableJudgement{area: area, start: r.start, end: r.end, text: areaText + ": " + gradeText}
		switch g, ok := ParseGrade(gradeText); {
		case notJudgedRE.MatchString(gradeText):
			j.notJudged = true
		case ok:
			j.grade = g
		default:
			continue
		}
		seen[area] = true
		out = append(out, j)
	}
	return out
}
