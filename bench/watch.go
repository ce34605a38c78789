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
	"strconv"
	"strings"
	"syscall"
	"time"
)

// mark is what a watched ingest had done, and used, when it had written
// a given number of documents.
type mark struct {
	Docs   int
	Pages  int
	Bytes  int64
	Wall   time.Duration
	CPU    time.Duration // user and system, with the processes it waited for
	MaxRSS int64         // the high-water mark of its resident memory, bytes
}

// ingestWatched runs `scrutiny ingest --json` as ingest does, and reads
// its document lines as they come: when the count of documents written
// reaches each of at (ascending), it reads the process's memory
// high-water mark and CPU time from /proc. One run over a growing corpus
// thus gives the peak memory at each size, as separate runs would, in the
// time of the largest alone. The last mark is the run's end, from its
// rusage, as ingest reports it.
func ingestWatched(ctx context.Context, env *Env, db string, workers int, at []int, paths ...string) ([]mark, ingestRun, error) {
	args := append([]string{"ingest", "--json", "-q", "--db", db, "--workers", fmt.Sprint(workers), "--"}, paths...)
	cmd := exec.CommandContext(ctx, env.Bin, args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, ingestRun{}, err
	}
	var stderr bytes.Buffer
	var summary []byte
	cmd.Stderr = &stderr
	began := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, ingestRun{}, err
	}
	var marks []mark
	var m mark
	var failures []string
	sc := bufio.NewScanner(out)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var line struct {
			Type, Status, Path, Error string
			Pages                     int
			Bytes                     int64
		}
		if json.Unmarshal(sc.Bytes(), &line) != nil {
			continue
		}
		if line.Type == "summary" {
			summary = append(summary[:0], sc.Bytes()...)
		}
		if line.Type != "document" {
			continue
		}
		if line.Status == "failed" {
			failures = append(failures, filepath.Base(line.Path)+": "+line.Error)
		}
		m.Docs++
		m.Pages += line.Pages
		m.Bytes += line.Bytes
		if len(marks) < len(at) && m.Docs == at[len(marks)] {
			m.Wall = time.Since(began)
			m.MaxRSS, m.CPU = procUsage(cmd.Process.Pid)
			marks = append(marks, m)
		}
	}
	err = cmd.Wait()
	r := ingestRun{Wall: time.Since(began)}
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 3 {
		err = nil
	}
	if err != nil {
		return nil, r, fmt.Errorf("scrutiny ingest: %v: %s", err, lastLine(stderr.Bytes()))
	}
	r.CPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.MaxRSS = ru.Maxrss * 1024 // kilobytes on Linux
	}
	if err := json.Unmarshal(summary, &r); err != nil || r.Seen == 0 {
		return nil, r, fmt.Errorf("scrutiny ingest: no summary line in its output")
	}
	r.Failures = failures
	return marks, r, nil
}

// procUsage reads a running process's resident memory high-water mark
// (VmHWM) and its CPU time so far; zero where /proc does not say.
func procUsage(pid int) (hwm int64, cpu time.Duration) {
	if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid)); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
				kb, _ := strconv.ParseInt(f[1], 10, 64)
				hwm = kb * 1024
			}
		}
	}
	if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid)); err == nil {
		// The command name, in parentheses, may hold spaces: count the
		// fields from after it. Fields 14 to 17 are the user and system
		// time of the process and of the children it has waited for (the
		// pdftotext processes), as rusage counts them at the end.
		s := string(b)
		if i := strings.LastIndexByte(s, ')'); i >= 0 {
			if f := strings.Fields(s[i+1:]); len(f) > 14 {
				var ticks int64
				for _, v := range f[11:15] {
					n, _ := strconv.ParseInt(v, 10, 64)
					ticks += n
				}
				cpu = time.Duration(ticks) * time.Second / clockTicks
			}
		}
	}
	return hwm, cpu
}

// clockTicks is the kernel's USER_HZ, the unit of /proc's CPU times: 100
// on every Linux that Go supports.
const clockTicks = 100
