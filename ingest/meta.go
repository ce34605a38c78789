package ingest

import (
	"regexp"
	"strings"

	"scrutiny/corpus"
)

// applyMeta fills in from the fetcher's metadata what the text itself did
// not say. A ModernGov agenda item's minutes rarely name their council,
// committee or date: the web service that served them did. What the text
// says always wins; metadata only fills gaps.
func applyMeta(doc *corpus.Document) {
	m := doc.Meta
	if len(m) == 0 {
		return
	}
	if doc.Authority == "" && m["authority"] != "" {
		if a, ok := corpus.MatchAuthority(councilName(m["authority"])); ok {
			doc.Authority, doc.AuthorityURN = a.Name, a.URN
		}
	}
	if doc.Type != corpus.Minutes || (m["committee"] == "" && m["meeting_date"] == "") {
		return
	}
	if doc.Meeting == nil {
		doc.Meeting = &corpus.MeetingFacts{}
	}
	if doc.Meeting.Committee == "" {
		doc.Meeting.Committee = m["committee"]
	}
	if doc.Meeting.Date == "" && isoDate.MatchString(m["meeting_date"]) {
		doc.Meeting.Date = m["meeting_date"]
	}
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// councilName makes a bare place name ("Manchester") read as a council
// for MatchAuthority, which wants council words around a name before it
// trusts it.
func councilName(s string) string {
	if strings.Contains(strings.ToLower(s), "council") {
		return s
	}
	return s + " Council"
}
