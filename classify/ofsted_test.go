package classify

import (
	"strings"
	"testing"

	"scrutiny/corpus"
)

// ofstedDoc builds a document from page texts as extraction gives them:
// pages joined by form feeds.
func ofstedDoc(pages ...string) *corpus.Document {
	doc := &corpus.Document{Path: "report.pdf"}
	var b strings.Builder
	for i, p := range pages {
		if i > 0 {
			b.WriteByte('\f')
		}
		start := b.Len()
		b.WriteString(p)
		doc.Pages = append(doc.Pages, corpus.Page{Number: i + 1, Start: start, End: b.Len()})
	}
	doc.Text = b.String()
	Classify(doc)
	return doc
}

func findings(doc *corpus.Document, k corpus.Kind) []corpus.Finding {
	var out []corpus.Finding
	for _, f := range doc.Findings {
		if f.Kind == k {
			out = append(out, f)
		}
	}
	return out
}

func current(doc *corpus.Document) map[corpus.Area]corpus.Grade {
	out := map[corpus.Area]corpus.Grade{}
	for _, f := range findings(doc, corpus.Judgement) {
		if !f.Previous {
			out[f.Area] = f.Grade
		}
	}
	return out
}

func checkGrades(t *testing.T, doc *corpus.Document, want map[corpus.Area]corpus.Grade) {
	t.Helper()
	got := current(doc)
	if len(got) != len(want) {
		t.Errorf("got %d current judgements %v, want %d %v", len(got), got, len(want), want)
	}
	for a, g := range want {
		if got[a] != g {
			t.Errorf("%s: got %q, want %q", a, got[a], g)
		}
	}
}

const ilacsHead = "Inspection of Anytown local authority\nchildren’s services\nInspection dates: 11 to 15 September 2023\n\nLead inspector: Ann Example, His Majesty’s Inspector\n\n"

// A table without blank lines between rows, a grade that wraps onto the
// next line, a grade on an area's second line, and a footnote mark.
func TestJudgementTableWrappedCells(t *testing.T) {
	doc := ofstedDoc(ilacsHead +
		" Judgement                                  Grade\n" +
		" The impact of leaders on social work       Requires improvement to be\n" +
		" practice with children and families        good\n" +
		" The experiences and progress of children\n" +
		" who need help and protection               Inadequate\n" +
		" The experiences and progress of            Good1\n" +
		" children in care and care leavers\n" +
		" Overall effectiveness                      Requires improvement to be good\n" +
		"\nServices for children in Anytown have declined since the last inspection, which took place in the spring of 2019.\n")
	if doc.Type != corpus.OfstedReport {
		t.Fatalf("type %s", doc.Type)
	}
	checkGrades(t, doc, map[corpus.Area]corpus.Grade{
		corpus.ImpactOfLeaders:              corpus.RequiresImprovement,
		corpus.HelpAndProtection:            corpus.Inadequate,
		corpus.ChildrenInCareAndCareLeavers: corpus.Good,
		corpus.OverallEffectiveness:         corpus.RequiresImprovement,
	})
	for _, f := range findings(doc, corpus.Judgement) {
		if f.Page != 1 || f.Rule != "judgement.table" || f.Inspection != corpus.ILACS {
			t.Errorf("judgement %s: page %d rule %s inspection %s", f.Area, f.Page, f.Rule, f.Inspection)
		}
	}
	if in := doc.Inspection; in == nil || in.Type != "ilacs_short" || in.StartDate != "2023-09-11" || in.LeadInspector != "Ann Example" {
		t.Errorf("facts %+v", doc.Inspection)
	}
}

// The header's "Grade" need not sit straight above the grades, and the
// 2026 layout grades no overall effectiveness.
func TestJudgementTableOffsetHeaderNoOverall(t *testing.T) {
	doc := ofstedDoc(strings.Replace(ilacsHead, "11 to 15 September 2023", "8 to 19 June 2026", 1) +
		" Judgement                                                Grade\n\n" +
		" The impact of leaders on social work        Good\n" +
		" practice with children and families\n\n" +
		" The experiences and progress of care        Outstanding\n" +
		" leavers\n\n" +
		"Since the previous inspection in 2022, when services in Anytown were judged as requires improvement to be good, leaders have acted.\n")
	checkGrades(t, doc, map[corpus.Area]corpus.Grade{
		corpus.ImpactOfLeaders: corpus.Good,
		corpus.CareLeavers:     corpus.Outstanding,
	})
	if doc.Inspection.Type != "ilacs_2026" {
		t.Errorf("type %q, want ilacs_2026", doc.Inspection.Type)
	}
	var prev []corpus.Finding
	for _, f := range findings(doc, corpus.Judgement) {
		if f.Previous {
			prev = append(prev, f)
		}
	}
	if len(prev) != 1 || prev[0].Area != corpus.OverallEffectiveness || prev[0].Grade != corpus.RequiresImprovement {
		t.Errorf("previous judgements %+v, want one: overall requires improvement", prev)
	}
}

// The SIF summary: the overall judgement in a sentence, numbered areas, a
// grade level with the middle of a wrapped area name, areas not judged,
// and the LSCB's grade, which is no area of children's services.
func TestSIFSummary(t *testing.T) {
	doc := ofstedDoc("Anytown Council\nInspection of services for children in need of help and\nprotection, children looked after and care leavers\n" +
		"Inspection date: 14 September – 8 October 2015\nReport published: 27 November 2015\n\n\n" +
		"Children’s services in Anytown require improvement to be good\n" +
		"1. Children who need help and protection                               Inadequate\n\n" +
		"2. Children looked after and achieving\n" +
		"                                                                       Requires improvement\n" +
		"   permanence\n\n" +
		"          2.1 Adoption performance                                     Not Judged\n\n" +
		"          2.2 Experiences and progress of care leavers                 Good\n\n" +
		"3. Leadership, management and governance                               Requires improvement\n\n" +
		"4. The effectiveness of the Local Safeguarding Children Board          Good\n\n" +
		"1\n  Ofsted produces this report under its power to combine reports in accordance with section 152 of the Act.\n")
	checkGrades(t, doc, map[corpus.Area]corpus.Grade{
		corpus.OverallEffectiveness:           corpus.RequiresImprovement,
		corpus.HelpAndProtection:              corpus.Inadequate,
		corpus.LookedAfterAndPermanence:       corpus.RequiresImprovement,
		corpus.CareLeavers:                    corpus.Good,
		corpus.LeadershipManagementGovernance: corpus.RequiresImprovement,
	})
	for _, f := range findings(doc, corpus.Judgement) {
		if f.Inspection != corpus.SIF {
			t.Errorf("%s: inspection %s, want sif", f.Area, f.Inspection)
		}
	}
	if in := doc.Inspection; in.Type != "sif" || in.StartDate != "2015-09-14" || in.EndDate != "2015-10-08" || in.PublishedDate != "2015-11-27" {
		t.Errorf("facts %+v", in)
	}
}

const letterHead = "Ofsted\nPiccadilly Gate\nManchester\n\n\n14 March 2025\n\nDear Ann,\n\nFocused visit to Anytown children’s services\n\n" +
	"This letter summarises the findings of the focused visit to Anytown children’s services on 13 and 14 February 2025. His Majesty’s Inspectors for this visit were Ann Example and Bo Other.\n\n" +
	"Headline findings\n\nSince the last inspection in 2020, when services were judged to be good, leaders have kept a strong focus on practice. Partnership working is a strength.\n\n"

// A letter grades nothing: the earlier inspection's grade is previous, and
// each bullet of what must improve is its own recommendation, wrapped
// lines, sub-bullets and a page break with a footnote joined.
func TestFocusedVisitLetter(t *testing.T) {
	doc := ofstedDoc(letterHead+
		"Area for priority action\n\nThe local authority needs to take swift action to address delay, including:\n\n"+
		"◼ timely application of the pre-proceedings stage of the Public Law Outline\n"+
		"◼ prioritising the progression of plans for children.\n\n"+
		"What needs to improve in this area of social work practice?1\n\n"+
		"\uf06e The quality of plans, including:\n"+
		"    − contingency planning\n"+
		"    − timescales.\n"+
		"\uf06e The consistency of management oversight of children who are\n"+
		"\n1\n  The areas for improvement have been cross-referenced with the national framework.",
		"  placed out of the area.\n\nMain findings\n\nMost children are seen promptly.\n\nYours sincerely\n\n\nAnn Example\nHis Majesty’s Inspector")
	if len(current(doc)) != 0 {
		t.Errorf("current judgements in a letter: %v", current(doc))
	}
	js := findings(doc, corpus.Judgement)
	if len(js) != 1 || !js[0].Previous || js[0].Area != corpus.OverallEffectiveness || js[0].Grade != corpus.Good {
		t.Errorf("judgements %+v, want one previous overall good", js)
	}
	want := []struct{ rule, text string }{
		{"recommendation.priority-action", "timely application of the pre-proceedings stage of the Public Law Outline"},
		{"recommendation.priority-action", "prioritising the progression of plans for children."},
		{"recommendation.what-needs-to-improve", "The quality of plans, including: − contingency planning − timescales."},
		{"recommendation.what-needs-to-improve", "The consistency of management oversight of children who are placed out of the area."},
	}
	recs := findings(doc, corpus.Recommendation)
	if len(recs) != len(want) {
		t.Fatalf("got %d recommendations %+v, want %d", len(recs), recs, len(want))
	}
	for i, w := range want {
		if recs[i].Rule != w.rule || recs[i].Text != w.text || recs[i].Source != corpus.SourceOfsted {
			t.Errorf("recommendation %d: got %s %q (source %s), want %s %q", i, recs[i].Rule, recs[i].Text, recs[i].Source, w.rule, w.text)
		}
	}
	if recs[3].Page != 1 || doc.Text[recs[3].End-len("area."):recs[3].End] != "area." {
		t.Errorf("the last recommendation should start on page 1 and end at its last word: page %d, ends %q", recs[3].Page, doc.Text[recs[3].Start:recs[3].End])
	}
	in := doc.Inspection
	if in.Type != "focused_visit" || in.StartDate != "2025-02-13" || in.EndDate != "2025-02-14" || in.PublishedDate != "2025-03-14" || in.LeadInspector != "Ann Example" {
		t.Errorf("facts %+v", in)
	}
	if ss := findings(doc, corpus.Strength); len(ss) != 1 || ss[0].Text != "Partnership working is a strength." {
		t.Errorf("strengths %+v", ss)
	}
}

// Numbered SIF recommendations run through topic subheadings and stop at
// the next section, whose paragraphs continue the numbering.
func TestSIFRecommendations(t *testing.T) {
	doc := ofstedDoc("Anytown Council\nInspection of services for children in need of help and protection\nInspection date: 7 November 2017 to 30 November 2017\n\n"+
		"Recommendations\n\nSocial work practice\n\n"+
		"1.    Improve the timeliness of assessments for all children, so that their\n      needs are understood.\n\n"+
		"2.    Ensure that plans are updated.\n\nCare leavers\n"+
		"3.    Ensure that care leavers know their health histories.",
		"Summary for children and young people\n\n4.    Children are listened to.\n")
	recs := findings(doc, corpus.Recommendation)
	if len(recs) != 3 {
		t.Fatalf("got %d recommendations %+v, want 3", len(recs), recs)
	}
	if recs[0].Text != "Improve the timeliness of assessments for all children, so that their needs are understood." || recs[0].Rule != "recommendation.sif" {
		t.Errorf("first: %s %q", recs[0].Rule, recs[0].Text)
	}
}

func TestParseDateRange(t *testing.T) {
	for _, c := range []struct{ in, start, end string }{
		{"4 June to 15 June 2018", "2018-06-04", "2018-06-15"},
		{"11 to 15 September 2023", "2023-09-11", "2023-09-15"},
		{"28 February to 4 March 2022", "2022-02-28", "2022-03-04"},
		{"14 September – 8 October 2015", "2015-09-14", "2015-10-08"},
		{"14 November 2016 – 8 December 2016", "2016-11-14", "2016-12-08"},
		{"13 and 14 February 2025", "2025-02-13", "2025-02-14"},
		{"28 December to 8 January 2021", "2020-12-28", "2021-01-08"},
		{"13 October 2020", "2020-10-13", "2020-10-13"},
		{"31 June 2020", "", ""},
		{"no date here", "", ""},
	} {
		s, e := parseDateRange(c.in)
		if s != c.start || e != c.end {
			t.Errorf("%q: got %s..%s, want %s..%s", c.in, s, e, c.start, c.end)
		}
	}
}

func TestStrengthSentences(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"Partnership working is a strength.", true},
		{"Multi-agency partnerships are a particular strength in York.", true},
		{"A particular strength is the offer of a specialist course.", true},
		{"It is a particular strength that the voices of children are heard.", true},
		{"This was an area for improvement and is now a notable strength.", true},
		{"Assessments are strengths-based and thorough.", false},
		{"Independent reviewing officers are an emerging strength.", false},
		{"Recording is not a strength.", false},
		{"The approachability of leaders is seen as a considerable strength by staff.", false},
		{"Leaders know the strengths and weaknesses of the service.", false},
	} {
		got := strengthRE.MatchString(c.s) && !notStrengthRE.MatchString(c.s)
		if got != c.want {
			t.Errorf("%q: got %v, want %v", c.s, got, c.want)
		}
	}
}

// A grade level with the middle of a tall cell comes before its area's
// name, and rows follow each other without blank lines.
func TestJudgementTableGradeAboveArea(t *testing.T) {
	doc := ofstedDoc(ilacsHead +
		" Judgement                                  Grade\n" +
		" The impact of leaders on social work       Good\n" +
		" practice with children and families\n" +
		"                                            Outstanding\n" +
		" The experiences and progress of children\n" +
		" who need help and protection\n" +
		" Overall effectiveness                      Good\n" +
		"\nServices for children in Anytown are good, and leaders know them well across the whole of the service.\n")
	checkGrades(t, doc, map[corpus.Area]corpus.Grade{
		corpus.ImpactOfLeaders:      corpus.Good,
		corpus.HelpAndProtection:    corpus.Outstanding,
		corpus.OverallEffectiveness: corpus.Good,
	})
}

// Without the table's columns (text extracted without layout), the grades
// the sections' headings restate stand in for it.
func TestSectionHeadingsStandInForTable(t *testing.T) {
	doc := ofstedDoc(ilacsHead +
		"Judgement Grade The impact of leaders on social work practice Good\n\n" +
		"What needs to improve?\n\n◼ The quality of plans.\n\n" +
		"The experiences and progress of children who need help and\nprotection: requires improvement to be good\n" +
		"1. Not all children receive a good service.\n\n" +
		"The experiences and progress of children in care and care\nleavers is inadequate\n\n" +
		"2. Children wait too long for permanence.\n")
	checkGrades(t, doc, map[corpus.Area]corpus.Grade{
		corpus.HelpAndProtection:            corpus.RequiresImprovement,
		corpus.ChildrenInCareAndCareLeavers: corpus.Inadequate,
	})
	for _, f := range findings(doc, corpus.Judgement) {
		if f.Rule != "judgement.section-heading" {
			t.Errorf("%s: rule %s", f.Area, f.Rule)
		}
	}
}
