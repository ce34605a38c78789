package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scrutiny/extract"
	"scrutiny/ingest"
	"scrutiny/internal/testkit"
	"scrutiny/store"
)

// hostileCase is a file of the bad-input corpus and what ingesting it must
// give: a document whose stored text holds text, or a failure whose reason
// holds reason.
type hostileCase struct {
	name   string
	data   []byte
	text   string
	reason string
	// unreadable files lose their read permission once written.
	unreadable bool
}

// TestHostileCorpus ingests the bad-input corpus with good documents mixed
// in, through the command line, and checks that every file ends either as a
// document with the right text or as a failed row that names the file and
// a clear reason, and that the batch completes with exit code 3.
func TestHostileCorpus(t *testing.T) {
	dir := t.TempDir()
	budget := "The council’s budget for children’s services rose by £2.4 million."
	opening := "The Head of Children’s Social Care updated the Panel"
	cases := []hostileCase{
		{name: "good/seed.txt", data: testdataFile(t, "seeds", "001_02b845459bfee06e.txt"), text: "Councillor Gunn praised"},
		{name: "good/seed.pdf", data: testdataFile(t, "seeds", "pdf", "002_840bba8568797ecf.pdf"), text: "Report on the OFSTED Inspection"},
		{name: "good/seed.html", data: testdataFile(t, "seeds", "html", "000_52bd7d1560e5d262.html"), text: "Ofsted"},
		{name: "pdf/empty.pdf", data: []byte{}, reason: "empty file"},
		{name: "pdf/junk.pdf", data: randomBytes(1, 30000), reason: "not a PDF file"},
		{name: "pdf/junk-after-header.pdf", data: append([]byte("%PDF-1.5\n"), randomBytes(2, 30000)...), reason: "truncated or damaged PDF"},
		{name: "pdf/truncated-half.pdf", reason: "truncated or damaged PDF: the file stops before its end-of-file marker"},
		{name: "pdf/truncated-header.pdf", reason: "truncated or damaged PDF: the file stops before its end-of-file marker"},
		{name: "pdf/scanned-no-text-layer.pdf", reason: "no text layer (a scanned PDF?)"},
		{name: "html/windows-1252.html", text: budget},
		{name: "html/utf8-labelled-windows-1252.html", text: budget},
		{name: "html/nested.html", data: []byte(strings.Repeat("<div>", 100000) + "<p>Deep inside the page.</p>" + strings.Repeat("</div>", 100000)), text: "Deep inside the page."},
		{name: "html/junk.html", data: randomBytes(3, 30000), reason: "binary data, not text"},
		{name: "html/empty.html", data: []byte("  \n"), reason: "empty file"},
		{name: "text/junk.txt", data: append([]byte{0}, randomBytes(4, 30000)...), reason: "binary data, not text"},
		{name: "text/empty.txt", data: []byte{}, reason: "empty file"},
		{name: "text/windows-1252.txt", data: []byte("Minutes\n\nThe council\x92s budget for children\x92s services rose by \xa32.4 million.\n"), text: budget},
		{name: "text/unreadable.txt", data: []byte("Minutes of a meeting nobody may read.\n"), unreadable: true, reason: "permission denied"},
	}
	_, poppler := extract.PDFToTextAvailable(extract.Options{})
	for _, cipher := range []string{"rc4-40", "aes-128", "aes-256"} {
		user := hostileCase{name: "pdf/encrypted-" + cipher + "-user-password.pdf", reason: "encrypted PDF: a password is needed"}
		owner := hostileCase{name: "pdf/encrypted-" + cipher + "-owner-only.pdf", text: opening}
		if !poppler {
			// The built-in reader decrypts only AES-128 of these.
			if cipher == "aes-256" {
				user.reason = "encrypted PDF that the built-in reader cannot decrypt"
			}
			if cipher != "aes-128" {
				owner.text, owner.reason = "", "encrypted PDF that the built-in reader cannot decrypt"
			} else {
				owner.text = "Social Care updated the Panel"
			}
		}
		cases = append(cases, user, owner)
	}
	if !poppler {
		t.Log("pdftotext is not installed: the built-in PDF reader's outcomes are expected")
	}
	// Odd characters in names: spaces, quotes, unicode, a leading dash, '?'
	// and '#'. Each holds its own line so that no two share a hash.
	for _, name := range []string{"odd/with spaces.txt", `odd/"quoted" and 'single'.txt`, "odd/ünïcödé – dash.md",
		"odd/-leading-dash.txt", "odd/what?.txt", "odd/#hash#.txt", "odd/-leading dash?#.html"} {
		line := "Agenda item\n\nThe file " + filepath.Base(name) + " was read.\n"
		cases = append(cases, hostileCase{name: name, data: []byte(line), text: "The file " + filepath.Base(name) + " was read."})
	}

	for i, c := range cases {
		if c.data == nil && c.reason != "empty file" {
			cases[i].data = testdataFile(t, "hostile", filepath.Base(c.name))
		}
		path := filepath.Join(dir, c.name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, cases[i].data, 0o644); err != nil {
			t.Fatal(err)
		}
		if c.unreadable {
			os.Chmod(path, 0)
			t.Cleanup(func() { os.Chmod(path, 0o644) })
			if f, err := os.Open(path); err == nil {
				// Root (with CAP_DAC_OVERRIDE) reads files whatever their
				// mode: the file is read and ingested like any other.
				f.Close()
				t.Logf("running as uid %d, which can read a file without read permission: unreadable.txt is expected to be read", os.Geteuid())
				cases[i].reason, cases[i].text = "", "nobody may read"
			}
		}
	}
	big := writeBigText(t, filepath.Join(dir, "text", "big.txt"), 50<<20)
	cases = append(cases, hostileCase{name: "text/big.txt", text: big})

	db := filepath.Join(t.TempDir(), "hostile.db")
	args := []string{"ingest", "--json", "--db", db, "--tesseract", "none", "--workers", "2", dir}
	var stdout, stderr bytes.Buffer
	if code := Run(context.Background(), args, nil, &stdout, &stderr); code != exitSomeFailed {
		t.Fatalf("exit code %d, want %d; stderr:\n%s", code, exitSomeFailed, stderr.String())
	}
	events, sum := readEvents(t, &stdout)
	if sum.Seen != len(cases) {
		t.Errorf("summary saw %d documents, want %d", sum.Seen, len(cases))
	}
	checkHostile(t, db, dir, cases, events)

	// A second run reports the same failures from the record, in text for
	// people, each naming its file and reason.
	stderr.Reset()
	args = []string{"ingest", "--db", db, "--tesseract", "none", dir}
	if code := Run(context.Background(), args, nil, &stdout, &stderr); code != exitSomeFailed {
		t.Fatalf("second run: exit code %d, want %d", code, exitSomeFailed)
	}
	for _, c := range cases {
		if c.reason != "" {
			want := "failed: " + filepath.Join(dir, c.name) + ": "
			if !strings.Contains(stderr.String(), want) || !strings.Contains(stderr.String(), c.reason) {
				t.Errorf("second run does not report %s with %q:\n%s", c.name, c.reason, stderr.String())
			}
		}
	}
}

// TestOddPathArgument names a file whose name starts with a dash on the
// command line, after "--".
func TestOddPathArgument(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	name := "-a file? #1 “quoted”.txt"
	if err := os.WriteFile(name, []byte("Agenda item\n\nA file with an odd name.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := Run(context.Background(), []string{"ingest", "--json", "--db", "odd.db", "--", name}, nil, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("exit code %d, want 0; stderr:\n%s", code, stderr.String())
	}
	events, _ := readEvents(t, &stdout)
	if ev, ok := events[name]; !ok || ev.Status != ingest.New {
		t.Errorf("got %+v, want %q ingested", events, name)
	}
}

func checkHostile(t *testing.T, dbPath, dir string, cases []hostileCase, events map[string]ingest.Event) {
	t.Helper()
	db, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, c := range cases {
		path := filepath.Join(dir, c.name)
		ev, ok := events[path]
		if !ok {
			t.Errorf("%s: no event", c.name)
			continue
		}
		if c.reason != "" {
			if ev.Status != ingest.Failed || !strings.Contains(ev.Error, c.reason) {
				t.Errorf("%s: got %s %q, want failed with %q", c.name, ev.Status, ev.Error, c.reason)
			}
			continue
		}
		if ev.Status != ingest.New {
			t.Errorf("%s: got %s (%s: %s), want new", c.name, ev.Status, ev.Stage, ev.Error)
			continue
		}
		abs, _ := filepath.Abs(path)
		st, ok, err := db.CurrentText(context.Background(), abs)
		if err != nil || !ok {
			t.Errorf("%s: stored text: %v (found %v)", c.name, err, ok)
			continue
		}
		if !strings.Contains(st.Text, c.text) {
			t.Errorf("%s: stored text lacks %q; it starts %q", c.name, c.text, st.Text[:min(200, len(st.Text))])
		}
	}
}

func readEvents(t *testing.T, r *bytes.Buffer) (map[string]ingest.Event, ingest.Summary) {
	t.Helper()
	events := map[string]ingest.Event{}
	var sum ingest.Summary
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		var probe struct{ Type string }
		if err := json.Unmarshal(sc.Bytes(), &probe); err != nil {
			t.Fatalf("bad JSON line %q: %v", sc.Text(), err)
		}
		switch probe.Type {
		case "document":
			var ev ingest.Event
			json.Unmarshal(sc.Bytes(), &ev)
			events[ev.Path] = ev
		case "summary":
			json.Unmarshal(sc.Bytes(), &sum)
		}
	}
	return events, sum
}

func testdataFile(t *testing.T, elem ...string) []byte {
	t.Helper()
	data, err := os.ReadFile(testkit.Testdata(t, elem...))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func randomBytes(seed uint64, n int) []byte {
	r := rand.New(rand.NewPCG(seed, 7))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	return b
}

// writeBigText writes size bytes of minutes, numbered paragraphs of real
// text so that every stage has work to do, and returns a line from its
// end: the text must be stored whole.
func writeBigText(t *testing.T, path string, size int) string {
	t.Helper()
	seed := testdataFile(t, "seeds", "003_d2f13f79c96ffd3e.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	n, last := 0, ""
	for i := 1; n < size; i++ {
		last = fmt.Sprintf("Paragraph %d ends here.", i)
		k, _ := fmt.Fprintf(w, "%s\n\n%s\n\n", seed, last)
		n += k
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return last
}
