package classify

import (
	"strings"

	"scrutiny/corpus"
)

// "Recommendation" means two things in council papers, and findings keep
// them apart by Source. What an inspection said must improve (source
// ofsted) is reported in lists ("Inspectors identified eight areas of
// practice that need to improve:", "OFSTED identified eight key
// recommendations ... These were:") and in sentences ("In order to
// improve, Durham should address ...", "... needs to improve"). What a
// council report recommends to its cabinet or committee (source report)
// sits under a "Recommendation(s)" heading or after "It is recommended
// that", phrased as decisions ("Cabinet approve ...").

var (
	// inspectionContext marks text about an inspection.
	inspectionContext = lazy(`(?i)\b(?:ofsted|inspect(?:ion|ions|ors?|orate)|hmi|focused\s+visit|monitoring\s+visit|the\s+(?:inspection\s+)?letter)\b`)
	// ofstedListIntro announces a list of what must improve, perhaps as
	// what inspectors asked of the council ("Ofsted asked the council to
	// improve:").
	ofstedListIntro = lazy(`(?i)\b(?:(?:asked|told|required|advised)\s+(?:the\s+)?(?:council|authority|local\s+authority|service|leaders|it|them)\s+to\s+(?:improve|address|strengthen|focus\s+on)|recommendations?|areas?\s+(?:of\s+[\p{L}-]+\s+)?(?:for\s+(?:improvement|development|(?:priority\s+)?action)|(?:that|which)\s+(?:need|needs|needed|require|required|requires)\s+(?:to\s+)?(?:improve|improvement|development|attention|strengthening|be\s+improved)|requiring\s+(?:improvement|priority\s+action|attention))|priority\s+actions?|improvement\s+(?:areas|actions|priorities)|(?:identified|highlighted|found|set\s+out|listed)\s+(?:the\s+following\s+|(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)(?:key\s+|main\s+|further\s+)?areas?|what\s+needs\s+to\s+improve|needs?\s+to\s+improve|should\s+improve|must\s+improve|actions?\s+(?:required|needed))\b`)
	// ofstedShould is an inspection's call for improvement said of the
	// authority or its practice.
	ofstedShould = lazy(`(?i)\b(?:should|must)\s+(?:address|improve|ensure|strengthen|develop|review|increase|reduce|make\s+sure|prioritise|prioritize|embed|extend|enhance|tackle|secure)\b|\bneeds?\s+(?:to\s+(?:improve|be\s+improved|be\s+strengthened|be\s+addressed|improve\s+further)|improvement|improving|addressing|strengthening)\b|\bmust\s+improve\b|\b(?:ofsted|inspectors|the\s+inspection|hmi)\s+(?:recommended|recommends)\b`)
	// shouldSubject is who an inspection tells to improve: the authority
	// by name, its leaders or services, or a practice.
	modalOpinion = lazy(`(?i)\b(?:if|could|might|would|whether|may)\b`)
	// reportRecIntro opens a report's recommendations.
	reportRecIntro = lazy(`(?i)^(?:\d+(?:\.\d+)*\.?\s+)?(?:recommendations?(?:\(s\))?|recommended\s+decisions?|proposals?\s+and\s+recommendations?)\s*:?\s*$|\bit\s+is\s+recommended\s+that\b|\b(?:cabinet|committee|council|board|panel|members|the\s+executive)\s+(?:is|are)\s+(?:asked|recommended|requested|invited)\s+to\b|^recommendations?(?:\(s\))?\s*:`)
	// decisionVerb is how a recommendation is phrased: as the decision
	// it asks for.
	// reportRecommended is minutes quoting what a report recommended:
	// "The report recommended: That the Committee", "The recommendations
	// of the report were:".
	reportRecommended = lazy(`(?i)^(?:[^.]{0,160}?\b)?(?:the\s+report|it)\s+recommended(?:\s+that)?\s*:(?:\s*that\s+(?:the\s+)?[\p{L}’' -]{1,60}?:?)?$|\bthe\s+(?:report['’]s\s+)?recommendations\s+(?:of|in)?\s*(?:the\s+report\s+)?(?:were|are)(?:\s+that)?\s*:$`)
	decisionVerb      = lazy(`(?i)\b(?:approves?|approval|notes?|agrees?|endorses?|adopts?|delegates?|authori[sz]es?|considers?|receives?|comments?\s+on|supports?|recommends?|requests?|asks?|confirms?|accepts?|rejects?|defers?|instructs?|allocates?|agreement|delegated\s+authority|be\s+(?:given|granted|authori[sz]ed|asked|requested|instructed|approved|noted|agreed|adopted|endorsed))\b`)
)

// recommendations finds recommendations in prose.
func recommendations(c *docContext) {
	about := inspectionContext.MatchString(c.doc.Text[:min(len(c.doc.Text), 20000)])
	taken := map[int]bool{} // sentences already read as list entries
	if about {
		ofstedLists(c, taken)
		ofstedSentences(c, taken)
	}
	if c.doc.Type == corpus.CouncilReport || c.doc.Type == corpus.Minutes {
		reportRecommendations(c, taken)
	}
}

// ofstedLists reads the list after a sentence, or heading, announcing what
// an inspection said must improve.
func ofstedLists(c *docContext, taken map[int]bool) {
	for si, s := range c.sents {
		if taken[si] || !listIntro(c, si) || !ofstedListIntro.MatchString(introText(c, si)) {
			continue
		}
		if !inspectionContext.MatchString(introText(c, si)) && !inspectionContext.MatchString(c.doc.Text[max(0, s.Start-600):s.Start]) {
			continue
		}
		if c.doc.Type == corpus.CouncilReport && reportRecIntro.MatchString(s.Text) && strings.HasPrefix(strings.ToLower(s.Text), "recommendation") {
			continue // a report's own "Recommendation(s):"
		}
		if readList(c, si, corpus.SourceOfsted, "recommendation.ofsted-list", taken, false) > 0 {
			taken[si] = true
		}
	}
}

// listIntro reports whether sentence si announces a list: it ends with a
// colon, or it is a heading followed by list entries.
func listIntro(c *docContext, si int) bool {
	s := c.sents[si]
	if strings.HasSuffix(s.Text, ":") {
		return true
	}
	b := c.blocks[s.Block]
	if b.Kind != Heading || s.Block+1 >= len(c.blocks) || c.blocks[s.Block+1].Kind != Bullet {
		return false
	}
	// "6. Ofsted Outcome and Improvement Priorities" over paragraphs
	// numbered 6.1, 6.2: the item's own paragraphs, not a list.
	num := strings.TrimRight(strings.Fields(c.doc.Text[b.Start:b.End])[0], ".)")
	return num == "" || !strings.HasPrefix(c.blocks[s.Block+1].Marker, num+".")
}

// introText is the sentence that announces a list, with the sentence
// before it in its block: "OFSTED identified eight key recommendations
// ... These were:".
func introText(c *docContext, si int) string {
	t := c.sents[si].Text
	if si > 0 && c.sents[si-1].Block == c.sents[si].Block && len(t) < 40 {
		t = c.sents[si-1].Text + " " + t
	}
	return t
}

// readList emits each entry of the list after sentence si as a
// recommendation. Entries nested under an entry ("Services to care
// leavers, including:" and its sub-entries) belong to it. The list ends
// at the first block that is not an entry, or where its numbering starts
// again. With decisions set, an entry must be phrased as a decision.
func readList(c *docContext, si int, src corpus.Source, rule string, taken map[int]bool, decisions bool) int {
	s := c.sents[si]
	item := corpus.ItemAt(c.doc.Items, s.Start)
	n := 0
	last := -1 // index in doc.Findings of the entry being read
	prevMarker := ""
	base := -1 // the depth of the list's own entries
	for k := si + 1; k < len(c.sents); k++ {
		e := c.sents[k]
		b := c.blocks[e.Block]
		if e.Block == s.Block || corpus.ItemAt(c.doc.Items, e.Start) != item {
			if e.Block == s.Block {
				continue
			}
			break
		}
		if b.Kind != Bullet {
			break
		}
		if c.sents[k-1].Block == e.Block {
			// A later sentence of the same entry.
			if last >= 0 {
				c.extendFinding(last, e.End)
			}
			taken[k] = true
			continue
		}
		if strings.HasSuffix(e.Text, ":") && (last < 0 || b.Depth <= base) && decisions {
			// "2.1 That Cabinet:": an entry that opens the list proper.
			taken[k], base, prevMarker = true, -1, ""
			continue
		}
		if base < 0 {
			base = b.Depth
		}
		if b.Depth > base && last >= 0 {
			c.extendFinding(last, e.End)
			taken[k] = true
			continue
		}
		if b.Depth < base || restarts(prevMarker, b.Marker) || prevMarker != "" && markerStyle(prevMarker) != markerStyle(b.Marker) && b.Depth == base {
			break
		}
		prevMarker = b.Marker
		if taken[k] {
			last = -1 // read already, under another heading
			continue
		}
		taken[k] = true
		if decisions && !decisionVerb.MatchString(e.Text[:min(len(e.Text), 100)]) {
			last = -1
			continue
		}
		last = c.emit(corpus.Finding{Kind: corpus.Recommendation, Start: e.Start, End: e.End, Text: e.Text, Source: src, Rule: rule})
		n++
	}
	return n
}

// restarts reports whether a list marker starts the numbering again after
// prev: "1." after "4." opens a new section, not a fifth entry.
func restarts(prev, marker string) bool {
	if prev == "" {
		return false
	}
	return markerStyle(prev) == markerStyle(marker) && strings.Trim(marker, "().") == "1" && strings.Trim(prev, "().") != ""
}

// ofstedSentences finds an inspection's calls for improvement stated in a
// sentence, in text about an inspection: "In order to improve, Durham
// should address ...", "The timeliness of assessments ... needs to
// improve". Sentences that report what a member or officer said are not
// the inspection's words, and hopes and conditions are not findings.
func ofstedSentences(c *docContext, taken map[int]bool) {
	for si, s := range c.sents {
		t := s.Text
		if taken[si] || !ofstedShould.MatchString(t) || modalOpinion.MatchString(t) || strings.HasSuffix(t, "?") {
			continue
		}
		if spokenBy(t) || c.doc.Type == corpus.Minutes && !inspectionContext.MatchString(t) {
			continue
		}
		if c.blocks[s.Block].Kind == Heading {
			continue
		}
		taken[si] = true
		c.emit(corpus.Finding{Kind: corpus.Recommendation, Start: s.Start, End: s.End, Text: t, Source: corpus.SourceOfsted, Rule: "recommendation.ofsted-sentence"})
	}
}

// spokenBy reports whether a sentence reports a person's words: a named
// member or officer, or a group, as its speaker.
func spokenBy(t string) bool {
	for _, m := range findMentions(t) {
		if m.kind == named || m.kind == office && m.role != corpus.UnknownRole {
			return true
		}
	}
	return false
}

// reportRecommendations reads what a council report recommends: the
// entries of the list under a "Recommendation(s)" heading or after "It is
// recommended that ...:", or the sentence itself when it holds the
// recommendation. In minutes only a heading counts: a motion quoting "Council
// is asked to" is the meeting's business, recorded as its resolution.
func reportRecommendations(c *docContext, taken map[int]bool) {
	listed := false // a list of recommendations was read: a conclusion restating it adds none
	for si, s := range c.sents {
		quoted := c.doc.Type == corpus.Minutes && strings.Contains(strings.ToLower(s.Text), "recommend") && reportRecommended.MatchString(s.Text)
		if taken[si] || inQuotes(s.Text, 0) || !reportRecIntro.MatchString(s.Text) && !quoted {
			continue
		}
		heading := c.blocks[s.Block].Kind == Heading || len(strings.Fields(s.Text)) <= 3 || quoted
		if c.doc.Type == corpus.Minutes && !heading {
			continue
		}
		if n := readRecommendationList(c, si, taken); n > 0 || heading {
			listed = listed || n > 0
			continue
		}
		if listed {
			continue
		}
		if decisionVerb.MatchString(s.Text) && !strings.HasSuffix(s.Text, ":") {
			taken[si] = true
			c.emit(corpus.Finding{Kind: corpus.Recommendation, Start: s.Start, End: s.End, Text: s.Text, Source: corpus.SourceReport, Rule: "recommendation.report-sentence"})
		}
	}
}

// readRecommendationList reads the recommendations after sentence si: a
// list, possibly after a paragraph that says what they are for ("To secure
// the improvements identified by the recent inspection"), or paragraphs
// phrased as decisions.
func readRecommendationList(c *docContext, si int, taken map[int]bool) int {
	k := si
	// Skip a paragraph of purpose ("To secure the improvements ...") or the
	// list's opening words ("That the Executive:") between the heading and
	// the list.
	if k+1 < len(c.sents) && c.blocks[c.sents[k+1].Block].Kind != Bullet && !decisionVerb.MatchString(c.sents[k+1].Text) {
		k++
	}
	if k+1 < len(c.sents) && c.blocks[c.sents[k+1].Block].Kind == Bullet {
		return readList(c, k, corpus.SourceReport, "recommendation.report-list", taken, true)
	}
	n := 0
	item := corpus.ItemAt(c.doc.Items, c.sents[si].Start)
	for k++; k < len(c.sents) && n < 12; k++ {
		e := c.sents[k]
		if corpus.ItemAt(c.doc.Items, e.Start) != item || c.blocks[e.Block].Kind == Heading || !thatDecision.MatchString(e.Text) {
			break
		}
		taken[k] = true
		c.emit(corpus.Finding{Kind: corpus.Recommendation, Start: e.Start, End: e.End, Text: e.Text, Source: corpus.SourceReport, Rule: "recommendation.report-paragraph"})
		n++
	}
	return n
}

// thatDecision is a paragraph phrased as the decision a report asks for:
// "That the Committee notes the report.", "Cabinet is asked to approve".
var thatDecision = lazy(`(?i)^(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:that\s+)?(?:the\s+)?(?:cabinet|committee|council|board|panel|members|executive|sub-committee)\s+(?:(?:is|are)\s+(?:asked|recommended|requested|invited)\s+to\s+)?` + `(?:approves?|notes?|agrees?|endorses?|adopts?|delegates?|authori[sz]es?|considers?|receives?|comments?|supports?|recommends?|requests?|confirms?|accepts?)\b`)
