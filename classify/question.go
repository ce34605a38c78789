package classify

import (
	"strings"
)

// British committee minutes report questions in the third person, past
// tense: "Councillor Gunn asked if ...", "A Member queried ...", "Mrs Gunn
// sought clarification on ...", "Concerns were raised on whether ...", "In
// response to a question from Mrs Gunn, the Director confirmed ...". A
// rule names the verb phrase; the asker is the verb's subject, or whoever a
// "from" or "by" names.

// questionRule is one way minutes report a question.
type questionRule struct {
	name string
	re   *lazyRE
	// passive rules say who asked only in a "by" or "from" phrase.
	passive bool
	// hints are words one of which the rule's match must hold, in lower
	// case: a sentence with none of them is not tried against the
	// pattern, which keeps the many patterns cheap.
	hints []string
}

// interrogative is what follows a verb of asking in an indirect question.
const interrogative = `(?:if|whether|how|why|what|when|where|which|who|whom|about|as\s+to|regarding|in\s+relation\s+to|to\s+what\s+extent|the\s+reason|the\s+extent|for\s+(?:an?\s+|the\s+|more\s+|further\s+)?(?:update|information|details?|clarification|explanation|assurance|confirmation|breakdown|figures|view|reasons?|comments?))`

// infoNoun is what a request for information asks for.
const infoNoun = `(?:information|update|updates|report|details|detail|clarification|briefing|breakdown|figures|data|explanation|confirmation|written\s+response|response|copy|note|analysis|assurances?|reassurance|list|summary|timeline|timescale)`

var questionRules = []questionRule{
	{name: "question.asked", re: lazy(`(?i)\b(?:asked|enquired|inquired)\b(?:\s+(?:the|a|an|of|officers|members|[\p{Lu}][\p{L}’'.-]*|him|her|them|for|again|also|further|specifically))*?\s+` + interrogative + `\b`), hints: []string{"asked", "enquired", "inquired", "queried"}},
	{name: "question.asked", re: lazy(`(?i)\b(?:asked|enquired|inquired|queried)\s*[:,]?\s*["“‘]`), hints: []string{"asked", "enquired", "inquired", "queried"}},
	// "Mrs Grant asked the Cabinet Member for Children's Services:" with
	// the question in quotation marks after it.
	{name: "question.asked", re: lazy(`\b(?:asked|put\s+the\s+following\s+question\s+to)\s+(?:the\s+)?\p{Lu}[^.?!:“"]{0,120}:\s*(?:$|["“‘])`), hints: []string{"asked", "question"}},
	{name: "question.queried", re: lazy(`(?i)\b(?:queried|questioned|challenged\s+(?:officers|whether|how|why|the))\b`), hints: []string{"queried", "questioned", "challenged"}},
	{name: "question.sought", re: lazy(`(?i)\bsought\s+(?:further\s+|some\s+|more\s+|an?\s+|the\s+)?(?:clarification|assurances?|reassurance|confirmation|information|details|update|explanation|views|an\s+understanding)\b`), hints: []string{"sought"}},
	{name: "question.raised", re: lazy(`(?i)\b(?:raised|put|posed|asked)\s+(?:a\s+|an?\s+|the\s+|some\s+|several\s+|further\s+|two\s+|three\s+)?(?:(?:further|supplementary|specific|number\s+of|related|general|following)\s+){0,2}(?:questions?|query|queries)\b`), hints: []string{"raised", "put", "posed", "asked"}},
	{name: "question.concern", re: lazy(`(?i)\braised\s+(?:(?:a|some|his|her|their|particular|further|serious|several|the)\s+)?concerns?\b`), hints: []string{"concern"}},
	{name: "question.wished-to-know", re: lazy(`(?i)\b(?:wished|wanted|wanting|wishing|was\s+keen|were\s+keen|sought)\s+to\s+(?:know|understand|clarify|ascertain|establish|find\s+out|learn)\b`), hints: []string{" to "}},
	{name: "question.wished-to-know", re: lazy(`(?i)\b(?:wondered|questioned)\s+(?:whether|if|how|why|what|when|where|which|who)\b`), hints: []string{"wondered", "questioned"}},
	{name: "question.would-like", re: lazy(`(?i)\bwould\s+(?:like|welcome|appreciate|value)\s+(?:to\s+(?:see|receive|have)\s+)?(?:some\s+|more\s+|further\s+|additional\s+|an?\s+|the\s+)?` + infoNoun + `\b`), hints: []string{"would"}},
	{name: "question.request", re: lazy(`(?i)\b(?:requested|asked\s+for)\s+(?:that\s+)?(?:an?\s+|the\s+|some\s+|more\s+|further\s+|additional\s+|regular\s+|written\s+)?(?:(?:update|progress|further|written|detailed|full)\s+)?` + infoNoun + `\b`), hints: []string{"requested", "asked"}},
	{name: "question.request", re: lazy(`(?i)\b(?:requested|asked)\s+that\b[^.;]{0,160}?\bbe\s+(?:provided|circulated|shared|sent|supplied|brought|presented|reported|kept\s+(?:informed|advised|updated)|made\s+available|given|included|updated|investigated|looked\s+into)\b`), hints: []string{"requested", "asked"}},
	{name: "question.request", re: lazy(`(?i)\basked\s+(?:officers|the\s+[\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,6})\s+to\s+(?:provide|circulate|share|clarify|explain|confirm|report|look\s+into|investigate|update|send|supply|outline|set\s+out|give|comment|respond)\b`), hints: []string{"requested", "asked"}},
	// "The Chair asked that the Sub-Board receive the figures at its next
	// meeting": the meeting asking to be told.
	{name: "question.request", re: lazy(`(?i)\b(?:requested|asked)\s+that\s+(?:the\s+)?(?:committee|sub-committee|sub-board|board|panel|members|councillors|forum)\s+(?:receive|be\s+(?:given|provided\s+with|sent|updated|informed|briefed)|see)\b`), hints: []string{"requested", "asked"}},

	{name: "question.passive", passive: true, re: lazy(`(?i)\b(?:a|one|another|the|further|some|several|two|three|a\s+number\s+of)\s+(?:further\s+|supplementary\s+|specific\s+|related\s+)?(?:questions?|query|queries)\s+(?:was|were)\s+(?:also\s+)?(?:raised|asked|put|posed)\b`), hints: []string{"question", "quer", "sought", "requested", "asked"}},
	{name: "question.passive", passive: true, re: lazy(`(?i)\b(?:questions|queries)\s+(?:were|was)\s+(?:also\s+)?(?:raised|asked|put|posed)\s+(?:by\s+[^,.]{2,60}?\s+)?(?:about|on|regarding|around|concerning|in\s+relation\s+to|as\s+to|whether|if|how|why|what|relating|over)\b`), hints: []string{"question", "quer", "sought", "requested", "asked"}},
	{name: "question.concern", passive: true, re: lazy(`(?i)\bconcerns?\s+(?:was|were)\s+(?:also\s+)?raised\b`), hints: []string{"concern"}},
	{name: "question.passive", passive: true, re: lazy(`(?i)\b(?:clarification|assurances?|reassurance|confirmation|further\s+information|an\s+update|information|an\s+explanation)\s+(?:was|were)\s+(?:also\s+)?(?:sought|requested)\b`), hints: []string{"question", "quer", "sought", "requested", "asked"}},
	{name: "question.passive", passive: true, re: lazy(`(?i)\bit\s+was\s+(?:asked|queried|questioned)\s+(?:whether|if|how|why|what|when|where|which|who)\b`), hints: []string{"question", "quer", "sought", "requested", "asked"}},
}

// inResponseTo opens a clause that reports a question and its answer at
// once: "In response to a question from Mrs Gunn, the Director ...",
// "Following a question from Councillor Dunn, it was confirmed ...". Group
// 1 is the question's noun phrase.
var inResponseTo = lazy(`(?i)\b(?:(?:in\s+response|in\s+reply|in\s+answer|responding|replying|answering)\s+to|following|after)\s+((?:(?:a|an|the|further|some|several|various|number\s+of|this|that|these|those|his|her|their|its)\s+|(?:[\p{Lu}][\p{L}’'.-]*\s+){1,4}|[\p{L}’'-]+(?:’s|'s|s’|s')\s+)*(?:(?:further|supplementary|specific|related|detailed|particular)\s+)*(?:questions?|query|queries|concerns?|comments?\s+and\s+questions?|questions?\s+and\s+comments?)\b)`)

// inAnswerToPerson is a reply that names whom it answers: "The Strategic
// Director confirmed, in answer to Councillor Quinlan, that ...". Group 1
// is the person.
var inAnswerToPerson = lazy(`(?i)\bin\s+(?:answer|response|reply)\s+to\s+(?:a\s+(?:further\s+)?question\s+(?:from|by)\s+)?(` + titledName.String() + `)`)

// respondedTo is a reply that names the question it answers and who put
// it: "The Portfolio Holder responded to concerns raised by Councillor
// Lowe, saying that ...". Group 1 is the question's noun phrase.
var respondedTo = lazy(`(?i)\b(?:responded|replied|answered)\s+to\s+((?:(?:a|the|further|some|several)\s+)?(?:questions?|query|queries|concerns?)\s+(?:(?:raised|asked|put|posed|expressed|submitted)\s+)?(?:by|from)\s+)`)

// notQuestion marks what only looks like a question: an earlier question
// recalled ("had asked"), a request to act ("asked members to promote"),
// papers asking a body to decide ("Council is asked to note"), and the
// rules of question time ("each member who asked a question could ask one
// supplementary question").
var notQuestion = lazy(`(?i)\b(?:could|may|can|might|shall|(?:is|are|was|were)\s+(?:entitled|able|allowed|permitted)\s+to)\s+(?:ask|put|raise|submit|pose)\s+(?:an?\s+|one\s+|two\s+|any\s+)?(?:further\s+|supplementary\s+)*(?:questions?|quer(?:y|ies))\b|\b(?:had|has|have|had\s+previously|previously)\s+(?:been\s+)?(?:asked|queried|questioned|raised|enquired|requested|sought)\b|\b(?:is|are|was|were|be|being)\s+asked\s+to\b|\basked\s+(?:members|councillors|everyone|all|people|residents|the\s+public|colleagues|partners)\s+to\s+(?:promote|support|note|encourage|attend|join|share|consider|approve|agree|endorse|contact|help)\b`)

// otherMeeting marks a question put at another meeting: "referred to the
// recent Scrutiny Committee where he questioned ...".
var otherMeeting = lazy(`(?i)\b(?:the|a|its|their)\s+(?:recent|last|previous|earlier|next|most\s+recent)\s+[\p{L}\s&,'’-]{0,50}?(?:meeting|committee|panel|board|cabinet|council|session|forum)\b[^.]{0,80}?\b(?:where|when|at\s+which)\b`)

// questionMatch is a question found in a sentence.
type questionMatch struct {
	rule     string
	verb     int // where the verb phrase starts, in the sentence text
	end      int // where the verb phrase ends
	passive  bool
	response bool // an "In response to a question ..." clause, answered in the same sentence
	// within is a question named inside its answer ("responded to
	// concerns raised by Councillor Lowe"): the question is [verb, end)
	// and the answer the whole sentence.
	within bool
	// group says an "In response to ..." clause names a group's questions
	// ("Members' questions"), which may be those reported already.
	group bool
	// person says the answer names only whom it answers ("in answer to
	// Councillor Reed"), who may have asked already.
	person bool
}

// findQuestion returns the first question a sentence reports, if any.
func findQuestion(t string) (questionMatch, bool) {
	best := questionMatch{verb: -1}
	lower := strings.ToLower(t)
	for _, r := range questionRules {
		if !hinted(lower, r.hints) {
			continue
		}
		loc := r.re.FindStringIndex(t)
		if loc == nil || (best.verb >= 0 && loc[0] >= best.verb) {
			continue
		}
		if excludedQuestion(t, loc[0], loc[1]) {
			continue
		}
		best = questionMatch{rule: r.name, verb: loc[0], end: loc[1], passive: r.passive}
	}
	if !hinted(lower, []string{"respon", "repl", "answer", "follow", "after"}) {
		return best, best.verb >= 0
	}
	if m := inResponseTo.FindStringSubmatchIndex(t); m != nil && (best.verb < 0 || m[0] < best.verb) && !adjectival(t, m[0]) {
		np := t[m[2]:m[3]]
		switch {
		case newQuestion(np):
			best = questionMatch{rule: "question.in-response", verb: m[0], end: m[1], passive: true, response: true}
		case groupQuestions(np):
			// "In response to Members' questions, it was confirmed
			// that": new questions, answered in the sentence.
			if _, ok := findAnswer(t, m[1]); ok {
				best = questionMatch{rule: "question.in-response", verb: m[0], end: m[1], passive: true, response: true, group: true}
			}
		}
	}
	if m := inAnswerToPerson.FindStringSubmatchIndex(t); m != nil && (best.verb < 0 || m[0] < best.verb) {
		if _, ok := findAnswer(t, 0); ok {
			best = questionMatch{rule: "question.in-response", verb: m[0], end: m[3], passive: true, within: true, person: true}
		}
	}
	if m := respondedTo.FindStringSubmatchIndex(t); m != nil && (best.verb < 0 || m[2] < best.verb) && !inQuotes(t, m[0]) {
		best = questionMatch{rule: "question.responded-to", verb: m[2], end: m[3], passive: true, within: true}
	}
	return best, best.verb >= 0
}

// hinted reports whether lower holds one of the hints, or there are none.
func hinted(lower string, hints []string) bool {
	if len(hints) == 0 {
		return true
	}
	for _, h := range hints {
		if strings.Contains(lower, h) {
			return true
		}
	}
	return false
}

// excludedQuestion reports whether the verb at [v, e) does not report a
// question of this meeting.
func excludedQuestion(t string, v, e int) bool {
	window := t[max(0, v-40):min(len(t), e+40)]
	if loc := notQuestion.FindStringIndex(window); loc != nil {
		return true
	}
	if otherMeeting.MatchString(t[:v]) {
		return true
	}
	return inQuotes(t, v)
}

// newQuestion reports whether the noun phrase of an "In response to ..."
// clause introduces a question the minutes have not already reported: "a
// question from Mrs Gunn", "concerns regarding ...", but not "his
// question" or "these questions", which point back.
func newQuestion(np string) bool {
	w := strings.ToLower(strings.Fields(np)[0])
	switch w {
	case "the", "this", "that", "these", "those", "his", "her", "their", "its":
		return false
	}
	if strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s’") || strings.HasSuffix(w, "s'") {
		return false // "his question", "Members' questions": asked already
	}
	return !strings.Contains(strings.ToLower(np), "comment") || strings.Contains(strings.ToLower(np), "question")
}

// adjectival reports whether "following" at byte i qualifies a noun ("the
// following question") rather than opening a clause ("Following a
// question from ...").
func adjectival(t string, i int) bool {
	pre := strings.ToLower(strings.TrimSpace(t[:i]))
	return strings.HasSuffix(pre, " the") || pre == "the" || strings.HasSuffix(pre, " a") || strings.HasSuffix(pre, " these")
}

// groupQuestions reports whether the noun phrase of an "In response to
// ..." clause is a group's questions: "Members' questions", "a Member's
// question".
func groupQuestions(np string) bool {
	w := strings.ToLower(strings.Fields(np)[0])
	if w == "a" || w == "an" {
		w = strings.ToLower(strings.Fields(np)[1])
	}
	for _, g := range []string{"members", "member", "councillors", "councillor", "panel", "committee", "board"} {
		for _, suffix := range []string{"’", "'", "’s", "'s"} {
			if w == g+suffix {
				return true
			}
		}
	}
	return false
}

// inQuotes reports whether byte i of t lies inside double quotation marks:
// a motion or letter quoted, not the meeting's own words.
func inQuotes(t string, i int) bool {
	open := strings.Count(t[:i], "“") - strings.Count(t[:i], "”")
	if open > 0 {
		return true
	}
	return strings.Count(t[:i], "\"")%2 == 1
}

// directQuestion reports whether a sentence is itself a question: it ends
// with a question mark, or starts as one ("What level of savings was
// anticipated ...") where minutes set questions out in the first person.
func directQuestion(t string) bool {
	t = strings.TrimRight(t, " ”’\"')")
	return strings.HasSuffix(t, "?")
}

// interrogativeStart matches a sentence that opens as a question.
var interrogativeStart = lazy(`^(?:What|Why|How|When|Where|Which|Who|Whom|Whose|Is|Are|Was|Were|Did|Does|Do|Could|Would|Should|Can|Will|Has|Have|Had|Might|May)\s`)
