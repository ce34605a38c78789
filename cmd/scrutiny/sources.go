package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"scrutiny/extract"
	"scrutiny/fetch"
	"scrutiny/ingest"
	"scrutiny/store"
)

// fetchFlags are the flags of the commands that fetch from sources.
type fetchFlags struct {
	sources  string
	data     string
	contact  string
	interval time.Duration
}

func addFetchFlags(fs *flag.FlagSet) *fetchFlags {
	f := &fetchFlags{}
	fs.StringVar(&f.sources, "sources", os.Getenv("SCRUTINY_SOURCES"), "sources `file` (see docs/nightly.md); default $SCRUTINY_SOURCES")
	fs.StringVar(&f.data, "data", os.Getenv("SCRUTINY_DATA"), "data `folder` for fetched documents; default $SCRUTINY_DATA, else data/ beside the database")
	fs.StringVar(&f.contact, "contact", "", "contact (URL or mailto:) for the User-Agent, overriding the sources file's")
	f.interval = -1
	fs.Func("interval", "least `duration` between requests to one site, overriding the sources file's (default 1s)", func(s string) error {
		d, err := time.ParseDuration(s)
		if err != nil || d < 0 {
			return fmt.Errorf("want a duration such as 1s or 500ms")
		}
		f.interval = d
		return nil
	})
	return f
}

// dataDir is the folder fetched documents go to.
func (f *fetchFlags) dataDir(dbPath string) string {
	if f.data != "" {
		return f.data
	}
	return filepath.Join(filepath.Dir(dbPath), "data")
}

// load reads the sources file and makes the client that will fetch them.
func (f *fetchFlags) load() (*fetch.Config, *fetch.Client, error) {
	cfg, err := fetch.LoadSources(f.sources)
	if err != nil {
		return nil, nil, err
	}
	contact := cfg.Contact
	if f.contact != "" {
		contact = f.contact
	}
	c := fetch.NewClient(fetch.UserAgent(toolVersion(), contact))
	switch {
	case f.interval >= 0:
		c.Interval = f.interval
	case cfg.Interval >= 0:
		c.Interval = cfg.Interval
	}
	return cfg, c, nil
}

// pendingInputs lists the fetched documents that ingest has not yet read,
// as files under the data folder, with their metadata by content hash.
func pendingInputs(ctx context.Context, db *store.DB, data string) ([]string, map[string]map[string]string, error) {
	pending, err := db.PendingFetched(ctx, extract.Version)
	if err != nil {
		return nil, nil, err
	}
	blobs := fetch.Blobs{Dir: data}
	var paths []string
	meta := map[string]map[string]string{}
	for _, p := range pending {
		paths = append(paths, blobs.Abs(p.Blob))
		meta[p.SHA256] = p.Meta
	}
	return paths, meta, nil
}

// failureCollector keeps the documents that failed, passing every event on.
type failureCollector struct {
	next   ingest.Reporter
	failed []ingest.Event
}

func (c *failureCollector) Start(n int) { c.next.Start(n) }
func (c *failureCollector) Document(ev ingest.Event) {
	if ev.Status == ingest.Failed {
		c.failed = append(c.failed, ev)
	}
	c.next.Document(ev)
}
func (c *failureCollector) Done(s ingest.Summary) { c.next.Done(s) }
