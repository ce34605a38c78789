package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"

	"scrutiny/fetch"
	"scrutiny/ingest"
	"scrutiny/store"
)

func init() {
	register(command{name: "fetch", summary: "download new documents from council sites, then ingest them", run: cmdFetch})
}

func cmdFetch(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "fetch", "",
		"Download new documents from the sources in a sources file (ModernGov sites, RSS and Atom feeds,\n"+
			"plain URLs) into the data folder, then ingest them. Every URL is asked for conditionally (ETag,\n"+
			"Last-Modified), so a second run over unchanged sites downloads nothing. A source that fails is\n"+
			"reported and the others go on. See docs/nightly.md.\n"+
			"Exit status: 0 ok, 3 some sources or documents failed, 1 fatal error, 2 usage, 130 interrupted.")
	dbPath := fs.String("db", defaultDB(), "database `file`")
	ff := addFetchFlags(fs)
	noIngest := fs.Bool("no-ingest", false, "only download; a later fetch, nightly or ingest of the data folder reads them")
	workers := fs.Int("workers", runtime.NumCPU(), "documents ingested in parallel")
	wait := fs.Bool("wait", false, "wait for another run on the same database to finish instead of exiting")
	jsonOut := fs.Bool("json", false, "print the fetch summary, then ingest's JSON lines, on stdout")
	quiet := fs.Bool("q", false, "no progress or summary on stderr")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	if ff.sources == "" {
		return usagef("--sources is required (or set $SCRUTINY_SOURCES)")
	}
	if *workers < 1 {
		return usagef("--workers must be at least 1")
	}
	cfg, client, err := ff.load()
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	lk, err := ingest.LockDB(ctx, db, *wait)
	if err != nil {
		return err
	}
	defer lk.Release()

	data := ff.dataDir(*dbPath)
	fsum, err := fetch.Run(ctx, db, cfg.Sources, fetch.Options{
		Data: data, Client: client, Args: joinArgs(args), Log: logTo(e.stderr, *quiet),
	})
	if err != nil {
		return err
	}
	if *jsonOut {
		json.NewEncoder(e.stdout).Encode(struct {
			Type string `json:"type"`
			fetch.Summary
		}{"fetch", fsum})
	} else if !*quiet {
		printFetchSummary(e.stderr, fsum)
	}
	if fsum.Interrupted {
		return errInterrupted
	}
	var isum ingest.Summary
	if !*noIngest {
		paths, meta, err := pendingInputs(ctx, db, data)
		if err != nil {
			return err
		}
		if len(paths) > 0 {
			isum, err = ingest.Run(ctx, db, paths, ingest.Options{
				Workers: *workers, Lock: lk, MetaBySHA: meta, Command: "ingest", Args: "(fetched documents)",
				Reporter: newReporter(e, *jsonOut, *quiet),
			})
			if err != nil {
				return err
			}
		}
	}
	if err := summaryError(isum); err != nil {
		return err
	}
	if fsum.Failed > 0 {
		return fmt.Errorf("%d fetches failed: %w", fsum.Failed, errSomeFailed)
	}
	return nil
}

// logTo returns a progress logger writing lines to w, or nothing if quiet.
func logTo(w io.Writer, quiet bool) func(string, ...any) {
	if quiet {
		return nil
	}
	return func(format string, args ...any) { fmt.Fprintf(w, "fetch: "+format+"\n", args...) }
}

func printFetchSummary(w io.Writer, s fetch.Summary) {
	fmt.Fprintf(w, "%d sources: %d documents found, %d new; %d requests (%d downloaded, %d not modified), %d failed (%.1fs)\n",
		len(s.Sources), s.Documents, len(s.New), s.Requests, s.Downloaded, s.NotModified, s.Failed, s.Seconds)
}
