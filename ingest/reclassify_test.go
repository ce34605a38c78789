package ingest_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"scrutiny/classify"
	"scrutiny/ingest"
	"scrutiny/internal/testkit"
	"scrutiny/store"
)

// findingsByDocument lists each document's findings as comparable lines.
func findingsByDocument(t *testing.T, db *store.DB) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	err := db.Export(context.Background(), store.Filter{}, func(r store.Row) error {
		out[r.SHA256] = append(out[r.SHA256], fmt.Sprintf("%s|%d|%d|%d|%s|%s|%s|%s|%s",
			r.Kind, r.Item, r.Start, r.End, r.Rule, r.Area, r.Grade, r.Speaker, r.Text))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestReclassifyRecomputesFromStoredText(t *testing.T) {
	dir, paths := corpusCopy(t)
	db := testkit.OpenDB(t)
	ingestDir(t, db, dir, ingest.Options{})
	want := findingsByDocument(t, db)
	var items int
	db.SQL().QueryRow(`SELECT count(*) FROM items`).Scan(&items)
	if len(want) == 0 {
		t.Fatal("the test corpus gave no findings to compare")
	}

	// Documents made by an older classifier, with findings that are not
	// today's; and no files left to read.
	res, err := db.SQL().Exec(`UPDATE documents SET classifier_version = 'old' WHERE id % 2 = 0`)
	if err != nil {
		t.Fatal(err)
	}
	stale, _ := res.RowsAffected()
	db.SQL().Exec(`DELETE FROM findings WHERE document_id IN (SELECT id FROM documents WHERE classifier_version = 'old')`)
	db.SQL().Exec(`DELETE FROM meetings`)
	for _, p := range paths {
		os.Remove(p)
	}

	sum, err := ingest.Reclassify(context.Background(), db, ingest.ReclassifyOptions{Workers: 2})
	if err != nil {
		t.Fatalf("reclassify: %v", err)
	}
	if sum.Seen != int(stale) || sum.New != int(stale) || sum.Failed != 0 || sum.Status != store.RunOK {
		t.Fatalf("reclassify summary %+v; want %d seen and reclassified, status ok", sum, stale)
	}
	got := findingsByDocument(t, db)
	for sha, w := range want {
		if fmt.Sprint(got[sha]) != fmt.Sprint(w) {
			t.Errorf("document %s: findings after reclassify differ:\n got %q\nwant %q", sha[:12], got[sha], w)
		}
	}
	var after, old int
	db.SQL().QueryRow(`SELECT count(*) FROM items`).Scan(&after)
	db.SQL().QueryRow(`SELECT count(*) FROM documents WHERE classifier_version <> ?`, classify.Version).Scan(&old)
	if after != items || old != 0 {
		t.Fatalf("items %d (want %d), documents of another classifier %d (want 0)", after, items, old)
	}
	checkWhole(t, db)
	last, _, _ := db.LastRun(context.Background())
	if last.Command != "reclassify" || last.Status != store.RunOK || last.New != int(stale) {
		t.Fatalf("ledger: %+v; want a reclassify run, ok, %d reclassified", last, stale)
	}

	again, err := ingest.Reclassify(context.Background(), db, ingest.ReclassifyOptions{})
	if err != nil || again.Seen != 0 {
		t.Fatalf("second reclassify: seen %d, %v; want nothing to do", again.Seen, err)
	}
	all, err := ingest.Reclassify(context.Background(), db, ingest.ReclassifyOptions{All: true})
	if err != nil || all.New != len(paths) {
		t.Fatalf("reclassify --all: %d reclassified, %v; want %d", all.New, err, len(paths))
	}
	if fmt.Sprint(findingsByDocument(t, db)) != fmt.Sprint(want) {
		t.Fatal("findings changed when reclassified again with the same rules")
	}
	checkWhole(t, db)
}

func TestReclassifyInterruptedResumes(t *testing.T) {
	dir, paths := corpusCopy(t)
	db := testkit.OpenDB(t)
	ingestDir(t, db, dir, ingest.Options{})
	db.SQL().Exec(`UPDATE documents SET classifier_version = 'old'`)
	ctx, cancel := context.WithCancel(context.Background())
	rep := &cancelAfter{n: 2, cancel: cancel}
	sum, err := ingest.Reclassify(ctx, db, ingest.ReclassifyOptions{Workers: 1, Reporter: rep})
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Interrupted || sum.New >= len(paths) || sum.New < 2 {
		t.Fatalf("interrupted reclassify: %+v", sum)
	}
	checkWhole(t, db)
	rest, err := ingest.Reclassify(context.Background(), db, ingest.ReclassifyOptions{})
	if err != nil || sum.New+rest.New != len(paths) {
		t.Fatalf("resumed reclassify: %d + %d of %d, %v", sum.New, rest.New, len(paths), err)
	}
}

// cancelAfter cancels a run once n documents are reported.
type cancelAfter struct {
	n      int
	seen   int
	cancel context.CancelFunc
}

func (c *cancelAfter) Start(int) {}
func (c *cancelAfter) Document(ingest.Event) {
	if c.seen++; c.seen == c.n {
		c.cancel()
	}
}
func (c *cancelAfter) Done(ingest.Summary) {}
