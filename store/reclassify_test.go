package store

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"scrutiny/corpus"
)

func openTestDB(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "scrutiny.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// pagedDoc is a three-page document with characters of one, two and
// three bytes, pages separated by form feeds as the PDF extractor leaves
// them.
func pagedDoc(sha string) *corpus.Document {
	p1, p2, p3 := "Ofsted’s judgement: good.", "Café minutes — item 2.", "RESOLVED: noted."
	text := p1 + "\f" + p2 + "\f" + p3
	a, b := len(p1)+1, len(p1)+1+len(p2)+1
	doc := &corpus.Document{
		Path: "doc.pdf", AbsPath: "/x/doc.pdf", SHA256: sha, Size: int64(len(text)), Format: corpus.PDF,
		Extractor: "test", Text: text, Type: corpus.Minutes,
		Pages: []corpus.Page{{Number: 1, Start: 0, End: len(p1)}, {Number: 2, Start: a, End: a + len(p2)}, {Number: 3, Start: b, End: len(text)}},
		Items: []corpus.Item{{Number: 1, Title: "Item", Start: 0, End: len(text), Page: 1}},
		Meta:  map[string]string{"url": "https://x.example/doc.pdf"},
	}
	doc.Findings = []corpus.Finding{{Kind: corpus.Resolution, Text: p3, Start: b, End: len(text), Page: 3, Item: 1, Rule: "test", AnswerTo: -1}}
	return doc
}

func TestStoredDocumentRoundTrip(t *testing.T) {
	db := openTestDB(t)
	doc := pagedDoc("aa")
	res, err := db.PutDocument(context.Background(), doc, 0, Versions{Extractor: "1", Classifier: "old"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.StoredDocument(context.Background(), res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != doc.Text || !reflect.DeepEqual(got.Pages, doc.Pages) || got.Meta["url"] != doc.Meta["url"] || got.Format != doc.Format {
		t.Fatalf("stored document:\n got pages %+v meta %v\nwant pages %+v meta %v", got.Pages, got.Meta, doc.Pages, doc.Meta)
	}
	ids, err := db.StaleDocuments(context.Background(), "new", false)
	if err != nil || len(ids) != 1 || ids[0] != res.ID {
		t.Fatalf("stale documents %v, %v", ids, err)
	}
	if ids, _ := db.StaleDocuments(context.Background(), "old", false); len(ids) != 0 {
		t.Fatalf("documents of the current version listed stale: %v", ids)
	}
	if ids, _ := db.StaleDocuments(context.Background(), "old", true); len(ids) != 1 {
		t.Fatalf("all: %v", ids)
	}
}

func TestReplaceContent(t *testing.T) {
	db := openTestDB(t)
	ctx := context.Background()
	doc := pagedDoc("bb")
	res, err := db.PutDocument(ctx, doc, 0, Versions{Extractor: "1", Classifier: "old"})
	if err != nil {
		t.Fatal(err)
	}
	// New rules: two items, a question and its answer, a meeting.
	doc.Items = []corpus.Item{{Number: 1, Title: "One", Start: 0, End: 30, Page: 1}, {Number: 2, Title: "Two", Start: 30, End: len(doc.Text), Page: 2}}
	doc.Findings = []corpus.Finding{
		{Kind: corpus.Question, Text: "Café minutes", Start: 30, End: 43, Page: 2, Item: 2, Rule: "q", Speaker: "unknown", AnswerTo: -1},
		{Kind: corpus.Answer, Text: "item 2", Start: 48, End: 54, Page: 2, Item: 2, Rule: "a", AnswerTo: 0},
	}
	doc.Meeting = &corpus.MeetingFacts{Committee: "Cabinet", Date: "2026-01-14"}
	n, err := db.ReplaceContent(ctx, res.ID, doc, "new")
	if err != nil || n != 2 {
		t.Fatalf("replace: %d, %v", n, err)
	}
	var items, findings, linked, meetings int
	var version string
	db.SQL().QueryRow(`SELECT count(*) FROM items WHERE document_id = ?`, res.ID).Scan(&items)
	db.SQL().QueryRow(`SELECT count(*) FROM findings WHERE document_id = ?`, res.ID).Scan(&findings)
	db.SQL().QueryRow(`SELECT count(*) FROM findings WHERE answer_to IS NOT NULL`).Scan(&linked)
	db.SQL().QueryRow(`SELECT count(*) FROM meetings WHERE document_id = ? AND committee = 'Cabinet'`, res.ID).Scan(&meetings)
	db.SQL().QueryRow(`SELECT classifier_version FROM documents WHERE id = ?`, res.ID).Scan(&version)
	if items != 2 || findings != 2 || linked != 1 || meetings != 1 || version != "new" {
		t.Fatalf("after replace: %d items, %d findings (%d linked), %d meetings, version %q", items, findings, linked, meetings, version)
	}
	var oldHits, newHits int
	db.SQL().QueryRow(`SELECT count(*) FROM findings_fts WHERE findings_fts MATCH 'resolved'`).Scan(&oldHits)
	db.SQL().QueryRow(`SELECT count(*) FROM findings_fts WHERE findings_fts MATCH 'cafe'`).Scan(&newHits)
	if oldHits != 0 || newHits != 1 {
		t.Fatalf("full-text index after replace: %d hits for the old finding, %d for the new", oldHits, newHits)
	}
	for _, fts := range []string{"findings_fts", "items_fts"} {
		if _, err := db.SQL().Exec(`INSERT INTO ` + fts + `(` + fts + `) VALUES ('integrity-check')`); err != nil {
			t.Fatalf("%s: %v", fts, err)
		}
	}
	if _, err := db.ReplaceContent(ctx, 999, doc, "new"); err == nil {
		t.Fatal("replacing a document that does not exist succeeded")
	}
}

func TestSameURLSupersedes(t *testing.T) {
	db := openTestDB(t)
	ctx := context.Background()
	first, second := pagedDoc("c1"), pagedDoc("c2")
	first.AbsPath, second.AbsPath = "/data/blobs/c1.pdf", "/data/blobs/c2.pdf"
	a, err := db.PutDocument(ctx, first, 0, Versions{Extractor: "1", Classifier: "1"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := db.PutDocument(ctx, second, 0, Versions{Extractor: "1", Classifier: "1"})
	if err != nil || b.Superseded != 1 {
		t.Fatalf("second version: %+v, %v; want it to supersede the first", b, err)
	}
	var by int64
	db.SQL().QueryRow(`SELECT superseded_by FROM documents WHERE id = ?`, a.ID).Scan(&by)
	if by != b.ID {
		t.Fatalf("first superseded by %d; want %d", by, b.ID)
	}
	other := pagedDoc("c3")
	other.AbsPath, other.Meta = "/data/blobs/c3.pdf", map[string]string{"url": "https://x.example/other.pdf"}
	if r, _ := db.PutDocument(ctx, other, 0, Versions{Extractor: "1", Classifier: "1"}); r.Superseded != 0 {
		t.Fatal("a document from another URL superseded")
	}
}

func TestCloseAbandonedRuns(t *testing.T) {
	db := openTestDB(t)
	ctx := context.Background()
	dead, _ := db.StartRun(ctx, "ingest", "", Versions{Extractor: "1", Classifier: "1"})
	done, _ := db.StartRun(ctx, "ingest", "", Versions{Extractor: "1", Classifier: "1"})
	db.FinishRun(ctx, Run{ID: done, Status: RunOK})
	n, err := db.CloseAbandonedRuns(ctx)
	if err != nil || n != 1 {
		t.Fatalf("closed %d, %v; want 1", n, err)
	}
	runs, _ := db.Runs(ctx, 10)
	for _, r := range runs {
		if r.ID == dead && (r.Status != RunInterrupted || r.FinishedAt == "" || r.Message == "") {
			t.Fatalf("abandoned run: %+v", r)
		}
		if r.ID == done && r.Status != RunOK {
			t.Fatalf("finished run changed: %+v", r)
		}
	}
	if last, ok, _ := db.LastRunOf(ctx, "ingest"); !ok || last.ID != done {
		t.Fatalf("last ingest run: %+v", last)
	}
}
