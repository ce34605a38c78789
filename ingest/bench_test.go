package ingest_test

import (
	"context"
	"path/filepath"
	"testing"

	"scrutiny/ingest"
	"scrutiny/internal/testkit"
)

// BenchmarkIngestTestdata ingests a mix of testdata (seeds in every format,
// Markdown minutes, a report and a letter) into a new database on one
// worker: a profiling entry point, e.g.
//
//	go test -tags sqlite_fts5 -run '^$' -bench IngestTestdata -cpuprofile cpu.out ./ingest
//
// make bench measures the pipeline as users run it.
func BenchmarkIngestTestdata(b *testing.B) {
	td := testkit.Testdata(b)
	var paths []string
	for _, g := range []string{"seeds/*.txt", "seeds/html/*.html", "seeds/pdf/*.pdf", "minutes/*.md", "ofsted/ilacs/80573_*.pdf", "ofsted/focused-visits/80488_*.pdf"} {
		m, _ := filepath.Glob(filepath.Join(td, g))
		paths = append(paths, m...)
	}
	for b.Loop() {
		b.StopTimer()
		db := testkit.OpenDB(b)
		b.StartTimer()
		sum, err := ingest.Run(context.Background(), db, paths, ingest.Options{Workers: 1})
		if err != nil || sum.Failed > 0 {
			b.Fatalf("ingest: %+v %v", sum, err)
		}
	}
}
