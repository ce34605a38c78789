package eval

import (
	"strings"
	"unicode"
)

// fold normalises text for matching evidence: case, typographic quotes and
// dashes, and whitespace (PDF line breaks) do not count.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for _, r := range s {
		switch r {
		case '‘', '’', '‛', '′':
			r = '\''
		case '“', '”', '„', '″':
			r = '"'
		case '‐', '‑', '‒', '–', '—', '―':
			r = '-'
		}
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.TrimSpace(b.String())
}

// contains reports whether finding text holds the evidence. A trailing
// full stop in the evidence is not required: sentence splitting may keep
// or drop it.
func contains(text, evidence string) bool {
	t, e := fold(text), fold(evidence)
	if e == "" {
		return true
	}
	if strings.Contains(t, e) {
		return true
	}
	return strings.Contains(t, strings.TrimRight(e, ". "))
}

// samePerson reports whether two ways of naming a speaker agree: "the
// Chair" and "Chair", "Councillor Gunn" and "Cllr Gunn", or a role written
// in full against a shorter form ("the Corporate Director" for "Corporate
// Director of Children and Young People's Services").
func samePerson(got, want string) bool {
	g, w := personKey(got), personKey(want)
	if g == "" || w == "" {
		return g == w
	}
	return g == w || strings.Contains(g, w) || strings.Contains(w, g)
}

var titles = strings.NewReplacer("councillor ", "cllr ", "cllr. ", "cllr ", "county councillor ", "cllr ")

func personKey(s string) string {
	s = fold(s)
	s = strings.TrimPrefix(s, "the ")
	s = strings.TrimPrefix(s, "a ")
	s = titles.Replace(s)
	return strings.TrimSpace(s)
}
