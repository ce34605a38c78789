package classify

import (
	"strings"

	"scrutiny/corpus"
)

// An attendance list is a label and names: "PRESENT: Mr B J Sweetland
// (Chairman), Mr A M Ridgers (Vice-Chairman), Mr N Baker, ...", "IN
// ATTENDANCE: Mr J Cook (Democratic Services Manager)", "OFFICIALS IN
// ATTENDANCE: Financial Accountant (Mr. P. Murnane)", "Staff: Fire Chief
// Will Bateman; ...". The label says whether the names are members or
// officers; a title or an office beside a name can say more.

var (
	attendanceLabel = lazy(`(?im)^[ \t]*(?:[o•·▪\-]\s+|\()?(?:\*\*)?((?:(?:members|councillors|commissioners|officers|officials|staff|others|also|cabinet\s+members|(?:non[\s-]voting\s+)?co-opted\s+members?)(?:\s+and\s+\w+)?\s+)?(?:present|in\s+attendance)(?:\s+in\s+the\s+chair|\s+virtually|\s+remotely|\s+online)?|in\s+attendance(?:\s+virtually)?|also\s+in\s+attendance|attendees|staff(?:\s+and\s+visitors\s+present)?|officers|(?:non[\s-]voting\s+)?co-opted\s+members?|in\s+the\s+chair|chair(?:man)?|apologies(?:\s+for\s+absence)?|regrets|absent|(?:commissioners|members)\s+absent)(?:\*\*)?\s*(?:\*\*)?:(?:\*\*)?`)
	// personInBrackets is a name in brackets after its office:
	// "Financial Accountant (Mr. P. Murnane)".
	personInBrackets = lazy(`\(\s*(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Sir|Prof)\b\.?[^()]*\)`)
	honours          = lazy(`^(?:[MOC]BE|KBE|DBE|CB|QPM|JP|DL|FRS|MP|MEP|QC|KC|OBE|MBE|CBE)$`)
	officeStart      = lazy(`^(?:Interim|Acting|Deputy|Assistant|Executive|Corporate|Strategic|Operational|Senior|Principal|Chief|Head|Director|Manager|Officer|Fire|Land|Deputy)\b`)
)

// attendance reads the attendance lists in the head of minutes.
func attendance(head string) []corpus.Attendee {
	head = strings.ReplaceAll(head, "*", "")
	locs := attendanceLabel.FindAllStringSubmatchIndex(head, -1)
	var out []corpus.Attendee
	seen := map[string]bool{}
	for k, loc := range locs {
		label := strings.ToLower(strings.Join(strings.Fields(head[loc[2]:loc[3]]), " "))
		if strings.HasPrefix(label, "apolog") || label == "regrets" || strings.HasSuffix(label, "absent") {
			continue
		}
		end := len(head)
		if k+1 < len(locs) {
			end = locs[k+1][0]
		}
		list := listText(head[loc[1]:end])
		for _, a := range parseAttendees(list, labelRole(label)) {
			if key := strings.ToLower(a.Name); !seen[key] {
				seen[key] = true
				out = append(out, a)
			}
		}
	}
	return out
}

// labelRole is the role a list's label gives its names.
func labelRole(label string) corpus.Role {
	switch {
	case strings.Contains(label, "chair"):
		return corpus.Chair
	case strings.Contains(label, "officer"), strings.Contains(label, "official"), strings.HasPrefix(label, "staff"),
		strings.HasPrefix(label, "in attendance"), strings.HasPrefix(label, "also in attendance"), strings.HasPrefix(label, "others"):
		return corpus.Officer
	case strings.HasPrefix(label, "also present"):
		return corpus.UnknownRole
	}
	return corpus.Member
}

// listText returns the lines of a list up to where it ends: a blank line
// (unless the line before runs on: it ends with a comma or "and", or fills
// the line), or a line that starts a sentence of prose.
func listText(s string) string {
	lines := strings.Split(s, "\n")
	var b strings.Builder
	started, blank := false, false
	last := ""
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			if started {
				blank = true
			}
			continue
		}
		if started && (proseLine.MatchString(t) || blank && !runsOn(last)) {
			break
		}
		if blank && pageNoise.MatchString(t) {
			continue
		}
		if started {
			// A line that closes a bracket and a line that opens with a
			// name are two entries, though no comma stands between.
			if strings.HasSuffix(last, ")") && isCapitalised(t) {
				b.WriteByte(',')
			}
			b.WriteByte(' ')
		}
		b.WriteString(t)
		started, blank, last = true, false, t
	}
	return b.String()
}

var proseLine = lazy(`^(?:The|This|These|A|An|It|At|In|On|Apologies|UNRESTRICTED|RESTRICTED|Minutes|MINUTES)\b|\b(?:were|was|has|have|is|are|will)\s+(?:\w+\s+)?(?:received|held|called|present|be)\b|^\d{1,3}[.)]?\s`)

// runsOn reports whether a list line goes on past a blank line.
func runsOn(line string) bool {
	return strings.HasSuffix(line, ",") || strings.HasSuffix(line, " and") || len(line) >= 60 && !strings.HasSuffix(line, ".")
}

// parseAttendees splits a list into people. Lists name people first and
// put offices in brackets ("Mr J Cook (Democratic Services Manager)"), or
// put offices first and names in brackets ("Financial Accountant (Mr. P.
// Murnane)"), or write the office before the name ("Fire Chief Will
// Bateman").
func parseAttendees(list string, role corpus.Role) []corpus.Attendee {
	list = strings.TrimRight(strings.TrimSpace(list), ".")
	if list == "" || strings.EqualFold(list, "none") {
		return nil
	}
	if len(personInBrackets.FindAllStringIndex(list, -1)) >= 2 {
		return officesFirst(list, role)
	}
	var out []corpus.Attendee
	plural := ""      // "Councillors" before a run of names
	pluralFrom := -1  // the entry that starts the run
	pluralUntil := -1 // the run ends after the name that follows " and "
	for i, e := range splitList(list) {
		e.text = strings.TrimSpace(e.text)
		if e.text == "" {
			continue
		}
		name, pos := cutPosition(e.text)
		if len(out) > 0 && pos == "" && isOfficeOnly(name) {
			// "Councillor F. Kilcoyne, Leas-Chathaoirleach": the office
			// of the name before.
			prev := &out[len(out)-1]
			*prev = attendee(prev.Name, strings.TrimSpace(prev.Position+" "+name), prev.Role)
			continue
		}
		if w, rest, ok := strings.Cut(name, " "); ok && (w == "Councillors" || w == "Cllrs") {
			plural, pluralFrom, pluralUntil = strings.TrimSuffix(w, "s"), i, -1
			name = plural + " " + rest
		} else if plural != "" && !hasTitle(name) && (pluralUntil < 0 || i <= pluralUntil) {
			name = plural + " " + name
		}
		if e.afterAnd && plural != "" && i > pluralFrom && pluralUntil < 0 {
			pluralUntil = i
		}
		if w, _, _ := strings.Cut(name, " "); w == "Councillors" {
			name = "Councillor" + strings.TrimPrefix(name, "Councillors")
		}
		if pos == "" {
			name, pos = officeBeforeName(name)
		}
		out = append(out, attendee(name, pos, role))
	}
	return out
}

// listEntry is one entry of a list, and whether " and " came before it.
type listEntry struct {
	text     string
	afterAnd bool
}

// splitList splits a list at commas, semicolons and " and " outside
// brackets, keeping honours ("Mrs T Dean, MBE") with their name. A list
// that separates entries with semicolons may use " and " inside an office
// ("Land Planning and Technology Administrator John-Paul Negrinotti"), so
// there " and " separates only in the last entry. A full stop after
// a name separates too.
func splitList(list string) []listEntry {
	semi := strings.Contains(list, ";")
	lastSemi := strings.LastIndexByte(list, ';')
	var out []listEntry
	depth, start := 0, 0
	afterAnd := false
	push := func(end int, nextAnd bool) {
		t := strings.Join(strings.Fields(list[start:end]), " ")
		t = strings.TrimSuffix(t, ".")
		if honours.MatchString(t) && len(out) > 0 {
			out[len(out)-1].text += ", " + t
		} else if t != "" {
			out = append(out, listEntry{text: t, afterAnd: afterAnd})
		}
		afterAnd = nextAnd
	}
	for i := 0; i < len(list); i++ {
		switch c := list[i]; {
		case c == '(':
			depth++
		case c == ')':
			depth = max(0, depth-1)
		case depth == 0 && (c == ',' || c == ';'):
			push(i, false)
			start = i + 1
			if strings.HasPrefix(list[start:], " and ") {
				start += 5
				afterAnd = true
				i = start - 1
			}
		case depth == 0 && c == '.' && i+2 < len(list) && list[i+1] == ' ' && isCapitalised(list[i+2:]) && !initialEnd.MatchString(list[start:i+1]):
			push(i, false) // "Martin Whelton. Caroline Holland"
			start = i + 1
		case depth == 0 && strings.HasPrefix(list[i:], " and ") && (!semi || i > lastSemi):
			push(i, true)
			start = i + 5
			i = start - 1
		}
	}
	push(len(list), false)
	return out
}

// initialEnd is a text ending in an initial: "Mr. K." does not end a name.
var initialEnd = lazy(`(?:^|[\s.])\p{Lu}\.$`)

// isOfficeOnly reports whether a list entry is an office without a name:
// an office word and no title, in a few words.
func isOfficeOnly(e string) bool {
	return !hasTitle(e) && len(strings.Fields(e)) <= 4 && officeRole(strings.ReplaceAll(e, "-", " ")) != corpus.UnknownRole &&
		officeRole(e) != corpus.UnknownRole && !strings.Contains(e, " ") || !hasTitle(e) && officeHeadOnly(e)
}

// officeHeadOnly reports whether every word of e is an office word or a
// word that qualifies one ("Vice-Chairman", "Deputy Mayor").
func officeHeadOnly(e string) bool {
	words := strings.Fields(e)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		if _, ok := officeHeads[strings.ToLower(w)]; !ok && w != "Deputy" && w != "Acting" {
			return false
		}
	}
	return true
}

// officesFirst reads a list that writes each office before the name in
// brackets; two people may share one office ("Senior Executive Engineers
// (Mr. M. Richardson and Mr. L. Browne)").
func officesFirst(list string, role corpus.Role) []corpus.Attendee {
	var out []corpus.Attendee
	prev := 0
	for _, loc := range personInBrackets.FindAllStringIndex(list, -1) {
		pos := strings.TrimSpace(list[prev:loc[0]])
		pos = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(strings.TrimLeft(pos, ", "), "and "), "And "))
		inner := strings.Trim(list[loc[0]:loc[1]], "() ")
		for _, name := range strings.Split(inner, " and ") {
			out = append(out, attendee(strings.TrimSpace(name), pos, role))
		}
		prev = loc[1]
	}
	return out
}

// cutPosition splits "Mr J Cook (Democratic Services Manager)" into the
// name and the office in brackets.
func cutPosition(e string) (string, string) {
	i := strings.IndexByte(e, '(')
	if i < 0 {
		return e, ""
	}
	j := strings.LastIndexByte(e, ')')
	if j < i {
		j = len(e)
	}
	return strings.TrimSpace(e[:i] + e[min(j+1, len(e)):]), strings.TrimSpace(e[i+1 : j])
}

// officeBeforeName splits an office written before a name ("Fire
// Chief-MLEO-CEMC Will Bateman", "Mayor Dave Yemm"): the name is the last
// two words, the office the words before, when those hold an office word.
func officeBeforeName(e string) (string, string) {
	words := strings.Fields(e)
	if len(words) < 3 || hasTitle(e) {
		return e, ""
	}
	office := strings.Join(words[:len(words)-2], " ")
	if officeRole(strings.ReplaceAll(office, "-", " ")) == corpus.UnknownRole && !officeStart.MatchString(office) {
		return e, ""
	}
	return strings.Join(words[len(words)-2:], " "), office
}

// hasTitle reports whether a name starts with a title.
func hasTitle(name string) bool {
	w, _, _ := strings.Cut(name, " ")
	return titleWords[strings.TrimRight(w, ".")] || w == "Mayor"
}

// attendee makes an attendee, refining the list's role by the title and
// office: a councillor is a member, a chairman or mayor the chair, an
// office an officer unless it is a member's office.
func attendee(name, pos string, role corpus.Role) corpus.Attendee {
	name = strings.Join(strings.Fields(name), " ")
	if w, rest, ok := strings.Cut(name, " "); ok && w == "Mayor" {
		name, pos = rest, strings.TrimSpace("Mayor "+pos)
	}
	r := role
	if t := titleRole(name); t != corpus.UnknownRole && r != corpus.Chair {
		r = t
	}
	if pos != "" {
		switch officeRole(pos) {
		case corpus.Chair:
			if !strings.Contains(strings.ToLower(pos), "vice") || r != corpus.Officer {
				r = corpus.Chair
			}
		case corpus.Member:
			r = corpus.Member
		case corpus.Officer:
			if r == corpus.UnknownRole {
				r = corpus.Officer
			}
		}
	}
	return corpus.Attendee{Name: name, Position: pos, Role: r}
}

// resolvePerson finds the attendee a mention refers to: the one with that
// surname for a name ("Mr Gough" is "Mr R W Gough"), the one holding that
// office for an office ("the Director of Public Health"), the chair for
// "the Chair". It returns nothing unless exactly one attendee fits.
func resolvePerson(m mention, people []corpus.Attendee) (corpus.Attendee, bool) {
	var hits []corpus.Attendee
	switch m.kind {
	case named:
		sur := surname(m.text)
		if sur == "" {
			return corpus.Attendee{}, false
		}
		for _, a := range people {
			if surname(a.Name) == sur {
				hits = append(hits, a)
			}
		}
	case office:
		want := officeKey(m.text)
		if want == "" {
			return corpus.Attendee{}, false
		}
		chair := officeRole(m.text) == corpus.Chair && !strings.Contains(want, "vice")
		for _, a := range people {
			have := officeKey(a.Position)
			if strings.Contains(have, "vice") && !strings.Contains(want, "vice") {
				continue
			}
			if have != "" && (have == want || strings.HasSuffix(have, " "+want) || strings.HasPrefix(have, want+" ") || strings.Contains(have, " "+want+" ")) {
				hits = append(hits, a)
			} else if chair && a.Role == corpus.Chair && !strings.Contains(have, "vice") && (want == "chair" || want == "chairman" || want == "chairperson" || want == "mayor" || have == "") {
				hits = append(hits, a)
			}
		}
	}
	if len(hits) != 1 {
		return corpus.Attendee{}, false
	}
	return hits[0], true
}

// surname is the last word of a name, folded: "Mr B J Sweetland" and
// "Mr Sweetland" share "sweetland".
func surname(name string) string {
	words := strings.Fields(strings.NewReplacer(".", " ", ",", " ").Replace(name))
	for len(words) > 0 && honours.MatchString(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	if len(words) < 2 {
		return ""
	}
	return strings.ToLower(strings.NewReplacer("’", "'").Replace(words[len(words)-1]))
}

// officeKey folds an office for comparison: lower case, without "the",
// apostrophes or punctuation.
func officeKey(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("’s", "s", "'s", "s", ",", " ", "(", " ", ")", " ", "–", " ", "-", " ").Replace(s)
	s = strings.TrimPrefix(strings.TrimSpace(s), "the ")
	return strings.Join(strings.Fields(s), " ")
}
