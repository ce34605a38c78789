package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
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
	args := append([]string{"ingest", "--json", "-q", "--db", db, "--workers", fmt.Sprint(workers), "--"}, paths...)
	cmd := exec.CommandContext(ctx, env.Bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	began := time.Now()
	err := cmd.Run()
	r := ingestRun{Wall: time.Since(began)}
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 3 {
		err = nil
	}
	if err != nil {
		return r, fmt.Errorf("scrutiny ingest: %v: %s", err, lastLine(stderr.Bytes()))
	}
	r.CPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.MaxRSS = ru.Maxrss * 1024 // kilobytes on Linux
	}
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var probe struct{ Type, Status, Path, Error string }
		if json.Unmarshal(sc.Bytes(), &probe) != nil {
			continue
		}
		switch {
		case probe.Type == "summary":
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				return r, fmt.Errorf("scrutiny ingest: summary: %w", err)
			}
		case probe.Status == "failed":
			r.Failures = append(r.Failures, filepath.Base(probe.Path)+": "+probe.Error)
		}
	}
	if r.Seen == 0 {
		return r, fmt.Errorf("scrutiny ingest: no summary line in its output")
	}
	return r, nil
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
