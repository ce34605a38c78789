package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"scrutiny/corpus"
	"scrutiny/store"
)

func init() {
	register(command{name: "show", summary: "show a document's items and findings, or a sample of findings", run: cmdShow})
}

func cmdShow(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "show", "[DOCUMENT]",
		"Show a document (by id, path, or the end of its path) with its agenda items and the findings in\n"+
			"each, with pages and rules. With --sample, show a few findings of each kind from the whole database.")
	dbPath := fs.String("db", defaultDB(), "database `file`")
	sample := fs.Bool("sample", false, "show a few findings of each kind instead of one document")
	n := fs.Int("n", 2, "findings of each kind to show with --sample")
	if err := parse(fs, args); err != nil {
		return err
	}
	db, err := store.OpenReadOnly(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if *sample {
		if fs.NArg() > 0 {
			return usagef("--sample takes no document")
		}
		rows, err := db.Sample(ctx, *n)
		if err != nil {
			return err
		}
		last := ""
		for _, r := range rows {
			if r.Kind != last {
				fmt.Fprintf(e.stdout, "\n%s\n", strings.ToUpper(r.Kind))
				last = r.Kind
			}
			fmt.Fprintf(e.stdout, "  %s, p.%d, item %d %q\n", r.Document, r.Page, r.Item, clip(r.ItemTitle, 50))
			printFinding(e.stdout, "    ", r)
		}
		return nil
	}
	if fs.NArg() != 1 {
		return usagef("name one document (an id or a path), or pass --sample")
	}
	id, err := db.FindDocument(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	d, err := db.DocumentByID(ctx, id)
	if err != nil {
		return err
	}
	w := e.stdout
	fmt.Fprintf(w, "%s  (#%d, %s, %s, %d pages, read by %s)\n", d.Path, d.ID, d.Format, d.DocType, d.Pages, d.Extractor)
	if d.Authority != "" {
		fmt.Fprintf(w, "authority:  %s (URN %s)\n", d.Authority, d.AuthorityURN)
	}
	if m := d.Meeting; m != nil {
		fmt.Fprintf(w, "meeting:    %s %s\n", m.Committee, m.Date)
	}
	if in := d.Inspection; in != nil {
		fmt.Fprintf(w, "inspection: %s (%s), %s to %s, lead inspector %s\n", in.Type, in.Framework, in.StartDate, in.EndDate, orUnknown(in.LeadInspector))
	}
	if d.SupersededBy != nil {
		fmt.Fprintf(w, "superseded by document #%d\n", *d.SupersededBy)
	}
	items, err := db.DocumentItems(ctx, d.ID)
	if err != nil {
		return err
	}
	byItem := map[int][]store.Row{}
	err = db.Export(ctx, store.Filter{DocumentID: d.ID, Superseded: true}, func(r store.Row) error {
		byItem[r.Item] = append(byItem[r.Item], r)
		return nil
	})
	if err != nil {
		return err
	}
	for _, it := range items {
		proc := ""
		if it.Procedural {
			proc = "  [procedural]"
		}
		label := it.Label
		if label != "" {
			label += ". "
		}
		fmt.Fprintf(w, "\n%d  %s%s  (p.%d)%s\n", it.Number, label, it.Title, it.Page, proc)
		for _, r := range byItem[it.Number] {
			printFinding(w, "   ", r)
		}
	}
	if rest := byItem[0]; len(rest) > 0 {
		fmt.Fprintln(w, "\noutside any item")
		for _, r := range rest {
			printFinding(w, "   ", r)
		}
	}
	return nil
}

// printFinding prints one finding on two lines: what it is, then its text.
func printFinding(w io.Writer, indent string, r store.Row) {
	var attrs []string
	switch corpus.Kind(r.Kind) {
	case corpus.Judgement:
		a := r.Area + " = " + r.Grade
		if r.Previous != nil && *r.Previous {
			a += " (previous)"
		}
		attrs = append(attrs, a, r.Inspection)
	case corpus.Recommendation:
		attrs = append(attrs, "from "+r.Source)
	case corpus.Question:
		attrs = append(attrs, "asked by "+orUnknown(r.Speaker))
		if r.AnsweredBy != "" {
			attrs = append(attrs, "answered by "+r.AnsweredBy)
		}
	case corpus.Answer:
		attrs = append(attrs, "by "+orUnknown(r.Speaker))
		if r.AnswerTo != nil {
			attrs = append(attrs, fmt.Sprintf("answers #%d", *r.AnswerTo))
		}
	case corpus.Resolution:
		if r.Outcome != "" {
			attrs = append(attrs, r.Outcome)
		}
	}
	fmt.Fprintf(w, "%s#%d %s p.%d [%s] (%s)\n%s  %s\n", indent, r.ID, r.Kind, r.Page, strings.Join(attrs, "; "), r.Rule, indent, clip(r.Text, 160))
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
