package classify

import (
	"testing"

	"scrutiny/corpus"
)

// TestUntitledSpeakers: officers, co-opted members and police officers
// named without a councillor's title are speakers: beside their office,
// opening a sentence before a verb of speaking, by rank, or because the
// attendance list names them.
func TestUntitledSpeakers(t *testing.T) {
	doc := readMinutes(t, `MINUTES of a meeting of the Families Scrutiny Panel held on 3 June 2024.

Present: Councillor Okafor (Chair), Councillors Lee and Patel.

Co-opted Members: Priya Desai (Parent Governor), Sam Oduya (Youth Council).

Minutes:

Councillor Lee asked how many referrals the hub had received. Tom Fairweather, Head of Early Help, explained that there had been 2,300 in the year.

Priya Desai asked whether schools could refer directly. Tom Fairweather confirmed that they could.

Following a question from Sam Oduya, the Chair agreed that young people would see the new leaflet first.

Councillor Patel queried the police's response times. Inspector Marlow responded that most calls were attended within an hour.

Councillor Lee sought assurance on staffing. The service director said that two posts had been filled.`)
	pairs := []struct{ question, asker, answer, answerer string }{
		{"asked how many referrals", "Councillor Lee", "2,300 in the year", "Tom Fairweather"},
		{"asked whether schools could refer", "Priya Desai", "they could", "Tom Fairweather"},
		{"Following a question from Sam Oduya", "Sam Oduya", "young people would see", "the Chair"},
		{"queried the police's response times", "Councillor Patel", "within an hour", "Inspector Marlow"},
		{"sought assurance on staffing", "Councillor Lee", "two posts had been filled", "the service director"},
	}
	for _, p := range pairs {
		qi := indexOf(doc, corpus.Question, p.question)
		if qi < 0 {
			t.Errorf("no question %q:%s", p.question, dump(doc))
			continue
		}
		a, ok := answerOf(doc, qi)
		if got := doc.Findings[qi].Speaker; got != p.asker || !ok || !contains(a.Text, p.answer) || a.Speaker != p.answerer {
			t.Errorf("question %q by %q, answered by %q with %q; want %q, %q with %q", p.question, got, a.Speaker, a.Text, p.asker, p.answerer, p.answer)
		}
	}
}

// TestSpeakersByInitials: an attendance table that gives each person's
// initials lets the minutes name speakers by them.
func TestSpeakersByInitials(t *testing.T) {
	doc := readMinutes(t, `Minutes of the Corporate Parenting Board

Attendance
Name                     Role                            Initials
Cllr Rosa Martin         Chair                           RM
Cllr Ben Adeyemi         Member                          BA
Karen Holt               Head of Fostering               KH

1. Fostering update

BA asked why fewer households had been approved this year. KH explained that assessments had been delayed by vacancies.

The Board noted the update.`)
	qi := indexOf(doc, corpus.Question, "BA asked why fewer households")
	if qi < 0 {
		t.Fatalf("no question:%s", dump(doc))
	}
	a, ok := answerOf(doc, qi)
	if doc.Findings[qi].Speaker != "BA" || !ok || a.Speaker != "KH" {
		t.Errorf("asked by %q, answered by %q (%v); want BA and KH:%s", doc.Findings[qi].Speaker, a.Speaker, ok, dump(doc))
	}
	// Initials the attendance list does not give are not speakers.
	if ms := newKnownNames(nil, "Attendance\nCllr Rosa Martin   Chair   XY\n").mentions("XY asked whether", nil); len(ms) != 0 {
		t.Errorf("initials that match no name read as a speaker: %+v", ms)
	}
}

// TestNotAName: capitalised words that open a sentence are not a name
// unless a verb of speaking follows and no word names a body.
func TestNotAName(t *testing.T) {
	for _, s := range []string{
		"Children's Services confirmed that the plan was on track.",
		"Kent Police explained that patrols had increased.",
		"The Director explained the figures.",
		"Early Help teams were reorganised in March.",
	} {
		for _, m := range untitledNames(s, findMentions(s)) {
			t.Errorf("%q: %q read as a person", s, m.text)
		}
	}
	if ms := untitledNames("Grace Lowe asked whether the hub was open.", nil); len(ms) != 1 || ms[0].text != "Grace Lowe" {
		t.Errorf("a name opening a question not read: %+v", ms)
	}
}
