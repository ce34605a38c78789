package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// ingestRun is one `scrutiny ingest` measured from outside: wall time from
// process start to exit, and the process's peak resident memory.
type ingestRun struct {
	Wall   time.Duration
	CPU    time.Duration // user and system, with the processes it waited for (pdftotext)
	MaxRSS int64         // bytes
	Seen   int           `json:"seen"`
	New    int           `json:"new"`
	Unch   int           `json:"unchanged"`
	Failed int           `json:"failed"`
	Pages  int           `json:"pages"`
	Bytes  int64         `json:"bytes"`
	// Failures lists the documents that failed, with their reasons.
	Failures []string `json:"-"`
}

// ingest runs the scrutiny binary over paths into db with the given number
// of workers, and reads its JSON summary. Failed documents are allowed
// (exit code 3): a benchmark corpus may hold a file Scrutiny rejects, and
// the summary counts it.
func ingest(ctx context.Context, env *Env, db string, workers int, paths ...string) (ingestRun, error) {
	_, r, err := ingestWatched(ctx, env, db, workers, nil, paths...)
	return r, err
}

// freshDB returns the path of a database that does not exist yet.
func freshDB(env *Env, name string) string {
	p := filepath.Join(env.Tmp, name+".db")
	for _, suffix := range []string{"", "-wal", "-shm", ".lock"} {
		os.Remove(p + suffix)
	}
	return p
}

func lastLine(b []byte) string {
	b = bytes.TrimSpace(b)
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		b = b[i+1:]
	}
	return string(b)
}

// rate formats n per d.
func rate(n float64, d time.Duration) string {
	if d <= 0 {
		return "–"
	}
	v := n / d.Seconds()
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	}
	return fmt.Sprintf("%.2f", v)
}

func mb(n int64) float64 { return float64(n) / (1 << 20) }

// median returns the median of ds (the lower middle for an even count).
func median(ds []time.Duration) time.Duration { return percentile(ds, 50) }
