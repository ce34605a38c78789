package classify

import (
	"regexp"
	"strings"

	"github.com/jdkato/prose/v2"
)

// Sentence is a sentence of a document: its byte range, the block that
// holds it, and its text with whitespace collapsed.
type Sentence struct {
	Start, End int
	Block      int // index into the blocks it was cut from
	Text       string
}

// Sentences splits each block into sentences. prose's Punkt splitter does
// the splitting inside blocks; it is called once per document because it
// reloads its training data on every call (about 12 ms), and its sentences
// are cut again at block boundaries, which it does not see. Splits after
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
		for ci < len(cuts) && cuts[ci] <= b.Start {
			ci++
		}
		for ; ci < len(cuts) && cuts[ci] < b.End; ci++ {
			out = appendSentence(out, text, start, cuts[ci], bi)
			start = cuts[ci]
		}
		out = appendSentence(out, text, start, b.End, bi)
	}
	return mendAbbreviations(text, out)
}

func appendSentence(out []Sentence, text string, start, end, block int) []Sentence {
	for start < end && isSpaceByte(text[start]) {
		start++
	}
	for end > start && isSpaceByte(text[end-1]) {
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
	doc, err := prose.NewDocument(s,
		prose.WithTagging(false), prose.WithExtraction(false), prose.WithTokenization(false))
	if err != nil {
		return nil
	}
	var cuts []int
	pos := 0
	for _, sent := range doc.Sentences() {
		if sent.Text == "" {
			continue
		}
		i := strings.Index(s[pos:], sent.Text)
		if i < 0 {
			continue // prose altered the text; keep the block whole here
		}
		pos += i + len(sent.Text)
		cuts = append(cuts, base+pos)
	}
	return cuts
}

// abbreviation matches a sentence that ends in an abbreviation after which
// minutes go on: titles before names, "No." before numbers, and the like.
var abbreviation = regexp.MustCompile(`(?i)(?:^|[\s(])(?:cllrs?|councillors?|dr|mr|mrs|ms|mx|prof|rev|revd|st|no|nos|para|paras|approx|apx|etc|e\.g|i\.e|vs|cf|ref|fig|vol|p|pp|cttee|dept|govt|inc|ltd|co|a\.m|p\.m|[a-z])\.$`)

// mendAbbreviations joins a sentence that ends in an abbreviation to the
// next sentence of the same block.
func mendAbbreviations(text string, ss []Sentence) []Sentence {
	var out []Sentence
	for _, s := range ss {
		if n := len(out); n > 0 {
			prev := out[n-1]
			if prev.Block == s.Block && abbreviation.MatchString(prev.Text) && !endsAtLowerThenUpper(prev.Text) {
				out[n-1] = Sentence{Start: prev.Start, End: s.End, Block: s.Block, Text: Collapse(text[prev.Start:s.End])}
				continue
			}
		}
		out = append(out, s)
	}
	return out
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
// as single spaces, and a word hyphenated across a line break rejoined.
func Collapse(s string) string {
	s = hyphenBreak.ReplaceAllString(s, "$1$2")
	return strings.Join(strings.Fields(s), " ")
}

// hyphenBreak is a hyphen at a line's end between letters or digits:
// "pre-\nproceedings" and "post-\n16" keep their hyphen (compounds are
// common) and lose the break. A dash set off by spaces is not matched, nor
// a hyphen before a blank line.
var hyphenBreak = regexp.MustCompile(`([\p{L}\p{N}]-)[ \t]*[\n\f][ \t]*([\p{L}\p{N}])`)

// Offset maps a byte offset in s.Text (collapsed) to the document offset
// it came from. text is the document text s was cut from.
func (s Sentence) Offset(text string, i int) int {
	p := s.Start
	for k := 0; k < i && k < len(s.Text) && p < s.End; {
		if s.Text[k] == ' ' {
			for p < s.End && isSpaceByte(text[p]) {
				p++
			}
			k++
			continue
		}
		for p < s.End && isSpaceByte(text[p]) {
			p++ // a line break Collapse removed inside a word
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
	for start < end && isSpaceByte(text[start]) {
		start++
	}
	for end > start && (isSpaceByte(text[end-1]) || text[end-1] == ',') {
		end--
	}
	return Sentence{Start: start, End: end, Block: s.Block, Text: Collapse(text[start:end])}
}
