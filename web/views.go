package web

import (
	"net/http"

	"scrutiny/corpus"
	"scrutiny/store"
)

// contextSize is how much of a long item the finding page shows around
// the finding, in code points; the item page shows all of it.
const contextSize = 6000

// findingView is what the finding page and /api/findings/{id} show.
type findingView struct {
	Finding     store.Row
	Document    store.DocumentDetail
	Item        *store.ItemDetail
	Passage     passage
	passageText string
	Thread      *store.Thread
	Judgements  []judgementRow
}

func (s *Server) findingView(r *http.Request, withJudgements bool) (findingView, error) {
	var v findingView
	id, err := idParam(r)
	if err != nil {
		return v, err
	}
	ctx := r.Context()
	if v.Finding, err = s.db.Finding(ctx, id); err != nil {
		return v, err
	}
	f := v.Finding
	if v.Document, err = s.db.DocumentByID(ctx, f.DocumentID); err != nil {
		return v, err
	}
	marks := []mark{{start: f.Start, end: f.End, id: f.ID, kind: f.Kind}}
	var text string
	base := 0
	if f.ItemID > 0 {
		it, err := s.db.Item(ctx, f.ItemID)
		if err != nil {
			return v, err
		}
		v.Item = &it
		rows, err := s.db.ItemFindings(ctx, it.ID)
		if err != nil {
			return v, err
		}
		marks = marksOf(rows)
		rs := []rune(it.Text)
		a, b := window(rs, it.Start, f.Start, f.End, contextSize)
		text, base = string(rs[a-it.Start:b-it.Start]), a
		v.Passage.Clipped = a > it.Start || b < it.End
	} else {
		base = max(f.Start-contextSize/2, 0)
		if text, err = s.db.DocumentText(ctx, f.DocumentID, base, f.End+contextSize/2); err != nil {
			return v, err
		}
	}
	clipped := v.Passage.Clipped
	v.Passage = newPassage(text, base, marks, v.Document.PageStarts, f.ID)
	v.Passage.Clipped = clipped
	v.passageText = text
	if t, ok, err := s.db.ThreadOf(ctx, f); err != nil {
		return v, err
	} else if ok {
		v.Thread = &t
	}
	if withJudgements {
		js, err := s.db.DocumentFindings(ctx, f.DocumentID, string(corpus.Judgement))
		if err != nil {
			return v, err
		}
		v.Judgements = judgementTable(js)
	}
	return v, nil
}

// itemView is what the item page and /api/items/{id} show.
type itemView struct {
	Item     store.ItemDetail
	Document store.DocumentDetail
	Findings []store.Row
	Threads  []store.Thread
	Passage  passage
}

func (s *Server) itemView(r *http.Request) (itemView, error) {
	var v itemView
	id, err := idParam(r)
	if err != nil {
		return v, err
	}
	ctx := r.Context()
	if v.Item, err = s.db.Item(ctx, id); err != nil {
		return v, err
	}
	if v.Document, err = s.db.DocumentByID(ctx, v.Item.DocumentID); err != nil {
		return v, err
	}
	if v.Findings, err = s.db.ItemFindings(ctx, id); err != nil {
		return v, err
	}
	if v.Threads, err = s.db.Threads(ctx, id); err != nil {
		return v, err
	}
	if v.Threads == nil {
		v.Threads = []store.Thread{}
	}
	v.Passage = newPassage(v.Item.Text, v.Item.Start, marksOf(v.Findings), v.Document.PageStarts, 0)
	return v, nil
}

// documentView is what the document page and /api/documents/{id} show.
type documentView struct {
	Document   store.DocumentDetail
	Items      []store.ItemDetail
	Judgements []store.Row
	Table      []judgementRow
	Counts     map[string]int
}

func (s *Server) documentView(r *http.Request) (documentView, error) {
	var v documentView
	id, err := idParam(r)
	if err != nil {
		return v, err
	}
	ctx := r.Context()
	if v.Document, err = s.db.DocumentByID(ctx, id); err != nil {
		return v, err
	}
	if v.Items, err = s.db.DocumentItems(ctx, id); err != nil {
		return v, err
	}
	all, err := s.db.DocumentFindings(ctx, id)
	if err != nil {
		return v, err
	}
	v.Counts = map[string]int{}
	v.Judgements = []store.Row{}
	for _, f := range all {
		v.Counts[f.Kind]++
		if f.Kind == string(corpus.Judgement) {
			v.Judgements = append(v.Judgements, f)
		}
	}
	v.Table = judgementTable(v.Judgements)
	return v, nil
}

// judgementRow is one area of an inspection's judgement table: the grades
// the report gives it now and those it says an earlier inspection gave.
type judgementRow struct {
	Area     string
	Label    string
	Current  []gradeCell
	Previous []gradeCell
}

// gradeCell is a grade with the finding that states it.
type gradeCell struct {
	Grade   string
	Label   string
	Finding int64
	Page    int
}

// judgementTable arranges judgements by area in the order reports give
// them. An area graded twice with different grades shows both: a
// disagreement between rules is for a reader to see, not for the table to
// hide.
func judgementTable(js []store.Row) []judgementRow {
	byArea := map[string]*judgementRow{}
	for _, j := range js {
		if j.Area == "" || j.Grade == "" {
			continue
		}
		row := byArea[j.Area]
		if row == nil {
			row = &judgementRow{Area: j.Area, Label: areaLabel(j.Area)}
			byArea[j.Area] = row
		}
		cells := &row.Current
		if j.Previous != nil && *j.Previous {
			cells = &row.Previous
		}
		dup := false
		for _, c := range *cells {
			dup = dup || c.Grade == j.Grade
		}
		if !dup {
			*cells = append(*cells, gradeCell{Grade: j.Grade, Label: gradeLabel(j.Grade), Finding: j.ID, Page: j.Page})
		}
	}
	var out []judgementRow
	for _, a := range corpus.Areas {
		if row := byArea[string(a)]; row != nil {
			out = append(out, *row)
		}
	}
	return out
}
