package main

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"
	"time"

	"scrutiny/store"
)

func init() {
	register(command{name: "runs", summary: "list the runs of ingest, fetch, reclassify and nightly", run: cmdRuns})
}

func cmdRuns(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "runs", "",
		"List the run ledger, newest first: when each run started, how long it took, how it ended, and its\n"+
			"counts. SEEN, NEW, UNCH (unchanged), SUPER (superseded versions) and FAIL count documents;\n"+
			"a fetch run counts documents found and new, a reclassify run documents examined and reclassified.")
	dbPath := fs.String("db", defaultDB(), "database `file`")
	limit := fs.Int("limit", 20, "show at most this many runs")
	jsonOut := fs.Bool("json", false, "print one JSON object per run")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	if *limit < 1 {
		return usagef("--limit must be at least 1")
	}
	db, err := store.OpenReadOnly(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	runs, err := db.Runs(ctx, *limit)
	if err != nil {
		return err
	}
	if *jsonOut {
		enc := json.NewEncoder(e.stdout)
		for _, r := range runs {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	}
	if len(runs) == 0 {
		fmt.Fprintln(e.stdout, "no runs yet")
		return nil
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "ID\tCOMMAND\tSTARTED (UTC)\tTOOK\tSTATUS\tSEEN\tNEW\tUNCH\tSUPER\tFAIL\tFINDINGS\tEXTRACTOR\tCLASSIFIER\t")
	for _, r := range runs {
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t\n", r.ID, r.Command, clock(r.StartedAt),
			took(r), r.Status, r.Seen, r.New, r.Unchanged, r.Superseded, r.Failed, r.Findings,
			r.ExtractorVersion, r.ClassifierVersion)
	}
	return w.Flush()
}

// clock shows an RFC 3339 time as "2006-01-02 15:04:05".
func clock(ts string) string {
	t, err := time.Parse(time.RFC3339Nano, ts)
	if err != nil {
		return ts
	}
	return t.UTC().Format("2006-01-02 15:04:05")
}

// took is how long a run lasted, or "-" while it has not finished.
func took(r store.Run) string {
	start, err1 := time.Parse(time.RFC3339Nano, r.StartedAt)
	end, err2 := time.Parse(time.RFC3339Nano, r.FinishedAt)
	if err1 != nil || err2 != nil {
		return "-"
	}
	d := end.Sub(start)
	if d < 10*time.Second {
		return d.Round(10 * time.Millisecond).String()
	}
	return d.Round(time.Second).String()
}
