package classify

import (
	"strings"

	"scrutiny/corpus"
)

// The exchanges of a meeting are read item by item, sentence by sentence,
// as a reader follows them: a question is open until an answer follows it;
// an answer runs on to the end of its paragraph unless another question
// starts; a pronoun is the last person named. Each item starts afresh.

// dialogue is the state of the reading within one agenda item.
type dialogue struct {
	c      *docContext
	people []corpus.Attendee
	known  *knownNames
	// executives are the surnames of members who answer for the council.
	executives map[string]bool
	skip       [][2]int // byte ranges read already (written questions, resolutions)

	item  int
	block int
	// open lists the questions of this item not yet answered, as indexes
	// into doc.Findings.
	open []int
	// lastQ is the last question of the item and the block it ends in.
	lastQ, lastQBlock int
	// implicit says whether the last question expects an answer the
	// minutes do not attribute: the sentences that follow it.
	implicit, direct bool
	// answer is the answer being read on, with its speaker; labelled
	// says it was set out under a label ("REPLY:") and runs on over the
	// paragraphs after it.
	answer        int
	answerSpeaker string
	answerBlock   int // the block the answer starts in
	labelled      bool
	// inList says the answer goes on over the list it announced.
	inList bool
	// subject is the last person a sentence was about, for pronouns.
	subject      mention
	subjectBlock int
	// list is a list of questions or answers being read, or nil.
	list *listing
	// quoted is the question or answer whose quotation the next
	// sentences may complete, or -1, and the block it starts in.
	quoted, quotedBlock int
	// first says the sentence being read opens its block.
	first bool
}

// questionsAndAnswers finds the questions and answers of minutes.
func questionsAndAnswers(c *docContext) {
	d := &dialogue{c: c, item: -1, lastQ: -1, answer: -1, quoted: -1}
	if c.doc.Meeting != nil {
		d.people = c.doc.Meeting.Attendees
	}
	d.known = newKnownNames(d.people, c.doc.Text[:min(len(c.doc.Text), meetingHead)])
	d.executives = findExecutives(c, d.people)
	d.skip = writtenQuestions(c, d.people)
	// A decision is not a question: "requested a briefing" in a
	// resolution's list is what the body resolved.
	for _, f := range c.doc.Findings {
		if f.Kind == corpus.Resolution {
			d.skip = append(d.skip, [2]int{f.Start, f.End})
		}
	}
	for si := range c.sents {
		s := c.sents[si]
		if d.skipped(s.Start) {
			continue
		}
		if it := corpus.ItemAt(c.doc.Items, s.Start); it != d.item {
			d.reset(it)
		}
		d.first = s.Block != d.block
		if d.first {
			d.newBlock(s.Block)
		}
		d.read(s)
	}
}

func (d *dialogue) skipped(off int) bool {
	for _, r := range d.skip {
		if r[0] <= off && off < r[1] {
			return true
		}
	}
	return false
}

func (d *dialogue) reset(item int) {
	*d = dialogue{c: d.c, people: d.people, known: d.known, executives: d.executives, skip: d.skip, item: item, block: -1, lastQ: -1, answer: -1, quoted: -1}
}

// newBlock closes the answer being read: an answer ends with its paragraph.
// The sentences after a question stated in the first person may answer it
// from the next paragraph.
func (d *dialogue) newBlock(b int) {
	if d.labelled && d.c.blocks[b].Kind != Heading || d.listFollows(b) {
		d.block = b
		return
	}
	d.answer, d.answerSpeaker, d.labelled, d.inList = -1, "", false, false
	if d.implicit && !(d.direct && b == d.lastQBlock+1) {
		d.implicit = false
	}
	d.block = b
}

// read takes one sentence.
func (d *dialogue) read(s Sentence) {
	t := s.Text
	ms := d.mentions(t)
	defer d.noteSubject(t, ms)
	if d.quoting(s) || d.list != nil && d.listEntry(s, ms) || d.startListing(s, ms) {
		return
	}
	if rubric.MatchString(t) && !directQuestion(t) {
		// "The Board asked questions ... as follows:": what follows
		// holds the questions and answers.
		return
	}
	if q, ok := findQuestion(t); ok {
		if d.debate(t, q, ms) {
			return
		}
		if !d.asked(t, q, ms) {
			d.question(s, ms, q)
			return
		}
	}
	if directQuestion(t) || d.direct && interrogativeStart.MatchString(t) && (d.lastQBlock == s.Block && d.answer < 0 || !terminalRE.MatchString(t)) {
		d.directQuestion(s, ms)
		return
	}
	if a, ok := findAnswer(t, 0); ok && d.answerFits(t, ms, a) {
		d.startAnswer(s, 0, ms, a)
		return
	}
	switch {
	case noAnswer.MatchString(t):
		// "No response was given at the meeting.": the question stays
		// unanswered.
		d.implicit, d.answer = false, -1
	case d.answer >= 0 && d.newPoint(t, ms):
		d.answer, d.answerSpeaker = -1, ""
	case d.answer >= 0:
		d.extendAnswer(s.End)
	case d.implicit && d.lastQ >= 0:
		d.implicitAnswer(s)
	}
}

// mentions returns the speakers a sentence mentions, with the people the
// meeting names without a title, and learns the names it gives with an
// office beside them.
func (d *dialogue) mentions(t string) []mention {
	ms := findMentions(t)
	if extra := d.known.mentions(t, ms); len(extra) > 0 {
		ms = append(ms, extra...)
		sortMentions(ms)
	}
	d.known.learn(ms)
	return ms
}

// question takes a sentence that reports a question, and the answer the
// same sentence may report after it ("... and in response the Committee
// were advised that ...").
func (d *dialogue) question(s Sentence, ms []mention, q questionMatch) {
	t := s.Text
	if q.within {
		d.questionWithin(s, ms, q)
		return
	}
	qEnd, aStart := len(t), -1
	var a answerMatch
	if q.response {
		// "In response to a question from X, the Director said ...": the
		// question is the opening phrase, up to the comma before the
		// answer's subject.
		a, _ = findAnswer(t, q.end)
		split := -1
		if a.verb >= 0 {
			subj := a.verb
			for _, m := range ms {
				if m.start >= q.end && m.end <= a.verb && adjacentRE.MatchString(t[m.end:a.verb]) {
					subj = m.start
				}
			}
			split = strings.LastIndex(t[q.end:subj], ",")
		}
		if split < 0 {
			split = strings.Index(t[q.end:], ",")
		}
		if split >= 0 {
			qEnd, aStart = q.end+split, q.end+split+1
		} else {
			qEnd, aStart = q.end, q.end
		}
	} else if m, ok := findAnswer(t, q.end); ok && (m.reply || m.passive || officerSays(t, q.end, m, ms)) {
		if end, start := clauseBefore(t, q.end, m.verb, ms); start > 0 {
			qEnd, aStart, a = end, start, m
		}
	}
	asker, role := d.asker(t[:qEnd], ms, q)
	qs := s.Sub(d.c.doc.Text, 0, qEnd)
	qi := d.c.emit(corpus.Finding{Kind: corpus.Question, Start: qs.Start, End: qs.End, Text: qs.Text,
		Speaker: asker, SpeakerRole: role, Person: d.person(asker, ms), Rule: q.rule})
	d.open = append(d.open, qi)
	d.lastQ, d.lastQBlock = qi, s.Block
	d.answer, d.answerSpeaker, d.labelled = -1, "", false
	d.direct = false
	d.implicit = q.passive || asker == unknownSpeaker
	d.quoted, d.quotedBlock = qi, s.Block
	if aStart >= 0 && aStart < len(t) {
		d.startAnswerAt(s, aStart, ms, a, qi)
	}
}

// questionWithin takes a reply that names the question it answers: the
// question is the phrase naming it and its asker ("concerns raised by
// Councillor Lowe"), the answer the whole sentence.
func (d *dialogue) questionWithin(s Sentence, ms []mention, q questionMatch) {
	t := s.Text
	m, ok := agentOf(t, q.verb, ms)
	if !ok {
		return
	}
	asker, role := d.speakerName(m, corpus.Member)
	end := m.end
	if loc := topicAfter.FindStringIndex(t[end:]); loc != nil && loc[0] == 0 {
		// "concerns raised by Councillor Cross about the rising number
		// of ...": the question runs to the end of its phrase.
		end += loc[1]
	}
	qs := s.Sub(d.c.doc.Text, q.verb, end)
	qi := d.c.emit(corpus.Finding{Kind: corpus.Question, Start: qs.Start, End: qs.End, Text: qs.Text,
		Speaker: asker, SpeakerRole: role, Person: d.person(asker, ms), Rule: q.rule})
	d.lastQ, d.lastQBlock = qi, s.Block
	d.answer, d.answerSpeaker, d.labelled = -1, "", false
	d.implicit, d.direct = false, false
	if a, ok := findAnswer(t, 0); ok {
		d.startAnswerAt(s, 0, ms, a, qi)
	}
}

// topicAfter is what a question named inside its answer was about:
// "about the rising number of children", up to the clause's end.
var topicAfter = lazy(`^\s+(?:about|regarding|concerning|on|over|as\s+to|in\s+relation\s+to|in\s+respect\s+of)\s+[^,;:]+`)

// directQuestion takes a question the minutes state in the first person:
// "What would be the effect on the Accounts ...?". Consecutive ones in a
// paragraph are one question.
func (d *dialogue) directQuestion(s Sentence, ms []mention) {
	if d.direct && d.lastQ >= 0 && d.lastQBlock == s.Block && d.answer < 0 && !d.implicitStarted() {
		d.c.extendFinding(d.lastQ, s.End)
		return
	}
	asker, role := unknownSpeaker, corpus.UnknownRole
	if len(ms) > 0 && ms[0].start == 0 && strings.HasPrefix(s.Text[ms[0].end:], ":") {
		asker, role = d.speakerName(ms[0], corpus.Member)
	}
	qs := s
	// "Members discussed the Accounts with officers: What would be ...?"
	if i := strings.LastIndex(s.Text, ": "); i > 0 && i+2 < len(s.Text) && isCapitalised(s.Text[i+2:]) {
		qs = s.Sub(d.c.doc.Text, i+2, len(s.Text))
	}
	qi := d.c.emit(corpus.Finding{Kind: corpus.Question, Start: qs.Start, End: qs.End, Text: qs.Text,
		Speaker: asker, SpeakerRole: role, Rule: "question.direct"})
	d.open = append(d.open, qi)
	d.lastQ, d.lastQBlock = qi, s.Block
	d.answer, d.answerSpeaker, d.labelled = -1, "", false
	d.implicit, d.direct = true, true
}

// listFollows reports whether block b is a list entry that the answer
// being read announced: "In response, the Director advised:" and the
// points after it.
func (d *dialogue) listFollows(b int) bool {
	if d.answer < 0 || d.c.blocks[b].Kind != Bullet {
		return false
	}
	// An answer set out as a list entry announces the entries under it,
	// not the entries after it at its own level.
	if own := d.c.blocks[d.answerBlock]; own.Kind == Bullet && d.c.blocks[b].Depth <= own.Depth {
		return false
	}
	text := strings.TrimSpace(d.c.doc.Text[d.c.doc.Findings[d.answer].Start:d.c.doc.Findings[d.answer].End])
	if strings.HasSuffix(text, ":") || d.inList {
		d.inList = true // and the rest of the list after it
		return true
	}
	return false
}

// implicitStarted reports whether an unattributed answer to the last
// question has begun.
func (d *dialogue) implicitStarted() bool {
	return d.lastQ >= 0 && d.c.doc.Findings[d.lastQ].AnsweredBy != ""
}

// answerFits reports whether a sentence with answer verb a answers an open
// question. Verbs of replying always do; a passive report ("Members were
// advised") needs an open question; so does a verb of reporting, whose
// speaker must also be someone who answers: an officer, the chair, or a
// member holding office, not the asker or another backbencher commenting.
func (d *dialogue) answerFits(t string, ms []mention, a answerMatch) bool {
	if toPaper.MatchString(t) {
		return false
	}
	if a.reply {
		return true
	}
	if a.label {
		return len(d.open) > 0
	}
	if !d.recentQuestion() {
		return false
	}
	if a.passive {
		return true
	}
	m, ok := subjectOf(t, a.verb, ms)
	if !ok {
		return false
	}
	m = d.resolvePronoun(m)
	if m.kind == group {
		return m.role == corpus.Officer
	}
	if m.kind == pronoun {
		return false
	}
	if d.backbencher(m) {
		return false
	}
	if q := d.c.doc.Findings[d.lastQ]; sameSpeaker(q.Speaker, m.text) {
		return false
	}
	return true
}

// recentQuestion reports whether an open question was asked in this
// paragraph or one of the two before (a member may comment before the
// officer answers).
func (d *dialogue) recentQuestion() bool {
	return len(d.open) > 0 && d.lastQ >= 0 && d.block-d.lastQBlock <= 2
}

// startAnswer takes a sentence that reports an answer.
func (d *dialogue) startAnswer(s Sentence, from int, ms []mention, a answerMatch) {
	target := d.target(s.Text, ms)
	d.startAnswerAt(s, from, ms, a, target)
}

// startAnswerAt emits the answer that starts at collapsed offset from of
// sentence s, given to question target (-1 for none), or continues the
// answer being read when the same speaker goes on.
func (d *dialogue) startAnswerAt(s Sentence, from int, ms []mention, a answerMatch, target int) {
	speaker, role, person := d.answerer(s.Text, from, ms, a)
	if d.answer >= 0 && sameSpeaker(speaker, d.answerSpeaker) {
		// The same speaker going on in the same paragraph: one answer.
		d.extendAnswer(s.End)
		return
	}
	sub := s.Sub(d.c.doc.Text, from, len(s.Text))
	rule := a.rule
	if rule == "" {
		rule = "answer.in-response"
	}
	ai := d.c.emit(corpus.Finding{Kind: corpus.Answer, Start: sub.Start, End: sub.End, Text: sub.Text,
		Speaker: speaker, SpeakerRole: role, Person: person, AnswerTo: target, Rule: rule})
	d.link(ai, target)
	d.answer, d.answerSpeaker, d.answerBlock = ai, speaker, s.Block
	d.labelled, d.inList = a.label, false
	d.implicit = false
	d.quoted, d.quotedBlock = ai, s.Block
}

// implicitAnswer takes the sentences after a question that the minutes do
// not attribute: "A question was asked on how social workers were managed.
// The issue was around maintaining a stable management group."
func (d *dialogue) implicitAnswer(s Sentence) {
	ai := d.c.emit(corpus.Finding{Kind: corpus.Answer, Start: s.Start, End: s.End, Text: s.Text,
		Speaker: unknownSpeaker, SpeakerRole: corpus.UnknownRole, AnswerTo: d.lastQ, Rule: "answer.following"})
	d.link(ai, d.lastQ)
	d.answer, d.answerSpeaker, d.answerBlock = ai, unknownSpeaker, s.Block
	d.implicit = false
}

// link records that answer ai answers question qi.
func (d *dialogue) link(ai, qi int) {
	if qi < 0 {
		return
	}
	fs := d.c.doc.Findings
	if fs[qi].AnsweredBy == "" {
		fs[qi].AnsweredBy = fs[ai].Speaker
	}
	for k, o := range d.open {
		if o == qi {
			d.open = append(d.open[:k], d.open[k+1:]...)
			break
		}
	}
}

// extendAnswer lengthens the answer being read to end at byte end.
func (d *dialogue) extendAnswer(end int) {
	d.c.extendFinding(d.answer, end)
}

// target chooses the question an answer answers: the open question of the
// person the answer names ("He assured Councillor Reed", "In response to
// Mr Brady's points"), else the first open question of the last paragraph
// that asked any. An answer to points or comments that names no asker
// answers no question.
func (d *dialogue) target(t string, ms []mention) int {
	fs := d.c.doc.Findings
	for _, m := range ms {
		if m.kind != named {
			continue
		}
		for _, qi := range d.open {
			if sameSpeaker(fs[qi].Speaker, m.text) && !sameSpeaker(fs[qi].Speaker, unknownSpeaker) {
				return qi
			}
		}
	}
	if toPoints.MatchString(t) {
		return -1
	}
	if len(d.open) == 0 {
		return d.lastAnswered()
	}
	last := d.open[len(d.open)-1]
	first := last
	for _, qi := range d.open {
		if d.c.sents != nil && d.blockOf(fs[qi].End) == d.blockOf(fs[last].End) {
			first = qi
			break
		}
	}
	return first
}

// lastAnswered is the question the answer being read answers, for a second
// speaker answering the same question; -1 when there is none.
func (d *dialogue) lastAnswered() int {
	if d.answer >= 0 {
		return d.c.doc.Findings[d.answer].AnswerTo
	}
	return -1
}

// toPoints is a reply to points or comments rather than to a question.
var toPoints = lazy(`(?i)\b(?:responded|replied|in\s+response|in\s+reply|responding|replying)\s+to\s+(?:some\s+of\s+|many\s+of\s+|all\s+of\s+|each\s+of\s+)?(?:the\s+|these\s+|those\s+)?(?:points|comments|issues|remarks|observations|debate|contributions)\b`)

func (d *dialogue) blockOf(off int) int {
	for _, s := range d.c.sents {
		if s.Start <= off && off <= s.End {
			return s.Block
		}
	}
	return -1
}
