package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scrutiny/corpus"
	"scrutiny/store"
)

func TestSourceServesOnlyTheIngestedFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "minutes.txt")
	content := "Minutes of the meeting.\n<script>alert(1)</script>\n"
	if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(content))
	dbPath := filepath.Join(dir, "scrutiny.db")
	w, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	doc := &corpus.Document{Path: "minutes.txt", AbsPath: file, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(content)),
		ModTime: time.Now(), Format: corpus.Txt, Extractor: "test", Text: content, Type: corpus.Minutes,
		Pages: []corpus.Page{{Number: 1, Start: 0, End: len(content)}}}
	res, err := w.PutDocument(context.Background(), doc, 0, store.Versions{Extractor: "test", Classifier: "test"})
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	db, err := store.OpenReadOnly(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h, err := New(db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	u := "/documents/" + itoa(res.ID) + "/source"
	st, body, hdr := get(t, srv, u)
	if st != 200 || body != content {
		t.Fatalf("GET %s = %d %q, want the file", u, st, body)
	}
	if !strings.HasPrefix(hdr.Get("Content-Type"), "text/plain") || !strings.Contains(hdr.Get("Content-Disposition"), "minutes.txt") {
		t.Errorf("headers %v: want plain text, inline, named", hdr)
	}
	for _, p := range []string{"/documents/" + itoa(res.ID+1) + "/source", "/documents/..%2f..%2fetc%2fpasswd/source", "/documents/1%2f..%2f/source"} {
		if st, _, _ := get(t, srv, p); st != 404 {
			t.Errorf("GET %s = %d, want 404", p, st)
		}
	}
	if err := os.WriteFile(file, []byte("changed since"), 0o644); err != nil {
		t.Fatal(err)
	}
	if st, body, _ := get(t, srv, u); st != 410 || !strings.Contains(body, "changed") {
		t.Errorf("GET %s after the file changed = %d, want 410 saying so", u, st)
	}
	os.Remove(file)
	if st, body, _ := get(t, srv, u); st != 410 || !strings.Contains(body, "no longer") {
		t.Errorf("GET %s after the file went = %d, want 410 saying so", u, st)
	}
}
