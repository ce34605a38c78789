package main

import (
	"context"
	"fmt"
	"strings"
)

func init() {
	register(Section{Name: "Re-ingest", Order: 30, Run: reingest})
}

// reingest ingests a corpus, then ingests it again unchanged: files whose
// size and modification time match what was stored are skipped unread.
func reingest(ctx context.Context, env *Env) (string, error) {
	set := testdataPDFs(env)
	if s, ok := ilacsPDFs(env); ok {
		set = s
	}
	files := append(append(append([]string{}, set.Files...), htmlFiles(env)...), textFiles(env)...)
	db := freshDB(env, "reingest")
	first, err := ingest(ctx, env, db, 2, files...)
	if err != nil {
		return "", err
	}
	second, err := ingest(ctx, env, db, 2, files...)
	if err != nil {
		return "", err
	}
	if second.Unch+second.Failed != second.Seen {
		return "", fmt.Errorf("second run stored %d documents again", second.New)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s plus the HTML and text files (%d files), ingested, then ingested again unchanged.\n\n", set.Name, len(files))
	b.WriteString("| run | seconds | new | unchanged | failed |\n|---|---|---|---|---|\n")
	fmt.Fprintf(&b, "| first | %.3f | %d | %d | %d |\n", first.Wall.Seconds(), first.New, first.Unch, first.Failed)
	fmt.Fprintf(&b, "| again, unchanged | %.3f | %d | %d | %d |\n", second.Wall.Seconds(), second.New, second.Unch, second.Failed)
	fmt.Fprintf(&b, "\nThe unchanged run is **%.0f×** faster than the first (goal: at least 20×).\n", first.Wall.Seconds()/second.Wall.Seconds())
	if len(first.Failures) > 0 {
		fmt.Fprintf(&b, "\nFailed, and reported again from the record on the second run: %s.\n", strings.Join(first.Failures, "; "))
	}
	return b.String(), nil
}
