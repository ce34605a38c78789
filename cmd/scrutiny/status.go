package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"scrutiny/classify"
	"scrutiny/ingest"
	"scrutiny/store"
)

func init() {
	register(command{name: "status", summary: "when the last successful run finished, and what failed", run: cmdStatus})
}

// statusReport is the JSON form of `scrutiny status --json`; consumers
// ignore fields they do not know.
type statusReport struct {
	Database      string               `json:"database"`
	LastOK        *store.Run           `json:"last_successful_run"`
	Last          *store.Run           `json:"last_run"`
	Running       string               `json:"running,omitempty"` // the process holding the run lock
	Failures      []store.Failure      `json:"failures"`          // documents whose latest attempt failed
	LastFetch     *store.Run           `json:"last_fetch,omitempty"`
	FetchFailures []store.FetchFailure `json:"fetch_failures"`  // of the last fetch
	Stale         int                  `json:"stale_documents"` // classified by another classifier version
	Classifier    string               `json:"classifier_version"`
}

func cmdStatus(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "status", "",
		"Say when the last successful run (ok, or finished with some documents failed) ended, whether a run\n"+
			"is going on, which documents are failing, what the last fetch could not get, and how many\n"+
			"documents await reclassification. With --max-age it exits 1 when the last successful run is older,\n"+
			"for monitoring.")
	dbPath := fs.String("db", defaultDB(), "database `file`")
	jsonOut := fs.Bool("json", false, "print JSON")
	maxAge := fs.Duration("max-age", 0, "exit 1 when no successful run finished within this `duration` (e.g. 26h)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	db, err := store.OpenReadOnly(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	st, err := gatherStatus(ctx, db)
	if err != nil {
		return err
	}
	if *jsonOut {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(st); err != nil {
			return err
		}
	} else {
		printStatus(e.stdout, st, time.Now())
	}
	if *maxAge > 0 {
		if st.LastOK == nil {
			return fmt.Errorf("no successful run yet")
		}
		if age := time.Since(parseTime(st.LastOK.FinishedAt)); age > *maxAge {
			return fmt.Errorf("the last successful run finished %s ago, more than --max-age %s", ago(age), *maxAge)
		}
	}
	return nil
}

func gatherStatus(ctx context.Context, db *store.DB) (statusReport, error) {
	st := statusReport{Database: db.Path(), Classifier: classify.Version}
	if r, ok, err := db.LastRun(ctx, store.RunOK, store.RunPartial); err != nil {
		return st, err
	} else if ok {
		st.LastOK = &r
	}
	if r, ok, err := db.LastRun(ctx); err != nil {
		return st, err
	} else if ok {
		st.Last = &r
	}
	st.Running, _ = ingest.Holder(db.Path())
	var err error
	if st.Failures, err = db.Failures(ctx, 0); err != nil {
		return st, err
	}
	if r, ok, err := db.LastRunOf(ctx, "fetch"); err != nil {
		return st, err
	} else if ok {
		st.LastFetch = &r
		if st.FetchFailures, err = db.FetchFailures(ctx, r.ID); err != nil {
			return st, err
		}
	}
	stale, err := db.StaleDocuments(ctx, classify.Version, false)
	if err != nil {
		return st, err
	}
	st.Stale = len(stale)
	return st, nil
}

// printStatus writes the status for people.
func printStatus(w io.Writer, st statusReport, now time.Time) {
	if st.LastOK == nil {
		fmt.Fprintln(w, "Last successful run: none yet")
	} else {
		r := st.LastOK
		fmt.Fprintf(w, "Last successful run: #%d %s, finished %s UTC (%s ago): %s\n",
			r.ID, r.Command, clock(r.FinishedAt), ago(now.Sub(parseTime(r.FinishedAt))), runCounts(*r))
	}
	if l := st.Last; l != nil && (st.LastOK == nil || l.ID != st.LastOK.ID) {
		state := l.Status
		if l.Status == store.RunRunning && st.Running == "" {
			state = "ended without finishing (the process was killed); the next run closes it"
		}
		fmt.Fprintf(w, "Last run: #%d %s, started %s UTC: %s", l.ID, l.Command, clock(l.StartedAt), state)
		if l.Message != "" && l.Status != store.RunRunning {
			fmt.Fprintf(w, " (%s)", l.Message)
		}
		fmt.Fprintln(w)
	}
	if st.Running != "" {
		fmt.Fprintf(w, "Running now: %s\n", st.Running)
	}
	const show = 20
	if n := len(st.Failures); n == 0 {
		fmt.Fprintln(w, "Failing documents: none")
	} else {
		fmt.Fprintf(w, "Failing documents: %d\n", n)
		for _, f := range st.Failures[:min(n, show)] {
			fmt.Fprintf(w, "  %s: %s: %s\n", f.Path, f.Stage, f.Error)
		}
		if n > show {
			fmt.Fprintf(w, "  … and %d more (scrutiny stats lists them all)\n", n-show)
		}
	}
	if f := st.LastFetch; f != nil {
		fmt.Fprintf(w, "Last fetch: #%d, started %s UTC: %s, %d new documents", f.ID, clock(f.StartedAt), f.Status, f.New)
		if len(st.FetchFailures) == 0 {
			fmt.Fprintln(w, ", nothing failed")
		} else {
			fmt.Fprintf(w, ", %d failed:\n", len(st.FetchFailures))
			for _, ff := range st.FetchFailures[:min(len(st.FetchFailures), show)] {
				fmt.Fprintf(w, "  %s: %s\n", ff.Source, ff.Error)
			}
		}
	}
	if st.Stale > 0 {
		fmt.Fprintf(w, "Reclassification: %d documents have findings from another classifier than %s (scrutiny reclassify)\n",
			st.Stale, st.Classifier)
	}
}

// runCounts summarises a run's counts in words.
func runCounts(r store.Run) string {
	switch r.Command {
	case "reclassify":
		return fmt.Sprintf("%d documents reclassified, %d failed", r.New, r.Failed)
	case "fetch":
		return fmt.Sprintf("%d documents found, %d new, %d failed", r.Seen, r.New, r.Failed)
	}
	return fmt.Sprintf("%d new, %d unchanged, %d failed, %d new findings", r.New, r.Unchanged, r.Failed, r.Findings)
}

func parseTime(ts string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, ts)
	return t
}

// ago says how long ago, roughly, as people say it.
func ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "less than a minute"
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%.1f h", d.Hours())
	}
	return fmt.Sprintf("%d days", int(d.Hours()/24))
}
