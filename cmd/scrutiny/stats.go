package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"scrutiny/corpus"
	"scrutiny/store"
)

func init() {
	register(command{name: "stats", summary: "count documents, items, findings by kind, and failures", run: cmdStats})
}

func cmdStats(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "stats", "", "Count what the database holds.")
	dbPath := fs.String("db", defaultDB(), "database `file`")
	jsonOut := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	db, err := store.OpenReadOnly(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	st, err := db.Stats(ctx)
	if err != nil {
		return err
	}
	if *jsonOut {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	w := e.stdout
	fmt.Fprintf(w, "documents   %d", st.Documents)
	if st.Superseded > 0 {
		fmt.Fprintf(w, " (and %d superseded versions)", st.Superseded)
	}
	fmt.Fprintln(w)
	for _, k := range sortedKeys(st.ByType) {
		fmt.Fprintf(w, "  %-18s %d\n", k, st.ByType[k])
	}
	fmt.Fprintf(w, "items       %d\n", st.Items)
	total := 0
	for _, n := range st.Findings {
		total += n
	}
	fmt.Fprintf(w, "findings    %d\n", total)
	for _, k := range corpus.Kinds {
		fmt.Fprintf(w, "  %-18s %d\n", k, st.Findings[string(k)])
	}
	fmt.Fprintf(w, "failures    %d\n", st.Failures)
	if st.Failures > 0 {
		fails, err := db.Failures(ctx, 0)
		if err != nil {
			return err
		}
		for _, f := range fails {
			fmt.Fprintf(w, "  %s: %s: %s\n", f.Path, f.Stage, f.Error)
		}
	}
	fmt.Fprintf(w, "runs        %d\n", st.Runs)
	return nil
}

func sortedKeys(m map[string]int) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
