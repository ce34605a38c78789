package classify

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scrutiny/internal/testkit"
)

// TestEndsInAbbreviationMatchesRegexp checks that searching only a
// sentence's tail finds exactly what the whole-sentence search finds.
func TestEndsInAbbreviationMatchesRegexp(t *testing.T) {
	cases := []string{
		"Cllr.", "the report was presented by Cllr.", "as set out in para.", "in Councillors.",
		"a sentence that ends normally.", "an abbreviation glued onto a word: xno.",
		strings.Repeat("x", 40) + " councillors.", strings.Repeat("x", 19) + " councillors.",
		strings.Repeat("y", 20) + "(e.g.", "ſt.", strings.Repeat("z", 30) + " ſt.", strings.Repeat("é", 20) + " p.",
		"plan B.", "Mr J.",
	}
	files, _ := filepath.Glob(testkit.Testdata(t, "seeds", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		for _, s := range Sentences(text, Blocks(text, 0, len(text))) {
			cases = append(cases, s.Text)
			// Every shorter tail as well, to cross the 32-byte cut.
			for i := max(0, len(s.Text)-40); i < len(s.Text); i++ {
				cases = append(cases, s.Text[i:])
			}
		}
	}
	for _, c := range cases {
		if got, want := endsInAbbreviation(c), abbreviation.MatchString(c); got != want {
			t.Errorf("endsInAbbreviation(%q) = %v, the whole-text match says %v", c, got, want)
		}
	}
}

// TestCollapseWithoutHyphen checks that skipping the hyphen rule on text
// without a hyphen changes nothing.
func TestCollapseWithoutHyphen(t *testing.T) {
	for _, s := range []string{"pre-\nproceedings", "a\n  b\tc", "no hyphen\nhere", "end-\n", "Vice-\nChair", "", "  "} {
		want := strings.Join(strings.Fields(hyphenBreak.ReplaceAllString(s, "$1$2")), " ")
		if got := Collapse(s); got != want {
			t.Errorf("Collapse(%q) = %q, want %q", s, got, want)
		}
	}
}
