package classify

import (
	"strings"

	"scrutiny/corpus"
)

// Attribution: who asked a question and who answered it, read from the
// sentence's subject, a "from" or "by" phrase, or the person a pronoun
// points back to, and resolved against the meeting's attendance list.

// noteSubject remembers who a sentence is about, for the pronouns of the
// sentences after it.
func (d *dialogue) noteSubject(t string, ms []mention) {
	for _, m := range ms {
		if m.kind != named && m.kind != office {
			continue
		}
		if !inObjectPlace(t, m.start) {
			d.subject, d.subjectBlock = m, d.block
		}
		return
	}
}

// resolvePronoun replaces "he", "she" or "they" by the person last named
// as a subject in this paragraph or the one before.
func (d *dialogue) resolvePronoun(m mention) mention {
	if m.kind != pronoun {
		return m
	}
	if d.subject.text != "" && d.block-d.subjectBlock <= 1 {
		return d.subject
	}
	return m
}

// unknownSpeaker is the speaker of a question or answer the minutes do not
// attribute to anyone by name or office.
const unknownSpeaker = "unknown"

// asker returns who asked a question: the subject of its verb, or the
// person a "from" or "by" phrase names, or unknownSpeaker.
func (d *dialogue) asker(clause string, ms []mention, q questionMatch) (string, corpus.Role) {
	if q.passive {
		if m, ok := agentOf(clause, q.verb, ms); ok {
			return d.speakerName(m, corpus.Member)
		}
		if groupRE.MatchString(clause) && strings.Contains(strings.ToLower(clause), "member") {
			return unknownSpeaker, corpus.Member
		}
		return unknownSpeaker, corpus.UnknownRole
	}
	var in []mention
	for _, m := range ms {
		if m.end <= len(clause) {
			in = append(in, m)
		}
	}
	m, ok := subjectOf(clause, q.verb, in)
	if !ok {
		return unknownSpeaker, corpus.UnknownRole
	}
	return d.speakerName(d.resolvePronoun(m), corpus.Member)
}

// agentOf finds the person a passive question names: "raised by Councillor
// X", "a question from Mrs Gunn", "Members' concerns".
func agentOf(clause string, v int, ms []mention) (mention, bool) {
	for _, m := range ms {
		if m.start < v || m.end > len(clause) || m.kind == pronoun {
			continue
		}
		pre := strings.ToLower(strings.TrimSpace(clause[max(v, m.start-8):m.start]))
		if strings.HasSuffix(pre, "by") || strings.HasSuffix(pre, "from") || strings.HasSuffix(pre, "of") || strings.HasSuffix(pre, "to") {
			return m, true
		}
	}
	return mention{}, false
}

// answerer returns who gave the answer that starts at collapsed offset
// from: the subject of its verb; for "In response, ..." the subject of the
// verb that follows; nobody for a passive report.
func (d *dialogue) answerer(t string, from int, ms []mention, a answerMatch) (string, corpus.Role, string) {
	if a.rule == "answer.in-response" || a.rule == "" {
		if next, ok := findAnswer(t, max(from, a.end)); ok && next.rule != "answer.in-response" {
			a = next
		}
	}
	if a.passive || a.verb < 0 {
		return unknownSpeaker, corpus.UnknownRole, ""
	}
	var after []mention
	for _, m := range ms {
		if m.start >= from {
			after = append(after, m)
		}
	}
	m, ok := subjectOf(t, a.verb, after)
	if !ok {
		return unknownSpeaker, corpus.UnknownRole, ""
	}
	m = d.resolvePronoun(m)
	name, role := d.speakerName(m, corpus.UnknownRole)
	return name, role, d.person(name, []mention{m})
}

// speakerName returns a mention as the speaker it names, and its role; a
// mention that names nobody ("Members", "officers") is unknownSpeaker.
func (d *dialogue) speakerName(m mention, fallback corpus.Role) (string, corpus.Role) {
	switch m.kind {
	case group, pronoun:
		if m.role != corpus.UnknownRole {
			return unknownSpeaker, m.role
		}
		return unknownSpeaker, fallback
	}
	role := d.roleOf(m)
	if role == corpus.UnknownRole {
		role = fallback
	}
	text := m.text
	if strings.HasPrefix(text, "The ") {
		text = "the " + text[4:]
	}
	return text, role
}

// roleOf is a mention's role, from its title or office, or from the
// attendance list.
func (d *dialogue) roleOf(m mention) corpus.Role {
	if m.role != corpus.UnknownRole {
		return m.role
	}
	if a, ok := resolvePerson(m, d.people); ok {
		return a.Role
	}
	return corpus.UnknownRole
}

// person resolves a speaker to the attendee it names, by the attendance
// list: "the Director of Public Health" is "Dr A Ghosh".
func (d *dialogue) person(speaker string, ms []mention) string {
	if speaker == unknownSpeaker || len(d.people) == 0 {
		return ""
	}
	for _, m := range ms {
		if m.text == speaker || strings.EqualFold(m.text, speaker) {
			if a, ok := resolvePerson(m, d.people); ok {
				return a.Name
			}
		}
	}
	for _, m := range findMentions(speaker) {
		if a, ok := resolvePerson(m, d.people); ok {
			return a.Name
		}
	}
	return ""
}

// sameSpeaker reports whether two ways of writing a speaker name the same
// person: equal once folded, or one contained in the other ("the Corporate
// Director" in "the Corporate Director of Children's Services").
func sameSpeaker(a, b string) bool {
	fa, fb := speakerKey(a), speakerKey(b)
	if fa == "" || fb == "" {
		return false
	}
	return fa == fb || strings.Contains(fa, fb) || strings.Contains(fb, fa)
}

func speakerKey(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimPrefix(s, "the ")
	s = strings.NewReplacer("’s", "", "'s", "", "councillor ", "cllr ", ".", "").Replace(s)
	return s
}
