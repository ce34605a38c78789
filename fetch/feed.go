package fetch

import (
	"bytes"
	"context"
	"encoding/xml"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// FeedEntry is an entry of an RSS or Atom feed: a document to fetch.
type FeedEntry struct {
	Title string
	URL   string // the enclosure when there is one, else the entry's link
	Date  time.Time
}

type rssFeed struct {
	Items []rssItem `xml:"channel>item"`
	// RSS 1.0 (RDF) puts items beside the channel.
	RDFItems []rssItem `xml:"item"`
}

type rssItem struct {
	Title     string `xml:"title"`
	Link      string `xml:"link"`
	GUID      string `xml:"guid"`
	PubDate   string `xml:"pubDate"`
	DCDate    string `xml:"http://purl.org/dc/elements/1.1/ date"`
	Enclosure []struct {
		URL  string `xml:"url,attr"`
		Type string `xml:"type,attr"`
	} `xml:"enclosure"`
}

type atomFeed struct {
	Entries []struct {
		Title     string `xml:"title"`
		Updated   string `xml:"updated"`
		Published string `xml:"published"`
		Links     []struct {
			Href string `xml:"href,attr"`
			Rel  string `xml:"rel,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

// ParseFeed reads an RSS (0.9x, 1.0, 2.0) or Atom feed. Relative links are
// resolved against base, the feed's own address.
func ParseFeed(body []byte, base string) ([]FeedEntry, error) {
	head := bytes.TrimLeft(body, "\xef\xbb\xbf \t\r\n")
	if looksLikeHTML(head) {
		return nil, notXMLf("the site answered with %s instead of a feed", describePage(head))
	}
	root, err := rootElement(head)
	if err != nil {
		return nil, err
	}
	var entries []FeedEntry
	switch root {
	case "rss", "RDF":
		var f rssFeed
		if err := decodeFeed(head, &f); err != nil {
			return nil, err
		}
		for _, it := range append(f.Items, f.RDFItems...) {
			link := strings.TrimSpace(it.Link)
			if link == "" && strings.HasPrefix(strings.TrimSpace(it.GUID), "http") {
				link = strings.TrimSpace(it.GUID)
			}
			for _, e := range it.Enclosure {
				if strings.TrimSpace(e.URL) != "" {
					link = strings.TrimSpace(e.URL)
					break
				}
			}
			entries = append(entries, FeedEntry{Title: clean(it.Title), URL: link, Date: feedDate(it.PubDate, it.DCDate)})
		}
	case "feed":
		var f atomFeed
		if err := decodeFeed(head, &f); err != nil {
			return nil, err
		}
		for _, e := range f.Entries {
			var link, enclosure string
			for _, l := range e.Links {
				switch l.Rel {
				case "enclosure":
					enclosure = l.Href
				case "", "alternate":
					if link == "" {
						link = l.Href
					}
				}
			}
			if enclosure != "" {
				link = enclosure
			}
			entries = append(entries, FeedEntry{Title: clean(e.Title), URL: strings.TrimSpace(link), Date: feedDate(e.Published, e.Updated)})
		}
	default:
		return nil, notXMLf("not an RSS or Atom feed: its root is <%s>", root)
	}
	b, _ := url.Parse(base)
	out := entries[:0]
	for _, e := range entries {
		if e.URL == "" {
			continue
		}
		if u, err := url.Parse(e.URL); err == nil && b != nil {
			e.URL = b.ResolveReference(u).String()
		}
		out = append(out, e)
	}
	return out, nil
}

func rootElement(body []byte) (string, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.CharsetReader = charset.NewReaderLabel
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err != nil {
			return "", notXMLf("not a feed: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local, nil
		}
	}
}

func decodeFeed(body []byte, v any) error {
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.CharsetReader = charset.NewReaderLabel
	dec.Strict = false
	if err := dec.Decode(v); err != nil {
		return notXMLf("not a feed: %v", err)
	}
	return nil
}

// feedDate reads the first date that parses, in the layouts feeds use.
func feedDate(values ...string) time.Time {
	layouts := []string{time.RFC1123Z, time.RFC1123, time.RFC3339, "Mon, 2 Jan 2006 15:04:05 -0700",
		"Mon, 2 Jan 2006 15:04:05 MST", "2 Jan 2006 15:04:05 -0700", "2006-01-02"}
	for _, v := range values {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if t, err := http.ParseTime(v); err == nil {
			return t
		}
		for _, l := range layouts {
			if t, err := time.Parse(l, v); err == nil {
				return t
			}
		}
	}
	return time.Time{}
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// keepEntry reports whether an entry is within the window and matches one
// of the patterns (any entry when there are none).
func keepEntry(e FeedEntry, match []string, from, to time.Time) bool {
	if !e.Date.IsZero() {
		d := time.Date(e.Date.Year(), e.Date.Month(), e.Date.Day(), 0, 0, 0, 0, time.UTC)
		if d.Before(from) || d.After(to) {
			return false
		}
	}
	return len(match) == 0 || matchName(e.Title, match) || matchName(e.URL, match)
}

// feed fetches a feed and the documents its entries point to, within the
// source's window and matching its patterns.
func (f *fetcher) feed(ctx context.Context, sr *sourceRun, feedURL string) {
	b, err := f.get(ctx, sr, feedURL, f.answers)
	if err != nil {
		f.fail(ctx, sr, feedURL, err)
		return
	}
	entries, err := ParseFeed(b.data, feedURL)
	if err != nil {
		f.fail(ctx, sr, feedURL, err)
		return
	}
	from, to := sr.src.Window(f.now)
	for _, e := range entries {
		if ctx.Err() != nil {
			return
		}
		if !keepEntry(e, sr.src.Match, from, to) {
			continue
		}
		meta := map[string]string{"kind": "feed_entry", "feed": feedURL, "document_title": e.Title}
		if !e.Date.IsZero() {
			meta["published_date"] = e.Date.UTC().Format("2006-01-02")
		}
		f.document(ctx, sr, e.URL, meta)
	}
}
