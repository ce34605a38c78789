package testkit

import (
	"strings"
	"testing"
)

// CouncilSites serves, on one loopback server, the council websites the
// fetch tests read, from the recordings under testdata/moderngov and
// testdata/feeds:
//
//	/children     a ModernGov site with a children's scrutiny committee (synthetic, shaped on the captures)
//	/manchester   a ModernGov site answering with the real Manchester captures
//	/denbighshire a ModernGov site answering with the real HTML redirect page instead of XML
//	/feeds/documents.rss  an RSS feed of committee documents (synthetic)
//
// Linked documents are real PDFs from testdata/seeds/pdf. The sources file
// that reads them all is CouncilSources.
func CouncilSites(tb testing.TB) *Replay {
	tb.Helper()
	rp := NewReplay(tb)
	mg := func(elem string) string { return Testdata(tb, "moderngov", elem) }
	const xml = "text/xml; charset=utf-8"

	rp.File("/children/mgWebService.asmx/GetCommittees", mg("synthetic_getcommittees_children.xml"), xml)
	rp.File("/children/mgWebService.asmx/GetMeetings?lCommitteeId=900", mg("synthetic_getmeetings_children_committee.xml"), xml)
	rp.File("/children/mgWebService.asmx/GetMeetings?lCommitteeId=901", mg("synthetic_getmeetings_corporate_parenting_empty.xml"), xml)
	rp.File("/children/mgWebService.asmx/GetMeeting?lMeetingId=5001", mg("synthetic_getmeeting_children_scrutiny_with_minutes.xml"), xml)

	rp.File("/manchester/mgWebService.asmx/GetCommittees", mg("GetCommittees_manchester.xml"), xml)
	rp.File("/manchester/mgWebService.asmx/GetMeetings?lCommitteeId=144", mg("GetMeetings_manchester_144.xml"), xml)
	rp.File("/manchester/mgWebService.asmx/GetMeeting?lMeetingId=4967", mg("GetMeeting_manchester_4967_with_minutes.xml"), xml)
	rp.File("/manchester/mgWebService.asmx/GetMeeting?lMeetingId=4966", mg("GetMeeting_manchester_4966_no_minutes.xml"), xml)

	rp.File("/denbighshire/mgWebService.asmx/GetCommittees", mg("denbighshire_http_redirect_page.html"), "text/html")

	// The recordings link documents on the councils' own hosts.
	rp.Rewrite("https://democracy.manchester.gov.uk")
	rp.Rewrite("https://council.example")
	pdf := func(name string) string { return Testdata(tb, "seeds", "pdf", name) }
	rp.File("/mgConvert2PDF.aspx?ID=70001", pdf("001_02b845459bfee06e.pdf"), "application/pdf")
	rp.File("/mgConvert2PDF.aspx?ID=70002", pdf("003_d2f13f79c96ffd3e.pdf"), "application/pdf")
	rp.File("/mgConvert2PDF.aspx?ID=60860", pdf("000_52bd7d1560e5d262.pdf"), "application/pdf")
	rp.File("/mgConvert2PDF.aspx?ID=60909", pdf("004_4f8b36e4dff68196.pdf"), "application/pdf")

	rp.File("/feeds/documents.rss", Testdata(tb, "feeds", "synthetic_rss_committee_documents.xml"), "application/rss+xml")
	rp.File("/documents/s4411/minutes-2026-01-20.pdf", pdf("002_840bba8568797ecf.pdf"), "application/pdf")
	return rp
}

// CouncilSources is a sources file reading every site of CouncilSites over
// January and February 2026, without pausing between requests.
func CouncilSources(rp *Replay) string {
	return strings.ReplaceAll(`# Test sources: every site of testkit.CouncilSites.
contact = mailto:tests@example.org
interval = 0s

[children]
type = moderngov
url = {URL}/children
authority = Manchester
from = 2026-01-01
to = 2026-02-28

[manchester]
type = moderngov
url = {URL}/manchester/
authority = Manchester
committee = audit
from = 2026-01-01
to = 2026-02-28

[denbighshire]
type = moderngov
url = {URL}/denbighshire
authority = Denbighshire

[news]
type = feed
url = {URL}/feeds/documents.rss
match = minutes
from = 2026-01-01
to = 2026-01-31
`, "{URL}", rp.URL)
}
