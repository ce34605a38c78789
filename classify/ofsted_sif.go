package classify

import (
	"scrutiny/corpus"
)

// sifOverallRE is the sentence in which a SIF report states its overall
// judgement, above its summary table: "Children’s services in York are
// good", "Children’s services in Somerset require improvement to be good",
// "The overall judgement is that children’s services are good"; and as
// its executive summary restates it: "services to children in Doncaster
// are inadequate".
var sifOverallRE = lazy(`(?i)(?:children['’]s\s+services(?:\s+(?:in|on|at|for)\s+[^.:\n]{1,60}?(?:\n[^.:\n]{1,60}?)?)?|services\s+(?:to|for)\s+children(?:\s+and\s+young\s+people)?\s+(?:in|on)\s+(?:the\s+)?(?-i:\p{Lu})[^.:\n]{0,60}?)\s+(?:are|is|require|requires)\s+(?:judged\s+(?:to\s+be\s+|as\s+)?)?(outstanding|good|inadequate|improvement(?:\s+to\s+be\s+good)?)\b`)

// sifOverall finds the SIF's overall judgement on the report's first
// pages: a cover page may come before it.
func sifOverall(c *docContext) {
	text := c.doc.Text[:c.pageLimit(2)]
	m := sifOverallRE.FindStringSubmatchIndex(text)
	if m == nil {
		return
	}
	g, ok := ParseGrade(text[m[2]:m[3]])
	if !ok {
		g = corpus.RequiresImprovement // "require improvement"
	}
	c.emit(corpus.Finding{Kind: corpus.Judgement, Start: m[0], End: m[1],
		Area: corpus.OverallEffectiveness, Grade: g, Inspection: corpus.SIF, Rule: "judgement.sif-overall"})
}
