package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"scrutiny/store"
)

// signalCorpus takes a few seconds to ingest one document at a time: the
// PDFs of the sample, behind a text that is read first.
var signalCorpus = []string{"sample/000_*.txt", "sample/*.pdf"}

// startIngest starts ingest with JSON output and returns once it has
// committed its first document.
func startIngest(t *testing.T, bin, db, corpus string, extra ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	args := append([]string{"ingest", "--json", "--workers", "1", "--db", db}, extra...)
	cmd := exec.Command(bin, append(args, corpus)...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	if !sc.Scan() {
		cmd.Wait()
		t.Fatalf("ingest printed nothing: %s", stderr.String())
	}
	go func() {
		for sc.Scan() {
		}
	}()
	return cmd, &stderr
}

func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

func TestSignalStopsCleanly(t *testing.T) {
	bin := binary(t)
	corpus, total := copyFiles(t, signalCorpus...)
	// A clean run gives each document's shape.
	ref := filepath.Join(t.TempDir(), "ref.db")
	if out, err := exec.Command(bin, "ingest", "-q", "--db", ref, corpus).CombinedOutput(); err != nil {
		t.Fatalf("clean run: %v\n%s", err, out)
	}
	rdb, err := store.Open(context.Background(), ref)
	if err != nil {
		t.Fatal(err)
	}
	want := shapes(t, rdb)
	rdb.Close()
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "scrutiny.db")
			cmd, stderr := startIngest(t, bin, path, corpus)
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			if code := exitCode(err); code != exitInterrupted {
				t.Fatalf("exit %d after %s; want %d (stderr: %s)", code, sig, exitInterrupted, stderr)
			}
			if !strings.Contains(stderr.String(), "interrupted") {
				t.Errorf("stderr does not say it was interrupted: %s", stderr)
			}
			db, err := store.Open(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			last, _, _ := db.LastRun(context.Background())
			stored := len(shapes(t, db))
			db.Close()
			if last.Status != store.RunInterrupted || last.FinishedAt == "" || last.New != stored {
				t.Fatalf("ledger after %s: %+v with %d stored; want interrupted, finished, counting what it stored", sig, last, stored)
			}
			if stored == 0 || stored >= total {
				t.Fatalf("%d of %d documents stored; the signal should have come partway", stored, total)
			}
			// What it stored is whole, and the next run completes the rest.
			checkConsistent(t, path, want)
			out, err := exec.Command(bin, "ingest", "-q", "--db", path, corpus).CombinedOutput()
			if err != nil {
				t.Fatalf("next run: %v\n%s", err, out)
			}
			checkComplete(t, path, want)
		})
	}
}

func TestConcurrentIngestsStoreEachDocumentOnce(t *testing.T) {
	bin := binary(t)
	corpus, total := copyFiles(t, crashCorpus...)
	path := filepath.Join(t.TempDir(), "scrutiny.db")

	// Two at once, both willing to wait: one ingests, the other then
	// finds everything unchanged.
	var wg sync.WaitGroup
	news := make([]int, 2)
	for i := range news {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := exec.Command(bin, "ingest", "--json", "--wait", "--db", path, corpus).Output()
			if err != nil {
				t.Errorf("ingest %d: %v", i, err)
				return
			}
			lines := strings.Split(strings.TrimSpace(string(out)), "\n")
			var sum struct{ New, Seen int }
			if err := json.Unmarshal([]byte(lines[len(lines)-1]), &sum); err != nil {
				t.Errorf("ingest %d summary: %v", i, err)
			}
			news[i] = sum.New
		}()
	}
	wg.Wait()
	if news[0]+news[1] != total {
		t.Fatalf("new documents %v; want %d between them", news, total)
	}
	db, _ := store.Open(context.Background(), path)
	ref := shapes(t, db)
	db.Close()
	checkComplete(t, path, ref)

	// Without --wait the second exits at once, saying why.
	slow, count := copyFiles(t, signalCorpus...)
	other := filepath.Join(t.TempDir(), "other.db")
	first, stderr := startIngest(t, bin, other, slow)
	out, err := exec.Command(bin, "ingest", "-q", "--db", other, slow).CombinedOutput()
	if exitCode(err) != exitFatal || !strings.Contains(string(out), "another scrutiny run is writing to this database") ||
		!strings.Contains(string(out), "--wait") {
		t.Errorf("second ingest without --wait: exit %d, %q; want exit 1 naming the other run and --wait", exitCode(err), out)
	}
	if err := first.Wait(); err != nil {
		t.Fatalf("first ingest: %v\n%s", err, stderr)
	}
	odb, _ := store.Open(context.Background(), other)
	stored := len(shapes(t, odb))
	odb.Close()
	if stored != count {
		t.Fatalf("first ingest stored %d of %d", stored, count)
	}
}
