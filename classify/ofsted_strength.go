package classify

import (
	"regexp"

	"scrutiny/corpus"
)

var (
	// strengthRE is a sentence that calls something a strength outright:
	// "Partnership working is a strength", "Matching is a particular
	// strength", "It is a particular strength that ...", "A significant
	// strength is ...", "An area of strength is ...".
	strengthRE = regexp.MustCompile(`(?i)\b(?:is|are|was|remains?|is\s+now|has\s+become|have\s+become)\s+(?:a|an|one\s+of\s+the)?\s*(?:(?:real|particular|significant|notable|clear|key|considerable|major|great|long-standing|longstanding|further|distinct|core|strong)\s+){0,2}strengths?(?:[^\w-]|$)|^(?:an?\s+)?(?:(?:real|particular|significant|notable|clear|key|considerable|major)\s+)?(?:area\s+of\s+(?:particular\s+)?)?strength\s+(?:of\s+[^,]{1,60}\s+)?is\s`)
	// notStrengthRE undoes it: strengths denied, hoped for, only emerging,
	// or reported as someone's view.
	notStrengthRE = regexp.MustCompile(`(?i)\b(?:not|no\s+longer|yet\s+to|emerging|developing|potential|could|would|should|seen\s+as|considered|described|viewed|regarded|recognised\s+as|perceive\w*|despite)\b`)
)

// ofstedStrengths emits the strengths a report states plainly: sentences
// that call something a strength outright, and the entries of a list
// headed as strengths (the 2014 SIF's "The local authority’s strengths").
// Precision matters more than recall: praise without the word ("highly
// effective") is not taken, since nearly every paragraph of a good report
// praises something.
func ofstedStrengths(c *docContext) {
	seen := map[int]bool{}
	reportLists(c, func(kind headingKind, lscb bool, it listItem) {
		if kind != strengthHeading || lscb || seen[it.start] {
			return
		}
		seen[it.start] = true
		c.emit(corpus.Finding{Kind: corpus.Strength, Start: it.start, End: it.end, Text: it.text, Rule: "strength.list"})
	})
	for _, s := range c.sents {
		if seen[s.Start] || !strengthRE.MatchString(s.Text) || notStrengthRE.MatchString(s.Text) {
			continue
		}
		seen[s.Start] = true
		c.emit(corpus.Finding{Kind: corpus.Strength, Start: s.Start, End: s.End, Text: s.Text, Rule: "strength.stated"})
	}
}
