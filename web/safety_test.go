package web

import (
	"context"
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"scrutiny/internal/testkit"
	"strings"
	"testing"

	"scrutiny/store"
)

// injections are SQL, FTS5 commands and other hostile values that a
// request might carry in any parameter.
var injections = []string{
	`'; DROP TABLE findings; --`,
	`1; DELETE FROM documents`,
	`1 OR 1=1`,
	`" OR ""="`,
	`') UNION SELECT sql, 1, 1 FROM sqlite_master --`,
	`x' AND (SELECT count(*) FROM documents) > 0 --`,
	`%' OR '%'='`,
	`findings_fts MATCH 'a'`,
	`ATTACH DATABASE '/tmp/evil.db' AS evil`,
	`'); INSERT INTO findings_fts(findings_fts) VALUES ('delete-all'); --`,
	`delete-all`,
	`rank MATCH 'bm25(10.0)'`,
	`text: care OR speaker: *`,
	`NEAR(a b, -1)`,
	`*`,
	`\`,
	`%00`,
	"\x00",
	`../../../../etc/passwd`,
	`-1`,
	`99999999999999999999999`,
	`1e9`,
	`<script>alert(1)</script>`,
	strings.Repeat("a OR ", 300) + "a",
}

var params = []string{"q", "kind", "authority", "area", "grade", "source", "since", "until", "in", "limit", "offset", "per", "page", "raw"}

// TestRequestsCannotWrite sends SQL and other hostile values in every
// parameter and id of every endpoint, and other methods than GET: every
// answer must be a normal one (a page, results or none, or a 4xx with a
// message), never a 500, and the database file must not change.
func TestRequestsCannotWrite(t *testing.T) {
	path := testkit.SeededFile(t)
	before := fingerprint(t, path)

	db, err := store.OpenReadOnly(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	h, err := New(db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)

	var urls []string
	for _, p := range injections {
		e := url.QueryEscape(p)
		for _, name := range params {
			for _, base := range []string{"/", "/api/search"} {
				urls = append(urls, base+"?"+name+"="+e, base+"?q=care&"+name+"="+e)
			}
		}
		urls = append(urls, "/api/search?raw=1&q="+e, "/?raw=1&q="+e)
		pe := url.PathEscape(p)
		for _, base := range []string{"/findings/", "/items/", "/documents/", "/api/findings/", "/api/items/", "/api/documents/"} {
			urls = append(urls, base+pe)
		}
		urls = append(urls, "/documents/"+pe+"/source")
	}
	for _, u := range urls {
		resp, err := srv.Client().Get(srv.URL + u)
		if err != nil {
			t.Fatalf("GET %s: %v", u, err)
		}
		body := readAll(t, resp)
		if resp.StatusCode != 200 && resp.StatusCode != 400 && resp.StatusCode != 404 {
			t.Errorf("GET %s: status %d, want 200, 400 or 404: %s", u, resp.StatusCode, clip(body, 300))
		}
		for _, bad := range []string{"goroutine ", "panic", "runtime error", "SQL logic error"} {
			if strings.Contains(body, bad) {
				t.Errorf("GET %s: the answer shows %q: %s", u, bad, clip(body, 300))
			}
		}
		// Pages escape what they echo; JSON carries it as data.
		if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") && strings.Contains(body, "<script>alert") {
			t.Errorf("GET %s: the page echoes markup unescaped", u)
		}
	}
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH"} {
		for _, u := range []string{"/", "/api/search?q=care", "/api/findings/1", "/documents/1/source"} {
			req, _ := http.NewRequest(m, srv.URL+u, strings.NewReader("q=x"))
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			readAll(t, resp)
			if resp.StatusCode != http.StatusMethodNotAllowed {
				t.Errorf("%s %s: status %d, want 405", m, u, resp.StatusCode)
			}
		}
	}
	srv.Close()
	db.Close()
	if after := fingerprint(t, path); after != before {
		t.Errorf("the database changed:\nbefore %s\nafter  %s", before, after)
	}
	t.Logf("%d hostile requests", len(urls))
}

// fingerprint describes a database file: its content's hash, and the row
// counts of its tables (read through a fresh read-only connection).
func fingerprint(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.OpenReadOnly(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var fts int
	if err := db.SQL().QueryRow(`SELECT count(*) FROM findings_fts WHERE findings_fts MATCH 'the OR care OR agency'`).Scan(&fts); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("sha256 %x, %d documents, %d items, findings %v, %d FTS matches", sha256.Sum256(b), st.Documents, st.Items, st.Findings, fts)
}

func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	var b strings.Builder
	buf := make([]byte, 32<<10)
	for {
		n, err := resp.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			break
		}
	}
	return b.String()
}
