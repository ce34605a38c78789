package classify

import (
	"regexp"
	"strings"

	"scrutiny/corpus"
)

// Written questions are set out under a heading that names the asker, and
// sometimes whom the question is put to, with the reply after a label:
// "Question submitted by Councillor S. Hartigan" ... "REPLY: ...", or
// "Question by Mr X to the Cabinet Member for Y" ... "Answer".

var (
	writtenHead = regexp.MustCompile(`(?i)^(?:\d{1,3}[.)]?\s*)?(?:(?:written|oral|public|members?['’]?|supplementary)\s+)?question\s*(?:no\.?\s*)?(?:\d{1,3}\s*)?(?:[:.–-]\s*)?(?:(?:submitted|asked|put|tabled|received|raised)\s+)?(?:by|from)\s+(.+?)(?:\s+to\s+(.+?))?\s*[:.]?$`)
	replyLabel  = regexp.MustCompile(`(?i)^(?:(?:written|supplementary)\s+)?(?:reply|answer|response)\s*(?:[:.–-]|$)|^A\s*\d{0,3}\s*[.:]\s`)
	// questionLabel opens a question set out as "Question: ..." or "Q1.".
	questionLabel = regexp.MustCompile(`(?i)^(?:supplementary\s+)?(?:question|q)\s*\d{0,3}\s*[:.–-]\s*\S`)
)

// writtenQuestions finds written questions and their replies, and returns
// the byte ranges they cover, which the reading of spoken exchanges then
// passes over (a reply may restate the question, question marks and all).
func writtenQuestions(c *docContext, people []corpus.Attendee) [][2]int {
	var covered [][2]int
	bs := c.blocks
	for i := 0; i < len(bs); i++ {
		head := Collapse(c.doc.Text[bs[i].Start:bs[i].End])
		var asker, answerer string
		qFrom := i + 1
		labelled := false // "Q. ... A. ...": the reply is one paragraph
		switch m := writtenHead.FindStringSubmatch(head); {
		case m != nil && len(head) <= 250:
			asker, answerer = strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
		case questionLabel.MatchString(head):
			asker, qFrom, labelled = speakerIn(head), i, true
		default:
			continue
		}
		item := corpus.ItemAt(c.doc.Items, bs[i].Start)
		qEnd, rStart, rEnd := writtenSpans(c, qFrom, item, labelled)
		if qEnd <= qFrom {
			continue
		}
		qi := c.emitWritten(corpus.Question, bs[qFrom].Start, bs[qEnd-1].End, asker, corpus.Member, people, -1, "question.written")
		end := bs[qEnd-1].End
		if rStart >= 0 {
			role := corpus.Officer
			if answerer == "" {
				answerer = speakerIn(Collapse(c.doc.Text[bs[rStart].Start:bs[rStart].End]))
			}
			if r := officeRole(answerer); r != corpus.UnknownRole {
				role = r
			}
			c.emitWritten(corpus.Answer, bs[rStart].Start, bs[rEnd-1].End, answerer, role, people, qi, "answer.written")
			end = bs[rEnd-1].End
		}
		covered = append(covered, [2]int{bs[i].Start, end})
		i = max(i, max(qEnd, rEnd)-1)
	}
	return covered
}

// writtenSpans returns, from block q on within one item, the end of the
// question's blocks and the blocks of its reply ([rStart, rEnd), rStart -1
// when there is none). The reply runs to the next question, a heading in
// capitals, or the end of the item.
func writtenSpans(c *docContext, q, item int, labelled bool) (qEnd, rStart, rEnd int) {
	bs := c.blocks
	stop := func(k int) bool {
		t := Collapse(c.doc.Text[bs[k].Start:bs[k].End])
		return corpus.ItemAt(c.doc.Items, bs[k].Start) != item || writtenHead.MatchString(t) && len(t) <= 250 ||
			k > q && questionLabel.MatchString(t) || bs[k].Kind == Heading && isCapitals(t) && len(strings.Fields(t)) >= 2
	}
	k := q
	for k < len(bs) && !stop(k) && !replyLabel.MatchString(Collapse(c.doc.Text[bs[k].Start:bs[k].End])) {
		k++
	}
	qEnd, rStart, rEnd = k, -1, k
	if k < len(bs) && !stop(k) {
		rStart = k
		for k++; k < len(bs) && !stop(k) && (!labelled || bs[k].Kind == Bullet); k++ {
		}
		rEnd = k
	}
	return qEnd, rStart, rEnd
}

// speakerIn returns who a labelled question or reply names as its speaker:
// "Supplementary question: Councillor Patel asked ...", "Q. Councillor
// Ahmed – Why ...?", "Response: The Cabinet Member explained ...". It is
// unknownSpeaker when no one is named.
func speakerIn(t string) string {
	t = labelPrefix.ReplaceAllString(t, "")
	ms := findMentions(t)
	if len(ms) == 0 || ms[0].kind != named && ms[0].kind != office || inObjectPlace(t, ms[0].start) {
		return unknownSpeaker
	}
	if strings.HasPrefix(ms[0].text, "The ") {
		return "the " + ms[0].text[4:]
	}
	return ms[0].text
}

// labelPrefix is the label a question or reply is set out under.
var labelPrefix = regexp.MustCompile(`(?i)^(?:supplementary\s+)?(?:question|answer|reply|response|q|a)\s*\d{0,3}\s*[:.–-]\s*`)

// emitWritten emits a written question or reply over [start, end).
func (c *docContext) emitWritten(kind corpus.Kind, start, end int, speaker string, role corpus.Role, people []corpus.Attendee, to int, rule string) int {
	if ms := findMentions(speaker); len(ms) > 0 && ms[0].start == 0 {
		if ms[0].role != corpus.UnknownRole {
			role = ms[0].role
		}
	}
	f := corpus.Finding{Kind: kind, Start: start, End: end, Speaker: speaker, SpeakerRole: role, AnswerTo: to, Rule: rule}
	if speaker != unknownSpeaker {
		for _, m := range findMentions(speaker) {
			if a, ok := resolvePerson(m, people); ok {
				f.Person = a.Name
				break
			}
		}
	}
	i := c.emit(f)
	if kind == corpus.Answer && to >= 0 {
		c.doc.Findings[to].AnsweredBy = speaker
	}
	return i
}
