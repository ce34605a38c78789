package classify

import (
	"strings"

	"scrutiny/corpus"
)

// Resolutions set out as lists: "RESOLVED – That the Committee: (1) ...
// (2) ..." holds one decision per entry, each with its own outcome, and
// "The Scrutiny Committee:" may list its decisions as entries that open
// with their verb ("Noted the report."). A body named in full must be the
// one that met.

// entries emits the decisions a resolution lists after its opening words
// ("RESOLVED – That the Committee:", "Resolved:-", "RESOLVED: 2023/045")
// as one resolution each, since each has its own outcome: "(1) that the
// report be noted; (2) that a visit be arranged". An entry that states no
// outcome of its own takes the opening's ("RESOLVED that Cabinet approve:
// (a) the plan"). It reports whether it found such a list.
func (r *resolver) entries(si, after, start, end int) bool {
	c := r.c
	s := c.sents[si]
	b := c.blocks[s.Block]
	intro := strings.TrimSpace(c.doc.Text[s.Start:b.End])
	if r.firstOnOpening(si, after, start, end) {
		return true
	}
	if terminalRE.MatchString(intro) && !strings.HasSuffix(intro, ":") {
		return false // the opening is a decision of its own
	}
	openEnd := b.End
	entries := listEntries(c, s.Block+1)
	if nb := s.Block + 1; len(entries) == 0 && nb < len(c.blocks) && c.blocks[nb].Kind != Bullet {
		// "RESOLVED:" then "THAT the committee:" and the list.
		if t := Collapse(c.doc.Text[c.blocks[nb].Start:c.blocks[nb].End]); bodyOpening.MatchString(t) {
			entries, openEnd = listEntries(c, nb+1), c.blocks[nb].End
		}
	}
	var list [][2]int
	for _, e := range entries {
		if e[1] <= end {
			list = append(list, e)
		}
	}
	if len(list) == 0 {
		return false
	}
	opening := Collapse(c.doc.Text[s.Offset(c.doc.Text, min(after, len(s.Text))):openEnd])
	r.taken = append(r.taken, [2]int{start, openEnd})
	for _, e := range list {
		text := Collapse(c.doc.Text[e[0]:e[1]])
		if _, ok := outcomeWords(text); !ok {
			text = opening + " " + text
		}
		r.emit(e[0], e[1], text, "resolution.resolved")
	}
	return true
}

// firstOnOpening emits the decisions of a list whose first entry shares
// the line of its opening word, the others set below it: "RESOLVED – (1)
// That the report be noted." then "(2) That ...". It reports whether it
// found such a list.
func (r *resolver) firstOnOpening(si, after, start, end int) bool {
	c := r.c
	s := c.sents[si]
	rest := s.Text[min(after, len(s.Text)):]
	loc := firstEntryMarker.FindStringIndex(rest)
	if loc == nil {
		return false
	}
	var list [][2]int
	for _, e := range listEntries(c, s.Block+1) {
		if e[1] <= end {
			list = append(list, e)
		}
	}
	if len(list) == 0 {
		return false
	}
	first := s.Offset(c.doc.Text, min(after, len(s.Text))+loc[1])
	r.taken = append(r.taken, [2]int{start, first})
	r.emit(first, c.blocks[s.Block].End, Collapse(c.doc.Text[first:c.blocks[s.Block].End]), "resolution.resolved")
	for _, e := range list {
		r.emit(e[0], e[1], Collapse(c.doc.Text[e[0]:e[1]]), "resolution.resolved")
	}
	return true
}

// firstEntryMarker is the mark of a list's first entry: "(1)", "(a)",
// "1.", "i)".
var firstEntryMarker = lazy(`^[\s:–—-]*\(?(?:1|a|i)[.)]\s+`)

// bodyWords are the nouns a body acting is named by, one of which a
// sentence must hold for the pattern to be tried.
var bodyWords = []string{"committee", "panel", "board", "cabinet", "council", "commission", "forum", "executive", "meeting"}

// thisBody reports whether a body named in full is the one that met, not
// another committee whose decision the minutes report: a bare "the
// Committee" always is; "the Children's Scrutiny Panel" must share the
// words of the meeting's name, when the minutes give it.
func (r *resolver) thisBody(name string) bool {
	words := strings.Fields(strings.ToLower(name))
	if len(words) <= 1 || r.c.doc.Meeting == nil || r.c.doc.Meeting.Committee == "" {
		return len(words) <= 1 || r.c.doc.Meeting == nil || r.c.doc.Meeting.Committee == "" && !strings.Contains(name, "'")
	}
	committee := strings.ToLower(r.c.doc.Meeting.Committee)
	for _, w := range words {
		if w != "-" && w != "–" && !strings.Contains(committee, strings.Trim(w, "’'")) {
			return false
		}
	}
	return true
}

// bodyList finds decisions listed under the body's name: "The Scrutiny
// Committee - Children and Families:" and the entries after it, each
// opening with the verb of its decision ("Noted the report.", "Agreed to
// receive a further report").
func (r *resolver) bodyList() {
	c := r.c
	for _, s := range c.sents {
		if !strings.HasSuffix(s.Text, ":") || !bodyColon.MatchString(s.Text) || !r.thisBody(bodyColon.FindStringSubmatch(s.Text)[1]) {
			continue
		}
		for _, e := range listEntries(c, s.Block+1) {
			text := Collapse(c.doc.Text[e[0]:e[1]])
			if decidedVerb.MatchString(text) {
				r.emit(e[0], e[1], text, "resolution.body")
			}
		}
	}
}

// bodyOpening is the opening words of a resolution that name the body
// deciding: "THAT the committee:", "That the Cabinet:".
var bodyOpening = lazy(`(?i)^(?:that\s+)?(?:the\s+)?(?:[\p{L}’'&-]+\s+){0,6}?(?:committee|sub-committee|board|panel|cabinet|council|commission|executive|forum)\s*:$`)

// listEntries returns the byte ranges of the entries of the list that
// starts at block from, in the item of the block before it: each top-level
// entry with the entries nested under it, without its marker.
func listEntries(c *docContext, from int) [][2]int {
	if from <= 0 || from > len(c.blocks) {
		return nil
	}
	item := corpus.ItemAt(c.doc.Items, c.blocks[from-1].Start)
	var out [][2]int
	base := -1
	for k := from; k < len(c.blocks); k++ {
		b := c.blocks[k]
		if b.Kind != Bullet || corpus.ItemAt(c.doc.Items, b.Start) != item {
			break
		}
		if base < 0 {
			base = b.Depth
		}
		if b.Depth < base {
			break
		}
		if b.Depth > base && len(out) > 0 {
			out[len(out)-1][1] = b.End
			continue
		}
		start := min(b.End, b.Start+len(b.Marker))
		for start < b.End && isSkipped(c.doc.Text[start]) {
			start++
		}
		out = append(out, [2]int{start, b.End})
	}
	return out
}

var (
	// bodyColon is a paragraph that only names the body and announces its
	// decisions.
	bodyColon = lazy(`(?i)^(?:the\s+)?((?:[\p{Lu}][\p{L}’'&-]*\s+){0,5}?(?:committee|sub-committee|panel|board|cabinet|council|commission|forum|executive)(?:\s+[-–]\s+[\p{Lu}][\p{L}’'&-]*(?:\s+(?:[\p{Lu}][\p{L}’'&-]*|and|of|for|the)){0,6})?)\s*:$`)
	// decidedVerb opens an entry stating a decision in the past tense.
	decidedVerb = lazy(`^(?:Noted|Agreed|Approved|Endorsed|Resolved|Requested|Supported|Recommended|Asked|Accepted|Adopted|Deferred|Rejected|Refused|Received|Welcomed)\b`)
)
