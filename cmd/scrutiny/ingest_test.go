package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scrutiny/internal/testkit"
)

// The spine's acceptance, through the command line: a truncated PDF, an
// empty file and a binary file named .pdf among good documents end the
// batch with exit code 3, each with a failed row giving a clear reason,
// and every good document's findings stored; a second run ingests nothing
// new and says the rest are unchanged.
func TestIngestBadFilesExitCode(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"seeds/000_52bd7d1560e5d262.txt", "seeds/pdf/002_840bba8568797ecf.pdf", "seeds/html/004_4f8b36e4dff68196.html"} {
		b, err := os.ReadFile(testkit.Testdata(t, f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644)
	}
	pdf, _ := os.ReadFile(testkit.Testdata(t, "seeds", "pdf", "001_02b845459bfee06e.pdf"))
	os.WriteFile(filepath.Join(dir, "truncated.pdf"), pdf[:len(pdf)/2], 0o644)
	os.WriteFile(filepath.Join(dir, "empty.html"), nil, 0o644)
	junk := make([]byte, 2048)
	for i := range junk {
		junk[i] = byte(i * 31)
	}
	os.WriteFile(filepath.Join(dir, "junk.pdf"), junk, 0o644)
	db := filepath.Join(t.TempDir(), "s.db")

	code, stdout, stderr := cli(t, "ingest", "--db", db, "--json", dir)
	if code != exitSomeFailed {
		t.Fatalf("exit %d, want %d\n%s", code, exitSomeFailed, stderr)
	}
	var sum struct {
		Type                   string
		New, Unchanged, Failed int
	}
	failed := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var ev map[string]any
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("not a JSON line: %q", line)
		}
		if ev["type"] == "summary" {
			json.Unmarshal([]byte(line), &sum)
		}
		if ev["status"] == "failed" {
			failed[filepath.Base(ev["path"].(string))] = ev["stage"].(string) + ": " + ev["error"].(string)
		}
	}
	if sum.Type != "summary" || sum.New != 3 || sum.Failed != 3 {
		t.Fatalf("summary %+v, want 3 new and 3 failed", sum)
	}
	for name, want := range map[string]string{"truncated.pdf": "damaged", "empty.html": "empty", "junk.pdf": "not a PDF"} {
		if !strings.Contains(failed[name], want) {
			t.Errorf("%s: failure %q, want it to say %q", name, failed[name], want)
		}
	}

	code, stdout, _ = cli(t, "export", "--db", db, "--format", "jsonl")
	if code != exitOK {
		t.Fatalf("export: exit %d", code)
	}
	for _, good := range []string{"000_52bd7d1560e5d262.txt", "002_840bba8568797ecf.pdf", "004_4f8b36e4dff68196.html"} {
		if !strings.Contains(stdout, good) {
			t.Errorf("no findings exported for %s", good)
		}
	}

	code, _, stderr = cli(t, "ingest", "--db", db, dir)
	if code != exitSomeFailed || !strings.Contains(stderr, "0 new, 3 unchanged, 3 failed") {
		t.Errorf("second run: exit %d, %q; want exit 3 and 0 new, 3 unchanged, 3 failed", code, stderr)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"ingest"},
		{"export", "--format", "xml"},
		{"export", "--kind", "gossip"},
		{"search"},
		{"nonsense"},
		{"ingest", "--workers", "0", "x"},
	} {
		if code, _, _ := cli(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

func TestFatalWhenDatabaseCannotOpen(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "not-a-db")
	os.WriteFile(bad, []byte("this is not SQLite, it is plain text of some length to fill a header"), 0o644)
	code, _, stderr := cli(t, "ingest", "--db", bad, testkit.Testdata(t, "seeds", "000_52bd7d1560e5d262.txt"))
	if code != exitFatal || !strings.Contains(stderr, "not-a-db") {
		t.Errorf("exit %d, %q; want %d and a message naming the file", code, stderr, exitFatal)
	}
}
