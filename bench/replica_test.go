package main

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReplicate checks that a replicated corpus has n files in folders of
// replicaGroup, that no two copies share a hash (or ingest would skip
// them as stored), and that a second call reuses the copies.
func TestReplicate(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "src")
	os.MkdirAll(src, 0o755)
	var files []string
	for name, body := range map[string]string{"a.pdf": "%PDF-1.4\n%%EOF\n", "b.html": "<p>b</p>", "c.txt": "c"} {
		p := filepath.Join(src, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	env := &Env{Root: root}
	groups, err := replicate(env, "test", files, 250)
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 3 {
		t.Fatalf("%d folders, want 3", len(groups))
	}
	seen := map[[32]byte]string{}
	n := 0
	for _, g := range groups {
		entries, err := os.ReadDir(g)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join(g, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasSuffix(e.Name(), ".pdf") && !strings.HasPrefix(string(data), "%PDF-1.4\n%%EOF\n") {
				t.Errorf("%s does not keep its source's bytes first", e.Name())
			}
			h := sha256.Sum256(data)
			if other, dup := seen[h]; dup {
				t.Errorf("%s and %s have the same content", e.Name(), other)
			}
			seen[h] = e.Name()
			n++
		}
	}
	if n != 250 {
		t.Errorf("%d copies, want 250", n)
	}
	stamp := time.Now().Add(-time.Hour)
	os.Chtimes(filepath.Join(groups[0], "00000_"+filepath.Base(files[0])), stamp, stamp)
	if _, err := replicate(env, "test", files, 250); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(filepath.Join(groups[0], "00000_"+filepath.Base(files[0]))); err != nil || !st.ModTime().Equal(stamp) {
		t.Errorf("the second call wrote the copies again")
	}
}
