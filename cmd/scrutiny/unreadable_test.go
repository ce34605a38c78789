package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"scrutiny/ingest"
)

// TestUnreadableFile ingests a file without read permission beside a good
// one: the file fails with "permission denied" and the batch completes.
// Root reads any file, so as root the test runs itself again as the
// unprivileged user nobody.
func TestUnreadableFile(t *testing.T) {
	if os.Getenv("SCRUTINY_TEST_AS") == "nobody" || os.Geteuid() != 0 {
		unreadableFile(t)
		return
	}
	// The test binary lives in a folder only its owner may enter: run a
	// copy from a folder nobody can reach.
	bin := copyExecutable(t, os.Args[0])
	cmd := exec.Command(bin, "-test.run=^TestUnreadableFile$", "-test.v")
	cmd.Env = append(os.Environ(), "SCRUTINY_TEST_AS=nobody")
	cmd.Dir = filepath.Dir(bin)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	switch {
	case err != nil && !errors.As(err, &ee):
		t.Skipf("cannot run the test as nobody (%v): unreadable files are not tested as root", err)
	case err != nil && strings.Contains(string(out), "permission denied") && !strings.Contains(string(out), "--- FAIL"):
		t.Skipf("nobody cannot run the test binary here (%s): unreadable files are not tested as root", strings.TrimSpace(string(out)))
	case err != nil:
		t.Fatalf("as nobody: %v\n%s", err, out)
	case !strings.Contains(string(out), "--- PASS: TestUnreadableFile"):
		t.Fatalf("as nobody, the test did not pass:\n%s", out)
	}
	t.Logf("as nobody:\n%s", out)
}

func unreadableFile(t *testing.T) {
	t.Logf("running as uid %d", os.Geteuid())
	dir := t.TempDir()
	good, secret := filepath.Join(dir, "good.txt"), filepath.Join(dir, "secret.txt")
	if err := os.WriteFile(good, []byte("Agenda item\n\nMinutes anyone may read.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(secret, []byte("Agenda item\n\nMinutes nobody may read.\n"), 0o000); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	args := []string{"ingest", "--json", "--db", filepath.Join(dir, "u.db"), dir}
	if code := Run(context.Background(), args, nil, &stdout, &stderr); code != exitSomeFailed {
		t.Fatalf("exit code %d, want %d; stderr:\n%s", code, exitSomeFailed, stderr.String())
	}
	events, _ := readEvents(t, &stdout)
	if ev := events[secret]; ev.Status != ingest.Failed || ev.Stage != "read" || !strings.Contains(ev.Error, "permission denied") {
		t.Errorf("secret.txt: got %s at %s %q, want failed at read with permission denied", ev.Status, ev.Stage, ev.Error)
	}
	if ev := events[good]; ev.Status != ingest.New {
		t.Errorf("good.txt: got %s %q, want new", ev.Status, ev.Error)
	}
}

// copyExecutable copies the program at path into a new folder that every
// user may enter, and returns the copy's path.
func copyExecutable(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "scrutiny-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, filepath.Base(path))
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	return bin
}
