package classify

import (
	"strings"

	"scrutiny/corpus"
)

// itemMarkerLine is the agenda reference some minutes print under an item's
// heading: "(Item 1)".
var itemMarkerLine = lazy(`(?i)^\s*\(\s*(?:agenda\s+)?item\s+\w+\s*\)\s*$`)

// headingBlocks sets each agenda item's heading apart as a block of its
// own. Layout text from PDFs sets an item's first paragraph straight under
// its heading ("7 Work Programme - Agenda Item 8" and "The Committee
// agreed the work programme." on the next line), which would otherwise
// read as one sentence.
func headingBlocks(text string, bs []Block, items []corpus.Item) []Block {
	if len(items) < 2 {
		return bs
	}
	starts := make([]int, 0, len(items))
	for _, it := range items {
		if it.Label != "" {
			if h := headingStart(text, it); h >= 0 {
				starts = append(starts, h)
			}
		}
	}
	var out []Block
	k := 0
	for _, b := range bs {
		for k < len(starts) && starts[k] < b.Start {
			k++
		}
		if k >= len(starts) || starts[k] >= b.End {
			out = append(out, b)
			continue
		}
		hs := starts[k]
		end := headingEnd(text, hs, itemAt(items, hs).Title, b.End)
		if end <= hs {
			out = append(out, b)
			continue
		}
		if hs > b.Start {
			before := b
			before.End = strings.LastIndexAny(text[:hs], "\n\f") // the line before the heading
			if before.End > before.Start {
				out = append(out, before)
			}
		}
		out = append(out, Block{Kind: Heading, Start: hs, End: min(end, b.End), Indent: b.Indent})
		if end < b.End {
			rest := Block{Kind: Paragraph, Start: end, End: b.End}
			for rest.Start < rest.End && isSkipped(text[rest.Start]) {
				rest.Start++
			}
			out = append(out, rest)
		}
	}
	return out
}

// itemAt returns the item that holds byte off.
func itemAt(items []corpus.Item, off int) corpus.Item {
	for _, it := range items {
		if it.Start <= off && off < it.End {
			return it
		}
	}
	return corpus.Item{}
}

// headingStart returns where an item's heading line starts: the first line
// of the item that opens with its number, or -1. (The first item may start
// before its heading, with the document's title.)
func headingStart(text string, it corpus.Item) int {
	for _, l := range corpus.Lines(text[it.Start:it.End]) {
		t := strings.TrimSpace(l.Text)
		if strings.HasPrefix(t, it.Label) || strings.HasPrefix(strings.ToLower(t), "minute "+it.Label) {
			return it.Start + l.Start + (len(l.Text) - len(strings.TrimLeft(l.Text, " \t")))
		}
	}
	return -1
}

// headingEnd returns where a heading that starts at byte start and holds
// title ends, within a block that ends at limit: after the lines that hold
// the title and any "(Item N)" marker under them.
func headingEnd(text string, start int, title string, limit int) int {
	lines := corpus.Lines(text[start:limit])
	want := len(strings.Fields(title))
	got := 0
	end := -1
	for i, l := range lines {
		if end >= 0 {
			if !itemMarkerLine.MatchString(l.Text) {
				break
			}
			end = start + l.End
			continue
		}
		got += len(strings.Fields(l.Text))
		if got > want+6 || i > 3 {
			return -1 // the title is not set out on lines of its own
		}
		if got >= want {
			end = start + l.End
		}
	}
	return end
}
