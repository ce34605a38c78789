package classify

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"scrutiny/corpus"
)

// BlockKind says how a block is laid out.
type BlockKind int

// The kinds of block.
const (
	Paragraph BlockKind = iota
	Bullet              // a list entry: "• ...", "- ...", "(a) ..."
	Heading             // a short line standing alone, without closing punctuation
)

// Block is a run of lines that layout sets apart: a paragraph, a list entry
// or a heading. Blocks never span a paragraph break; sentences never span
// blocks. This is the "layout first" half of sentence splitting: prose's
// splitter ignores layout and would run "1. Apologies\n2. Declarations"
// into one sentence.
type Block struct {
	Kind       BlockKind
	Start, End int    // byte range in the document text
	Marker     string // the bullet or number that opens a Bullet block
	// Indent is the column the block's first line starts at.
	Indent int
	// Depth is a list entry's nesting: 0 for an entry of the outer list,
	// 1 or more for an entry under another ("Services to care leavers,
	// including:" followed by its sub-entries).
	Depth int
}

var (
	bulletRE   = lazy(`^\s*([•·▪◼■●○◦◆♦➢➤►✓\*\-–—\x{E000}-\x{F8FF}]|o|\d{1,2}\.\d{1,2}(?:\.\d{1,2})?|\(?\d{1,2}[.)]|\(?[a-z]{1,2}\)|\(?[ivx]{1,5}\)|[ivx]{1,5}\.|[a-z]\.)(\s+|$)`)
	terminalRE = lazy(`[.!?:;)”"’']\s*$`)
	// pageNoise is what conversions leave between the pages of a
	// paragraph: a rule ("---") or a bare page number.
	pageNoise = lazy(`^\s*(?:-{3,}|\d{1,3})\s*$`)
	// labelLine opens a line with a label that starts a new block however
	// the lines run: "Q.", "A:", "Answer:", "Supplementary question:".
	labelLine = lazy(`^\s*(?:\*\*)?(?:Q|A|Question|Answer|Reply|Response|REPLY|RESPONSE|ANSWER|QUESTION|Supplementary\s+(?:[Qq]uestion|[Aa]nswer|[Rr]eply|[Rr]esponse))\s*\d{0,3}\s*(?:\([^()]{2,80}\)\s*)?(?:\*\*)?\s*[.:]\s`)
	// mergedBullet is a list entry run into the previous one by extraction:
	// "Permanence planning for children.- The quality of ...".
	mergedBullet = lazy(`[.;]\s*([-•–])\s+\p{Lu}`)
)

// Blocks splits text[start:end] into blocks by layout: blank lines, list
// markers, and short lines standing alone as headings. A blank line does
// not end a paragraph whose last line runs to the margin without closing
// punctuation: some conversions (PDF to Markdown among them) put a blank
// line after every line of a paragraph.
func Blocks(text string, start, end int) []Block {
	lines := corpus.Lines(text[start:end])
	wide := corpus.FullWidth(lines)
	var out []Block
	cur := -1      // index into out of the open block
	lastLine := -1 // the last line taken into a block
	closeBlock := func() { cur = -1 }
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		ls, le := start+l.Start, start+l.End
		if l.Blank() || cur >= 0 && pageNoise.MatchString(l.Text) {
			if cur >= 0 && out[cur].Kind != Heading {
				if next, ok := continuation(lines, i, wide); ok {
					i = next - 1 // the loop's i++ lands on the continuing line
					continue
				}
			}
			closeBlock()
			continue
		}
		trimmed := plainLine(l.Text)
		if m := bulletRE.FindStringSubmatch(l.Text); m != nil && isListMarker(m[1], trimmed, l.Indent() >= 2) {
			out = append(out, Block{Kind: Bullet, Start: ls + strings.Index(l.Text, m[1]), End: le, Marker: m[1], Indent: l.Indent()})
			cur, lastLine = len(out)-1, i
			continue
		}
		if cur >= 0 && (breaksBefore(out[cur], lines[lastLine], lines[i], wide) || labelLine.MatchString(l.Text) ||
			headingAfterPageBreak(text, lines, i, start, wide) ||
			lastLine == i-1 && text[start+lines[lastLine].End] == '\f' && endsParagraph(lines[lastLine], lines[i], wide)) {
			closeBlock()
		}
		if cur < 0 {
			out = append(out, Block{Kind: Paragraph, Start: ls + l.Indent(), End: le, Indent: l.Indent()})
			cur = len(out) - 1
			if isHeadingLine(trimmed, lines, i, wide) {
				out[cur].Kind = Heading
				closeBlock()
			}
			lastLine = i
			continue
		}
		out[cur].End = le
		lastLine = i
	}
	out = splitMergedBullets(text, out)
	nestBullets(text, out)
	return out
}

// continuation reports whether the paragraph open before blank line i goes
// on after it, and at which line: the line before the blank runs to the
// margin without closing punctuation, and what follows (past any page rule
// or page number) is neither a list entry nor a heading.
func continuation(lines []corpus.Line, i, wide int) (int, bool) {
	if i == 0 {
		return 0, false
	}
	prev := strings.TrimSpace(lines[i-1].Text)
	if wide < 40 || len(prev) < wide*7/10 || terminalRE.MatchString(plainLine(prev)) {
		return 0, false
	}
	// A row of a table laid out in columns ("Overall effectiveness    Good")
	// runs to the margin without punctuation too, but the paragraph after
	// it is not its continuation.
	if strings.Contains(prev, "   ") {
		return 0, false
	}
	j := i
	for j < len(lines) && (lines[j].Blank() || pageNoise.MatchString(lines[j].Text)) && j-i < 6 {
		j++
	}
	if j >= len(lines) {
		return 0, false
	}
	next := lines[j].Text
	if m := bulletRE.FindStringSubmatch(next); m != nil && isListMarker(m[1], plainLine(next), lines[j].Indent() >= 2) {
		return 0, false
	}
	// Text set in bold or italics goes on in the same emphasis: "***the
	// question***" does not run into "**REPLY:**".
	if emphasisLevel(prev) != emphasisLevel(next) {
		return 0, false
	}
	if strings.HasPrefix(strings.TrimSpace(next), "#") {
		return 0, false
	}
	return j, true
}

// emphasisLevel is the number of Markdown emphasis markers a line opens
// with.
func emphasisLevel(s string) int {
	s = strings.TrimSpace(s)
	return len(s) - len(strings.TrimLeft(s, "*_"))
}

// plainLine is a line without its surrounding space and Markdown emphasis
// markers, for judging how it reads.
func plainLine(s string) string {
	return strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "*_"))
}

// isListMarker rejects markers that are really the start of prose: a
// hyphen or number glued to a word is not a bullet, and a lone "I)" or
// "a)" must be followed by text. indented says the line is set in from
// the margin.
func isListMarker(marker, line string, indented bool) bool {
	rest := strings.TrimSpace(strings.TrimPrefix(line, marker))
	if rest == "" {
		return marker != "-" && marker != "*" && marker != "o"
	}
	r, _ := utf8.DecodeRuneInString(rest)
	switch {
	case marker == "o":
		// Word's hollow bullet comes out of PDFs and text as a letter o,
		// indented; a sub-entry may start in lower case.
		return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '$' || r == '£' || r == '€' || unicode.IsLower(r) && indented
	case strings.Count(marker, ".") >= 1 && unicode.IsDigit(rune(marker[0])) && strings.Contains(strings.TrimSuffix(marker, "."), "."):
		// A paragraph number ("3.4 The Panel ...") opens a sentence; "3.4
		// of the report" is a reference run on from the line before.
		return !unicode.IsLower(r)
	case strings.HasSuffix(marker, ".") && unicode.IsLetter(rune(marker[0])):
		// "a. The timeliness ...", "ii. the range ...": a letter or a
		// roman numeral, then text, not "p. 12".
		return unicode.IsLetter(r) || r == '‘' || r == '“' || r == '"'
	}
	return true
}

// breaksBefore reports whether line i starts a new block although no blank
// line precedes it: after a heading, after a line that ends a sentence and
// is much shorter than its neighbours (the last line of a paragraph in
// layout text), after a line that stops well short of the margin where a
// capital starts the next, or where indentation steps back.
func breaksBefore(b Block, prev, cur corpus.Line, wide int) bool {
	pt := strings.TrimSpace(prev.Text)
	if b.Kind == Heading {
		return true
	}
	if wide >= 50 && len(pt) < wide*6/10 && !strings.HasSuffix(pt, ",") && !endsInFunctionWord(pt) {
		if r, _ := utf8.DecodeRuneInString(plainLine(cur.Text)); unicode.IsUpper(r) {
			return true
		}
	}
	if !terminalRE.MatchString(pt) {
		return false
	}
	// A paragraph that ends at a page break may continue on the next
	// page; a form feed alone is no boundary.
	if cur.Indent() < prev.Indent()-2 && b.Kind != Bullet {
		return true
	}
	if b.Kind == Bullet && cur.Indent() < prev.Indent()-1 {
		return true
	}
	return len(pt) < 40 && len(strings.TrimSpace(cur.Text)) > 60 && strings.HasSuffix(pt, ".")
}

// endsParagraph reports whether a page that ends with line prev ends a
// paragraph there: the line ends a sentence well short of the margin and
// the next page opens with a capital. Layout text sets no blank line
// between paragraphs that a page break separates.
func endsParagraph(prev, cur corpus.Line, wide int) bool {
	pt := plainLine(prev.Text)
	if wide < 50 || len(pt) >= wide*8/10 || !strings.HasSuffix(strings.TrimRight(pt, "”’\"')"), ".") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(plainLine(cur.Text))
	return unicode.IsUpper(r)
}

// endsInFunctionWord reports whether a line ends in a word that cannot end
// a sentence or a title: the line runs on.
func endsInFunctionWord(s string) bool {
	w := strings.ToLower(s[strings.LastIndexByte(s, ' ')+1:])
	switch w {
	case "and", "or", "the", "of", "to", "a", "an", "for", "with", "in", "on", "by", "from", "that", "which", "as", "at", "&", "–", "-":
		return true
	}
	return false
}

// headingAfterPageBreak reports whether line i opens a page with a
// heading: a paragraph may run on across a page break, but a heading on
// the next page is not part of it ("Executive summary" after a table that
// ends the page before).
func headingAfterPageBreak(text string, lines []corpus.Line, i, base, wide int) bool {
	s := base + lines[i].Start
	if s == 0 || text[s-1] != '\f' {
		return false
	}
	return isHeadingLine(strings.TrimSpace(lines[i].Text), lines, i, wide)
}

// isHeadingLine reports whether a line stands alone as a heading: short,
// without closing punctuation, and followed by a blank line or by a line
// that starts a sentence.
func isHeadingLine(t string, lines []corpus.Line, i, wide int) bool {
	if len(t) > 100 || terminalRE.MatchString(t) || strings.HasSuffix(t, ",") {
		return false
	}
	// A line that runs to the margin is wrapped prose, whatever follows.
	if wide >= 40 && len(t) >= wide*7/10 && len(t) > 60 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	if i+1 >= len(lines) || lines[i+1].Blank() {
		return true
	}
	next := plainLine(lines[i+1].Text)
	nr, _ := utf8.DecodeRuneInString(next)
	// Wrapped prose continues in lower case; a heading is followed by a
	// new sentence or a list. Long lines that stop short of the margin
	// without punctuation are wrapped prose, not headings.
	if !unicode.IsUpper(nr) && !bulletRE.MatchString(lines[i+1].Text) {
		return false
	}
	return len(t) < 70 && len(strings.Fields(t)) <= 12
}

// splitMergedBullets cuts list entries that extraction ran together on one
// line back into separate entries.
func splitMergedBullets(text string, bs []Block) []Block {
	var out []Block
	for _, b := range bs {
		if b.Kind != Bullet || utf8.RuneCountInString(b.Marker) != 1 {
			out = append(out, b)
			continue
		}
		from := b.Start
		for _, loc := range mergedBullet.FindAllStringSubmatchIndex(text[b.Start:b.End], -1) {
			if text[b.Start+loc[2]:b.Start+loc[3]] != b.Marker {
				continue
			}
			part := b
			part.Start, part.End = from, b.Start+loc[0]+1
			out = append(out, part)
			from = b.Start + loc[2]
		}
		b.Start = from
		out = append(out, b)
	}
	return out
}

// nestBullets sets the depth of list entries. An entry indented further
// than the one before sits under it; so does one that starts in lower case
// after an entry ending in a colon ("Services to care leavers,
// including:"), where the layout that showed the nesting was lost, and the
// lower-case entries that follow it, until an entry starts in capitals.
func nestBullets(text string, bs []Block) {
	byCase := false // the current depth comes from the lower-case rule
	for i := 1; i < len(bs); i++ {
		b, prev := &bs[i], bs[i-1]
		if b.Kind != Bullet || prev.Kind != Bullet {
			byCase = false
			continue
		}
		body := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text[b.Start:b.End]), b.Marker))
		r, _ := utf8.DecodeRuneInString(body)
		prevText := strings.TrimSpace(text[prev.Start:prev.End])
		switch {
		case b.Indent > prev.Indent:
			b.Depth, byCase = prev.Depth+1, false
		case b.Indent < prev.Indent:
			b.Depth, byCase = max(0, prev.Depth-1), false
		case strings.HasSuffix(prevText, ":") && unicode.IsLower(r):
			b.Depth, byCase = prev.Depth+1, true
		case byCase && !unicode.IsLower(r):
			b.Depth, byCase = max(0, prev.Depth-1), false
		default:
			b.Depth = prev.Depth
		}
	}
}
