package classify

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Words of a sentence, as the rules over names and offices read them.

// isLowerWord reports whether w is a plain word in lower case.
func isLowerWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) && r != '-' {
			return false
		}
	}
	return w != ""
}

// token is a word of a sentence with its byte range, without the
// punctuation that follows it; comma says whether a comma did.
type token struct {
	w          string
	start, end int
	comma      bool
}

func tokens(t string) []token {
	var out []token
	i := 0
	for i < len(t) {
		for i < len(t) && t[i] == ' ' {
			i++
		}
		s := i
		for i < len(t) && t[i] != ' ' {
			i++
		}
		if s < i {
			raw := t[s:i]
			w := strings.TrimRight(raw, ".;:,")
			out = append(out, token{w: w, start: s, end: s + len(w), comma: strings.Contains(raw[len(w):], ",")})
		}
	}
	return out
}

// isCapitalised reports whether a word starts with a capital letter, as
// the words of names and offices do ("A/Senior" and "Children’s" too).
func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "(‘'“\""))
	return unicode.IsUpper(r)
}
