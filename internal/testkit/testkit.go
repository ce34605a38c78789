// Package testkit holds helpers shared by Scrutiny's tests: the project's
// root and test data, the shared development corpus when it is present, and
// a real SQLite database in a temporary folder, empty or seeded.
package testkit

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"scrutiny/internal/seed"
	"scrutiny/store"
)

// Root returns the project's root folder (the one holding go.mod).
func Root(tb testing.TB) string {
	tb.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		tb.Fatal("testkit: cannot locate the project root")
	}
	return filepath.Dir(filepath.Dir(filepath.Dir(file)))
}

// Testdata returns the path of a file or folder under testdata/.
func Testdata(tb testing.TB, elem ...string) string {
	tb.Helper()
	return filepath.Join(append([]string{Root(tb), "testdata"}, elem...)...)
}

var announce sync.Once

// SharedCorpus returns the path of the shared development corpus
// (../shared/corpus from the project root, or $SCRUTINY_CORPUS), or skips
// the test when it is not there: users who clone the project do not have
// it, and the suites that need it say so when they run.
func SharedCorpus(tb testing.TB, elem ...string) string {
	tb.Helper()
	dir := os.Getenv("SCRUTINY_CORPUS")
	if dir == "" {
		dir = filepath.Join(Root(tb), "..", "shared", "corpus")
	}
	if _, err := os.Stat(filepath.Join(dir, "README.md")); err != nil {
		tb.Skipf("shared corpus not present at %s (set SCRUTINY_CORPUS to run this suite)", dir)
	}
	announce.Do(func() {
		abs, _ := filepath.Abs(dir)
		// Printed once per test binary, so that a run says plainly that it
		// measured against the shared corpus.
		os.Stderr.WriteString("testkit: using the shared corpus at " + abs + "\n")
	})
	tb.Logf("using the shared corpus at %s", dir)
	return filepath.Join(append([]string{dir}, elem...)...)
}

// SharedCorpusIfPresent returns the path of the shared development corpus
// and true when it is present, without skipping: for tests that use it to
// add to what they have (fuzz seeds), not to decide whether to run.
func SharedCorpusIfPresent(tb testing.TB, elem ...string) (string, bool) {
	tb.Helper()
	dir := os.Getenv("SCRUTINY_CORPUS")
	if dir == "" {
		dir = filepath.Join(Root(tb), "..", "shared", "corpus")
	}
	if _, err := os.Stat(filepath.Join(dir, "README.md")); err != nil {
		return "", false
	}
	return filepath.Join(append([]string{dir}, elem...)...), true
}

// OpenDB opens a new database in a temporary folder, closed when the test
// ends.
func OpenDB(tb testing.TB) *store.DB {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "scrutiny.db")
	db, err := store.Open(context.Background(), path)
	if err != nil {
		tb.Fatalf("open database: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// SeededFile writes the seed documents (internal/seed) to a new database
// file and closes it, so that the file alone is the database: for tests
// of what opens one by its path, read-only or in another process.
func SeededFile(tb testing.TB) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "scrutiny.db")
	db, err := store.Open(context.Background(), path)
	if err != nil {
		tb.Fatalf("open database: %v", err)
	}
	if err := seed.Load(context.Background(), db); err != nil {
		tb.Fatalf("seed: %v", err)
	}
	if err := db.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}
