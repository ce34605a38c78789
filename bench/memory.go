package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
)

func init() {
	register(Section{Name: "Memory", Order: 40, Run: memory})
}

// memory measures the peak resident memory of `scrutiny ingest` as the
// corpus grows, over a replicated corpus: the seed documents in all three
// formats, Markdown minutes, an Ofsted inspection report and a focused-visit
// letter, copied with a few bytes changed so that every copy is a new
// document. The seed texts and pages come three times in each cycle: they
// are what keeps 10,000 documents within the suite's time, and the PDFs
// (one in five files) what brings pdftotext's output and large reports into
// every hundred.
func memory(ctx context.Context, env *Env) (string, error) {
	td := filepath.Join(env.Root, "testdata")
	var sources []string
	for range 3 {
		sources = append(sources, glob(td, "seeds/*.txt", "seeds/html/*.html")...)
	}
	sources = append(sources, glob(td, "seeds/pdf/*.pdf", "minutes/*.md", "ofsted/ilacs/80573_*.pdf", "ofsted/focused-visits/80488_*.pdf")...)
	sizes := []int{100, 1000, 10000}
	if env.Quick {
		sizes = []int{100, 200}
	}
	groups, err := replicate(env, "memory", sources, sizes[len(sizes)-1])
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "A replicated corpus cycling through %d files of testdata (the seed texts as text and HTML three times and as PDF once, Markdown minutes, an Ofsted report and a focused-visit letter), each copy a few bytes different; one `scrutiny ingest --workers 2` into a new database over all %d, its resident memory's high-water mark read as it wrote the %s document. Goal: at most 200 MB at every size.\n\n",
		len(sources), sizes[len(sizes)-1], ordinals(sizes))
	b.WriteString("| documents | pages | MB read | seconds | CPU s | docs/s | peak RSS (MB) |\n|---|---|---|---|---|---|---|\n")
	n := sizes[len(sizes)-1]
	db, paths := freshDB(env, fmt.Sprintf("memory-%d", n)), groups[:(n+replicaGroup-1)/replicaGroup]
	marks, r, err := ingestWatched(ctx, env, db, 2, sizes[:len(sizes)-1], paths...)
	if err != nil {
		return "", err
	}
	// The last size is the whole run, measured as it ended.
	marks = append(marks, mark{Docs: r.Seen, Pages: r.Pages, Bytes: r.Bytes, Wall: r.Wall, CPU: r.CPU, MaxRSS: r.MaxRSS})
	for _, m := range marks {
		env.Log("memory: %d documents, peak RSS %.0f MB, %.1f s", m.Docs, mb(m.MaxRSS), m.Wall.Seconds())
		fmt.Fprintf(&b, "| %d | %d | %.0f | %.1f | %.1f | %s | **%.0f** |\n", m.Docs, m.Pages, mb(m.Bytes), m.Wall.Seconds(), m.CPU.Seconds(), rate(float64(m.Docs), m.Wall), mb(m.MaxRSS))
	}
	if len(marks) < len(sizes) {
		return "", fmt.Errorf("memory: the run wrote %d documents, fewer than %v", r.Seen, sizes)
	}
	// A run over the largest corpus once more, unchanged: it loads what
	// the database knows of every file before it starts, so its memory
	// grows with the database rather than with the work.
	r, err = ingest(ctx, env, db, 2, paths...)
	if err != nil {
		return "", err
	}
	fmt.Fprintf(&b, "\nThe largest corpus ingested again, unchanged: %d documents skipped in %.1f s, peak RSS **%.0f MB**.\n", r.Unch, r.Wall.Seconds(), mb(r.MaxRSS))
	return b.String(), nil
}

// ordinals writes sizes as "100th, 1000th and 10000th".
func ordinals(sizes []int) string {
	var s []string
	for _, n := range sizes {
		s = append(s, fmt.Sprintf("%dth", n))
	}
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}
