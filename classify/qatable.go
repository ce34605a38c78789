package classify

import (
	"strings"

	"scrutiny/corpus"
)

// Questions and answers set out in a table, one row each, under a header
// that names the columns: "Member | Question | Response". Extraction writes
// a row as one line with its cells separated by tabs.

var (
	questionColumn = lazy(`(?i)^questions?$`)
	answerColumn   = lazy(`(?i)^(?:responses?|answers?|replies|reply)$`)
	askerColumn    = lazy(`(?i)^(?:members?|councillors?|asked\s+by|questioner|from|name)$`)
)

// tableCell is a table cell: its text and byte range in the document.
type tableCell struct {
	text       string
	start, end int
}

// rowCells splits a line at tabs into its non-empty cells.
func rowCells(text string, l corpus.Line) []tableCell {
	var out []tableCell
	from := 0
	for _, part := range strings.Split(l.Text, "\t") {
		lead := len(part) - len(strings.TrimLeft(part, " "))
		t := strings.TrimSpace(part)
		if t != "" {
			s := l.Start + from + lead
			out = append(out, tableCell{Collapse(t), s, s + len(t)})
		}
		from += len(part) + 1
	}
	return out
}

// questionTables finds tables of questions and answers and emits each
// row's question and answer, returning the byte ranges they cover.
func questionTables(c *docContext, people []corpus.Attendee) [][2]int {
	if !strings.Contains(c.doc.Text, "\t") {
		return nil
	}
	var covered [][2]int
	lines := corpus.Lines(c.doc.Text)
	for i := 0; i < len(lines); i++ {
		if !strings.Contains(lines[i].Text, "\t") {
			continue
		}
		head := rowCells(c.doc.Text, lines[i])
		qc, ac, who := -1, -1, -1
		for k, h := range head {
			switch {
			case questionColumn.MatchString(h.text):
				qc = k
			case answerColumn.MatchString(h.text):
				ac = k
			case askerColumn.MatchString(h.text):
				who = k
			}
		}
		if qc < 0 || ac < 0 {
			continue
		}
		for i++; i < len(lines); i++ {
			row := rowCells(c.doc.Text, lines[i])
			if len(row) != len(head) {
				break
			}
			asker := speakerIn(row[qc].text)
			if who >= 0 {
				if ms := findMentions(row[who].text); len(ms) > 0 && ms[0].kind == named {
					asker = ms[0].text
				}
			}
			qi := c.emitWritten(corpus.Question, row[qc].start, row[qc].end, asker, corpus.Member, people, -1, "question.written")
			answerer := speakerIn(row[ac].text)
			role := corpus.Officer
			if r := officeRole(answerer); r != corpus.UnknownRole {
				role = r
			}
			c.emitWritten(corpus.Answer, row[ac].start, row[ac].end, answerer, role, people, qi, "answer.written")
			covered = append(covered, [2]int{lines[i].Start, lines[i].End})
		}
		i--
	}
	return covered
}
