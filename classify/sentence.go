package classify

import (
	"strings"
)

// Sentence is a sentence of a document: its byte range, the block that
// holds it, and its text with whitespace collapsed.
type Sentence struct {
	Start, End int
	Block      int // index into the blocks it was cut from
	Text       string
}

// Sentences splits each block into sentences. prose's Punkt splitter does
// the splitting inside blocks (punkt.go), once per document, and its
// sentences are cut again at block boundaries, which it does not see. Splits after
// the abbreviations of council minutes ("Cllr.", "Dr.", "No.") are
// mended.
func Sentences(text string, blocks []Block) []Sentence {
	if len(blocks) == 0 {
		return nil
	}
	lo, hi := blocks[0].Start, blocks[len(blocks)-1].End
	cuts := punktCuts(text[lo:hi], lo)
	var out []Sentence
	ci := 0
	for bi, b := range blocks {
		start := b.Start
		if b.Kind == Bullet {
			// The marker ("22)", "•") is layout, not the sentence.
			start = min(b.End, b.Start+len(b.Marker))
		}
		for ci < len(cuts) && cuts[ci] <= b.Start {
			ci++
		}
		for ; ci < len(cuts) && cuts[ci] < b.End; ci++ {
			if !endsSentence(text[start:cuts[ci]]) {
				continue // a cut at a line break inside a paragraph
			}
			out = appendSentence(out, text, start, cuts[ci], bi)
			start = cuts[ci]
		}
		out = appendSentence(out, text, start, b.End, bi)
	}
	return mendAbbreviations(text, out)
}

// endsSentence reports whether s ends as a sentence does: with a full
// stop, question or exclamation mark, perhaps inside closing quotes or
// brackets. prose's splitter also cuts at blank lines, which within a
// block are a paragraph's lines spaced apart, not its end.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \t\n\f\r*")
	s = strings.TrimRight(s, "\"'”’)]")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "…")
}

func appendSentence(out []Sentence, text string, start, end, block int) []Sentence {
	for start < end && isSkipped(text[start]) {
		start++
	}
	for end > start && isSkipped(text[end-1]) {
		end--
	}
	if start >= end {
		return out
	}
	return append(out, Sentence{Start: start, End: end, Block: block, Text: Collapse(text[start:end])})
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r' }

// punktCuts returns the byte offsets (into the document) where prose ends a
// sentence in s, which starts at offset base.
func punktCuts(s string, base int) []int {
	var cuts []int
	pos := 0
	for _, sent := range punktSentences(s) {
		if sent == "" {
			continue
		}
		i := strings.Index(s[pos:], sent)
		if i < 0 {
			continue // prose altered the text; keep the block whole here
		}
		pos += i + len(sent)
		cuts = append(cuts, base+pos)
	}
	return cuts
}

// abbreviation matches a sentence that ends in an abbreviation after which
// minutes go on: titles before names, "No." before numbers, and the like.
var abbreviation = lazy(`(?i)(?:^|[\s(])(?:cllrs?|councillors?|dr|mr|mrs|ms|mx|prof|rev|revd|st|no|nos|para|paras|approx|apx|etc|e\.g|i\.e|vs|cf|ref|fig|vol|p|pp|cttee|dept|govt|inc|ltd|co|a\.m|p\.m|[a-z])\.$`)

// mendAbbreviations joins a sentence that ends in an abbreviation to the
// next sentence of the same block.
func mendAbbreviations(text string, ss []Sentence) []Sentence {
	var out []Sentence
	for _, s := range ss {
		if n := len(out); n > 0 {
			prev := out[n-1]
			if prev.Block == s.Block && endsInAbbreviation(prev.Text) && !endsAtLowerThenUpper(prev.Text) {
				out[n-1] = Sentence{Start: prev.Start, End: s.End, Block: s.Block, Text: Collapse(text[prev.Start:s.End])}
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// endsInAbbreviation reports whether s matches abbreviation. A match is
// at most a separator, the longest abbreviation (eleven letters, some of
// which case folding may widen to two or three bytes) and a full stop, so
// only the last 32 bytes are searched: on a longer text, no match can
// start at the cut, where "^" would otherwise match.
func endsInAbbreviation(s string) bool {
	if len(s) > 32 {
		s = s[len(s)-32:]
	}
	return abbreviation.MatchString(s)
}

// endsAtLowerThenUpper guards the one-letter abbreviation rule: "... plan
// B." ends a sentence, "Mr J. Smith" does not; only initials (upper case)
// mend.
func endsAtLowerThenUpper(s string) bool {
	if len(s) < 2 {
		return false
	}
	c := s[len(s)-2]
	f := strings.LastIndexAny(s, " (")
	word := s[f+1 : len(s)-1]
	return len(word) == 1 && c >= 'a' && c <= 'z'
}

// Collapse returns s with runs of whitespace (line breaks, page breaks)
// as single spaces, a word hyphenated across a line break rejoined, and
// Markdown's emphasis markers ("**REPLY**:") dropped: they are layout, like
// line breaks, and no reader quotes them.
func Collapse(s string) string {
	if strings.IndexByte(s, '-') >= 0 {
		s = hyphenBreak.ReplaceAllString(s, "$1$2")
	}
	if strings.IndexByte(s, '*') >= 0 {
		s = strings.ReplaceAll(s, "*", "")
	}
	return strings.Join(strings.Fields(s), " ")
}

// isSkipped reports whether Collapse drops or folds the byte c: white
// space and emphasis markers.
func isSkipped(c byte) bool { return isSpaceByte(c) || c == '*' }

// hyphenBreak is a hyphen at a line's end between letters or digits:
// "pre-\nproceedings" and "post-\n16" keep their hyphen (compounds are
// common) and lose the break. A dash set off by spaces is not matched, nor
// a hyphen before a blank line.
var hyphenBreak = lazy(`([\p{L}\p{N}]-)[ \t]*[\n\f][ \t]*([\p{L}\p{N}])`)

// Offset maps a byte offset in s.Text (collapsed) to the document offset
// it came from. text is the document text s was cut from.
func (s Sentence) Offset(text string, i int) int {
	p := s.Start
	for k := 0; k < i && k < len(s.Text) && p < s.End; {
		if s.Text[k] == ' ' {
			for p < s.End && isSkipped(text[p]) {
				p++
			}
			k++
			continue
		}
		for p < s.End && isSkipped(text[p]) {
			p++ // a line break or marker Collapse removed inside a word
		}
		p++
		k++
	}
	return min(p, s.End)
}

// Sub returns the part of s between collapsed offsets i and j as a
// sentence of its own, trimmed.
func (s Sentence) Sub(text string, i, j int) Sentence {
	start, end := s.Offset(text, i), s.Offset(text, j)
	for start < end && isSkipped(text[start]) {
		start++
	}
	for end > start && (isSkipped(text[end-1]) || text[end-1] == ',') {
		end--
	}
	return Sentence{Start: start, End: end, Block: s.Block, Text: Collapse(text[start:end])}
}
