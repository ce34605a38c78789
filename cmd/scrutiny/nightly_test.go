package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"scrutiny/internal/testkit"
	"scrutiny/store"
)

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestNightlyTwiceFetchesAndIngestsNothingNew(t *testing.T) {
	// The defaults these tests rely on are not overridden from outside.
	t.Setenv("SCRUTINY_SOURCES", "")
	t.Setenv("SCRUTINY_DATA", "")
	rp := testkit.CouncilSites(t)
	dir := t.TempDir()
	sources := filepath.Join(dir, "sources.ini")
	if err := os.WriteFile(sources, []byte(testkit.CouncilSources(rp)), 0o644); err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(dir, "scrutiny.db")
	report := filepath.Join(dir, "report.txt")
	args := []string{"nightly", "-q", "--db", dbPath, "--sources", sources, "--report", report}

	// The first night: everything is new; one site answers with a web page.
	code, out, stderr := cli(t, args...)
	if code != exitSomeFailed {
		t.Fatalf("first night: exit %d; want %d (one source fails)\n%s\n%s", code, exitSomeFailed, out, stderr)
	}
	text := oneLine(out)
	for _, want := range []string{
		"Fetched from 4 sources with 12 requests (0 not modified): 8 new documents.",
		"Ingested 8 new documents with",
		"1 failure: denbighshire: GetCommittees: the site answered with a redirect page",
		"The database holds 8 documents",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" || len([]rune(line)) > 72 && strings.Contains(line, " ") {
			t.Errorf("report is not one paragraph wrapped at 72 columns: %q", line)
		}
	}
	if saved, _ := os.ReadFile(report); string(saved) != out {
		t.Errorf("report file differs from stdout:\n%s", saved)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "blobs", "sha256")); err != nil {
		t.Errorf("fetched documents are not under data/ beside the database: %v", err)
	}
	checkFetchedDocuments(t, dbPath)

	// The second night: every request is conditional and answered 304.
	rp.Reset()
	code, out, _ = cli(t, args...)
	if code != exitSomeFailed || rp.Count(200) != 0 || rp.Count(304) != 12 {
		t.Fatalf("second night: exit %d, %d 200s, %d 304s; want %d, 0, 12\n%s", code, rp.Count(200), rp.Count(304), exitSomeFailed, out)
	}
	if text := oneLine(out); !strings.Contains(text, "(12 not modified): nothing new.") || !strings.Contains(text, "No new documents were ingested.") {
		t.Errorf("second night's report:\n%s", out)
	}
	db, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	runs, _ := db.Runs(context.Background(), 10)
	db.Close()
	if len(runs) != 3 || runs[0].Command != "fetch" || runs[0].New != 0 {
		t.Errorf("ledger after the second night: %+v; want fetch, nightly, fetch with nothing new the second time", runs)
	}

	// A document changes on a site: the next night fetches it alone, and
	// the new version supersedes the old.
	rp.Reset()
	pdf, _ := os.ReadFile(testkit.Testdata(t, "seeds", "pdf", "004_4f8b36e4dff68196.pdf"))
	rp.Replace("/mgConvert2PDF.aspx?ID=70001", testkit.Route{Body: pdf, ContentType: "application/pdf"})
	_, out, _ = cli(t, args...)
	if text := oneLine(out); rp.Count(200) != 1 || !strings.Contains(text, "Ingested 1 new document (replacing 1 earlier version)") {
		t.Errorf("after a change: %d 200s; report:\n%s", rp.Count(200), out)
	}
}

// checkFetchedDocuments checks what the first night stored: each fetched
// document with its metadata, and the agenda items' minutes as minutes of
// their meeting, numbered as the council numbered them.
func checkFetchedDocuments(t *testing.T, dbPath string) {
	t.Helper()
	db, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.SQL().Query(`SELECT d.meta, d.doc_type, coalesce(m.committee, ''), coalesce(m.date, ''),
		(SELECT group_concat(label) FROM items i WHERE i.document_id = d.id)
		FROM documents d LEFT JOIN meetings m ON m.document_id = d.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var itemPages int
	for rows.Next() {
		var metaJSON, docType, committee, date string
		var labels *string
		if err := rows.Scan(&metaJSON, &docType, &committee, &date, &labels); err != nil {
			t.Fatal(err)
		}
		var meta map[string]string
		json.Unmarshal([]byte(metaJSON), &meta)
		if meta["url"] == "" || meta["source"] == "" {
			t.Errorf("document without its source: %s", metaJSON)
		}
		if meta["kind"] != "item_minutes" {
			continue
		}
		itemPages++
		if docType != "minutes" || committee != meta["committee"] || date != meta["meeting_date"] ||
			labels == nil || *labels != meta["item_number"] {
			t.Errorf("item minutes %s: type %s, meeting %q on %q, item labels %v", meta["url"], docType, committee, date, labels)
		}
	}
	if itemPages != 5 {
		t.Errorf("%d agenda items' minutes stored; want 5", itemPages)
	}
}

func TestRunsAndStatus(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "scrutiny.db")
	dir, _ := copyFiles(t, "seeds/*.txt")
	if err := os.WriteFile(filepath.Join(dir, "broken.pdf"), []byte("%PDF-1.4 not really"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := cli(t, "ingest", "-q", "--db", dbPath, dir); code != exitSomeFailed {
		t.Fatalf("ingest: exit %d; want %d\n%s", code, exitSomeFailed, stderr)
	}
	code, out, _ := cli(t, "runs", "--db", dbPath)
	if code != 0 || !strings.Contains(out, "COMMAND") || !strings.Contains(out, "ingest") || !strings.Contains(out, "partial") {
		t.Fatalf("runs: exit %d\n%s", code, out)
	}
	code, out, _ = cli(t, "runs", "--json", "--db", dbPath)
	var r store.Run
	if code != 0 || json.Unmarshal([]byte(strings.Split(out, "\n")[0]), &r) != nil || r.New != 5 || r.Failed != 1 {
		t.Fatalf("runs --json: exit %d, %+v\n%s", code, r, out)
	}
	code, out, _ = cli(t, "status", "--db", dbPath)
	if code != 0 || !strings.Contains(out, "Last successful run: #1 ingest") || !strings.Contains(out, "Failing documents: 1") ||
		!strings.Contains(out, "broken.pdf: extract:") {
		t.Fatalf("status: exit %d\n%s", code, out)
	}
	if code, _, stderr := cli(t, "status", "--db", dbPath, "--max-age", "1ns"); code != exitFatal || !strings.Contains(stderr, "--max-age") {
		t.Fatalf("status --max-age 1ns: exit %d, %s", code, stderr)
	}
	if code, _, _ := cli(t, "status", "--db", dbPath, "--max-age", "1h"); code != 0 {
		t.Fatalf("status --max-age 1h: exit %d", code)
	}
	code, out, _ = cli(t, "status", "--json", "--db", dbPath)
	var st statusReport
	if code != 0 || json.Unmarshal([]byte(out), &st) != nil || st.LastOK == nil || len(st.Failures) != 1 || st.Running != "" {
		t.Fatalf("status --json: exit %d\n%s", code, out)
	}
}

func TestReclassifyCommand(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "scrutiny.db")
	dir, n := copyFiles(t, "seeds/*.txt", "seeds/html/*.html")
	if code, _, stderr := cli(t, "ingest", "-q", "--db", dbPath, dir); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	code, _, stderr := cli(t, "reclassify", "--db", dbPath)
	if code != 0 || !strings.Contains(stderr, "0 documents reclassified") {
		t.Fatalf("reclassify with nothing stale: exit %d, %s", code, stderr)
	}
	db, _ := store.Open(context.Background(), dbPath)
	db.SQL().Exec(`UPDATE documents SET classifier_version = '0.0.1'`)
	db.Close()
	if _, out, _ := cli(t, "status", "--db", dbPath); !strings.Contains(out, "Reclassification: "+itoa(n)+" documents") {
		t.Errorf("status does not say what awaits reclassification:\n%s", out)
	}
	code, _, stderr = cli(t, "reclassify", "--db", dbPath)
	if code != 0 || !strings.Contains(stderr, itoa(n)+" documents reclassified") {
		t.Fatalf("reclassify: exit %d, %s", code, stderr)
	}
	if _, out, _ := cli(t, "runs", "--db", dbPath); !strings.Contains(out, "reclassify") {
		t.Errorf("the ledger lacks the reclassify run:\n%s", out)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestNightlyInterrupted(t *testing.T) {
	rp := testkit.CouncilSites(t)
	dir := t.TempDir()
	sources := filepath.Join(dir, "sources.ini")
	os.WriteFile(sources, []byte(testkit.CouncilSources(rp)), 0o644)
	dbPath := filepath.Join(dir, "scrutiny.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// The signal comes as the children's site answers its first question.
	committees, _ := os.ReadFile(testkit.Testdata(t, "moderngov", "synthetic_getcommittees_children.xml"))
	rp.Replace("/children/mgWebService.asmx/GetCommittees", testkit.Route{Body: committees, ContentType: "text/xml", Served: cancel})
	var out, errb strings.Builder
	code := Run(ctx, []string{"nightly", "-q", "--db", dbPath, "--sources", sources}, nil, &out, &errb)
	if code != exitInterrupted || !strings.Contains(oneLine(out.String()), "The run was interrupted") {
		t.Fatalf("interrupted nightly: exit %d\n%s%s", code, out.String(), errb.String())
	}
	db, _ := store.Open(context.Background(), dbPath)
	defer db.Close()
	last, _, _ := db.LastRun(context.Background())
	if last.Command != "fetch" || last.Status != store.RunInterrupted {
		t.Fatalf("ledger: %+v; want an interrupted fetch", last)
	}
}

func TestHelpPrintsUsageOnce(t *testing.T) {
	for _, name := range []string{"nightly", "fetch", "runs", "status", "reclassify"} {
		code, out, _ := cli(t, "help", name)
		if code != 0 || strings.Count(out, "Usage: scrutiny "+name) != 1 {
			t.Errorf("help %s: exit %d, usage printed %d times", name, code, strings.Count(out, "Usage:"))
		}
	}
	if code, _, stderr := cli(t, "fetch", "--sources", "x.ini", "--interval", "soon"); code != exitUsage || !strings.Contains(stderr, "interval") {
		t.Errorf("--interval soon: exit %d, %s", code, stderr)
	}
}
