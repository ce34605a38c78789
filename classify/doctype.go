package classify

import (
	"strings"

	"scrutiny/corpus"
)

// Ofsted's reports and letters announce themselves on their first page:
// the title of the inspection and its inspectors, or Ofsted's letterhead.
var (
	ofstedTitle = lazy(`(?is)inspection\s+of\s+(?:\S.{1,80}?\s+)?local\s+authority\s+children['’]s\s+services|inspection\s+of\s+children['’]s\s+social\s+care\s+services|inspection\s+of\s+\S.{1,60}?\s+(?:children\s+and\s+families\s+trust|children['’]s\s+(?:services\s+)?trust)|inspection\s+of\s+services\s+for\s+children\s+in\s+need\s+of\s+help\s+and\s+protection|(?:focused|monitoring)\s+visit\s+(?:to|of)\s+\S.{1,80}?children['’]s\s+services|joint\s+targeted\s+area\s+inspection\s+of\s+the\s+multi-agency|(?m:^\s*judgements?\s+grades?\s*$)`)
	ofstedSign  = lazy(`(?i)inspection\s+dates?:|lead\s+inspector|(?:his|her)\s+majesty['’]s\s+inspectors?|\bHMI\b|enquiries@ofsted\.gov\.uk|www\.gov\.uk/ofsted|report\s+published:`)
	// reportTitleLine and reportDatesLine are the head of any inspection
	// report, whatever it names: "Inspection of Slough Children First",
	// then "Inspection dates: 7 to 18 June 2021".
	reportTitleLine = lazy(`(?i)^\s*(?:re-?)?inspection\s+of\s+\S`)
	reportDatesLine = lazy(`(?i)^\s*inspection\s+dates?\s*:`)
	minutesSign     = lazy(`(?im)^\s*minutes\b|^\s*agenda\s+item\s*$|\bresolved\b|^\s*(?:members\s+|officers\s+|officials\s+|also\s+)?(?:present|in\s+attendance)\b[^:\n]{0,25}:|\bapologies\s+(?:for\s+absence|were\s+received)|\bcouncillors?\s+\p{Lu}\w+\s+(?:asked|queried|raised|commented)|^\s*minutes:\s*$|\b(?:proposed|seconded)\s+by\b|\bmotion\s+carried\b`)
	reportSign      = lazy(`(?im)^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:recommendations?|purpose\s+of\s+(?:the\s+)?report|executive\s+summary)\s*:?\s*$|\breport\s+of\s+the\b|^\s*\d*\.?\s*financial\s+implications|background\s+papers|electoral\s+divisions?|it\s+is\s+recommended\s+that|\b(?:cabinet|committee|council)\s+report\b|\breport\s+to\s+(?:the\s+)?(?:cabinet|committee|council|panel|board)\b|^\s*\d*\.?\s*legal\s+implications`)
)

// DetectType says what a document is from its text. Council papers quote
// Ofsted's titles and tables, but under their own headings: an agenda
// item or minutes before the title make the document minutes.
func DetectType(text string) corpus.DocType {
	if strings.IndexByte(text, '*') >= 0 {
		text = strings.ReplaceAll(text, "*", "") // Markdown emphasis
	}
	head := text[:min(len(text), 3000)]
	if t := ofstedTitle.FindStringIndex(head); t != nil && ofstedSign.MatchString(head) && !minutesSign.MatchString(head[:t[0]]) {
		return corpus.OfstedReport
	}
	if t := reportHead(head); t >= 0 && !minutesSign.MatchString(head[:t]) {
		return corpus.OfstedReport
	}
	m := len(minutesSign.FindAllStringIndex(text[:min(len(text), 60000)], 12))
	r := len(reportSign.FindAllStringIndex(text[:min(len(text), 60000)], 12))
	switch {
	case m >= 2 && m >= r:
		return corpus.Minutes
	case r >= 2:
		return corpus.CouncilReport
	case m >= 1:
		return corpus.Minutes
	}
	return corpus.OtherDoc
}

// reportHead returns where an inspection report's title begins when the
// text opens as one: a title "Inspection of ..." and, under it, the
// inspection's dates, among the first fifteen lines. It returns -1
// otherwise.
func reportHead(head string) int {
	title, n := -1, 0
	for _, l := range layoutLines(head, 0, len(head)) {
		if l.blank() {
			continue
		}
		if n++; n > 15 {
			break
		}
		switch {
		case title < 0 && reportTitleLine.MatchString(l.text):
			title = l.start
		case title >= 0 && reportDatesLine.MatchString(l.text):
			return title
		}
	}
	return -1
}
