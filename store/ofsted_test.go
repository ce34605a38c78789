package store_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"scrutiny/corpus"
	"scrutiny/internal/testkit"
)

// TestAuthoritiesTableIsTheReferenceList checks that the authorities table
// the migration fills holds the same list the classifier matches against.
func TestAuthoritiesTableIsTheReferenceList(t *testing.T) {
	db := testkit.OpenDB(t)
	want := corpus.Authorities()
	var n int
	if err := db.SQL().QueryRow(`SELECT count(*) FROM authorities`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != len(want) {
		t.Fatalf("authorities has %d rows, the reference list %d", n, len(want))
	}
	for _, a := range want {
		var name, ons, region string
		err := db.SQL().QueryRow(`SELECT name, ons_code, region FROM authorities WHERE urn = ?`, a.URN).Scan(&name, &ons, &region)
		if err != nil {
			t.Fatalf("authority %s (%s): %v", a.URN, a.Name, err)
		}
		if name != a.Name || ons != a.ONS || region != a.Region {
			t.Errorf("authority %s: got %q %q %q, want %q %q %q", a.URN, name, ons, region, a.Name, a.ONS, a.Region)
		}
	}
}

// ofstedDoc is an ILACS report with a judgement table of two areas, a
// grade an earlier inspection gave, and one recommendation.
func ofstedDoc() *corpus.Document {
	text := "Inspection of Barnsley local authority children’s services\n" +
		"Overall effectiveness   Good\nThe impact of leaders   Good\n" +
		"Since the last inspection in 2018, when services were judged inadequate, much has changed.\f" +
		"What needs to improve?\n◼ The quality of plans.\n"
	at := func(s string) (int, int) { i := strings.Index(text, s); return i, i + len(s) }
	ov, ove := at("Overall effectiveness   Good")
	il, ile := at("The impact of leaders   Good")
	pv, pve := at("Since the last inspection in 2018, when services were judged inadequate, much has changed.")
	rc, rce := at("The quality of plans.")
	page2 := strings.Index(text, "\f") + 1
	return &corpus.Document{
		Path: "barnsley.pdf", AbsPath: "/tmp/barnsley.pdf", SHA256: "bb", Size: int64(len(text)),
		ModTime: time.Unix(1700000000, 0), Format: corpus.PDF, Extractor: "test", Text: text,
		Pages:     []corpus.Page{{Number: 1, Start: 0, End: page2 - 1}, {Number: 2, Start: page2, End: len(text)}},
		Type:      corpus.OfstedReport,
		Authority: "Barnsley", AuthorityURN: "80426",
		Inspection: &corpus.InspectionFacts{Type: "ilacs_short", Framework: corpus.ILACS,
			StartDate: "2023-09-11", EndDate: "2023-09-15", LeadInspector: "Anna Gravelle"},
		Findings: []corpus.Finding{
			{Kind: corpus.Judgement, Start: ov, End: ove, Page: 1, Area: corpus.OverallEffectiveness, Grade: corpus.Good, Inspection: corpus.ILACS, Rule: "judgement.table", AnswerTo: -1},
			{Kind: corpus.Judgement, Start: il, End: ile, Page: 1, Area: corpus.ImpactOfLeaders, Grade: corpus.Good, Inspection: corpus.ILACS, Rule: "judgement.table", AnswerTo: -1},
			{Kind: corpus.Judgement, Start: pv, End: pve, Page: 1, Area: corpus.OverallEffectiveness, Grade: corpus.Inadequate, Inspection: corpus.ILACS, Previous: true, Rule: "judgement.previous-service", AnswerTo: -1},
			{Kind: corpus.Recommendation, Start: rc, End: rce, Page: 2, Source: corpus.SourceOfsted, Rule: "recommendation.what-needs-to-improve", AnswerTo: -1},
		},
	}
}

func TestInspectionGradesView(t *testing.T) {
	db := testkit.OpenDB(t)
	ctx := context.Background()
	doc := ofstedDoc()
	if _, err := db.PutDocument(ctx, doc, 0, v); err != nil {
		t.Fatal(err)
	}
	var (
		authority, urn, ons, region, typ, start, lead string
		overall, leaders, help                        sql.NullString
		judgements, page, recs                        int
	)
	err := db.SQL().QueryRowContext(ctx, `SELECT authority, urn, ons_code, region, type, start_date, lead_inspector,
		overall_effectiveness, impact_of_leaders, help_and_protection, judgements, grades_page, recommendations
		FROM inspection_grades`).Scan(&authority, &urn, &ons, &region, &typ, &start, &lead,
		&overall, &leaders, &help, &judgements, &page, &recs)
	if err != nil {
		t.Fatal(err)
	}
	if authority != "Barnsley" || urn != "80426" || ons != "E08000038" || region != "Yorkshire and the Humber" {
		t.Errorf("authority: got %q %q %q %q", authority, urn, ons, region)
	}
	if typ != "ilacs_short" || start != "2023-09-11" || lead != "Anna Gravelle" {
		t.Errorf("facts: got %q %q %q", typ, start, lead)
	}
	// The previous inspection's inadequate is not the current overall grade.
	if overall.String != "good" || leaders.String != "good" || help.Valid {
		t.Errorf("grades: overall %v, leaders %v, help and protection %v; want good, good, NULL", overall, leaders, help)
	}
	if judgements != 2 || page != 1 || recs != 1 {
		t.Errorf("got %d judgements on page %d and %d recommendations, want 2, 1, 1", judgements, page, recs)
	}
}
