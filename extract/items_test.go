package extract

import (
	"strings"
	"testing"
)

func TestModernGovItemPage(t *testing.T) {
	text := "Agenda item\n\nOfsted focused visit to Children's Services\n\nMinutes:\n\nThe Head of Service updated the Panel.\n\nSupporting documents:\n\nLetter.pdf\n"
	items := Items(text, onePage(text))
	if len(items) != 1 {
		t.Fatalf("got %d items, want 1", len(items))
	}
	it := items[0]
	if it.Title != "Ofsted focused visit to Children's Services" {
		t.Errorf("title %q", it.Title)
	}
	if strings.Contains(text[it.Start:it.End], "Letter.pdf") {
		t.Error("the item runs past \"Supporting documents:\"")
	}
}

func TestNumberedMinutes(t *testing.T) {
	text := "KENT COUNTY COUNCIL\n\nMINUTES of a meeting of the Cabinet.\n\nPRESENT: Mr R Gough (Chair)\n\n" +
		"84.   Apologies\n       (Item 1)\n\nApologies were received from Mr Love.\n\n" +
		"85.   Declarations of Interest\n       (Item 2)\n\nThere were none.\n\n" +
		"86.   Cabinet Member Updates\n       (Item 4)\n\n1) Mr Oakford said the budget was set.\n2) Mr Gough thanked officers.\n"
	items := Items(text, onePage(text))
	var titles []string
	for _, it := range items {
		titles = append(titles, it.Label+" "+it.Title)
	}
	want := []string{" KENT COUNTY COUNCIL", "84 Apologies", "85 Declarations of Interest", "86 Cabinet Member Updates"}
	if strings.Join(titles, "|") != strings.Join(want, "|") {
		t.Fatalf("got items %q, want %q", titles, want)
	}
	if !items[1].Procedural || !items[2].Procedural || items[3].Procedural {
		t.Errorf("procedural flags: got %v %v %v, want true true false", items[1].Procedural, items[2].Procedural, items[3].Procedural)
	}
	for i := 1; i < len(items); i++ {
		if items[i].Start != items[i-1].End {
			t.Errorf("items %d and %d do not meet: %d vs %d", i, i+1, items[i-1].End, items[i].Start)
		}
	}
}

func TestIsProcedural(t *testing.T) {
	for title, want := range map[string]bool{
		"Apologies for Absence":                                    true,
		"Declarations of Disclosable Pecuniary Interests":          true,
		"Minutes of the previous meeting":                          true,
		"Exclusion of the Press and Public":                        true,
		"Urgent Business":                                          true,
		"Ofsted Inspection of Local Authority Children's Services": false,
		"Corporate Parenting Panel - annual report":                false,
		"Draft Revenue Budget 2025-26":                             false,
		"Substitute Members":                                       true,
	} {
		if got := IsProcedural(title); got != want {
			t.Errorf("IsProcedural(%q) = %v, want %v", title, got, want)
		}
	}
}
