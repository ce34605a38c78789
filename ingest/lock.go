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

// lock is an exclusive advisory lock beside the database (<db>.lock), held
// for a whole run so that two runs never interleave. The kernel releases
// it when the process dies, even by kill -9, so a crash leaves no stale
// lock behind.
type lock struct{ f *os.File }

func acquire(ctx context.Context, dbPath string, wait bool) (*lock, error) {
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
	return &lock{f: f}, nil
}

func readHolder(f *os.File) string {
	b := make([]byte, 128)
	n, _ := f.ReadAt(b, 0)
	s := strings.TrimSpace(string(b[:n]))
	if s == "" {
		return "holder unknown"
	}
	if fields := strings.Fields(s); len(fields) > 1 {
		if _, err := strconv.Atoi(fields[1]); err == nil {
			return s
		}
	}
	return s
}

func (l *lock) release() {
	if l == nil || l.f == nil {
		return
	}
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
}
