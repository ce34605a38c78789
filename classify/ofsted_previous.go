package classify

import (
	"regexp"
	"strings"

	"scrutiny/corpus"
)

var (
	// previousServiceRE is a grade given to the whole service at an
	// earlier inspection, where the sentence names no area: "Since the
	// last inspection in 2020, when services were judged to be good",
	// "Following the last inspection in 2018, when the local authority was
	// judged good overall", "The last inspection, in May 2018, judged all
	// services as requiring improvement to be good".
	previousServiceRE = regexp.MustCompile(`(?i)\b(?:services|they|it|the\s+(?:local\s+)?authority|the\s+council|children['’]s\s+services|the\s+overall\s+effectiveness(?:\s+of\s+services)?)\s+(?:in\s+\p{Lu}[\w-]*(?:\s+(?:and\s+)?\p{Lu}[\w-]*)*\s+)?(?:was|were|had\s+been|have\s+been|has\s+been)\s+(?:judged|rated|graded|found)\s+(?:to\s+be\s+|as\s+|to\s+)?(outstanding|good|inadequate|requir\w*\s+improvement(?:\s+to\s+be\s+good)?)\b|\bjudged\s+(?:all\s+)?(?:services|the\s+local\s+authority|it|them)\s+(?:to\s+be\s+|as\s+)?(outstanding|good|inadequate|requir\w*\s+improvement(?:\s+to\s+be\s+good)?)\b`)
	// otherInspectionRE names inspections that graded something other
	// than the children's services as a whole: the separate safeguarding
	// and looked-after inspections before 2013, children's homes,
	// fostering and adoption agencies.
	otherInspectionRE = regexp.MustCompile(`(?i)safeguarding\s+(?:and\s+looked[\s-]+after\s+children\s+)?(?:arrangements|inspection|services)|inspection\s+of\s+safeguarding|(?:services\s+for\s+)?(?:children\s+)?looked[\s-]+after\s+children\s+(?:services|inspection)|services\s+for\s+children\s+looked\s+after|children['’]s\s+homes?|fostering\s+(?:agency|service)|adoption\s+(?:agency|service)|\bJTAI\b|joint\s+targeted`)
	openingYearRE     = regexp.MustCompile(`^(?:In|At|During)\s+(?:\p{Lu}\w+\s+)?((?:19|20)\d\d)\b`)
	inspectionYearRE  = regexp.MustCompile(`\b(?:19|20)\d\d\b`)
)

// previousJudgements finds grades that the report says an earlier
// inspection gave: "Since the last inspection in 2020, when services were
// judged to be good". They are judgements with previous set, never the
// current ones; the report's own grades come from its judgement table.
func previousJudgements(c *docContext, year string) {
	seen := map[string]bool{}
	for _, s := range c.sents {
		g := gradeRE.FindStringIndex(s.Text)
		if g == nil {
			continue
		}
		if o := otherInspectionRE.FindStringIndex(s.Text); o != nil && o[0] < g[0] {
			continue // the grade is another inspection's
		}
		var found []proseJudgement
		switch {
		case previousRE.MatchString(s.Text):
			for _, j := range sentenceJudgements(s.Text) {
				if j.previous && j.area != corpus.Unspecified {
					found = append(found, j)
				}
			}
			if len(found) == 0 {
				found = previousService(s.Text, false)
			}
		case earlierYear(s.Text, year):
			// "In 2016, services were judged to require improvement to
			// be good", in a report of an inspection in 2018.
			found = previousService(s.Text, true)
		}
		for _, j := range found {
			key := string(j.area) + "/" + string(j.grade)
			if seen[key] {
				continue
			}
			seen[key] = true
			c.emit(corpus.Finding{Kind: corpus.Judgement, Start: s.Start, End: s.End, Text: s.Text,
				Area: j.area, Grade: j.grade, Inspection: previousInspection(s.Text), Previous: true, Rule: "judgement.previous-" + strings.TrimPrefix(j.rule, "judgement.")})
		}
	}
}

// previousService reads a grade said of the whole service at an earlier
// inspection as its overall effectiveness.
func previousService(text string, earlier bool) []proseJudgement {
	m := previousServiceRE.FindStringSubmatchIndex(text)
	if m == nil {
		return nil
	}
	if otherInspectionRE.MatchString(text) {
		return nil
	}
	var g string
	if m[2] >= 0 {
		g = text[m[2]:m[3]]
	} else {
		g = text[m[4]:m[5]]
	}
	if !earlier && !isPrevious(text, m[0]+1) && !isPrevious(text, m[1]) {
		return nil
	}
	grade, ok := ParseGrade(g)
	if !ok {
		return nil
	}
	return []proseJudgement{{area: corpus.OverallEffectiveness, grade: grade, previous: true, rule: "service"}}
}

// previousInspection says which framework an earlier inspection belongs to
// by the year the sentence gives it: the SIF before 2018, ILACS after.
func previousInspection(text string) corpus.Inspection {
	if sifRE.MatchString(text) {
		return corpus.SIF
	}
	if y := inspectionYearRE.FindString(text); y != "" && y < "2018" {
		return corpus.SIF
	}
	return corpus.ILACS
}

// earlierYear reports whether a sentence opens with a year before the
// inspection's own ("In 2016, ..."): what it says was judged then, an
// earlier inspection judged.
func earlierYear(text, year string) bool {
	m := openingYearRE.FindStringSubmatch(text)
	return m != nil && year != "" && m[1] < year
}
