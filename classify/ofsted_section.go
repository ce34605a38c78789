package classify

import (
	"regexp"
	"strings"

	"scrutiny/corpus"
)

var (
	// sectionOpenRE opens the heading of an ILACS report's section on one
	// area, which restates the area's grade: "The experiences and progress
	// of children who need help and protection: requires improvement to
	// be good", "... is inadequate", "... are: Outstanding".
	sectionOpenRE  = regexp.MustCompile(`^(?:The\s+experiences\s+and\s+progress\s+of|The\s+impact\s+of\s+leaders\s+on)\b`)
	sectionGradeRE = regexp.MustCompile(`(?i)^(.+?)(?:\s*:\s*|\s+(?:is|are|are\s*:|was|were)\s+)(outstanding|good|inadequate|requires?\s+improvement(?:\s+to\s+be\s+good)?)\.?$`)
)

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
