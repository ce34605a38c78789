package classify

import (
	"strings"

	"scrutiny/corpus"
)

// Written questions are set out under a heading that names the asker, and
// sometimes whom the question is put to, with the reply after a label:
// "Question submitted by Councillor S. Hartigan" ... "REPLY: ...",
// "Question by Mr X to the Cabinet Member for Y" ... "Answer", "1. By
// Councillor Mackie of the Cabinet Member for Education" ... "Reply",
// "Question (24-15)" / "From Councillor A" / "To Councillor B" ...
// "Response:", "Submitted by: Councillor A" / "Directed to: The Mayor" ...
// "Reply:", or a line that only names the asker ("1. COUNCILLOR IAN
// SNOWBALL") and one that only names who replies. Supplementary questions
// and their responses may follow under labels of their own
// ("Supplementary:", "Reply to supplementary:").

var (
	writtenHead = lazy(`(?i)^(?:\d{1,3}[.)]?\s*)?(?:(?:(?:written|oral|public|members?['’]?|supplementary)\s+)?question\s*(?:no\.?\s*)?(?:\(?[\w/-]{1,12}\)?\s*)?(?:[:.–-]\s*)?)?(?:(?:submitted|asked|put|tabled|received|raised)\s+)?(?:by|from)(?:\s*:)?\s+(.+?)(?:\s+(?:to|of)\s+(.+?))?\s*[:.]?$`)
	// numberedQuestion is a heading that numbers a question and names
	// nobody: "Question (24-15)", "Question 3".
	numberedQuestion = lazy(`(?i)^(?:(?:written|oral|public|members?['’]?)\s+)?question\s*(?:no\.?\s*)?\(?[\w/-]{1,12}\)?\s*[:.]?$`)
	// addressee is the line that names whom a question is put to.
	addressee = lazy(`^(?:To|(?:Directed|Addressed|Put|Asked)\s+to|Question\s+to)(?:\s*:)?\s+(.+?)\s*[:.]?$`)
	// replyLabel opens a reply, perhaps naming who gives it: "Reply",
	// "Response from the Cabinet Member", "A (Director of Children's
	// Services):".
	replyLabel = lazy(`(?i)^(?:(?:written|supplementary)\s+)?(?:reply|answer|response)(?:\s+to\s+(?:the\s+)?supplementary(?:\s+question)?)?(?:\s+(?:from|by)\s+([^:]{3,120}?))?\s*(?:\(([^()]{2,80})\))?\s*(?:[:.–-]|$)|^A\s*\d{0,3}\s*(?:\(([^()]{2,80})\)\s*)?[.:](?:\s|$)`)
	// questionLabel opens a question set out as "Question: ...", "Q1." or
	// "Q (Councillor Lakhani):".
	questionLabel = lazy(`(?i)^(?:supplementary\s+)?(?:question|q)\s*\d{0,3}\s*(?:\(([^()]{2,80})\)\s*)?[:.–-]\s*\S`)
	// bareLabel is a label standing alone on its line, its words below it.
	bareLabel = lazy(`(?i)^(?:(?:supplementary\s+)?(?:question|answer|reply|response)s?(?:\s+to\s+(?:the\s+)?supplementary(?:\s+question)?)?|supplementary)\s*[:.]?$`)
	// supplementaryLabel opens a supplementary question.
	supplementaryLabel = lazy(`(?i)^supplementary(?:\s+question)?\s*[:.–-]`)
)

// unit is a block, or part of one: a PDF runs a heading or a label ("1. By
// Councillor Mackie ...", "Reply") into the text around it, so a block is
// cut at such lines, which stand as units of their own.
type unit struct {
	start, end int
	text       string
	kind       BlockKind
}

// writtenUnits splits the document's blocks into units.
func writtenUnits(c *docContext) []unit {
	var out []unit
	for _, b := range c.blocks {
		raw := c.doc.Text[b.Start:b.End]
		if !strings.ContainsAny(raw, "\n\f") {
			out = append(out, unit{b.Start, b.End, Collapse(raw), b.Kind})
			continue
		}
		from, kind := b.Start, b.Kind
		flush := func(end int, k BlockKind) {
			for from < end && isSkipped(c.doc.Text[from]) {
				from++
			}
			if t := Collapse(c.doc.Text[from:end]); t != "" {
				out = append(out, unit{from, end, t, k})
			}
		}
		for _, l := range corpus.Lines(raw) {
			if !labelLineOf(Collapse(l.Text)) {
				continue
			}
			ls, le := b.Start+l.Start, b.Start+l.End
			flush(ls, kind)
			from, kind = ls, Heading
			flush(le, Heading)
			from, kind = le, Paragraph
		}
		flush(b.End, kind)
	}
	return out
}

// labelLineOf reports whether a line heads a written question or labels
// the words below it.
func labelLineOf(t string) bool {
	return writtenHeadLine(t) || replyLabel.MatchString(t) && len(t) <= 120 && !strings.Contains(t[min(len(t), 9):], ". ") ||
		bareLabel.MatchString(t) || addressee.MatchString(t) && len(t) <= 250 && personAt(addressee.FindStringSubmatch(t)[1]) ||
		isCapitals(t) && nameLine(t) != ""
}

// writtenHeadLine reports whether a line heads a written question.
func writtenHeadLine(t string) bool {
	if len(t) > 250 {
		return false
	}
	if numberedQuestion.MatchString(t) {
		return true
	}
	if m := writtenHead.FindStringSubmatch(t); m != nil {
		return personAt(m[1])
	}
	return false
}

// personAt reports whether s opens with a person or an office.
func personAt(s string) bool {
	ms := findMentions(s)
	return len(ms) > 0 && ms[0].start == 0 && (ms[0].kind == named || ms[0].kind == office)
}

// writtenQuestions finds written questions and their replies, and returns
// the byte ranges they cover, which the reading of spoken exchanges then
// passes over (a reply may restate the question, question marks and all).
func writtenQuestions(c *docContext, people []corpus.Attendee) [][2]int {
	covered := questionTables(c, people)
	us := writtenUnits(c)
	for i := 0; i < len(us); i++ {
		asker, answerer, qFrom, labelled, ok := writtenStart(us, i)
		if !ok || inRanges(covered, us[i].start) {
			continue
		}
		item := corpus.ItemAt(c.doc.Items, us[i].start)
		if qFrom < len(us) && bareLabel.MatchString(us[qFrom].text) && !replyLabel.MatchString(us[qFrom].text) {
			qFrom++ // "Question:" on its own line
		}
		qEnd, rStart, rEnd, by := writtenSpans(c, us, qFrom, item, labelled)
		if qEnd <= qFrom {
			continue
		}
		if by != "" {
			answerer = by
		}
		end := c.pair(us, qFrom, qEnd, rStart, rEnd, asker, answerer, people)
		// Supplementary questions under labels of their own, each with its
		// response.
		for k := max(qEnd, rEnd); k < len(us) && supplementaryLabel.MatchString(us[k].text) && corpus.ItemAt(c.doc.Items, us[k].start) == item; {
			sq := k
			if bareLabel.MatchString(us[k].text) {
				sq = k + 1
			} else if !strings.Contains(strings.ToLower(us[k].text), "question") {
				break // "Supplementary: X asked ... Y replied ...": spoken
			}
			sEnd, sr, srEnd, sBy := writtenSpans(c, us, sq, item, false)
			if sEnd <= sq {
				break
			}
			sText := Collapse(c.doc.Text[us[sq].start:us[sEnd-1].end])
			sAsker := unknownSpeaker
			if !interrogativeStart.MatchString(labelPrefix.ReplaceAllString(sText, "")) && !strings.HasSuffix(strings.TrimRight(sText, "”’\"' "), "?") {
				// "Councillor Capewell asked whether ...": a question in the
				// third person names its asker; one put directly does not.
				sAsker = speakerIn(sText)
			}
			if sAsker == unknownSpeaker {
				sAsker = asker
			}
			sAnswerer := answerer
			if sBy != "" {
				sAnswerer = sBy
			} else if sr >= 0 {
				if who := speakerIn(replyText(c, us, sr, srEnd)); who != unknownSpeaker {
					sAnswerer = who
				}
			}
			end = c.pair(us, sq, sEnd, sr, srEnd, sAsker, sAnswerer, people)
			k = max(sEnd, srEnd)
			qEnd = k
		}
		covered = append(covered, [2]int{us[i].start, end})
		i = max(i, max(qEnd, rEnd)-1)
	}
	return covered
}

// writtenStart reads unit i as the start of a written question: who asks,
// whom it is put to, the unit its words start at, and whether it is set
// out as "Q. ... A. ...", whose reply is one paragraph.
func writtenStart(us []unit, i int) (asker, answerer string, qFrom int, labelled, ok bool) {
	head := us[i].text
	switch m := writtenHead.FindStringSubmatch(head); {
	case numberedQuestion.MatchString(head) && i+1 < len(us):
		// "Question (24-15)", then "From X" and "To Y" below it.
		if m := writtenHead.FindStringSubmatch(us[i+1].text); m != nil && personAt(m[1]) {
			asker, answerer, qFrom = strings.TrimSpace(m[1]), strings.TrimSpace(m[2]), i+2
			break
		}
		return "", "", 0, false, false
	case m != nil && len(head) <= 250 && personAt(m[1]):
		asker, answerer, qFrom = strings.TrimSpace(m[1]), strings.TrimSpace(m[2]), i+1
	case questionLabel.MatchString(head):
		return speakerIn(head), "", i, true, true
	case nameLine(head) != "" && i+1 < len(us) && strings.HasSuffix(strings.TrimRight(us[i+1].text, "”’\"' "), "?"):
		return nameLine(head), "", i + 1, false, true
	default:
		return "", "", 0, false, false
	}
	if answerer == "" && qFrom < len(us) {
		if m := addressee.FindStringSubmatch(us[qFrom].text); m != nil && personAt(m[1]) {
			answerer, qFrom = m[1], qFrom+1
		}
	}
	return asker, answerer, qFrom, false, true
}

// pair emits the question over units [q, qEnd) and its reply over [r,
// rEnd) (r -1 when there is none), and returns where they end.
func (c *docContext) pair(us []unit, q, qEnd, r, rEnd int, asker, answerer string, people []corpus.Attendee) int {
	qi := c.emitWritten(corpus.Question, us[q].start, us[qEnd-1].end, asker, corpus.Member, people, -1, "question.written")
	end := us[qEnd-1].end
	if r < 0 {
		return end
	}
	if answerer == "" {
		answerer = speakerIn(replyText(c, us, r, rEnd))
	}
	role := corpus.Officer
	if rr := officeRole(answerer); rr != corpus.UnknownRole {
		role = rr
	}
	c.emitWritten(corpus.Answer, us[r].start, us[rEnd-1].end, answerer, role, people, qi, "answer.written")
	return us[rEnd-1].end
}

// replyText is the opening paragraph of a reply, below a label standing
// alone above it: where a reply names who gives it.
func replyText(c *docContext, us []unit, r, rEnd int) string {
	if bareLabel.MatchString(us[r].text) && r+1 < rEnd {
		r++
	}
	return us[r].text
}

// writtenSpans returns, from unit q on within one item, the end of the
// question's units, the units of its reply ([rStart, rEnd), rStart -1 when
// there is none), and who the reply's label or heading says gives it. The
// reply runs to the next question, a heading in capitals, or the end of the
// item.
func writtenSpans(c *docContext, us []unit, q, item int, labelled bool) (qEnd, rStart, rEnd int, by string) {
	stop := func(k int) bool {
		t := us[k].text
		return corpus.ItemAt(c.doc.Items, us[k].start) != item || writtenHeadLine(t) ||
			k > q && (questionLabel.MatchString(t) || supplementaryLabel.MatchString(t)) ||
			us[k].kind == Heading && isCapitals(t) && len(strings.Fields(t)) >= 2 && nameLine(t) == "" ||
			nameLine(t) != "" && k+1 < len(us) && strings.HasSuffix(strings.TrimRight(us[k+1].text, "”’\"' "), "?")
	}
	replyAt := func(k int) (string, bool) {
		t := us[k].text
		if m := replyLabel.FindStringSubmatch(t); m != nil {
			return strings.TrimSpace(m[1] + m[2] + m[3]), true
		}
		if who := nameLine(t); who != "" && k > q {
			return who, true
		}
		return "", false
	}
	k := q
	for k < len(us) && !stop(k) {
		if _, ok := replyAt(k); ok {
			break
		}
		k++
	}
	qEnd, rStart, rEnd = k, -1, k
	if k < len(us) && !stop(k) {
		rStart = k
		by, _ = replyAt(k)
		for k++; k < len(us) && !stop(k) && (!labelled || us[k].kind == Bullet); k++ {
		}
		rEnd = k
	}
	return qEnd, rStart, rEnd, by
}

// nameLine returns the person a line only names, perhaps numbered and with
// the office beside the name, set in capitals or not: "1. COUNCILLOR IAN
// SNOWBALL", "Councillor Kate Greenwood, Cabinet Member for Children". It
// returns "" for any other line.
func nameLine(t string) string {
	t = strings.TrimSpace(leadingNumber.ReplaceAllString(t, ""))
	if t == "" || len(strings.Fields(t)) > 16 || strings.HasSuffix(t, ".") || strings.HasSuffix(t, "?") {
		return ""
	}
	if isCapitals(t) {
		t = titleCase(t)
	}
	ms := findMentions(t)
	if len(ms) == 0 || ms[0].start != 0 || ms[0].kind != named {
		return ""
	}
	if rest := strings.Trim(t[ms[0].end:], " ,:;"); rest != "" && ms[0].position == "" && officeRole(rest) == corpus.UnknownRole {
		return ""
	}
	return ms[0].text
}

// leadingNumber is the number a line may open with: "1.", "2)".
var leadingNumber = lazy(`^\s*\d{1,3}[.)]\s+`)

// inRanges reports whether off lies in one of the ranges.
func inRanges(rs [][2]int, off int) bool {
	for _, r := range rs {
		if r[0] <= off && off < r[1] {
			return true
		}
	}
	return false
}

// speakerIn returns who a labelled question or reply names as its speaker:
// "Supplementary question: Councillor Patel asked ...", "Q. Councillor
// Ahmed – Why ...?", "Q (Councillor Lakhani): How ...?", "Response: The
// Cabinet Member explained ...". It is unknownSpeaker when no one is named.
func speakerIn(t string) string {
	if m := labelPrefix.FindStringSubmatch(t); m != nil && m[1] != "" {
		return bracketSpeaker(m[1])
	}
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

// bracketSpeaker is the speaker a label names in brackets: a person, or an
// office ("Director of Children's Services" is "the Director of Children's
// Services").
func bracketSpeaker(s string) string {
	s = strings.TrimSpace(s)
	if ms := findMentions(s); len(ms) > 0 && ms[0].start == 0 && ms[0].kind == named {
		return ms[0].text
	}
	if officeRole(s) != corpus.UnknownRole && !strings.HasPrefix(strings.ToLower(s), "the ") {
		return "the " + s
	}
	return s
}

// labelPrefix is the label a question or reply is set out under, with the
// speaker it names in brackets (group 1).
var labelPrefix = lazy(`(?i)^(?:supplementary\s+)?(?:question|answer|reply|response|q|a)\s*\d{0,3}\s*(?:\(([^()]{2,80})\)\s*)?[:.–-]\s*`)

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
