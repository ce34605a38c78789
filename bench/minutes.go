package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"scrutiny/classify"
	"scrutiny/corpus"
	"scrutiny/extract"
)

func init() {
	register(Section{Name: "Reading minutes", Order: 40, Run: benchMinutes})
}

// benchMinutes measures classification alone, extraction excluded: each
// minutes document and seed is extracted once, then classified again and
// again. Blocks and sentences (layout, and prose's sentence splitter) are
// timed apart from the rules that read them.
func benchMinutes(ctx context.Context, env *Env) (string, error) {
	var files []string
	for _, dir := range []string{"testdata/minutes", "testdata/seeds"} {
		ms, _ := filepath.Glob(filepath.Join(env.Root, dir, "*"))
		for _, m := range ms {
			if _, ok := extract.FormatOf(m); ok && !strings.HasSuffix(m, "README.md") {
				files = append(files, m)
			}
		}
	}
	sort.Strings(files)
	reps := 20
	if env.Quick {
		reps = 3
	}
	var b strings.Builder
	b.WriteString("Classification of each document, text already extracted; median of " + fmt.Sprint(reps) + " runs.\n\n")
	b.WriteString("| document | type | KB of text | sentences | findings | layout ms | rules ms | total ms | KB allocated |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|---:|---:|---:|\n")
	var totalKB, totalMS float64
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		doc, err := extracted(ctx, f)
		if err != nil {
			return "", err
		}
		layout, total, alloc := timeClassify(doc, reps)
		sents := len(classify.Sentences(doc.Text, classify.Blocks(doc.Text, 0, len(doc.Text))))
		kb := float64(len(doc.Text)) / 1024
		totalKB += kb
		totalMS += total
		fmt.Fprintf(&b, "| %s | %s | %.1f | %d | %d | %.1f | %.1f | %.1f | %.0f |\n",
			filepath.Base(f), doc.Type, kb, sents, len(doc.Findings), layout, total-layout, total, alloc/1024)
	}
	fmt.Fprintf(&b, "\nOver the %d documents: %.0f KB of text in %.0f ms, %.0f KB/s on one core.\n",
		len(files), totalKB, totalMS, totalKB/(totalMS/1000))
	return b.String(), nil
}

// extracted reads a file into a document with its items, as ingest does.
func extracted(ctx context.Context, path string) (*corpus.Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	format, _ := extract.FormatOf(path)
	t, err := extract.Extract(ctx, path, format, data, extract.Options{})
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", path, err)
	}
	doc := &corpus.Document{Path: path, Text: t.Body, Pages: t.Pages, Title: t.Title, Format: format}
	doc.Items = extract.Items(doc.Text, doc.Pages)
	return doc, nil
}

// timeClassify returns the median milliseconds of laying out a document
// (blocks and sentences) and of classifying it whole, and the bytes one
// classification allocates.
func timeClassify(doc *corpus.Document, reps int) (layout, total, alloc float64) {
	var ls, ts []float64
	var m0, m1 runtime.MemStats
	for i := 0; i < reps; i++ {
		t := time.Now()
		classify.Sentences(doc.Text, classify.Blocks(doc.Text, 0, len(doc.Text)))
		ls = append(ls, ms(time.Since(t)))
		runtime.ReadMemStats(&m0)
		t = time.Now()
		classify.Classify(doc)
		ts = append(ts, ms(time.Since(t)))
		runtime.ReadMemStats(&m1)
		alloc = float64(m1.TotalAlloc - m0.TotalAlloc)
	}
	return medianFloat(ls), medianFloat(ts), alloc
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func medianFloat(xs []float64) float64 {
	sort.Float64s(xs)
	return xs[len(xs)/2]
}
