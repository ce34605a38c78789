package extract

import (
	"context"
	"scrutiny/internal/testkit"
	"strings"
	"testing"
)

func TestOfstedSections(t *testing.T) {
	text := "Inspection of Barchester local authority\nchildren’s services\nInspection dates: 11 to 15 September 2023\n\n" +
		"Lead inspector: A Example, His Majesty’s Inspector\n\n\n" +
		" Judgement                                  Grade\n\n" +
		" The experiences and progress of            Requires improvement to be good\n children who need help and protection\n\n" +
		" Overall effectiveness                      Good\n\n" +
		"Following the last inspection in 2018, services improved.\n\n" +
		"What needs to improve?1\n\n◼ The quality of referrals.\n\n" +
		"The experiences and progress of children who need help and\nprotection: requires improvement to be good\n" +
		"1.     Not all children receive a good service.\n\n" +
		"The experiences and progress of children in care and\ncare leavers are good. This sentence is prose.\n\n" +
		"The impact of leaders on social work practice with children and families: good\n\n" +
		"2.     Leaders know their services well.\n\f" +
		"Information about this inspection\n\nInspectors evaluated the experiences of children.\n"
	items := Items(text, onePage(text))
	var titles []string
	for _, it := range items {
		titles = append(titles, it.Title)
	}
	want := []string{
		"Inspection of Barchester local authority children’s services",
		"What needs to improve?",
		"The experiences and progress of children who need help and protection: requires improvement to be good",
		"The impact of leaders on social work practice with children and families: good",
		"Information about this inspection",
	}
	if strings.Join(titles, "|") != strings.Join(want, "|") {
		t.Errorf("got sections\n%q\nwant\n%q", titles, want)
	}
	for i := 1; i < len(items); i++ {
		if items[i].Start != items[i-1].End {
			t.Errorf("sections %d and %d do not meet", i, i+1)
		}
	}
}

// Minutes that quote a report's headings are split as minutes, not as a
// report.
func TestMinutesQuotingReportAreNotSections(t *testing.T) {
	text := "Agenda item\n\nOfsted inspection\n\nMinutes:\n\nThe Director said the lead inspector found:\n\n" +
		"What needs to improve?\n\nThe timeliness of assessments.\n\nRecommendations\n\nThat the report be noted.\n\nSupporting documents:\n"
	items := Items(text, onePage(text))
	if len(items) != 1 || items[0].Title != "Ofsted inspection" {
		t.Errorf("got %d items (%q), want the one agenda item", len(items), items[0].Title)
	}
}

func TestOfstedSectionsOfRealReports(t *testing.T) {
	testkit.NeedTool(t, "pdftotext", "apt-get install poppler-utils")
	for name, want := range map[string][]string{
		"ofsted/ilacs/80426_barnsley_2023-10-27.pdf": {"Inspection of Barnsley local authority children’s services", "What needs to improve?",
			"The experiences and progress of children who need help and protection: requires improvement to be good",
			"The experiences and progress of children in care: good", "The experiences and progress of care leavers: good",
			"The impact of leaders on social work practice with children and families: good"},
		"ofsted/focused-visits/80488_bexley_2025-03-14.pdf": {"Focused visit to London Borough of Bexley children’s services",
			"Headline findings", "What needs to improve in this area of social work practice?", "Main findings"},
	} {
		got, err := Extract(context.Background(), name, "pdf", readTestdata(t, strings.Split(name, "/")...), Options{})
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, it := range Items(got.Body, got.Pages) {
			titles = append(titles, it.Title)
		}
		if strings.Join(titles, "|") != strings.Join(want, "|") {
			t.Errorf("%s: got sections\n%q\nwant\n%q", name, titles, want)
		}
	}
}
