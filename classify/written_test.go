package classify

import (
	"testing"

	"scrutiny/corpus"
)

// writtenPair is a written question expected with its asker, and its reply
// with who gave it.
type writtenPair struct{ question, asker, answer, answerer string }

func checkWritten(t *testing.T, doc *corpus.Document, want []writtenPair) {
	t.Helper()
	if n := len(ofKind(doc, corpus.Question)); n != len(want) {
		t.Errorf("%d questions, want %d:%s", n, len(want), dump(doc))
	}
	for _, w := range want {
		qi := indexOf(doc, corpus.Question, w.question)
		if qi < 0 {
			t.Errorf("no question %q:%s", w.question, dump(doc))
			continue
		}
		a, ok := answerOf(doc, qi)
		if doc.Findings[qi].Speaker != w.asker || !ok || !contains(a.Text, w.answer) || !sameSpeaker(a.Speaker, w.answerer) {
			t.Errorf("question %q by %q, answered by %q with %q; want %q, %q with %q", w.question, doc.Findings[qi].Speaker, a.Speaker, a.Text, w.asker, w.answerer, w.answer)
		}
	}
}

// TestWrittenQuestionLayouts reads the ways councils set out written
// questions: a numbered question with "From" and "To" lines and labels
// standing alone above their words, supplementaries under labels of their
// own; a question "by" a councillor "of" a cabinet member with "Reply"
// run into the text (as PDFs print it); and headings that only name the
// asker and the replier, in capitals.
func TestWrittenQuestionLayouts(t *testing.T) {
	t.Run("from and to", func(t *testing.T) {
		doc := readMinutes(t, `Questions from Councillors

Question (7/24)

From Councillor Amir Hussain
To Councillor Jane Ellis, Cabinet Member for Children's Services

Question:

How many foster carers were approved in 2023?

Response:

Thirty-one households were approved, against twenty-six the year before.

Supplementary question:

Will the Cabinet Member set a target for next year?

Supplementary response:

The Cabinet Member said that a target of forty would be set.`)
		checkWritten(t, doc, []writtenPair{
			{"How many foster carers were approved", "Councillor Amir Hussain", "Thirty-one households", "Councillor Jane Ellis"},
			{"Will the Cabinet Member set a target", "Councillor Amir Hussain", "a target of forty", "the Cabinet Member"},
		})
	})
	t.Run("by and of, run together", func(t *testing.T) {
		doc := readMinutes(t, `4. Written questions
1. By Councillor Grey of the Cabinet Member for Education
“How many pupils are educated at home?”
Reply
“At the end of March, 840 pupils were educated at home.”
2. By Councillor Pike of the Cabinet Member for Education
“What is the waiting time for an assessment?”
Reply
“The average wait is fourteen weeks.”`)
		checkWritten(t, doc, []writtenPair{
			{"How many pupils are educated at home", "Councillor Grey", "840 pupils", "the Cabinet Member for Education"},
			{"What is the waiting time", "Councillor Pike", "fourteen weeks", "the Cabinet Member for Education"},
		})
	})
	t.Run("name headings", func(t *testing.T) {
		doc := readMinutes(t, `Questions with Notice

1. COUNCILLOR MARY STONE

How many children were placed outside the county last year?

COUNCILLOR PAUL REID, CABINET MEMBER FOR CHILDREN AND FAMILIES

One hundred and twelve, most of them within twenty miles of home.`)
		checkWritten(t, doc, []writtenPair{
			{"How many children were placed outside", "Councillor Mary Stone", "One hundred and twelve", "Councillor Paul Reid"},
		})
	})
	t.Run("public question and response from", func(t *testing.T) {
		doc := readMinutes(t, `Public Question Time

Question from Ms Ada Brooks
Why has the toddler group at the library closed?
Response from the Cabinet Member for Communities
The group has moved to the community centre, where it meets on Tuesdays.`)
		checkWritten(t, doc, []writtenPair{
			{"Why has the toddler group", "Ms Ada Brooks", "moved to the community centre", "the Cabinet Member for Communities"},
		})
	})
}

// TestQuestionsLabelledWithSpeakers reads "Q (Councillor X):" and "A
// (Director of Y):" labels.
func TestQuestionsLabelledWithSpeakers(t *testing.T) {
	doc := readMinutes(t, `Minutes:

Q (Councillor Lin): How many social workers had left in the year?
A (Director of Children's Services): Twenty-two, most of them to agencies.

Q: Was the vacancy rate falling?
A: It had fallen to 12%.`)
	checkWritten(t, doc, []writtenPair{
		{"How many social workers had left", "Councillor Lin", "Twenty-two", "the Director of Children's Services"},
		{"Was the vacancy rate falling", "unknown", "fallen to 12%", "unknown"},
	})
}

// TestQuestionTable reads questions and responses set out in a table, one
// row each.
func TestQuestionTable(t *testing.T) {
	doc := readMinutes(t, "Portfolio Holder Question Time\n\n"+
		"\tMember\tQuestion\tResponse\n"+
		"\tCouncillor Nia Bell\tHow many children's centres are open?\tThe Portfolio Holder said that nine were open.\n"+
		"\tCouncillor Ravi Shah\tWhen will the new centre open?\tThe Director of Education explained that it would open in May.\n\n"+
		"The Chair thanked the Portfolio Holder.\n")
	checkWritten(t, doc, []writtenPair{
		{"How many children's centres are open", "Councillor Nia Bell", "nine were open", "the Portfolio Holder"},
		{"When will the new centre open", "Councillor Ravi Shah", "open in May", "the Director of Education"},
	})
}
