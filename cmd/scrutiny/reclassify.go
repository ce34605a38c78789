package main

import (
	"context"
	"fmt"
	"io"
	"runtime"

	"scrutiny/classify"
	"scrutiny/ingest"
	"scrutiny/store"
)

func init() {
	register(command{name: "reclassify", summary: "recompute findings from stored text with this build's rules", run: cmdReclassify})
}

func cmdReclassify(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "reclassify", "",
		"Recompute the agenda items, findings and facts of documents whose findings another classifier\n"+
			"version made ("+classify.Version+" is this build's), from the text stored in the database: no file is\n"+
			"read and nothing is extracted again. Each document is replaced in one transaction; an interrupted\n"+
			"run resumes where it stopped. Finding ids change; document ids do not.\n"+
			"Exit status: 0 done, 3 some documents failed, 1 fatal error, 2 usage, 130 interrupted.")
	dbPath := fs.String("db", defaultDB(), "database `file`")
	all := fs.Bool("all", false, "reclassify every document, whatever classifier made its findings")
	workers := fs.Int("workers", runtime.NumCPU(), "documents classified in parallel")
	wait := fs.Bool("wait", false, "wait for another run on the same database to finish instead of exiting")
	jsonOut := fs.Bool("json", false, "print one JSON line per document and a summary line on stdout")
	quiet := fs.Bool("q", false, "no summary on stderr")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	if *workers < 1 {
		return usagef("--workers must be at least 1")
	}
	db, err := store.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	var rep ingest.Reporter = quietReporter{}
	if !*quiet {
		rep = failurePrinter{e.stderr}
	}
	if *jsonOut {
		rep = newReporter(e, true, *quiet)
	}
	sum, err := ingest.Reclassify(ctx, db, ingest.ReclassifyOptions{
		All: *all, Workers: *workers, Wait: *wait, Args: joinArgs(args), Reporter: rep,
	})
	if err != nil {
		return err
	}
	if !*jsonOut && !*quiet {
		fmt.Fprintf(e.stderr, "%d documents reclassified with classifier %s, %d failed (%.1fs)\n",
			sum.New, classify.Version, sum.Failed, sum.Seconds)
		if sum.Findings > 0 {
			fmt.Fprintf(e.stderr, "%d findings: %s\n", sum.Findings, byKind(sum.ByKind))
		}
		if sum.Interrupted {
			fmt.Fprintln(e.stderr, "interrupted: documents reclassified so far are committed; run again to complete the rest")
		}
	}
	return summaryError(sum)
}

// failurePrinter reports the documents that fail, and nothing else.
type failurePrinter struct{ w io.Writer }

func (failurePrinter) Start(int) {}
func (p failurePrinter) Document(ev ingest.Event) {
	if ev.Status == ingest.Failed {
		fmt.Fprintf(p.w, "failed: %s: %s: %s\n", ev.Path, ev.Stage, ev.Error)
	}
}
func (failurePrinter) Done(ingest.Summary) {}
