package ingest_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scrutiny/corpus"
	"scrutiny/extract"
	"scrutiny/ingest"
	"scrutiny/internal/testkit"
	"scrutiny/store"
)

// copyFile copies a testdata file into dir under name.
func copyFile(t *testing.T, src, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func run(t *testing.T, db *store.DB, opt ingest.Options, paths ...string) ingest.Summary {
	t.Helper()
	sum, err := ingest.Run(context.Background(), db, paths, opt)
	if err != nil {
		t.Fatalf("ingest: %v", err)
	}
	return sum
}

func TestIngestTwiceIsIdempotent(t *testing.T) {
	db := testkit.OpenDB(t)
	dir := t.TempDir()
	copyFile(t, testkit.Testdata(t, "seeds", "000_52bd7d1560e5d262.txt"), dir, "a.txt")
	copyFile(t, testkit.Testdata(t, "seeds", "html", "002_840bba8568797ecf.html"), dir, "b.html")
	copyFile(t, testkit.Testdata(t, "seeds", "pdf", "004_4f8b36e4dff68196.pdf"), dir, "c.pdf")

	first := run(t, db, ingest.Options{Workers: 2}, dir)
	if first.New != 3 || first.Unchanged != 0 || first.Failed != 0 {
		t.Fatalf("first run: got new=%d unchanged=%d failed=%d, want 3/0/0", first.New, first.Unchanged, first.Failed)
	}
	before, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	second := run(t, db, ingest.Options{Workers: 2}, dir)
	if second.New != 0 || second.Unchanged != 3 || second.Failed != 0 {
		t.Fatalf("second run: got new=%d unchanged=%d failed=%d, want 0/3/0", second.New, second.Unchanged, second.Failed)
	}
	after, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if before.Documents != after.Documents || before.Items != after.Items || total(before.Findings) != total(after.Findings) {
		t.Errorf("second run changed the database: before %+v, after %+v", before, after)
	}
	runs, err := db.Runs(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 2 || runs[0].Unchanged != 3 || runs[0].Status != store.RunOK {
		t.Errorf("run ledger: got %+v, want two runs, the last with 3 unchanged and status ok", runs)
	}
}

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func TestChangedFileBecomesNewVersion(t *testing.T) {
	db := testkit.OpenDB(t)
	dir := t.TempDir()
	p := copyFile(t, testkit.Testdata(t, "seeds", "002_840bba8568797ecf.txt"), dir, "minutes.txt")
	run(t, db, ingest.Options{}, p)

	b, _ := os.ReadFile(p)
	b = append(b, []byte("\n\nRESOLVED: That the action plan be approved.\n")...)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	sum := run(t, db, ingest.Options{}, p)
	if sum.New != 1 || sum.Superseded != 1 {
		t.Fatalf("got new=%d superseded=%d, want 1 and 1", sum.New, sum.Superseded)
	}
	st, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 1 || st.Superseded != 1 {
		t.Errorf("got %d current and %d superseded documents, want 1 and 1", st.Documents, st.Superseded)
	}
	// The old version's findings are kept, and exported only on request.
	var current, all int
	db.Export(context.Background(), store.Filter{}, func(store.Row) error { current++; return nil })
	db.Export(context.Background(), store.Filter{Superseded: true}, func(store.Row) error { all++; return nil })
	if all <= current {
		t.Errorf("exporting all versions gave %d findings, current only %d: the old version's findings are gone", all, current)
	}
}

func TestBadFilesFailAndGoodOnesLand(t *testing.T) {
	db := testkit.OpenDB(t)
	dir := t.TempDir()
	good := []string{
		copyFile(t, testkit.Testdata(t, "seeds", "000_52bd7d1560e5d262.txt"), dir, "good.txt"),
		copyFile(t, testkit.Testdata(t, "seeds", "pdf", "002_840bba8568797ecf.pdf"), dir, "good.pdf"),
	}
	pdf, _ := os.ReadFile(testkit.Testdata(t, "seeds", "pdf", "004_4f8b36e4dff68196.pdf"))
	os.WriteFile(filepath.Join(dir, "truncated.pdf"), pdf[:len(pdf)/3], 0o644)
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(i*7 + i/3)
	}
	os.WriteFile(filepath.Join(dir, "binary.pdf"), junk, 0o644)

	sum, err := ingest.Run(context.Background(), db, []string{dir}, ingest.Options{Workers: 2})
	if err != nil {
		t.Fatalf("a batch with bad files must not fail as a whole: %v", err)
	}
	if sum.New != len(good) || sum.Failed != 3 {
		t.Fatalf("got new=%d failed=%d, want %d and 3", sum.New, sum.Failed, len(good))
	}
	fails, err := db.Failures(context.Background(), sum.RunID)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"truncated.pdf": "pdf", "empty.txt": "empty", "binary.pdf": "not a PDF"}
	for _, f := range fails {
		name := filepath.Base(f.Path)
		if !strings.Contains(strings.ToLower(f.Error), strings.ToLower(want[name])) {
			t.Errorf("%s failed with %q, want a reason mentioning %q", name, f.Error, want[name])
		}
		if f.Stage == "" {
			t.Errorf("%s: failure has no stage", name)
		}
		delete(want, name)
	}
	if len(want) > 0 {
		t.Errorf("no failure row for %v", want)
	}
	for _, g := range good {
		n := 0
		db.Export(context.Background(), store.Filter{Document: g}, func(store.Row) error { n++; return nil })
		if n == 0 {
			t.Errorf("%s: no findings stored", g)
		}
	}
}

func TestPanickingExtractorFailsOnlyItsDocument(t *testing.T) {
	db := testkit.OpenDB(t)
	dir := t.TempDir()
	for _, n := range []string{"000_52bd7d1560e5d262.txt", "002_840bba8568797ecf.txt", "004_4f8b36e4dff68196.txt"} {
		copyFile(t, testkit.Testdata(t, "seeds", n), dir, n)
	}
	copyFile(t, testkit.Testdata(t, "seeds", "001_02b845459bfee06e.txt"), dir, "boom.txt")
	opt := ingest.Options{
		Workers: 2,
		Extractor: func(ctx context.Context, name string, f corpus.Format, data []byte, o extract.Options) (*extract.Text, error) {
			if filepath.Base(name) == "boom.txt" {
				var pages []string
				_ = pages[len(data)] // index out of range: a real runtime panic, as a buggy parser would raise
			}
			return extract.Extract(ctx, name, f, data, o)
		},
	}
	sum := run(t, db, opt, dir)
	if sum.New != 3 || sum.Failed != 1 {
		t.Fatalf("got new=%d failed=%d, want 3 and 1", sum.New, sum.Failed)
	}
	fails, _ := db.Failures(context.Background(), sum.RunID)
	if len(fails) != 1 || fails[0].Stage != "extract" || !strings.Contains(fails[0].Error, "panic") {
		t.Fatalf("got failures %+v, want one panic at the extract stage", fails)
	}
	st, _ := db.Stats(context.Background())
	if st.Documents != 3 || total(st.Findings) == 0 {
		t.Errorf("got %d documents and %d findings: the other documents did not all land", st.Documents, total(st.Findings))
	}
}

func TestDeadlineFailsSlowDocument(t *testing.T) {
	db := testkit.OpenDB(t)
	dir := t.TempDir()
	copyFile(t, testkit.Testdata(t, "seeds", "000_52bd7d1560e5d262.txt"), dir, "slow.txt")
	copyFile(t, testkit.Testdata(t, "seeds", "002_840bba8568797ecf.txt"), dir, "fast.txt")
	opt := ingest.Options{
		// Long enough for the fast document on a loaded machine; the slow
		// one never finishes on its own.
		Timeout: 3 * time.Second,
		Extractor: func(ctx context.Context, name string, f corpus.Format, data []byte, o extract.Options) (*extract.Text, error) {
			if filepath.Base(name) == "slow.txt" {
				<-ctx.Done() // a parser that never finishes on its own
				return nil, ctx.Err()
			}
			return extract.Extract(ctx, name, f, data, o)
		},
	}
	sum := run(t, db, opt, dir)
	if sum.New != 1 || sum.Failed != 1 {
		t.Fatalf("got new=%d failed=%d, want 1 and 1", sum.New, sum.Failed)
	}
	fails, _ := db.Failures(context.Background(), sum.RunID)
	if len(fails) != 1 || !strings.Contains(fails[0].Error, "deadline") {
		t.Fatalf("got failures %+v, want a deadline failure", fails)
	}
}

func TestSecondRunWhileLockedIsBusy(t *testing.T) {
	db := testkit.OpenDB(t)
	other, err := store.Open(context.Background(), db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	dir := t.TempDir()
	copyFile(t, testkit.Testdata(t, "seeds", "000_52bd7d1560e5d262.txt"), dir, "a.txt")

	release := make(chan struct{})
	started := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		_, err := ingest.Run(context.Background(), db, []string{dir}, ingest.Options{
			Extractor: func(ctx context.Context, name string, f corpus.Format, data []byte, o extract.Options) (*extract.Text, error) {
				close(started)
				<-release
				return extract.Extract(ctx, name, f, data, o)
			},
		})
		done <- err
	}()
	<-started
	_, err = ingest.Run(context.Background(), other, []string{dir}, ingest.Options{})
	close(release)
	if !errors.Is(err, ingest.ErrBusy) {
		t.Errorf("second concurrent run: got %v, want ErrBusy", err)
	}
	if err := <-done; err != nil {
		t.Fatalf("first run: %v", err)
	}
}

func TestMissingAndUnsupportedPathsAreReported(t *testing.T) {
	db := testkit.OpenDB(t)
	dir := t.TempDir()
	odd := copyFile(t, testkit.Testdata(t, "seeds", "000_52bd7d1560e5d262.txt"), dir, "notes.docx")
	sum := run(t, db, ingest.Options{}, filepath.Join(dir, "nope.pdf"), odd)
	if sum.Failed != 2 {
		t.Fatalf("got failed=%d, want 2", sum.Failed)
	}
	fails, _ := db.Failures(context.Background(), sum.RunID)
	for _, f := range fails {
		switch filepath.Base(f.Path) {
		case "nope.pdf":
			if !strings.Contains(f.Error, "no such file") {
				t.Errorf("missing file: got %q", f.Error)
			}
		case "notes.docx":
			if !strings.Contains(f.Error, "unsupported") {
				t.Errorf("unsupported file: got %q", f.Error)
			}
		}
	}
}
