package classify

import (
	"fmt"
	"strings"
	"testing"

	"scrutiny/corpus"
	"scrutiny/extract"
)

// readAs classifies text as a document of the given type, skipping type
// detection, so that a test can give a rule a few sentences.
func readAs(t *testing.T, typ corpus.DocType, text string) *corpus.Document {
	t.Helper()
	doc := &corpus.Document{Text: text, Pages: []corpus.Page{{Number: 1, Start: 0, End: len(text)}}}
	doc.Items = extract.Items(text, doc.Pages)
	doc.Type = typ
	c := newDocContext(doc)
	classifyProse(c)
	c.finish()
	for i, f := range doc.Findings {
		if doc.Text[f.Start:f.End] == "" || f.End > len(doc.Text) {
			t.Fatalf("finding %d has an empty or out-of-range span [%d, %d)", i, f.Start, f.End)
		}
		if f.Rule == "" {
			t.Fatalf("finding %d (%s) names no rule", i, f.Kind)
		}
	}
	return doc
}

// readMinutes classifies text as minutes.
func readMinutes(t *testing.T, text string) *corpus.Document {
	t.Helper()
	return readAs(t, corpus.Minutes, text)
}

// ofKind returns the findings of one kind.
func ofKind(doc *corpus.Document, k corpus.Kind) []corpus.Finding {
	var out []corpus.Finding
	for _, f := range doc.Findings {
		if f.Kind == k {
			out = append(out, f)
		}
	}
	return out
}

// answerOf returns the answer linked to the question at index qi of
// doc.Findings, if any.
func answerOf(doc *corpus.Document, qi int) (corpus.Finding, bool) {
	for _, f := range doc.Findings {
		if f.Kind == corpus.Answer && f.AnswerTo == qi {
			return f, true
		}
	}
	return corpus.Finding{}, false
}

// indexOf returns the index in doc.Findings of the first finding of kind k
// whose text contains s, or -1.
func indexOf(doc *corpus.Document, k corpus.Kind, s string) int {
	for i, f := range doc.Findings {
		if f.Kind == k && strings.Contains(f.Text, s) {
			return i
		}
	}
	return -1
}

// dump lists findings for a failure message.
func dump(doc *corpus.Document) string {
	var b strings.Builder
	for i, f := range doc.Findings {
		fmt.Fprintf(&b, "\n  #%d %s [%s] speaker=%q to=%d: %s", i, f.Kind, f.Rule, f.Speaker, f.AnswerTo, f.Text)
	}
	return b.String()
}
