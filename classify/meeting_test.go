package classify

import (
	"strings"
	"testing"

	"scrutiny/corpus"
)

func TestMeetingFacts(t *testing.T) {
	text := `NORTHSHIRE COUNTY COUNCIL

CHILDREN'S SERVICES SCRUTINY COMMITTEE

MINUTES of a meeting of the Children's Services Scrutiny Committee held at County Hall on Tuesday, 4th February 2025.

PRESENT: Councillor J Bloggs (Chair), Councillor A Khan (Vice-Chair), Councillors P Jones,
R Smith and T O'Neill

IN ATTENDANCE: Mrs K Hale (Director of Children's Services), Mr D Price (Head of Safeguarding)
and Ms L Ward (Democratic Services Officer)

Apologies for absence were received from Councillor M Gray.

1. Declarations of Interest

None.`
	m := meetingFacts(&corpus.Document{Text: text})
	if m == nil {
		t.Fatal("no meeting facts")
	}
	if m.Committee != "Children's Services Scrutiny Committee" {
		t.Errorf("committee %q", m.Committee)
	}
	if m.Date != "2025-02-04" {
		t.Errorf("date %q", m.Date)
	}
	want := []corpus.Attendee{
		{Name: "Councillor J Bloggs", Position: "Chair", Role: corpus.Chair},
		{Name: "Councillor A Khan", Position: "Vice-Chair", Role: corpus.Chair},
		{Name: "Councillor P Jones", Role: corpus.Member},
		{Name: "Councillor R Smith", Role: corpus.Member},
		{Name: "Councillor T O'Neill", Role: corpus.Member},
		{Name: "Mrs K Hale", Position: "Director of Children's Services", Role: corpus.Officer},
		{Name: "Mr D Price", Position: "Head of Safeguarding", Role: corpus.Officer},
		{Name: "Ms L Ward", Position: "Democratic Services Officer", Role: corpus.Officer},
	}
	if len(m.Attendees) != len(want) {
		t.Fatalf("attendees %+v, want %d", m.Attendees, len(want))
	}
	for i, a := range m.Attendees {
		if a != want[i] {
			t.Errorf("attendee %d = %+v, want %+v", i, a, want[i])
		}
	}
}

func TestAttendanceWithOfficesFirst(t *testing.T) {
	as := attendance(`OFFICIALS IN ATTENDANCE:

Director of Service, Environment and Climate Action (Mr. K. Lane), Financial

Accountant (Ms. P. Moore), Senior Engineers (Mr. M. Rich and Mr. L. Brown)

Apologies were received.`)
	want := []string{"Mr. K. Lane", "Ms. P. Moore", "Mr. M. Rich", "Mr. L. Brown"}
	if len(as) != len(want) {
		t.Fatalf("attendees %+v", as)
	}
	for i, a := range as {
		if a.Name != want[i] || a.Role != corpus.Officer {
			t.Errorf("attendee %d = %+v, want %s, an officer", i, a, want[i])
		}
	}
	if as[1].Position != "Financial Accountant" {
		t.Errorf("position %q, want the office across the line break", as[1].Position)
	}
}

func TestFindDate(t *testing.T) {
	tests := map[string]string{
		"held on Thursday, 13 March 2025 at 10am": "2025-03-13",
		"MONDAY, 21ST OCTOBER, 2024 at 9.45":      "2024-10-21",
		"Tuesday, October 28, 2025":               "2025-10-28",
		"meeting on 10/02/2026":                   "2026-02-10",
		"on 31 June 2025":                         "",
		"no date here":                            "",
	}
	for in, want := range tests {
		if got, _ := findDate(in); got != want {
			t.Errorf("findDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMeetingDate: the date of the meeting, not of the previous meeting
// whose minutes it confirms nor of the next one; a ModernGov page gives it
// after "Meeting:".
func TestMeetingDate(t *testing.T) {
	filler := strings.Repeat("The Board received apologies and declarations. ", 8)
	tests := map[string]string{
		"Minutes of the Scrutiny Board Tuesday 12 March 2024 at 6.00pm " + filler +
			"Resolved that the minutes of the meeting held on 16 January 2024 are confirmed as a correct record.": "2024-03-12",
		"Minutes Children's Scrutiny Committee Wednesday, 17th January, 2024 6.00 pm " + filler +
			"The minutes (copies of which had been circulated) of the meeting held on 29 November 2023 were approved.": "2024-01-17",
		"Agenda item Local Area SEND Inspection Meeting: 26/06/2024 - Children's Committee (Item 6.) Minutes: " + filler +
			"Further to Minute 4 of the meeting held on 27 March 2024, the Committee received a report.": "2024-06-26",
		"Minutes of the meeting held on Thursday 18 April 2024 at 4pm. " + filler + " Date of next meeting: Thursday 18 July 2024.": "2024-04-18",
	}
	for in, want := range tests {
		if got := meetingDate(in); got != want {
			t.Errorf("meetingDate(%q...) = %q, want %q", in[:60], got, want)
		}
	}
}
