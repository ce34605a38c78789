package corpus

// Finding is one thing a document says that researchers want: a judgement,
// a recommendation, a question, an answer, a resolution or a strength.
// Offsets are byte offsets into the document text; the store turns them into
// character offsets, which is what the database and exports carry.
type Finding struct {
	Kind       Kind
	Text       string // the sentence or bullet, whitespace collapsed
	Start, End int    // byte range of Text's source in Document.Text
	Page       int
	Item       int // 1-based item number, 0 if outside any item

	// Questions and answers.
	Speaker     string // as written: "Councillor Hunt", "the Chair", "unknown"
	SpeakerRole Role
	AnsweredBy  string // for a question: who answered it, if recorded
	// AnswerTo is, for an answer, the index in Document.Findings of the
	// question it answers, or -1.
	AnswerTo int
	// Person is the attendee the speaker is, when the meeting's attendance
	// list tells: "Dr A Ghosh" for "the Director of Public Health", "Mr R W
	// Gough" for "Mr Gough". Speaker keeps the words the minutes use.
	Person string

	// Judgements.
	Area       Area
	Grade      Grade
	Inspection Inspection
	Previous   bool // a grade an earlier inspection gave

	// Recommendations.
	Source Source

	// Resolutions.
	Outcome Outcome

	// Rule names the rule that produced the finding, so that every finding
	// can be explained and every rule measured.
	Rule string
}
