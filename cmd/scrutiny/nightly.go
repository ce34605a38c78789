package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"scrutiny/fetch"
	"scrutiny/ingest"
	"scrutiny/store"
)

func init() {
	register(command{name: "nightly", summary: "fetch, ingest, and report in a paragraph fit for email", run: cmdNightly})
}

func cmdNightly(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "nightly", "[FOLDER...]",
		"The nightly job: fetch new documents from the sources file (if any), ingest them and any new or\n"+
			"changed files in the FOLDERs, then print a one-paragraph report on stdout: new documents, new\n"+
			"findings by kind, and failures. It holds the database's run lock throughout. See docs/nightly.md\n"+
			"and contrib/ for a systemd timer and a cron line.\n"+
			"Exit status: 0 ok, 3 something failed, 1 fatal error, 2 usage, 130 interrupted.")
	dbPath := fs.String("db", defaultDB(), "database `file`")
	ff := addFetchFlags(fs)
	report := fs.String("report", "", "also write the report to this `file`")
	workers := fs.Int("workers", runtime.NumCPU(), "documents ingested in parallel")
	wait := fs.Bool("wait", false, "wait for another run on the same database to finish instead of exiting")
	jsonOut := fs.Bool("json", false, "print the report as JSON instead of a paragraph")
	quiet := fs.Bool("q", false, "no progress on stderr")
	if err := parse(fs, args); err != nil {
		return err
	}
	if ff.sources == "" && fs.NArg() == 0 {
		return usagef("nothing to do: give --sources, or folders to ingest, or both")
	}
	if *workers < 1 {
		return usagef("--workers must be at least 1")
	}
	var cfg *fetch.Config
	var client *fetch.Client
	if ff.sources != "" {
		var err error
		if cfg, client, err = ff.load(); err != nil {
			return err
		}
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

	rep := nightlyReport{Started: time.Now().UTC()}
	data := ff.dataDir(*dbPath)
	if cfg != nil {
		fsum, err := fetch.Run(ctx, db, cfg.Sources, fetch.Options{
			Data: data, Client: client, Args: joinArgs(args), Log: logTo(e.stderr, *quiet),
		})
		if err != nil {
			return err
		}
		rep.Fetch = &fsum
		rep.Interrupted = fsum.Interrupted
	}
	if !rep.Interrupted {
		if err := nightlyIngest(ctx, e, db, lk, &rep, data, fs.Args(), *workers, *quiet, joinArgs(args)); err != nil {
			return err
		}
	}
	if st, err := db.Stats(context.WithoutCancel(ctx)); err == nil {
		rep.Documents = st.Documents
		for _, n := range st.Findings {
			rep.Findings += n
		}
	}
	rep.Finished = time.Now().UTC()

	text := rep.Paragraph()
	if *jsonOut {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		fmt.Fprint(e.stdout, text)
	}
	if *report != "" {
		if err := writeFileAtomic(*report, []byte(text)); err != nil {
			return err
		}
	}
	switch {
	case rep.Interrupted:
		return errInterrupted
	case rep.failures() > 0:
		return fmt.Errorf("%d failures: %w", rep.failures(), errSomeFailed)
	}
	return nil
}

// nightlyIngest ingests what the fetch left waiting and the folders.
func nightlyIngest(ctx context.Context, e *env, db *store.DB, lk *ingest.Lock, rep *nightlyReport,
	data string, folders []string, workers int, quiet bool, args string) error {
	paths, meta, err := pendingInputs(ctx, db, data)
	if err != nil {
		return err
	}
	paths = append(paths, folders...)
	if len(paths) == 0 {
		return nil
	}
	col := &failureCollector{next: newReporter(e, false, quiet)}
	isum, err := ingest.Run(ctx, db, paths, ingest.Options{
		Workers: workers, Lock: lk, MetaBySHA: meta, Command: "nightly", Args: args, Reporter: col,
	})
	if err != nil {
		return err
	}
	rep.Ingest, rep.IngestFailures = &isum, col.failed
	rep.Interrupted = isum.Interrupted
	return nil
}

// writeFileAtomic writes data to path through a temporary file and a
// rename, so that a reader (a mailer) never sees half a report.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write report %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write report %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write report %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write report %s: %w", path, err)
	}
	return nil
}
