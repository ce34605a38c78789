package store_test

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"scrutiny/corpus"
	"scrutiny/internal/testkit"
	"scrutiny/store"
)

var v = store.Versions{Extractor: "test", Classifier: "test"}

// sampleDoc is a two-page document with non-ASCII text before its
// findings, so that byte and character offsets differ.
func sampleDoc() *corpus.Document {
	text := "Children’s Services — Panel\n\nCllr Hunt asked whether the £2m was spent.\fThe Director responded that it was.\n"
	q := strings.Index(text, "Cllr Hunt")
	qe := strings.Index(text, "\f")
	a := qe + 1
	ae := len(text) - 1
	return &corpus.Document{
		Path: "minutes.txt", AbsPath: "/tmp/minutes.txt", SHA256: "aa", Size: int64(len(text)),
		ModTime: time.Unix(1700000000, 0), Format: corpus.Txt, Extractor: "text", Text: text,
		Pages: []corpus.Page{{Number: 1, Start: 0, End: qe}, {Number: 2, Start: qe + 1, End: len(text)}},
		Items: []corpus.Item{{Number: 1, Title: "Panel", Start: 0, End: len(text), Page: 1}},
		Type:  corpus.Minutes,
		Findings: []corpus.Finding{
			{Kind: corpus.Question, Text: text[q:qe], Start: q, End: qe, Page: 1, Item: 1, Speaker: "Cllr Hunt",
				SpeakerRole: corpus.Member, AnsweredBy: "The Director", AnswerTo: -1, Rule: "test.q"},
			{Kind: corpus.Answer, Text: text[a:ae], Start: a, End: ae, Page: 2, Item: 1, Speaker: "The Director",
				SpeakerRole: corpus.Officer, AnswerTo: 0, Rule: "test.a"},
		},
		Meeting: &corpus.MeetingFacts{Committee: "Panel", Date: "2024-01-02",
			Attendees: []corpus.Attendee{{Name: "Cllr Hunt", Role: corpus.Member}}},
	}
}

func TestPutDocumentOffsetsAreCharacters(t *testing.T) {
	db := testkit.OpenDB(t)
	ctx := context.Background()
	doc := sampleDoc()
	res, err := db.PutDocument(ctx, doc, 0, v)
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != store.StatusNew || res.Findings != 2 {
		t.Fatalf("got %+v", res)
	}
	var rows []store.Row
	db.Export(ctx, store.Filter{}, func(r store.Row) error { rows = append(rows, r); return nil })
	if len(rows) != 2 {
		t.Fatalf("got %d rows, want 2", len(rows))
	}
	runes := []rune(doc.Text)
	for _, r := range rows {
		got := string(runes[r.Start:r.End])
		if got != r.Text {
			t.Errorf("%s: text[%d:%d] in characters is %q, want %q", r.Kind, r.Start, r.End, got, r.Text)
		}
	}
	// And SQLite's substr, which counts characters, agrees.
	var sub string
	err = db.SQL().QueryRowContext(ctx, `SELECT substr(d.text, f.start + 1, f.end - f.start) FROM findings f
		JOIN documents d ON d.id = f.document_id WHERE f.kind = 'question'`).Scan(&sub)
	if err != nil || sub != rows[0].Text {
		t.Errorf("substr gave %q (%v), want %q", sub, err, rows[0].Text)
	}
	if rows[1].AnswerTo == nil || *rows[1].AnswerTo != rows[0].ID {
		t.Errorf("answer_to = %v, want the question's id %d", rows[1].AnswerTo, rows[0].ID)
	}
	if rows[1].Page != 2 || rows[0].Page != 1 {
		t.Errorf("pages %d and %d, want 1 and 2", rows[0].Page, rows[1].Page)
	}
	if utf8.RuneCountInString(doc.Text) == len(doc.Text) {
		t.Fatal("test is stale: the sample must hold multi-byte characters")
	}
}

func TestPutDocumentIsAtomic(t *testing.T) {
	db := testkit.OpenDB(t)
	ctx := context.Background()
	doc := sampleDoc()
	doc.Findings[1].Kind = "gossip" // breaks the foreign key to kinds
	if _, err := db.PutDocument(ctx, doc, 0, v); err == nil {
		t.Fatal("a finding of an unknown kind was stored")
	}
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 0 || st.Items != 0 || len(st.Findings) != 0 {
		t.Errorf("a failed document left rows behind: %+v", st)
	}
}

func TestPutDocumentTwiceIsUnchanged(t *testing.T) {
	db := testkit.OpenDB(t)
	ctx := context.Background()
	if _, err := db.PutDocument(ctx, sampleDoc(), 0, v); err != nil {
		t.Fatal(err)
	}
	res, err := db.PutDocument(ctx, sampleDoc(), 0, v)
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != store.StatusUnchanged {
		t.Errorf("got %s, want unchanged", res.Status)
	}
	var n int
	db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM findings`).Scan(&n)
	if n != 2 {
		t.Errorf("got %d findings, want 2", n)
	}
}

func TestFullTextSearchStaysInSync(t *testing.T) {
	db := testkit.OpenDB(t)
	ctx := context.Background()
	if _, err := db.PutDocument(ctx, sampleDoc(), 0, v); err != nil {
		t.Fatal(err)
	}
	var n int
	db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM findings_fts WHERE findings_fts MATCH 'spent'`).Scan(&n)
	if n != 1 {
		t.Errorf("FTS found %d findings for 'spent', want 1", n)
	}
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO findings_fts(findings_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("FTS integrity check: %v", err)
	}
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	db := testkit.OpenDB(t)
	ctx := context.Background()
	if _, err := db.PutDocument(ctx, sampleDoc(), 0, v); err != nil {
		t.Fatal(err)
	}
	ro, err := store.OpenReadOnly(ctx, db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.SQL().ExecContext(ctx, `DELETE FROM findings`); err == nil {
		t.Error("a read-only connection deleted findings")
	}
}
