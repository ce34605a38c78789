package fetch

import (
	"errors"
	"testing"
	"time"
)

func TestParseRSS(t *testing.T) {
	entries, err := ParseFeed(readTestdata(t, "feeds", "synthetic_rss_committee_documents.xml"), "https://council.example/feeds/documents.rss")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 3 {
		t.Fatalf("%d entries; want 3", len(entries))
	}
	if e := entries[0]; e.URL != "https://council.example/documents/s4411/minutes-2026-01-20.pdf" ||
		e.Title != "Corporate Parenting Panel minutes, 20 January 2026" || e.Date.Format("2006-01-02") != "2026-01-26" {
		t.Errorf("enclosure entry: %+v", e)
	}
	if e := entries[2]; e.URL != "https://council.example/documents/s3001/minutes-2025-06-02.html" {
		t.Errorf("relative link resolved to %q", e.URL)
	}
	from, to := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)
	var kept []string
	for _, e := range entries {
		if keepEntry(e, []string{"minutes"}, from, to) {
			kept = append(kept, e.URL)
		}
	}
	if len(kept) != 1 || kept[0] != entries[0].URL {
		t.Errorf("kept %q; want only the January minutes", kept)
	}
}

func TestParseAtom(t *testing.T) {
	entries, err := ParseFeed(readTestdata(t, "feeds", "synthetic_atom_minutes.xml"), "https://council.example/feeds/minutes.atom")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 {
		t.Fatalf("%d entries; want 2", len(entries))
	}
	if e := entries[0]; e.URL != "https://council.example/documents/s4420/cabinet-minutes.txt" || e.Date.Format("2006-01-02") != "2026-01-27" {
		t.Errorf("enclosure entry: %+v", e)
	}
	if e := entries[1]; e.URL != "https://council.example/feeds/documents/s4300/cabinet-minutes.html" || e.Date.Format("2006-01-02") != "2025-12-15" {
		t.Errorf("relative link entry: %+v", e)
	}
}

func TestFeedThatIsAWebPage(t *testing.T) {
	_, err := ParseFeed(readTestdata(t, "moderngov", "synthetic_error_page.html"), "https://x.example/feed")
	if !errors.Is(err, ErrNotXML) {
		t.Fatalf("web page as feed: %v", err)
	}
	_, err = ParseFeed(readTestdata(t, "moderngov", "GetCommittees_manchester.xml"), "https://x.example/feed")
	if !errors.Is(err, ErrNotXML) {
		t.Fatalf("other XML as feed: %v", err)
	}
}
