// Command bench measures Scrutiny: ingest throughput against plain
// pdftotext, scaling with workers, re-ingest of an unchanged corpus, peak
// memory as the corpus grows, and search latency at a million findings.
// Every ratio it prints compares measurements taken side by side in the
// same run, because the machine may be shared and noisy. It writes
// bench/results.md. Run it with `make bench`.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
)

// Section is one part of the benchmark suite, registered from its own
// file with register.
type Section struct {
	Name  string
	Order int // sections run in ascending order
	// Run measures and returns the section's Markdown for results.md.
	Run func(ctx context.Context, env *Env) (string, error)
}

var sections []Section

var _ = register // sections register themselves from their own files

func register(s Section) { sections = append(sections, s) }

// Env is what a section may use.
type Env struct {
	Root   string // the project root
	Bin    string // a freshly built scrutiny binary
	Corpus string // the shared development corpus, or "" when absent
	Tmp    string // a scratch folder, removed at the end
	Quick  bool   // smaller sizes, for a smoke run
	Log    func(format string, args ...any)
}

func main() {
	out := flag.String("out", "bench/results.md", "where to write the results")
	only := flag.String("only", "", "run only the sections whose names contain this")
	quick := flag.Bool("quick", false, "smaller sizes: a smoke run, not a measurement")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *out, *only, *quick); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, out, only string, quick bool) error {
	root, err := os.Getwd()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "scrutiny-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	env := &Env{Root: root, Tmp: tmp, Quick: quick, Log: func(f string, a ...any) {
		fmt.Fprintf(os.Stderr, "bench: "+f+"\n", a...)
	}}
	env.Bin = filepath.Join(tmp, "scrutiny")
	build := exec.CommandContext(ctx, "go", "build", "-tags", "sqlite_fts5", "-o", env.Bin, "./cmd/scrutiny")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("build scrutiny: %w", err)
	}
	if c := filepath.Join(root, "..", "shared", "corpus"); exists(filepath.Join(c, "README.md")) {
		env.Corpus = c
	}
	if c := os.Getenv("SCRUTINY_CORPUS"); c != "" {
		env.Corpus = c
	}

	sort.SliceStable(sections, func(i, j int) bool { return sections[i].Order < sections[j].Order })
	var b strings.Builder
	fmt.Fprintf(&b, "# Scrutiny benchmarks\n\nRun %s with `make bench`", time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	if quick {
		b.WriteString(" (quick: smaller sizes, not a measurement)")
	}
	b.WriteString(".\n\n")
	b.WriteString(machine(ctx, env))
	began := time.Now()
	for _, s := range sections {
		if only != "" && !strings.Contains(s.Name, only) {
			continue
		}
		env.Log("%s", s.Name)
		t := time.Now()
		md, err := s.Run(ctx, env)
		if err != nil {
			return fmt.Errorf("%s: %w", s.Name, err)
		}
		fmt.Fprintf(&b, "## %s\n\n%s\n\n_%s took %.0f s._\n\n", s.Name, strings.TrimSpace(md), s.Name, time.Since(t).Seconds())
	}
	fmt.Fprintf(&b, "Whole suite: %.0f s. Load average at the end: %s.\n", time.Since(began).Seconds(), loadAverage())
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		return err
	}
	fmt.Print(b.String())
	return nil
}

// machine describes the machine the numbers were taken on.
func machine(ctx context.Context, env *Env) string {
	var b strings.Builder
	b.WriteString("## Machine\n\n")
	fmt.Fprintf(&b, "- CPUs: %d (%s)\n", runtime.NumCPU(), cpuModel())
	fmt.Fprintf(&b, "- Memory: %s\n", memTotal())
	fmt.Fprintf(&b, "- OS: %s/%s\n", runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(&b, "- Go: %s\n", runtime.Version())
	// The machine may be shared: its load says how far wall-clock numbers
	// were slowed by other work. CPU times, where given, are steadier.
	fmt.Fprintf(&b, "- Load average at the start (1, 5, 15 min): %s\n", loadAverage())
	if out, err := exec.CommandContext(ctx, "pdftotext", "-v").CombinedOutput(); err == nil {
		fmt.Fprintf(&b, "- pdftotext: %s\n", strings.SplitN(strings.TrimSpace(string(out)), "\n", 2)[0])
	} else {
		b.WriteString("- pdftotext: not installed\n")
	}
	if env.Corpus != "" {
		b.WriteString("- Corpus: the shared development corpus\n")
	} else {
		b.WriteString("- Corpus: the project's testdata only (the shared corpus is absent)\n")
	}
	b.WriteString("\n")
	return b.String()
}

// loadAverage returns the 1, 5 and 15 minute load averages.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], ", ")
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown model"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "model name") {
			if _, v, ok := strings.Cut(l, ":"); ok {
				return strings.TrimSpace(v)
			}
		}
	}
	return "unknown model"
}

func memTotal() string {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return "unknown"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "MemTotal:") {
			f := strings.Fields(l)
			if len(f) >= 2 {
				var kb int64
				fmt.Sscan(f[1], &kb)
				return fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
			}
		}
	}
	return "unknown"
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
