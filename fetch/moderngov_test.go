package fetch

import (
	"errors"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"scrutiny/extract"
	"scrutiny/internal/testkit"
)

func readTestdata(t *testing.T, elem ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(testkit.Testdata(t, elem...))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeRealCaptures(t *testing.T) {
	var cs mgCommittees
	if err := decodeXML(readTestdata(t, "moderngov", "GetCommittees_manchester.xml"), "committees", &cs); err != nil {
		t.Fatal(err)
	}
	if len(cs.Committees) != 3 || cs.Committees[2].ID != "144" || cs.Committees[2].Title != "Audit Committee" {
		t.Fatalf("committees: %+v", cs.Committees)
	}
	var ms mgMeetings
	if err := decodeXML(readTestdata(t, "moderngov", "GetMeetings_manchester_144.xml"), "getmeetings", &ms); err != nil {
		t.Fatal(err)
	}
	from, to := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC)
	held, cancelled := meetingsInWindow(ms, from, to)
	if len(held) != 1 || held[0].ID != "4967" || cancelled != 1 {
		t.Fatalf("meetings held %+v, cancelled %d; want 4967 held and one cancelled", held, cancelled)
	}
	if held, _ := meetingsInWindow(ms, from, time.Date(2026, 2, 9, 0, 0, 0, 0, time.UTC)); len(held) != 0 {
		t.Fatalf("a meeting after the window was kept: %+v", held)
	}

	var m mgMeeting
	if err := decodeXML(readTestdata(t, "moderngov", "GetMeeting_manchester_4967_with_minutes.xml"), "meeting", &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Items) != 2 {
		t.Fatalf("agenda items: %d; want 2", len(m.Items))
	}
	it := m.Items[1]
	if it.ID != "18833" || itemNumber(it) != "9" || itemTitle(it) != "9. Work Programme" || !hasMinutes(it) {
		t.Fatalf("item: id %q number %q title %q minutes %v", it.ID, itemNumber(it), itemTitle(it), hasMinutes(it))
	}
	// The decoder unescapes the minutes once: they are HTML again.
	if !strings.HasPrefix(strings.TrimSpace(it.MinutesHTML), `<div class="WordSection1">`) {
		t.Fatalf("minutes HTML: %.60q", it.MinutesHTML)
	}
	if len(it.Docs) != 1 || it.Docs[0].URL != "https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60909" {
		t.Fatalf("linked documents: %+v", it.Docs)
	}
	if isMinutesDoc(it.Docs[0], it) {
		t.Fatal("a work programme was taken for minutes")
	}
	if !isMinutesDoc(m.Items[0].Docs[0], m.Items[0]) {
		t.Fatal("the minutes of the previous meeting were not taken for minutes")
	}

	var empty mgMeeting
	if err := decodeXML(readTestdata(t, "moderngov", "GetMeeting_manchester_4966_no_minutes.xml"), "meeting", &empty); err != nil {
		t.Fatal(err)
	}
	if len(empty.Items) != 0 || empty.Status != "Cancelled" {
		t.Fatalf("cancelled meeting: %+v", empty)
	}
}

func TestWebPageInsteadOfXMLIsNamed(t *testing.T) {
	for file, want := range map[string]string{
		"denbighshire_http_redirect_page.html": "a redirect page (to https",
		"synthetic_error_page.html":            `a web page titled "Error - Modern.Gov"`,
	} {
		var cs mgCommittees
		err := decodeXML(readTestdata(t, "moderngov", file), "committees", &cs)
		if !errors.Is(err, ErrNotXML) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v; want ErrNotXML saying %q", file, err, want)
		}
	}
	var cs mgCommittees
	err := decodeXML(readTestdata(t, "moderngov", "GetMeetings_manchester_144.xml"), "committees", &cs)
	if !errors.Is(err, ErrNotXML) || !strings.Contains(err.Error(), "expected (<committees>)") {
		t.Errorf("wrong answer: %v", err)
	}
}

func TestChooseCommittees(t *testing.T) {
	var cs mgCommittees
	if err := decodeXML(readTestdata(t, "moderngov", "synthetic_getcommittees_children.xml"), "committees", &cs); err != nil {
		t.Fatal(err)
	}
	titles := func(patterns ...string) string {
		var out []string
		for _, c := range chooseCommittees(cs.Committees, patterns) {
			out = append(out, c.Title)
		}
		return strings.Join(out, "; ")
	}
	if got := titles(DefaultCommittees...); got != "Children and Education Scrutiny Committee; Corporate Parenting Panel" {
		t.Errorf("default patterns chose %q", got)
	}
	if got := titles("children’s services"); got != "" {
		t.Errorf("a deleted committee was chosen: %q", got)
	}
	if got := titles("AUDIT"); got != "Audit Committee" {
		t.Errorf("case-insensitive match chose %q", got)
	}
	if got := titles("*"); strings.Count(got, ";") != 3 {
		t.Errorf("* chose %q; want the four committees not deleted", got)
	}
}

// The requests the fetcher makes must be operations of the real service
// with the parameters it declares.
func TestRequestsMatchTheWSDL(t *testing.T) {
	wsdl := string(readTestdata(t, "moderngov", "mgWebService.wsdl"))
	base := "https://democracy.example.gov.uk/"
	day := time.Date(2026, 1, 14, 0, 0, 0, 0, time.UTC)
	for _, raw := range []string{mgCommitteesURL(base), mgMeetingsURL(base, "900", day, day), mgMeetingURL(base, "5001")} {
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(u.Path, "/mgWebService.asmx/") {
			t.Fatalf("%s: not the service's path", raw)
		}
		op := strings.TrimPrefix(u.Path, "/mgWebService.asmx/")
		block := regexp.MustCompile(`(?s)<s:element name="` + op + `">(.*?)</s:element>\s*<s:element name="` + op + `Response">`).FindStringSubmatch(wsdl)
		if block == nil {
			t.Fatalf("%s: operation %s is not in the WSDL", raw, op)
		}
		for p := range u.Query() {
			if !strings.Contains(block[1], `name="`+p+`"`) {
				t.Errorf("%s: parameter %s is not declared for %s", raw, p, op)
			}
		}
		if !regexp.MustCompile(`<wsdl:message name="` + op + `HttpGetIn"\s*/?>`).MatchString(wsdl) {
			t.Errorf("%s: %s has no HTTP GET binding", raw, op)
		}
	}
	if got := mgMeetingsURL(base, "900", day, day); !strings.Contains(got, "sFromDate=14%2F01%2F2026") {
		t.Errorf("dates not sent as dd/mm/yyyy: %s", got)
	}
	if got := mgService("https://x.example/mgWebService.asmx?WSDL"); got != "https://x.example/mgWebService.asmx" {
		t.Errorf("service of a URL given with its path: %s", got)
	}
}

func TestItemPageReadsAsOneNumberedItem(t *testing.T) {
	var m mgMeeting
	if err := decodeXML(readTestdata(t, "moderngov", "synthetic_getmeeting_children_scrutiny_with_minutes.xml"), "meeting", &m); err != nil {
		t.Fatal(err)
	}
	var kept int
	for _, it := range m.Items {
		if !hasMinutes(it) {
			if it.ID != "20109" {
				t.Errorf("item %s: minutes not found", it.ID)
			}
			continue
		}
		kept++
		page := itemPage("Children and Education Scrutiny Committee", "14/01/2026", "https://x.example/mgAi.aspx?ID="+it.ID, it)
		if string(page) != string(itemPage("Children and Education Scrutiny Committee", "14/01/2026", "https://x.example/mgAi.aspx?ID="+it.ID, it)) {
			t.Fatal("the same item rendered twice differs")
		}
		text, err := extract.HTML(page)
		if err != nil {
			t.Fatal(err)
		}
		items := extract.Items(text.Body, text.Pages)
		if len(items) != 1 || items[0].Label != itemNumber(it) || items[0].Title != itemTitle(it) {
			t.Fatalf("item %s: %+v; want one item %q labelled %q", it.ID, items, itemTitle(it), itemNumber(it))
		}
		if !strings.Contains(text.Body, "Meeting: 14/01/2026 - Children and Education Scrutiny Committee") {
			t.Errorf("item %s: the meeting line is missing:\n%s", it.ID, text.Body)
		}
	}
	if kept != 3 {
		t.Fatalf("%d items with minutes; want 3", kept)
	}
}
