package classify

import (
	"strings"

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
			tok.notJudged = next("judged") || next("graded") || next("applicable")
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
	for _, m := range sortAreaMentions(ms) {
		span(m.area, m.start, m.end)
	}
	return out
}

// lscbNameRE names the Local Safeguarding Children Board among a table's
// words.
var lscbNameRE = lazy(`local safeguarding children board|\blscb\b`)

// sortAreaMentions puts area mentions in order of position, dropping any that
// overlaps one before it.
func sortAreaMentions(ms []areaMention) []areaMention {
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
// order.
func sequenceTable(c *docContext) []tableJudgement {
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
			return out
		}
	}
	return nil
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

func wordsOf(run tableRun, class wordClass) []seqWord {
	var out []seqWord
	for _, w := range run.words {
		if w.class == class {
			out = append(out, w)
		}
	}
	return out
}
