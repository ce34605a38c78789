package classify

import (
	"strings"

	"scrutiny/corpus"
)

// Minutes report answers with verbs of replying ("responded", "replied",
// "In response, the Director confirmed") and with the verbs officers report
// by ("advised", "explained", "confirmed", "informed", "assured"). The
// first kind is an answer wherever it stands; the second only after an
// open question, since officers advise and explain all through minutes.

// answerRule is one way minutes report an answer.
type answerRule struct {
	name string
	re   *lazyRE
	// reply rules are answers by their verb alone; the others need an
	// open question.
	reply bool
	// passive rules name no speaker ("Members were advised that ...").
	passive bool
	// label rules are a reply set out under a label ("REPLY:"), which may
	// answer any question still open in the item.
	label bool
	// hints are words one of which a match must hold, in lower case.
	hints []string
}

var answerRules = []answerRule{
	{name: "answer.replied", reply: true, re: lazy(`(?i)\b(?:responded|replied|answered|in\s+(?:his|her|their)\s+(?:response|reply))\b`), hints: []string{"respon", "repl", "answer"}},
	{name: "answer.in-response", reply: true, re: lazy(`\b(?i:in\s+response|in\s+reply|in\s+answer|by\s+way\s+of\s+(?:response|reply)|responding|replying)\b(?:\s*,|\s+(?i:the|it|members|officers|he|she|they)\b|\s+[\p{Lu}][\p{L}’'.-]*\b|\s+to\s+(?:[\p{L}’'.-]+\s+){0,5}?(?i:questions?|query|queries|concerns?|comments?|points?|issues|remarks|observations|members|councillors?|cllr|mr|mrs|ms|miss|dr)\b)`), hints: []string{"respon", "repl", "answer"}},
	{name: "answer.reply-label", passive: true, label: true, re: lazy(`^(?:(?:REPLY|Reply|RESPONSE|Response|ANSWER|Answer)\s*[:.–-])`), hints: []string{"repl", "respon", "answer", "a"}},
	{name: "answer.passive", passive: true, re: lazy(`(?i)\b(?:members|the\s+(?:committee|panel|board|cabinet|council|meeting|commission|forum|sub-committee)|councillors|it|they|he|she|and)\s+(?:was|were)\s+(?:also\s+|further\s+)?(?:advised|informed|told|assured|reassured|reminded|updated)\b`), hints: []string{"was", "were"}},
	{name: "answer.passive", passive: true, re: lazy(`(?i)\bit\s+was\s+(?:also\s+|further\s+)?(?:explained|confirmed|clarified|reported|stated|advised|acknowledged|highlighted|emphasised|emphasized)\s+that\b`), hints: []string{"was", "were"}},
	{name: "answer.passive", passive: true, re: lazy(`(?i)\b(?:assurance|assurances|reassurance|clarification|confirmation|an?\s+explanation|an?\s+update|a\s+response|an?\s+answer)\s+(?:was|were)\s+(?:also\s+)?(?:given|provided|offered)\b`), hints: []string{"was", "were"}},
	{name: "answer.stated", re: lazy(`(?i)\bgave\s+(?:(?:an?|the|that|this|his|her|their|such|those|these|full|further|every)\s+)?(?:assurances?|reassurance|confirmation|explanation|undertaking|update)\b`), hints: []string{"gave"}},
	{name: "answer.stated", re: lazy(`(?i)\b(?:advised|explained|confirmed|informed|assured|reassured|clarified|indicated|stated|said|reported|acknowledged|agreed\s+to|undertook|added|highlighted|outlined|emphasised|emphasized|pointed\s+out|accepted|recognised|recognized|noted|commented|set\s+out|detailed|elaborated|reiterated|assured|offered|committed|promised|agreed)\b`), hints: []string{"advis", "explain", "confirm", "inform", "assur", "clarif", "indicat", "stat", "said", "report", "acknowledg", "agree", "undert", "added", "highlight", "outlin", "emphas", "point", "accept", "recogni", "noted", "comment", "set out", "detail", "elaborat", "reiterat", "offer", "commit", "promis"}},
}

// answerMatch is an answer found in a sentence.
type answerMatch struct {
	rule    string
	verb    int // where the verb phrase starts in the sentence text
	end     int
	reply   bool
	passive bool
	label   bool
}

// findAnswer returns the first answer a sentence reports at or after byte
// from, if any.
func findAnswer(t string, from int) (answerMatch, bool) {
	best := answerMatch{verb: -1}
	lower := strings.ToLower(t[from:])
	for _, r := range answerRules {
		if !hinted(lower, r.hints) {
			continue
		}
		loc := r.re.FindStringIndex(t[from:])
		if loc == nil {
			continue
		}
		v := from + loc[0]
		if best.verb >= 0 && v >= best.verb {
			continue
		}
		if inQuotes(t, v) || notedThat.MatchString(t[v:]) || r.name == "answer.in-response" && !clauseOpens(t, v) {
			continue
		}
		best = answerMatch{rule: r.name, verb: v, end: from + loc[1], reply: r.reply, passive: r.passive, label: r.label}
	}
	return best, best.verb >= 0
}

// clauseOpens reports whether byte i of t opens a clause: the sentence's
// start, or after a comma, a colon, a bracket or "and". "In response, the
// Director said" and "The Director, in response, said" report an answer;
// "while responding to the concerns raised in the consultation" does not.
func clauseOpens(t string, i int) bool {
	pre := strings.TrimSpace(t[:i])
	if pre == "" || strings.HasSuffix(pre, ",") || strings.HasSuffix(pre, ":") || strings.HasSuffix(pre, ";") || strings.HasSuffix(pre, "(") {
		return true
	}
	for _, w := range []string{" and", " but", " then"} {
		if strings.HasSuffix(pre, w) {
			return true
		}
	}
	return len(pre) <= 4 // a label or list marker: "A.", "(d)"
}

// notedThat is "noted that" opening a point of discussion, which is
// neither an answer nor a decision.
var notedThat = lazy(`(?i)^noted\s+that\b`)

// officerSays reports whether the answer verb of a reports an officer
// speaking in a clause of its own after the question: "..., and officers
// undertook to circulate the figures".
func officerSays(t string, qEnd int, a answerMatch, ms []mention) bool {
	for _, m := range ms {
		if m.start >= qEnd && m.end <= a.verb && adjacentRE.MatchString(t[m.end:a.verb]) {
			return m.role == corpus.Officer
		}
	}
	return false
}

// clauseBefore finds where the clause holding the answer at byte v starts,
// after the question's verb phrase that ends at byte qEnd: at "and", a
// semicolon or a comma before the answer's subject or its "in response".
// It returns where the question's clause ends and the answer's starts, or
// -1s.
func clauseBefore(t string, qEnd, v int, ms []mention) (int, int) {
	if strings.HasPrefix(strings.ToLower(t[v:]), "and ") {
		// "Members asked questions and were informed that ...".
		return v, v + 4
	}
	start := v
	for _, m := range ms {
		if m.start >= qEnd && m.end <= v && adjacentRE.MatchString(t[m.end:v]) {
			start = m.start
		}
	}
	pre := t[qEnd:start]
	for _, sep := range []string{", and ", " and ", "; ", ", "} {
		if i := strings.LastIndex(pre, sep); i >= 0 {
			return qEnd + i, qEnd + i + len(sep)
		}
	}
	return -1, -1
}
