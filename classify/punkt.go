package classify

import (
	"github.com/jdkato/prose/v2"
)

// punktSentences splits text into sentences with prose's Punkt splitter,
// tagging, tokenising and entity extraction off: prose's tagger and NER
// are slow and wrong on council text ("Durham County Council" comes out as
// a person). prose reloads its Punkt training data on every call (about
// 12 ms), so Sentences calls it once per document, never per block.
func punktSentences(text string) []string {
	doc, err := prose.NewDocument(text,
		prose.WithTagging(false), prose.WithExtraction(false), prose.WithTokenization(false))
	if err != nil {
		return nil
	}
	ss := doc.Sentences()
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Text
	}
	return out
}
