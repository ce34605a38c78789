package fetch

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"scrutiny/internal/testkit"
)

// recordSleeps makes a client record its waits instead of sleeping.
func recordSleeps(c *Client) *[]time.Duration {
	var waits []time.Duration
	c.sleep = func(ctx context.Context, d time.Duration) error {
		waits = append(waits, d)
		return ctx.Err()
	}
	return &waits
}

func TestClientSendsUserAgentAndAsksConditionally(t *testing.T) {
	rp := testkit.NewReplay(t)
	rp.Handle("/doc.pdf", testkit.Route{Body: []byte("%PDF-1.4 test"), ContentType: "application/pdf"})
	rp.Handle("/page.html", testkit.Route{Body: []byte("<html><body>x</body></html>"), ContentType: "text/html", NoETag: true})
	c := NewClient(UserAgent("1.2", "mailto:research@example.org"))
	recordSleeps(c)
	ctx := context.Background()

	first, err := c.Get(ctx, rp.URL+"/doc.pdf", Validators{})
	if err != nil || first.Status != 200 || string(first.Body) != "%PDF-1.4 test" || first.Validators.ETag == "" {
		t.Fatalf("first GET: %+v, %v", first, err)
	}
	again, err := c.Get(ctx, rp.URL+"/doc.pdf", first.Validators)
	if err != nil || !again.NotModified() || len(again.Body) != 0 {
		t.Fatalf("conditional GET with ETag: %+v, %v; want 304", again, err)
	}
	page, err := c.Get(ctx, rp.URL+"/page.html", Validators{})
	if err != nil || page.Validators.ETag != "" || page.Validators.LastModified == "" {
		t.Fatalf("GET of a page with only Last-Modified: %+v, %v", page, err)
	}
	again, err = c.Get(ctx, rp.URL+"/page.html", page.Validators)
	if err != nil || !again.NotModified() {
		t.Fatalf("conditional GET with Last-Modified: %+v, %v; want 304", again, err)
	}
	agents := rp.Agents()
	if len(agents) != 1 || agents[0] != "Scrutiny/1.2 (+mailto:research@example.org)" {
		t.Fatalf("User-Agent: %q", agents)
	}
	if !strings.Contains(UserAgent("1", ""), "contact not configured") {
		t.Fatalf("User-Agent without a contact does not say so: %q", UserAgent("1", ""))
	}
}

func TestClientRetriesWithBackoffAndRetryAfter(t *testing.T) {
	rp := testkit.NewReplay(t)
	rp.Handle("/flaky", testkit.Route{Body: []byte("ok"), Fail: 2})
	rp.Handle("/busy", testkit.Route{Body: []byte("ok"), Fail: 1, FailStatus: http.StatusTooManyRequests, RetryAfter: "7"})
	rp.Handle("/down", testkit.Route{Body: []byte("ok"), Fail: 100})
	rp.Handle("/later", testkit.Route{Body: []byte("ok"), Fail: 1, RetryAfter: "86400"})
	c := NewClient("test")
	c.Interval, c.Backoff, c.Retries = 0, time.Second, 3
	waits := recordSleeps(c)
	ctx := context.Background()

	if r, err := c.Get(ctx, rp.URL+"/flaky", Validators{}); err != nil || string(r.Body) != "ok" {
		t.Fatalf("flaky: %v", err)
	}
	// Backoff doubles, jittered within its upper half: [0.5s, 1s], [1s, 2s].
	if len(*waits) != 2 || (*waits)[0] < 500*time.Millisecond || (*waits)[0] > time.Second ||
		(*waits)[1] < time.Second || (*waits)[1] > 2*time.Second {
		t.Fatalf("backoff waits %v; want two, in [0.5s,1s] then [1s,2s]", *waits)
	}

	*waits = nil
	if _, err := c.Get(ctx, rp.URL+"/busy", Validators{}); err != nil {
		t.Fatalf("busy: %v", err)
	}
	if len(*waits) != 1 || (*waits)[0] != 7*time.Second {
		t.Fatalf("Retry-After waits %v; want [7s]", *waits)
	}

	_, err := c.Get(ctx, rp.URL+"/down", Validators{})
	var he *HTTPError
	if !errors.As(err, &he) || he.Status != 503 || !strings.Contains(err.Error(), "gave up after 4 attempts") {
		t.Fatalf("down: %v; want a 503 HTTPError after 4 attempts", err)
	}
	_, err = c.Get(ctx, rp.URL+"/later", Validators{})
	if err == nil || !strings.Contains(err.Error(), "giving up for this run") {
		t.Fatalf("Retry-After beyond MaxWait: %v", err)
	}

	before := rp.Requests("/missing")
	_, err = c.Get(ctx, rp.URL+"/missing", Validators{})
	if !errors.As(err, &he) || he.Status != 404 || rp.Requests("/missing")-before != 1 {
		t.Fatalf("404: %v after %d requests; want one request, no retry", err, rp.Requests("/missing")-before)
	}
}

func TestClientSpacesRequestsPerHost(t *testing.T) {
	rp := testkit.NewReplay(t)
	rp.Handle("/a", testkit.Route{Body: []byte("a")})
	c := NewClient("test")
	c.Interval = time.Hour
	waits := recordSleeps(c)
	ctx := context.Background()
	other := strings.Replace(rp.URL, "127.0.0.1", "localhost", 1)
	for _, u := range []string{rp.URL + "/a", rp.URL + "/a", other + "/a", rp.URL + "/a"} {
		if _, err := c.Get(ctx, u, Validators{}); err != nil {
			t.Fatal(err)
		}
	}
	w := *waits
	if len(w) != 4 || w[0] != 0 || w[1] < 59*time.Minute || w[2] != 0 || w[3] < 119*time.Minute {
		t.Fatalf("waits %v; want 0, ~1h, 0 (another host), ~2h", w)
	}
}

func TestRetryAfterForms(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	for h, want := range map[string]time.Duration{
		"":                              0,
		"120":                           2 * time.Minute,
		"Thu, 01 Jan 2026 12:00:30 GMT": 30 * time.Second,
		"Thu, 01 Jan 2026 11:00:00 GMT": 0,
		"soon":                          0,
	} {
		if got := retryAfter(h, now); got != want {
			t.Errorf("retryAfter(%q) = %v; want %v", h, got, want)
		}
	}
}

func TestClientRefusesOversizedBodies(t *testing.T) {
	rp := testkit.NewReplay(t)
	rp.Handle("/big", testkit.Route{Body: make([]byte, 2048)})
	c := NewClient("test")
	c.Interval, c.MaxSize = 0, 1024
	_, err := c.Get(context.Background(), rp.URL+"/big", Validators{})
	if err == nil || !strings.Contains(err.Error(), "over the limit") {
		t.Fatalf("oversized body: %v", err)
	}
	if _, err := c.Get(context.Background(), "ftp://example.org/x", Validators{}); err == nil {
		t.Fatal("ftp URL accepted")
	}
}
