package classify

import (
	"strings"

	"scrutiny/corpus"
)

// Not every reply is an answer nor every sentence with a verb of asking a
// question: a rubric introduces a record of questions; a backbencher
// "responding to concerns raised by" another is debate; a reply to a
// presentation answers no question; a sentence that starts a point of its
// own ends the answer before it; and the minutes may say that a question
// went unanswered. Only members who hold an executive office answer for
// the council.

// rubric is a sentence that introduces the record of an item rather than
// reporting a question or an answer: "The Board asked questions, received
// responses and discussed matters as follows:", "Written questions ...
// were answered as follows.", "the question and the answer are summarised
// beneath".
var rubric = lazy(`(?i)\bas\s+follows\b|\b(?:are|is|were|was)\s+(?:summarised|set\s+out|listed|recorded)\s+(?:below|beneath|overleaf)|\bthe\s+following\s+(?:were|are|points|issues|questions|queries|matters|comments)\b`)

// asked reports whether a question a sentence reports points back to one
// asked already: "In response to Members' questions" or "in answer to
// Councillor Reed" after their questions were read, which only answers
// them.
func (d *dialogue) asked(t string, q questionMatch, ms []mention) bool {
	if q.group && len(d.open) > 0 {
		return true
	}
	if q.person {
		if m, ok := agentOf(t, q.verb, ms); ok {
			for _, qi := range d.open {
				if sameSpeaker(d.c.doc.Findings[qi].Speaker, m.text) {
					return true
				}
			}
		}
	}
	return false
}

// debate reports whether a reply that names the concerns it responds to is
// a backbencher's part in debate, neither a question nor its answer:
// "Councillor Brookes, responding to concerns raised by Councillor Lowe,
// said ...".
func (d *dialogue) debate(t string, q questionMatch, ms []mention) bool {
	if !q.response && !q.within {
		return false
	}
	a, ok := findAnswer(t, 0)
	if !ok || a.passive {
		return false
	}
	m, ok := subjectOf(t, a.verb, ms)
	return ok && m.kind != group && m.kind != pronoun && d.backbencher(m)
}

// backbencher reports whether a mention names a member who holds no office
// that answers for the council.
func (d *dialogue) backbencher(m mention) bool {
	if d.roleOf(m) != corpus.Member || executive.MatchString(m.position+" "+m.text) || d.executives[surname(m.text)] {
		return false
	}
	a, ok := resolvePerson(m, d.people)
	return !ok || !executive.MatchString(a.Position)
}

// executiveWords are words one of which a sentence naming an executive
// office holds.
var executiveWords = []string{"leader", "cabinet", "portfolio", "executive", "lead member", "mayor"}

// findExecutives returns the surnames of the members the minutes name
// with an executive office anywhere: "Mr Gough, Leader of the Council",
// "Councillor Gale (Cabinet Member - Children and Families)".
func findExecutives(c *docContext, people []corpus.Attendee) map[string]bool {
	out := map[string]bool{}
	for _, s := range c.sents {
		if !hinted(strings.ToLower(s.Text), executiveWords) || !executive.MatchString(s.Text) {
			continue
		}
		t := s.Text
		if isCapitals(t) {
			t = titleCase(t) // "COUNCILLOR KATE GREENWOOD, CABINET MEMBER FOR ..."
		}
		for _, m := range findMentions(t) {
			if m.kind == named && executive.MatchString(m.position) {
				out[surname(m.text)] = true
			}
		}
	}
	for _, a := range people {
		if executive.MatchString(a.Position) {
			out[surname(a.Name)] = true
		}
	}
	return out
}

// newPoint reports whether a sentence in an answer's paragraph starts a
// point of its own, which ends the answer: another speaker, or the meeting,
// as its subject ("Members welcomed ...", "Councillor Hunt commented ..."),
// or "It was noted that ...".
func (d *dialogue) newPoint(t string, ms []mention) bool {
	if pointOpener.MatchString(t) {
		return true
	}
	if len(ms) == 0 || ms[0].start != 0 || ms[0].kind == pronoun {
		return false
	}
	return ms[0].kind == group || !sameSpeaker(ms[0].text, d.answerSpeaker)
}

// noAnswer says a question went unanswered.
var noAnswer = lazy(`(?i)^(?:no\s+(?:response|answer|reply)\b|(?:a\s+)?(?:response|answer|reply)\s+(?:could\s+not|was\s+not)\s+be\s+given)|\b(?:could\s+not|was\s+unable\s+to|were\s+unable\s+to)\s+(?:answer|respond|reply)\b`)

// pointOpener opens a point of discussion rather than more of an answer.
var pointOpener = lazy(`(?i)^it\s+was\s+(?:also\s+)?(?:noted|agreed|suggested|felt|commented|recognised|recognized|acknowledged\s+by\s+members)\b`)

// toPaper is a reply to a paper or a presentation, not to a question:
// "responded to the Director's presentation by saying ...".
var toPaper = lazy(`(?i)\b(?:responded|replied|responding|replying)\s+to\s+(?:the\s+|a\s+|an\s+|this\s+)?(?:[\p{L}’'-]+\s+){0,3}?(?:presentation|report|update|introduction|statement|announcement|consultation|proposals?)\b`)

// executive marks the offices of members who answer for the council: the
// Leader and Cabinet Members, not the leaders of opposition groups.
var executive = lazy(`(?i)\b(?:cabinet\s+member|portfolio\s+holder|lead\s+member|executive\s+member|(?:deputy\s+)?leader(?:\s+of\s+the\s+(?:council|authority))?(?:$|\s*$|[,.]|\s+(?:and|for)\b)|mayor|chair(?:man|woman|person)?)\b`)
