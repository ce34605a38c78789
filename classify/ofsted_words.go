package classify

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordClass is the part a word plays in a judgement table.
type wordClass int

const (
	otherWord  wordClass = iota
	areaWord             // a word of an area's name
	gradeWord            // a word of a grade phrase
	headerWord           // "Judgement", "Grade"
)

// tableVocab holds every word a judgement table prints, by its part: the
// areas' names in every framework (and the LSCB's, whose row the SIF
// summary includes), the grades, and the header.
var tableVocab = func() map[string]wordClass {
	v := map[string]wordClass{}
	for _, w := range strings.Fields(`the impact of leaders on social work practice with children and families
		experiences experience progress who need needs needing help protection in care leavers young people
		overall effectiveness looked after achieving permanence adoption performance leadership management
		governance local safeguarding board lscb`) {
		v[w] = areaWord
	}
	for _, w := range strings.Fields(`requires require improvement to be good outstanding inadequate not judged graded applicable`) {
		v[w] = gradeWord
	}
	for _, w := range strings.Fields(`judgement judgements grade grades`) {
		v[w] = headerWord
	}
	return v
}()

// seqWord is a word of a table read as a sequence: its form in tableVocab
// and its byte range in the document text.
type seqWord struct {
	w, src     string // the word in tableVocab, and as written
	class      wordClass
	start, end int
}

// tableWords returns the words of a line in their tableVocab form, and
// whether the line holds only words a table uses. Numbers (row numbers,
// page numbers, a footnote mark glued to a word: "Good1") and stray single
// characters are not words. Words misread by OCR ("lnadequate", "G00d",
// "irnpact") are taken for the table's words they are nearly.
func tableWords(l layoutLine) ([]seqWord, bool) {
	var out []seqWord
	s := l.text
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r) {
				break
			}
			j += n
		}
		end := j
		for end > i && s[end-1] >= '0' && s[end-1] <= '9' {
			end-- // a footnote mark, or a number
		}
		if w := ocrLetters.Replace(strings.ToLower(s[i:end])); utf8.RuneCountInString(w) > 1 {
			v, class := vocabWord(w)
			if class == otherWord {
				return nil, false
			}
			out = append(out, seqWord{w: v, src: s[i:end], class: class, start: l.start + i, end: l.start + end})
		}
		i = j
	}
	return out, true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// ocrLetters are the digits OCR reads for letters inside a word.
var ocrLetters = strings.NewReplacer("0", "o", "1", "l", "5", "s")

// vocabWord returns w as a word of tableVocab, and its class. OCR's
// misreadings are allowed for: "rn" for "m", and a letter or two wrong in
// a long word (one in five to eight letters, two in more).
func vocabWord(w string) (string, wordClass) {
	if c, ok := tableVocab[w]; ok {
		return w, c
	}
	if m := strings.ReplaceAll(w, "rn", "m"); m != w {
		if c, ok := tableVocab[m]; ok {
			return m, c
		}
	}
	n := len(w)
	if n < 5 {
		return w, otherWord
	}
	maxEdits := 1
	if n >= 9 {
		maxEdits = 2
	}
	for v, c := range tableVocab {
		if len(v) >= 5 && editDistance(w, v, maxEdits) <= maxEdits {
			return v, c
		}
	}
	return w, otherWord
}

// editDistance returns the number of letters substituted, inserted or
// deleted to turn a into b, or limit+1 when it is more than limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
