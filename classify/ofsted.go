package classify

import (
	"scrutiny/corpus"
)

// classifyOfsted reads an Ofsted report or letter by its structure: the
// type of document from its title, the inspection's facts, the judgement
// table (or the SIF's summary), grades an earlier inspection gave, each
// entry of the lists of what must improve, and strengths stated plainly.
// Focused and monitoring visits and JTAI letters grade nothing, so only
// earlier inspections' grades are read from them.
func classifyOfsted(c *docContext) {
	head := c.doc.Text[:min(len(c.doc.Text), 3000)]
	typ, framework := reportType(head)
	if a, ok := ofstedAuthority(c.doc.Text); ok {
		c.doc.Authority, c.doc.AuthorityURN = a.Name, a.URN
	} else {
		c.doc.Authority, c.doc.AuthorityURN = "", ""
	}
	facts := inspectionFacts(c.doc.Text, typ, framework)
	var table []tableJudgement
	if framework == corpus.ILACS || framework == corpus.SIF {
		table = currentJudgements(c, framework)
		if framework == corpus.ILACS {
			facts.Type = ilacsType(facts, table)
		} else if !hasArea(table, corpus.OverallEffectiveness) {
			sifOverall(c)
		}
		for _, j := range table {
			if j.notJudged {
				continue
			}
			c.emit(corpus.Finding{Kind: corpus.Judgement, Start: j.start, End: j.end, Text: j.text,
				Area: j.area, Grade: j.grade, Inspection: framework, Rule: j.rule})
		}
	}
	c.doc.Inspection = facts
	previousJudgements(c, facts, table)
	ofstedRecommendations(c, facts.Type)
	ofstedStrengths(c)
}

func hasArea(table []tableJudgement, a corpus.Area) bool {
	for _, j := range table {
		if j.area == a && !j.notJudged {
			return true
		}
	}
	return false
}
