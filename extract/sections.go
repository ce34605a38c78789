package extract

import (
	"strings"

	"scrutiny/internal/lazyre"
)

// Ofsted's reports and letters are set out under a small, stable set of
// headings, framework by framework: "What needs to improve?", "The
// experiences and progress of children in care: good", "Information about
// this inspection", the single inspection framework's "Children who need
// help and protection" and "Leadership, management and governance", a
// focused visit's "Headline findings" and "Main findings". They, not
// numbered paragraphs or the rows of a judgement table, are a report's
// sections.
var (
	// ofstedHead marks an Ofsted report or letter by its first page.
	ofstedHead = lazyre.New(`(?i)inspection\s+dates?\s*:|lead\s+inspector|enquiries@ofsted\.gov\.uk|www\.gov\.uk/ofsted|\b(?:focused|monitoring)\s+visit\s+(?:to|of)\b|joint\s+targeted\s+area\s+inspection|inspection\s+of\s+services\s+for\s+children\s+in\s+need`)
	// minutesHead marks council papers that quote a report's headings.
	minutesHead = lazyre.New(`(?im)^\s*(?:agenda\s+item|minutes\b|present\s*:)`)

	sectionTitle = lazyre.New(`(?i)^(?:\d{1,2}\.?\s+)?(?:` + strings.Join([]string{
		`what\s+needs\s+to\s+improve(?:\s+in\s+this\s+area(?:\s+of\s+(?:social\s+work\s+)?practice)?)?`,
		`what\s+does\s+the\s+(?:local\s+authority|lscb|local\s+safeguarding\s+children\s+board)\s+need\s+to\s+improve`,
		`(?:the\s+)?experiences?\s+and\s+progress\s+of\s+[^:.?]{3,90}`,
		`(?:the\s+)?impact\s+of\s+leaders\s+on\s+social\s+work\s+practice(?:\s+with\s+children\s+and\s+families)?`,
		`overall\s+effectiveness`,
		`information\s+about\s+(?:this|the)\s+(?:inspection|visit|review)`,
		`executive\s+summary`,
		`summary\s+(?:of\s+(?:findings|judgements)|for\s+children\s+and\s+young\s+people)`,
		`recommendations`,
		`areas?\s+(?:for|of)\s+(?:priority\s+action|improvement)`,
		`(?:headline|main|key)\s+findings`,
		`findings`,
		`next\s+steps`,
		`key\s+strengths`,
		`what\s+is\s+working\s+well`,
		`children\s+who\s+need\s+help\s+and\s+protection`,
		`children\s+looked\s+after\s+and\s+achieving\s+permanence`,
		`adoption\s+performance`,
		`leadership,?\s+management\s+and\s+governance`,
		`(?:review\s+of\s+the\s+effectiveness\s+of\s+)?the\s+local\s+safeguarding\s+children\s+board(?:\s+\(lscb\))?`,
		`the\s+local\s+authority`,
		`local\s+leadership`,
		`child\s+protection\s+in\s+this\s+area`,
		`children\s+looked\s+after\s+in\s+this\s+area`,
		`contents`,
	}, "|") + `)\s*(?::\s*(?:requires\s+improvement(?:\s+to\s+be\s+good)?|good|outstanding|inadequate)\s*)?[?:.]?\d{0,2}\s*$`)
)

// ofstedSections returns the headings of an Ofsted report or letter, or
// nil when the text is not one. A heading stands at the margin after a
// blank line or a page break, alone on its line or wrapped onto a second
// ("The experiences and progress of children who need help and" /
// "protection: requires improvement to be good").
func ofstedSections(lines []Line, text string) []heading {
	head := text[:min(len(text), 3000)]
	if !ofstedHead.MatchString(head) || minutesHead.MatchString(head[:min(len(head), 400)]) {
		return nil
	}
	var heads []heading
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.Blank() || l.Indent() > 2 || !startsBlock(lines, i, text) {
			continue
		}
		t := strings.TrimSpace(l.Text)
		// Lines set in columns are the rows of a table (the judgement
		// table) or of a list of contents ("The local authority    5"),
		// not headings.
		if len(t) > 110 || strings.Contains(t, "   ") {
			continue
		}
		// The heading alone on its line, or wrapped onto the next: the
		// first reading that stands apart from what follows wins.
		title, used := "", 0
		for n := 1; n <= 2 && i+n <= len(lines); n++ {
			cand := t
			if n == 2 {
				if lines[i+1].Blank() {
					break
				}
				next := strings.TrimSpace(lines[i+1].Text)
				if strings.Contains(next, "   ") {
					break
				}
				cand = t + " " + next
			}
			if len(cand) <= 170 && sectionTitle.MatchString(cand) && !endsMidPhrase(cand) && standsApart(lines, i+n) {
				title, used = cand, n
				break
			}
		}
		if used == 0 {
			continue
		}
		heads = append(heads, heading{line: i, title: strings.TrimRight(title, "0123456789 ")})
		i += used - 1
	}
	if len(heads) < 2 {
		return nil
	}
	return heads
}

// standsApart reports whether line j, the one after a heading, is blank,
// a list entry, a numbered paragraph or a new sentence: not the rest of a
// sentence that happens to begin like a heading.
func standsApart(lines []Line, j int) bool {
	if j >= len(lines) || lines[j].Blank() {
		return true
	}
	next := strings.TrimSpace(lines[j].Text)
	return startsNewBlock(next) || startsWithUpper(next)
}

// endsMidPhrase reports whether a line stops on a word that cannot end a
// heading ("The experiences and progress of children in care and"): the
// heading, or the table row, goes on below.
func endsMidPhrase(s string) bool {
	f := strings.Fields(strings.ToLower(s))
	switch f[len(f)-1] {
	case "and", "or", "of", "with", "the", "to", "in", "for", "on", "who", "&":
		return true
	}
	return false
}

// startsBlock reports whether line i opens a block: it is the text's
// first line, or follows a blank line or a page break.
func startsBlock(lines []Line, i int, text string) bool {
	if i == 0 {
		return true
	}
	if lines[i-1].Blank() {
		return true
	}
	s := lines[i].Start
	return s > 0 && text[s-1] == '\f'
}

func startsWithUpper(s string) bool {
	for _, r := range s {
		return r >= 'A' && r <= 'Z' || r == '“' || r == '‘' || r == '"'
	}
	return false
}

// reportTitle matches the line that opens a report's or letter's title.
var reportTitle = lazyre.New(`(?i)^(?:(?:re-?)?inspection\s+of\s+\S|(?:focused|monitoring)\s+visit\s+(?:to|of)\s+\S|joint\s+targeted\s+area\s+inspection)`)

// ofstedTitle returns the title of an Ofsted report or letter: "Inspection
// of Barnsley local authority children’s services", "Focused visit to
// London Borough of Bexley children’s services", with the lines it wraps
// onto. A letter's first line is Ofsted's letterhead, not its title.
func ofstedTitle(lines []Line) string {
	for i, l := range lines[:min(len(lines), 80)] {
		t := strings.TrimSpace(l.Text)
		if !reportTitle.MatchString(t) || strings.Contains(t, "   ") {
			continue
		}
		for j := i + 1; j < len(lines) && j <= i+2 && !lines[j].Blank(); j++ {
			next := strings.TrimSpace(lines[j].Text)
			if reportDate.MatchString(next) || strings.Contains(next, "   ") {
				break
			}
			t += " " + next
			if strings.HasSuffix(strings.ToLower(t), "services") {
				break
			}
		}
		t = strings.TrimSuffix(t, " and")
		// Reports of 2014 to 2020 put the authority on the line above a
		// title that does not name it ("Devon County Council" /
		// "Inspection of children’s social care services").
		if !namesPlace.MatchString(t) {
			// The name may itself wrap ("Royal Borough of Kingston upon" /
			// "Thames"): take the run of short lines just above.
			var name []string
			for k := i - 1; k >= 0 && k >= i-3; k-- {
				p := strings.TrimSpace(lines[k].Text)
				if p == "" {
					if len(name) > 0 {
						break
					}
					continue
				}
				if len(p) >= 70 || strings.Contains(p, "   ") {
					break
				}
				name = append([]string{p}, name...)
			}
			if len(name) > 0 {
				t = strings.Join(name, " ") + ": " + t
			}
		}
		return t
	}
	return ""
}

// namesPlace matches a title that names its authority.
var namesPlace = lazyre.New(`(?i)\S\s+local\s+authority|visit\s+(?:to|of)\s+\S|inspection\s+of\s+\S+.*\btrust\b|joint\s+targeted`)

var reportDate = lazyre.New(`(?i)^(?:inspection\s+dates?|report\s+published|lead\s+inspector)\b`)
