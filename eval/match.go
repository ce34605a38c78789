package eval

import (
	"regexp"
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
// Chair" and "Chair", "Councillor Gunn" and "Cllr Gunn", "Councillor S.
// Hartigan" and "Councillor Hartigan", a role written in full against a
// shorter form ("the Corporate Director" for "Corporate Director of
// Children and Young People's Services"), and any reference that names
// nobody ("a Member", "Members", "officers") against "unknown".
func samePerson(got, want string) bool {
	g, w := personKey(got), personKey(want)
	if g == "" || w == "" {
		return g == w
	}
	if g == w || strings.Contains(g, w) || strings.Contains(w, g) {
		return true
	}
	gt, gs := nameParts(g)
	wt, ws := nameParts(w)
	return (gt != "" || wt != "") && gs != "" && gs == ws && (gt == "" || wt == "" || gt == wt)
}

var (
	titles = strings.NewReplacer("county councillor ", "cllr ", "councillor ", "cllr ", "cllr. ", "cllr ")
	// unnamed is a speaker reference that names nobody.
	unnamed = regexp.MustCompile(`^(?:(?:a|an|one|another|some|several|other|individual|two|three)\s+)?(?:(?:committee|panel|board|cabinet|elected)\s+)?(?:members?|councillors?|officers?|officials?)(?:\s+of\s+the\s+[a-z-]+)?$|^(?:committee|panel|board|meeting)$`)
	// personTitles are the titles a name may carry.
	personTitles = map[string]bool{"cllr": true, "mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true, "sir": true, "dame": true, "lord": true, "lady": true, "prof": true, "professor": true}
)

func personKey(s string) string {
	s = fold(s)
	s = strings.TrimPrefix(s, "the ")
	s = strings.TrimPrefix(s, "a ")
	s = titles.Replace(s)
	s = strings.TrimSpace(strings.NewReplacer("'s", "", ".", " ").Replace(s))
	s = strings.Join(strings.Fields(s), " ")
	if unnamed.MatchString(s) {
		return "unknown"
	}
	return s
}

// nameParts splits a person key into its title (when it has one) and
// surname: "cllr s hartigan" is "cllr" and "hartigan".
func nameParts(key string) (title, surname string) {
	words := strings.Fields(key)
	if len(words) < 2 || !personTitles[words[0]] {
		return "", ""
	}
	return words[0], words[len(words)-1]
}
