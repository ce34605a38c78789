package classify

import (
	"strings"

	"scrutiny/corpus"
)

// Minutes report grades in the words of those who speak at the meeting,
// less formally than Ofsted's own reports: "the service had been judged
// inadequate in 2018", "the council had been judged to require improvement
// to be good overall", "judged outstanding in every area", "with
// outstanding leadership", "an improvement on the requires improvement
// judgement of 2019", "having been judged inadequate in 2015". These rules
// bind such grades to an area where the area-by-area reading leaves them
// unbound, and set aside grades that no inspection gave: a grade asked
// about, denied ("had not been judged good") or said of other authorities.

var (
	// overallAfter is "overall" after a grade: "good overall".
	overallAfter = lazy(`(?i)^[\s'’"”]*overall\b`)
	// everyAreaAfter is "in every area" after a grade.
	everyAreaAfter = lazy(`(?i)^[\s'’"”]*(?:in|across)\s+(?:every|all|each\s+of\s+the\s+\w+|all\s+\w+)\s+(?:areas?|judgements?)\b`)
	// leadershipAfter is "leadership" after a grade: "outstanding
	// leadership" is the impact of leaders.
	leadershipAfter = lazy(`(?i)^[\s'’"”]*leadership\b`)
	// judgedBefore is a verb of judging just before a grade, with what it
	// judged between them: "judged the service to", "found them",
	// "had been judged", "judged Norfolk's children's services to be".
	judgedBefore = lazy(`(?i)\b(?:judged|rated|graded|found|assessed)\s+((?:[\p{L}’'-]+\s+){0,5}?)(?:to\s+be\s+|to\s+|as\s+(?:being\s+)?)?[‘'"“]?$`)
	// serviceWords name the service as a whole, or the council.
	serviceWords = lazy(`(?i)^(?:(?:the|its|their|our|this)\s+)?(?:(?:council|authority|local\s+authority|county(?:\s+council)?|city(?:\s+council)?|borough(?:\s+council)?)['’]s\s+)?(?:children['’]s\s+)?(?:social\s+care\s+)?(?:services?|council|authority|local\s+authority|county\s+council|predecessor\s+(?:county\s+)?council|them|it)$`)
	// judgedNegated is a grade denied: "had not been judged good".
	judgedNegated = lazy(`(?i)\b(?:not|never|no\s+longer)\s+(?:(?:have|has|had|be|been|being)\s+)*(?:judged|rated|graded|found)?\s*(?:to\s+be\s+|as\s+)?$`)
	// otherAuthorities is a grade said of authorities in general:
	// "authorities previously judged good or outstanding".
	otherAuthorities = lazy(`(?i)\b(?:authorities|councils|areas|other\s+(?:local\s+)?authorities)\s+(?:(?:that|which|who)\s+(?:are|were|have\s+been|had\s+been)\s+)?(?:previously\s+|already\s+|currently\s+)?(?:judged|rated|graded)\s+(?:as\s+|to\s+be\s+)?$`)
	// subjectStart ends the clause before a verb of judging.
	subjectStart = lazy(`(?i)(?:^|[,;:]\s|\bthat\s|\bwhich\s|\band\s|\bwhere\s|\bwhen\s)`)
	// subjectVerb is what stands between a clause's subject and "judged".
	subjectVerb = lazy(`(?i)(?:^|\s+)(?:had|has|have|having|was|were|is|are|be|been|being|also|previously|now|again|both|all|\s)*$`)
	// datedAfter dates a grade named as a noun: "the inadequate judgement
	// given in 2018", "of 2019", "the good judgement the council had
	// received in 2019", "at the last inspection".
	datedAfter = lazy(`(?i)^[\s'’"”]*(?:judgement|judgment|rating|grade)s?\s+(?:[\p{L}’']+\s+){0,5}?(?:in|of|from|at)\s+(?:(?:19|20)\d\d|the\s+(?:last|previous|earlier)\b)`)
)

// clauseJudgements binds the grades of a sentence that the area-by-area
// reading (bound, from sentenceJudgements) left unbound, and drops the
// grades no inspection gave. authority is the council's name ("North
// Yorkshire"), which minutes use as the subject of a grade.
func clauseJudgements(text string, bound []proseJudgement, authority string) []proseJudgement {
	byEnd := map[int]proseJudgement{}
	for _, j := range bound {
		byEnd[j.gradeEnd] = j
	}
	var out []proseJudgement
	var prev *proseJudgement
	for _, gl := range gradeRE.FindAllStringIndex(text, -1) {
		before, after := text[:gl[0]], text[gl[1]:]
		if given := !deniedGrade(text, before, gl[0]); !given {
			continue
		}
		if j, ok := byEnd[gl[1]]; ok {
			for _, b := range bound {
				if b.gradeEnd == gl[1] {
					out = append(out, b)
				}
			}
			prev = &j
			continue
		}
		g, _ := ParseGrade(text[gl[0]:gl[1]])
		area, rule := corpus.Area(""), ""
		switch {
		case leadershipAfter.MatchString(after):
			area, rule = corpus.ImpactOfLeaders, "judgement.leadership"
		case overallAfter.MatchString(after), everyAreaAfter.MatchString(after):
			area, rule = corpus.OverallEffectiveness, "judgement.grade-overall"
		case datedAfter.MatchString(after) && nounBefore(before):
			area, rule = corpus.OverallEffectiveness, "judgement.grade-noun"
			if prev != nil {
				area = prev.area
			}
		case judgedService(before, authority, prev != nil):
			area, rule = corpus.OverallEffectiveness, "judgement.service-grade"
			if prev != nil && strings.HasSuffix(strings.TrimSpace(strings.ToLower(before)), "them") {
				area = prev.area
			}
		}
		if area == "" {
			continue
		}
		j := proseJudgement{area: area, grade: g, previous: isPrevious(text, gl[0]), inspection: corpus.ILACS, rule: rule, gradeEnd: gl[1]}
		if j.previous && earlyYear(text) || sifRE.MatchString(text) {
			j.inspection = corpus.SIF
		}
		out = append(out, j)
		prev = &out[len(out)-1]
	}
	for i := range out {
		if atPrevious.MatchString(text[out[i].gradeEnd:]) {
			out[i].previous = true
		}
	}
	previousByYear(text, out)
	return out
}

// atPrevious dates a grade to an earlier inspection named after it:
// "judged outstanding at the previous inspections in 2015 and 2018".
var atPrevious = lazy(`(?i)^[\s'’"”]*(?:overall\s+)?(?:at|in|during|following)\s+(?:the|its|their)\s+(?:last|previous|prior|earlier)\s+(?:(?:full|ofsted|ilacs|sif|standard)\s+)?inspections?\b`)

// deniedGrade reports whether the grade at byte g is no grade given: denied,
// said of other authorities, or asked about in a question.
func deniedGrade(text, before string, g int) bool {
	if judgedNegated.MatchString(before) || otherAuthorities.MatchString(before) {
		return true
	}
	q, ok := findQuestion(text)
	if !ok || q.verb > g || q.response || q.within {
		return false
	}
	// A grade after a question's verb is asked about, unless an answer
	// begins between them.
	if a, ok := findAnswer(text, q.end); ok && a.verb < g {
		return false
	}
	return true
}

// nounBefore reports whether a grade used as a noun's modifier is a
// judgement named ("the inadequate judgement", "an outstanding rating",
// "its requires improvement grade"), not a grade in general ("a good
// judgement call").
func nounBefore(before string) bool {
	b := strings.ToLower(strings.TrimRight(before, " '‘\"“"))
	for _, w := range []string{" the", " an", " a", " its", " their", " consecutive", " previous", " last", " current"} {
		if strings.HasSuffix(" "+b, w) {
			return true
		}
	}
	return false
}

// judgedService reports whether a verb of judging before a grade has the
// service, the council or the authority as what it judged: its object
// ("judged the service to require improvement") or its subject ("the
// council had been judged good", "North Yorkshire had been judged
// outstanding"). A clause with no subject of its own ("having been judged
// inadequate in 2015") continues a sentence that has stated a grade.
func judgedService(before, authority string, stated bool) bool {
	m := judgedBefore.FindStringSubmatchIndex(before)
	if m == nil {
		return false
	}
	if obj := strings.TrimSpace(before[m[2]:m[3]]); obj != "" {
		return serviceWords.MatchString(obj) || authorityNamed(obj, authority)
	}
	clause := before[:m[0]]
	if locs := subjectStart.FindAllStringIndex(clause, -1); len(locs) > 0 {
		clause = clause[locs[len(locs)-1][1]:]
	}
	subject := strings.TrimSpace(subjectVerb.ReplaceAllString(clause, ""))
	switch {
	case subject == "":
		return stated
	case serviceWords.MatchString(subject), authorityNamed(subject, authority):
		return true
	}
	return false
}

// authorityNamed reports whether s names the authority, or its services:
// "North Yorkshire", "Herefordshire's children's services".
func authorityNamed(s, authority string) bool {
	if authority == "" {
		return false
	}
	s = strings.TrimPrefix(strings.TrimSpace(s), "the ")
	a := strings.ToLower(authority)
	l := strings.ToLower(s)
	return l == a || strings.HasPrefix(l, a+"'s ") || strings.HasPrefix(l, a+"’s ") || l == a+" council" || l == a+" county council"
}

// previousByYear marks as previous the judgements of a sentence that a
// year dates earlier than another of its judgements: "judged good at its
// inspection in 2022, having been judged inadequate in 2015".
func previousByYear(text string, js []proseJudgement) {
	if len(js) < 2 {
		return
	}
	years := make([]string, len(js))
	latest := ""
	for i, j := range js {
		years[i] = yearNear(text, j.gradeEnd)
		if years[i] > latest {
			latest = years[i]
		}
	}
	for i := range js {
		if years[i] != "" && years[i] < latest {
			js[i].previous = true
		}
	}
}

// yearNear is the year that dates the grade ending at byte end: the first
// after it in its clause, before the next grade, or else the last in the
// words before it.
func yearNear(text string, end int) string {
	after := text[end:min(len(text), end+60)]
	if g := gradeRE.FindStringIndex(after); g != nil {
		after = after[:g[0]]
	}
	if y := yearRE.FindString(after); y != "" {
		return y
	}
	start := max(0, end-90)
	if ys := yearRE.FindAllString(text[start:end], -1); len(ys) > 0 {
		return ys[len(ys)-1]
	}
	return ""
}
