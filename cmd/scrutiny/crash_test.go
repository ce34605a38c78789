package main

import (
	"bufio"
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"scrutiny/store"
)

// crashCorpus is small, so that the test stays quick, and mixed: texts,
// web pages, Markdown, and PDFs read by an external program.
var crashCorpus = []string{"seeds/*.txt", "seeds/html/*.html", "minutes/*.md", "seeds/pdf/00[01]_*.pdf"}

// TestKillAtRandomPoints kills `scrutiny ingest` with SIGKILL at random
// moments, at least 20 times: while it opens the database, between
// documents, in the middle of a document's transaction. After every kill
// the database must be consistent, with every stored document whole; after
// each round, one more run must complete the corpus, storing every
// document exactly once.
func TestKillAtRandomPoints(t *testing.T) {
	bin := binary(t)
	corpus, total := copyFiles(t, crashCorpus...)
	dir := t.TempDir()

	// A clean run gives each document's shape and the run's length, over
	// which the kills are spread.
	refDB := filepath.Join(dir, "ref.db")
	began := time.Now()
	if out, err := exec.Command(bin, "ingest", "-q", "--workers", "2", "--db", refDB, corpus).CombinedOutput(); err != nil {
		t.Fatalf("clean run: %v\n%s", err, out)
	}
	span := time.Since(began)
	db, err := store.Open(context.Background(), refDB)
	if err != nil {
		t.Fatal(err)
	}
	ref := shapes(t, db)
	db.Close()
	if len(ref) != total {
		t.Fatalf("clean run stored %d of %d documents", len(ref), total)
	}

	seed := uint64(time.Now().UnixNano())
	if s, err := strconv.ParseUint(os.Getenv("SCRUTINY_CRASH_SEED"), 10, 64); err == nil {
		seed = s
	}
	t.Logf("seed %d (SCRUTINY_CRASH_SEED=%d reproduces the delays); a clean run takes %s", seed, seed, span)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))

	const want = 24
	kills, partway := 0, 0
	for round := 0; kills < want && round < 4*want; round++ {
		path := filepath.Join(dir, "round"+strconv.Itoa(round)+".db")
		// Up to six kills in a row, each run resuming the one killed
		// before it, so that the kills walk through the corpus; the first
		// kill of every other round comes almost at once, while the
		// database is created.
		before := 0 // documents stored when the run started
		for k := 0; k < 6 && kills < want; k++ {
			delay := time.Duration(rng.Int64N(int64(span)/3 + 1))
			if k == 0 && round%2 == 0 {
				delay = time.Duration(rng.Int64N(int64(30 * time.Millisecond)))
			}
			killed, committed := killAfter(t, bin, path, corpus, delay)
			if !killed {
				break // it finished first
			}
			kills++
			if _, err := os.Stat(path); err != nil {
				continue // killed before the database existed
			}
			n := checkConsistent(t, path, ref)
			if n < before+committed {
				t.Fatalf("round %d: %d documents stored after the kill; %d were before it and the run reported %d more committed",
					round, n, before, committed)
			}
			if n > 0 && n < total {
				partway++
			}
			before = n
		}
		if out, err := exec.Command(bin, "ingest", "-q", "--db", path, corpus).CombinedOutput(); err != nil {
			t.Fatalf("round %d: the run after the kills did not complete: %v\n%s", round, err, out)
		}
		checkComplete(t, path, ref)
		os.Remove(path)
		os.Remove(path + "-wal")
		os.Remove(path + "-shm")
	}
	t.Logf("%d kills, %d of them with the corpus partly stored", kills, partway)
	if kills < 20 {
		t.Fatalf("only %d kills landed while ingest ran; want at least 20", kills)
	}
	if partway == 0 {
		t.Fatal("no kill caught ingest partway through the corpus")
	}
}

// killAfter starts ingest, kills it with SIGKILL after delay, and reports
// whether the kill landed (false when the run had already finished) and
// how many new documents the run had reported committed before it died.
func killAfter(t *testing.T, bin, db, corpus string, delay time.Duration) (bool, int) {
	t.Helper()
	cmd := exec.Command(bin, "ingest", "--json", "-q", "--workers", "2", "--db", db, corpus)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// A document's line is printed after its transaction commits.
	committed := make(chan int)
	go func() {
		n := 0
		sc := bufio.NewScanner(stdout)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if strings.Contains(sc.Text(), `"status":"new"`) {
				n++
			}
		}
		committed <- n
	}()
	time.Sleep(delay)
	cmd.Process.Signal(syscall.SIGKILL)
	n := <-committed
	err = cmd.Wait()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
			return true, n
		}
		t.Fatalf("ingest failed on its own: %v", err)
	}
	return false, n
}
