package eval

import (
	"path/filepath"
	"sort"
	"strings"
)

// Finding is a finding as the scorer sees it.
type Finding struct {
	ID         int64 // unique within its document; answers point at questions by it
	Kind       string
	Text       string
	Speaker    string
	AnsweredBy string
	AnswerTo   int64 // for an answer: the ID of its question, or 0
	Area       string
	Grade      string
	Inspection string
	Previous   bool
	Source     string
	Outcome    string
}

// Doc is one scored document: its name (a path; the file stem ties it to
// its gold) and its findings.
type Doc struct {
	Name     string
	Findings []Finding
}

// Format returns the document's format as its extension says.
func (d Doc) Format() string {
	switch strings.ToLower(filepath.Ext(d.Name)) {
	case ".pdf":
		return "pdf"
	case ".html", ".htm", ".xhtml":
		return "html"
	}
	return "text"
}

// ScoredKinds are the kinds macro-F1 is taken over. Strengths are scored
// and reported too, but gold marks every strength optional, so they carry
// no recall.
var ScoredKinds = []string{"judgement", "recommendation", "question", "answer", "resolution"}

// AllKinds are every kind reported.
var AllKinds = []string{"judgement", "recommendation", "question", "answer", "resolution", "strength"}

// Counts are true positives, false positives and false negatives.
type Counts struct {
	TP, FP, FN int
}

// Precision is TP/(TP+FP), 1 when nothing was predicted.
func (c Counts) Precision() float64 {
	if c.TP+c.FP == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// Recall is TP/(TP+FN), 1 when nothing was expected.
func (c Counts) Recall() float64 {
	if c.TP+c.FN == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *Counts) add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// Ratio is a count of correct out of total.
type Ratio struct{ OK, Total int }

// Value is OK/Total, 1 when there is nothing to count.
func (r Ratio) Value() float64 {
	if r.Total == 0 {
		return 1
	}
	return float64(r.OK) / float64(r.Total)
}

func (r *Ratio) add(ok bool) {
	r.Total++
	if ok {
		r.OK++
	}
}

func (r *Ratio) merge(o Ratio) { r.OK += o.OK; r.Total += o.Total }

// Miss is an expected finding that was not found, or a finding that matched
// nothing, kept for the report.
type Miss struct {
	Document string
	Kind     string
	Text     string // evidence (missed) or finding text (spurious)
	Detail   string
}

// Result is the score of a set of documents.
type Result struct {
	Kinds map[string]Counts
	// Attribute accuracy over matched gold findings.
	Grade, Area, Asker, AnswerLink, Source, Outcome Ratio
	Violations                                      []Miss // must_not broken
	Warnings                                        []Miss // optional must_not touched
	Missed, Spurious                                []Miss
	Wrong                                           []Miss // matched, but an attribute is wrong
	Documents                                       int
	Unscored                                        []string // gold with no document
}

// MacroF1 is the mean F1 over ScoredKinds that occur (in gold or in
// predictions).
func (r Result) MacroF1() float64 {
	var sum float64
	n := 0
	for _, k := range ScoredKinds {
		c, ok := r.Kinds[k]
		if !ok || c.TP+c.FP+c.FN == 0 {
			continue
		}
		sum += c.F1()
		n++
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

func newResult() Result { return Result{Kinds: map[string]Counts{}} }

func (r *Result) merge(o Result) {
	for k, c := range o.Kinds {
		x := r.Kinds[k]
		x.add(c)
		r.Kinds[k] = x
	}
	r.Grade.merge(o.Grade)
	r.Area.merge(o.Area)
	r.Asker.merge(o.Asker)
	r.AnswerLink.merge(o.AnswerLink)
	r.Source.merge(o.Source)
	r.Outcome.merge(o.Outcome)
	r.Violations = append(r.Violations, o.Violations...)
	r.Warnings = append(r.Warnings, o.Warnings...)
	r.Missed = append(r.Missed, o.Missed...)
	r.Spurious = append(r.Spurious, o.Spurious...)
	r.Wrong = append(r.Wrong, o.Wrong...)
	r.Documents += o.Documents
	r.Unscored = append(r.Unscored, o.Unscored...)
}

// Report is the score overall and per format.
type Report struct {
	All      Result
	ByFormat map[string]Result
}

// Score scores docs against golds. A document is scored against the gold
// whose document has the same file stem, whatever its format; a gold with
// no document counts as entirely missed.
func Score(golds []Gold, docs []Doc) Report {
	rep := Report{All: newResult(), ByFormat: map[string]Result{}}
	byStem := map[string][]Doc{}
	for _, d := range docs {
		byStem[stem(d.Name)] = append(byStem[stem(d.Name)], d)
	}
	for _, g := range golds {
		ds := byStem[g.Stem()]
		if len(ds) == 0 {
			r := scoreDoc(g, Doc{Name: g.Document})
			r.Unscored = []string{g.Document}
			rep.All.merge(r)
			continue
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i].Name < ds[j].Name })
		for _, d := range ds {
			r := scoreDoc(g, d)
			rep.All.merge(r)
			f := rep.ByFormat[d.Format()]
			if f.Kinds == nil {
				f = newResult()
			}
			f.merge(r)
			rep.ByFormat[d.Format()] = f
		}
	}
	return rep
}

// scoreDoc scores one document against its gold.
func scoreDoc(g Gold, d Doc) Result {
	res := newResult()
	res.Documents = 1
	byID := map[int64]Finding{}
	for _, f := range d.Findings {
		byID[f.ID] = f
	}
	for _, kind := range AllKinds {
		var preds []Finding
		for _, f := range d.Findings {
			if f.Kind == kind {
				preds = append(preds, f)
			}
		}
		var required, optional []GoldEntry
		for _, e := range g.Findings {
			if e.Kind != kind {
				continue
			}
			if e.Optional {
				optional = append(optional, e)
			} else {
				required = append(required, e)
			}
		}
		match := assign(preds, required)
		var c Counts
		matchedPred := map[int]bool{}
		for gi, e := range required {
			pi, ok := match[gi]
			if !ok {
				c.FN++
				res.Missed = append(res.Missed, Miss{Document: d.Name, Kind: kind, Text: e.Evidence})
				continue
			}
			c.TP++
			matchedPred[pi] = true
			res.attributes(d.Name, e, preds[pi], d.Findings, byID)
		}
		for pi, p := range preds {
			if matchedPred[pi] {
				continue
			}
			if matchesAny(p, optional) || allowedByMustNot(p, g.MustNot) {
				continue // optional: counts neither way
			}
			c.FP++
			res.Spurious = append(res.Spurious, Miss{Document: d.Name, Kind: kind, Text: p.Text})
		}
		if c.TP+c.FP+c.FN > 0 {
			res.Kinds[kind] = c
		}
	}
	for _, m := range g.MustNot {
		for _, f := range d.Findings {
			if m.Kind != "any" && m.Kind != f.Kind {
				continue
			}
			if m.Evidence != "" && !contains(f.Text, m.Evidence) {
				continue
			}
			miss := Miss{Document: d.Name, Kind: f.Kind, Text: f.Text, Detail: m.Why}
			switch {
			case m.Optional && f.Kind == "judgement" && f.Previous:
				// Allowed: recorded as an earlier inspection's grade.
			case m.Optional && f.Kind != "judgement":
				res.Warnings = append(res.Warnings, miss)
			default:
				res.Violations = append(res.Violations, miss)
			}
		}
	}
	return res
}

// attributes scores the attributes of a matched finding.
func (r *Result) attributes(doc string, e GoldEntry, p Finding, all []Finding, byID map[int64]Finding) {
	wrong := func(what, got, want string) {
		r.Wrong = append(r.Wrong, Miss{Document: doc, Kind: e.Kind, Text: e.Evidence,
			Detail: what + ": got " + quote(got) + ", want " + quote(want)})
	}
	switch e.Kind {
	case "judgement":
		if e.Grade != "" {
			r.Grade.add(p.Grade == e.Grade)
			if p.Grade != e.Grade {
				wrong("grade", p.Grade, e.Grade)
			}
		}
		if e.Area != "" {
			r.Area.add(p.Area == e.Area)
			if p.Area != e.Area {
				wrong("area", p.Area, e.Area)
			}
		}
	case "resolution":
		if e.Outcome != "" {
			r.Outcome.add(p.Outcome == e.Outcome)
			if p.Outcome != e.Outcome {
				wrong("outcome", p.Outcome, e.Outcome)
			}
		}
	case "recommendation":
		if e.Source != "" {
			r.Source.add(p.Source == e.Source)
			if p.Source != e.Source {
				wrong("source", p.Source, e.Source)
			}
		}
	case "question":
		if e.Asker != "" {
			ok := samePerson(p.Speaker, e.Asker)
			r.Asker.add(ok)
			if !ok {
				wrong("asker", p.Speaker, e.Asker)
			}
		}
		if e.AnsweredBy != "" {
			// Linked: some answer points at this question, and it was given
			// by the person the gold names.
			ok, by := false, ""
			for _, a := range all {
				if a.Kind == "answer" && a.AnswerTo == p.ID && p.ID != 0 {
					by = a.Speaker
					if samePerson(a.Speaker, e.AnsweredBy) {
						ok = true
						break
					}
				}
			}
			r.AnswerLink.add(ok)
			if !ok {
				wrong("answered by", by, e.AnsweredBy)
			}
		}
	}
}

// assign matches predictions to gold entries one to one, maximising the
// number matched (Kuhn's augmenting paths: the lists are short). It returns
// gold index -> prediction index.
func assign(preds []Finding, gold []GoldEntry) map[int]int {
	// Candidates whose attributes agree with the gold entry come first, so
	// that a sentence stating two judgements, found as two findings, pairs
	// each with its own area.
	adj := make([][]int, len(gold))
	for gi, e := range gold {
		var agree, other []int
		for pi, p := range preds {
			if !contains(p.Text, e.Evidence) {
				continue
			}
			if compatible(p, e) {
				agree = append(agree, pi)
			} else {
				other = append(other, pi)
			}
		}
		adj[gi] = append(agree, other...)
	}
	predOf := map[int]int{} // pred -> gold
	var try func(gi int, seen map[int]bool) bool
	try = func(gi int, seen map[int]bool) bool {
		for _, pi := range adj[gi] {
			if seen[pi] {
				continue
			}
			seen[pi] = true
			if g, ok := predOf[pi]; !ok || try(g, seen) {
				predOf[pi] = gi
				return true
			}
		}
		return false
	}
	for gi := range gold {
		try(gi, map[int]bool{})
	}
	out := map[int]int{}
	for pi, gi := range predOf {
		out[gi] = pi
	}
	return out
}

// compatible reports whether a finding's attributes agree with a gold
// entry's, where the entry states them.
func compatible(p Finding, e GoldEntry) bool {
	switch {
	case e.Area != "" && p.Area != e.Area,
		e.Grade != "" && p.Grade != e.Grade,
		e.Source != "" && p.Source != e.Source,
		e.Asker != "" && !samePerson(p.Speaker, e.Asker):
		return false
	}
	return true
}

func matchesAny(p Finding, entries []GoldEntry) bool {
	for _, e := range entries {
		if contains(p.Text, e.Evidence) {
			return true
		}
	}
	return false
}

// allowedByMustNot reports whether a finding is one an optional must_not
// entry allows: an earlier inspection's grade recorded as previous. A
// careful reader could record it or not, so it counts neither way.
func allowedByMustNot(p Finding, mustNot []GoldEntry) bool {
	for _, m := range mustNot {
		if m.Optional && p.Kind == "judgement" && m.Kind == "judgement" && p.Previous && contains(p.Text, m.Evidence) {
			return true
		}
	}
	return false
}

func quote(s string) string {
	if s == "" {
		return "nothing"
	}
	return "\"" + s + "\""
}
