package classify

import (
	"context"
	"os"
	"strings"
	"testing"

	"scrutiny/corpus"
	"scrutiny/extract"
	"scrutiny/internal/testkit"
)

// readFile extracts and classifies a file as ingest would.
func readFile(t *testing.T, path string) *corpus.Document {
	t.Helper()
	format, _ := extract.FormatOf(path)
	if format == corpus.PDF {
		// The counts are for Poppler's text.
		testkit.NeedTool(t, "pdftotext", "apt-get install poppler-utils")
	}
	doc, ok := readCorpusFile(t, path)
	if !ok {
		t.Fatalf("extract %s: no text", path)
	}
	return doc
}

// readCorpusFile extracts and classifies a file; false when the file has
// no text to classify.
func readCorpusFile(t *testing.T, path string) (*corpus.Document, bool) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	format, _ := extract.FormatOf(path)
	tx, err := extract.Extract(context.Background(), path, format, data, extract.Options{})
	if err != nil {
		t.Logf("extract %s: %v", path, err)
		return nil, false
	}
	doc := &corpus.Document{Path: path, Text: tx.Body, Pages: tx.Pages, Title: tx.Title, Format: format}
	doc.Items = extract.Items(doc.Text, doc.Pages)
	Classify(doc)
	return doc, true
}

// pair is a question and the answer that should be linked to it, each
// named by a piece of its text; an empty answer means none is recorded.
type pair struct{ question, asker, answer, answerer string }

func checkPairs(t *testing.T, doc *corpus.Document, pairs []pair) {
	t.Helper()
	for _, p := range pairs {
		qi := indexOf(doc, corpus.Question, p.question)
		if qi < 0 {
			t.Errorf("no question holding %q", p.question)
			continue
		}
		q := doc.Findings[qi]
		if q.Speaker != p.asker {
			t.Errorf("question %q: asker %q, want %q", p.question, q.Speaker, p.asker)
		}
		a, ok := answerOf(doc, qi)
		switch {
		case p.answer == "" && ok:
			t.Errorf("question %q should be unanswered, got %q", p.question, a.Text)
		case p.answer != "" && !ok:
			t.Errorf("question %q has no answer, want one holding %q", p.question, p.answer)
		case p.answer != "" && (!strings.Contains(a.Text, p.answer) || a.Speaker != p.answerer):
			t.Errorf("question %q answered by %q with %q, want %q with %q", p.question, a.Speaker, clip(a.Text), p.answerer, p.answer)
		}
	}
}

func clip(s string) string {
	if len(s) > 100 {
		return s[:100] + "..."
	}
	return s
}

// TestKentCouncilQuestions checks the exchanges of a full council meeting,
// counted by reading the minutes: the Labour group leader questions the
// Leader twice in his response to the Leader's report; the Leader responds
// to the group leaders' points, and to his first question by name; his
// question about the pothole blitz has no recorded answer.
func TestKentCouncilQuestions(t *testing.T) {
	doc := readFile(t, testkit.Testdata(t, "minutes", "kent_county_council_minutes_2025-03-13.pdf"))
	if n := len(ofKind(doc, corpus.Question)); n != 2 {
		t.Errorf("%d questions, want 2:%s", n, dump(doc))
	}
	if n := len(ofKind(doc, corpus.Answer)); n != 2 {
		t.Errorf("%d answers, want 2:%s", n, dump(doc))
	}
	checkPairs(t, doc, []pair{
		{"Mr Brady questioned what invest to save programs", "Mr Brady", "Council had managed to stay afloat", "the Leader"},
		{"questioned when it would happen", "Mr Brady", "", ""},
	})
	if i := indexOf(doc, corpus.Answer, "responded to some of the points"); i < 0 || doc.Findings[i].AnswerTo != -1 {
		t.Errorf("the response to the group leaders' points answers no one question:%s", dump(doc))
	}
	if i := indexOf(doc, corpus.Question, "he questioned why people were treated differently"); i >= 0 {
		t.Errorf("a question put at the Scrutiny Committee read as this meeting's")
	}
	if m := doc.Meeting; m == nil || m.Committee != "County Council" || m.Date != "2025-03-13" || len(m.Attendees) < 60 {
		t.Errorf("meeting facts %+v", m)
	}
}

// TestLimerickWrittenQuestions checks the written questions of a district
// meeting, counted by reading the minutes: questions 8 to 37, thirty in
// all, each with a reply; two questions put in the meeting and answered by
// engineers; and members' query of the legality of a decision, answered
// in the reply to the motion it was raised on.
func TestLimerickWrittenQuestions(t *testing.T) {
	doc := readFile(t, testkit.Testdata(t, "minutes", "limerick_metropolitan_district_minutes_2024-10-21.md"))
	written, spoken := 0, 0
	for _, f := range ofKind(doc, corpus.Question) {
		if f.Rule == "question.written" {
			written++
		} else {
			spoken++
		}
	}
	if written != 30 || spoken != 3 {
		t.Errorf("%d written and %d spoken questions, want 30 and 3:%s", written, spoken, dump(doc))
	}
	answered := 0
	for i, f := range doc.Findings {
		if f.Kind == corpus.Question {
			if _, ok := answerOf(doc, i); ok {
				answered++
			}
		}
	}
	if n := len(ofKind(doc, corpus.Answer)); n != 33 || answered != 33 {
		t.Errorf("%d answers, %d questions answered; want 33 and 33", n, answered)
	}
	checkPairs(t, doc, []pair{
		{"progress report/starting date for the South Circular Road", "Councillor S. Hartigan", "is in the final stages of detail design", "unknown"},
		{"Will licences be issued to all parties discharging to Loughmore Canal", "Councillor F. Kilcoyne", "Surface water discharges are not subject", "unknown"},
		{"what the projected Per Cent for Art Budget is", "Councillor M. Donoghue", "The Per Cent for Art scheme is a government initiative", "unknown"},
		{"In reply to Members concerns regarding E-Scooters", "unknown", "the Bike Scheme in Castletroy is separate", "the A/Senior Executive Engineer, Travel and Transport Strategy"},
		{"In reply to a query from Members", "unknown", "would link in with colleagues in Active Travel", "the Senior Executive Engineer, Regeneration – Economic, Social and Physical"},
	})
	// A reply to a notice of motion answers no question.
	if i := indexOf(doc, corpus.Answer, "bus shelter structures"); i >= 0 {
		t.Errorf("the reply to a motion read as an answer: %s", clip(doc.Findings[i].Text))
	}
}
