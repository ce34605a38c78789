package classify

import (
	"regexp"
	"strings"

	"scrutiny/corpus"
	"scrutiny/extract"
)

// itemMarkerLine is the agenda reference some minutes print under an item's
// heading: "(Item 1)".
var itemMarkerLine = regexp.MustCompile(`(?i)^\s*\(\s*(?:agenda\s+)?item\s+\w+\s*\)\s*$`)

// headingBlocks sets each agenda item's heading apart as a block of its
// own. Layout text from PDFs sets an item's first paragraph straight under
// its heading ("7 Work Programme - Agenda Item 8" and "The Committee
// agreed the work programme." on the next line), which would otherwise
// read as one sentence.
func headingBlocks(text string, bs []Block, items []corpus.Item) []Block {
	if len(items) < 2 {
		return bs
	}
	var out []Block
	k := 0
	for _, b := range bs {
		for k < len(items) && items[k].Start < b.Start {
			k++
		}
		if k >= len(items) || items[k].Start >= b.End || items[k].Label == "" {
			out = append(out, b)
			continue
		}
		end := headingEnd(text, items[k], b.End)
		if end <= items[k].Start || end >= b.End {
			out = append(out, b)
			continue
		}
		if items[k].Start > b.Start {
			before := b
			before.End = strings.LastIndexAny(text[:items[k].Start], "\n\f") // the line before the heading
			if before.End > before.Start {
				out = append(out, before)
			}
		}
		head := Block{Kind: Heading, Start: items[k].Start, End: end, Indent: b.Indent}
		for head.Start < head.End && isSkipped(text[head.Start]) {
			head.Start++
		}
		rest := Block{Kind: Paragraph, Start: end, End: b.End}
		for rest.Start < rest.End && isSkipped(text[rest.Start]) {
			rest.Start++
		}
		out = append(out, head, rest)
	}
	return out
}

// headingEnd returns where the heading of item it ends, within a block
// that ends at limit: after the lines that hold its title and any "(Item
// N)" marker under them.
func headingEnd(text string, it corpus.Item, limit int) int {
	lines := extract.Lines(text[it.Start:limit])
	want := len(strings.Fields(it.Title))
	got := 0
	end := -1
	for i, l := range lines {
		if end >= 0 {
			if !itemMarkerLine.MatchString(l.Text) {
				break
			}
			end = it.Start + l.End
			continue
		}
		got += len(strings.Fields(l.Text))
		if got > want+6 || i > 3 {
			return -1 // the title is not set out on lines of its own
		}
		if got >= want {
			end = it.Start + l.End
		}
	}
	return end
}
