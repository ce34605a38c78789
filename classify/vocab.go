package classify

import (
	"strings"

	"scrutiny/corpus"
)

// gradeRE finds a grade as Ofsted words it, in any case, including the
// forms minutes use ("required improvement", "requires improvement to be
// good", "rated as “Good”"). The longer forms come first.
var gradeRE = lazy(`(?i)\b(requires?\s+improvement(?:\s+to\s+be\s+good)?|required\s+improvement|requiring\s+improvement|outstanding|inadequate|good)\b`)

// ParseGrade maps a grade phrase to a grade.
func ParseGrade(s string) (corpus.Grade, bool) {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	switch {
	case strings.HasPrefix(s, "requir"):
		return corpus.RequiresImprovement, true
	case s == "outstanding":
		return corpus.Outstanding, true
	case s == "inadequate":
		return corpus.Inadequate, true
	case s == "good":
		return corpus.Good, true
	}
	return "", false
}

// areaPattern names an area the way reports and minutes do.
type areaPattern struct {
	area corpus.Area
	re   *lazyRE
}

// expProg is the opening Ofsted gives most area names.
const expProg = `(?:(?:the\s+)?experiences?\s+and\s+progress\s+of\s+)?`

// areaPatterns are tried in order; the combined ILACS area (children in
// care and care leavers, until 2023) comes before its two halves. Each
// pattern takes in the area's full official name where it is written out,
// so that a grade can be bound to the name just before it.
var areaPatterns = []areaPattern{
	{corpus.ChildrenInCareAndCareLeavers, lazy(`(?i)` + expProg + `(?:children\s+in\s+care|looked[\s-]+after\s+children|children\s+looked[\s-]+after)\s+and\s+care\s+leavers`)},
	{corpus.HelpAndProtection, lazy(`(?i)` + expProg + `(?:children\s+(?:who\s+)?(?:need|needing|in\s+need\s+of)\s+)?help\s+and\s+protection`)},
	{corpus.ImpactOfLeaders, lazy(`(?i)(?:the\s+)?impact\s+of\s+(?:the\s+)?leaders(?:\s+on\s+social\s+work\s+practice(?:\s+with\s+children\s+and\s+families)?)?`)},
	{corpus.LookedAfterAndPermanence, lazy(`(?i)(?:children\s+)?looked[\s-]+after(?:\s+children)?\s+and\s+achieving\s+permanence`)},
	{corpus.Adoption, lazy(`(?i)adoption\s+performance`)},
	{corpus.LeadershipManagementGovernance, lazy(`(?i)leadership,?\s+management\s+and\s+governance`)},
	{corpus.CareLeavers, lazy(`(?i)` + expProg + `care\s+leavers`)},
	{corpus.ChildrenInCare, lazy(`(?i)` + expProg + `(?:children\s+in\s+care|children\s+looked\s+after)`)},
	{corpus.OverallEffectiveness, lazy(`(?i)overall\s+effectiveness|overall\s+judgement|judged\s+overall|overall\s+grade|\boverall\b`)},
}

// FindArea returns the first area named in s, by the order of
// areaPatterns, and where it was found.
func FindArea(s string) (corpus.Area, []int) {
	for _, p := range areaPatterns {
		if loc := p.re.FindStringIndex(s); loc != nil {
			return p.area, loc
		}
	}
	return "", nil
}
