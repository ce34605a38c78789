package classify

import (
	"testing"

	"scrutiny/corpus"
)

// TestListedQuestionsAndAnswers: questions listed after "Members asked:"
// and answers listed after "In response:" pair in order.
func TestListedQuestionsAndAnswers(t *testing.T) {
	doc := readMinutes(t, `Minutes:

The Head of Admissions introduced the report on school places.

Members asked:

• how many appeals had been heard this year;
• whether any were still waiting for a hearing.

In response:

• 412 appeals had been heard;
• nine were waiting, all for a date in July.

Councillor Reyes thanked officers.`)
	qs, as := ofKind(doc, corpus.Question), ofKind(doc, corpus.Answer)
	if len(qs) != 2 || len(as) != 2 {
		t.Fatalf("%d questions and %d answers, want 2 and 2:%s", len(qs), len(as), dump(doc))
	}
	for _, p := range [][2]string{{"how many appeals", "412 appeals"}, {"whether any were still waiting", "nine were waiting"}} {
		qi := indexOf(doc, corpus.Question, p[0])
		if a, ok := answerOf(doc, qi); !ok || !contains(a.Text, p[1]) {
			t.Errorf("question %q: answer %q, want %q:%s", p[0], a.Text, p[1], dump(doc))
		}
	}
	if i := indexOf(doc, corpus.Question, "Members asked"); i >= 0 {
		t.Error("the list's opening words read as a question")
	}
}

// TestAnswersPointByPoint: one officer answering several members' questions
// in a list whose entries name whom they answer.
func TestAnswersPointByPoint(t *testing.T) {
	doc := readMinutes(t, `Minutes:

(a) Councillor Ng asked how many children were in kinship care.
(b) Councillor Hale asked whether kinship carers were paid as foster carers were.

The Head of Service responded to the points raised as follows:

(c) In response to Councillor Hale, kinship foster carers were paid at the same rates.
(d) In response to Councillor Ng, 140 children were in kinship care.`)
	if n := len(ofKind(doc, corpus.Answer)); n != 2 {
		t.Fatalf("%d answers, want 2:%s", n, dump(doc))
	}
	for _, p := range [][2]string{{"Councillor Ng asked", "140 children"}, {"Councillor Hale asked", "same rates"}} {
		qi := indexOf(doc, corpus.Question, p[0])
		a, ok := answerOf(doc, qi)
		if !ok || !contains(a.Text, p[1]) || a.Speaker != "the Head of Service" {
			t.Errorf("question %q: answer %q by %q, want %q by the Head of Service:%s", p[0], a.Text, a.Speaker, p[1], dump(doc))
		}
	}
}

// TestQuotedQuestionAndReply: a question announced with a colon and set
// out in quotation marks, and the reply set out so.
func TestQuotedQuestionAndReply(t *testing.T) {
	doc := readMinutes(t, `Minutes:

Mr Arjun Patel asked the following question:
“Families in the north of the town have no youth club. Will the Council reopen the one that closed?”
The Chair replied:
“Thank you. The Council is looking for a partner to run it from the autumn.”`)
	qs := ofKind(doc, corpus.Question)
	if len(qs) != 1 || !contains(qs[0].Text, "Will the Council reopen") || qs[0].Speaker != "Mr Arjun Patel" {
		t.Fatalf("questions:%s", dump(doc))
	}
	a, ok := answerOf(doc, indexOf(doc, corpus.Question, "Will the Council reopen"))
	if !ok || !contains(a.Text, "looking for a partner") || a.Speaker != "the Chair" {
		t.Errorf("reply %q by %q:%s", a.Text, a.Speaker, dump(doc))
	}
}

// TestRubricsAreNotQuestions: the sentence that introduces a record of
// questions and answers is neither.
func TestRubricsAreNotQuestions(t *testing.T) {
	doc := readMinutes(t, `Minutes:

The Panel asked questions, received answers and discussed the report as follows:

Q: Why had exclusions risen?
A: Most were in two schools, which had new headteachers.

Written questions had been received from members and were answered as follows.`)
	if i := indexOf(doc, corpus.Question, "asked questions"); i >= 0 {
		t.Errorf("rubric read as a question:%s", dump(doc))
	}
	if i := indexOf(doc, corpus.Answer, "answered as follows"); i >= 0 {
		t.Errorf("rubric read as an answer:%s", dump(doc))
	}
	if n := len(ofKind(doc, corpus.Question)); n != 1 {
		t.Errorf("%d questions, want the one set out:%s", n, dump(doc))
	}
}

// TestRepliesThatAreNotAnswers: a member responding to a presentation, a
// backbencher answering another's concerns in debate, and a report
// "responding to the concerns raised in the consultation" answer no
// question.
func TestRepliesThatAreNotAnswers(t *testing.T) {
	doc := readMinutes(t, `Minutes:

Present: Councillor Ward (Chair), Councillors Moss and Tran.

Councillor Moss asked whether the scheme would be extended. The Director said that it would.

Councillor Tran responded to the Director's presentation by saying that the results were encouraging.

Councillor Moss, responding to concerns raised by Councillor Tran, said that the funding was secure.

The revised policy was approved, while responding to the concerns raised in the consultation.`)
	if as := ofKind(doc, corpus.Answer); len(as) != 1 {
		t.Errorf("%d answers, want only the Director's:%s", len(as), dump(doc))
	}
	if qs := ofKind(doc, corpus.Question); len(qs) != 1 {
		t.Errorf("%d questions, want only Councillor Moss's:%s", len(qs), dump(doc))
	}
}

// TestAnswerEndsAtNewPoint: an answer runs on over its speaker's sentences
// but not over a point the meeting or another speaker makes in the same
// paragraph.
func TestAnswerEndsAtNewPoint(t *testing.T) {
	doc := readMinutes(t, `Minutes:

Councillor Shah asked whether extra funding was available. It was explained that it was not. The grant had ended in March. It was noted that the next report would come in June. Members welcomed the candour of officers.`)
	a, ok := answerOf(doc, indexOf(doc, corpus.Question, "asked whether extra funding"))
	if !ok || !contains(a.Text, "The grant had ended in March") || contains(a.Text, "next report") || contains(a.Text, "welcomed") {
		t.Errorf("answer %q:%s", a.Text, dump(doc))
	}
}

// TestMoreWaysOfAnswering: "gave that assurance", "and was advised that",
// "in answer to Councillor X", and questions in response to a group's
// questions answered in the same sentence.
func TestMoreWaysOfAnswering(t *testing.T) {
	doc := readMinutes(t, `Minutes:

Councillor Boyd sought assurance that visits would continue. The Director gave that assurance.

Councillor Vance queried the cost of the new hub and was advised that it was £1.2 million.

The Head of Finance confirmed, in answer to Councillor Rahim, that the budget had been set.

In response to Members' questions, it was confirmed that the hub would open in May.

Councillor Ito wondered whether the hub would open at weekends.`)
	pairs := []struct{ question, asker, answer string }{
		{"sought assurance that visits", "Councillor Boyd", "gave that assurance"},
		{"queried the cost of the new hub", "Councillor Vance", "£1.2 million"},
		{"in answer to Councillor Rahim", "Councillor Rahim", "the budget had been set"},
		{"In response to Members' questions", "unknown", "open in May"},
	}
	for _, p := range pairs {
		qi := indexOf(doc, corpus.Question, p.question)
		if qi < 0 {
			t.Errorf("no question %q:%s", p.question, dump(doc))
			continue
		}
		a, ok := answerOf(doc, qi)
		if doc.Findings[qi].Speaker != p.asker || !ok || !contains(a.Text, p.answer) {
			t.Errorf("question %q by %q, answer %q; want %q and %q:%s", p.question, doc.Findings[qi].Speaker, a.Text, p.asker, p.answer, dump(doc))
		}
	}
	if qi := indexOf(doc, corpus.Question, "wondered whether the hub"); qi < 0 || doc.Findings[qi].Speaker != "Councillor Ito" {
		t.Errorf("'wondered whether' not read as a question:%s", dump(doc))
	}
}

// TestUnansweredAndIntroducedQuestions: "No response was given" leaves a
// question unanswered; a public question introduced by "asked the Cabinet
// Member for ...:" is the asker's, in the quotation after it.
func TestUnansweredAndIntroducedQuestions(t *testing.T) {
	doc := readMinutes(t, `Minutes:

A Member asked what support was offered to young carers. No response was given at the meeting.

(a) Mr Idris Khan asked the Cabinet Member for Children's Services:
“Will the holiday activities programme run again this summer?”
Councillor Lowry, Cabinet Member for Children's Services, replied:
“Yes, at forty venues across the borough.”`)
	if qi := indexOf(doc, corpus.Question, "young carers"); qi < 0 {
		t.Fatalf("no question:%s", dump(doc))
	} else if a, ok := answerOf(doc, qi); ok {
		t.Errorf("an unanswered question answered by %q", a.Text)
	}
	qi := indexOf(doc, corpus.Question, "Will the holiday activities programme run")
	if qi < 0 || doc.Findings[qi].Speaker != "Mr Idris Khan" {
		t.Fatalf("public question:%s", dump(doc))
	}
	if a, ok := answerOf(doc, qi); !ok || !contains(a.Text, "forty venues") || a.Speaker != "Councillor Lowry" {
		t.Errorf("reply %q by %q:%s", a.Text, a.Speaker, dump(doc))
	}
}
