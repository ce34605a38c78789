package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"strconv"

	"scrutiny/corpus"
	"scrutiny/store"
)

func init() {
	register(command{name: "export", summary: "print findings as JSON lines or CSV", run: cmdExport})
}

func cmdExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "export", "",
		"Print one finding per line on stdout, as JSON lines or CSV (UTF-8, header row, RFC 4180 quoting).")
	dbPath := fs.String("db", defaultDB(), "database `file`")
	format := fs.String("format", "jsonl", "output format: jsonl or csv")
	flt := filterFlags(fs)
	fs.StringVar(&flt.Query, "query", "", "only findings matching this search `query` (the syntax of scrutiny search)")
	fs.BoolVar(&flt.Raw, "raw", false, "the --query is FTS5 syntax, passed through unchanged")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	if err := flt.check(); err != nil {
		return err
	}
	if *format != "jsonl" && *format != "csv" {
		return usagef("--format must be jsonl or csv, not %q", *format)
	}
	db, err := store.OpenReadOnly(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()

	w := bufio.NewWriterSize(e.stdout, 64<<10)
	defer w.Flush()
	if *format == "jsonl" {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return queryUsage(db.Export(ctx, flt.Filter, func(r store.Row) error { return enc.Encode(r) }))
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // RFC 4180, and what spreadsheets expect
	if err := cw.Write(store.Columns); err != nil {
		return err
	}
	err = db.Export(ctx, flt.Filter, func(r store.Row) error { return cw.Write(csvRecord(r)) })
	cw.Flush()
	if err != nil {
		return queryUsage(err)
	}
	return cw.Error()
}

// queryUsage turns a malformed search query into a usage error, so that
// it is reported as the user's mistake with its reason.
func queryUsage(err error) error {
	var qe *store.QueryError
	if errors.As(err, &qe) {
		return usagef("%s", qe.Reason)
	}
	return err
}

// csvRecord lays out a row in store.Columns order.
func csvRecord(r store.Row) []string {
	answerTo, previous := "", ""
	if r.AnswerTo != nil {
		answerTo = strconv.FormatInt(*r.AnswerTo, 10)
	}
	if r.Previous != nil {
		previous = strconv.FormatBool(*r.Previous)
	}
	return []string{
		strconv.FormatInt(r.ID, 10), r.Document, r.SHA256, r.Format, r.Authority, strconv.Itoa(r.Item),
		r.ItemTitle, r.Kind, r.Text, strconv.Itoa(r.Page), strconv.Itoa(r.Start), strconv.Itoa(r.End),
		r.Speaker, r.SpeakerRole, r.AnsweredBy, answerTo, r.Area, r.Grade, r.Inspection, previous,
		r.Source, r.Rule,
		strconv.FormatInt(r.DocumentID, 10), r.DocType, r.ItemLabel, strconv.FormatBool(r.Procedural),
		r.Outcome, r.Date, r.ClassifierVersion, r.Person, strconv.FormatInt(r.ItemID, 10),
	}
}

// filterOptions are the flags that select findings, shared by export and
// search.
type filterOptions struct {
	store.Filter
	kinds stringList
}

func filterFlags(fs *flag.FlagSet) *filterOptions {
	f := &filterOptions{}
	fs.Var(&f.kinds, "kind", "only findings of this `kind` (repeatable, or comma-separated): judgement, recommendation, question, answer, resolution, strength")
	fs.StringVar(&f.Authority, "authority", "", "only documents of authorities whose name contains this")
	fs.StringVar(&f.Since, "since", "", "only documents dated on or after this `date` (YYYY-MM-DD)")
	fs.StringVar(&f.Until, "until", "", "only documents dated on or before this `date` (YYYY-MM-DD)")
	fs.StringVar(&f.Area, "area", "", "only judgements of this `area`")
	fs.StringVar(&f.Grade, "grade", "", "only judgements with this `grade`")
	fs.StringVar(&f.Source, "source", "", "only recommendations from this `source`: ofsted or report")
	fs.StringVar(&f.Document, "document", "", "only the document with this `path` (or path suffix)")
	fs.BoolVar(&f.Superseded, "all-versions", false, "include documents superseded by a newer version")
	fs.BoolVar(&f.NoProcedural, "no-procedural", false, "leave out procedural items (apologies, declarations, minutes)")
	return f
}

// check validates the filter's values against the vocabularies.
func (f *filterOptions) check() error {
	for _, k := range f.kinds {
		if !corpus.Kind(k).Valid() {
			return usagef("unknown kind %q (kinds: judgement, recommendation, question, answer, resolution, strength)", k)
		}
	}
	f.Kinds = f.kinds
	for _, d := range []struct{ name, v string }{{"since", f.Since}, {"until", f.Until}} {
		if d.v != "" && !store.ValidDate(d.v) {
			return usagef("--%s wants a date as YYYY-MM-DD (or YYYY, YYYY-MM), not %q", d.name, d.v)
		}
	}
	if f.Area != "" && !corpus.Area(f.Area).Valid() {
		return usagef("unknown area %q", f.Area)
	}
	if f.Grade != "" && !corpus.Grade(f.Grade).Valid() {
		return usagef("unknown grade %q (grades: outstanding, good, requires_improvement, inadequate)", f.Grade)
	}
	if f.Source != "" && f.Source != "ofsted" && f.Source != "report" {
		return usagef("--source must be ofsted or report")
	}
	return nil
}
