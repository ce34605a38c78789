package classify

import (
	"strings"

	"scrutiny/corpus"
)

// Strengths are what an inspection found good, stated plainly: "The
// inspection identified a range of strengths and recognised that the
// service knows its children well", "Partnership working was identified
// by Ofsted as a strength". Researchers weigh them less than judgements
// and recommendations, so the rules favour precision: a strength must be
// named as one.

var (
	// strengthNamed is a sentence that names a strength of the service.
	strengthNamed = lazy(`(?i)\b(?:identified|recognised|recognized|highlighted|noted|found|praised|commended|acknowledged|reported)\b[^.]{0,80}\b(?:strengths?|strong\s+performance|good\s+practice)\b|\b(?:strengths?|areas\s+of\s+strong\s+performance)\s+(?:identified|highlighted|noted|found)\b|\bidentified\s+(?:by\s+\w+\s+)?as\s+a\s+strength\b`)
	negativeCue   = lazy(`(?i)\b(?:not|no|weak|weaker|weakness|weaknesses|too|delay|delays|drift|inconsistent|inconsistently|variable|lack|lacks|insufficient|poor|however|although|while|whilst|fail|fails|failed|shortfalls?|deteriorat\w*|requires?|needs?|still|only)\b`)
)

// strengths finds strengths in text about an inspection.
func strengths(c *docContext) {
	if !inspectionContext.MatchString(c.doc.Text[:min(len(c.doc.Text), 20000)]) {
		return
	}
	for _, s := range c.sents {
		t := s.Text
		if strengthNamed.MatchString(t) && !spokenBy(t) && !negativeCue.MatchString(t) && !strings.HasSuffix(t, ":") {
			c.emit(corpus.Finding{Kind: corpus.Strength, Start: s.Start, End: s.End, Text: t, Rule: "strength.named"})
		}
	}
}
