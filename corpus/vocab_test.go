package corpus

import "testing"

func TestVocabularyValid(t *testing.T) {
	for _, c := range []struct {
		valid bool
		ok    bool
		what  string
	}{
		{Kind("question").Valid(), true, "kind question"},
		{Kind("comment").Valid(), false, "kind comment"},
		{Area("children_in_care").Valid(), true, "area children_in_care"},
		{Area("children in care").Valid(), false, "area with spaces"},
		{Grade("requires_improvement").Valid(), true, "grade requires_improvement"},
		{Grade("Good").Valid(), false, "grade Good, capitalised"},
	} {
		if c.valid != c.ok {
			t.Errorf("%s: Valid() = %v, want %v", c.what, c.valid, c.ok)
		}
	}
}

func TestFullWidthAndCapitals(t *testing.T) {
	const full = "a paragraph's line, running to the margin"
	var text string
	for i := 0; i < 9; i++ {
		text += "  " + full + "\n"
	}
	text += "short\n\n"
	if got := FullWidth(Lines(text)); got != len(full) {
		t.Errorf("FullWidth = %d, want %d", got, len(full))
	}
	if FullWidth(Lines("\n\n")) != 0 {
		t.Error("FullWidth of blank lines is not 0")
	}
	for s, want := range map[string]int{"AUDIT REPORT": 11, "Audit REPORT": 0, "12.": 0, "ÉTÉ 2024": 3} {
		if got := CapitalLetters(s); got != want {
			t.Errorf("CapitalLetters(%q) = %d, want %d", s, got, want)
		}
	}
}
