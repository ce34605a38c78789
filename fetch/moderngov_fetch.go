package fetch

import (
	"context"
	"fmt"
	"maps"
	"strings"
)

// moderngov fetches a ModernGov site: GetCommittees, then for each chosen
// committee GetMeetings over the source's window, then GetMeeting for each
// meeting held, whose agenda items carry their minutes (as HTML) and
// their linked documents. An error means the site as a whole could not
// be read; a meeting or document that fails is recorded and the rest go
// on.
func (f *fetcher) moderngov(ctx context.Context, sr *sourceRun) error {
	site := sr.src.URLs[0]
	var cs mgCommittees
	if err := f.api(ctx, sr, mgCommitteesURL(site), "committees", &cs); err != nil {
		return err
	}
	chosen := chooseCommittees(cs.Committees, sr.src.Committees)
	if len(chosen) == 0 {
		err := fmt.Errorf("none of the site's %d committees matches %s", len(cs.Committees), quoteAll(sr.src.Committees))
		f.fail(ctx, sr, mgCommitteesURL(site), err)
		return err
	}
	from, to := sr.src.Window(f.now)
	for _, c := range chosen {
		if ctx.Err() != nil {
			return nil
		}
		var ms mgMeetings
		if err := f.api(ctx, sr, mgMeetingsURL(site, c.ID, from, to), "getmeetings", &ms); err != nil {
			continue
		}
		meetings, _ := meetingsInWindow(ms, from, to)
		for _, m := range meetings {
			if ctx.Err() != nil {
				return nil
			}
			var mt mgMeeting
			if err := f.api(ctx, sr, mgMeetingURL(site, m.ID), "meeting", &mt); err != nil {
				continue
			}
			f.meeting(ctx, sr, c, mt)
		}
	}
	return nil
}

// api fetches a web service answer and decodes it; a failure is recorded
// against the source.
func (f *fetcher) api(ctx context.Context, sr *sourceRun, url, root string, v any) error {
	b, err := f.get(ctx, sr, url, f.answers)
	if err == nil {
		if err = decodeXML(b.data, root, v); err != nil {
			err = fmt.Errorf("%s: %w", operation(url), err)
		}
	}
	if err != nil {
		f.fail(ctx, sr, url, err)
	}
	return err
}

// operation names the web service operation a URL calls.
func operation(rawURL string) string {
	op := rawURL[strings.LastIndex(rawURL, "/")+1:]
	op, _, _ = strings.Cut(op, "?")
	return op
}

// meeting stores what a meeting's agenda items hold: each item's minutes
// as a page of its own, and the linked documents the source asks for.
func (f *fetcher) meeting(ctx context.Context, sr *sourceRun, c mgCommittee, mt mgMeeting) {
	site := sr.src.URLs[0]
	date := strings.TrimSpace(mt.Date)
	iso := date
	if d, ok := mgDate(date); ok {
		iso = d.Format("2006-01-02")
	}
	committee := strings.Join(strings.Fields(c.Title), " ")
	base := map[string]string{
		"site": mgSite(site), "committee": committee, "committee_id": strings.TrimSpace(c.ID),
		"meeting_id": strings.TrimSpace(mt.ID), "meeting_date": iso,
	}
	for _, it := range mt.Items {
		if ctx.Err() != nil {
			return
		}
		meta := maps.Clone(base)
		meta["item_id"], meta["item_number"], meta["item_title"] =
			strings.TrimSpace(it.ID), itemNumber(it), strings.Join(strings.Fields(it.Title), " ")
		if hasMinutes(it) {
			m := maps.Clone(meta)
			m["kind"] = "item_minutes"
			m["api_url"] = mgMeetingURL(site, mt.ID)
			u := mgItemURL(site, it.ID)
			f.derived(ctx, sr, itemPage(committee, date, u, it), ".html", u, m)
		}
		for _, d := range it.Docs {
			if ctx.Err() != nil {
				return
			}
			u := strings.TrimSpace(d.URL)
			if u == "" || mgTrue(d.IsURL) || mgTrue(d.Restricted) {
				continue
			}
			if sr.src.Documents != "all" && !isMinutesDoc(d, it) {
				continue
			}
			m := maps.Clone(meta)
			m["kind"] = "document"
			m["document_title"] = strings.Join(strings.Fields(d.Title), " ")
			m["attachment_id"] = strings.TrimSpace(d.ID)
			if pd, ok := mgDate(d.PublicationDate); ok {
				m["published_date"] = pd.Format("2006-01-02")
			}
			f.document(ctx, sr, u, m)
		}
	}
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
