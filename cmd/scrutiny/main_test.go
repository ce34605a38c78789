package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"scrutiny/internal/testkit"
	"scrutiny/store"
)

var (
	binDir   string
	binOnce  sync.Once
	binPath  string
	binError error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// binary builds the scrutiny command once per test binary, for tests that
// must kill or signal a real process.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the scrutiny binary; skipped with -short")
	}
	binOnce.Do(func() {
		binDir, binError = os.MkdirTemp("", "scrutiny-test-bin-")
		if binError != nil {
			return
		}
		binPath = filepath.Join(binDir, "scrutiny")
		goBin, err := exec.LookPath("go")
		if err != nil {
			goBin = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
		}
		cmd := exec.Command(goBin, "build", "-tags", "sqlite_fts5", "-o", binPath, ".")
		cmd.Dir = filepath.Join(testkit.Root(t), "cmd", "scrutiny")
		out, err := cmd.CombinedOutput()
		if err != nil {
			binError = err
			binPath = string(out)
		}
	})
	if binError != nil {
		t.Fatalf("build scrutiny: %v\n%s", binError, binPath)
	}
	return binPath
}

// cli runs a command line in this process and returns its exit code,
// stdout and stderr.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, nil, &out, &errb)
	return code, out.String(), errb.String()
}

// copyFiles copies files matching the testdata patterns into a new
// folder, prefixing each name with its folder's so that none collide.
func copyFiles(t *testing.T, patterns ...string) (string, int) {
	t.Helper()
	dir := t.TempDir()
	n := 0
	for _, p := range patterns {
		files, err := filepath.Glob(testkit.Testdata(t, p))
		if err != nil || len(files) == 0 {
			t.Fatalf("no test files match %s", p)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Base(filepath.Dir(f)) + "_" + filepath.Base(f)
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	return dir, n
}

// shape is what a stored document holds: a committed document has all of
// it, so a document whose shape differs from a clean run's was cut short.
type shape struct{ items, findings, facts int }

// shapes reads each stored document's shape by content hash.
func shapes(t *testing.T, db *store.DB) map[string]shape {
	t.Helper()
	rows, err := db.SQL().Query(`SELECT d.sha256,
		(SELECT count(*) FROM items i WHERE i.document_id = d.id),
		(SELECT count(*) FROM findings f WHERE f.document_id = d.id),
		(SELECT count(*) FROM meetings m WHERE m.document_id = d.id) + (SELECT count(*) FROM inspections n WHERE n.document_id = d.id)
		FROM documents d`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]shape{}
	for rows.Next() {
		var sha string
		var s shape
		if err := rows.Scan(&sha, &s.items, &s.findings, &s.facts); err != nil {
			t.Fatal(err)
		}
		out[sha] = s
	}
	return out
}

// checkConsistent opens the database at path as the next run would and
// checks it: SQLite's own integrity and foreign keys, both full-text
// indexes, findings inside their own documents' items, and every
// document whole (its shape that of a clean run, ref). It returns how
// many documents are stored.
func checkConsistent(t *testing.T, path string, ref map[string]shape) int {
	t.Helper()
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open after the crash: %v", err)
	}
	defer db.Close()
	var ok string
	if err := db.SQL().QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check: %q, %v", ok, err)
	}
	rows, err := db.SQL().Query(`PRAGMA foreign_key_check`)
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Fatal("foreign_key_check reports violations")
	}
	rows.Close()
	for _, fts := range []string{"findings_fts", "items_fts"} {
		if _, err := db.SQL().Exec(`INSERT INTO ` + fts + `(` + fts + `) VALUES ('integrity-check')`); err != nil {
			t.Fatalf("%s integrity-check: %v", fts, err)
		}
	}
	var stray int
	db.SQL().QueryRow(`SELECT count(*) FROM findings f JOIN items i ON i.id = f.item_id WHERE i.document_id <> f.document_id`).Scan(&stray)
	if stray != 0 {
		t.Fatalf("%d findings point at another document's items", stray)
	}
	got := shapes(t, db)
	for sha, s := range got {
		want, known := ref[sha]
		if !known {
			t.Fatalf("document %.12s is not one of the corpus", sha)
		}
		if s != want {
			t.Fatalf("document %.12s is half-written: %+v; a clean run stores %+v", sha, s, want)
		}
	}
	var files int
	db.SQL().QueryRow(`SELECT count(*) FROM files WHERE sha256 NOT IN (SELECT sha256 FROM documents)`).Scan(&files)
	if files != 0 {
		t.Fatalf("%d remembered files point at no stored document", files)
	}
	return len(got)
}

// checkComplete checks that every document of the corpus is stored exactly
// once, and that no run is left recorded as running.
func checkComplete(t *testing.T, path string, ref map[string]shape) {
	t.Helper()
	if n := checkConsistent(t, path, ref); n != len(ref) {
		t.Fatalf("%d documents stored; want %d", n, len(ref))
	}
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var docs, distinct, running int
	db.SQL().QueryRow(`SELECT count(*), count(DISTINCT abs_path) FROM documents`).Scan(&docs, &distinct)
	db.SQL().QueryRow(`SELECT count(*) FROM runs WHERE status = 'running'`).Scan(&running)
	if docs != len(ref) || distinct != len(ref) || running != 0 {
		t.Fatalf("documents %d (paths %d), runs still running %d; want %d, %d, 0", docs, distinct, running, len(ref), len(ref))
	}
}
