package main

import (
	"context"
	"fmt"
	"strings"
	"time"
)

func init() {
	register(Section{Name: "Throughput", Order: 10, Run: throughput})
}

// throughput measures `scrutiny ingest` (extract, split, classify, store;
// two workers) by format, and, for PDFs, plain pdftotext over the same
// files in the same run as the reference.
func throughput(ctx context.Context, env *Env) (string, error) {
	var b strings.Builder
	b.WriteString(`Scrutiny's whole pipeline, ` + "`scrutiny ingest --workers 2`" + ` into a new database (extract, split into items,
classify, store with full-text index), timed from process start to exit. Each PDF set is run two or
three times, alternating with the reference, and the median (of two, the faster) is reported.

The reference is plain pdftotext over the same files with the arguments Scrutiny gives it
(` + "`" + strings.Join(pdftotextArgs, " ") + "`" + `), its text read from a pipe: once one file at a time
(×1), and once two processes at a time (×2), which is what two cores allow. The ratio is Scrutiny's
pages/s over pdftotext's; the goal is at least 1.0× against one pdftotext, and since Scrutiny runs
pdftotext itself it cannot pass 2.0×. Against two parallel pdftotext processes a ratio of 1.0×
would mean the rest of the pipeline costs nothing.

The last column is CPU time (user and system), Scrutiny's including the pdftotext processes it
runs: unlike wall time it hardly moves when other work shares the machine, and the difference
between the two is what the rest of the pipeline costs.

`)
	sets := []docSet{testdataPDFs(env)}
	if s, ok := ilacsPDFs(env); ok {
		sets = append(sets, s)
	}
	reps := 3
	if env.Quick {
		reps = 1
	}
	if havePDFToText() {
		b.WriteString("| PDFs | files | pages | MB | Scrutiny docs/s | Scrutiny pages/s | Scrutiny MB/s | pdftotext ×1 pages/s | pdftotext ×2 pages/s | ratio vs ×1 | ratio vs ×2 | CPU s: Scrutiny / pdftotext |\n")
		b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|---|\n")
		for i, s := range sets {
			n := reps
			if i == 0 && len(sets) > 1 && n > 2 {
				// The testdata PDFs share eight reports with the shared
				// corpus's set, which is the one measured three times.
				n = 2
			}
			row, err := pdfThroughput(ctx, env, s, n)
			if err != nil {
				return "", err
			}
			b.WriteString(row)
		}
	} else {
		b.WriteString("pdftotext is not installed: Scrutiny reads PDFs with its built-in reader, and there is no reference to compare with.\n")
	}

	b.WriteString("\nOther formats, replicated to a few hundred files (each copy a few bytes different, so that none is skipped as already stored):\n\n")
	b.WriteString("| format | files | pages | MB | docs/s | pages/s | MB/s |\n|---|---|---|---|---|---|---|\n")
	n := 400
	if env.Quick {
		n = 40
	}
	for _, f := range []struct {
		name  string
		files []string
	}{{"HTML", htmlFiles(env)}, {"text and Markdown", textFiles(env)}} {
		groups, err := replicate(env, "throughput-"+strings.Fields(f.name)[0], f.files, n)
		if err != nil {
			return "", err
		}
		r, err := ingest(ctx, env, freshDB(env, "throughput-"+f.name), 2, groups...)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "| %s | %d | %d | %.1f | %s | %s | %s |\n", f.name, r.Seen, r.Pages, mb(r.Bytes),
			rate(float64(r.New), r.Wall), rate(float64(r.Pages), r.Wall), rate(mb(r.Bytes), r.Wall))
	}
	return b.String(), nil
}

// pdfThroughput measures one PDF set and returns its table row.
func pdfThroughput(ctx context.Context, env *Env, s docSet, reps int) (string, error) {
	var scr, one, two, scrCPU, refCPU []time.Duration
	var last ingestRun
	var pages int
	for i := range reps {
		r, err := ingest(ctx, env, freshDB(env, "throughput-pdf"), 2, s.Files...)
		if err != nil {
			return "", err
		}
		if r.Failed > 0 {
			env.Log("%s: %d documents failed", s.Name, r.Failed)
		}
		scr, scrCPU, last = append(scr, r.Wall), append(scrCPU, r.CPU), r
		d, cpu, p, err := pdftotextRun(ctx, s.Files, 1, pdftotextArgs)
		if err != nil {
			return "", err
		}
		one, refCPU, pages = append(one, d), append(refCPU, cpu), p
		d, _, _, err = pdftotextRun(ctx, s.Files, 2, pdftotextArgs)
		if err != nil {
			return "", err
		}
		two = append(two, d)
		env.Log("%s, run %d: scrutiny %.2fs, pdftotext ×1 %.2fs, ×2 %.2fs", s.Name, i+1, r.Wall.Seconds(), one[i].Seconds(), d.Seconds())
	}
	ms, m1, m2 := median(scr), median(one), median(two)
	sp := float64(last.Pages) / ms.Seconds()
	p1 := float64(pages) / m1.Seconds()
	p2 := float64(pages) / m2.Seconds()
	return fmt.Sprintf("| %s | %d | %d | %.1f | %s | %s | %s | %.0f | %.0f | **%.2f×** | %.2f× | %.1f / %.1f |\n",
		s.Name, last.Seen, last.Pages, mb(last.Bytes), rate(float64(last.New), ms), rate(float64(last.Pages), ms),
		rate(mb(last.Bytes), ms), p1, p2, sp/p1, sp/p2, median(scrCPU).Seconds(), median(refCPU).Seconds()), nil
}
