package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ErrBusy means another run is writing to the same database.
var ErrBusy = errors.New("another scrutiny run is writing to this database")

// Lock is an exclusive advisory lock beside the database (<db>.lock), held
// for a whole run so that two runs never interleave. The kernel releases
// it when the process dies, even by kill -9, so a crash leaves no stale
// lock behind. While held, the file names the holder's process.
type Lock struct{ f *os.File }

// Acquire takes the run lock of the database at dbPath. When another
// process holds it, Acquire fails with ErrBusy, or with wait polls until
// the lock is free or ctx ends.
func Acquire(ctx context.Context, dbPath string, wait bool) (*Lock, error) {
	path := dbPath + ".lock"
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if !wait {
			holder := readHolder(f)
			f.Close()
			return nil, fmt.Errorf("%w (%s); wait for it to finish, or pass --wait", ErrBusy, holder)
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
	f.Truncate(0)
	f.WriteAt([]byte(fmt.Sprintf("pid %d since %s\n", os.Getpid(), time.Now().UTC().Format(time.RFC3339))), 0)
	return &Lock{f: f}, nil
}

func readHolder(f *os.File) string {
	b := make([]byte, 128)
	n, _ := f.ReadAt(b, 0)
	s := strings.TrimSpace(string(b[:n]))
	if s == "" {
		return "holder unknown"
	}
	return s
}

// Release frees the lock. The holder's name is cleared first, so that
// the file names a process only while one holds the lock.
func (l *Lock) Release() {
	if l == nil || l.f == nil {
		return
	}
	l.f.Truncate(0)
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
	l.f = nil
}

// Holder says which process holds the run lock of the database at
// dbPath, if any, as "pid N since T". It reads the name the holder wrote
// and checks that the process is alive, without touching the lock
// itself, so asking never makes a starting run fail as busy. A process
// killed by kill -9 leaves its name behind; being dead, it holds nothing.
func Holder(dbPath string) (string, bool) {
	b, err := os.ReadFile(dbPath + ".lock")
	if err != nil {
		return "", false
	}
	s := strings.TrimSpace(string(b))
	fields := strings.Fields(s)
	if len(fields) < 2 || fields[0] != "pid" {
		return "", false
	}
	pid, err := strconv.Atoi(fields[1])
	if err != nil || pid <= 0 {
		return "", false
	}
	if err := syscall.Kill(pid, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return "", false
	}
	return s, true
}
