package classify

import (
	"testing"

	"scrutiny/corpus"
)

func TestResolutions(t *testing.T) {
	tests := []struct {
		text    string
		outcome corpus.Outcome // "" when the text holds no resolution
	}{
		{"RESOLVED – That the report be noted.", corpus.Noted},
		{"RESOLVED: That the minutes of the meeting held on 4 June 2024 be confirmed as a correct record and signed by the Chair.", corpus.Approved},
		{"Resolved that the item be deferred to the September meeting.", corpus.Deferred},
		{"RESOLVED that the application be refused for the reasons set out in the report.", corpus.Refused},
		{"RESOLVED that the Committee approves the revised fostering allowances.", corpus.Approved},
		{"RESOLVED that Cabinet agree to delegate authority to the Director of Finance.", corpus.Agreed},
		{"It was resolved unanimously that the Panel's work programme be updated.", corpus.Agreed},
		{"The Committee noted the report.", corpus.Noted},
		{"The Panel agreed to receive a further update in six months.", corpus.Agreed},
		{"The minutes of the meeting held on 12 March were approved as a correct record.", corpus.Approved},
		{"The recommendations were approved.", corpus.Approved},
		{"It was agreed to refer the matter to the Overview and Scrutiny Committee.", corpus.Agreed},
		{"The motion was proposed by Councillor Shah, seconded by Councillor Green and agreed.", corpus.Agreed},
		{"APPROVED – Revised terms of reference", corpus.Approved},
		{"To approve the minutes of the meeting held on 3 May 2023 as a correct record.", corpus.Approved},

		{"The Committee noted that the number of children in care had risen.", ""},
		{"It was noted that the service had recruited six social workers.", ""},
		{"Cabinet resolved on 3 May 2023 to commission a new provider.", ""},
		{"Members agreed that the consultation should be extended.", ""},
		{"The Committee received a report of the Corporate Director.", ""},
		{"The plan was approved by Cabinet in March.", ""},
		{"The Committee considered a report on the budget.", ""},
		{"The issue was resolved between the two services.", ""},
	}
	for _, tt := range tests {
		doc := readMinutes(t, "Minutes:\n\n"+tt.text+"\n")
		rs := ofKind(doc, corpus.Resolution)
		switch {
		case tt.outcome == "" && len(rs) > 0:
			t.Errorf("%q: read as a resolution (%s)", tt.text, rs[0].Rule)
		case tt.outcome != "" && len(rs) != 1:
			t.Errorf("%q: %d resolutions, want 1", tt.text, len(rs))
		case tt.outcome != "" && rs[0].Outcome != tt.outcome:
			t.Errorf("%q: outcome %s, want %s", tt.text, rs[0].Outcome, tt.outcome)
		}
	}
}

func TestResolutionList(t *testing.T) {
	doc := readMinutes(t, `Minutes:

5. RESOLVED that the Cabinet:

   (a) approves the Children's Services Improvement Plan; and
   (b) notes the cost of the additional posts.

6. The Leader thanked officers.`)
	// Each decision of the list is a resolution with its own outcome, and
	// the list stops before the next item.
	rs := ofKind(doc, corpus.Resolution)
	if len(rs) != 2 {
		t.Fatalf("%d resolutions, want 2:%s", len(rs), dump(doc))
	}
	want := []struct {
		text    string
		outcome corpus.Outcome
	}{{"approves the Children's Services Improvement Plan", corpus.Approved}, {"notes the cost of the additional posts", corpus.Noted}}
	for i, w := range want {
		if !contains(rs[i].Text, w.text) || contains(rs[i].Text, "thanked") || rs[i].Outcome != w.outcome {
			t.Errorf("resolution %d: %q (%s), want %q (%s)", i, rs[i].Text, rs[i].Outcome, w.text, w.outcome)
		}
	}
}

// TestResolutionListTakesOpeningOutcome: an entry that states no outcome
// of its own is decided by the opening words; parts nested under an entry
// stay with it.
func TestResolutionListTakesOpeningOutcome(t *testing.T) {
	doc := readMinutes(t, `Minutes:

RESOLVED that the Panel approves:

(i) the revised terms of reference;
(ii) the calendar of meetings for 2025, subject to:
   - the March meeting moving to the 12th.
(iii) that a further report be deferred to the autumn.`)
	rs := ofKind(doc, corpus.Resolution)
	if len(rs) != 3 {
		t.Fatalf("%d resolutions, want 3:%s", len(rs), dump(doc))
	}
	for i, o := range []corpus.Outcome{corpus.Approved, corpus.Approved, corpus.Deferred} {
		if rs[i].Outcome != o {
			t.Errorf("resolution %d %q: outcome %s, want %s", i, rs[i].Text, rs[i].Outcome, o)
		}
	}
	if !contains(rs[1].Text, "moving to the 12th") {
		t.Errorf("the nested part should stay with its entry: %q", rs[1].Text)
	}
}

func TestMotionsAndVotes(t *testing.T) {
	doc := readMinutes(t, `Minutes:

R2024-101 A. Jones, B. Smith:
THAT the minutes of the meeting held May 2, 2024 be adopted as published. Carried.

R2024-102 B. Smith, A. Jones:
THAT the tender for winter maintenance be awarded to the lowest bidder. Defeated.

Councillor Grey proposed, and Councillor Hart seconded, that the Council place on record its thanks to the retiring Clerk.
Agreed unanimously.`)
	rs := ofKind(doc, corpus.Resolution)
	if len(rs) != 3 {
		t.Fatalf("%d resolutions, want 3:%s", len(rs), dump(doc))
	}
	want := []corpus.Outcome{corpus.Approved, corpus.Refused, corpus.Agreed}
	for i, r := range rs {
		if r.Outcome != want[i] {
			t.Errorf("resolution %d %q: outcome %s, want %s", i, r.Text, r.Outcome, want[i])
		}
	}
	if !contains(rs[2].Text, "place on record its thanks") {
		t.Errorf("an outcome alone should take in the motion before it: %q", rs[2].Text)
	}
}

func TestVoteBeforeResolution(t *testing.T) {
	// The vote on a motion, then the resolution it carried: one decision.
	doc := readMinutes(t, `Minutes:

1) Mr Hall proposed and Mrs Webb seconded the motion set out in the report.

2) Following the debate, the Chairman put the motion to the vote.

                                                      Motion carried.

3) RESOLVED that Council adopts the Local Plan.`)
	if rs := ofKind(doc, corpus.Resolution); len(rs) != 1 || !contains(rs[0].Text, "adopts the Local Plan") {
		t.Errorf("want only the formal resolution:%s", dump(doc))
	}
}

// TestDecisionsAsMinutesRecordThem: decisions listed under the body's
// name, the body named in full, the previous minutes confirmed or taken as
// read (with a remark in brackets), "Resolved" at the start of a line
// under a heading, a proposal lost before a formal resolution, and the
// outcomes of receiving, recommending and asking.
func TestDecisionsAsMinutesRecordThem(t *testing.T) {
	doc := readMinutes(t, `Minutes of a meeting of the Children's Scrutiny Panel - Schools held on 4 April 2024.

1 Minutes - Agenda Item 2
Resolved that the minutes of the meeting held on 4 March be confirmed as a correct record.

The minutes (copies of which had been circulated) of the meeting held on 2 February were taken as read and were confirmed.

The Children's Scrutiny Panel - Schools:

• Noted the attendance report.
• Agreed to receive a report on exclusions in the autumn.

The Children's Scrutiny Panel - Schools noted the update on admissions.

Councillor Frost proposed, and Councillor Bligh seconded, that the Panel ask for an extra £50,000. The proposal was lost.

RESOLVED – That the Panel:
(1) Recommends that the attendance strategy be adopted by Cabinet;
(2) Requests a briefing on home education.

The Panel discussed and agreed its work programme.

That the presentation be received.`)
	if doc.Meeting == nil || doc.Meeting.Committee != "Children's Scrutiny Panel - Schools" {
		t.Fatalf("meeting %+v", doc.Meeting)
	}
	want := []struct {
		text    string
		outcome corpus.Outcome
	}{
		{"be confirmed as a correct record", corpus.Approved},
		{"were taken as read and were confirmed", corpus.Approved},
		{"Noted the attendance report", corpus.Noted},
		{"Agreed to receive a report on exclusions", corpus.Agreed},
		{"noted the update on admissions", corpus.Noted},
		{"The proposal was lost", corpus.Refused},
		{"Recommends that the attendance strategy be adopted", corpus.Agreed},
		{"Requests a briefing on home education", corpus.Agreed},
		{"discussed and agreed its work programme", corpus.Agreed},
	}
	for _, w := range want {
		i := indexOf(doc, corpus.Resolution, w.text)
		if i < 0 {
			t.Errorf("no resolution %q:%s", w.text, dump(doc))
			continue
		}
		if doc.Findings[i].Outcome != w.outcome {
			t.Errorf("%q: outcome %s, want %s", w.text, doc.Findings[i].Outcome, w.outcome)
		}
	}
}

// TestOtherBodiesDecisions: a decision reported of another committee,
// named in full, is not this meeting's.
func TestOtherBodiesDecisions(t *testing.T) {
	doc := &corpus.Document{Text: "Minutes:\n\nThe Health and Wellbeing Board agreed the new strategy.\n\nThe Committee noted the report.\n"}
	doc.Pages = []corpus.Page{{Number: 1, Start: 0, End: len(doc.Text)}}
	doc.Type = corpus.Minutes
	doc.Meeting = &corpus.MeetingFacts{Committee: "Children and Young People Scrutiny Committee"}
	c := newDocContext(doc)
	resolutions(c)
	if len(doc.Findings) != 1 || !contains(doc.Findings[0].Text, "The Committee noted the report") {
		t.Errorf("resolutions:%s", dump(doc))
	}
}

// TestResolutionLayouts: a "Decision:" label above the resolution, the
// opening words on a line of their own before the list, and the record of
// the meeting agreed.
func TestResolutionLayouts(t *testing.T) {
	doc := readMinutes(t, `Minutes:

The record of the meeting held on 5 March was agreed and signed by the Chairperson as correct.

Decision:

RESOLVED (unanimously): That the Children and Families Committee

1. approve the delivery model set out in Appendix 1;
2. note that an update will follow in March 2025.

RESOLVED:

THAT the committee:
(a) notes the outcome of the inspection;
(b) asks the Director to present the improvement plan at the next meeting.`)
	want := []struct {
		text    string
		outcome corpus.Outcome
	}{
		{"The record of the meeting held on 5 March was agreed", corpus.Approved},
		{"approve the delivery model", corpus.Approved},
		{"note that an update will follow", corpus.Noted},
		{"notes the outcome of the inspection", corpus.Noted},
		{"asks the Director to present", corpus.Agreed},
	}
	rs := ofKind(doc, corpus.Resolution)
	if len(rs) != len(want) {
		t.Fatalf("%d resolutions, want %d:%s", len(rs), len(want), dump(doc))
	}
	for i, w := range want {
		if !contains(rs[i].Text, w.text) || rs[i].Outcome != w.outcome {
			t.Errorf("resolution %d: %q (%s), want %q (%s)", i, rs[i].Text, rs[i].Outcome, w.text, w.outcome)
		}
	}
}
