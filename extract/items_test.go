package extract

import (
	"strings"
	"testing"

	"scrutiny/corpus"
)

func titles(items []corpus.Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Label+"|"+it.Title)
	}
	return out
}

func TestItemsKentStyle(t *testing.T) {
	text := `KENT COUNTY COUNCIL

CABINET

MINUTES of a meeting of the Cabinet held on Thursday, 30 January 2025.

84.    Apologies
(Item 1)

Apologies were received from Mrs C Bell.

85.    Declarations of Interest
(Item 2)

None.

88.    24/00108 - Revenue and Capital Budget Monitoring Report – November
2024-25
(Item 5)

   1. Mr Oakford introduced the report.

   2. RESOLVED that Cabinet agree to note the forecast.
`
	items := Items(text, nil)
	got := titles(items)
	want := []string{"|KENT COUNTY COUNCIL", "84|Apologies", "85|Declarations of Interest", "88|24/00108 - Revenue and Capital Budget Monitoring Report – November 2024-25"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("items\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if items[0].Procedural || !items[1].Procedural || !items[2].Procedural || items[3].Procedural {
		t.Errorf("procedural flags %v %v %v %v", items[0].Procedural, items[1].Procedural, items[2].Procedural, items[3].Procedural)
	}
	if !strings.Contains(text[items[3].Start:items[3].End], "RESOLVED") {
		t.Error("the last item should run to the end")
	}
}

func TestItemsSkipContentsAndRestart(t *testing.T) {
	// An agenda pack: a table of contents, then minutes whose items are
	// numbered in capitals.
	text := `Audit Committee
22 October 2009

1.       Declarations of interest

2.       Apologies for absence

3.       Minutes of the previous meeting                                   3

4.       Annual complaints report                                          9

AUDIT COMMITTEE
24 SEPTEMBER 2009

1       DECLARATIONS OF INTEREST
The Chair declared a personal interest.
2       MINUTES OF THE MEETING HELD ON 23 JUNE 2009 (Agenda item 3)
RESOLVED: That the minutes be agreed.
3       AUDIT COMMISSION INTERIM REPORT (Agenda item 4)
The report was noted.
`
	got := titles(Items(text, nil))
	want := []string{"|Audit Committee", "1|DECLARATIONS OF INTEREST", "2|MINUTES OF THE MEETING HELD ON 23 JUNE 2009", "3|AUDIT COMMISSION INTERIM REPORT"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("items\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestItemsMarkdownBold(t *testing.T) {
	text := "**MINUTES OF THE MONTHLY MEETING**\n\n**1.Adoption of Minutes**\n\nAdopted.\n\n" +
		"**2.** **Question submitted by Councillor A. Byrne**\n\nText.\n\n" +
		"**9**. **Notice of Motion submitted by Councillor B. Carr (to be referred to the Roads**\n\n**Committee)**\n\nText.\n\n" +
		"**3.** **Question submitted by Councillor C. Dunne**\n\nText.\n\n" +
		"**4.** **Correspondence**\n\nNoted.\n"
	got := titles(Items(text, nil))
	// A one-line title joins the first item.
	want := []string{
		"1|Adoption of Minutes", "2|Question submitted by Councillor A. Byrne",
		"9|Notice of Motion submitted by Councillor B. Carr (to be referred to the Roads Committee)",
		"3|Question submitted by Councillor C. Dunne", "4|Correspondence",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("items\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestItemsModernGov(t *testing.T) {
	text := "Agenda item\n\nOfsted focused visit to Children's Services - Update from Head of Children's\nSocial Care\n\nMinutes:\n\nThe Head of Service reported.\n\nSupporting documents:\n"
	items := Items(text, nil)
	if len(items) != 1 {
		t.Fatalf("%d items", len(items))
	}
	if items[0].Title != "Ofsted focused visit to Children's Services - Update from Head of Children's Social Care" {
		t.Errorf("title %q", items[0].Title)
	}
	if strings.Contains(text[items[0].Start:items[0].End], "Supporting documents") {
		t.Error("the item should end before Supporting documents")
	}
}

func TestWholeDocumentIsNotProcedural(t *testing.T) {
	items := Items("MINUTES\nTOWNSHIP COUNCIL\n\nR2018-060 That the minutes be adopted. Carried.\n", nil)
	if len(items) != 1 || items[0].Procedural {
		t.Errorf("a document's title is not a procedural item: %+v", items)
	}
}

func TestIsProcedural(t *testing.T) {
	for title, want := range map[string]bool{
		"Apologies for Absence":                           true,
		"Declarations of Disclosable Pecuniary Interests": true,
		"Minutes of the meeting held on 9 January 2025":   true,
		"Exclusion of the Press and Public":               true,
		"Urgent business":                                 true,
		"Ofsted Inspection of Children's Services":        false,
		"Questions": false,
		"Corporate Parenting Panel Minutes for noting": false,
	} {
		if got := IsProcedural(title); got != want {
			t.Errorf("IsProcedural(%q) = %v, want %v", title, got, want)
		}
	}
}

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

// TestItemLayouts covers the ways councils number and head their minutes:
// a municipal series ("24/15"), "Minute 12", an agenda number after the
// title, and a heading set straight above its first paragraph. (A one-line
// title before the first item joins it.)
func TestItemLayouts(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"series", "Minutes of the Scrutiny Board\n\n24/11  Apologies for Absence\n\nApologies were received from Councillor Lee.\n\n24/12  Declarations of Interest\n\nThere were none.\n\n24/13  Fostering Annual Report\n\nThe Board received the report.\n",
			[]string{"24/11|Apologies for Absence", "24/12|Declarations of Interest", "24/13|Fostering Annual Report"}},
		{"minute word", "Minutes of the Sub-Board\n\nMinute 7   Apologies\n\nNone were received.\n\nMinute 8   Elective Home Education\n\nThe Sub-Board considered a report on home education in the borough.\n",
			[]string{"7|Apologies", "8|Elective Home Education"}},
		{"heading above its paragraph", "Minutes of a meeting of the Scrutiny Committee held in the Council Chamber, County Hall, on Wednesday, 31 January 2024\n" +
			"1 Apologies for Absence - Agenda Item 1\nApologies were received from Cllr B Fielder, who was attending another meeting of the council.\n" +
			"2 Minutes of the Previous Meeting - Agenda Item 2\nResolved that the minutes of the meeting held on 6 December 2023 be confirmed as a correct record of the meeting.\n" +
			"3 Home to School Transport - Agenda Item 5\nThe Service Director introduced the report, which set out the findings of a review of transport for children.\n",
			[]string{"1|Apologies for Absence", "2|Minutes of the Previous Meeting", "3|Home to School Transport"}},
	}
	for _, c := range cases {
		got := titles(Items(c.text, onePage(c.text)))
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s: items\n%s\nwant\n%s", c.name, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
		}
	}
}

// TestModernGovItemPageWithFurniture reads an agenda-item page saved with
// the site's name and menu above "Agenda item".
func TestModernGovItemPageWithFurniture(t *testing.T) {
	text := "Borough Council - Committee Information\nCommittees\nCouncillors\nCalendar\n\nAgenda item\n\nCorporate Parenting Annual Report\n\nMeeting: 01/02/2024 - Scrutiny Committee (Item 43)\n\nMinutes:\n\nThe Director presented the report.\n\nSupporting documents:\n\nReport.pdf\n"
	items := Items(text, onePage(text))
	if len(items) != 1 || items[0].Title != "Corporate Parenting Annual Report" {
		t.Fatalf("items %q, want one titled \"Corporate Parenting Annual Report\"", titles(items))
	}
	// Without "Minutes:", a line "Agenda item" after other text is not a
	// ModernGov page.
	other := "Council minutes\nPresent: Councillor Lee\n\nAgenda item\n\n1. Apologies\n\nNone.\n\n2. Declarations of Interest\n\nNone.\n"
	if got := titles(Items(other, onePage(other))); len(got) < 2 {
		t.Errorf("a page with a stray \"Agenda item\" line read as one ModernGov item: %q", got)
	}
}
