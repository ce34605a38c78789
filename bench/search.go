package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"time"

	"scrutiny/classify"
	"scrutiny/store"
)

func init() {
	register(Section{Name: "Search at a million findings", Order: 60, Run: benchSearch})
}

// searchGoal is the median latency a search must beat.
const searchGoal = 50 * time.Millisecond

// benchQuery is a search a researcher might run: words and filters, as
// CLI flags and as API parameters.
type benchQuery struct {
	words string
	flags []string // CLI filter flags
}

var benchQueries = []benchQuery{
	{words: "care leavers"},
	{words: `"help and protection"`},
	{words: "inadequate", flags: []string{"--kind", "judgement"}},
	{words: "social work practice"},
	{words: "exploitation"},
	{words: "placement sufficiency"},
	{words: "leadership", flags: []string{"--authority", "Durham"}},
	{words: "children", flags: []string{"--since", "2023"}},
	{words: `"child protection"`},
	{words: "caseloads OR turnover"},
	{words: "Ofsted inspection", flags: []string{"--in", "items"}},
	{words: "good", flags: []string{"--kind", "judgement", "--grade", "good"}},
	{words: "edge of care"},
	{words: "improvement plan -monitoring"},
}

// params turns the CLI flags of a query into API parameters.
func (q benchQuery) params() url.Values {
	v := url.Values{"q": {q.words}}
	for i := 0; i+1 < len(q.flags); i += 2 {
		v.Add(strings.TrimPrefix(q.flags[i], "--"), q.flags[i+1])
	}
	return v
}

// filter turns the CLI flags of a query into a store filter and options.
func (q benchQuery) filter() (store.Filter, store.SearchOptions) {
	flt := store.Filter{Query: q.words}
	var opt store.SearchOptions
	for i := 0; i+1 < len(q.flags); i += 2 {
		switch v := q.flags[i+1]; q.flags[i] {
		case "--kind":
			flt.Kinds = []string{v}
		case "--authority":
			flt.Authority = v
		case "--since":
			flt.Since = v
		case "--grade":
			flt.Grade = v
		case "--in":
			opt.Scope = store.Scope(v)
		}
	}
	return flt, opt
}

func benchSearch(ctx context.Context, env *Env) (string, error) {
	target := 1_000_000
	rounds := 7
	if env.Quick {
		target, rounds = 20_000, 3
	}
	var b strings.Builder
	path, note, err := searchDB(ctx, env, target)
	if err != nil {
		return "", err
	}
	b.WriteString(note)
	fmt.Fprintf(&b, "Load average before measuring: %s.\n\n", loadAverage())

	inproc, cpu, matches, err := timeInProcess(ctx, path, rounds)
	if err != nil {
		return "", err
	}
	cli, err := timeCLI(ctx, env, path, max(rounds/2, 2))
	if err != nil {
		return "", err
	}
	api, err := timeAPI(ctx, env, path, rounds)
	if err != nil {
		return "", err
	}

	b.WriteString("| query | matches | in-process median | in-process CPU | CLI median | API median |\n|---|---:|---:|---:|---:|---:|\n")
	var all [3][]time.Duration
	for i, q := range benchQueries {
		name := q.words
		if len(q.flags) > 0 {
			name += " " + strings.Join(q.flags, " ")
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s |\n", name, matches[i], msf(median(inproc[i])), msf(median(cpu[i])),
			msf(median(cli[i])), msf(median(api[i])))
		all[0] = append(all[0], inproc[i]...)
		all[1] = append(all[1], cli[i]...)
		all[2] = append(all[2], api[i]...)
	}
	b.WriteString("\n| channel | median | p95 | goal: median under 50 ms |\n|---|---:|---:|---|\n")
	for i, name := range []string{"in-process (store.Search)", "CLI (`scrutiny search`, a process per query)", "HTTP API (`/api/search`)"} {
		m := median(all[i])
		verdict := "met"
		if m >= searchGoal {
			verdict = "**not met**"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", name, msf(m), msf(percentile(all[i], 95)), verdict)
	}
	fmt.Fprintf(&b, "\nEach query ran %d times in-process and through the API, %d times through the CLI, after one warm-up run; "+
		"the medians and p95 are over every run of every query. The CLI's times include starting the process and opening "+
		"the database. Load average after: %s.\n", rounds, max(rounds/2, 2), loadAverage())
	return b.String(), nil
}

// searchDB returns a database of about target findings: the corpus
// ingested once, then replicated in SQL. It is cached under bench/out,
// keyed by what decides its content.
func searchDB(ctx context.Context, env *Env, target int) (string, string, error) {
	corpusName, src := "testdata", []string{filepath.Join(env.Root, "testdata")}
	if env.Corpus != "" {
		corpusName, src = "shared", []string{env.Corpus}
	}
	key := fmt.Sprintf("search-%s-s%d-%s-c%s-%d.db", corpusName, store.SchemaVersion(), schemaDigest(env.Root), classify.Version, target)
	path := filepath.Join(env.Root, "bench", "out", key)
	if exists(path) {
		note, err := describe(ctx, path, "reused from an earlier run ("+filepath.Base(path)+")")
		return path, note, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", "", err
	}
	tmp := path + ".building"
	os.Remove(tmp)
	began := time.Now()
	env.Log("search: ingesting the %s corpus", corpusName)
	ing := exec.CommandContext(ctx, env.Bin, append([]string{"ingest", "-q", "--db", tmp}, src...)...)
	ing.Stderr = os.Stderr
	if err := ing.Run(); err != nil {
		var ee *exec.ExitError
		if !(errors.As(err, &ee) && ee.ExitCode() == 3) { // some documents failing is normal
			return "", "", fmt.Errorf("ingest %s: %w", src, err)
		}
	}
	db, err := store.Open(ctx, tmp)
	if err != nil {
		return "", "", err
	}
	st, err := db.Stats(ctx)
	if err != nil {
		db.Close()
		return "", "", err
	}
	base := 0
	for _, n := range st.Findings {
		base += n
	}
	if base == 0 {
		db.Close()
		return "", "", fmt.Errorf("the %s corpus gave no findings to replicate", corpusName)
	}
	copies := (target+base-1)/base - 1
	env.Log("search: replicating %d findings %d times", base, copies)
	if err := db.Replicate(ctx, copies); err != nil {
		db.Close()
		return "", "", err
	}
	if err := db.Optimize(ctx); err != nil {
		db.Close()
		return "", "", err
	}
	if err := db.Close(); err != nil {
		return "", "", err
	}
	if err := os.Rename(tmp, path); err != nil {
		return "", "", err
	}
	how := fmt.Sprintf("built in %.0f s: the %s corpus ingested (%d findings), then each current document copied %d times in one transaction",
		time.Since(began).Seconds(), corpusName, base, copies)
	note, err := describe(ctx, path, how)
	return path, note, err
}

// describe says what the database holds.
func describe(ctx context.Context, path, how string) (string, error) {
	db, err := store.OpenReadOnly(ctx, path)
	if err != nil {
		return "", err
	}
	defer db.Close()
	st, err := db.Stats(ctx)
	if err != nil {
		return "", err
	}
	total := 0
	for _, n := range st.Findings {
		total += n
	}
	fi, _ := os.Stat(path)
	size := float64(0)
	if fi != nil {
		size = float64(fi.Size()) / (1 << 20)
	}
	return fmt.Sprintf("Database: %d findings, %d agenda items, %d documents, %.0f MiB; %s. "+
		"Copies keep their findings' and items' titles but not the documents' or items' full text (see store.Replicate). "+
		"Searches rank at most %d matches per table (store.RankWindow).\n\n",
		total, st.Items, st.Documents, size, how, store.RankWindow), nil
}

// timeInProcess times store.Search on a read-only handle: wall and CPU
// time per run, and each query's match count.
func timeInProcess(ctx context.Context, path string, rounds int) ([][]time.Duration, [][]time.Duration, []string, error) {
	db, err := store.OpenReadOnly(ctx, path)
	if err != nil {
		return nil, nil, nil, err
	}
	defer db.Close()
	wall := make([][]time.Duration, len(benchQueries))
	cpu := make([][]time.Duration, len(benchQueries))
	matches := make([]string, len(benchQueries))
	for r := -1; r < rounds; r++ {
		for i, q := range benchQueries {
			flt, opt := q.filter()
			c0 := cpuTime()
			t0 := time.Now()
			res, err := db.Search(ctx, flt, opt)
			if err != nil {
				return nil, nil, nil, fmt.Errorf("search %q: %w", q.words, err)
			}
			if r < 0 {
				matches[i] = fmt.Sprint(res.Total)
				if !res.TotalExact {
					matches[i] = "> " + matches[i]
				}
				continue
			}
			wall[i] = append(wall[i], time.Since(t0))
			cpu[i] = append(cpu[i], cpuTime()-c0)
		}
	}
	return wall, cpu, matches, nil
}

// timeCLI times `scrutiny search`, one process per query.
func timeCLI(ctx context.Context, env *Env, path string, rounds int) ([][]time.Duration, error) {
	out := make([][]time.Duration, len(benchQueries))
	for r := -1; r < rounds; r++ {
		for i, q := range benchQueries {
			args := append(append([]string{"search", "--db", path}, q.flags...), "--", q.words)
			cmd := exec.CommandContext(ctx, env.Bin, args...)
			cmd.Stdout = io.Discard
			t0 := time.Now()
			if err := cmd.Run(); err != nil {
				return nil, fmt.Errorf("scrutiny %s: %w", strings.Join(args, " "), err)
			}
			if r >= 0 {
				out[i] = append(out[i], time.Since(t0))
			}
		}
	}
	return out, nil
}

// timeAPI times GET /api/search against `scrutiny serve`.
func timeAPI(ctx context.Context, env *Env, path string, rounds int) ([][]time.Duration, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := exec.CommandContext(ctx, env.Bin, "serve", "--db", path, "--addr", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	}()
	base := ""
	sc := bufio.NewScanner(stderr)
	re := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+)/`)
	for sc.Scan() {
		if m := re.FindStringSubmatch(sc.Text()); m != nil {
			base = m[1]
			break
		}
	}
	if base == "" {
		return nil, fmt.Errorf("scrutiny serve did not say where it listens")
	}
	go io.Copy(io.Discard, stderr)
	client := &http.Client{Timeout: 30 * time.Second}
	out := make([][]time.Duration, len(benchQueries))
	for r := -1; r < rounds; r++ {
		for i, q := range benchQueries {
			u := base + "/api/search?" + q.params().Encode()
			t0 := time.Now()
			resp, err := client.Get(u)
			if err != nil {
				return nil, err
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				return nil, fmt.Errorf("GET %s: %s", u, resp.Status)
			}
			if r >= 0 {
				out[i] = append(out[i], time.Since(t0))
			}
		}
	}
	return out, nil
}

// schemaDigest is a short hash of the migrations, so that a cached
// database is rebuilt when the schema changes within a version.
func schemaDigest(root string) string {
	h := sha256.New()
	files, _ := filepath.Glob(filepath.Join(root, "store", "migrations", "*.sql"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:8]
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[min((len(s)*p+99)/100, len(s))-1]
}

func msf(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
