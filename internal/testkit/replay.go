package testkit

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// Route is a recorded response that a Replay server serves.
type Route struct {
	Body        []byte
	ContentType string
	// NoETag leaves out the ETag, so that only Last-Modified makes the
	// response conditional (some sites send one, some the other).
	NoETag bool
	// Fail answers this many requests with FailStatus (503 when zero)
	// before serving the body, with RetryAfter (seconds) when set.
	Fail       int
	FailStatus int
	RetryAfter string
	// Served, when set, is called as the response is served: a test can
	// interrupt the client at that moment.
	Served func()
}

// Replay is an HTTP server on loopback serving recorded responses, so that
// fetching is tested without a network. Bodies are served with an ETag
// and a Last-Modified and answer conditional requests with 304. Recorded
// bodies name the sites they came from; Rewrite points those addresses at
// the server itself.
type Replay struct {
	*httptest.Server
	tb       testing.TB
	mu       sync.Mutex
	routes   []replayRoute
	rewrites []string
	statuses map[int]int
	paths    map[string]int
	agents   map[string]bool
}

type replayRoute struct {
	path  string
	query url.Values
	r     *Route
}

// lastModified is the fixed time every recorded body was last modified.
var lastModified = time.Date(2026, 1, 20, 9, 0, 0, 0, time.UTC)

// NewReplay starts a server, closed when the test ends.
func NewReplay(tb testing.TB) *Replay {
	tb.Helper()
	rp := &Replay{tb: tb, statuses: map[int]int{}, paths: map[string]int{}, agents: map[string]bool{}}
	rp.Server = httptest.NewServer(http.HandlerFunc(rp.serve))
	tb.Cleanup(rp.Close)
	return rp
}

// Handle serves route for requests to pathQuery, a path with an optional
// query whose parameters must all be present (others may be too). Routes
// are tried in the order they were added.
func (rp *Replay) Handle(pathQuery string, r Route) {
	path, query, _ := strings.Cut(pathQuery, "?")
	q, err := url.ParseQuery(query)
	if err != nil {
		rp.tb.Fatalf("replay: route %q: %v", pathQuery, err)
	}
	rp.mu.Lock()
	defer rp.mu.Unlock()
	rp.routes = append(rp.routes, replayRoute{path: path, query: q, r: &r})
}

// Replace serves route in place of what pathQuery served: the page
// changed on the site.
func (rp *Replay) Replace(pathQuery string, r Route) {
	path, query, _ := strings.Cut(pathQuery, "?")
	q, _ := url.ParseQuery(query)
	rp.mu.Lock()
	defer rp.mu.Unlock()
	for i, rt := range rp.routes {
		if rt.path == path && rt.query.Encode() == q.Encode() {
			rp.routes[i].r = &r
			return
		}
	}
	rp.tb.Fatalf("replay: no route %q to replace", pathQuery)
}

// File serves the file at path (as testdata, or absolute) for pathQuery.
func (rp *Replay) File(pathQuery, path, contentType string) {
	rp.tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		rp.tb.Fatalf("replay: %v", err)
	}
	rp.Handle(pathQuery, Route{Body: b, ContentType: contentType})
}

// Rewrite makes bodies that name origin (such as
// "https://democracy.manchester.gov.uk") name the server instead.
func (rp *Replay) Rewrite(origin string) {
	rp.mu.Lock()
	defer rp.mu.Unlock()
	rp.rewrites = append(rp.rewrites, origin, rp.URL)
}

// Count returns how many responses had the status.
func (rp *Replay) Count(status int) int {
	rp.mu.Lock()
	defer rp.mu.Unlock()
	return rp.statuses[status]
}

// Requests returns how many requests asked for path.
func (rp *Replay) Requests(path string) int {
	rp.mu.Lock()
	defer rp.mu.Unlock()
	return rp.paths[path]
}

// Agents returns the User-Agent headers the server saw.
func (rp *Replay) Agents() []string {
	rp.mu.Lock()
	defer rp.mu.Unlock()
	var out []string
	for a := range rp.agents {
		out = append(out, a)
	}
	return out
}

// Reset forgets the counts.
func (rp *Replay) Reset() {
	rp.mu.Lock()
	defer rp.mu.Unlock()
	rp.statuses, rp.paths = map[int]int{}, map[string]int{}
}

func (rp *Replay) serve(w http.ResponseWriter, req *http.Request) {
	rp.mu.Lock()
	rp.paths[req.URL.Path]++
	rp.agents[req.Header.Get("User-Agent")] = true
	route := rp.match(req)
	var body []byte
	fail := 0
	if route != nil {
		body = []byte(strings.NewReplacer(rp.rewrites...).Replace(string(route.Body)))
		if route.Fail > 0 {
			route.Fail--
			fail = route.FailStatus
			if fail == 0 {
				fail = http.StatusServiceUnavailable
			}
		}
	}
	status := http.StatusOK
	defer func() {
		rp.statuses[status]++
		rp.mu.Unlock()
		if route != nil && route.Served != nil {
			route.Served()
		}
	}()
	switch {
	case route == nil:
		status = http.StatusNotFound
		http.NotFound(w, req)
		return
	case fail != 0:
		status = fail
		if route.RetryAfter != "" {
			w.Header().Set("Retry-After", route.RetryAfter)
		}
		w.WriteHeader(status)
		return
	}
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	if !route.NoETag {
		w.Header().Set("ETag", etag)
	}
	w.Header().Set("Last-Modified", lastModified.Format(http.TimeFormat))
	if route.ContentType != "" {
		w.Header().Set("Content-Type", route.ContentType)
	}
	inm, ims := req.Header.Get("If-None-Match"), req.Header.Get("If-Modified-Since")
	if (!route.NoETag && inm == etag) || (inm == "" && ims != "" && !modifiedSince(ims)) {
		status = http.StatusNotModified
		w.WriteHeader(status)
		return
	}
	w.WriteHeader(status)
	w.Write(body)
}

func modifiedSince(ims string) bool {
	t, err := http.ParseTime(ims)
	return err != nil || lastModified.After(t)
}

// match finds the route for a request; the caller holds rp.mu.
func (rp *Replay) match(req *http.Request) *Route {
	q := req.URL.Query()
	for _, rt := range rp.routes {
		if rt.path != req.URL.Path {
			continue
		}
		ok := true
		for k, vs := range rt.query {
			if q.Get(k) != vs[0] {
				ok = false
				break
			}
		}
		if ok {
			return rt.r
		}
	}
	return nil
}
