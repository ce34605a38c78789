package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"scrutiny/eval"
	"scrutiny/store"
)

func init() {
	register(command{name: "eval", summary: "score the database against gold files", run: cmdEval})
}

func cmdEval(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval", "",
		"Score the findings in the database against gold files (one JSON file per document, matched by file\n"+
			"name without extension, in any format): per-kind precision, recall and F1, attribute accuracy,\n"+
			"and must-not violations. Exits 1 when a --min bar is not met. See docs/eval.md for the gold format.")
	dbPath := fs.String("db", defaultDB(), "database `file`")
	gold := fs.String("gold", "", "`folder` of gold .json files (required)")
	verbose := fs.Bool("v", false, "list every missed, spurious and wrong finding")
	jsonOut := fs.Bool("json", false, "print the scores as JSON")
	minF1 := fs.Float64("min-f1", 0, "fail when macro-F1 is below this")
	minAsker := fs.Float64("min-asker", 0, "fail when question asker accuracy is below this")
	minLink := fs.Float64("min-link", 0, "fail when answer linking is below this")
	perFormat := fs.Bool("per-format", false, "apply the bars to each format separately, not only overall")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *gold == "" {
		return usagef("--gold is required")
	}
	golds, err := eval.LoadGold(*gold)
	if err != nil {
		return err
	}
	db, err := store.OpenReadOnly(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	docs, err := evalDocs(ctx, db)
	if err != nil {
		return err
	}
	rep := eval.Score(golds, docs)
	if *jsonOut {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(jsonReport(rep)); err != nil {
			return err
		}
	} else {
		rep.Print(e.stdout, *verbose)
	}
	results := map[string]eval.Result{"all formats": rep.All}
	if *perFormat {
		for f, r := range rep.ByFormat {
			results[f] = r
		}
	}
	names := make([]string, 0, len(results))
	for name := range results {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		r := results[name]
		// An attribute no gold entry states is not measured, so it cannot
		// fall below a bar; macro-F1 is always measured.
		switch {
		case r.MacroF1() < *minF1:
			return fmt.Errorf("eval %s: macro-F1 %.3f is below %.3f", name, r.MacroF1(), *minF1)
		case r.Asker.Total > 0 && r.Asker.Value() < *minAsker:
			return fmt.Errorf("eval %s: asker accuracy %.3f is below %.3f", name, r.Asker.Value(), *minAsker)
		case r.AnswerLink.Total > 0 && r.AnswerLink.Value() < *minLink:
			return fmt.Errorf("eval %s: answer linking %.3f is below %.3f", name, r.AnswerLink.Value(), *minLink)
		}
	}
	if (*minF1 > 0 || *minAsker > 0 || *minLink > 0) && len(rep.All.Violations) > 0 {
		return fmt.Errorf("eval: %d must-not violations", len(rep.All.Violations))
	}
	return nil
}

// evalDocs reads every current document's findings in the scorer's form.
func evalDocs(ctx context.Context, db *store.DB) ([]eval.Doc, error) {
	var docs []eval.Doc
	byID := map[int64]int{}
	err := db.Export(ctx, store.Filter{}, func(r store.Row) error {
		i, ok := byID[r.DocumentID]
		if !ok {
			i = len(docs)
			byID[r.DocumentID] = i
			docs = append(docs, eval.Doc{Name: r.Document})
		}
		f := eval.Finding{
			ID: r.ID, Kind: r.Kind, Text: r.Text, Speaker: r.Speaker, AnsweredBy: r.AnsweredBy,
			Area: r.Area, Grade: r.Grade, Inspection: r.Inspection, Source: r.Source, Outcome: r.Outcome,
		}
		if r.AnswerTo != nil {
			f.AnswerTo = *r.AnswerTo
		}
		if r.Previous != nil {
			f.Previous = *r.Previous
		}
		docs[i].Findings = append(docs[i].Findings, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Documents without findings are scored too (as all missed).
	names, err := db.DocumentPaths(ctx)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, d := range docs {
		seen[d.Name] = true
	}
	for _, n := range names {
		if !seen[n] {
			docs = append(docs, eval.Doc{Name: n})
		}
	}
	return docs, nil
}

type kindScore struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
}

type resultJSON struct {
	Documents  int                  `json:"documents"`
	MacroF1    float64              `json:"macro_f1"`
	Kinds      map[string]kindScore `json:"kinds"`
	Grade      float64              `json:"grade_accuracy"`
	Area       float64              `json:"area_accuracy"`
	Asker      float64              `json:"asker_accuracy"`
	AnswerLink float64              `json:"answer_linking"`
	Source     float64              `json:"source_accuracy"`
	Outcome    float64              `json:"outcome_accuracy"`
	Violations int                  `json:"must_not_violations"`
	// Counted says how many matched gold entries each attribute was
	// measured on; an accuracy over none is reported as 1.
	Counted map[string]int `json:"counted"`
}

func toJSON(r eval.Result) resultJSON {
	out := resultJSON{Documents: r.Documents, MacroF1: r.MacroF1(), Kinds: map[string]kindScore{},
		Grade: r.Grade.Value(), Area: r.Area.Value(), Asker: r.Asker.Value(), AnswerLink: r.AnswerLink.Value(),
		Source: r.Source.Value(), Outcome: r.Outcome.Value(), Violations: len(r.Violations),
		Counted: map[string]int{"grade": r.Grade.Total, "area": r.Area.Total, "asker": r.Asker.Total,
			"answer_link": r.AnswerLink.Total, "source": r.Source.Total, "outcome": r.Outcome.Total}}
	for k, c := range r.Kinds {
		out.Kinds[k] = kindScore{c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN}
	}
	return out
}

func jsonReport(rep eval.Report) map[string]resultJSON {
	out := map[string]resultJSON{"all": toJSON(rep.All)}
	for f, r := range rep.ByFormat {
		out[f] = toJSON(r)
	}
	return out
}
