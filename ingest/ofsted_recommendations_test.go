package ingest_test

import (
	"path/filepath"
	"strings"
	"testing"

	"scrutiny/corpus"
	"scrutiny/internal/testkit"
)

// reportRecommendations is the number of recommendations in each of the 40
// development reports, counted by reading them: the bullets of "What needs
// to improve", the SIF's numbered recommendations (with those to the
// LSCB), and the early SIF's priority actions and areas for improvement.
var reportRecommendations = map[string]int{
	"80426_barnsley_2023-10-27.pdf":                     4,
	"80427_bath-and-north-east-somerset_2022-04-19.pdf": 3,
	"80430_blackburn-with-darwen_2017-12-08.pdf":        12, // 9, and 3 to the LSCB
	"80448_cheshire-west-and-chester_2019-05-08.pdf":    4,
	"80449_bradford_2026-05-21.pdf":                     5,
	"80451_wakefield_2018-07-17.pdf":                    12,
	"80453_york_2017-02-07.pdf":                         10,
	"80455_isles-of-scilly_2016-06-27.pdf":              12, // 6, and 6 to the LSCB
	"80461_devon_2020-03-17.pdf":                        8,
	"80462_doncaster_2015-11-27.pdf":                    29, // 20, and 9 to the LSCB
	"80465_durham_2025-05-13.pdf":                       2,
	"80469_gateshead_2019-06-11.pdf":                    4,
	"80475_hertfordshire_2015-11-27.pdf":                12, // 9, and 3 to the LSCB
	"80479_knowsley_2021-12-03.pdf":                     5,
	"80484_lincolnshire_2015-01-06.pdf":                 18, // 1 priority action, 14 areas for improvement, 3 to the LSCB
	"80485_liverpool_2023-05-25.pdf":                    11,
	"80489_brent_2023-04-11.pdf":                        4,
	"80492_croydon_2017-09-04.pdf":                      26, // 21, and 5 to the LSCB
	"80497_hammersmith-and-fulham_2016-03-29.pdf":       11, // 6, and 5 to the LSCB
	"80512_redbridge_2019-06-11.pdf":                    1,
	"80522_medway_2023-09-11.pdf":                       4,
	"80524_milton-keynes_2016-11-25.pdf":                17, // 13, and 4 to the LSCB
	"80524_milton-keynes_2021-12-17.pdf":                8,
	"80530_north-yorkshire_2018-08-06.pdf":              4,
	"80541_redcar-and-cleveland_2026-01-28.pdf":         3,
	"80545_kingston-upon-thames_2019-12-19.pdf":         2,
	"80551_sheffield_2023-11-03.pdf":                    4,
	"80555_somerset_2018-01-29.pdf":                     13,
	"80557_south-tyneside_2026-08-04.pdf":               3,
	"80560_st-helens_2019-11-04.pdf":                    8,
	"80564_stoke-on-trent_2019-03-18.pdf":               15,
	"80567_surrey_2025-05-09.pdf":                       3,
	"80570_telford-wrekin_2016-08-26.pdf":               16, // 11, and 5 to the LSCB
	"80571_thurrock_2016-05-24.pdf":                     18, // 16, and 2 to the LSCB
	"80573_trafford_2026-08-03.pdf":                     9,
	"80574_walsall_2021-11-26.pdf":                      4,
	"80576_warwickshire_2022-02-01.pdf":                 4,
	"80576_warwickshire_2025-10-14.pdf":                 4,
	"80578_west-sussex_2019-05-08.pdf":                  12,
	"80579_wigan_2025-11-26.pdf":                        3,
}

// TestOfstedRecommendationsSharedCorpus counts the recommendations of all
// 40 reports of the shared corpus, each its own finding of the
// inspectorate with a page, a rule and its text where its offsets are.
func TestOfstedRecommendationsSharedCorpus(t *testing.T) {
	dir := testkit.SharedCorpus(t, "ofsted", "ilacs")
	files := pdfsIn(t, dir)
	if len(files) != len(reportRecommendations) {
		t.Fatalf("found %d reports, want %d", len(files), len(reportRecommendations))
	}
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			want, ok := reportRecommendations[name]
			if !ok {
				t.Fatalf("no expected count for %s", name)
			}
			doc := readOfsted(t, filepath.Join(dir, name))
			var recs []corpus.Finding
			for _, f := range doc.Findings {
				if f.Kind == corpus.Recommendation {
					recs = append(recs, f)
				}
			}
			if len(recs) != want {
				for _, r := range recs {
					t.Logf("p%d %s: %.90s", r.Page, r.Rule, r.Text)
				}
				t.Errorf("%d recommendations, want %d", len(recs), want)
			}
			for _, r := range recs {
				if r.Source != corpus.SourceOfsted || r.Page < 1 || r.Rule == "" || r.Text == "" {
					t.Errorf("recommendation without provenance: source %q, page %d, rule %q: %q", r.Source, r.Page, r.Rule, r.Text)
				}
				if got := strings.Join(strings.Fields(doc.Text[r.Start:r.End]), " "); !strings.HasPrefix(r.Text, got[:min(len(got), 20)]) {
					t.Errorf("recommendation %q does not start where its offsets do (%q)", r.Text, got)
				}
			}
		})
	}
}

// TestOfstedRecommendationTexts checks recommendations of each era as the
// reports print them, joined across lines and pages, with their rule and
// page.
func TestOfstedRecommendationTexts(t *testing.T) {
	for _, c := range []struct {
		folder, file, rule, text string
		page                     int
	}{
		{"ilacs", "80451_wakefield_2018-07-17.pdf", "recommendation.what-needs-to-improve",
			"managers’ oversight of the quality and impact of practice in all children’s cases, including effective supervision of all staff", 2},
		{"ilacs", "80453_york_2017-02-07.pdf", "recommendation.sif",
			"Improve the timeliness and quality of assessments for all children to ensure that their needs are fully understood. In particular, ensure that robust risk assessments, which explore whole family histories are undertaken to inform plans fully, and that the additional vulnerabilities of children who have a disability are recognised and understood.", 8},
		{"ilacs", "80484_lincolnshire_2015-01-06.pdf", "recommendation.priority-action",
			"Cease the use of bed and breakfast accommodation for homeless 16 and 17 year-olds and young people leaving care, and ensure that there is suitable accommodation for all care leavers.", 4},
		{"ilacs", "80484_lincolnshire_2015-01-06.pdf", "recommendation.sif",
			"Ensure that social work reports are made available to families sufficiently in advance of child protection conferences and that all key reports are available prior to children’s looked after review meetings.", 6},
		{"ilacs", "80484_lincolnshire_2015-01-06.pdf", "recommendation.lscb",
			"Ensure that the views of children and young people play an increasing role in the work of the Board and in any service developments that it oversees.", 43},
		{"ilacs", "80465_durham_2025-05-13.pdf", "recommendation.what-needs-to-improve",
			"Contingency planning in child-in-need and child protection plans so that families and professionals understand the action needed to ensure the child’s safety. (Enabler 3)", 2},
		// "post-\n16": a hyphen at a line's end keeps its word whole.
		{"focused-visits", "80464_dudley_2020-11-27.pdf", "recommendation.what-needs-to-improve",
			"The quality and impact of education for children in care at key stage 4, and post-16 qualifications and attainment.", 0},
	} {
		path := testkit.Testdata(t, "ofsted", c.folder, c.file)
		doc := readOfsted(t, path)
		found := false
		for _, r := range doc.Findings {
			if r.Kind == corpus.Recommendation && r.Text == c.text {
				found = true
				if r.Rule != c.rule || c.page > 0 && r.Page != c.page {
					t.Errorf("%s: %.40q: rule %s page %d, want %s page %d", c.file, c.text, r.Rule, r.Page, c.rule, c.page)
				}
			}
		}
		if !found {
			t.Errorf("%s: no recommendation %q", c.file, c.text)
		}
	}
}
