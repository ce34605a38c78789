package classify

import (
	"testing"

	"scrutiny/corpus"
)

// TestJudgementsSaidOfTheService reads grades as minutes report them, said
// of the service, the council or the authority by name, or as a noun.
func TestJudgementsSaidOfTheService(t *testing.T) {
	tests := []struct {
		sentence  string
		authority string
		want      []proseJudgement // area, grade, previous
	}{
		{"He reminded Members that the service had been judged inadequate in 2019 and remained under a direction.", "",
			[]proseJudgement{{area: corpus.OverallEffectiveness, grade: corpus.Inadequate}}},
		{"At the last full inspection in 2017 the council had been judged to require improvement to be good overall.", "",
			[]proseJudgement{{area: corpus.OverallEffectiveness, grade: corpus.RequiresImprovement, previous: true}}},
		{"Inspectors judged the authority's services outstanding in every area.", "",
			[]proseJudgement{{area: corpus.OverallEffectiveness, grade: corpus.Outstanding}}},
		{"The letter confirmed that Rutland had been judged good, with outstanding leadership.", "Rutland",
			[]proseJudgement{{area: corpus.OverallEffectiveness, grade: corpus.Good}, {area: corpus.ImpactOfLeaders, grade: corpus.Outstanding}}},
		{"Care leavers were judged good in 2024, an improvement on the inadequate judgement given in 2020.", "",
			[]proseJudgement{{area: corpus.CareLeavers, grade: corpus.Good}, {area: corpus.CareLeavers, grade: corpus.Inadequate, previous: true}}},
		{"The council had been judged good at its inspection in 2023, having been judged inadequate in 2016.", "",
			[]proseJudgement{{area: corpus.OverallEffectiveness, grade: corpus.Good}, {area: corpus.OverallEffectiveness, grade: corpus.Inadequate, previous: true}}},
		{"Rutland had also been judged good at the previous inspection.", "Rutland",
			[]proseJudgement{{area: corpus.OverallEffectiveness, grade: corpus.Good, previous: true}}},
		{"This was a decline from the good judgement the council had received in 2019.", "",
			[]proseJudgement{{area: corpus.OverallEffectiveness, grade: corpus.Good}}},
		// Grades no inspection gave this council.
		{"The Chair asked why help and protection had not been judged good.", "", nil},
		{"Inspections take place every three years for authorities previously judged good or outstanding.", "", nil},
		{"Councillor Ray said that the inadequate grade for help and protection was unfair on staff.", "", nil},
	}
	for _, tt := range tests {
		got := clauseJudgements(tt.sentence, sentenceJudgements(tt.sentence), tt.authority)
		if len(got) != len(tt.want) {
			t.Errorf("%q: %d judgements %+v, want %d", tt.sentence, len(got), got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			if got[i].area != w.area || got[i].grade != w.grade || got[i].previous != w.previous {
				t.Errorf("%q: judgement %d is %s/%s previous=%v, want %s/%s previous=%v", tt.sentence, i, got[i].area, got[i].grade, got[i].previous, w.area, w.grade, w.previous)
			}
		}
	}
}

// TestJudgementsInMinutes reads the grades of an item end to end: the
// areas reported one by one, "both" and "and of" joining two areas, and
// a question about a grade that gives none.
func TestJudgementsInMinutes(t *testing.T) {
	doc := readMinutes(t, `Minutes:

The Director reported that the experiences and progress of children in care and of care leavers had both been judged good, and that help and protection had been judged to require improvement to be good.

Councillor Mills asked whether the outstanding leadership grade would be kept.`)
	want := map[corpus.Area]corpus.Grade{corpus.ChildrenInCare: corpus.Good, corpus.CareLeavers: corpus.Good, corpus.HelpAndProtection: corpus.RequiresImprovement}
	js := ofKind(doc, corpus.Judgement)
	if len(js) != len(want) {
		t.Fatalf("%d judgements, want %d:%s", len(js), len(want), dump(doc))
	}
	for _, j := range js {
		if want[j.Area] != j.Grade {
			t.Errorf("judgement %s/%s not expected", j.Area, j.Grade)
		}
	}
}
