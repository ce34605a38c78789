package ingest_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"scrutiny/corpus"
	"scrutiny/extract"
	"scrutiny/ingest"
	"scrutiny/internal/testkit"
	"scrutiny/store"
)

// corpusCopy copies the seed texts and their HTML versions into a fresh
// folder, so that tests may touch and change them.
func corpusCopy(t *testing.T) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for _, pattern := range []string{"seeds/*.txt", "seeds/html/*.html"} {
		files, err := filepath.Glob(testkit.Testdata(t, pattern))
		if err != nil || len(files) == 0 {
			t.Fatalf("no test files for %s: %v", pattern, err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			dst := filepath.Join(dir, filepath.Base(filepath.Dir(f))+"_"+filepath.Base(f))
			if err := os.WriteFile(dst, data, 0o644); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, dst)
		}
	}
	return dir, paths
}

// countingExtractor counts extractions and delegates to extract.Extract.
type countingExtractor struct{ n atomic.Int64 }

func (c *countingExtractor) extract(ctx context.Context, name string, f corpus.Format, data []byte, opt extract.Options) (*extract.Text, error) {
	c.n.Add(1)
	return extract.Extract(ctx, name, f, data, opt)
}

func ingestDir(t *testing.T, db *store.DB, dir string, opt ingest.Options) ingest.Summary {
	t.Helper()
	sum, err := ingest.Run(context.Background(), db, []string{dir}, opt)
	if err != nil {
		t.Fatalf("ingest: %v", err)
	}
	return sum
}

func TestUnchangedFilesAreNeitherReadNorExtracted(t *testing.T) {
	dir, paths := corpusCopy(t)
	db := testkit.OpenDB(t)
	var ex countingExtractor
	first := ingestDir(t, db, dir, ingest.Options{Extractor: ex.extract, Workers: 2})
	if first.New != len(paths) || ex.n.Load() != int64(len(paths)) {
		t.Fatalf("first run: new %d, extractions %d; want %d each", first.New, ex.n.Load(), len(paths))
	}

	ex.n.Store(0)
	second := ingestDir(t, db, dir, ingest.Options{Extractor: ex.extract})
	if second.Unchanged != len(paths) || second.New != 0 || ex.n.Load() != 0 {
		t.Fatalf("second run: unchanged %d, new %d, extractions %d; want %d, 0, 0",
			second.Unchanged, second.New, ex.n.Load(), len(paths))
	}

	// Same bytes, new modification time: hashed, found known, not extracted.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(paths[0], later, later); err != nil {
		t.Fatal(err)
	}
	third := ingestDir(t, db, dir, ingest.Options{Extractor: ex.extract})
	if third.Unchanged != len(paths) || ex.n.Load() != 0 {
		t.Fatalf("touched file: unchanged %d, extractions %d; want %d, 0", third.Unchanged, ex.n.Load(), len(paths))
	}

	// Different bytes of the same size under the remembered time: a run
	// that only stats the file cannot tell, which shows it did not read it.
	data, _ := os.ReadFile(paths[1])
	info, _ := os.Stat(paths[1])
	data[len(data)/2] ^= 0x01
	if err := os.WriteFile(paths[1], data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(paths[1], info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	fourth := ingestDir(t, db, dir, ingest.Options{Extractor: ex.extract})
	if fourth.Unchanged != len(paths) || ex.n.Load() != 0 {
		t.Fatalf("stat-only check: unchanged %d, extractions %d; want %d, 0", fourth.Unchanged, ex.n.Load(), len(paths))
	}

	// A real change (new size) is read, extracted, and supersedes.
	if err := os.WriteFile(paths[2], append(data, "\nAn added line.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	fifth := ingestDir(t, db, dir, ingest.Options{Extractor: ex.extract})
	if fifth.New != 1 || fifth.Superseded != 1 || ex.n.Load() != 1 {
		t.Fatalf("changed file: new %d, superseded %d, extractions %d; want 1, 1, 1", fifth.New, fifth.Superseded, ex.n.Load())
	}
}

func TestInterruptCommitsWholeDocumentsOnly(t *testing.T) {
	dir, paths := corpusCopy(t)
	db := testkit.OpenDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var n atomic.Int64
	// The fourth extraction cancels the run and then waits for the
	// cancellation, as a document caught mid-extraction by SIGINT would.
	blocking := func(ctx context.Context, name string, f corpus.Format, data []byte, opt extract.Options) (*extract.Text, error) {
		if n.Add(1) == 4 {
			cancel()
			<-ctx.Done()
			return nil, ctx.Err()
		}
		return extract.Extract(ctx, name, f, data, opt)
	}
	sum, err := ingest.Run(ctx, db, []string{dir}, ingest.Options{Extractor: blocking, Workers: 1})
	if err != nil {
		t.Fatalf("ingest: %v", err)
	}
	if !sum.Interrupted || sum.Status != store.RunInterrupted {
		t.Fatalf("summary: interrupted %v, status %q; want true, %q", sum.Interrupted, sum.Status, store.RunInterrupted)
	}
	if sum.New != 3 || sum.Failed != 0 {
		t.Fatalf("interrupted run: new %d, failed %d; want 3 committed and no failure for the cut document", sum.New, sum.Failed)
	}
	last, _, err := db.LastRun(context.Background())
	if err != nil || last.Status != store.RunInterrupted || last.FinishedAt == "" {
		t.Fatalf("ledger: %+v, %v; want an interrupted, finished run", last, err)
	}
	checkWhole(t, db)

	rest := ingestDir(t, db, dir, ingest.Options{})
	if rest.New != len(paths)-3 || rest.Unchanged != 3 {
		t.Fatalf("next run: new %d, unchanged %d; want %d, 3", rest.New, rest.Unchanged, len(paths)-3)
	}
}

// checkWhole checks that every stored document has its items, and that
// the full-text indexes agree with their tables.
func checkWhole(t *testing.T, db *store.DB) {
	t.Helper()
	var bare int
	err := db.SQL().QueryRow(`SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.document_id = d.id)`).Scan(&bare)
	if err != nil || bare != 0 {
		t.Fatalf("%d documents without items (%v)", bare, err)
	}
	for _, fts := range []string{"findings_fts", "items_fts"} {
		if _, err := db.SQL().Exec(`INSERT INTO ` + fts + `(` + fts + `) VALUES ('integrity-check')`); err != nil {
			t.Fatalf("%s: %v", fts, err)
		}
	}
}

func TestSecondRunIsBusyOrWaits(t *testing.T) {
	dir, _ := corpusCopy(t)
	db := testkit.OpenDB(t)
	lk, err := ingest.Acquire(context.Background(), db.Path(), false)
	if err != nil {
		t.Fatal(err)
	}
	if holder, ok := ingest.Holder(db.Path()); !ok || holder == "" {
		t.Fatalf("Holder while held: %q, %v", holder, ok)
	}
	_, err = ingest.Run(context.Background(), db, []string{dir}, ingest.Options{})
	if !errors.Is(err, ingest.ErrBusy) {
		t.Fatalf("run while locked: %v; want ErrBusy", err)
	}
	done := make(chan ingest.Summary)
	go func() {
		sum, err := ingest.Run(context.Background(), db, []string{dir}, ingest.Options{Wait: true})
		if err != nil {
			t.Errorf("waiting run: %v", err)
		}
		done <- sum
	}()
	select {
	case <-done:
		t.Fatal("a waiting run finished while the lock was held")
	case <-time.After(300 * time.Millisecond):
	}
	lk.Release()
	if _, ok := ingest.Holder(db.Path()); ok {
		t.Fatal("Holder after release: still held")
	}
	if sum := <-done; sum.New == 0 {
		t.Fatalf("waiting run stored nothing: %+v", sum)
	}
}

func TestConcurrentRunsStoreEachDocumentOnce(t *testing.T) {
	dir, paths := corpusCopy(t)
	path := filepath.Join(t.TempDir(), "scrutiny.db")
	var wg sync.WaitGroup
	sums := make([]ingest.Summary, 3)
	for i := range sums {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := store.Open(context.Background(), path)
			if err != nil {
				t.Errorf("open: %v", err)
				return
			}
			defer db.Close()
			sums[i], err = ingest.Run(context.Background(), db, []string{dir}, ingest.Options{Wait: true, Workers: 2})
			if err != nil {
				t.Errorf("run %d: %v", i, err)
			}
		}()
	}
	wg.Wait()
	total := 0
	for _, s := range sums {
		total += s.New
	}
	if total != len(paths) {
		t.Fatalf("new across runs: %d; want %d", total, len(paths))
	}
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var docs, distinct int
	db.SQL().QueryRow(`SELECT count(*), count(DISTINCT abs_path) FROM documents`).Scan(&docs, &distinct)
	if docs != len(paths) || distinct != len(paths) {
		t.Fatalf("documents %d (distinct paths %d); want %d", docs, distinct, len(paths))
	}
}

func TestAbandonedRunIsClosedByTheNext(t *testing.T) {
	dir, _ := corpusCopy(t)
	db := testkit.OpenDB(t)
	// A run whose process was killed leaves its row running.
	dead, err := db.StartRun(context.Background(), "ingest", "", ingest.Versions())
	if err != nil {
		t.Fatal(err)
	}
	ingestDir(t, db, dir, ingest.Options{})
	runs, err := db.Runs(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range runs {
		if r.ID == dead && (r.Status != store.RunInterrupted || r.FinishedAt == "" || r.Message == "") {
			t.Fatalf("abandoned run after the next: %+v; want interrupted with a message", r)
		}
		if r.Status == store.RunRunning {
			t.Fatalf("run %d still running", r.ID)
		}
	}
}

func TestMetaBySHAIsStoredAndFillsMeeting(t *testing.T) {
	dir := t.TempDir()
	page := "<html><body><h1>Agenda item</h1><h2>9. Work Programme</h2><p>Minutes:</p>" +
		"<p>The Committee considered a report which set out its future Work Programme.</p>" +
		"<p>RESOLVED: That the Work Programme be noted.</p></body></html>"
	path := filepath.Join(dir, "item.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	db := testkit.OpenDB(t)
	sha := sha256Hex([]byte(page))
	meta := map[string]string{"authority": "Manchester", "committee": "Audit Committee", "meeting_date": "2026-02-10",
		"url": "https://democracy.example.gov.uk/mgAi.aspx?ID=18833"}
	ingestDir(t, db, dir, ingest.Options{MetaBySHA: map[string]map[string]string{sha: meta}})
	var gotMeta, committee, date, authority string
	err := db.SQL().QueryRow(`SELECT d.meta, coalesce(m.committee, ''), coalesce(m.date, ''), coalesce(d.authority, '')
		FROM documents d LEFT JOIN meetings m ON m.document_id = d.id`).Scan(&gotMeta, &committee, &date, &authority)
	if err != nil {
		t.Fatal(err)
	}
	if committee != "Audit Committee" || date != "2026-02-10" || authority != "Manchester" {
		t.Fatalf("meeting %q on %q of %q; want Audit Committee, 2026-02-10, Manchester (meta %s)", committee, date, authority, gotMeta)
	}
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
