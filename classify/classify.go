// Package classify turns a document's text, split into items, into
// findings: Ofsted judgements and recommendations, members' questions and
// officers' answers, resolutions, and strengths. It is rule-based and
// deterministic, and every finding names the rule that produced it.
//
// Classification runs in two halves, by what the document is: Ofsted's own
// reports and letters (ofsted*.go) are read by their structure (judgement
// tables, "What needs to improve" lists); everything else — minutes,
// council reports, news pages — is read sentence by sentence (prose.go).
package classify

import (
	"sort"

	"scrutiny/corpus"
)

// Version identifies the rules. It changes whenever a change here may
// change findings, so that stored findings can be recomputed
// (scrutiny reclassify) when it moves on.
const Version = "0.6.1"

// Classify fills in what the document is (doc.Type), its authority and
// facts, and its findings, from doc.Text, doc.Pages and doc.Items.
func Classify(doc *corpus.Document) {
	doc.Findings = nil
	doc.Inspection, doc.Meeting = nil, nil
	if a, ok := corpus.MatchAuthority(doc.Text); ok {
		doc.Authority, doc.AuthorityURN = a.Name, a.URN
	}
	if doc.Title == "" && len(doc.Items) > 0 {
		doc.Title = doc.Items[0].Title
	}
	doc.Type = DetectType(doc.Text)
	c := newDocContext(doc)
	switch doc.Type {
	case corpus.OfstedReport:
		classifyOfsted(c)
	default:
		classifyProse(c)
	}
	c.finish()
}

// docContext is a document under classification: its blocks and sentences,
// computed once, and the findings emitted so far.
type docContext struct {
	doc    *corpus.Document
	blocks []Block
	sents  []Sentence
}

func newDocContext(doc *corpus.Document) *docContext {
	c := &docContext{doc: doc}
	c.blocks = headingBlocks(doc.Text, Blocks(doc.Text, 0, len(doc.Text)), doc.Items)
	c.sents = Sentences(doc.Text, c.blocks)
	return c
}

// emit adds a finding, filling in its page and item from its offsets, and
// returns its index in doc.Findings.
func (c *docContext) emit(f corpus.Finding) int {
	f.Page = corpus.PageAt(c.doc.Pages, f.Start)
	f.Item = corpus.ItemAt(c.doc.Items, f.Start)
	if f.Kind != corpus.Answer {
		f.AnswerTo = -1
	}
	if f.Text == "" {
		f.Text = Collapse(c.doc.Text[f.Start:f.End])
	}
	c.doc.Findings = append(c.doc.Findings, f)
	return len(c.doc.Findings) - 1
}

// extendFinding moves the end of finding i to end, taking in the text up to
// there.
func (c *docContext) extendFinding(i, end int) {
	f := &c.doc.Findings[i]
	if end > f.End {
		f.End = end
		f.Text = Collapse(c.doc.Text[f.Start:f.End])
	}
}

// finish puts findings in document order, keeping answers pointed at their
// questions.
func (c *docContext) finish() {
	fs := c.doc.Findings
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return fs[order[a]].Start < fs[order[b]].Start })
	newIndex := make([]int, len(fs))
	out := make([]corpus.Finding, len(fs))
	for n, old := range order {
		newIndex[old] = n
		out[n] = fs[old]
	}
	for i := range out {
		if out[i].AnswerTo >= 0 && out[i].AnswerTo < len(fs) {
			out[i].AnswerTo = newIndex[out[i].AnswerTo]
		}
	}
	c.doc.Findings = out
}
