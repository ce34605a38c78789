package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"

	"scrutiny/ingest"
)

// newReporter picks how a run reports: JSON lines on stdout for machines,
// or a summary (and a progress bar on a terminal) on stderr for people.
func newReporter(e *env, jsonOut, quiet bool) ingest.Reporter {
	if jsonOut {
		return &jsonReporter{w: e.stdout, stderr: e.stderr, quiet: quiet}
	}
	if quiet {
		return quietReporter{}
	}
	return &textReporter{w: e.stderr, bar: isTerminal(e.stderr)}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

type quietReporter struct{}

func (quietReporter) Start(int)             {}
func (quietReporter) Document(ingest.Event) {}
func (quietReporter) Done(ingest.Summary)   {}

// jsonReporter writes one JSON line per document and a summary line.
type jsonReporter struct {
	mu     sync.Mutex
	w      io.Writer
	stderr io.Writer
	quiet  bool
	enc    *json.Encoder
}

func (r *jsonReporter) Start(int) { r.enc = json.NewEncoder(r.w) }

func (r *jsonReporter) Document(ev ingest.Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.enc.Encode(ev)
}

func (r *jsonReporter) Done(s ingest.Summary) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.enc.Encode(s)
}

// textReporter prints failures as they happen, a progress bar when stderr
// is a terminal, and a summary at the end.
type textReporter struct {
	w      io.Writer
	bar    bool
	total  int
	done   int
	start  time.Time
	last   time.Time
	failed []ingest.Event
	drawn  bool
}

func (r *textReporter) Start(total int) {
	r.total, r.start = total, time.Now()
	if total == 0 {
		fmt.Fprintln(r.w, "no files to ingest (Scrutiny reads .pdf .html .htm .xhtml .txt .md)")
	}
}

func (r *textReporter) Document(ev ingest.Event) {
	r.done++
	if ev.Status == ingest.Failed {
		r.clear()
		known := ""
		if ev.Known {
			known = " (as before; --retry-failed to try again)"
		}
		fmt.Fprintf(r.w, "failed: %s: %s: %s%s\n", ev.Path, ev.Stage, ev.Error, known)
		r.failed = append(r.failed, ev)
	}
	if r.bar && (time.Since(r.last) > 100*time.Millisecond || r.done == r.total) {
		r.last = time.Now()
		r.draw(ev.Path)
	}
}

func (r *textReporter) draw(path string) {
	const width = 30
	n := 0
	if r.total > 0 {
		n = width * r.done / r.total
	}
	if len(path) > 40 {
		path = "…" + path[len(path)-39:]
	}
	fmt.Fprintf(r.w, "\r\033[K[%s%s] %d/%d %s", strings.Repeat("=", n), strings.Repeat(" ", width-n), r.done, r.total, path)
	r.drawn = true
}

func (r *textReporter) clear() {
	if r.drawn {
		fmt.Fprint(r.w, "\r\033[K")
		r.drawn = false
	}
}

func (r *textReporter) Done(s ingest.Summary) {
	r.clear()
	fmt.Fprintf(r.w, "%d documents: %d new, %d unchanged, %d failed", s.Seen, s.New, s.Unchanged, s.Failed)
	if s.Superseded > 0 {
		fmt.Fprintf(r.w, ", %d earlier versions superseded", s.Superseded)
	}
	fmt.Fprintf(r.w, " (%.1fs)\n", s.Seconds)
	if s.Findings > 0 {
		fmt.Fprintf(r.w, "%d new findings: %s\n", s.Findings, byKind(s.ByKind))
	}
	if s.Interrupted {
		fmt.Fprintln(r.w, "interrupted: documents finished so far are committed; run again to complete the rest")
	}
}

// byKind formats counts per kind in a stable order.
func byKind(m map[string]int) string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%d %s", m[k], k))
	}
	return strings.Join(parts, ", ")
}
