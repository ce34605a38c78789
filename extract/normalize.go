package extract

import (
	"strings"
	"unicode/utf8"
)

// normalizer folds characters that differ only in typesetting: non-breaking
// and exotic spaces become spaces, ligatures are spelt out, soft hyphens and
// zero-width characters vanish, and line endings become \n. Curly quotes and
// dashes are kept: they are in the source and in researchers' queries.
var normalizer = strings.NewReplacer(
	"\r\n", "\n",
	"\r", "\n",
	"\u00a0", " ", // no-break space
	"\u2000", " ", "\u2001", " ", "\u2002", " ", "\u2003", " ", "\u2004", " ",
	"\u2005", " ", "\u2006", " ", "\u2007", " ", "\u2008", " ", "\u2009", " ",
	"\u200a", " ", "\u202f", " ", "\u205f", " ", "\u3000", " ",
	"\u00ad", "", // soft hyphen
	"\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "",
	"\u2028", "\n", "\u2029", "\n\n",
	"\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl",
	"\ufb05", "st", "\ufb06", "st",
	"\x00", "",
)

// normalize returns s as valid UTF-8 with typesetting variants folded.
func normalize(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\ufffd")
	}
	s = normalizer.Replace(s)
	// Other control characters (but tab, newline and form feed) carry no
	// text and confuse downstream tools.
	if strings.IndexFunc(s, isJunkControl) >= 0 {
		s = strings.Map(func(r rune) rune {
			if isJunkControl(r) {
				return -1
			}
			return r
		}, s)
	}
	return s
}

func isJunkControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\f') || r == 0x7f || (r >= 0x80 && r < 0xa0)
}

// trimLines removes trailing spaces from every line and collapses runs of
// more than two blank lines, which layout extraction produces in quantity.
func trimLines(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	blank := 0
	for line := range strings.Lines(s) {
		line = strings.TrimRight(line, " \t\n")
		if strings.TrimSpace(line) == "" {
			blank++
			if blank > 2 {
				continue
			}
			b.WriteByte('\n')
			continue
		}
		blank = 0
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}
