package classify

import (
	"strings"
	"testing"
)

func blockTexts(text string) []string {
	var out []string
	for _, b := range Blocks(text, 0, len(text)) {
		out = append(out, Collapse(text[b.Start:b.End]))
	}
	return out
}

func TestBlocksJoinDoubleSpacedLines(t *testing.T) {
	// A conversion that puts a blank line after every line of a paragraph:
	// lines that run to the margin without closing punctuation go on.
	text := "In reply to a question from Members about the footpath works on the Ennis Road, the\n\n" +
		"Senior Engineer confirmed that the works would be finished by the end of the month and\n\n" +
		"that residents had been told.\n\n" +
		"REPLY: None was needed.\n"
	got := blockTexts(text)
	if len(got) != 2 || !strings.HasSuffix(got[0], "residents had been told.") {
		t.Errorf("blocks %q", got)
	}
}

func TestBlocksSplitMergedBullets(t *testing.T) {
	text := "Areas to improve:\n\n- Permanence planning for children.- The quality of life story work.\n- Supervision.\n"
	got := blockTexts(text)
	want := []string{"Areas to improve:", "- Permanence planning for children.", "- The quality of life story work.", "- Supervision."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("blocks %q, want %q", got, want)
	}
}

func TestBlocksNest(t *testing.T) {
	text := "- Services to care leavers, including:\n- sufficiency of accommodation\n- health histories\n- Permanence planning.\n"
	bs := Blocks(text, 0, len(text))
	depths := []int{0, 1, 1, 0}
	if len(bs) != len(depths) {
		t.Fatalf("%d blocks", len(bs))
	}
	for i, b := range bs {
		if b.Depth != depths[i] {
			t.Errorf("block %d depth %d, want %d", i, b.Depth, depths[i])
		}
	}
}

func TestCollapseAndOffset(t *testing.T) {
	text := "**REPLY**: The scheme is in\n  the final stages of design."
	s := Sentence{Start: 0, End: len(text), Text: Collapse(text)}
	if s.Text != "REPLY: The scheme is in the final stages of design." {
		t.Fatalf("collapsed %q", s.Text)
	}
	i := strings.Index(s.Text, "the final")
	if got := text[s.Offset(text, i):]; !strings.HasPrefix(got, "the final") {
		t.Errorf("offset of %q maps to %q", "the final", got)
	}
	sub := s.Sub(text, strings.Index(s.Text, "The scheme"), strings.Index(s.Text, " in the"))
	if sub.Text != "The scheme is" || text[sub.Start:sub.End] != "The scheme is" {
		t.Errorf("sub %q from source %q", sub.Text, text[sub.Start:sub.End])
	}
}

func TestSentencesIgnoreCutsInsideParagraph(t *testing.T) {
	text := "Councillor Ward asked whether the budget for the new social workers in the east\n\n" +
		"of the county had been agreed. The Director of Children's Services said it had."
	blocks := Blocks(text, 0, len(text))
	ss := Sentences(text, blocks)
	if len(ss) != 2 || !strings.HasPrefix(ss[0].Text, "Councillor Ward asked") || !strings.HasSuffix(ss[0].Text, "agreed.") {
		var got []string
		for _, s := range ss {
			got = append(got, s.Text)
		}
		t.Errorf("sentences %q", got)
	}
}

// TestBlocksPageEndsParagraph: layout text sets no blank line between
// paragraphs, so a page that ends a sentence well short of the margin ends
// its paragraph; one that ends mid-sentence runs on to the next page.
func TestBlocksPageEndsParagraph(t *testing.T) {
	full := "Councillor Hughes queried the number of social workers in their first year of practice and how"
	text := full + "\ntheir caseloads were protected. Officers advised that 58 were in post.\f" +
		"Councillor Walton praised the scheme as a model for other councils across the whole region.\n\n" +
		full + "\f" + "their caseloads were protected.\n"
	got := blockTexts(text)
	if len(got) != 3 || !strings.HasPrefix(got[1], "Councillor Walton praised") || !strings.HasSuffix(got[2], "were protected.") {
		t.Errorf("blocks %q", got)
	}
}

// TestBlocksLetterAndHollowMarkers reads lists lettered "a." and "ii.",
// and Word's hollow bullet "o" before an entry in lower case.
func TestBlocksLetterAndHollowMarkers(t *testing.T) {
	text := "Ofsted identified three areas:\n     o the quality of pathway plans;\n     o the range of accommodation.\n" +
		"The areas for improvement were:\na. The timeliness of assessments.\nb. The planning of step-down.\n" +
		"Resolved that:\n i. the report be noted;\n ii. a further report be presented.\n" +
		"See p. 12 of the report for the figures.\n"
	var bullets []string
	for _, b := range Blocks(text, 0, len(text)) {
		if b.Kind == Bullet {
			bullets = append(bullets, b.Marker)
		}
	}
	if want := []string{"o", "o", "a.", "b.", "i.", "ii."}; strings.Join(bullets, " ") != strings.Join(want, " ") {
		t.Errorf("list markers %q, want %q", bullets, want)
	}
}
