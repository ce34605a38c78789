package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scrutiny/internal/testkit"
	"scrutiny/store"
)

func TestFetchThenIngestTheDataFolderByHand(t *testing.T) {
	// The defaults these tests rely on are not overridden from outside.
	t.Setenv("SCRUTINY_SOURCES", "")
	t.Setenv("SCRUTINY_DATA", "")
	rp := testkit.CouncilSites(t)
	dir := t.TempDir()
	sources := filepath.Join(dir, "sources.ini")
	os.WriteFile(sources, []byte(testkit.CouncilSources(rp)), 0o644)
	dbPath, data := filepath.Join(dir, "scrutiny.db"), filepath.Join(dir, "store")

	code, _, stderr := cli(t, "fetch", "--no-ingest", "--db", dbPath, "--sources", sources, "--data", data)
	if code != exitSomeFailed || !strings.Contains(stderr, "denbighshire") || !strings.Contains(stderr, "8 new") {
		t.Fatalf("fetch --no-ingest: exit %d\n%s", code, stderr)
	}
	db, _ := store.Open(context.Background(), dbPath)
	stats, _ := db.Stats(context.Background())
	db.Close()
	if stats.Documents != 0 {
		t.Fatalf("--no-ingest ingested %d documents", stats.Documents)
	}

	// Ingesting the data folder by hand reads the documents, not the web
	// service's answers, and keeps what the fetcher knew of each.
	code, _, stderr = cli(t, "ingest", "-q", "--db", dbPath, filepath.Join(data, "blobs"))
	if code != 0 {
		t.Fatalf("ingest of the data folder: exit %d\n%s", code, stderr)
	}
	db, _ = store.Open(context.Background(), dbPath)
	defer db.Close()
	var docs, withURL int
	db.SQL().QueryRow(`SELECT count(*), count(json_extract(meta, '$.url')) FROM documents`).Scan(&docs, &withURL)
	if docs != 8 || withURL != 8 {
		t.Fatalf("%d documents, %d with their source URL; want 8, 8", docs, withURL)
	}

	// Nothing waits now: a fetch without news ingests nothing.
	rp.Reset()
	code, _, stderr = cli(t, "fetch", "--db", dbPath, "--sources", sources, "--data", data)
	if code != exitSomeFailed || rp.Count(200) != 0 || !strings.Contains(stderr, ", 0 new;") {
		t.Fatalf("second fetch: exit %d, %d 200s\n%s", code, rp.Count(200), stderr)
	}
	runs, _ := db.Runs(context.Background(), 1)
	if runs[0].Command != "fetch" {
		t.Fatalf("the last run is %s; a fetch with nothing waiting runs no ingest", runs[0].Command)
	}

	// Mistakes on the command line are reported plainly.
	if code, _, stderr := cli(t, "fetch", "--db", dbPath, "--sources", filepath.Join(dir, "missing.ini")); code != exitFatal ||
		!strings.Contains(stderr, "missing.ini") {
		t.Fatalf("missing sources file: exit %d, %s", code, stderr)
	}
	if code, _, _ := cli(t, "fetch", "--db", dbPath); code != exitUsage {
		t.Fatalf("fetch without sources: exit %d; want %d", code, exitUsage)
	}
	if code, _, _ := cli(t, "nightly", "--db", dbPath); code != exitUsage {
		t.Fatalf("nightly with nothing to do: exit %d; want %d", code, exitUsage)
	}
}
