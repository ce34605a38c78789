package classify

import "scrutiny/corpus"

// classifyProse reads minutes, council reports and other documents
// sentence by sentence. What a document can hold depends on what it is:
// only minutes record questions, answers and resolutions of their own
// meeting; a council report recommends; any of them may report what an
// inspection found and recommended.
func classifyProse(c *docContext) {
	judgementsInProse(c)
	if c.doc.Type == corpus.OfstedReport {
		return
	}
	if c.doc.Type == corpus.Minutes {
		c.doc.Meeting = meetingFacts(c.doc)
		resolutions(c)
		questionsAndAnswers(c)
	}
	recommendations(c)
	strengths(c)
}
