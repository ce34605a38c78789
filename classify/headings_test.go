package classify

import (
	"testing"

	"scrutiny/corpus"
	"scrutiny/extract"
)

// TestHeadingBlocks: an item's heading set straight above its first
// paragraph is a block of its own, so that the paragraph's first sentence
// starts clean; an "(Item N)" marker under a heading stays with it.
func TestHeadingBlocks(t *testing.T) {
	text := "Minutes of a meeting of the Scrutiny Committee held in the Council Chamber on Wednesday 5 June 2024 at 10am\n" +
		"1 Apologies for Absence - Agenda Item 1\nApologies were received from Cllr A Brook, who was unable to attend.\n" +
		"2 Work Programme - Agenda Item 7\nThe Committee discussed and agreed the work programme for the coming year.\n\n" +
		"3.    Fostering\n(Item 8)\n\nThe Committee noted the report.\n"
	doc := &corpus.Document{Text: text, Pages: []corpus.Page{{Number: 1, Start: 0, End: len(text)}}}
	doc.Items = extract.Items(text, doc.Pages)
	c := newDocContext(doc)
	var heads, firsts []string
	for i, b := range c.blocks {
		t := Collapse(text[b.Start:b.End])
		if b.Kind == Heading {
			heads = append(heads, t)
			if i+1 < len(c.blocks) {
				firsts = append(firsts, Collapse(text[c.blocks[i+1].Start:c.blocks[i+1].End]))
			}
		}
	}
	wantHeads := []string{"1 Apologies for Absence - Agenda Item 1", "2 Work Programme - Agenda Item 7", "3. Fostering (Item 8)"}
	if len(heads) != len(wantHeads) {
		t.Fatalf("headings %q, want %q", heads, wantHeads)
	}
	for i := range wantHeads {
		if heads[i] != wantHeads[i] {
			t.Errorf("heading %q, want %q", heads[i], wantHeads[i])
		}
	}
	if firsts[1] != "The Committee discussed and agreed the work programme for the coming year." {
		t.Errorf("paragraph under the heading: %q", firsts[1])
	}
	resolutions(c)
	if i := indexOf(doc, corpus.Resolution, "discussed and agreed the work programme"); i < 0 || doc.Findings[i].Start != c.blocks[4].Start {
		t.Errorf("the decision under the heading not read on its own:%s", dump(doc))
	}
}
