package classify

import (
	"scrutiny/corpus"
)

// A report states each grade more than once: in its judgement table, and
// again in the heading of the area's section ("The experiences and progress
// of care leavers: good"; the SIF's "The graded judgement for adoption
// performance is that it is good"). Scrutiny reads the table two ways — by
// its columns, and as a sequence of words — and the headings apart, and
// keeps, area by area, the reading the sources agree on.

// currentJudgements returns the report's current judgements, one per
// area, each with the rule that read it.
func currentJudgements(c *docContext, framework corpus.Inspection) []tableJudgement {
	cols := graded(framework, readJudgementTable(c), "judgement.table")
	seq := graded(framework, sequenceTable(c), "judgement.table-sequence")
	heads := graded(framework, headingJudgements(c), "judgement.section-heading")
	cols, seq = careAsHeadings(cols, seq, heads)
	out := mergeTables(cols, seq, heads)
	for _, h := range heads {
		if !clashes(out, h.area) {
			out = append(out, h)
		}
	}
	return out
}

// graded keeps the judgements of areas the framework grades, each with
// the rule that read it: an area of the other framework is a misreading
// ("Children looked after and achieving" cut from its "permanence" reads
// as ILACS's children in care).
func graded(framework corpus.Inspection, js []tableJudgement, rule string) []tableJudgement {
	var out []tableJudgement
	for _, j := range js {
		if framework == corpus.ILACS && ilacsArea(j.area) || framework == corpus.SIF && !ilacsOnly(j.area) {
			j.rule = rule
			out = append(out, j)
		}
	}
	return out
}

// careAsHeadings settles how the two readings of the table grade children
// in care and care leavers, where one reads them together and the other
// apart: a table does one or the other, and the reading that splits the
// combined row (or joins the two) is wrong. The sections' headings, which
// grade the areas as the table does, decide; without them, the columns do.
func careAsHeadings(cols, seq, heads []tableJudgement) ([]tableJudgement, []tableJudgement) {
	c, s, h := careShape(cols), careShape(seq), careShape(heads)
	if c == 0 || s == 0 || c == s || h == 0 {
		return cols, seq
	}
	if h == s {
		return withoutCare(cols), seq
	}
	return cols, withoutCare(seq)
}

// careShape says how a reading grades children in care and care leavers:
// 1 together, 2 apart, 0 not at all.
func careShape(js []tableJudgement) int {
	for _, j := range js {
		switch {
		case combined(j.area):
			return 1
		case half(j.area):
			return 2
		}
	}
	return 0
}

func withoutCare(js []tableJudgement) []tableJudgement {
	var out []tableJudgement
	for _, j := range js {
		if !combined(j.area) && !half(j.area) {
			out = append(out, j)
		}
	}
	return out
}

// mergeTables joins the readings of a judgement table, area by area:
// the reading two sources agree on stands (the columns', the sequence's,
// the section heading's); where none agree, the columns' reading, or else
// the heading's, which names one area and one grade and so cannot pair
// them wrongly. An area only the heading grades is left to it.
func mergeTables(cols, seq, heads []tableJudgement) []tableJudgement {
	var out []tableJudgement
	for _, j := range append(append([]tableJudgement(nil), cols...), seq...) {
		if clashes(out, j.area) {
			continue
		}
		out = append(out, pick(reading(cols, j.area), reading(seq, j.area), reading(heads, j.area)))
	}
	return out
}

// pick chooses among the readings of one area by the columns, the
// sequence and the heading, any of which may be missing (nil).
func pick(c, s, h *tableJudgement) tableJudgement {
	agree := func(a, b *tableJudgement) bool { return a != nil && b != nil && sameGrade(*a, *b) }
	switch {
	case agree(c, s), agree(c, h):
		return *c
	case agree(s, h):
		return *s
	case c != nil && s != nil:
		return *c
	case h != nil:
		return *h
	case c != nil:
		return *c
	}
	return *s
}

func reading(js []tableJudgement, a corpus.Area) *tableJudgement {
	for i := range js {
		if js[i].area == a {
			return &js[i]
		}
	}
	return nil
}

func sameGrade(a, b tableJudgement) bool { return a.grade == b.grade && a.notJudged == b.notJudged }

// listed reports whether the table lists the area, graded or not.
func listed(table []tableJudgement, a corpus.Area) bool { return reading(table, a) != nil }

// clashes reports whether the table lists the area, or grades children in
// care and care leavers the other way: ILACS graded them together until
// 2023, apart since, and a report does one or the other.
func clashes(table []tableJudgement, a corpus.Area) bool {
	for _, j := range table {
		if j.area == a || combined(j.area) && half(a) || half(j.area) && combined(a) {
			return true
		}
	}
	return false
}

func combined(a corpus.Area) bool { return a == corpus.ChildrenInCareAndCareLeavers }

func half(a corpus.Area) bool { return a == corpus.ChildrenInCare || a == corpus.CareLeavers }

// ilacsArea reports whether an ILACS report grades the area.
func ilacsArea(a corpus.Area) bool {
	switch a {
	case corpus.ImpactOfLeaders, corpus.HelpAndProtection, corpus.ChildrenInCare,
		corpus.CareLeavers, corpus.ChildrenInCareAndCareLeavers, corpus.OverallEffectiveness:
		return true
	}
	return false
}

// ilacsOnly reports whether only ILACS grades the area.
func ilacsOnly(a corpus.Area) bool {
	switch a {
	case corpus.ImpactOfLeaders, corpus.ChildrenInCare, corpus.ChildrenInCareAndCareLeavers:
		return true
	}
	return false
}
