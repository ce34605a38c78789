package classify

import (
	"strings"
	"unicode/utf8"

	"scrutiny/corpus"
)

// Minutes name their speakers by title and office, not by the names a
// named-entity tagger knows: "Councillor Hunt", "Mrs S Hammond", "the
// Corporate Director of Children and Young People's Services", "the Chair",
// "the Cabinet Member for Education". prose's tagger reads council names as
// people and misses offices, so speakers are found with rules over titles
// and office words instead.

// mentionKind says how a mention refers to its person.
type mentionKind int

const (
	named   mentionKind = iota // a title and a name: "Councillor Hunt"
	office                     // an office: "the Director of Public Health"
	pronoun                    // "he", "she", "they"
	group                      // "Members", "a Member", "officers": nobody named
)

// mention is a reference to a speaker in a sentence.
type mention struct {
	start, end int // byte range in the sentence text
	text       string
	kind       mentionKind
	role       corpus.Role
	// position is an office written beside a name: "Councillor Walton,
	// Vice-Chair" or "Mr Watts (General Counsel)".
	position string
}

var (
	// titledName is a title and up to four name words: "Councillor F.
	// Kilcoyne", "Mr B J Sweetland", "Cllr Mc Sweeney", "Dr Gogarty".
	// Police officers attend by rank: "Chief Inspector Carver".
	titledName = lazy(`\b(?:(?:County|Borough|District|Town|Parish)\s+)?(?:Councillors?|Cllrs?|Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Baroness|Professor|Prof|Revd|Rev|Canon|Alderman|(?:Detective\s+)?(?:Chief\s+)?(?:Inspector|Superintendent|Sergeant|Constable))\b\.?(?:\s+(?:(?:Mc|Mac|O['’]|De|Le|Van|Du|St)\s?)?\p{Lu}[\p{L}'’.-]*){1,4}`)
	// plainName is a name without a title, followed by its office in
	// brackets: "Mark Albiston (Director of Adult Social Care)".
	plainName = lazy(`\b\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2}\s*\(([^()]{3,90})\)`)
	// groupRE names speakers without naming anyone.
	groupRE   = lazy(`(?i)\b(?:(?:a|one|another|several|some|many|other|the|individual|two|three)\s+)?(?:(?:committee|panel|board|cabinet|elected)\s+)?(?:members?|councillors|officers?|officials?|commissioners)\b`)
	pronounRE = lazy(`\b(?:[Hh]e|[Ss]he|[Tt]hey)\b`)
)

// titleWords start a titled name; an office phrase stops before them.
var titleWords = map[string]bool{
	"Councillor": true, "Councillors": true, "Cllr": true, "Cllrs": true, "Mr": true, "Mrs": true,
	"Ms": true, "Miss": true, "Mx": true, "Dr": true, "Sir": true, "Dame": true, "Lord": true,
	"Lady": true, "Baroness": true, "Professor": true, "Prof": true, "Rev": true, "Revd": true,
	"Canon": true, "Alderman": true, "Inspector": true, "Superintendent": true, "Sergeant": true,
	"Constable": true, "Detective": true,
}

// stopWords end an office's complement: a title starting a name, or a
// group ("the Head of Finance, Members asked").
var stopWords = map[string]bool{"Members": true, "Member": true, "Officers": true, "Councillors": true}

// officeHeads are the nouns an office ends in, with the role of whoever
// holds it. Other capitalised words may come before ("Corporate Director",
// "Senior Executive Engineer") and a complement after ("of Public Health").
var officeHeads = map[string]corpus.Role{
	"chair": corpus.Chair, "chairman": corpus.Chair, "chairwoman": corpus.Chair, "chairperson": corpus.Chair,
	"vice-chair": corpus.Chair, "vice-chairman": corpus.Chair, "vice-chairwoman": corpus.Chair,
	"vice-chairperson": corpus.Chair, "mayor": corpus.Chair, "cathaoirleach": corpus.Chair,
	"leas-chathaoirleach": corpus.Chair,

	"leader": corpus.Member, "member": corpus.Member, "holder": corpus.Member, "spokesperson": corpus.Member,

	"director": corpus.Officer, "directors": corpus.Officer, "head": corpus.Officer, "manager": corpus.Officer,
	"officer": corpus.Officer, "accountant": corpus.Officer, "engineer": corpus.Officer, "planner": corpus.Officer,
	"executive": corpus.Officer, "counsel": corpus.Officer, "adviser": corpus.Officer, "advisor": corpus.Officer,
	"clerk": corpus.Officer, "treasurer": corpus.Officer, "solicitor": corpus.Officer, "auditor": corpus.Officer,
	"administrator": corpus.Officer, "coordinator": corpus.Officer, "co-ordinator": corpus.Officer,
	"commissioner": corpus.Officer, "lead": corpus.Officer, "superintendent": corpus.Officer,
	"secretary": corpus.Officer, "consultant": corpus.Officer, "analyst": corpus.Officer,
	"practitioner": corpus.Officer, "chief": corpus.Officer, "inspector": corpus.Officer, "surveyor": corpus.Officer,
	"registrar": corpus.Officer, "controller": corpus.Officer, "partner": corpus.Officer, "principal": corpus.Officer,
	"headteacher": corpus.Officer, "headmaster": corpus.Officer, "headmistress": corpus.Officer, "nurse": corpus.Officer,
	"psychologist": corpus.Officer, "paediatrician": corpus.Officer,

	"representative": corpus.Member,
}

// lowerHeads may be written in lower case after "the" and still name an
// office: "the chair", "the director", and after words that qualify them,
// "the service director", "the corporate director", as some councils write
// offices.
var lowerHeads = map[string]bool{"chair": true, "chairman": true, "chairwoman": true, "chairperson": true, "director": true, "leader": true, "mayor": true, "manager": true}

// connectors may join the words of an office's complement: "Children and
// Young People's Services", "Leader of the Council".
var connectors = map[string]bool{"and": true, "&": true, "of": true, "for": true, "the": true, "in": true, "with": true, "–": true, "-": true}

// findMentions returns the speaker mentions in a sentence, in order,
// without overlaps: titled names, names with an office in brackets,
// offices, groups and pronouns. A name and the office written beside it
// ("Councillor Walton, Vice-Chair", "The Leader of the Labour Group, Mr
// Brady") are one mention.
func findMentions(t string) []mention {
	var ms []mention
	taken := func(a, b int) bool {
		for _, m := range ms {
			if a < m.end && m.start < b {
				return true
			}
		}
		return false
	}
	for _, loc := range titledName.FindAllStringIndex(t, -1) {
		end := trimName(t, loc[0], loc[1])
		m := mention{start: loc[0], end: end, text: t[loc[0]:end], kind: named, role: titleRole(t[loc[0]:end])}
		if strings.HasPrefix(strings.ToLower(m.text), "councillors ") {
			m.kind = group
		}
		if p, e := bracketed(t, end); p != "" {
			m.position, m.end = p, e
			if r := officeRole(p); r != corpus.UnknownRole && m.role == corpus.UnknownRole {
				m.role = r
			}
		}
		ms = append(ms, m)
	}
	for _, loc := range plainName.FindAllStringSubmatchIndex(t, -1) {
		pos := t[loc[2]:loc[3]]
		if taken(loc[0], loc[1]) || officeRole(pos) == corpus.UnknownRole {
			continue
		}
		name := strings.TrimSpace(t[loc[0]:strings.LastIndex(t[:loc[2]], "(")])
		if first, _, _ := strings.Cut(name, " "); titleWords[first] || strings.EqualFold(first, "the") {
			continue
		}
		ms = append(ms, mention{start: loc[0], end: loc[1], text: name, kind: named, role: officeRole(pos), position: pos})
	}
	for _, o := range findOffices(t) {
		if !taken(o.start, o.end) {
			ms = append(ms, o)
		}
	}
	ms = append(ms, untitledNames(t, ms)...)
	for _, loc := range groupRE.FindAllStringIndex(t, -1) {
		if taken(loc[0], loc[1]) {
			continue
		}
		g := strings.ToLower(t[loc[0]:loc[1]])
		role := corpus.Member
		if strings.Contains(g, "officer") || strings.Contains(g, "official") {
			role = corpus.Officer
		}
		ms = append(ms, mention{start: loc[0], end: loc[1], text: t[loc[0]:loc[1]], kind: group, role: role})
	}
	for _, loc := range pronounRE.FindAllStringIndex(t, -1) {
		if !taken(loc[0], loc[1]) {
			ms = append(ms, mention{start: loc[0], end: loc[1], text: t[loc[0]:loc[1]], kind: pronoun, role: corpus.UnknownRole})
		}
	}
	sortMentions(ms)
	return joinAppositions(t, ms)
}

// trimName drops words a titled-name match took past the name: an office
// word ("Mr Brady Leader") or a title starting another name, and a full
// stop after a surname (an initial keeps its own).
func trimName(t string, start, end int) int {
	pos := start
	words := 0
	cut := end
	for pos < end {
		for pos < end && t[pos] == ' ' {
			pos++
		}
		ws := pos
		for pos < end && t[pos] != ' ' {
			pos++
		}
		w := strings.TrimRight(t[ws:pos], ".")
		words++
		if words > 2 {
			if _, ok := officeHeads[strings.ToLower(w)]; ok || titleWords[w] {
				cut = ws
				break
			}
		}
	}
	for cut > start && t[cut-1] == ' ' {
		cut--
	}
	if cut > start && t[cut-1] == '.' {
		ws := strings.LastIndexByte(t[start:cut], ' ') + start + 1
		if utf8.RuneCountInString(t[ws:cut]) > 2 {
			cut--
		}
	}
	return cut
}

// bracketed returns an office written in brackets or between commas just
// after a name, and where it ends: "Mr Watts (General Counsel)",
// "Councillor Walton, Vice-Chair,".
func bracketed(t string, end int) (string, int) {
	rest := t[end:]
	if strings.HasPrefix(rest, " (") {
		if i := strings.IndexByte(rest, ')'); i > 0 {
			inner := rest[2:i]
			if officeRole(inner) != corpus.UnknownRole {
				return inner, end + i + 1
			}
		}
	}
	return "", end
}

// titleRole is the role a title implies: a councillor is a member; other
// titles say nothing.
func titleRole(name string) corpus.Role {
	w, _, _ := strings.Cut(name, " ")
	switch strings.TrimRight(w, ".") {
	case "Councillor", "Councillors", "Cllr", "Cllrs", "County", "Borough", "District", "Town", "Parish", "Alderman":
		return corpus.Member
	}
	return corpus.UnknownRole
}

// officeRole is the role of whoever holds an office, by its head noun:
// the last office word in it ("Corporate Director Children, Young People
// and Education" is an officer, "Cabinet Member for Education" a member).
func officeRole(office string) corpus.Role {
	role := corpus.UnknownRole
	for _, w := range strings.FieldsFunc(office, func(r rune) bool { return r == ' ' || r == ',' || r == '/' || r == '(' || r == ')' }) {
		if r, ok := officeHeads[strings.ToLower(w)]; ok {
			role = r
			if r == corpus.Chair || r == corpus.Member {
				return r
			}
		}
	}
	return role
}

// findOffices finds office phrases: "the" followed by capitalised words
// that include an office noun, then the office's complement ("of Children
// and Young People's Services", "Childrens Care and Support", ",
// Travel and Transport Strategy,").
func findOffices(t string) []mention {
	toks := tokens(t)
	var out []mention
	for k := 0; k < len(toks); k++ {
		first := k + 1 // the office's first word
		switch {
		case strings.EqualFold(toks[k].w, "the"):
		case k > 0 && toks[k-1].comma && isCapitalised(toks[k].w):
			// An office set beside a name: "Mr Brady, Leader of the
			// Labour Group,".
			first = k
		default:
			continue
		}
		j, role, ok := officeWords(toks, first)
		if !ok {
			continue
		}
		j = complement(toks, j)
		m := mention{start: toks[k].start, end: toks[j-1].end, kind: office, role: role}
		m.text = t[m.start:m.end]
		out = append(out, m)
		k = j - 1
	}
	return out
}

// officeWords reads the capitalised words of an office from token i: one
// of them must be an office noun, and the office ends at the last one.
// It returns the index just past the office noun.
func officeWords(toks []token, i int) (int, corpus.Role, bool) {
	end, role := -1, corpus.UnknownRole
	if i < len(toks) && !isCapitalised(toks[i].w) {
		return lowerOffice(toks, i)
	}
	for j := i; j < len(toks) && j < i+6; j++ {
		w := toks[j].w
		lw := strings.ToLower(w)
		r, isHead := officeHeads[lw]
		if !isCapitalised(w) && !(j == i && lowerHeads[lw]) {
			break
		}
		if titleWords[w] {
			break
		}
		if isHead {
			end, role = j+1, r
		}
		if toks[j].comma {
			break
		}
	}
	if end < 0 {
		return 0, role, false
	}
	return end, role, true
}

// lowerOffice reads an office written in lower case after "the": a head
// that may be written so, after up to two words that qualify it ("the
// service director", "the chairperson").
func lowerOffice(toks []token, i int) (int, corpus.Role, bool) {
	for j := i; j < len(toks) && j < i+3; j++ {
		w := strings.ToLower(toks[j].w)
		if lowerHeads[w] {
			return j + 1, officeHeads[w], true
		}
		if isCapitalised(toks[j].w) || connectors[w] || toks[j].comma || !isLowerWord(w) {
			break
		}
	}
	return 0, corpus.UnknownRole, false
}

// complement extends an office from token j over its complement: "of" or
// "for" and capitalised words joined by "and", "of", "the"; or capitalised
// words straight after the office noun; or a department between commas
// before a verb. It stops at a title, so "the Head of Service, Councillor
// X" keeps the councillor apart.
func complement(toks []token, j int) int {
	if j >= len(toks) || toks[j-1].comma && !departmentAhead(toks, j) {
		return j
	}
	k := j
	if k < len(toks) && (toks[k].w == "of" || toks[k].w == "for") {
		k++
	}
	end := j
	for k < len(toks) {
		w := strings.TrimRight(toks[k].w, ",")
		switch {
		case titleWords[w]:
			return end
		case isCapitalised(w):
			k++
			end = k
			if toks[k-1].comma && !departmentAhead(toks, k) {
				return end
			}
		case connectors[w] && k+1 < len(toks) && (isCapitalised(toks[k+1].w) || toks[k+1].w == "the"):
			k++
		default:
			return end
		}
	}
	return end
}

// departmentAhead reports whether the words from token k go on naming the
// office after a comma: capitalised words up to another comma or to the
// verb ("Travel and Transport Strategy, confirmed"; "Young People and
// Education advised"), with no title among them to start a name. Words
// that open with "the" or hold an office noun of their own are another
// person ("Following a question from the Vice-Chairman, the Director
// advised"), not a department.
func departmentAhead(toks []token, k int) bool {
	words := 0
	for n := 0; k < len(toks) && n < 10; k, n = k+1, n+1 {
		w := toks[k].w
		if titleWords[w] || stopWords[w] || n == 0 && strings.EqualFold(w, "the") {
			return false
		}
		if _, head := officeHeads[strings.ToLower(strings.TrimRight(w, ","))]; head {
			return false
		}
		if !isCapitalised(w) && !connectors[w] {
			return words > 0
		}
		words++
		if toks[k].comma && k+1 < len(toks) && !isCapitalised(toks[k+1].w) {
			return true
		}
	}
	return false
}

func sortMentions(ms []mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].start < ms[j-1].start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// joinAppositions makes one mention of a name and the office written
// beside it between commas, in either order: "Councillor Walton,
// Vice-Chair," and "The Leader of the Labour Group, Mr Brady,". The name is
// kept as the mention's text and the office as its position.
func joinAppositions(t string, ms []mention) []mention {
	var out []mention
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if i+1 < len(ms) {
			n := ms[i+1]
			if gap := t[m.end:n.start]; gap == ", " || gap == "," {
				switch {
				case m.kind == named && n.kind == office && (closedBy(t, n.end, ",") || !strings.HasPrefix(strings.ToLower(n.text), "the ")):
					m.position, m.end = strings.TrimPrefix(strings.TrimPrefix(n.text, "the "), "The "), n.end
					if m.role == corpus.UnknownRole || n.role == corpus.Chair {
						m.role = n.role
					}
					i++
				case m.kind == office && n.kind == named && closedBy(t, n.end, ","):
					n.position, n.start = strings.TrimPrefix(strings.TrimPrefix(m.text, "the "), "The "), m.start
					if n.role == corpus.UnknownRole || m.role == corpus.Chair {
						n.role = m.role
					}
					m = n
					i++
				}
			}
		}
		out = append(out, m)
	}
	return out
}

// closedBy reports whether t continues at i with punct.
func closedBy(t string, i int, punct string) bool {
	return strings.HasPrefix(t[i:], punct)
}

// subjectOf returns the mention that is the subject of the verb at byte v
// of sentence t: the mention just before the verb (adverbs such as "also"
// may stand between), or else the sentence's subject, the first mention
// not in an object's place ("Mrs Gunn commented that costs were low and
// asked if ..."). A mention after a preposition or a verb ("thanks to the
// Head of Service", "praised the Director") is an object.
func subjectOf(t string, v int, ms []mention) (mention, bool) {
	var before []mention
	for _, m := range ms {
		if m.end <= v {
			before = append(before, m)
		}
	}
	if n := len(before); n > 0 && adjacentRE.MatchString(t[before[n-1].end:v]) {
		return before[n-1], true
	}
	for _, m := range before {
		if !inObjectPlace(t, m.start) {
			return m, true
		}
	}
	return mention{}, false
}

// adjacentRE is what may stand between a subject and its verb.
var adjacentRE = lazy(`^[\s,]*(?:(?:also|then|further|additionally|subsequently|again|specifically|briefly|both|initially|later|finally|however|therefore|in\s+turn|in\s+addition|had|has|have|was|were|would|who|[\s,])+)?$`)

// objectWords are the words after which a mention is not a subject.
var objectWords = map[string]bool{
	"to": true, "from": true, "with": true, "by": true, "of": true, "for": true, "on": true, "at": true,
	"about": true, "thanked": true, "praised": true, "asked": true, "told": true, "assured": true,
	"advised": true, "informed": true, "congratulated": true, "invited": true, "welcomed": true,
	"that": true, "whether": true, "if": true, "as": true, "than": true, "via": true, "towards": true,
	"under": true, "into": true, "between": true, "among": true, "against": true, "the": true,
}

// inObjectPlace reports whether the word before byte i makes a mention
// there an object rather than a subject.
func inObjectPlace(t string, i int) bool {
	pre := strings.TrimRight(t[:i], " ")
	if pre == "" || strings.HasSuffix(pre, ",") || strings.HasSuffix(pre, ";") {
		return false
	}
	w := pre[strings.LastIndexAny(pre, " (")+1:]
	return objectWords[strings.ToLower(w)] || !isCapitalised(w) && w != "and" && w != "but" && w != "then"
}
