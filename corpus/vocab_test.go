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
