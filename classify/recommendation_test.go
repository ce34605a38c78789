package classify

import (
	"testing"

	"scrutiny/corpus"
)

func TestOfstedRecommendationList(t *testing.T) {
	doc := readAs(t, corpus.CouncilReport, `Report to the Children and Young People Scrutiny Committee

2.1 Ofsted identified the following areas for improvement:

• The quality of return home interviews, including:
  - their timeliness
  - how the information is used
• Management oversight of decisions to step down to early help.
• Placement stability for older children in care.

2.2 The service has already begun work on each of these.`)
	recs := ofKind(doc, corpus.Recommendation)
	if len(recs) != 3 {
		t.Fatalf("%d recommendations, want 3:%s", len(recs), dump(doc))
	}
	for _, r := range recs {
		if r.Source != corpus.SourceOfsted {
			t.Errorf("%q: source %s, want ofsted", r.Text, r.Source)
		}
	}
	if !contains(recs[0].Text, "how the information is used") {
		t.Errorf("sub-entries should belong to their entry: %q", recs[0].Text)
	}
}

func TestReportRecommendations(t *testing.T) {
	doc := readAs(t, corpus.CouncilReport, `Fostering Allowances 2025/26

Report of the Director of Children's Services

Recommendations

It is recommended that:

(a) Cabinet approves the increase in fostering allowances set out in Appendix 1;
(b) Cabinet notes the cost of £1.2 million in 2025/26;
(c) the Director of Children's Services be given delegated authority to make minor changes.

1. Background

1.1 The allowances were last increased in 2023.`)
	recs := ofKind(doc, corpus.Recommendation)
	if len(recs) != 3 {
		t.Fatalf("%d recommendations, want 3:%s", len(recs), dump(doc))
	}
	for _, r := range recs {
		if r.Source != corpus.SourceReport {
			t.Errorf("%q: source %s, want report", r.Text, r.Source)
		}
	}
}

func TestRecommendationSentences(t *testing.T) {
	doc := readAs(t, corpus.OtherDoc, `Inspectors found that leaders know their services well.
In order to improve, the council should strengthen the oversight of children missing from education.
The quality of supervision needs to improve.
Councillor Dean said the council should improve its website.
If the service had more staff it could improve faster.
Senior leaders hope to achieve a good judgement at the next inspection.`)
	recs := ofKind(doc, corpus.Recommendation)
	if len(recs) != 2 {
		t.Fatalf("%d recommendations, want 2:%s", len(recs), dump(doc))
	}
	if !contains(recs[0].Text, "should strengthen the oversight") || !contains(recs[1].Text, "supervision needs to improve") {
		t.Errorf("recommendations:%s", dump(doc))
	}
}

func TestNoRecommendationsWithoutInspection(t *testing.T) {
	// "should improve" in text about no inspection is nobody's finding.
	doc := readAs(t, corpus.OtherDoc, `The footpath on Mill Lane should improve access to the station.
Parking needs improvement near the school.`)
	if recs := ofKind(doc, corpus.Recommendation); len(recs) != 0 {
		t.Errorf("recommendations in text about no inspection:%s", dump(doc))
	}
}

func TestStrengths(t *testing.T) {
	doc := readAs(t, corpus.CouncilReport, `Ofsted's letter

The inspection identified strengths in the front door, where decisions are timely and well recorded.
Councillor Ray praised the strengths of the service.
Inspectors found that not all strengths were sustained.`)
	ss := ofKind(doc, corpus.Strength)
	if len(ss) != 1 || !contains(ss[0].Text, "front door") {
		t.Errorf("strengths:%s", dump(doc))
	}
}

func TestRecommendationsUnderNumberedSection(t *testing.T) {
	doc := readAs(t, corpus.CouncilReport, `CABINET REPORT

Home to School Transport Policy

2. Recommendations

2.1 That Cabinet:

(a) approves the revised Home to School Transport Policy at Appendix A;
(b) notes the results of the consultation; and
(c) delegates authority to the Director of Education to make minor amendments.

3. Background

3.1 The policy was last reviewed in 2019.`)
	recs := ofKind(doc, corpus.Recommendation)
	if len(recs) != 3 || !contains(recs[1].Text, "notes the results") {
		t.Errorf("want the three lettered entries:%s", dump(doc))
	}
	if DetectType(doc.Text) != corpus.CouncilReport {
		t.Errorf("type %s, want council_report", DetectType(doc.Text))
	}
}

// TestRecommendationsWithOpeningWords: a report's "Recommendation(s):"
// with "That the Executive:" before its list; a conclusion restating the
// recommendations adds none.
func TestRecommendationsWithOpeningWords(t *testing.T) {
	doc := readAs(t, corpus.CouncilReport, `Report to the Executive

Recommendation(s):
That the Executive:
    1. notes the outcome of the Ofsted inspection of the Council's children's services;
    2. approves the action plan at Appendix B.

Conclusion

The Executive is asked to note the outcome and approve the action plan.`)
	recs := ofKind(doc, corpus.Recommendation)
	if len(recs) != 2 {
		t.Fatalf("%d recommendations, want 2:%s", len(recs), dump(doc))
	}
	for _, r := range recs {
		if r.Source != corpus.SourceReport {
			t.Errorf("%q: source %s, want report", r.Text, r.Source)
		}
	}
}

// TestMinutesQuoteReportRecommendations: minutes that set out what a
// report recommended to the committee record its recommendations; the
// areas an officer says Ofsted identified are Ofsted's.
func TestMinutesQuoteReportRecommendations(t *testing.T) {
	doc := readMinutes(t, `Minutes:

The Committee considered a report on the Ofsted focused visit in March. The report recommended:
That the Committee
    (a) notes the findings of the visit;
    (b) agrees to receive the action plan in July.

The Director advised that Ofsted had identified two areas:

• the timeliness of strategy meetings;
• the recording of management decisions.

RESOLVED that the findings of the visit be noted.`)
	want := map[string]corpus.Source{
		"notes the findings of the visit":       corpus.SourceReport,
		"agrees to receive the action plan":     corpus.SourceReport,
		"the timeliness of strategy meetings":   corpus.SourceOfsted,
		"the recording of management decisions": corpus.SourceOfsted,
	}
	recs := ofKind(doc, corpus.Recommendation)
	if len(recs) != len(want) {
		t.Fatalf("%d recommendations, want %d:%s", len(recs), len(want), dump(doc))
	}
	for text, src := range want {
		i := indexOf(doc, corpus.Recommendation, text)
		if i < 0 || doc.Findings[i].Source != src {
			t.Errorf("%q: want a recommendation from %s:%s", text, src, dump(doc))
		}
	}
}

// TestItemHeadingIsNoListIntro: an item headed "Improvement Priorities"
// over its own numbered paragraphs (6.1, 6.2) announces no list of
// recommendations.
func TestItemHeadingIsNoListIntro(t *testing.T) {
	doc := readMinutes(t, `Minutes of a meeting of the Scrutiny Committee held on 21 February 2024

5. Apologies for Absence
5.1 There were none.

6. Ofsted Inspection Outcome and Improvement Priorities
6.1 The Committee received the report on the Ofsted inspection.
6.2 The Director introduced the report.`)
	if recs := ofKind(doc, corpus.Recommendation); len(recs) != 0 {
		t.Errorf("numbered paragraphs read as recommendations:%s", dump(doc))
	}
}
