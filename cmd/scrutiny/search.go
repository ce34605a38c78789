package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"scrutiny/store"
)

func init() {
	register(command{name: "search", summary: "full-text search over findings and agenda items", run: cmdSearch})
}

func cmdSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "search", "QUERY...",
		`Search findings and agenda items, best match first (bm25), with snippets and
provenance. Words must all appear and match through their stems; "double
quotes" mark a phrase; word* matches a prefix; OR between terms matches either;
-word excludes; parentheses group. --raw takes FTS5's own syntax instead.
Filters on kind, area, grade or source leave agenda items out.`)
	dbPath := fs.String("db", defaultDB(), "database `file`")
	in := fs.String("in", "all", "what to search: all, findings or items")
	limit := fs.Int("limit", store.DefaultLimit, fmt.Sprintf("results to show, at most %d", store.MaxLimit))
	offset := fs.Int("offset", 0, "results to skip (for the next page)")
	raw := fs.Bool("raw", false, "the query is FTS5 syntax, passed through unchanged")
	jsonOut := fs.Bool("json", false, "print the results as one JSON object (the API's shape)")
	flt := filterFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := flt.check(); err != nil {
		return err
	}
	flt.Query = strings.Join(fs.Args(), " ")
	flt.Raw = *raw
	if strings.TrimSpace(flt.Query) == "" {
		return usagef("give a query: scrutiny search [flags] QUERY")
	}
	scope := store.Scope(*in)
	if scope != store.ScopeAll && scope != store.ScopeFindings && scope != store.ScopeItems {
		return usagef("--in must be all, findings or items, not %q", *in)
	}
	if *limit < 1 || *limit > store.MaxLimit {
		return usagef("--limit must be between 1 and %d", store.MaxLimit)
	}
	if *offset < 0 {
		return usagef("--offset must not be negative")
	}

	db, err := store.OpenReadOnly(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := db.Search(ctx, flt.Filter, store.SearchOptions{Scope: scope, Limit: *limit, Offset: *offset})
	if err != nil {
		return queryUsage(err)
	}
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	if *jsonOut {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	printResults(w, res, isTerminal(e.stdout))
	return nil
}

// printResults lays out search results for people: a count, then for each
// hit what it is, where it comes from, and its snippet.
func printResults(w io.Writer, res store.Results, color bool) {
	if res.Total == 0 {
		fmt.Fprintf(w, "No results for “%s”.\n", res.Query)
		return
	}
	about := ""
	if !res.TotalExact {
		about = "More than "
	}
	fmt.Fprintf(w, "%s%s for “%s” (%s, %s)", about, plural(res.Total, "result"), res.Query,
		plural(res.Findings, "finding"), plural(res.Items, "item"))
	if len(res.Hits) == 0 {
		fmt.Fprintf(w, ": none past result %d.\n", res.Offset)
		return
	}
	fmt.Fprintf(w, ", showing %d–%d.\n", res.Offset+1, res.Offset+len(res.Hits))
	if !res.RankedAll {
		fmt.Fprintf(w, "Ranked among the %s most recently added matches: add words or filters to rank them all.\n", thousands(res.Ranked))
	}
	for n, h := range res.Hits {
		fmt.Fprintln(w)
		fmt.Fprintf(w, "%3d. %s\n", res.Offset+n+1, hitHeading(h))
		fmt.Fprintf(w, "     %s\n", hitSource(h))
		fmt.Fprintf(w, "     %s\n", markSnippet(h.Snippet, h.Highlights, color))
	}
}

// hitHeading says what a hit is: its kind and attributes, authority, date.
func hitHeading(h store.Hit) string {
	var parts []string
	if f := h.Finding; f != nil {
		k := f.Kind
		switch {
		case f.Area != "" || f.Grade != "":
			k += " " + strings.Trim(f.Area+": "+f.Grade, ": ")
		case f.Speaker != "":
			k += " by " + f.Speaker
		case f.Outcome != "":
			k += " (" + f.Outcome + ")"
		case f.Source != "":
			k += " (" + f.Source + ")"
		}
		parts = append(parts, k)
	} else {
		parts = append(parts, "agenda item")
	}
	if h.Authority != "" {
		parts = append(parts, h.Authority)
	}
	if h.Date != "" {
		parts = append(parts, h.Date)
	}
	return strings.Join(parts, " · ")
}

// hitSource gives a hit's provenance: document, item, page and id.
func hitSource(h store.Hit) string {
	parts := []string{h.Document}
	if h.Item > 0 {
		it := fmt.Sprintf("item %d", h.Item)
		if h.ItemLabel != "" {
			it = "item " + h.ItemLabel
		}
		if h.ItemTitle != "" {
			it += fmt.Sprintf(" %q", shorten(h.ItemTitle, 60))
		}
		parts = append(parts, it)
	}
	parts = append(parts, fmt.Sprintf("p. %d", h.Page))
	if h.Finding != nil {
		parts = append(parts, fmt.Sprintf("finding %d (%s)", h.ID, h.Finding.Rule))
	} else {
		parts = append(parts, fmt.Sprintf("item id %d", h.ID))
	}
	return strings.Join(parts, " · ")
}

// markSnippet shows the matched terms of a snippet: in bold on a terminal,
// between « and » elsewhere.
func markSnippet(s string, hl [][2]int, color bool) string {
	open, close := "«", "»"
	if color {
		open, close = "\x1b[1m", "\x1b[0m"
	}
	rs := []rune(s)
	var b strings.Builder
	at := 0
	for _, r := range hl {
		if r[0] < at || r[1] > len(rs) {
			continue
		}
		b.WriteString(string(rs[at:r[0]]))
		b.WriteString(open + string(rs[r[0]:r[1]]) + close)
		at = r[1]
	}
	b.WriteString(string(rs[at:]))
	return strings.Join(strings.Fields(b.String()), " ")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%s %ss", thousands(n), noun)
}

// thousands writes n with thousands separators.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// shorten cuts s to n code points, marking the cut.
func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}
