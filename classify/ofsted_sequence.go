package classify

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"scrutiny/corpus"
)

// A judgement table is, whatever its layout, a sequence of area names and
// grade phrases in the table's order. Without columns (an extraction that
// does not keep them, OCR, a table broken across a page) its words still
// come in that order, however the lines fall: "The impact of leaders on
// social work Good practice with children and families", "Children looked
// after and achieving / Good / permanence", every name and then every
// grade. The sequence reader reads the table from its words alone: lines
// made only of the words that tables use, split into area names and grade
// phrases, paired in order.

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
	for _, w := range strings.Fields(`requires require improvement to be good outstanding inadequate not judged applicable`) {
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

// seqToken is an area name or a grade phrase found in a table's words.
type seqToken struct {
	area       corpus.Area // "" for a grade, lscbArea for the LSCB's row
	grade      corpus.Grade
	notJudged  bool
	start, end int // byte range in the document text
	text       string
}

// lscbArea stands for the row of the SIF summary that grades the Local
// Safeguarding Children Board: it takes its grade, which no area keeps.
const lscbArea corpus.Area = "lscb"

// gradePhrases reads the grade phrases of a table's grade words, in
// order. "To be good" only ever continues "requires improvement", so the
// words parse one way however the phrase wraps.
func gradePhrases(ws []seqWord) []seqToken {
	var out []seqToken
	for i := 0; i < len(ws); {
		w := ws[i]
		tok := seqToken{start: w.start, end: w.end, text: w.src}
		next := func(want string) bool {
			if i+1 < len(ws) && ws[i+1].w == want {
				i++
				tok.end = ws[i].end
				tok.text += " " + ws[i].src
				return true
			}
			return false
		}
		switch w.w {
		case "good":
			tok.grade = corpus.Good
		case "outstanding":
			tok.grade = corpus.Outstanding
		case "inadequate":
			tok.grade = corpus.Inadequate
		case "requires", "require", "improvement":
			if w.w != "improvement" && !next("improvement") {
				break
			}
			tok.grade = corpus.RequiresImprovement
			if next("to") && next("be") {
				next("good")
			}
		case "not":
			tok.notJudged = next("judged") || next("applicable")
		}
		i++
		if tok.grade != "" || tok.notJudged {
			out = append(out, tok)
		}
	}
	return out
}

// areaNames reads the area names of a table's area words, in order: the
// words are joined and the areas found in them as in any text.
func areaNames(ws []seqWord) []seqToken {
	var b strings.Builder
	at := make([]int, len(ws)) // offset of each word in the joined text
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		at[i] = b.Len()
		b.WriteString(w.w)
	}
	joined := b.String()
	var out []seqToken
	span := func(area corpus.Area, s, e int) {
		tok := seqToken{area: area, start: -1}
		var src []string
		for i, w := range ws {
			if at[i] >= s && at[i] < e {
				if tok.start < 0 {
					tok.start = w.start
				}
				tok.end = w.end
				src = append(src, w.src)
			}
		}
		tok.text = strings.Join(src, " ")
		out = append(out, tok)
	}
	ms := findAreas(joined)
	for _, loc := range lscbNameRE.FindAllStringIndex(joined, -1) {
		ms = append(ms, areaMention{lscbArea, loc[0], loc[1]})
	}
	for _, m := range sortMentions(ms) {
		span(m.area, m.start, m.end)
	}
	return out
}

// lscbNameRE names the Local Safeguarding Children Board among a table's
// words.
var lscbNameRE = regexp.MustCompile(`local safeguarding children board|\blscb\b`)

// sortMentions puts area mentions in order of position, dropping any that
// overlaps one before it.
func sortMentions(ms []areaMention) []areaMention {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].start < ms[j-1].start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
	var out []areaMention
	for _, m := range ms {
		if n := len(out); n > 0 && m.start < out[n-1].end {
			continue
		}
		out = append(out, m)
	}
	return out
}

// tableRun is a run of lines made only of a table's words: from a line
// that opens a table (its header, or the start of an area's name) to the
// first line of anything else. Blank lines, numbers alone and a page's
// running lines do not end it.
type tableRun struct {
	first, last int // indexes of its first and last lines
	words       []seqWord
}

// tableRuns returns the runs of table lines in lines, in order.
func tableRuns(lines []layoutLine) []tableRun {
	var out []tableRun
	for i := 0; i < len(lines); i++ {
		if run, ok := readRun(lines, i, -1); ok {
			out = append(out, run)
			i = run.last
		}
	}
	return out
}

// readRun reads the run of table lines that opens at lines[i], if one
// does, up to maxBlocks blocks of lines (any number when negative); a
// blank line, a number alone or a page's running lines end a block.
func readRun(lines []layoutLine, i, maxBlocks int) (tableRun, bool) {
	ws, ok := tableWords(lines[i])
	if !ok || len(ws) == 0 || !opensTable(lines[i], ws) {
		return tableRun{}, false
	}
	run := tableRun{first: i, last: i, words: ws}
	blocks := 1
	for k := i + 1; k < len(lines); k++ {
		l := lines[k]
		ws, ok := tableWords(l)
		switch {
		case !ok && pageFurniture(lines, k):
			continue
		case !ok:
			return run, true
		case len(ws) == 0 || l.afterBreak:
			if k == run.last+1 {
				blocks++
			}
			if len(ws) == 0 {
				continue
			}
		}
		if maxBlocks >= 0 && blocks > maxBlocks {
			return run, true
		}
		run.words = append(run.words, ws...)
		run.last = k
	}
	return run, true
}

// opensTable reports whether a table line may open a table: it holds the
// table's header, or begins a row (with a capital, or the SIF's row
// number) rather than continuing one.
func opensTable(l layoutLine, ws []seqWord) bool {
	for _, w := range ws {
		if w.class == headerWord {
			return true
		}
	}
	return startsCapital(l.text)
}

// pageFurniture reports whether line k is among the first or last lines of
// its page: a running header or footer, which may stand between the halves
// of a table split by a page break.
func pageFurniture(lines []layoutLine, k int) bool {
	for d := 0; d < 3; d++ {
		if k-d >= 0 && lines[k-d].afterBreak {
			return true
		}
		if k+d+1 < len(lines) && lines[k+d+1].afterBreak {
			return true
		}
	}
	return false
}

// pairs reads a run as a table: its area names and grade phrases, each
// area with its grade. Where the run holds as many grades as areas, the
// n-th area takes the n-th grade, whatever the layout; otherwise an area
// takes the one grade between its name and the next area's, or none.
func (run tableRun) pairs() []seqToken {
	areas, grades := areaNames(wordsOf(run, areaWord)), gradePhrases(wordsOf(run, gradeWord))
	var out []seqToken
	for i, a := range areas {
		var g *seqToken
		if len(areas) == len(grades) {
			g = &grades[i]
		} else {
			next := -1
			if i+1 < len(areas) {
				next = areas[i+1].start
			}
			var in []int
			for k, x := range grades {
				if x.start > a.start && (next < 0 || x.start < next) {
					in = append(in, k)
				}
			}
			if len(in) != 1 {
				continue
			}
			g = &grades[in[0]]
		}
		p := a
		p.grade, p.notJudged = g.grade, g.notJudged
		p.start, p.end = min(a.start, g.start), max(a.end, g.end)
		p.text = a.text + ": " + g.text
		out = append(out, p)
	}
	return out
}

// sequenceTable reads the judgement table on the report's first pages as
// a sequence of words: the first run of table lines that pairs two areas
// or more with their grades. It returns one judgement per area, in table
// order, and the byte offset where the table ends.
func sequenceTable(c *docContext) ([]tableJudgement, int) {
	lines := layoutLines(c.doc.Text, 0, c.pageLimit(3))
	for _, run := range tableRuns(lines) {
		if recallsEarlier(lines, run.first) {
			continue // "The judgements of the last inspection were:"
		}
		ps := run.pairs()
		var out []tableJudgement
		seen := map[corpus.Area]bool{}
		for _, p := range ps {
			if p.area == lscbArea || seen[p.area] {
				continue
			}
			seen[p.area] = true
			out = append(out, tableJudgement{area: p.area, grade: p.grade, notJudged: p.notJudged,
				start: p.start, end: p.end, text: p.text})
		}
		if len(out) >= 2 {
			return out, lines[run.last].end
		}
	}
	return nil, 0
}

// recallsEarlier reports whether the two lines of text before lines[i]
// speak of an earlier inspection: a list of its grades follows.
func recallsEarlier(lines []layoutLine, i int) bool {
	var before []string
	for k := i - 1; k >= 0 && len(before) < 2; k-- {
		if !lines[k].blank() {
			before = append([]string{lines[k].text}, before...)
		}
	}
	return previousRE.MatchString(Collapse(strings.Join(before, "\n")))
}

// sequenceHeadings reads the headings of a report's sections that restate
// an area's grade as table lines set apart: "The experiences and progress
// of / children who need help and        Requires improvement /
// protection" (the SIF's, with the grade in a column or on a line of its
// own). A heading stands after a blank line or a page break and names one
// area and one grade.
func sequenceHeadings(c *docContext) []tableJudgement {
	lines := layoutLines(c.doc.Text, 0, len(c.doc.Text))
	// Lines of tables (two rows or more) are not headings, though each
	// row looks like one in a text without columns.
	inTable := make([]bool, len(lines))
	for _, run := range tableRuns(lines) {
		if len(run.pairs()) >= 2 {
			for k := run.first; k <= run.last; k++ {
				inTable[k] = true
			}
		}
	}
	var out []tableJudgement
	for i := range lines {
		if inTable[i] || !standsApart(lines, i) {
			continue
		}
		run, ok := readRun(lines, i, 2)
		if !ok || run.words[0].class != areaWord {
			continue
		}
		ps := run.pairs()
		if len(ps) != 1 || ps[0].area == lscbArea || ps[0].notJudged || len(areaNames(wordsOf(run, areaWord))) != 1 ||
			len(gradePhrases(wordsOf(run, gradeWord))) != 1 {
			continue
		}
		p := ps[0]
		if grades := gradePhrases(wordsOf(run, gradeWord)); grades[0].start < areaNames(wordsOf(run, areaWord))[0].start {
			continue // a grade above its area is a table's, not a heading's
		}
		out = append(out, tableJudgement{area: p.area, grade: p.grade, start: p.start, end: p.end, text: p.text})
	}
	return out
}

func wordsOf(run tableRun, class wordClass) []seqWord {
	var out []seqWord
	for _, w := range run.words {
		if w.class == class {
			out = append(out, w)
		}
	}
	return out
}

// standsApart reports whether line i begins a block of its own: the first
// line, or one after a blank line, a page break or a number alone (a page
// number).
func standsApart(lines []layoutLine, i int) bool {
	if i == 0 || lines[i].afterBreak {
		return true
	}
	prev := lines[i-1]
	return prev.blank() || footnoteLineRE.MatchString(prev.text)
}
