package extract

import (
	"strconv"
	"strings"

	"scrutiny/corpus"
	"scrutiny/internal/lazyre"
)

// Items splits a document's text into agenda items (minutes) or sections
// (reports). It recognises, in order of preference:
//   - a ModernGov agenda-item page ("Agenda item", the title, "Minutes:",
//     ... "Supporting documents:"), which is one item;
//   - numbered minutes ("84. Apologies (Item 1)") and numbered report
//     sections ("1. The Inspection"), whose numbers rise;
//   - Markdown headings;
//   - an Ofsted report's or letter's section headings (sections.go).
//
// Text before the first heading becomes an item of its own when it holds
// more than a title. A text with no recognisable headings is one item,
// titled by its first line.
func Items(text string, pages []corpus.Page) []corpus.Item {
	lines := Lines(text)
	var items []corpus.Item
	headed := false // the first item starts at a heading of its own
	switch {
	case isModernGovItem(lines):
		items = modernGovItem(text, lines)
		headed = true
	case ofstedSections(lines, text) != nil:
		items = itemsFromHeadings(text, lines, ofstedSections(lines, text))
		if t := ofstedTitle(lines); t != "" && items[0].Start == 0 {
			items[0].Title = t
		}
	default:
		heads := numberedHeadings(lines)
		if len(heads) < 2 {
			heads = markdownHeadings(lines)
		}
		items = itemsFromHeadings(text, lines, heads)
		headed = len(heads) > 0 && len(items) == len(heads) && items[0].Label == heads[0].label && heads[0].label != ""
	}
	for i := range items {
		items[i].Number = i + 1
		items[i].Page = corpus.PageAt(pages, items[i].Start)
		items[i].Title = strings.Join(strings.Fields(emphasis.Replace(items[i].Title)), " ")
		// A document's title ("MINUTES") names no agenda item: only items
		// cut at headings can be procedural.
		whole := len(items) == 1 || (i == 0 && items[i].Label == "" && items[i].Start == 0 && !headed)
		items[i].Procedural = !whole && IsProcedural(items[i].Title)
	}
	return items
}

// heading is a line (or lines) that opens an item.
type heading struct {
	line  int // index of the first line
	label string
	title string
}

// isModernGovItem reports whether the text is a ModernGov agenda-item
// page: "Agenda item" opens it, perhaps after a few lines of the site's
// furniture (its name, a menu), and a "Minutes:" line follows.
func isModernGovItem(lines []Line) bool {
	seen := 0
	for i, l := range lines {
		if l.Blank() {
			continue
		}
		if strings.EqualFold(strings.TrimSpace(l.Text), "Agenda item") {
			return seen == 0 || hasMinutesLine(lines[i:])
		}
		if seen++; seen > 12 {
			return false
		}
	}
	return false
}

// hasMinutesLine reports whether a line reads "Minutes:".
func hasMinutesLine(lines []Line) bool {
	for _, l := range lines {
		if strings.EqualFold(strings.TrimSpace(l.Text), "Minutes:") {
			return true
		}
	}
	return false
}

// modernGovItem reads a ModernGov agenda-item page: its title is the first
// line after "Agenda item", with the lines that continue it (a title wraps
// in PDF), and the item ends before "Supporting documents:".
func modernGovItem(text string, lines []Line) []corpus.Item {
	it := corpus.Item{Start: 0, End: len(text)}
	seenMarker, inTitle := false, false
	for _, l := range lines {
		t := strings.TrimSpace(l.Text)
		switch {
		case t == "":
			inTitle = false
		case !seenMarker:
			seenMarker = strings.EqualFold(t, "Agenda item")
		case it.Title == "":
			it.Title, inTitle = t, true
			if m := leadingNumber.FindStringSubmatch(t); m != nil {
				it.Label = m[1]
			}
		case inTitle && !strings.EqualFold(t, "Minutes:"):
			it.Title += " " + t
		case strings.EqualFold(t, "Supporting documents:"):
			it.End = l.Start
		}
	}
	return []corpus.Item{it}
}

var (
	leadingNumber = lazyre.New(`^(\d{1,4}(?:\.\d{1,3})?)[.)]?\s+`)
	// numbered matches a heading line: a number, then a title. The number
	// may be glued to a capitalised title ("8.Question submitted by"),
	// carry the year of the municipal series ("24/15 Minutes"), or follow
	// the word "Minute" ("Minute 12 Apologies").
	numbered = lazyre.New(`^\s{0,16}((?i:minute\s+)?(?:\d{1,4}/)?(\d{1,4}))(?:[.)]\s*|\.?\)?\s+)(\S.{1,150})$`)
	// itemSuffix is the agenda number some minutes print after a title:
	// "Apologies for Absence - Agenda Item 1".
	itemSuffix = lazyre.New(`(?i)\s+[-–]\s+(?:agenda\s+)?item\s+\d{1,3}[a-z]?\s*$`)
	itemMarker = lazyre.New(`(?i)^\s*\(\s*(?:agenda\s+)?item\s+[\dA-Z]+[a-z]?\s*\)\s*$|\(\s*(?:agenda\s+)?item\s+[\dA-Z]+[a-z]?\s*\)\s*$`)
	dateTitle  = lazyre.New(`^(?i:January|February|March|April|May|June|July|August|September|October|November|December)\b`)
	markdownH  = lazyre.New(`^\s{0,3}(#{1,3})\s+(.+?)\s*#*\s*$`)
	// tocEntry is a line of a table of contents: a title, a run of spaces
	// or dots, and a page number.
	tocEntry = lazyre.New(`(?:\s{3,}|\.{3,}\s*)\d{1,4}\s*$`)
	// titleStart is how a heading's title begins: a capital, a quote or
	// bracket, or (after an "(Item N)" marker) a reference number.
	titleStart = lazyre.New(`^[\p{Lu}(“"'‘]`)
	emphasis   = strings.NewReplacer("**", "", "__", "")
)

// candidate is a line that may open an item, with how sure the layout is.
type candidate struct {
	heading
	n      int
	strong bool // an "(Item N)" marker, a line in bold, or a title in capitals
}

// numberedHeadings finds headings numbered with whole numbers. A numbered
// line is a candidate when it is short and reads as a title (no closing
// full stop, no sentence running on), or when an "(Item N)" marker follows
// it, as Kent's minutes print. Of the candidates, the headings are the
// heaviest chain whose numbers rise (strong candidates weigh more), which
// passes over tables of contents and numbered paragraphs; a strong
// candidate out of order ("46" printed between "37" and "38") is kept too.
func numberedHeadings(lines []Line) []heading {
	var cands []candidate
	wide := corpus.FullWidth(lines)
	for i, l := range lines {
		c, ok := numberedCandidate(lines, i, l, wide)
		if ok {
			cands = append(cands, c)
		}
	}
	chosen := risingChain(cands)
	used := map[int]bool{}
	for _, k := range chosen {
		used[cands[k].n] = true
	}
	var heads []heading
	ci := 0
	for k, c := range cands {
		inChain := ci < len(chosen) && chosen[ci] == k
		if inChain {
			ci++
		}
		if inChain || (c.strong && !used[c.n] && len(chosen) >= 3) {
			used[c.n] = true
			heads = append(heads, c.heading)
		}
	}
	return heads
}

// numberedCandidate reads line i as a numbered heading, if it is one. wide
// is the width of a full line of the text.
func numberedCandidate(lines []Line, i int, l Line, wide int) (candidate, bool) {
	raw := l.Text
	bold := strings.HasPrefix(strings.TrimSpace(raw), "**")
	text := emphasis.Replace(raw)
	m := numbered.FindStringSubmatch(text)
	if m == nil || tocEntry.MatchString(text) {
		return candidate{}, false
	}
	n, _ := strconv.Atoi(m[2])
	label := m[1]
	if strings.HasPrefix(strings.ToLower(label), "minute") {
		label = m[2]
	}
	title := strings.TrimSpace(m[3])
	marked := itemMarker.MatchString(title) || itemSuffix.MatchString(title) || label != m[2]
	title = itemSuffix.ReplaceAllString(title, "")
	first, firstJ := title, i+1
	// Title lines may wrap; an "(Item N)" marker may end them.
	j := i + 1
	for ; j < len(lines) && j <= i+3; j++ {
		nt := strings.TrimSpace(emphasis.Replace(lines[j].Text))
		if nt == "" {
			break
		}
		if itemMarker.MatchString(nt) {
			marked = true
			j++
			break
		}
		if marked || len(title) > 160 {
			break
		}
		if bold {
			break
		}
		// A continuation of the title: the title so far does not end a
		// sentence, and the next line is not itself numbered.
		if strings.HasSuffix(title, ".") || numbered.MatchString(lines[j].Text) {
			break
		}
		// A title in capitals goes on in capitals.
		if isCapitals(title) && !isCapitals(nt) {
			break
		}
		title += " " + nt
	}
	if bold {
		title = boldContinuation(lines, j, title)
	}
	if title != first && !looksLikeTitle(title) && looksLikeTitle(first) && len(strings.TrimSpace(raw)) < wide*7/10 {
		// A short title line that stops well short of the margin did not
		// wrap: what follows it is the item's first paragraph, set
		// straight under the heading.
		title, j = first, firstJ
	}
	if !marked && (!titleStart.MatchString(title) || !(looksLikeTitle(title) || bold && boldTitle(title)) || dateTitle.MatchString(title)) {
		return candidate{}, false
	}
	if !marked && !bold && j < len(lines) && !lines[j].Blank() && !startsNewBlock(lines[j].Text) {
		// A title runs straight into a paragraph only in minutes that
		// mark items; otherwise this is a numbered paragraph.
		if !looksLikeTitle(strings.TrimSpace(m[3])) {
			return candidate{}, false
		}
	}
	title = strings.TrimSpace(itemMarker.ReplaceAllString(title, ""))
	strong := marked || bold || isCapitals(title)
	return candidate{heading{line: i, label: label, title: title}, n, strong}, true
}

// boldContinuation extends a bold title that leaves a bracket open with
// the bold line after it, past a blank line: conversions that double-space
// lines print a wrapped bold title so.
func boldContinuation(lines []Line, j int, title string) string {
	if strings.Count(title, "(") <= strings.Count(title, ")") {
		return title
	}
	for ; j < len(lines) && lines[j].Blank(); j++ {
	}
	if j < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[j].Text), "**") {
		title += " " + strings.TrimSpace(emphasis.Replace(lines[j].Text))
	}
	return title
}

// boldTitle reports whether a title set in bold reads as a heading: bold
// marks it out, so only a sentence's full stop or great length rule it out.
func boldTitle(s string) bool {
	return len(s) <= 200 && !strings.HasSuffix(s, ".")
}

// risingChain returns the indexes of the candidates forming the heaviest
// chain of rising numbers, each at most 40 above the one before: a
// weighted longest increasing subsequence.
func risingChain(cs []candidate) []int {
	if len(cs) == 0 {
		return nil
	}
	weight := func(c candidate) int {
		if c.strong {
			return 2
		}
		return 1
	}
	best := make([]int, len(cs))
	prev := make([]int, len(cs))
	top := 0
	for k, c := range cs {
		best[k], prev[k] = weight(c), -1
		for j := 0; j < k; j++ {
			if cs[j].n < c.n && c.n <= cs[j].n+40 && best[j]+weight(c) > best[k] {
				best[k], prev[k] = best[j]+weight(c), j
			}
		}
		if best[k] > best[top] {
			top = k
		}
	}
	var out []int
	for k := top; k >= 0; k = prev[k] {
		out = append(out, k)
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

// isCapitals reports whether a title is set in capitals, as minutes print
// their item headings ("AUDIT COMMISSION INTERIM REPORT").
func isCapitals(s string) bool { return corpus.CapitalLetters(s) >= 6 }

// looksLikeTitle reports whether s reads as a heading rather than the
// first line of a numbered paragraph: short, not ending a sentence, and
// without the little words that run prose on.
func looksLikeTitle(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 120 {
		return false
	}
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, ",") || strings.HasSuffix(s, ";") {
		return false
	}
	return len(strings.Fields(s)) <= 16
}

func startsNewBlock(s string) bool {
	s = strings.TrimSpace(s)
	return s == "" || bullet.MatchString(s) || strings.HasPrefix(s, "RESOLVED") || strings.HasPrefix(s, "(")
}

var bullet = lazyre.New(`^(?:[-•·▪◼■●○◦*–]|\d{1,2}[.)]|\(?[a-z]{1,3}\))\s`)

func markdownHeadings(lines []Line) []heading {
	var heads []heading
	for i, l := range lines {
		if m := markdownH.FindStringSubmatch(l.Text); m != nil {
			heads = append(heads, heading{line: i, title: m[2]})
		}
	}
	return heads
}

// itemsFromHeadings cuts the text at the headings.
func itemsFromHeadings(text string, lines []Line, heads []heading) []corpus.Item {
	first := firstLine(lines)
	if len(heads) == 0 {
		return []corpus.Item{{Title: first, Start: 0, End: len(text)}}
	}
	var items []corpus.Item
	if pre := lines[heads[0].line].Start; strings.Count(strings.TrimSpace(text[:pre]), "\n") > 1 {
		items = append(items, corpus.Item{Title: first, Start: 0, End: pre})
	}
	for k, h := range heads {
		it := corpus.Item{Label: h.label, Title: h.title, Start: lines[h.line].Start, End: len(text)}
		if k == 0 && len(items) == 0 {
			it.Start = 0
			if first != "" && !strings.Contains(h.title, first) && lines[h.line].Start > 0 {
				// A one-line preamble (the document's title) joins the
				// first item without renaming it.
				it.Start = 0
			}
		}
		if k+1 < len(heads) {
			it.End = lines[heads[k+1].line].Start
		}
		items = append(items, it)
	}
	return items
}

// firstLine is the first line that reads as text: not a rule ("---") or
// a line that only holds a link.
func firstLine(lines []Line) string {
	for _, l := range lines {
		t := strings.TrimSpace(emphasis.Replace(l.Text))
		if t == "" || strings.Trim(t, "-") == "" || linkOnly.MatchString(t) {
			continue
		}
		return strings.TrimLeft(t, "# ")
	}
	return ""
}

var linkOnly = lazyre.New(`^\[[^\]]*\]\([^)]*\)$`)

var procedural = lazyre.New(`(?i)\b(?:apologies|substitut(?:e|es|ions)|(?:declarations?|disclosures?) of (?:\w+ )*interests?|disclosable pecuniary|minutes of (?:the )?(?:previous|last) meeting|^minutes\b|confirmation of (?:the )?minutes|approval of (?:the )?minutes|urgent (?:\w+ )?(?:business|items?)|exclusion of (?:the )?(?:press|public)|exempt items?|any other business|date of (?:the )?next meeting|(?:chair(?:man)?|mayor)['’]?s? announcements|welcome and introductions?|membership|election of (?:the )?(?:chair|vice)|appointment of (?:the )?(?:chair|vice))`)

// IsProcedural reports whether an item title names a procedural item, one
// researchers usually filter out.
func IsProcedural(title string) bool {
	return procedural.MatchString(title)
}
