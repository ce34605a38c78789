package main

import (
	"context"
	"fmt"
	"strings"
)

func init() {
	register(Section{Name: "Scaling", Order: 20, Run: scaling})
}

// scaling runs the same ingest with one and with two workers.
func scaling(ctx context.Context, env *Env) (string, error) {
	set := testdataPDFs(env)
	if s, ok := ilacsPDFs(env); ok {
		set = s
	}
	files := append(append(append([]string{}, set.Files...), htmlFiles(env)...), textFiles(env)...)
	var b strings.Builder
	fmt.Fprintf(&b, "`scrutiny ingest --workers N` over %s plus the HTML and text files (%d files), into a new database each time.\n\n", set.Name, len(files))
	b.WriteString("| workers | seconds | docs/s | pages/s | speed-up | CPU s |\n|---|---|---|---|---|---|\n")
	var base float64
	for _, w := range []int{1, 2} {
		r, err := ingest(ctx, env, freshDB(env, fmt.Sprintf("scaling-%d", w)), w, files...)
		if err != nil {
			return "", err
		}
		if w == 1 {
			base = r.Wall.Seconds()
		}
		fmt.Fprintf(&b, "| %d | %.2f | %s | %s | %.2f× | %.1f |\n", w, r.Wall.Seconds(), rate(float64(r.New), r.Wall),
			rate(float64(r.Pages), r.Wall), base/r.Wall.Seconds(), r.CPU.Seconds())
	}
	return b.String(), nil
}
