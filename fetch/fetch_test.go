package fetch_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"scrutiny/fetch"
	"scrutiny/internal/testkit"
	"scrutiny/store"
)

func councilRun(t *testing.T, db *store.DB, rp *testkit.Replay, data string) fetch.Summary {
	t.Helper()
	cfg, err := fetch.ParseSources(strings.NewReader(testkit.CouncilSources(rp)), "sources.ini")
	if err != nil {
		t.Fatal(err)
	}
	c := fetch.NewClient(fetch.UserAgent("test", cfg.Contact))
	c.Interval = cfg.Interval
	sum, err := fetch.Run(context.Background(), db, cfg.Sources, fetch.Options{Data: data, Client: c})
	if err != nil {
		t.Fatalf("fetch: %v", err)
	}
	return sum
}

func bySource(sum fetch.Summary) map[string]fetch.SourceResult {
	m := map[string]fetch.SourceResult{}
	for _, s := range sum.Sources {
		m[s.Name] = s
	}
	return m
}

func TestFetchCouncilSites(t *testing.T) {
	rp := testkit.CouncilSites(t)
	db := testkit.OpenDB(t)
	data := t.TempDir()
	sum := councilRun(t, db, rp, data)

	got := bySource(sum)
	for name, want := range map[string]struct{ docs, requests, failed int }{
		// Committees 900 and 901; meeting 5001 (5002 cancelled, 5003 before
		// the window); three items with minutes and one minutes document.
		"children": {4, 5, 0},
		// The audit committee; meeting 4967 (4966 cancelled): two items
		// with minutes, and the minutes of the previous meeting.
		"manchester": {3, 4, 0},
		// The redirect page where XML was expected.
		"denbighshire": {0, 1, 1},
		// The January minutes; not the agenda, not last June's minutes.
		"news": {1, 2, 0},
	} {
		r := got[name]
		if r.Documents != want.docs || r.New != want.docs || r.Requests != want.requests || r.Failed != want.failed {
			t.Errorf("%s: %+v; want %d documents (all new), %d requests, %d failed", name, r, want.docs, want.requests, want.failed)
		}
	}
	if e := got["denbighshire"].Error; !strings.Contains(e, "redirect page") || !strings.Contains(e, "GetCommittees") {
		t.Errorf("denbighshire's error does not say what happened: %q", e)
	}
	if sum.Status != store.RunPartial || len(sum.New) != 8 || rp.Count(200) != 12 {
		t.Errorf("run: status %s, %d new, %d 200s; want partial, 8, 12", sum.Status, len(sum.New), rp.Count(200))
	}
	for _, ua := range rp.Agents() {
		if !strings.HasPrefix(ua, "Scrutiny/test (+mailto:tests@example.org)") {
			t.Errorf("User-Agent %q", ua)
		}
	}

	// Every new document is on disk under its hash, with its metadata.
	var kinds []string
	for _, f := range sum.New {
		data, err := os.ReadFile(filepath.Join(data, f.Blob))
		if err != nil {
			t.Fatalf("blob of %s: %v", f.URL, err)
		}
		if !strings.Contains(f.Blob, f.SHA256) || len(data) == 0 {
			t.Errorf("blob %s does not hold %s", f.Blob, f.SHA256)
		}
		if f.Meta["url"] != f.URL || f.Meta["source"] != f.Source || f.Meta["authority"] == "" {
			t.Errorf("%s: meta %v", f.URL, f.Meta)
		}
		kinds = append(kinds, f.Source+":"+f.Meta["kind"]+":"+f.Meta["item_number"])
		if f.Source == "children" && (f.Meta["committee"] != "Children and Education Scrutiny Committee" ||
			f.Meta["meeting_date"] != "2026-01-14" || f.Meta["meeting_id"] != "5001") {
			t.Errorf("%s: meta %v", f.URL, f.Meta)
		}
	}
	sort.Strings(kinds)
	want := "children:document:2 children:item_minutes:1 children:item_minutes:2 children:item_minutes:5 " +
		"manchester:document:1 manchester:item_minutes:1 manchester:item_minutes:9 news:feed_entry:"
	if strings.Join(kinds, " ") != want {
		t.Errorf("documents:\n got %s\nwant %s", strings.Join(kinds, " "), want)
	}
	fails, err := db.FetchFailures(context.Background(), sum.RunID)
	if err != nil || len(fails) != 1 || fails[0].Source != "denbighshire" {
		t.Errorf("recorded failures %+v, %v", fails, err)
	}
	last, _, _ := db.LastRun(context.Background())
	if last.Command != "fetch" || last.New != 8 || last.Failed != 1 || last.Status != store.RunPartial {
		t.Errorf("ledger: %+v", last)
	}

	// The second run asks conditionally and gets nothing new.
	rp.Reset()
	again := councilRun(t, db, rp, data)
	if len(again.New) != 0 || rp.Count(200) != 0 || rp.Count(304) != 12 || again.NotModified != 12 {
		t.Errorf("second run: %d new, %d 200s, %d 304s; want 0, 0, 12", len(again.New), rp.Count(200), rp.Count(304))
	}
	pending, _ := db.PendingFetched(context.Background(), "1")
	if len(pending) != 8 {
		t.Errorf("%d documents wait for ingest; want 8", len(pending))
	}
}

func TestFetchWithoutItsBlobsDownloadsAgain(t *testing.T) {
	rp := testkit.CouncilSites(t)
	db := testkit.OpenDB(t)
	data := t.TempDir()
	councilRun(t, db, rp, data)
	// The documents are lost: only they are downloaded again, and the
	// answers of the web service still come back 304.
	if err := os.RemoveAll(filepath.Join(data, fetch.DocumentsFolder)); err != nil {
		t.Fatal(err)
	}
	rp.Reset()
	if sum := councilRun(t, db, rp, data); len(sum.New) != 0 || rp.Count(200) != 3 || rp.Count(304) != 9 {
		t.Fatalf("after losing the documents: %d new, %d 200s, %d 304s; want 0, 3, 9", len(sum.New), rp.Count(200), rp.Count(304))
	}
	// The whole data folder is lost: everything is downloaded again.
	if err := os.RemoveAll(data); err != nil {
		t.Fatal(err)
	}
	rp.Reset()
	sum := councilRun(t, db, rp, data)
	// Nothing new to the database, but every body is back on disk.
	if len(sum.New) != 0 || rp.Count(304) != 0 || rp.Count(200) != 12 {
		t.Fatalf("after losing the data folder: %d new, %d 200s, %d 304s; want 0, 12, 0", len(sum.New), rp.Count(200), rp.Count(304))
	}
	pending, _ := db.PendingFetched(context.Background(), "1")
	for _, f := range pending {
		if _, err := os.Stat(filepath.Join(data, f.Blob)); err != nil {
			t.Errorf("blob %s not restored", f.Blob)
		}
	}
}

func TestFetchRetriesAndRecordsWhatFails(t *testing.T) {
	rp := testkit.NewReplay(t)
	rp.Handle("/a.txt", testkit.Route{Body: []byte("Minutes of the meeting."), ContentType: "text/plain", Fail: 1, RetryAfter: "0"})
	rp.Handle("/c.docx", testkit.Route{Body: []byte("PK\x03\x04"), ContentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"})
	db := testkit.OpenDB(t)
	c := fetch.NewClient("test")
	c.Interval, c.Backoff = 0, time.Millisecond
	src := fetch.Source{Name: "letters", Type: fetch.URL, Authority: "x", URLs: []string{rp.URL + "/a.txt", rp.URL + "/b.pdf", rp.URL + "/c.docx"}}
	sum, err := fetch.Run(context.Background(), db, []fetch.Source{src}, fetch.Options{Data: t.TempDir(), Client: c})
	if err != nil {
		t.Fatal(err)
	}
	r := sum.Sources[0]
	if r.New != 1 || r.Failed != 1 || r.Skipped != 1 || rp.Count(503) != 1 {
		t.Fatalf("result %+v (503s %d); want the retried text stored, the 404 failed, the .docx skipped", r, rp.Count(503))
	}
	if len(sum.Failures) != 1 || !strings.Contains(sum.Failures[0].Error, "404") {
		t.Fatalf("failures %+v", sum.Failures)
	}
	st, ok, _ := db.FetchState(context.Background(), rp.URL+"/b.pdf")
	if !ok || st.Status != 404 || st.Error == "" {
		t.Fatalf("state of the 404: %+v", st)
	}
}

func TestFetchInterruptedStopsBetweenRequests(t *testing.T) {
	rp := testkit.CouncilSites(t)
	db := testkit.OpenDB(t)
	cfg, _ := fetch.ParseSources(strings.NewReader(testkit.CouncilSources(rp)), "sources.ini")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	sum, err := fetch.Run(ctx, db, cfg.Sources, fetch.Options{Data: t.TempDir(), Client: fetch.NewClient("test")})
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Interrupted || sum.Status != store.RunInterrupted || sum.Failed != 0 {
		t.Fatalf("cancelled run: %+v; want interrupted without failures", sum)
	}
}
