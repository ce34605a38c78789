package classify

import (
	"testing"

	"scrutiny/corpus"
)

// These minutes are written for the tests, in the manner of English
// committee minutes, with the phrasings the rules are meant to read.

const scrutinyMinutes = `Minutes:

The Panel considered a report of the Director of Children's Services on placement sufficiency.

Councillor Okafor asked whether the authority had enough foster carers for sibling groups. She also enquired about the cost of residential placements outside the county.

The Director of Children's Services explained that recruitment had improved over the year. He added that sibling groups remained the hardest to place.

Cllr Patel queried the figures in table 3 of the report.

In response, the Head of Finance confirmed that the figures were correct at the end of March.

A Member sought assurance that children placed out of county were visited regularly. Officers advised that every child had been visited within the statutory timescale.

Councillor Hughes thanked officers for a thorough report and commented that the improvement was welcome.

In response to a question from Councillor Hughes about staff turnover, the Service Manager reported that agency use had fallen by a fifth.

Referring to the question she had asked at the last meeting, Councillor Okafor asked how many complaints had been upheld.

The Chair requested that a breakdown of complaints by service be circulated to members.

RESOLVED – That the report be noted.`

func TestDialogue(t *testing.T) {
	doc := readMinutes(t, scrutinyMinutes)
	qs := ofKind(doc, corpus.Question)
	want := []struct{ evidence, asker string }{
		{"asked whether the authority had enough foster carers", "Councillor Okafor"},
		{"enquired about the cost of residential placements", "Councillor Okafor"},
		{"Cllr Patel queried the figures", "Cllr Patel"},
		{"sought assurance that children placed out of county", "unknown"},
		{"In response to a question from Councillor Hughes", "Councillor Hughes"},
		{"asked how many complaints had been upheld", "Councillor Okafor"},
		{"requested that a breakdown of complaints", "the Chair"},
	}
	if len(qs) != len(want) {
		t.Fatalf("%d questions, want %d:%s", len(qs), len(want), dump(doc))
	}
	for _, w := range want {
		i := indexOf(doc, corpus.Question, w.evidence)
		if i < 0 {
			t.Errorf("no question holding %q:%s", w.evidence, dump(doc))
			continue
		}
		if got := doc.Findings[i].Speaker; got != w.asker {
			t.Errorf("question %q: asker %q, want %q", w.evidence, got, w.asker)
		}
	}
	if i := indexOf(doc, corpus.Question, "thanked officers"); i >= 0 {
		t.Errorf("thanks read as a question: %s", doc.Findings[i].Text)
	}
	// The earlier question recalled is not a second question.
	if n := len(ofKind(doc, corpus.Question)); n != len(want) {
		t.Errorf("%d questions, want %d", n, len(want))
	}

	links := []struct{ question, answer, speaker string }{
		{"asked whether the authority had enough foster carers", "explained that recruitment had improved", "the Director of Children's Services"},
		{"Cllr Patel queried", "confirmed that the figures were correct", "the Head of Finance"},
		{"sought assurance", "every child had been visited", "unknown"},
		{"In response to a question from Councillor Hughes", "agency use had fallen", "the Service Manager"},
	}
	for _, l := range links {
		qi := indexOf(doc, corpus.Question, l.question)
		a, ok := answerOf(doc, qi)
		if qi < 0 || !ok {
			t.Errorf("question %q has no answer:%s", l.question, dump(doc))
			continue
		}
		if !contains(a.Text, l.answer) || a.Speaker != l.speaker {
			t.Errorf("question %q answered by %q with %q, want %q with %q", l.question, a.Speaker, a.Text, l.speaker, l.answer)
		}
		if doc.Findings[qi].AnsweredBy != l.speaker {
			t.Errorf("question %q: answered_by %q, want %q", l.question, doc.Findings[qi].AnsweredBy, l.speaker)
		}
	}
	// The answer runs on over the speaker's next sentence.
	qi := indexOf(doc, corpus.Question, "asked whether the authority")
	if a, _ := answerOf(doc, qi); !contains(a.Text, "sibling groups remained the hardest") {
		t.Errorf("answer stops short: %q", a.Text)
	}
	// Questions with no recorded answer stay unanswered.
	for _, ev := range []string{"asked how many complaints", "requested that a breakdown"} {
		qi := indexOf(doc, corpus.Question, ev)
		if _, ok := answerOf(doc, qi); ok {
			t.Errorf("question %q should have no answer:%s", ev, dump(doc))
		}
	}
	if rs := ofKind(doc, corpus.Resolution); len(rs) != 1 || rs[0].Outcome != corpus.Noted {
		t.Errorf("resolutions %+v, want one, noted", rs)
	}
}

func contains(s, sub string) bool { return len(sub) == 0 || indexString(s, sub) >= 0 }

func indexString(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestCommentsAreNotAnswers(t *testing.T) {
	// With no question open, officers' reports are not answers; a
	// member's comment after a question is not its answer either.
	doc := readMinutes(t, `Minutes:

The Head of Service informed the Committee that the inspection had gone well.

Councillor Byrne asked whether the action plan had been costed.

Councillor Ahmed said that she supported the plan.

The Director confirmed that costings would follow in March.`)
	if n := len(ofKind(doc, corpus.Answer)); n != 1 {
		t.Fatalf("%d answers, want 1:%s", n, dump(doc))
	}
	a := ofKind(doc, corpus.Answer)[0]
	if a.Speaker != "the Director" || !contains(a.Text, "costings would follow") {
		t.Errorf("answer %q by %q, want the Director's", a.Text, a.Speaker)
	}
}

func TestQuestionAndAnswerInOneSentence(t *testing.T) {
	doc := readMinutes(t, `Minutes:

A question was raised on whether the service had used agency staff and in response Members were advised that it had, for six months.`)
	qs, as := ofKind(doc, corpus.Question), ofKind(doc, corpus.Answer)
	if len(qs) != 1 || len(as) != 1 {
		t.Fatalf("want one question and one answer:%s", dump(doc))
	}
	if contains(qs[0].Text, "Members were advised") || !contains(as[0].Text, "Members were advised") {
		t.Errorf("the sentence is not cut between question and answer:%s", dump(doc))
	}
}

func TestDirectQuestions(t *testing.T) {
	doc := readMinutes(t, `Minutes:

Members asked officers the following questions:
How many children were waiting for an assessment?
Forty-two, of whom six had waited more than a month.
Why had the waiting list grown?
Two social workers had left and one post was vacant.`)
	qs, as := ofKind(doc, corpus.Question), ofKind(doc, corpus.Answer)
	if len(qs) != 2 || len(as) != 2 {
		t.Fatalf("%d questions and %d answers, want 2 and 2:%s", len(qs), len(as), dump(doc))
	}
	qi := indexOf(doc, corpus.Question, "Why had the waiting list grown")
	if a, ok := answerOf(doc, qi); !ok || !contains(a.Text, "Two social workers had left") {
		t.Errorf("second question's answer: %q, %v", a.Text, ok)
	}
}

func TestWrittenQuestion(t *testing.T) {
	doc := readMinutes(t, `Questions

3. Question by Councillor R. Singh to the Cabinet Member for Children's Services

Will the Cabinet Member say how many children were placed in unregistered homes last year?

Answer:

Eleven children were placed in unregistered settings. Each was visited weekly? No: each was visited at least weekly.

4. Question by Councillor T. Moss

What is the average caseload of a social worker?

Reply: Seventeen children.`)
	qs, as := ofKind(doc, corpus.Question), ofKind(doc, corpus.Answer)
	if len(qs) != 2 || len(as) != 2 {
		t.Fatalf("%d questions and %d answers, want 2 and 2:%s", len(qs), len(as), dump(doc))
	}
	qi := indexOf(doc, corpus.Question, "unregistered homes")
	if doc.Findings[qi].Speaker != "Councillor R. Singh" {
		t.Errorf("asker %q", doc.Findings[qi].Speaker)
	}
	a, ok := answerOf(doc, qi)
	if !ok || a.Speaker != "the Cabinet Member for Children's Services" || a.SpeakerRole != corpus.Member {
		t.Errorf("answer %+v, want the Cabinet Member's", a)
	}
	if !contains(a.Text, "visited at least weekly") {
		t.Errorf("the reply's question mark was read as a new question: %q", a.Text)
	}
}

func TestQuestionElsewhere(t *testing.T) {
	doc := readMinutes(t, `Minutes:

Councillor Lee referred to the recent Audit Committee where she questioned the timing of the accounts.

Councillor Lee had asked at the previous meeting whether the audit fee would rise.`)
	if qs := ofKind(doc, corpus.Question); len(qs) != 0 {
		t.Errorf("questions put at other meetings read as this meeting's:%s", dump(doc))
	}
}

func TestPronounFollowsPreviousParagraph(t *testing.T) {
	doc := readMinutes(t, `Minutes:

Councillor Evans welcomed the new early help offer.
He asked if families had been told about it.`)
	qs := ofKind(doc, corpus.Question)
	if len(qs) != 1 || qs[0].Speaker != "Councillor Evans" {
		t.Errorf("questions %s, want one by Councillor Evans", dump(doc))
	}
}

func TestLabelledQuestionsAndReplies(t *testing.T) {
	doc := readMinutes(t, `Minutes:

Jane Moss presented the strategy. During discussion the following points were made:

Q. Are we using more out-of-area placements than last year?
A. Yes, slightly; 38 children were placed more than 20 miles from home.

Councillor Khan asked if care leavers had been consulted. The Assistant Director said they had.

The Portfolio Holder for Children and Families responded to concerns raised by Councillor Lowe, saying that two new homes were planned.

Councillor Morgan asked: "How many young people are currently in custody?" The Head of Youth Justice replied that there were three.

A number of questions were asked about the reoffending rate, and officers undertook to circulate the latest data.`)
	tests := []struct{ question, asker, answer, answerer string }{
		{"Are we using more out-of-area placements", "unknown", "38 children were placed", "unknown"},
		{"Councillor Khan asked if care leavers", "Councillor Khan", "said they had", "the Assistant Director"},
		{"concerns raised by Councillor Lowe", "Councillor Lowe", "two new homes were planned", "the Portfolio Holder for Children and Families"},
		{"How many young people are currently in custody", "Councillor Morgan", "there were three", "the Head of Youth Justice"},
		{"questions were asked about the reoffending rate", "unknown", "officers undertook to circulate", "unknown"},
	}
	for _, tt := range tests {
		qi := indexOf(doc, corpus.Question, tt.question)
		if qi < 0 {
			t.Errorf("no question holding %q:%s", tt.question, dump(doc))
			continue
		}
		a, ok := answerOf(doc, qi)
		if doc.Findings[qi].Speaker != tt.asker || !ok || !contains(a.Text, tt.answer) || a.Speaker != tt.answerer {
			t.Errorf("question %q by %q answered %v by %q with %q; want %q, %q, %q",
				tt.question, doc.Findings[qi].Speaker, ok, a.Speaker, a.Text, tt.asker, tt.answerer, tt.answer)
		}
	}
	if n := len(ofKind(doc, corpus.Question)); n != len(tests) {
		t.Errorf("%d questions, want %d:%s", n, len(tests), dump(doc))
	}
}

func TestAnswersThatPointBack(t *testing.T) {
	doc := readMinutes(t, `Minutes:

Members questioned the level of management oversight in the assessment teams.

In response to Members' questions, the Director advised:

• audits showed improvement in eight of ten teams;
• supervision frequency had reached 90%.

Members welcomed the progress.

Following a question from Councillor Dunn, it was confirmed that the next visit would focus on care leavers.`)
	qs := ofKind(doc, corpus.Question)
	if len(qs) != 2 {
		t.Fatalf("%d questions, want 2 (the answer points back to the first):%s", len(qs), dump(doc))
	}
	a, ok := answerOf(doc, indexOf(doc, corpus.Question, "Members questioned"))
	if !ok || !contains(a.Text, "supervision frequency had reached 90%") || contains(a.Text, "welcomed") {
		t.Errorf("the answer should take in the list it announces and stop there: %q", a.Text)
	}
	qi := indexOf(doc, corpus.Question, "Following a question from Councillor Dunn")
	if a, ok := answerOf(doc, qi); qi < 0 || !ok || !contains(a.Text, "next visit would focus") || doc.Findings[qi].Speaker != "Councillor Dunn" {
		t.Errorf("question and answer in one sentence:%s", dump(doc))
	}
}

func TestMoreWaysOfAsking(t *testing.T) {
	for _, s := range []string{
		"Councillor Shaw asked a question regarding the cost of the new case management system.",
		"Councillor Shaw asked for clarification on the cost of the new case management system.",
		"Councillor Shaw enquired as to the cost of the new case management system.",
		"Councillor Shaw sought an explanation of the cost of the new case management system.",
		"Members were keen to know the cost of the new case management system.",
		"Councillor Shaw questioned whether the new case management system was value for money.",
	} {
		doc := readMinutes(t, "Minutes:\n\n"+s+"\n")
		qs := ofKind(doc, corpus.Question)
		if len(qs) != 1 {
			t.Errorf("%q: %d questions, want 1", s, len(qs))
			continue
		}
		if want := "Councillor Shaw"; contains(s, want) && qs[0].Speaker != want {
			t.Errorf("%q: asker %q, want %q", s, qs[0].Speaker, want)
		}
	}
	for _, s := range []string{
		"Councillor Shaw raised the issue of parking at the school.",
		"Councillor Shaw expressed concern about the cost of the new system.",
		"Councillor Shaw thanked the officers and welcomed the report.",
		"The Chair asked members to support the recommendations.",
		"Cabinet is asked to approve the revised policy.",
	} {
		doc := readMinutes(t, "Minutes:\n\n"+s+"\n")
		if qs := ofKind(doc, corpus.Question); len(qs) != 0 {
			t.Errorf("%q read as a question", s)
		}
	}
}
