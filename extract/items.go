package extract

import (
	"regexp"
	"strconv"
	"strings"

	"scrutiny/corpus"
)

// Items splits a document's text into agenda items (minutes) or sections
// (reports). It recognises, in order of preference:
//   - a ModernGov agenda-item page ("Agenda item", the title, "Minutes:",
//     ... "Supporting documents:"), which is one item;
//   - numbered minutes ("84. Apologies (Item 1)") and numbered report
//     sections ("1. The Inspection"), whose numbers rise;
//   - Markdown headings.
//
// Text before the first heading becomes an item of its own when it holds
// more than a title. A text with no recognisable headings is one item,
// titled by its first line.
func Items(text string, pages []corpus.Page) []corpus.Item {
	lines := Lines(text)
	var items []corpus.Item
	switch {
	case isModernGovItem(lines):
		items = modernGovItem(text, lines)
	default:
		heads := numberedHeadings(lines)
		if len(heads) < 2 {
			heads = markdownHeadings(lines)
		}
		items = itemsFromHeadings(text, lines, heads)
	}
	for i := range items {
		items[i].Number = i + 1
		items[i].Page = corpus.PageAt(pages, items[i].Start)
		items[i].Title = strings.Join(strings.Fields(items[i].Title), " ")
		items[i].Procedural = IsProcedural(items[i].Title)
	}
	return items
}

// heading is a line (or lines) that opens an item.
type heading struct {
	line  int // index of the first line
	label string
	title string
}

func isModernGovItem(lines []Line) bool {
	for _, l := range lines {
		if l.Blank() {
			continue
		}
		return strings.EqualFold(strings.TrimSpace(l.Text), "Agenda item")
	}
	return false
}

// modernGovItem reads a ModernGov agenda-item page: its title is the first
// line after "Agenda item", and the item ends before "Supporting documents:".
func modernGovItem(text string, lines []Line) []corpus.Item {
	it := corpus.Item{Start: 0, End: len(text)}
	seenMarker := false
	for _, l := range lines {
		t := strings.TrimSpace(l.Text)
		switch {
		case t == "":
		case !seenMarker:
			seenMarker = true
		case it.Title == "":
			it.Title = t
			if m := leadingNumber.FindStringSubmatch(t); m != nil {
				it.Label = m[1]
			}
		case strings.EqualFold(t, "Supporting documents:"):
			it.End = l.Start
		}
	}
	return []corpus.Item{it}
}

var (
	leadingNumber = regexp.MustCompile(`^(\d{1,4}(?:\.\d{1,3})?)[.)]?\s+`)
	// numbered matches a heading line: a number, then a title that starts
	// with a capital and is short.
	numbered   = regexp.MustCompile(`^\s{0,8}(\d{1,4})\.?\)?\s+([A-Z(“"'‘].{1,150})$`)
	itemMarker = regexp.MustCompile(`(?i)^\s*\(\s*item\s+[\dA-Z]+[a-z]?\s*\)\s*$|\(\s*item\s+[\dA-Z]+[a-z]?\s*\)\s*$`)
	dateTitle  = regexp.MustCompile(`^(?:January|February|March|April|May|June|July|August|September|October|November|December)\b`)
	markdownH  = regexp.MustCompile(`^\s{0,3}(#{1,3})\s+(.+?)\s*#*\s*$`)
)

// numberedHeadings finds headings numbered with whole numbers that rise
// through the document. A numbered line is a heading when it is short and
// reads as a title (no closing full stop, no sentence running on), or when
// an "(Item N)" marker follows it, as Kent's minutes print.
func numberedHeadings(lines []Line) []heading {
	var heads []heading
	last := -1
	for i, l := range lines {
		m := numbered.FindStringSubmatch(l.Text)
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		title := strings.TrimSpace(m[2])
		// Title lines may wrap; an "(Item N)" marker may end them.
		j := i + 1
		marked := itemMarker.MatchString(title)
		for ; j < len(lines) && j <= i+3; j++ {
			nt := strings.TrimSpace(lines[j].Text)
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
			// A continuation of the title: indented like the title's text,
			// and the title so far does not end a sentence.
			if strings.HasSuffix(title, ".") || numbered.MatchString(lines[j].Text) {
				break
			}
			title += " " + nt
		}
		if !marked && (!looksLikeTitle(title) || dateTitle.MatchString(title)) {
			continue
		}
		if !marked && j < len(lines) && !lines[j].Blank() && !startsNewBlock(lines[j].Text) && !marked {
			// A title runs straight into a paragraph only in minutes that
			// mark items; otherwise this is a numbered paragraph.
			if !looksLikeTitle(strings.TrimSpace(lines[i].Text[len(m[0])-len(m[2]):])) {
				continue
			}
		}
		if last >= 0 && (n <= last || n > last+40) {
			continue
		}
		title = itemMarker.ReplaceAllString(title, "")
		heads = append(heads, heading{line: i, label: m[1], title: strings.TrimSpace(title)})
		last = n
	}
	return heads
}

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

var bullet = regexp.MustCompile(`^(?:[-•·▪◼■●○◦*–]|\d{1,2}[.)]|\(?[a-z]{1,3}\))\s`)

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

func firstLine(lines []Line) string {
	for _, l := range lines {
		if t := strings.TrimSpace(l.Text); t != "" {
			return strings.TrimLeft(t, "# ")
		}
	}
	return ""
}

var procedural = regexp.MustCompile(`(?i)\b(?:apologies|substitut(?:e|es|ions)|declarations? of (?:\w+ )*interests?|disclosable pecuniary|minutes of (?:the )?(?:previous|last) meeting|^minutes\b|confirmation of (?:the )?minutes|approval of (?:the )?minutes|urgent (?:business|items?)|exclusion of (?:the )?(?:press|public)|exempt items?|any other business|date of (?:the )?next meeting|(?:chair(?:man)?|mayor)['’]?s? announcements|welcome and introductions?|membership|election of (?:the )?(?:chair|vice)|appointment of (?:the )?(?:chair|vice))`)

// IsProcedural reports whether an item title names a procedural item, one
// researchers usually filter out.
func IsProcedural(title string) bool {
	return procedural.MatchString(title)
}
