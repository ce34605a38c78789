package classify

import (
	"strings"

	"scrutiny/corpus"
)

var (
	// strengthRE is a sentence that calls something a strength outright:
	// "Partnership working is a strength", "Matching is a particular
	// strength", "Support for care leavers is a standout strength", "It is
	// a particular strength that ...", "Participation and engagement are
	// strengths", and, opening the sentence, "A significant strength is
	// ...", "An area of strength is ...".
	strengthRE = lazy(`(?i)\b(?:is|are|remains?|has\s+been|have\s+been|continues?\s+to\s+be|has\s+become|have\s+become)\s+(?:(?:also|now|still|clearly|therefore|rightly|consistently|particularly)\s+)?(?:(?:a|an|one\s+of\s+the)\s+(?:[\p{L}-]+\s+){0,2}strengths?|(?:[\p{L}-]+\s+)?strengths)(?:[^\w-]|$)|^(?:an?\s+)?(?:(?:real|particular|significant|notable|clear|key|considerable|major|standout|further)\s+)?(?:area\s+of\s+(?:particular\s+)?)?strength\s+(?:of\s+[^,]{1,60}\s+)?is\s`)
	// notStrengthRE, before or in the statement, undoes it: strengths
	// denied, hoped for, only emerging, or reported as someone's view.
	notStrengthRE = lazy(`(?i)\b(?:not|no\s+longer|never|yet\s+to|rather\s+than|less\s+of|nor|neither|if|whether|emerging|developing|potential|could|would|should|seen\s+as|considered|described|viewed|regarded|recognised\s+as|perceive\w*)\b|\?`)
	// strengthCompound are uses of the word that name no strength:
	// "strengths-based practice", "strengths and difficulties
	// questionnaires".
	strengthCompound = lazy(`(?i)^(?:s?[-‐]\s*based|s?\s+and\s+(?:difficulties|weaknesses|areas|needs|risks|vulnerabilit))`)
	// bareAnaphorRE opens a sentence whose whole subject is a pronoun
	// that refers to the sentence before: "This is a strength.", "This was
	// an area for improvement and is now a notable strength."
	bareAnaphorRE = lazy(`(?i)^(?:this|these|that|those|it|they)\s+(?:is|are|was|were|remains?|has|have|continues?)\b`)
	// pronounSubjectRE ends the words before "is a strength" when its
	// subject is a pronoun alone: "For children looked after, it is a
	// particular strength". After "and" ("..., and this is a strength")
	// the pronoun refers to its own sentence.
	pronounSubjectRE = lazy(`(?i)(?:^|,\s*)(?:this|these|that|those|it|they)\s+$`)
	// expletiveRE follows "It is a strength" when the sentence goes on to
	// say what is: "It is a particular strength that ...".
	expletiveRE = lazy(`^s?\W*that\b`)
	// thereRE opens a sentence with no subject: "There are also strengths."
	thereRE = lazy(`(?i)^there\s+(?:is|are|were|was)\b`)
	// nothingAfterRE is the end of a sentence that has said no more.
	nothingAfterRE = lazy(`^s?\W*$`)
)

// ofstedStrengths emits the strengths a report states plainly: sentences
// that call something a strength outright, and the entries of a list
// headed as strengths (the 2014 SIF's "The local authority’s strengths",
// a joint inspection's "Key strengths"). Precision matters more than
// recall: praise without the word ("highly effective") is not taken, since
// nearly every paragraph of a good report praises something; nor are the
// strengths of the Local Safeguarding Children Board, whose review the SIF
// includes, nor words inside a recommendation. "This is a strength."
// says what it praises in the sentence before, which its finding takes in;
// where there is none, it is dropped.
func ofstedStrengths(c *docContext) {
	seen := map[int]bool{}
	var recs [][2]int
	reportLists(c, func(kind headingKind, lscb bool, it listItem) {
		if kind != strengthHeading {
			recs = append(recs, [2]int{it.start, it.end})
			return
		}
		if lscb || seen[it.start] {
			return
		}
		seen[it.start] = true
		c.emit(corpus.Finding{Kind: corpus.Strength, Start: it.start, End: it.end, Text: it.text, Rule: "strength.list"})
	})
	lscb := lscbStart(c)
	for i, s := range c.sents {
		if seen[s.Start] || s.Start >= lscb || within(recs, s.Start) {
			continue
		}
		loc := strengthRE.FindStringIndex(s.Text)
		if loc == nil || notStrengthRE.MatchString(s.Text[:loc[1]]) {
			continue
		}
		word := strings.LastIndex(strings.ToLower(s.Text[:loc[1]]), "strength") + len("strength")
		if strengthCompound.MatchString(s.Text[word:]) {
			continue
		}
		seen[s.Start] = true
		span := s
		switch {
		case thereRE.MatchString(s.Text) && nothingAfterRE.MatchString(s.Text[word:]):
			continue // "There are also strengths."
		case (bareAnaphorRE.MatchString(s.Text) || pronounSubjectRE.MatchString(s.Text[:loc[0]])) && !expletiveRE.MatchString(s.Text[word:]):
			if i == 0 || c.sents[i-1].Block != s.Block {
				continue // what "this" is, the text does not say
			}
			prev := c.sents[i-1]
			span = Sentence{Start: prev.Start, End: s.End, Block: s.Block, Text: prev.Text + " " + s.Text}
		}
		c.emit(corpus.Finding{Kind: corpus.Strength, Start: span.Start, End: span.End, Text: span.Text, Rule: "strength.stated"})
	}
}
