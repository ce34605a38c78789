package main

import (
	"fmt"
	"strings"
	"time"

	"scrutiny/corpus"
	"scrutiny/fetch"
	"scrutiny/ingest"
)

// nightlyReport is what a nightly run did. Its JSON form is the output of
// `scrutiny nightly --json`; consumers ignore fields they do not know.
type nightlyReport struct {
	Started        time.Time       `json:"started"`
	Finished       time.Time       `json:"finished"`
	Fetch          *fetch.Summary  `json:"fetch,omitempty"`
	Ingest         *ingest.Summary `json:"ingest,omitempty"`
	IngestFailures []ingest.Event  `json:"ingest_failures"`
	Documents      int             `json:"documents"` // current documents in the database afterwards
	Findings       int             `json:"findings"`
	Interrupted    bool            `json:"interrupted"`
	Report         string          `json:"report"`
}

func (r *nightlyReport) failures() int {
	n := len(r.IngestFailures)
	if r.Fetch != nil {
		n += len(r.Fetch.Failures)
	}
	return n
}

// Paragraph writes the report as one paragraph of plain text, wrapped for
// email, and keeps it in r.Report.
func (r *nightlyReport) Paragraph() string {
	var s []string
	s = append(s, fmt.Sprintf("Scrutiny nightly run of %s, %s to %s UTC.",
		r.Started.Format("Mon 2 Jan 2006"), r.Started.Format("15:04"), r.Finished.Format("15:04")))
	if f := r.Fetch; f != nil {
		what := "nothing new"
		if len(f.New) > 0 {
			what = nounCount(len(f.New), "new document")
		}
		s = append(s, fmt.Sprintf("Fetched from %s with %s (%d not modified): %s.",
			nounCount(len(f.Sources), "source"), nounCount(f.Requests, "request"), f.NotModified, what))
	}
	switch i := r.Ingest; {
	case i == nil || i.New == 0:
		s = append(s, "No new documents were ingested.")
	default:
		line := fmt.Sprintf("Ingested %s", nounCount(i.New, "new document"))
		if i.Superseded > 0 {
			line += fmt.Sprintf(" (replacing %s)", nounCount(i.Superseded, "earlier version"))
		}
		if i.Findings > 0 {
			line += fmt.Sprintf(" with %s: %s.", nounCount(i.Findings, "new finding"), kindsInWords(i.ByKind))
		} else {
			line += ", with no new findings."
		}
		s = append(s, line)
	}
	s = append(s, r.failureSentence())
	if r.Interrupted {
		s = append(s, "The run was interrupted; what it finished is kept, and the next run completes the rest.")
	}
	s = append(s, fmt.Sprintf("The database holds %s and %s.", nounCount(r.Documents, "document"), nounCount(r.Findings, "finding")))
	r.Report = wrap(strings.Join(s, " "), 72)
	return r.Report
}

// failureSentence names what failed, the first few in full.
func (r *nightlyReport) failureSentence() string {
	var items []string
	if r.Fetch != nil {
		for _, f := range r.Fetch.Failures {
			items = append(items, fmt.Sprintf("%s: %s", f.Source, f.Error))
		}
	}
	for _, ev := range r.IngestFailures {
		items = append(items, fmt.Sprintf("%s: %s: %s", ev.Path, ev.Stage, ev.Error))
	}
	if len(items) == 0 {
		return "Nothing failed."
	}
	const show = 5
	out := fmt.Sprintf("%s: %s", capital(nounCount(len(items), "failure")), strings.Join(items[:min(len(items), show)], "; "))
	if len(items) > show {
		out += fmt.Sprintf("; and %d more (scrutiny status lists them)", len(items)-show)
	}
	return out + "."
}

// kindsInWords lists counts per kind in the vocabulary's order:
// "5 questions, 4 answers, 1 resolution".
func kindsInWords(byKind map[string]int) string {
	var parts []string
	for _, k := range corpus.Kinds {
		if n := byKind[string(k)]; n > 0 {
			parts = append(parts, nounCount(n, string(k)))
		}
	}
	return strings.Join(parts, ", ")
}

// nounCount writes n and the noun, plural unless n is 1.
func nounCount(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// wrap breaks text into lines of at most width columns at spaces, ending
// with a newline. A word longer than the width (a path) has a line of its
// own.
func wrap(text string, width int) string {
	var b strings.Builder
	col := 0
	for _, w := range strings.Fields(text) {
		n := len([]rune(w))
		if col > 0 && col+1+n > width {
			b.WriteByte('\n')
			col = 0
		} else if col > 0 {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += n
	}
	b.WriteByte('\n')
	return b.String()
}
