package classify

import (
	"strings"

	"scrutiny/corpus"
)

// Questions and answers set out as lists: "Members asked:" and the
// questions as its entries ("• whether the council had considered ...";
// "• how many routes carried a single child"), then "In response:" and the
// answers in the same order; or "The Assistant Director responded to the
// points raised as follows:" and entries that name whom they answer ("In
// response to Cllr Dobson, ..."). A question or answer that opens a
// quotation goes on to where the quotation closes: "Ms Lowe asked the
// following question:" and the question in quotation marks after it.

var (
	// askedListIntro announces questions listed after it.
	askedListIntro = lazy(`(?i)\b(?:asked|queried|questioned|enquired|inquired|questions|queries)\b`)
	// notAskedList marks an intro that lists points made, not questions.
	notAskedList = lazy(`(?i)\b(?:points|issues|comments|matters|observations|following\s+were)\b`)
	// answerListIntro announces answers listed after it without a verb of
	// its own: "In response:", "Responses:".
	answerListIntro = lazy(`(?i)^(?:in\s+(?:response|reply|answer)(?:\s+to\s+(?:these|the|members['’]?)\s+(?:questions|queries))?|responses?|answers?|replies)\s*:-?$`)
	// entryQuestion is how a question listed without its verb opens.
	entryQuestion = lazy(`(?i)^(?:whether|if|how|why|what|when|where|which|who|to\s+what\s+extent|the\s+reasons?\s+(?:for|why))\b`)
)

// listing is a list of questions or answers being read: who asks or
// answers, and the depth of its entries.
type listing struct {
	answers bool
	speaker string
	role    corpus.Role
	depth   int
	current int // the finding of the entry being read, or -1
}

// startListing reads sentence s as announcing a list of questions or
// answers, when it does, and reports whether it did.
func (d *dialogue) startListing(s Sentence, ms []mention) bool {
	t := s.Text
	if !strings.HasSuffix(strings.TrimRight(t, "-"), ":") || s.Block+1 >= len(d.c.blocks) || d.c.blocks[s.Block+1].Kind != Bullet {
		return false
	}
	words := len(strings.Fields(t))
	switch {
	case answerListIntro.MatchString(t) && len(d.open) > 0:
		d.list = &listing{answers: true, speaker: unknownSpeaker, depth: d.c.blocks[s.Block+1].Depth, current: -1}
		return true
	case askedListIntro.MatchString(t) && !notAskedList.MatchString(t) && words <= 10:
		if _, ok := findAnswer(t, 0); ok {
			return false
		}
		asker, role := unknownSpeaker, corpus.Member
		if m, ok := subjectOf(t, len(t), ms); ok {
			asker, role = d.speakerName(m, corpus.Member)
		}
		d.list = &listing{speaker: asker, role: role, depth: d.c.blocks[s.Block+1].Depth, current: -1}
		return true
	}
	if a, ok := findAnswer(t, 0); ok && len(d.open) >= 2 && (a.reply || a.passive || d.answerFits(t, ms, a)) {
		// One speaker answering several questions, point by point.
		speaker, role, _ := d.answerer(t, 0, ms, a)
		d.list = &listing{answers: true, speaker: speaker, role: role, depth: d.c.blocks[s.Block+1].Depth, current: -1}
		return true
	}
	return false
}

// listEntry reads sentence s as part of the list being read, and reports
// whether it was.
func (d *dialogue) listEntry(s Sentence, ms []mention) bool {
	l := d.list
	b := d.c.blocks[s.Block]
	if b.Kind != Bullet || b.Depth < l.depth {
		d.list = nil
		return false
	}
	if !d.first || b.Depth > l.depth {
		if l.current >= 0 {
			d.c.extendFinding(l.current, s.End)
		}
		return true
	}
	fs := d.c.doc.Findings
	if !l.answers {
		if !entryQuestion.MatchString(s.Text) && !strings.HasSuffix(s.Text, "?") {
			d.list = nil
			return false
		}
		qi := d.c.emit(corpus.Finding{Kind: corpus.Question, Start: s.Start, End: s.End, Text: s.Text,
			Speaker: l.speaker, SpeakerRole: l.role, Rule: "question.listed"})
		d.open = append(d.open, qi)
		d.lastQ, d.lastQBlock = qi, s.Block
		d.answer, d.implicit, d.direct = -1, false, false
		l.current = qi
		return true
	}
	target := -1
	for _, m := range ms {
		for _, qi := range d.open {
			if m.kind == named && sameSpeaker(fs[qi].Speaker, m.text) {
				target = qi
			}
		}
		if target >= 0 {
			break
		}
	}
	if target < 0 && len(d.open) > 0 {
		target = d.open[0]
	}
	ai := d.c.emit(corpus.Finding{Kind: corpus.Answer, Start: s.Start, End: s.End, Text: s.Text,
		Speaker: l.speaker, SpeakerRole: l.role, AnswerTo: target, Rule: "answer.listed"})
	d.link(ai, target)
	l.current = ai
	return true
}

// quoteOpen reports how many quotations text opens and leaves open.
func quoteOpen(text string) int {
	n := strings.Count(text, "“") - strings.Count(text, "”")
	if n == 0 && strings.Count(text, "\"")%2 == 1 {
		n = 1
	}
	return n
}

// quoting reads sentence s as the rest of a quotation the last question
// or answer opened, and reports whether it was: "Ms Lowe asked the
// following question:" and “Will parents be consulted?” after it.
func (d *dialogue) quoting(s Sentence) bool {
	if d.quoted < 0 {
		return false
	}
	i := d.quoted
	f := d.c.doc.Findings[i]
	text := strings.TrimSpace(f.Text)
	switch {
	case s.Block > d.quotedBlock+3:
		// A quotation left open runs no further than a few paragraphs.
		d.quoted = -1
		return false
	case quoteOpen(text) > 0:
	case strings.HasSuffix(text, ":") && (strings.HasPrefix(s.Text, "“") || strings.HasPrefix(s.Text, "\"")):
	default:
		d.quoted = -1
		return false
	}
	d.c.extendFinding(i, s.End)
	if f.Kind == corpus.Answer {
		d.answer, d.answerBlock = i, d.quotedBlock
	}
	if quoteOpen(d.c.doc.Findings[i].Text) <= 0 {
		d.quoted = -1
	}
	return true
}
