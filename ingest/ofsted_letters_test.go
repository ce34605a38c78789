package ingest_test

import (
	"path/filepath"
	"strings"
	"testing"

	"scrutiny/corpus"
	"scrutiny/internal/testkit"
)

// letterWant is what a focused-visit letter says must improve, counted by
// reading each letter: its "What needs to improve" bullets and its areas
// for priority action, with one entry's opening words as a sample.
type letterWant struct {
	improve, priority int
	sample            string
}

var focusedVisits = map[string]letterWant{
	"2733698_westmorland-and-furness_2026-01-12.pdf": {3, 0, "The quality and consistency of pathway plans. (Outcome 4, national framework)"},
	"80436_bracknell-forest_2021-08-16.pdf":          {1, 0, "The effectiveness of interventions when working with parents who are resistant to change."},
	"80447_cheshire-east_2021-12-08.pdf":             {3, 0, "The completion of audit recommendations to further improve experiences for children."},
	"80460_derbyshire_2018-03-22.pdf":                {3, 0, "Independent chairing of conferences and reviews does not consistently focus participants on the risks of harm to children or ensure that plans help parents and carers to understand what needs to change."},
	"80462_doncaster_2021-04-09.pdf":                 {4, 0, "Visits to care leavers and management’s oversight of the support provided to them."},
	"80464_dudley_2020-11-27.pdf":                    {6, 2, "prioritising the swifter progression of plans for children where long-term fostering, adoption, special guardianship or reunification will secure the best permanent homes for them."},
	"80488_bexley_2025-03-14.pdf":                    {1, 0, "The timeliness of responses to children who are subject to repeat child protection plans and subject to pre-proceedings processes."},
	"80525_newcastle-upon-tyne_2023-10-25.pdf":       {1, 0, "Work with partners to improve their understanding of thresholds, consent and the quality of information shared in contacts."},
	"80549_sandwell_2021-05-10.pdf":                  {6, 0, "Access to mental health services for care leavers."},
	"80562_stockport_2024-02-28.pdf":                 {4, 0, "The quality of supervision so that this is reflective, challenging and child-focused, with clear timescales for actions that are consistently reviewed to ensure completion."},
	"80582_wokingham_2022-05-20.pdf":                 {5, 0, "Supervision and management oversight, so that delays are challenged and assessment and planning for children improves."},
	"80584_worcestershire_2021-08-23.pdf":            {3, 0, "Timeliness of referrals from, and joint management of strategy meetings with, police."},
}

func checkLetter(t *testing.T, path string, want letterWant) {
	doc := readOfsted(t, path)
	if doc.Inspection == nil || doc.Inspection.Type != "focused_visit" {
		t.Fatalf("inspection facts %+v, want type focused_visit", doc.Inspection)
	}
	improve, priority, sampled := 0, 0, false
	for _, f := range doc.Findings {
		switch f.Kind {
		case corpus.Judgement:
			if !f.Previous {
				t.Errorf("current judgement %s %s by %s in a focused visit: %q", f.Area, f.Grade, f.Rule, f.Text)
			}
		case corpus.Recommendation:
			if f.Source != corpus.SourceOfsted || f.Page < 1 || f.Rule == "" {
				t.Errorf("recommendation without its provenance: source %q page %d rule %q", f.Source, f.Page, f.Rule)
			}
			if got := strings.Join(strings.Fields(doc.Text[f.Start:f.End]), " "); !strings.HasPrefix(f.Text, got[:min(len(got), 20)]) {
				t.Errorf("recommendation text %q does not start where its offsets do (%q)", f.Text, got)
			}
			if f.Rule == "recommendation.priority-action" {
				priority++
			} else {
				improve++
			}
			sampled = sampled || f.Text == want.sample
		}
	}
	if improve != want.improve || priority != want.priority {
		t.Errorf("got %d what-needs-to-improve and %d priority-action recommendations, want %d and %d", improve, priority, want.improve, want.priority)
	}
	if !sampled {
		t.Errorf("no recommendation reads %q", want.sample)
	}
}

// TestFocusedVisitLettersTestdata reads the letters kept in testdata.
func TestFocusedVisitLettersTestdata(t *testing.T) {
	dir := testkit.Testdata(t, "ofsted", "focused-visits")
	files := pdfsIn(t, dir)
	if len(files) < 4 {
		t.Fatalf("found %d letters in %s, want at least 4", len(files), dir)
	}
	for _, name := range files {
		t.Run(name, func(t *testing.T) { checkLetter(t, filepath.Join(dir, name), focusedVisits[name]) })
	}
}

// TestFocusedVisitLettersSharedCorpus reads all 12 letters of the shared
// corpus.
func TestFocusedVisitLettersSharedCorpus(t *testing.T) {
	dir := testkit.SharedCorpus(t, "ofsted", "focused-visits")
	files := pdfsIn(t, dir)
	if len(files) != len(focusedVisits) {
		t.Fatalf("found %d letters, want %d", len(files), len(focusedVisits))
	}
	for _, name := range files {
		want, ok := focusedVisits[name]
		if !ok {
			t.Errorf("%s: no expected counts", name)
			continue
		}
		t.Run(name, func(t *testing.T) { checkLetter(t, filepath.Join(dir, name), want) })
	}
}
