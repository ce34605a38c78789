package classify

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"scrutiny/corpus"
)

var (
	// serviceJudged is the clause, just before a grade, that gives the
	// grade to the whole service at an earlier inspection, in the past
	// tense: "when services were judged to be", "when the local authority
	// was judged", "when they were judged to", "the overall effectiveness
	// of services was judged to be", "when all areas were judged to", "which
	// judged all services as".
	serviceJudged = lazy(`(?i)(?:\b(?:(?:all\s+)?(?:the\s+)?services?(?:\s+overall)?|they|all\s+areas|the\s+(?:local\s+)?authority|the\s+council|children['’]s\s+services|(?:the\s+)?overall\s+effectiveness(?:\s+of\s+(?:the\s+)?services)?)(?:\s+in\s+(?:the\s+)?\p{Lu}[\w-]*(?:\s+(?:and\s+|upon\s+|of\s+)?\p{Lu}[\w-]*)*)?\s+(?:was|were|had\s+been)\s+(?:judged|found|rated|graded|assessed)|\bjudged\s+(?:all\s+)?(?:the\s+)?(?:services|the\s+local\s+authority|them))\s+(?:to\s+(?:be\s+)?|as\s+(?:being\s+)?)?(?:['‘’"“”]\s*)?$`)
	// pastJudged is the same clause with an area as its subject, or none:
	// "... was judged to be", "... were", "since being judged".
	pastJudged = lazy(`(?i)\b(?:was|were|had\s+been|being)\s+(?:(?:judged|found|rated|graded|assessed)\s+)?(?:to\s+(?:be\s+)?|as\s+(?:being\s+)?)?(?:['‘’"“”]\s*)?$`)
	// presentRE marks a clause about the present, whose grade is no
	// earlier inspection's.
	presentRE = lazy(`(?i)\b(?:now|currently|this\s+inspection|remains?|continues?\s+to\s+be|is|are)\b`)
	// otherInspectionRE names what else Ofsted inspects and grades: the
	// separate safeguarding and looked-after inspections before 2013, a
	// council's children's homes, schools and agencies. Their grades are
	// not the children's services'.
	otherInspectionRE = lazy(`(?i)safeguarding\s+(?:and\s+looked[\s-]+after\s+children\s+)?(?:arrangements|inspection|services)|inspection\s+of\s+safeguarding|(?:services\s+for\s+)?(?:children\s+)?looked[\s-]+after\s+children\s+(?:services|inspection)|services\s+for\s+(?:children\s+)?looked\s+after|services\s+for\s+children\s+looked\s+after|children['’]s\s+homes?|\bhomes\b|residential|\bschools?\b|academ|nurser|fostering\s+(?:agency|service)|adoption\s+(?:agency|service)|secure\s+(?:unit|home)|short\s+breaks?|\bproviders?\b|\bcentres?\b|\bJTAI\b|joint\s+targeted`)
	// previousListHead heads the SIF's list of the inspections before
	// this one.
	previousListHead = lazy(`(?i)^\s*previous\s+ofsted\s+inspections?\s*:?\s*$`)
)

// previousJudgements emits the grades that earlier inspections gave, as a
// report or letter recalls them: "Since the last inspection in 2020, when
// services were judged to be good", "The service to care leavers was
// inadequate at the point of the last inspection in 2015", and the SIF's
// list of previous Ofsted inspections ("Children who need help and
// protection: inadequate"). They are judgements with previous set, never
// current ones. A grade is taken only from a clause in the past tense, in
// a sentence about an earlier inspection, and never from one that names
// another kind of inspection (a children's home's, the safeguarding
// inspection before 2013). current are the report's own judgements: a
// sentence holding them is table, not prose.
func previousJudgements(c *docContext, facts *corpus.InspectionFacts, current []tableJudgement) {
	year := inspectionYear(facts)
	lists := previousLists(c)
	var found []corpus.Finding
	add := func(area corpus.Area, g corpus.Grade, start, end int, text, rule string) {
		found = append(found, corpus.Finding{Kind: corpus.Judgement, Start: start, End: end, Text: text, Area: area,
			Grade: g, Inspection: earlierFramework(text, year), Previous: true, Rule: rule})
	}
	for _, span := range lists {
		for _, l := range layoutLines(c.doc.Text, span[0], span[1]) {
			if area, g, ok := listedGrade(l.text); ok {
				start := l.start + l.indent()
				add(area, g, start, l.end, Collapse(stripBullet(l.text)), "judgement.previous-list")
			}
		}
	}
	for _, s := range c.sents {
		if !gradeRE.MatchString(s.Text) || overlapsAny(current, s.Start, s.End) {
			continue
		}
		inList := within(lists, s.Start)
		if !inList && !refersToEarlier(s.Text, year) {
			continue
		}
		context := ""
		if inList {
			// "The previous inspection of the local authority's
			// safeguarding arrangements was in July 2011. The local
			// authority was judged to be good.": the entry names the
			// inspection.
			context = c.doc.Text[c.blocks[s.Block].Start:s.Start]
		}
		for _, j := range earlierGrades(s.Text, context) {
			add(j.area, j.grade, s.Start, s.End, s.Text, j.rule)
		}
	}
	// A report recalls an earlier grade more than once; its first mention
	// stands for it.
	sort.SliceStable(found, func(i, j int) bool { return found[i].Start < found[j].Start })
	seen := map[string]bool{}
	for _, f := range found {
		if key := string(f.Area) + "/" + string(f.Grade); !seen[key] {
			seen[key] = true
			c.emit(f)
		}
	}
}

// earlierGrades reads the grades a sentence about an earlier inspection
// gives: each grade that a clause in the past tense assigns to an area or
// to the whole service, unless another kind of inspection is named before
// it, in the sentence or in the context that leads to it.
func earlierGrades(text, context string) []proseJudgement {
	var out []proseJudgement
	prose := sentenceJudgements(text)
	for _, gl := range gradeRE.FindAllStringIndex(text, -1) {
		g, _ := ParseGrade(text[gl[0]:gl[1]])
		if otherInspectionRE.MatchString(context) || otherInspectionRE.MatchString(text[:gl[0]]) {
			continue
		}
		before := text[max(0, gl[0]-160):gl[0]]
		if serviceJudged.MatchString(before) {
			out = append(out, proseJudgement{area: corpus.OverallEffectiveness, grade: g, rule: "judgement.previous-service"})
			continue
		}
		if !pastJudged.MatchString(before) || presentRE.MatchString(lastClause(before)) {
			continue
		}
		for _, j := range prose {
			if j.gradeEnd == gl[1] && j.area != corpus.Unspecified {
				j.rule = "judgement.previous-area"
				out = append(out, j)
			}
		}
	}
	return out
}

// lastClause returns the words of s after its last comma or semicolon.
func lastClause(s string) string {
	if i := strings.LastIndexAny(s, ",;"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// refersToEarlier reports whether a sentence speaks of an earlier
// inspection: the last or previous one, or a year before this inspection.
func refersToEarlier(text string, year int) bool {
	if previousRE.MatchString(text) {
		return true
	}
	for _, m := range yearRE.FindAllString(text, -1) {
		if y, _ := strconv.Atoi(m); year > 0 && y < year {
			return true
		}
	}
	return false
}

// earlierFramework says which framework an earlier grade was given under:
// the single inspection framework for a year before 2018, ILACS after.
// Where the sentence names no year, the inspection's own year decides:
// ILACS began in 2018 and returns to an authority after three years or
// more, so an inspection up to 2020 looks back on the SIF.
func earlierFramework(text string, year int) corpus.Inspection {
	if sifRE.MatchString(text) || earlyYear(text) {
		return corpus.SIF
	}
	if !yearRE.MatchString(text) && year > 0 && year <= 2020 {
		return corpus.SIF
	}
	return corpus.ILACS
}

// inspectionYear is the year of the inspection, or of the report where
// the dates of the inspection are not stated; 0 when neither is.
func inspectionYear(in *corpus.InspectionFacts) int {
	d := in.StartDate
	if d == "" {
		d = in.PublishedDate
	}
	if len(d) < 4 {
		return 0
	}
	y, _ := strconv.Atoi(d[:4])
	return y
}

// previousLists returns the byte ranges of the report's lists of previous
// inspections: from the heading to the first paragraph that is not a list
// entry.
func previousLists(c *docContext) [][2]int {
	lines := layoutLines(c.doc.Text, 0, len(c.doc.Text))
	var out [][2]int
	for i, l := range lines {
		if !previousListHead.MatchString(l.text) {
			continue
		}
		end := len(c.doc.Text)
		for j := i + 2; j < len(lines) && j < i+60; j++ {
			if !lines[j].blank() && lines[j-1].blank() && !isBulletLine(lines[j].text) {
				end = lines[j].start
				break
			}
		}
		out = append(out, [2]int{l.start, end})
	}
	return out
}

func within(spans [][2]int, off int) bool {
	for _, s := range spans {
		if s[0] <= off && off < s[1] {
			return true
		}
	}
	return false
}

func overlapsAny(js []tableJudgement, start, end int) bool {
	for _, j := range js {
		if j.start < end && start < j.end {
			return true
		}
	}
	return false
}

// listedGrade reads an entry of a list of an earlier inspection's
// judgements: "Children who need help and protection: inadequate".
func listedGrade(line string) (corpus.Area, corpus.Grade, bool) {
	s := strings.TrimSuffix(Collapse(stripBullet(line)), ".")
	name, grade, ok := strings.Cut(s, ":")
	if !ok {
		return "", "", false
	}
	g, ok := ParseGrade(strings.TrimSpace(grade))
	if !ok {
		return "", "", false
	}
	area, loc := FindArea(name)
	if area == "" || !areaLead.MatchString(name[:loc[0]]) || strings.TrimSpace(name[loc[1]:]) != "" {
		return "", "", false
	}
	return area, g, true
}

// isBulletLine reports whether a line opens with a list marker, including
// the private-use symbols that Word's Symbol and Wingdings bullets become.
func isBulletLine(line string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(line))
	return isBulletRune(r)
}

func isBulletRune(r rune) bool {
	return r >= 0xF000 && r <= 0xF0FF || strings.ContainsRune("•·▪◼■●○◦◆♦➢➤►✓*-–—", r)
}

// stripBullet removes a line's list marker.
func stripBullet(line string) string {
	t := strings.TrimSpace(line)
	r, n := utf8.DecodeRuneInString(t)
	if isBulletRune(r) {
		return strings.TrimLeftFunc(t[n:], unicode.IsSpace)
	}
	return t
}
