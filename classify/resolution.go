package classify

import (
	"strings"

	"scrutiny/corpus"
)

// Minutes record decisions formally ("RESOLVED that the report be noted",
// "And Resolved: “That ...”", "BE IT RESOLVED"), as a motion and its
// outcome ("THAT the minutes be adopted as published. Carried."), as the
// body's act ("The Committee noted the report"), as the fate of a paper
// ("The report, as circulated, was noted by Members") or tersely
// ("APPROVED – 2018 Meetings Calendar"). Decisions that minutes report
// from other meetings ("Cabinet resolved on 3 May to ...") are not this
// meeting's.

var (
	// formalResolved is the word minutes set a resolution under.
	formalResolved = lazy(`\b(?:RESOLVED|Resolved)\b|\bRECOMMENDED\b|^(?:DECISION|Decision|AGREED|Agreed)\s*[:–-]`)
	// resolvedLower is "it was resolved that" and "the Committee resolved
	// to", said of this meeting.
	resolvedLower = lazy(`(?i)\bit\s+was\s+(?:\w+\s+)?resolved\s+(?:unanimously\s+)?(?:that|to)\b|\b(?:the\s+)?(?:committee|sub-committee|panel|board|cabinet|council|commission|forum|meeting|executive)\s+(?:unanimously\s+|duly\s+)?resolved\s+(?:that|to)\b`)
	// elsewhere marks a decision dated or placed at another meeting.
	elsewhere = lazy(`(?i)\b(?:on|at\s+its\s+meeting\s+on|at\s+the\s+meeting\s+(?:held\s+)?on)\s+\d|\b(?:previously|last\s+(?:year|month|week)|earlier\s+this\s+year)\b|\bhad\s+(?:been\s+)?(?:resolved|agreed|approved|noted|decided)\b|\bin\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d\d)\b`)
	// bodyActed is the meeting's body deciding: "The Committee noted the
	// report", "The Panel agreed to ...".
	// The body may be named in full ("The Scrutiny Committee - Children
	// and Families noted the report"); group 1 is its name, group 2 the
	// verb.
	bodyActed = lazy(`(?i)^(?:[^,]{0,60},\s*)?(?:the\s+)?((?:[\p{Lu}][\p{L}’'&-]*\s+){0,5}?(?:committee|sub-committee|panel|board|cabinet|council|commission|forum|executive|meeting)(?:\s+[-–]\s+[\p{Lu}][\p{L}’'&-]*(?:\s+(?:[\p{Lu}][\p{L}’'&-]*|and|of|for|the)){0,6})?)\s+(?:unanimously\s+|formally\s+|duly\s+|then\s+|therefore\s+|also\s+)?(?:(?:discussed|considered|debated|reviewed)\s+and\s+)?(noted|approved|agreed|endorsed|accepted|adopted|deferred|refused|rejected|supported|ratified|declined|recommended)\s+(the|this|these|its|a|an|all|to|that\s+the|that\s+a)\b`)
	// paperFate is what became of a paper: "The report, as circulated,
	// was noted by Members", "The minutes were approved as a correct
	// record".
	paperFate = lazy(`(?i)^(?:the\s+)?(?:[\p{L}’'/-]+\s+){0,8}?(?:report|reports|minutes|record|(?:action\s+)?notes|recommendations?|update|plan|item|motion|amendment|notice\s+of\s+motion|proposals?|budget|accounts|statement|policy|strategy|terms\s+of\s+reference|work\s+programme|schedule|calendar|financials|application|by-?law|correspondence|presentation|information|petition)(?:\s+(?:of|for|on|from|to|in)\s+[^,.;]{1,80}?)?(?:\s*,[^,]{1,50},)?\s+(?:was|were)\s+(?:(?:otherwise|duly|formally|unanimously|then|therefore|also|accordingly)\s+)?(?:(?:taken\s+as\s+read|reviewed|considered|received|circulated|discussed)\s+and\s+(?:were\s+|was\s+)?)?(noted|approved|agreed|adopted|endorsed|deferred|refused|rejected|received|accepted|carried|ratified|withdrawn|confirmed|signed)\b`)
	// moverAgreed is a motion proposed, seconded and agreed in one
	// sentence: "The Notice of Motion was proposed by Councillor Kilcoyne,
	// seconded by Councillor Pond and agreed."
	moverAgreed = lazy(`(?i)\b(?:proposed|moved)\s+by\b[^.]*\bseconded\s+by\b[^.]*?\b(?:and|,)\s+(?:was\s+)?(agreed|carried|approved|adopted|lost|defeated|rejected)\b`)
	// itWasAgreed is "It was agreed to refer this Notice of Motion to ...".
	itWasAgreed = lazy(`(?i)^(?:[^,]{0,80},\s*)?it\s+was\s+(?:unanimously\s+|therefore\s+|further\s+|also\s+)?(agreed|decided)\s+(?:that|to)\b`)
	// voteOutcome is the outcome of a vote, set on its own or ending a
	// motion: "Carried.", "Motion carried.", "Agreed unanimously.", "and it
	// was agreed unanimously".
	voteOutcome = lazy(`(?:^|\s)((?:Substantive\s+)?(?:[Mm]otion|[Aa]mendment)\s+(?:carried|lost|fell|defeated)|[Cc]arried(?:\s+unanimously)?|CARRIED|[Dd]efeated|DEFEATED|[Ll]ost|LOST|[Nn]ot\s+carried|NOT\s+CARRIED|[Aa]greed(?:\s+unanimously)?|AGREED|it\s+was\s+agreed(?:\s+unanimously)?)\s*\.?\s*$`)
	// terse is a decision set out without a sentence: "APPROVED – 2018
	// Meetings Calendar", "Minutes from 11/30/17 meeting approved –
	// Z. Maiorca (motion), T. Feinberg (second)", "NOTED".
	terseHead  = lazy(`^(APPROVED|AGREED|CARRIED|DEFERRED|REJECTED|REFUSED|NOTED)(?:\s*[–:-]\s*\S|\s*\.?$)`)
	terseMoved = lazy(`^(.{3,120}?)\s+(approved|adopted|agreed|deferred|rejected|carried|noted)\b\s*(?:[–-]|\(|$)`)
	movers     = lazy(`(?i)\((?:motion|moved|second|seconded|mover|seconder)\)|\b(?:moved|seconded)\s+by\b`)
	// minutesApproved is the decision on the previous minutes in the
	// infinitive, as decision lists write it: "To approve the minutes of
	// the meeting held on 25 November 2025 as a correct record."
	minutesApproved = lazy(`(?i)^(?:\p{Lu}[\p{L} ]{0,30}:\s*)?(?:to\s+)?(?:approve|agree|confirm|sign)\b[^.]{0,40}\bminutes\b[^.]{0,160}\bas\s+an?\s+(?:correct|true|accurate)\s+record\b`)
	// motionStart opens the text of a motion: "THAT ...", "BE IT
	// RESOLVED", "WHEREAS".
	motionStart = lazy(`(?:^|[:\s])(?:THAT|That|BE\s+IT\s+RESOLVED|WHEREAS|Whereas)\b`)
)

// resolutions finds the decisions of minutes.
func resolutions(c *docContext) {
	r := &resolver{c: c}
	r.formal()
	r.bodyList()
	r.outcomes()
	r.statements()
}

// resolver finds resolutions, remembering the ranges taken so that one
// decision is found once.
type resolver struct {
	c     *docContext
	taken [][2]int
}

func (r *resolver) free(start, end int) bool {
	for _, t := range r.taken {
		if start < t[1] && t[0] < end {
			return false
		}
	}
	return true
}

func (r *resolver) emit(start, end int, body, rule string) {
	if end <= start || !r.free(start, end) {
		return
	}
	r.taken = append(r.taken, [2]int{start, end})
	r.c.emit(corpus.Finding{Kind: corpus.Resolution, Start: start, End: end, Outcome: outcomeOf(body), Rule: rule})
}

// formal finds resolutions set under "RESOLVED" and its kin. A resolution
// whose words follow it ("RESOLVED that Council:", "And Resolved:") runs
// on over the list or paragraphs that hold them.
func (r *resolver) formal() {
	c := r.c
	for si, s := range c.sents {
		loc := formalResolved.FindStringIndex(s.Text)
		lower := false
		if loc == nil {
			if loc = resolvedLower.FindStringIndex(s.Text); loc == nil || elsewhere.MatchString(s.Text) {
				continue
			}
			lower = true
		}
		if rest := strings.Trim(s.Text[loc[1]:], " :–-"); rest == "" && si+1 < len(c.sents) && formalResolved.MatchString(c.sents[si+1].Text) {
			continue // "Decision:" over "RESOLVED – That ...": the label of what follows
		}
		lineStart := startsLine(c.doc.Text, s.Offset(c.doc.Text, loc[0]))
		if inQuotes(s.Text, loc[0]) || !lower && !lineStart && reportedResolution(s.Text, loc[0]) {
			continue
		}
		start := s.Start
		if pre := strings.TrimSpace(s.Text[:loc[0]]); strings.HasSuffix(pre, ")") || strings.HasSuffix(pre, ":") || lineStart && pre != "" {
			// "2 MINUTES OF THE MEETING (Agenda item 3) RESOLVED: ...": the
			// heading before is not the resolution's.
			start = s.Offset(c.doc.Text, loc[0])
		}
		end := r.resolutionEnd(si, loc[1])
		if r.entries(si, loc[1], start, end) {
			continue
		}
		body := Collapse(c.doc.Text[s.Offset(c.doc.Text, loc[1]):end])
		r.emit(start, end, body, "resolution.resolved")
	}
}

// startsLine reports whether byte i of text opens a line: "Resolved"
// under a heading that a PDF set straight above it.
func startsLine(text string, i int) bool {
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t') {
		i--
	}
	return i == 0 || text[i-1] == '\n' || text[i-1] == '\f'
}

// reportedResolution reports whether "Resolved" at byte i is not a heading
// of this meeting's decision: the word used in passing ("the matter was
// Resolved").
func reportedResolution(t string, i int) bool {
	pre := strings.TrimSpace(t[:i])
	if pre == "" {
		return false
	}
	w := strings.ToLower(pre[strings.LastIndexAny(pre, " (")+1:])
	switch w {
	case "and", "it", "was", "is", "be", "unanimously", "further", "duly", "hereby", "therefore", "council", "committee", "cabinet", "panel", "board":
		return false
	}
	// "3) RESOLVED", "Minutes: RESOLVED", "Proposed by ...; Seconded by
	// ...; And Resolved".
	return !strings.HasSuffix(pre, ")") && !strings.HasSuffix(pre, ":") && !strings.HasSuffix(pre, ";") && !strings.HasSuffix(pre, ".")
}

// resolutionEnd returns where the resolution in sentence si ends. It takes
// the rest of the sentence's block; when the words of the resolution are
// still to come (the sentence ends at "RESOLVED that Council:" or "And
// Resolved:"), it takes the blocks that follow while they are its list or
// its quoted words.
func (r *resolver) resolutionEnd(si, after int) int {
	c := r.c
	s := c.sents[si]
	b := c.blocks[s.Block]
	end := b.End
	rest := strings.TrimSpace(s.Text[min(after, len(s.Text)):])
	blockText := strings.TrimSpace(c.doc.Text[s.Start:b.End])
	// The words run on when the block ends without ending a sentence (a
	// page break cut it) or announces them ("RESOLVED that Council:").
	open := strings.HasSuffix(blockText, ":") || !terminalRE.MatchString(blockText) || len(strings.Trim(rest, " :–-")) < 4 ||
		strings.Count(c.doc.Text[s.Start:b.End], "“") > strings.Count(c.doc.Text[s.Start:b.End], "”")
	item := corpus.ItemAt(c.doc.Items, s.Start)
	for k := s.Block + 1; k < len(c.blocks); k++ {
		nb := c.blocks[k]
		if corpus.ItemAt(c.doc.Items, nb.Start) != item {
			break
		}
		sub := nb.Kind == Bullet && (b.Kind != Bullet || markerStyle(nb.Marker) != markerStyle(b.Marker) || nb.Depth > b.Depth) ||
			nb.Kind != Bullet && nb.Indent > b.Indent+2 && b.Kind == Bullet
		if !open && !sub {
			break
		}
		if nb.Kind == Heading && !open {
			break
		}
		end = nb.End
		text := strings.TrimSpace(c.doc.Text[nb.Start:nb.End])
		// The words have come once a paragraph of them ends a sentence.
		open = open && !sub && !terminalRE.MatchString(text) || strings.HasSuffix(text, ":") ||
			strings.Count(c.doc.Text[s.Start:nb.End], "“") > strings.Count(c.doc.Text[s.Start:nb.End], "”")
	}
	return end
}

// markerStyle is the kind of a list marker, so that "3)" and "4)" are one
// list and "(i)" or "•" another: digits, letters, roman numerals or a
// symbol, with their brackets.
func markerStyle(m string) string {
	var b strings.Builder
	for _, r := range m {
		switch {
		case r >= '0' && r <= '9':
			b.WriteByte('9')
		case strings.ContainsRune("ivx", r):
			b.WriteByte('i')
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			b.WriteByte('a')
		default:
			b.WriteRune(r)
		}
	}
	return strings.NewReplacer("99", "9", "ii", "i", "iii", "i").Replace(b.String())
}

// outcomes finds motions closed by a vote: a sentence "Carried." after
// the motion's text ("THAT the minutes be adopted as published."), or an
// outcome standing alone after the paragraph that proposed the motion. An
// outcome followed in its item by a formal resolution only records the
// vote on it.
func (r *resolver) outcomes() {
	c := r.c
	for si, s := range c.sents {
		m := voteOutcome.FindStringSubmatchIndex(s.Text)
		if m == nil {
			continue
		}
		item := corpus.ItemAt(c.doc.Items, s.Start)
		// A resolution after a vote records what the vote carried; a
		// motion lost is recorded only by its vote.
		if r.formalLater(s.End, item) && outcomeOf(s.Text[m[2]:]) != corpus.Refused {
			continue
		}
		start := -1
		if ms := motionStart.FindStringIndex(s.Text[:m[2]]); ms != nil {
			start = s.Offset(c.doc.Text, ms[0])
		}
		// The motion may open in an earlier sentence of the paragraph,
		// after the outcome of the motion before it.
		for k := si - 1; start < 0 && k >= 0 && c.sents[k].Block == s.Block; k-- {
			p := c.sents[k]
			if voteOutcome.MatchString(p.Text) {
				break
			}
			if ms := motionStart.FindStringIndex(p.Text); ms != nil {
				start = p.Offset(c.doc.Text, ms[0])
			} else if moverSeconder.MatchString(p.Text) {
				start = p.Start
			}
		}
		if start < 0 {
			bi := s.Block
			if k := r.motionBefore(bi, item); k >= 0 {
				// The motion is in a paragraph before: the one that
				// proposed it, or the one that opens "THAT ..." before a
				// table.
				b := c.blocks[k]
				text := Collapse(c.doc.Text[b.Start:b.End])
				start = b.Start
				if ms := motionStart.FindStringIndex(text); ms != nil {
					start = r.offsetIn(b, text, ms[0])
				}
			} else if proposal.MatchString(s.Text) {
				start = s.Start
			} else {
				continue
			}
		}
		r.emit(start, s.End, Collapse(c.doc.Text[start:s.End]), "resolution.vote")
	}
}

// motionBefore returns the block, among the few before block bi in the
// same item, that holds the motion an outcome closes, or -1. An outcome
// alone closes the paragraph just before it.
func (r *resolver) motionBefore(bi, item int) int {
	c := r.c
	alone := len(strings.Fields(Collapse(c.doc.Text[c.blocks[bi].Start:c.blocks[bi].End]))) <= 3
	for k := bi - 1; k >= 0 && k >= bi-4; k-- {
		b := c.blocks[k]
		if corpus.ItemAt(c.doc.Items, b.Start) != item || !r.free(b.Start, b.End) {
			return -1
		}
		text := Collapse(c.doc.Text[b.Start:b.End])
		if voteOutcome.MatchString(text) {
			return -1
		}
		if motionStart.MatchString(text) || proposal.MatchString(text) || alone {
			return k
		}
	}
	return -1
}

// proposal marks a paragraph that puts a motion: "Mr Sweetland proposed,
// and Mr Ridgers seconded, that ...", "Moved by ...".
var proposal = lazy(`(?i)\b(?:proposed|moved|seconded)\b`)

// offsetIn maps offset i of the collapsed text of block b to a document
// offset.
func (r *resolver) offsetIn(b Block, collapsed string, i int) int {
	s := Sentence{Start: b.Start, End: b.End, Text: collapsed}
	return s.Offset(r.c.doc.Text, i)
}

// formalLater reports whether a formal resolution comes after byte off in
// the same item before any other motion is put: the outcome at off was the
// vote on what the resolution records.
func (r *resolver) formalLater(off, item int) bool {
	for _, s := range r.c.sents {
		if s.Start < off {
			continue
		}
		if corpus.ItemAt(r.c.doc.Items, s.Start) != item {
			return false
		}
		// Whichever comes first in the sentence decides: a resolution
		// ("RESOLVED: That ...") or a new motion ("WHEREAS ... BE IT
		// RESOLVED").
		f := formalResolved.FindStringIndex(s.Text)
		if f != nil && reportedResolution(s.Text, f[0]) {
			f = nil
		}
		m := motionStart.FindStringIndex(s.Text)
		if m == nil {
			m = moverSeconder.FindStringIndex(s.Text)
		}
		switch {
		case f != nil && (m == nil || f[0] <= m[0]):
			return true
		case m != nil:
			return false
		}
	}
	return false
}

// moverSeconder is a motion put: "X proposed, and Y seconded, that".
var moverSeconder = lazy(`(?i)\b(?:proposed|moved)\b.*\bseconded\b`)

// statements finds decisions stated in a sentence: the body's act, the
// fate of a paper, a motion agreed, "it was agreed to", and terse lines.
func (r *resolver) statements() {
	c := r.c
	for _, s := range c.sents {
		t := s.Text
		if inQuotes(t, 0) || strings.HasPrefix(t, "“") {
			continue
		}
		// A remark in brackets ("The minutes (copies of which had been
		// circulated) of the meeting ...") says nothing of the decision.
		plain := t
		if strings.IndexByte(t, '(') >= 0 {
			plain = strings.Join(strings.Fields(aside.ReplaceAllString(t, "")), " ")
		}
		lower := strings.ToLower(t)
		body := hinted(lower, bodyWords)
		switch {
		case body && bodyActed.MatchString(t) && !notedThatRE.MatchString(t) && !elsewhere.MatchString(t) && r.thisBody(bodyActed.FindStringSubmatch(t)[1]):
			m := bodyActed.FindStringSubmatch(t)
			r.emit(s.Start, s.End, m[2]+" "+t[len(m[0]):], "resolution.body")
		case paperFate.MatchString(plain) && !passiveElsewhere.MatchString(plain):
			r.emit(s.Start, s.End, paperFate.FindStringSubmatch(plain)[1]+" "+t, "resolution.paper")
		case moverAgreed.MatchString(t):
			r.emit(s.Start, s.End, t, "resolution.moved")
		case itWasAgreed.MatchString(t) && !elsewhere.MatchString(t) && !replyPromised.MatchString(t):
			r.emit(s.Start, s.End, t, "resolution.agreed")
		case terseHead.MatchString(t) || terseMoved.MatchString(t) && movers.MatchString(t):
			r.emit(s.Start, s.End, t, "resolution.terse")
		case minutesApproved.MatchString(t):
			r.emit(s.Start, s.End, t, "resolution.minutes")
		}
	}
}

var (
	// replyPromised is an answer put off until after the meeting: "It was
	// agreed that a written response would be sent to her", an
	// undertaking to a questioner rather than a decision of the meeting.
	replyPromised = lazy(`(?i)\bagreed\s+that\s+(?:a\s+|the\s+)?(?:full\s+|written\s+|detailed\s+)?(?:response|reply|answer)s?\s+(?:would|will|should|be)\s+(?:be\s+)?(?:sent|provided|given|circulated|supplied|shared)\b`)
	// notedThatRE is "noted that", which opens a point of discussion.
	notedThatRE = lazy(`(?i)\bnoted\s+that\b`)
	// passiveElsewhere marks a paper decided by another body or at
	// another time: "approved by Cabinet on 3 May".
	passiveElsewhere = lazy(`(?i)\bby\s+(?:the\s+)?(?:cabinet|council|full\s+council|committee|board|panel|executive|secretary\s+of\s+state|government|ofsted)\b|\b(?:previously|last\s+(?:year|month))\b|\bhad\s+been\b`)
)

// outcome words, tried in order of strength: a refusal or deferral is the
// outcome wherever it stands; otherwise the first of approval, noting and
// agreement decides.
var (
	refusedRE  = lazy(`(?i)\b(?:refuse[ds]?|reject(?:s|ed)?|not\s+(?:be\s+)?(?:approved|agreed|carried|adopted|supported)|declined?|defeated|lost|fell|dismissed)\b`)
	deferredRE = lazy(`(?i)\b(?:defer(?:s|red)?|postpone[ds]?|to\s+be\s+revisited|revisit(?:ed)?\s+at|withdrawn|held\s+in\s+abeyance|adjourn(?:s|ed)?\s+(?:consideration|the\s+item|this\s+item))\b`)
	approvedRE = lazy(`(?i)\b(?:approve[ds]?|approval|adopt(?:s|ed)?|endorse[ds]?|ratif(?:y|ies|ied)|granted|pass(?:es|ed)?\s+by-?law|(?:correct|true|accurate)\s+record)\b`)
	// minutesConfirmed is the previous minutes agreed, confirmed or signed,
	// which is their approval.
	minutesConfirmed = lazy(`(?i)\b(?:confirm(?:s|ed)?|agree[ds]?|sign(?:s|ed)?|approve[ds]?|taken\s+as\s+read)\b`)
	notedRE          = lazy(`(?i)\b(?:note[ds]?|noting|receive[ds]?\s+(?:the|and|this|its)\s|(?:be|been|was|were|is)\s+received|taken\s+as\s+read)\b`)
	// aside is a remark in brackets, which says nothing of the outcome:
	// "(not included in the 2025 Approved Budget)".
	aside     = lazy(`\([^()]*\)`)
	minutesRE = lazy(`(?i)\bminutes\b|\b(?:action|meeting)\s+notes\b|\bnotes\s+of\s+the\s+(?:previous\s+|last\s+)?meeting\b|\brecord\s+of\s+(?:the\s+)?(?:previous\s+|last\s+)?(?:meeting|proceedings)\b`)
	// receivedPaper is a paper received or accepted, which is noting it:
	// "That we accept the correspondence as presented."
	// reportToCome is a report to be received later, which is agreeing
	// to have it: "receive a report on progress in six months".
	reportToCome = lazy(`(?i)\b(?:a|an|further|another|future|regular|quarterly|annual|progress)\b`)
	// toRecommend opens a decision to recommend, request or refer.
	toRecommend   = lazy(`^(?i:that\s+)?(?i:the\s+)?(?:(?:\p{Lu}[\p{L}’'&-]*|and|of|for)\s+){0,8}?(?i:recommends?|requests?|asks?|urges?|refers?|calls\s+on|invites?)\s+(?i:that|to|the|cabinet|council|officers|members)\b`)
	receivedPaper = lazy(`(?i)\b(?:accept|accepts|accepted|receive|receives|received)\s+(?:the\s+|this\s+)?(?:\w+\s+)?(?:correspondence|reports?|update|information|presentation|petition|letters?)\b`)
)

// outcomeOf reads what a resolution decided from its words.
func outcomeOf(body string) corpus.Outcome {
	o, _ := outcomeWords(body)
	return o
}

// outcomeWords reads what a resolution decided from its words, and
// reports whether any word said it; a decision that says none is agreed.
func outcomeWords(body string) (corpus.Outcome, bool) {
	body = aside.ReplaceAllString(body, "")
	// "the action notes of the meeting" are minutes, not a noting.
	minutes := minutesRE.MatchString(body)
	if minutes {
		body = minutesRE.ReplaceAllString(body, "minutes")
	}
	switch {
	case refusedRE.MatchString(body) && !approvedRE.MatchString(body[:refusedRE.FindStringIndex(body)[0]]):
		return corpus.Refused, true
	case deferredRE.MatchString(body):
		return corpus.Deferred, true
	case minutes && (approvedRE.MatchString(body) || minutesConfirmed.MatchString(body)):
		return corpus.Approved, true
	case receivedPaper.MatchString(body) && !reportToCome.MatchString(receivedPaper.FindString(body)):
		return corpus.Noted, true
	case toRecommend.MatchString(body):
		// "Recommends that the dashboard be adopted": the decision is
		// to recommend or ask, whatever the words recommended say.
		return corpus.Agreed, true
	}
	a, n := approvedRE.FindStringIndex(body), notedRE.FindStringIndex(body)
	switch {
	case a != nil && (n == nil || a[0] < n[0]):
		return corpus.Approved, true
	case n != nil:
		return corpus.Noted, true
	}
	return corpus.Agreed, false
}
