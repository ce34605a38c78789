package fetch

import (
	"encoding/xml"
	"net/url"
	"sort"
	"strings"
	"time"
)

// ModernGov's web service, mgWebService.asmx, answered over HTTP GET. The
// element names are those the service sends (lower case, counts padded
// with a space); see testdata/moderngov for real responses.

type mgCommittees struct {
	XMLName    xml.Name      `xml:"committees"`
	Committees []mgCommittee `xml:"committee"`
}

type mgCommittee struct {
	ID       string `xml:"committeeid"`
	Title    string `xml:"committeetitle"`
	Deleted  string `xml:"committeedeleted"`
	Expired  string `xml:"committeeexpired"`
	Category string `xml:"committeecategory"`
}

type mgMeetings struct {
	XMLName    xml.Name `xml:"getmeetings"`
	Committees []struct {
		ID       string         `xml:"committeeid"`
		Title    string         `xml:"committeetitle"`
		Meetings []mgMeetingRef `xml:"committeemeetings>meeting"`
	} `xml:"committee"`
}

type mgMeetingRef struct {
	ID     string `xml:"meetingid"`
	Date   string `xml:"meetingdate"` // dd/mm/yyyy
	Status string `xml:"meetingstatus"`
}

type mgMeeting struct {
	XMLName xml.Name `xml:"meeting"`
	ID      string   `xml:"meetingid"`
	Date    string   `xml:"meetingdate"`
	Status  string   `xml:"meetingstatus"`
	Items   []mgItem `xml:"agendaitems>agendaitem"`
}

type mgItem struct {
	ID               string  `xml:"agendaitemid"`
	Title            string  `xml:"agendaitemtitle"`
	Number           string  `xml:"fulldisplaynumberformat"` // "9."
	MinutesHTML      string  `xml:"minutesnonemptyhtmlbody"` // escaped HTML, unescaped by the decoder
	MinutePublished  string  `xml:"isminutepublished"`
	Restricted       string  `xml:"isrestricted"`
	DisplayAllowed   string  `xml:"isdisplayallowed"`
	ReferToCommittee string  `xml:"refertocommittee"`
	Docs             []mgDoc `xml:"linkeddocuments>linkeddoc"`
}

type mgDoc struct {
	ID              string `xml:"attachmentid"`
	Title           string `xml:"title"`
	IsURL           string `xml:"isurl"`
	URL             string `xml:"url"`
	Restricted      string `xml:"isrestricted"`
	PublicationDate string `xml:"publicationdate"`
	OwnerTitle      string `xml:"ownertitle"`
}

// mgTrue reads ModernGov's booleans ("True", "False").
func mgTrue(s string) bool { return strings.EqualFold(strings.TrimSpace(s), "true") }

// mgDate reads ModernGov's dates, dd/mm/yyyy.
func mgDate(s string) (time.Time, bool) {
	t, err := time.Parse("02/01/2006", strings.TrimSpace(s))
	return t, err == nil
}

// mgService returns the address of a site's web service from its base
// URL, which may be given with or without the service's own path.
func mgService(base string) string {
	base = strings.TrimRight(strings.TrimSpace(base), "/")
	if i := strings.Index(strings.ToLower(base), "/mgwebservice.asmx"); i >= 0 {
		base = base[:i]
	}
	return base + "/mgWebService.asmx"
}

// mgSite returns the site's base URL, where its public pages live.
func mgSite(base string) string {
	return strings.TrimSuffix(mgService(base), "/mgWebService.asmx")
}

func mgCommitteesURL(base string) string { return mgService(base) + "/GetCommittees" }

func mgMeetingsURL(base, committeeID string, from, to time.Time) string {
	q := url.Values{}
	q.Set("lCommitteeId", strings.TrimSpace(committeeID))
	q.Set("sFromDate", from.Format("02/01/2006"))
	q.Set("sToDate", to.Format("02/01/2006"))
	return mgService(base) + "/GetMeetings?" + q.Encode()
}

func mgMeetingURL(base, meetingID string) string {
	return mgService(base) + "/GetMeeting?lMeetingId=" + url.QueryEscape(strings.TrimSpace(meetingID))
}

// mgItemURL is the public page of an agenda item, whose minutes the
// service sent: the address a reader would cite.
func mgItemURL(base, itemID string) string {
	return mgSite(base) + "/mgAi.aspx?ID=" + url.QueryEscape(strings.TrimSpace(itemID))
}

// chooseCommittees keeps the committees whose titles match a pattern
// ("*" matches all), leaving out deleted ones, in title order.
func chooseCommittees(all []mgCommittee, patterns []string) []mgCommittee {
	var out []mgCommittee
	for _, c := range all {
		if mgTrue(c.Deleted) || strings.TrimSpace(c.ID) == "" {
			continue
		}
		if matchName(c.Title, patterns) {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Title < out[j].Title })
	return out
}

// matchName reports whether name contains one of patterns, ignoring case,
// spacing and the kind of apostrophe ("Children's" and "Children’s").
func matchName(name string, patterns []string) bool {
	n := normName(name)
	for _, p := range patterns {
		if p == "*" || strings.Contains(n, normName(p)) {
			return true
		}
	}
	return false
}

func normName(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "&amp;", "&").Replace(strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

// meetingsInWindow lists the meetings of a GetMeetings answer that fall
// within [from, to] and were not cancelled, oldest first. The service is
// asked for the window already; this guards against sites that ignore it.
func meetingsInWindow(m mgMeetings, from, to time.Time) (keep []mgMeetingRef, cancelled int) {
	for _, c := range m.Committees {
		for _, mt := range c.Meetings {
			d, ok := mgDate(mt.Date)
			if !ok || d.Before(from) || d.After(to) {
				continue
			}
			if strings.EqualFold(strings.TrimSpace(mt.Status), "cancelled") {
				cancelled++
				continue
			}
			keep = append(keep, mt)
		}
	}
	sort.SliceStable(keep, func(i, j int) bool {
		a, _ := mgDate(keep[i].Date)
		b, _ := mgDate(keep[j].Date)
		return a.Before(b)
	})
	return keep, cancelled
}

// isMinutesDoc reports whether a linked document is minutes: its title
// says so, or it hangs on an item that is the minutes.
func isMinutesDoc(d mgDoc, item mgItem) bool {
	return strings.Contains(strings.ToLower(d.Title), "minute") ||
		strings.Contains(strings.ToLower(d.OwnerTitle), "minute") ||
		strings.Contains(strings.ToLower(item.Title), "minute")
}
