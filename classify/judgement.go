package classify

import (
	"strings"

	"scrutiny/corpus"
)

// areaMention is an area named in a text, at [start, end).
type areaMention struct {
	area       corpus.Area
	start, end int
}

// findAreas returns every area named in s, longest patterns first, without
// overlaps ("children in care and care leavers" is one area, not two), in
// order of position.
func findAreas(s string) []areaMention {
	var out []areaMention
	taken := func(a, b int) bool {
		for _, m := range out {
			if a < m.end && m.start < b {
				return true
			}
		}
		return false
	}
	for _, p := range areaPatterns {
		for _, loc := range p.re.FindAllStringIndex(s, -1) {
			if !taken(loc[0], loc[1]) {
				out = append(out, areaMention{p.area, loc[0], loc[1]})
			}
		}
	}
	// Insertion sort: a handful of mentions.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].start < out[j-1].start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

var (
	// judgedRE marks a sentence that reports a judgement.
	judgedRE = lazy(`(?i)\b(?:judged|judgements?|rated|graded|grade|assessed\s+as|found\s+to\s+be|overall\s+effectiveness)\b`)
	// opinionRE marks hopes, hypotheticals and opinions about grades,
	// which are not judgements ("should have received outstanding",
	// "if judged now could be outstanding", "borderline for outstanding"),
	// and a speaker's view or feeling about one ("remarked that she was
	// proud that services remained outstanding", "in his view").
	opinionRE = lazy(`(?i)\b(?:proud|in\s+(?:his|her|their|my|our)\s+(?:view|opinion)|(?:felt|believed|thought|opined)\s+that|should\s+have|could\s+(?:be|have)|would\s+(?:be|have)|might|if\s+(?:it\s+were\s+|they\s+were\s+)?judged|borderline|aim(?:s|ed|ing)?\s+(?:to|for)|ambiti\w*|aspir\w*|hop(?:e|es|ed|ing)\b|want(?:s|ed)?\s+to|striv\w*|on\s+track|journey\s+to|get(?:ting)?\s+to\s+(?:good|outstanding)|move\s+to|achieve\s+(?:a\s+)?(?:good|outstanding)|deserved?)\b`)
	// previousRE marks a grade an earlier inspection gave.
	previousRE = lazy(`(?i)\b(?:last|previous|prior|earlier|former)\s+(?:full\s+|standard\s+|ofsted\s+|sif\s+|ilacs\s+)?inspections?|\bpreviously\b|\bsince\s+(?:the\s+)?(?:last|previous|(?:19|20)\d\d)\b|\bin\s+(?:19|20)\d\d,?\s+when\b`)
	// overallSubjectRE names the whole service: a grade said of it is the
	// overall effectiveness judgement.
	overallSubjectRE = lazy(`(?i)\b(?:services\s+for\s+children|children['’]s\s+(?:social\s+care\s+)?services|social\s+care\s+services|the\s+(?:local\s+)?authority|the\s+council['’]s\s+services|services\s+in\s+\p{Lu}\w+)\b`)
	unspecifiedRE    = lazy(`(?i)\b(?:one|two|three|four|\d)\s+areas?\b|\ball\s+areas\b|\bevery\s+area\b|\bother\s+areas?\b`)
	sifRE            = lazy(`(?i)\bsingle\s+inspection\s+framework\b|\bSIF\b`)
	// bindRE is what may stand between an area and its grade.
	bindRE = lazy(`(?i)^[\s'‘’"“”*,:–-]*(?:(?:however|overall|now|also|both|again|all)\s+)*(?:(?:is|are|was|were|has\s+been|have\s+been|had\s+been|had\s+both\s+been|have\s+both\s+been|remains?|remained|been)\s+)?(?:(?:judged|rated|graded|assessed|found)\s+)?(?:(?:as|to\s+be|at)\s+)?[\s'‘’"“”*:–-]*$`)
	yearRE = lazy(`\b(?:19|20)(\d\d)\b`)
)

// judgementsInProse finds judgements that minutes, reports and news pages
// state in sentences: "The overall judgement was rated good", "The
// experiences and progress of care leavers however was rated as “Good”",
// "the judgement for X, and Y was inadequate", and lists introduced by "The
// areas that were rated as “Requires improvement to be good” were:". It
// keeps one judgement per area and grade: a report restating its grades
// does not make new judgements.
func judgementsInProse(c *docContext) {
	seen := map[string]bool{}
	var dated []datedJudgement
	// add emits a judgement unless one like it is out already, and says
	// whether it did.
	add := func(s Sentence, area corpus.Area, g corpus.Grade, previous bool, inspection corpus.Inspection, rule string) bool {
		key := string(area) + "/" + string(g)
		if previous {
			key += "/previous"
		}
		if area != corpus.Unspecified && seen[key] {
			return false
		}
		seen[key] = true
		i := c.emit(corpus.Finding{Kind: corpus.Judgement, Start: s.Start, End: s.End, Text: s.Text,
			Area: area, Grade: g, Inspection: inspection, Previous: previous, Rule: rule})
		dated = append(dated, datedJudgement{finding: i})
		return true
	}
	for si := 0; si < len(c.sents); si++ {
		s := c.sents[si]
		text := s.Text
		if !gradeRE.MatchString(text) || opinionRE.MatchString(text) {
			continue
		}
		// A list of areas sharing one grade, announced by a sentence that
		// ends in a colon.
		if strings.HasSuffix(text, ":") && judgedRE.MatchString(text) {
			if g, ok := ParseGrade(gradeRE.FindString(text)); ok && len(findAreas(text)) == 0 {
				n := listJudgements(c, si, g, add)
				si += n
				continue
			}
		}
		for _, j := range clauseJudgements(text, sentenceJudgements(text), c.doc.Authority) {
			span := s
			if !j.previous {
				span = clipPrevious(c.doc.Text, s, j.gradeEnd)
			}
			if add(span, j.area, j.grade, j.previous, j.inspection, j.rule) {
				dated[len(dated)-1].year = yearNear(text, j.gradeEnd)
			}
			if !j.previous && sameGradeBefore.MatchString(text[j.gradeEnd:]) {
				// "to require improvement to be good, the same grade as at
				// the previous inspection in 2019": the earlier inspection
				// gave this grade too.
				inspection := corpus.ILACS
				if earlyYear(text[j.gradeEnd:]) {
					inspection = corpus.SIF
				}
				add(s, j.area, j.grade, true, inspection, "judgement.same-as-previous")
			}
		}
	}
	previousInItem(c, dated)
}

// sameGradeBefore is a clause after a grade saying an earlier inspection
// gave it too: "the same grade as at the previous inspection in 2019",
// "the same judgement as in 2019".
var sameGradeBefore = lazy(`(?i)^[\s'’"”]*(?:overall\s*)?,?\s*(?:which\s+(?:is|was)\s+)?(?:the\s+same|unchanged\s+from\s+the)\s+(?:(?:grade|judgement|judgment|rating|outcome)\s+)?(?:as\s+)?(?:(?:at|in|from|given\s+(?:at|in))\s+)?(?:the\s+(?:last|previous|prior|earlier)\s+(?:(?:full|standard|ofsted)\s+)?inspection|(?:19|20)\d\d)\b`)

// datedJudgement is a judgement found in prose and the year its sentence
// dates it to, if any.
type datedJudgement struct {
	finding int
	year    string
}

// previousInItem marks as previous a judgement that its sentence dates
// before the inspection an agenda item reports: where an item gives the
// new grades and recalls an old one in a sentence of its own ("the
// county's children's services had been judged inadequate in 2017"), the
// old grade is dated earlier than the new ones, whose year is their
// sentence's or else the last year the item names before them.
func previousInItem(c *docContext, js []datedJudgement) {
	latest := map[int]string{}
	for _, j := range js {
		f := c.doc.Findings[j.finding]
		if f.Previous {
			continue
		}
		y := j.year
		if y == "" {
			from := 0
			if f.Item > 0 && f.Item <= len(c.doc.Items) {
				from = c.doc.Items[f.Item-1].Start
			}
			if ys := yearRE.FindAllString(c.doc.Text[min(from, f.Start):f.Start], -1); len(ys) > 0 {
				y = ys[len(ys)-1]
			}
		}
		if y > latest[f.Item] {
			latest[f.Item] = y
		}
	}
	for _, j := range js {
		f := &c.doc.Findings[j.finding]
		if !f.Previous && j.year != "" && j.year < latest[f.Item] {
			f.Previous = true
			if earlyYear(j.year) {
				f.Inspection = corpus.SIF
			}
		}
	}
}

// listJudgements reads the bullets after sentence si as areas graded g,
// and returns how many sentences it consumed.
func listJudgements(c *docContext, si int, g corpus.Grade, add func(Sentence, corpus.Area, corpus.Grade, bool, corpus.Inspection, string) bool) int {
	n := 0
	for k := si + 1; k < len(c.sents); k++ {
		s := c.sents[k]
		if c.blocks[s.Block].Kind != Bullet {
			break
		}
		n++
		areas := findAreas(s.Text)
		if len(areas) == 0 {
			continue
		}
		add(s, areas[0].area, g, false, corpus.ILACS, "judgement.area-list")
	}
	return n
}

type proseJudgement struct {
	area       corpus.Area
	grade      corpus.Grade
	previous   bool
	inspection corpus.Inspection
	rule       string
	gradeEnd   int // offset in the sentence text just past the grade
}

// sentenceJudgements reads the judgements one sentence states. Each grade
// is bound to the area named just before it, with nothing between them but
// the verbs of judging ("was rated as"); failing that, a grade said of the
// whole service ("services for children required improvement") is the
// overall judgement.
func sentenceJudgements(text string) []proseJudgement {
	var out []proseJudgement
	areas := findAreas(text)
	grades := gradeRE.FindAllStringIndex(text, -1)
	prevEnd := 0
	for _, gl := range grades {
		g, _ := ParseGrade(text[gl[0]:gl[1]])
		window := text[prevEnd:gl[0]]
		var bound []corpus.Area
		rule := ""
		// Areas in this grade's window, last first, chained by "and".
		var inWindow []areaMention
		for _, a := range areas {
			if a.start >= prevEnd && a.end <= gl[0] {
				inWindow = append(inWindow, a)
			}
		}
		if k := len(inWindow) - 1; k >= 0 && bindRE.MatchString(text[inWindow[k].end:gl[0]]) ||
			k >= 0 && judgedRE.MatchString(text[inWindow[k].start:gl[0]]) && gl[0]-inWindow[k].end < 60 {
			bound = append(bound, inWindow[k].area)
			for k--; k >= 0; k-- {
				gap := text[inWindow[k].end:inWindow[k+1].start]
				if !isConnector(gap) {
					break
				}
				bound = append(bound, inWindow[k].area)
			}
			rule = "judgement.area-grade"
		}
		if bound == nil {
			switch {
			case unspecifiedRE.MatchString(window) && gl[0]-unspecifiedRE.FindAllStringIndex(window, -1)[len(unspecifiedRE.FindAllStringIndex(window, -1))-1][1]-prevEnd < 20:
				bound, rule = []corpus.Area{corpus.Unspecified}, "judgement.unspecified-area"
			case g != corpus.Good && overallSubjectRE.MatchString(window) && verbBefore(window):
				bound, rule = []corpus.Area{corpus.OverallEffectiveness}, "judgement.service-grade"
			case g == corpus.Good && overallSubjectRE.MatchString(window) && judgedRE.MatchString(window):
				bound, rule = []corpus.Area{corpus.OverallEffectiveness}, "judgement.service-grade"
			}
		}
		if bound == nil {
			prevEnd = gl[1]
			continue
		}
		previous := isPrevious(text, gl[0])
		inspection := corpus.ILACS
		if sifRE.MatchString(text) || (previous && earlyYear(text)) {
			inspection = corpus.SIF
		}
		for i := len(bound) - 1; i >= 0; i-- {
			out = append(out, proseJudgement{bound[i], g, previous, inspection, rule, gl[1]})
		}
		prevEnd = gl[1]
	}
	return out
}

// isConnector reports whether the text between two area names joins them
// into one list: "', and '", ", ", " and ".
func isConnector(gap string) bool {
	g := strings.Trim(gap, " '‘’\"“”*")
	g = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(strings.TrimPrefix(g, ",")), "and"))
	g = strings.Trim(g, " '‘’\"“”*,")
	return g == "" || strings.EqualFold(g, "the") || strings.EqualFold(g, "for") || strings.EqualFold(g, "of")
}

// verbBefore reports whether the window ends in a verb that makes the next
// word a grade ("services for children required improvement", "services
// in Devon are inadequate").
func verbBefore(window string) bool {
	w := strings.ToLower(strings.TrimSpace(window))
	for _, v := range []string{" is", " are", " was", " were", " remain", " remains", " remained", " be", " been", " as", " to be", " that"} {
		if strings.HasSuffix(w, v) {
			return true
		}
	}
	return strings.HasSuffix(w, "services") || strings.HasSuffix(w, "children") || strings.HasSuffix(w, "authority")
}

// isPrevious reports whether the grade at offset g belongs to an earlier
// inspection: a mention of the last inspection comes before it in the
// sentence, with no mention of the present between them.
func isPrevious(text string, g int) bool {
	locs := previousRE.FindAllStringIndex(text, -1)
	for _, l := range locs {
		if l[0] < g {
			between := strings.ToLower(text[l[1]:g])
			if !strings.Contains(between, " now ") && !strings.Contains(between, "this inspection") && !strings.Contains(between, "currently") {
				return true
			}
		}
	}
	return false
}

// earlyYear reports whether the sentence names a year before 2018, when the
// single inspection framework gave way to ILACS.
func earlyYear(text string) bool {
	for _, m := range yearRE.FindAllStringSubmatch(text, -1) {
		if yy := m[1]; (len(m[0]) == 4 && m[0][:2] == "19") || yy < "18" {
			return true
		}
	}
	return false
}

// clauseStart finds where the clause holding offset i of s begins, looking
// back for a comma, semicolon or relative pronoun.
var clauseBreak = lazy(`(?i),\s|;\s|\s(?:which|as\s+(?:it\s+)?(?:was|had\s+been)|the\s+same\s+as)\s`)

// clipPrevious ends a current judgement's span before a trailing clause
// about the previous inspection ("... required improvement which was the
// same during the last inspection in 2019"): that clause is not part of the
// current judgement's evidence.
func clipPrevious(text string, s Sentence, gradeEnd int) Sentence {
	loc := previousRE.FindStringIndex(s.Text[gradeEnd:])
	if loc == nil {
		return s
	}
	cut := -1
	for _, b := range clauseBreak.FindAllStringIndex(s.Text[gradeEnd:gradeEnd+loc[0]], -1) {
		cut = gradeEnd + b[0]
	}
	if cut < 0 {
		return s
	}
	return s.Sub(text, 0, cut)
}
