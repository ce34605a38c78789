package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"scrutiny/corpus"
	"scrutiny/extract"
	"scrutiny/internal/testkit"
)

// eventLog collects a run's reports.
type eventLog struct {
	mu  sync.Mutex
	by  map[string]Event
	sum Summary
}

func (e *eventLog) Start(int) {}
func (e *eventLog) Document(ev Event) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.by == nil {
		e.by = map[string]Event{}
	}
	e.by[filepath.Base(ev.Path)] = ev
}
func (e *eventLog) Done(s Summary) { e.sum = s }

func writeInput(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLimits checks the per-document deadline and size limit end to end: a
// document that takes longer than the deadline, or is larger than the
// limit, fails with a reason that names the limit, and the rest of the
// batch is ingested.
func TestLimits(t *testing.T) {
	dir := t.TempDir()
	writeInput(t, dir, "small.txt", []byte("Agenda item\n\nA short note that fits every limit.\n"))
	writeInput(t, dir, "slow.txt", []byte("Agenda item\n\nThis document is read slowly.\n"))
	writeInput(t, dir, "large.txt", []byte("Agenda item\n\n"+strings.Repeat("A line of minutes that makes the file large.\n", 200)))

	slow := func(ctx context.Context, name string, f corpus.Format, data []byte, opt extract.Options) (*extract.Text, error) {
		if strings.HasSuffix(name, "slow.txt") {
			// An extractor that runs on regardless of the deadline, as an
			// in-process parser stuck in a loop would.
			time.Sleep(5 * time.Second)
		}
		return extract.Extract(ctx, name, f, data, opt)
	}
	rep := &eventLog{}
	began := time.Now()
	sum, err := Run(context.Background(), testkit.OpenDB(t), []string{dir}, Options{
		Workers: 1, Timeout: 200 * time.Millisecond, MaxSize: 4096, Extractor: slow, Reporter: rep,
	})
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(began); took > 4*time.Second {
		t.Errorf("the batch waited %s for a document past its deadline", took)
	}
	if sum.New != 1 || sum.Failed != 2 {
		t.Errorf("new %d, failed %d; want 1 and 2", sum.New, sum.Failed)
	}
	for name, want := range map[string]string{
		"slow.txt":  "deadline exceeded during extract (--timeout)",
		"large.txt": "over the limit of 4.0 KiB (--max-size)",
	} {
		ev := rep.by[name]
		if ev.Status != Failed || !strings.Contains(ev.Error, want) {
			t.Errorf("%s: got %s %q, want failed with %q", name, ev.Status, ev.Error, want)
		}
	}
	if ev := rep.by["small.txt"]; ev.Status != New {
		t.Errorf("small.txt: got %s %q, want new", ev.Status, ev.Error)
	}
}

// TestRealDeadline gives a real PDF less time than pdftotext needs: the
// external program is stopped and the document fails with the deadline.
func TestRealDeadline(t *testing.T) {
	testkit.NeedTool(t, "pdftotext", "apt-get install poppler-utils; the deadline of an external program is not tested")
	dir := t.TempDir()
	data, err := os.ReadFile(testkit.Testdata(t, "ofsted", "ilacs", "80453_york_2017-02-07.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	writeInput(t, dir, "york.pdf", data)
	rep := &eventLog{}
	_, err = Run(context.Background(), testkit.OpenDB(t), []string{dir}, Options{Timeout: time.Millisecond, Reporter: rep})
	if err != nil {
		t.Fatal(err)
	}
	if ev := rep.by["york.pdf"]; ev.Status != Failed || !strings.Contains(ev.Error, "deadline exceeded") {
		t.Errorf("got %s %q, want a deadline failure", ev.Status, ev.Error)
	}
}

// TestPanicStaysInItsDocument checks that a panic in any stage becomes that
// document's failure and the batch goes on.
func TestPanicStaysInItsDocument(t *testing.T) {
	dir := t.TempDir()
	writeInput(t, dir, "a.txt", []byte("Agenda item\n\nFirst document.\n"))
	writeInput(t, dir, "b.txt", []byte("Agenda item\n\nSecond document, which panics.\n"))
	writeInput(t, dir, "c.txt", []byte("Agenda item\n\nThird document.\n"))
	panicky := func(ctx context.Context, name string, f corpus.Format, data []byte, opt extract.Options) (*extract.Text, error) {
		if strings.HasSuffix(name, "b.txt") {
			// An index out of range: a runtime panic, as a library's would be.
			var pages []int
			_ = pages[len(name)]
		}
		return extract.Extract(ctx, name, f, data, opt)
	}
	rep := &eventLog{}
	sum, err := Run(context.Background(), testkit.OpenDB(t), []string{dir}, Options{Workers: 2, Extractor: panicky, Reporter: rep})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 2 || sum.Failed != 1 {
		t.Errorf("new %d, failed %d; want 2 and 1", sum.New, sum.Failed)
	}
	if ev := rep.by["b.txt"]; ev.Status != Failed || !strings.Contains(ev.Error, "panic in extract") {
		t.Errorf("b.txt: got %s %q, want a panic failure", ev.Status, ev.Error)
	}
}

// TestSpecialFiles checks that links to a named pipe, a device and a
// directory, named like documents, fail at once instead of blocking a
// worker or reading for ever.
func TestSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	writeInput(t, dir, "ok.txt", []byte("Agenda item\n\nAn ordinary document.\n"))
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	links := map[string]string{"pipe.txt": fifo, "zero.txt": "/dev/zero", "folder.pdf": t.TempDir()}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	rep := &eventLog{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if _, err := Run(context.Background(), testkit.OpenDB(t), []string{dir}, Options{Workers: 2, Reporter: rep}); err != nil {
			t.Error(err)
		}
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the run is stuck on a special file")
	}
	for name, want := range map[string]string{"pipe.txt": "a named pipe", "zero.txt": "a device", "folder.pdf": "a directory"} {
		if ev := rep.by[name]; ev.Status != Failed || !strings.Contains(ev.Error, "not a regular file ("+want+")") {
			t.Errorf("%s: got %s %q, want a failure naming %s", name, ev.Status, ev.Error, want)
		}
	}
	if ev := rep.by["ok.txt"]; ev.Status != New {
		t.Errorf("ok.txt: got %s %q, want new", ev.Status, ev.Error)
	}
}
