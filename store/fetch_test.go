package store

import (
	"context"
	"testing"

	"scrutiny/corpus"
)

func TestFetchState(t *testing.T) {
	db := openTestDB(t)
	ctx := context.Background()
	const u = "https://x.example/mgWebService.asmx/GetCommittees"
	if _, ok, err := db.FetchState(ctx, u); ok || err != nil {
		t.Fatalf("unknown URL: %v, %v", ok, err)
	}
	ok200 := FetchState{URL: u, Status: 200, ETag: `"abc"`, LastModified: "Tue, 20 Jan 2026 09:00:00 GMT",
		SHA256: "ff", Blob: "blobs/sha256/ff/ff.xml", ContentType: "text/xml", Size: 10}
	if err := db.PutFetchState(ctx, ok200); err != nil {
		t.Fatal(err)
	}
	// A 304, then a failure, keep the validators of the last body.
	db.PutFetchState(ctx, FetchState{URL: u, Status: 304})
	db.PutFetchState(ctx, FetchState{URL: u, Status: 503, Error: "GET: 503"})
	st, ok, err := db.FetchState(ctx, u)
	if !ok || err != nil || st.ETag != ok200.ETag || st.LastModified != ok200.LastModified || st.Blob != ok200.Blob ||
		st.Status != 503 || st.Error != "GET: 503" || st.FetchedAt == "" {
		t.Fatalf("state: %+v, %v", st, err)
	}
	db.PutFetchState(ctx, ok200)
	if st, _, _ := db.FetchState(ctx, u); st.Error != "" || st.Status != 200 {
		t.Fatalf("a success does not clear the error: %+v", st)
	}
}

func TestFetchedAndPending(t *testing.T) {
	db := openTestDB(t)
	ctx := context.Background()
	run, _ := db.StartRun(ctx, "fetch", "", Versions{Extractor: "1", Classifier: "-"})
	for _, sha := range []string{"d1", "d2", "d3"} {
		isNew, err := db.PutFetched(ctx, Fetched{SHA256: sha, Blob: "blobs/" + sha + ".pdf", URL: "https://x.example/" + sha,
			Source: "s", Meta: map[string]string{"committee": "Cabinet"}, RunID: run})
		if err != nil || !isNew {
			t.Fatalf("put %s: %v, %v", sha, isNew, err)
		}
	}
	if again, _ := db.PutFetched(ctx, Fetched{SHA256: "d1", Blob: "b", URL: "https://x.example/copy", Source: "s"}); again {
		t.Fatal("the same content fetched twice is new twice")
	}
	// d1 stored, d2 failed with this extractor: only d3 waits.
	doc := &corpus.Document{Path: "d1", AbsPath: "/d1", SHA256: "d1", Format: corpus.PDF, Extractor: "x", Text: "t"}
	if _, err := db.PutDocument(ctx, doc, 0, Versions{Extractor: "1", Classifier: "1"}); err != nil {
		t.Fatal(err)
	}
	db.PutFailure(ctx, Failure{Path: "d2", SHA256: "d2", Stage: "extract", Error: "damaged PDF"}, "/d2", "1")
	pending, err := db.PendingFetched(ctx, "1")
	if err != nil || len(pending) != 1 || pending[0].SHA256 != "d3" || pending[0].Meta["committee"] != "Cabinet" {
		t.Fatalf("pending: %+v, %v", pending, err)
	}
	// A new extractor deserves another try at d2.
	if pending, _ := db.PendingFetched(ctx, "2"); len(pending) != 2 {
		t.Fatalf("pending for a new extractor: %+v", pending)
	}
	meta, err := db.FetchedMeta(ctx)
	if err != nil || len(meta) != 3 || meta["d2"]["committee"] != "Cabinet" {
		t.Fatalf("meta: %v, %v", meta, err)
	}
	db.PutFetchFailure(ctx, FetchFailure{RunID: run, Source: "s", URL: "https://x.example/gone", Error: "404"})
	if ff, err := db.FetchFailures(ctx, run); err != nil || len(ff) != 1 || ff[0].Error != "404" {
		t.Fatalf("fetch failures: %+v, %v", ff, err)
	}
}
