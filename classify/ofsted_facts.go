package classify

import (
	"strings"

	"scrutiny/corpus"
)

var (
	focusedTitleRE    = lazy(`(?i)focused\s+visit\s+(?:to|of)\s+(\S[^\n]{0,100}?)\s+children['’]s\s+services`)
	monitoringTitleRE = lazy(`(?i)monitoring\s+visit\s+(?:to|of)\s+(\S[^\n]{0,100}?)\s+(?:local\s+authority\s+)?children['’]s\s+services`)
	jtaiTitleRE       = lazy(`(?i)joint\s+targeted\s+area\s+inspection\s+of\s+the\s+multi-agency`)
	// sifTitleRE is the single inspection framework's title, in its
	// full and re-inspection forms.
	sifTitleRE   = lazy(`(?i)inspection\s+of\s+services\s+for\s+children\s+in\s+need\s+of\s+help\s+and\s+protection`)
	ilacsTitleRE = lazy(`(?i)inspection\s+of\s+(\S[^\n]{0,100}?)\s+local\s+authority\s+children['’]s\s+services|inspection\s+of\s+(\S[^\n]{0,60}?)\s+(?:children['’]s\s+services|children\s+and\s+families\s+trust|children['’]s\s+trust)|inspection\s+of\s+children['’]s\s+social\s+care\s+services`)

	inspectionDatesRE = lazy(`(?i)inspection\s+dates?\s*:\s*([^\n]+)`)
	// visitDatesRE finds a letter's visit dates in its opening sentence:
	// "the findings of a focused visit ... on 13 and 14 February 2025".
	visitDatesRE = lazy(`(?is)(?:findings\s+of\s+(?:the|a|an|our)\s+|visit\s+took\s+place\s+|inspectors\s+visited\s+).{0,200}?\b(?:on|between|from)\s+(\d{1,2}[^.]{0,60}?(?:19|20)\d\d)`)
	// jointDatesRE finds a joint inspection's dates in its opening
	// sentence: "Between 6 and 10 May 2019, Ofsted, the Care Quality
	// Commission ... undertook a joint inspection".
	jointDatesRE  = lazy(`(?im)^\s*between\s+(\d{1,2}[^.]{0,60}?(?:19|20)\d\d)`)
	publishedRE   = lazy(`(?i)(?:report\s+)?published\s*:\s*([^\n]+)`)
	dateLineRE    = lazy(`(?im)^\s*(\d{1,2}(?:st|nd|rd|th)?\s+(?:` + monthNames + `)\s+(?:19|20)\d\d)\s*$`)
	leadRE        = lazy(`(?i)lead\s+inspector\s*:\s*([^\n]+)`)
	inspectorRole = lazy(`(?i)[\s,]*(?:(?:his|her)\s+majesty['’]s\s+inspector|\bHMI\b|ofsted\s+inspector|social\s+care\s+regulatory\s+inspector).*$`)
	signOffRE     = lazy(`(?i)yours?\s+(?:sincerely|faithfully)`)
	salutationRE  = lazy(`(?m)^\s*Dear\s`)
	titleEndRE    = lazy(`(?i)(?:re)?inspection\s+(?:of|dates?\b)`)
	inspectorLine = lazy(`(?i)^\s*(?:(?:his|her)\s+majesty['’]s|lead|senior|regulatory)?\s*inspector\b|^\s*HMI\s*$`)
)

// reportType says what kind of Ofsted document the text is, from its title
// on the first page. An ILACS inspection is refined later, once its
// judgement table and dates are read.
func reportType(head string) (string, corpus.Inspection) {
	switch {
	case focusedTitleRE.MatchString(head):
		return corpus.FocusedVisitLetter, corpus.FocusedVisit
	case monitoringTitleRE.MatchString(head):
		return corpus.MonitoringVisitLetter, corpus.MonitoringVisit
	case jtaiTitleRE.MatchString(head):
		return corpus.JTAILetter, corpus.JTAI
	case sifTitleRE.MatchString(head):
		return corpus.SIFReport, corpus.SIF
	}
	return corpus.ILACSStandard, corpus.ILACS
}

// ilacsType tells a standard ILACS inspection from a short one by its
// length (a short inspection is one week on site, a standard one two) and
// the 2026 layout by its table, which grades no overall effectiveness. An
// inspection before 2026 is never of the 2026 layout: a table read without
// its overall grade is only read in part.
func ilacsType(facts *corpus.InspectionFacts, table []tableJudgement) string {
	read := 0 // judgements read from the table, not from headings
	for _, j := range table {
		if j.rule != "judgement.section-heading" {
			read++
		}
	}
	if y := inspectionYear(facts); read > 0 && !hasArea(table, corpus.OverallEffectiveness) && (y == 0 || y >= 2026) {
		return corpus.ILACS2026
	}
	if d := daysBetween(facts.StartDate, facts.EndDate); d >= 0 && d <= 7 {
		return corpus.ILACSShort
	}
	return corpus.ILACSStandard
}

// inspectionFacts reads the facts a report or letter states: its dates,
// publication date and lead inspector.
func inspectionFacts(text string, typ string, framework corpus.Inspection) *corpus.InspectionFacts {
	f := &corpus.InspectionFacts{Type: typ, Framework: framework}
	head := text[:min(len(text), 4000)]
	if m := inspectionDatesRE.FindStringSubmatch(head); m != nil {
		f.StartDate, f.EndDate = parseDateRange(m[1])
	} else if m := visitDatesRE.FindStringSubmatch(head); m != nil {
		f.StartDate, f.EndDate = parseDateRange(m[1])
	} else if m := jointDatesRE.FindStringSubmatch(head); m != nil {
		f.StartDate, f.EndDate = parseDateRange(m[1])
	}
	if m := publishedRE.FindStringSubmatch(head); m != nil {
		f.PublishedDate, _ = parseDateRange(m[1])
	} else if isLetter(typ) {
		// A letter is dated on the day Ofsted publishes it.
		if m := dateLineRE.FindStringSubmatch(head); m != nil {
			f.PublishedDate, _ = parseDateRange(m[1])
		}
	}
	if m := leadRE.FindStringSubmatch(text); m != nil {
		f.LeadInspector = personName(m[1])
	} else if isLetter(typ) {
		f.LeadInspector = signatory(text)
	}
	return f
}

func isLetter(typ string) bool {
	return typ == corpus.FocusedVisitLetter || typ == corpus.MonitoringVisitLetter || typ == corpus.JTAILetter
}

// personName strips an inspector's title from a name: "Anna Gravelle, His
// Majesty’s Inspector" and "Neil Penswick HMI" are Anna Gravelle and Neil
// Penswick.
func personName(s string) string {
	s = inspectorRole.ReplaceAllString(s, "")
	return strings.Trim(Collapse(s), " ,;:")
}

// signatory returns the name a letter is signed with: the line before the
// signer's title, after "Yours sincerely".
func signatory(text string) string {
	locs := signOffRE.FindAllStringIndex(text, -1)
	if len(locs) == 0 {
		return ""
	}
	tail := text[locs[len(locs)-1][1]:]
	lines := layoutLines(tail, 0, min(len(tail), 600))
	var prev string
	for _, l := range lines {
		t := l.trimmed()
		if t == "" || t == "," {
			continue
		}
		if inspectorLine.MatchString(t) {
			return personName(prev)
		}
		prev = t
	}
	return ""
}

// titleAuthority finds the authority a report names in its title ("Inspection
// of Barnsley local authority children’s services", "Focused visit to
// Dudley MBC children’s services", "York City Council" above a SIF title),
// which is surer than the places its text mentions.
func titleAuthority(text string) (corpus.Authority, bool) {
	head := text[:min(len(text), 2500)]
	for _, re := range []*lazyRE{focusedTitleRE, monitoringTitleRE, ilacsTitleRE} {
		if m := re.FindStringSubmatch(head); m != nil {
			for _, name := range m[1:] {
				if name == "" {
					continue
				}
				if a, ok := corpus.AuthorityNamed(name); ok {
					return a, true
				}
			}
		}
	}
	// A SIF report or an older ILACS report names its council above the
	// title.
	if loc := titleEndRE.FindStringIndex(head); loc != nil && loc[0] > 0 {
		if a, ok := corpus.AuthorityNamed(head[:loc[0]]); ok {
			return a, true
		}
	}
	return corpus.Authority{}, false
}

// ofstedAuthority finds the authority an Ofsted document is about: the one
// in its title or, failing that, the one its text names most, read after
// the letterhead of a letter, which gives Ofsted's own address in
// Manchester.
func ofstedAuthority(text string) (corpus.Authority, bool) {
	if a, ok := titleAuthority(text); ok {
		return a, true
	}
	if loc := salutationRE.FindStringIndex(text[:min(len(text), 3000)]); loc != nil {
		text = text[loc[0]:]
	}
	return corpus.MatchAuthority(text)
}
