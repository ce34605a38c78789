package eval

import (
	"fmt"
	"io"
	"sort"
)

// Print writes a report for people: per-kind scores overall and per
// format, attribute accuracy, violations, and (verbose) every miss.
func (rep Report) Print(w io.Writer, verbose bool) {
	printResult(w, "all formats", rep.All)
	var formats []string
	for f := range rep.ByFormat {
		formats = append(formats, f)
	}
	sort.Strings(formats)
	if len(formats) > 1 {
		for _, f := range formats {
			r := rep.ByFormat[f]
			fmt.Fprintf(w, "%-6s macro-F1 %.3f  asker %.3f  answer links %.3f  (%d documents)\n",
				f, r.MacroF1(), r.Asker.Value(), r.AnswerLink.Value(), r.Documents)
		}
		fmt.Fprintln(w)
	}
	for _, v := range rep.All.Violations {
		fmt.Fprintf(w, "MUST NOT: %s: %s %q (%s)\n", v.Document, v.Kind, clip(v.Text), v.Detail)
	}
	if !verbose {
		return
	}
	for _, m := range rep.All.Warnings {
		fmt.Fprintf(w, "warning:  %s: %s %q (%s)\n", m.Document, m.Kind, clip(m.Text), m.Detail)
	}
	for _, m := range rep.All.Missed {
		fmt.Fprintf(w, "missed:   %s: %s %q\n", m.Document, m.Kind, clip(m.Text))
	}
	for _, m := range rep.All.Spurious {
		fmt.Fprintf(w, "spurious: %s: %s %q\n", m.Document, m.Kind, clip(m.Text))
	}
	for _, m := range rep.All.Wrong {
		fmt.Fprintf(w, "wrong:    %s: %s %q: %s\n", m.Document, m.Kind, clip(m.Text), m.Detail)
	}
}

func printResult(w io.Writer, title string, r Result) {
	fmt.Fprintf(w, "%s: %d documents\n", title, r.Documents)
	fmt.Fprintf(w, "  %-15s %9s %9s %9s %5s %5s %5s\n", "kind", "precision", "recall", "F1", "tp", "fp", "fn")
	for _, k := range AllKinds {
		c, ok := r.Kinds[k]
		if !ok {
			continue
		}
		fmt.Fprintf(w, "  %-15s %9.3f %9.3f %9.3f %5d %5d %5d\n", k, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	fmt.Fprintf(w, "  macro-F1 (%d kinds) %.3f\n", len(ScoredKinds), r.MacroF1())
	fmt.Fprintf(w, "  grade %s  area %s  asker %s  answer links %s  source %s  outcome %s\n",
		ratio(r.Grade), ratio(r.Area), ratio(r.Asker), ratio(r.AnswerLink), ratio(r.Source), ratio(r.Outcome))
	fmt.Fprintf(w, "  must-not violations %d\n\n", len(r.Violations))
	for _, u := range r.Unscored {
		fmt.Fprintf(w, "  no document for gold %s\n", u)
	}
}

func ratio(r Ratio) string {
	if r.Total == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f (%d/%d)", r.Value(), r.OK, r.Total)
}

func clip(s string) string {
	if len(s) > 110 {
		return s[:107] + "..."
	}
	return s
}
