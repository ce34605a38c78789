package ingest_test

import (
	"testing"

	"scrutiny/corpus"
	"scrutiny/internal/testkit"
)

// reportWant is what a careful reading of a report in testdata finds
// besides its grades: its facts, how many entries its lists of what must
// improve hold (by rule), grades an earlier inspection gave, and how many
// strengths it lists under a heading of its own.
type reportWant struct {
	facts     corpus.InspectionFacts
	authority string
	urn       string
	recs      map[string]int
	previous  []corpus.Finding // area, grade and inspection of each earlier grade
	listed    int              // strengths listed under a heading
}

var reports = map[string]reportWant{
	"ilacs/80426_barnsley_2023-10-27.pdf": {
		facts:     corpus.InspectionFacts{Type: "ilacs_short", Framework: corpus.ILACS, StartDate: "2023-09-11", EndDate: "2023-09-15", LeadInspector: "Anna Gravelle"},
		authority: "Barnsley", urn: "80426",
		recs:     map[string]int{"recommendation.what-needs-to-improve": 4},
		previous: []corpus.Finding{{Area: corpus.OverallEffectiveness, Grade: corpus.Good, Inspection: corpus.ILACS}},
	},
	"ilacs/80451_wakefield_2018-07-17.pdf": {
		facts:     corpus.InspectionFacts{Type: "ilacs_standard", Framework: corpus.ILACS, StartDate: "2018-06-04", EndDate: "2018-06-15", LeadInspector: "Neil Penswick"},
		authority: "Wakefield", urn: "80451",
		recs:     map[string]int{"recommendation.what-needs-to-improve": 12},
		previous: []corpus.Finding{{Area: corpus.OverallEffectiveness, Grade: corpus.RequiresImprovement, Inspection: corpus.SIF}},
	},
	"ilacs/80453_york_2017-02-07.pdf": {
		facts:     corpus.InspectionFacts{Type: "sif", Framework: corpus.SIF, StartDate: "2016-11-14", EndDate: "2016-12-08", PublishedDate: "2017-02-07", LeadInspector: "Tracey Metcalfe"},
		authority: "York", urn: "80453",
		recs: map[string]int{"recommendation.sif": 10},
	},
	"ilacs/80461_devon_2020-03-17.pdf": {
		facts:     corpus.InspectionFacts{Type: "ilacs_standard", Framework: corpus.ILACS, StartDate: "2020-01-20", EndDate: "2020-01-31", LeadInspector: "Steve Lowe"},
		authority: "Devon", urn: "80461",
		recs: map[string]int{"recommendation.what-needs-to-improve": 8},
		// "The service to care leavers was inadequate at the point of the
		// last inspection in 2015."
		previous: []corpus.Finding{{Area: corpus.CareLeavers, Grade: corpus.Inadequate, Inspection: corpus.SIF}},
	},
	"ilacs/80449_bradford_2026-05-21.pdf": {
		facts:     corpus.InspectionFacts{Type: "ilacs_standard", Framework: corpus.ILACS, StartDate: "2026-01-12", EndDate: "2026-01-23", LeadInspector: "Catherine Heron"},
		authority: "Bradford", urn: "80449",
		recs: map[string]int{"recommendation.what-needs-to-improve": 5},
	},
	"ilacs/80465_durham_2025-05-13.pdf": {
		facts:     corpus.InspectionFacts{Type: "ilacs_short", Framework: corpus.ILACS, StartDate: "2025-03-24", EndDate: "2025-03-28", LeadInspector: "Ceri Evans"},
		authority: "Durham", urn: "80465",
		recs: map[string]int{"recommendation.what-needs-to-improve": 2},
	},
	"ilacs/80484_lincolnshire_2015-01-06.pdf": {
		facts:     corpus.InspectionFacts{Type: "sif", Framework: corpus.SIF, StartDate: "2014-10-22", EndDate: "2014-11-12", PublishedDate: "2015-01-06", LeadInspector: "Fiona Millns"},
		authority: "Lincolnshire", urn: "80484",
		recs:   map[string]int{"recommendation.priority-action": 1, "recommendation.sif": 14, "recommendation.lscb": 3},
		listed: 12,
	},
	"ilacs/80573_trafford_2026-08-03.pdf": {
		facts:     corpus.InspectionFacts{Type: "ilacs_2026", Framework: corpus.ILACS, StartDate: "2026-06-08", EndDate: "2026-06-19", LeadInspector: "Leanne Cooper"},
		authority: "Trafford", urn: "80573",
		recs:     map[string]int{"recommendation.what-needs-to-improve": 9},
		previous: []corpus.Finding{{Area: corpus.OverallEffectiveness, Grade: corpus.RequiresImprovement, Inspection: corpus.ILACS}},
	},
	"focused-visits/80488_bexley_2025-03-14.pdf": {
		facts:     corpus.InspectionFacts{Type: "focused_visit", Framework: corpus.FocusedVisit, StartDate: "2025-02-13", EndDate: "2025-02-14", PublishedDate: "2025-03-14", LeadInspector: "Naintara Khosla"},
		authority: "Bexley", urn: "80488",
		recs:     map[string]int{"recommendation.what-needs-to-improve": 1},
		previous: []corpus.Finding{{Area: corpus.OverallEffectiveness, Grade: corpus.Outstanding, Inspection: corpus.ILACS}},
	},
	"focused-visits/80525_newcastle-upon-tyne_2023-10-25.pdf": {
		facts:     corpus.InspectionFacts{Type: "focused_visit", Framework: corpus.FocusedVisit, StartDate: "2023-09-20", EndDate: "2023-09-21", PublishedDate: "2023-10-25", LeadInspector: "Louise Walker"},
		authority: "Newcastle upon Tyne", urn: "80525",
		recs: map[string]int{"recommendation.what-needs-to-improve": 1},
	},
	"focused-visits/80464_dudley_2020-11-27.pdf": {
		facts:     corpus.InspectionFacts{Type: "focused_visit", Framework: corpus.FocusedVisit, StartDate: "2020-10-13", EndDate: "2020-10-13", PublishedDate: "2020-11-27", LeadInspector: "John Roughton"},
		authority: "Dudley", urn: "80464",
		recs: map[string]int{"recommendation.what-needs-to-improve": 6, "recommendation.priority-action": 2},
	},
}

func TestOfstedReportFacts(t *testing.T) {
	for name, want := range reports {
		t.Run(name, func(t *testing.T) {
			doc := readOfsted(t, testkit.Testdata(t, "ofsted", name))
			if doc.Inspection == nil {
				t.Fatal("no inspection facts")
			}
			if *doc.Inspection != want.facts {
				t.Errorf("facts:\n got %+v\nwant %+v", *doc.Inspection, want.facts)
			}
			if doc.Authority != want.authority || doc.AuthorityURN != want.urn {
				t.Errorf("authority: got %q (%s), want %q (%s)", doc.Authority, doc.AuthorityURN, want.authority, want.urn)
			}
			recs := map[string]int{}
			var previous []corpus.Finding
			listed := 0
			for _, f := range doc.Findings {
				switch {
				case f.Kind == corpus.Recommendation:
					recs[f.Rule]++
				case f.Kind == corpus.Judgement && f.Previous:
					previous = append(previous, f)
				case f.Kind == corpus.Strength && f.Rule == "strength.list":
					listed++
				}
			}
			for rule, n := range want.recs {
				if recs[rule] != n {
					t.Errorf("%s: got %d, want %d", rule, recs[rule], n)
				}
			}
			for rule, n := range recs {
				if _, ok := want.recs[rule]; !ok {
					t.Errorf("%s: got %d, want none", rule, n)
				}
			}
			if len(previous) != len(want.previous) {
				t.Errorf("got %d previous judgements, want %d: %+v", len(previous), len(want.previous), previous)
			}
			for i := range min(len(previous), len(want.previous)) {
				g, w := previous[i], want.previous[i]
				if g.Area != w.Area || g.Grade != w.Grade || g.Inspection != w.Inspection {
					t.Errorf("previous judgement %d: got %s %s %s (%q), want %s %s %s", i, g.Area, g.Grade, g.Inspection, g.Text, w.Area, w.Grade, w.Inspection)
				}
			}
			if listed != want.listed {
				t.Errorf("got %d listed strengths, want %d", listed, want.listed)
			}
		})
	}
}
