package classify

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"scrutiny/corpus"
)

// Names without titles. Minutes name officers, co-opted members and young
// people without a title: "Sarah Smith, Head of Safeguarding, explained",
// "Nasreen Begum asked whether", "Following a question from Jo Biggins".
// Such a name is a speaker when an office stands beside it, when it opens
// a sentence as the subject of a verb of speaking, when it names who put a
// question, or when the attendance list names the person; initials ("PK
// asked") are a speaker when the attendance list gives them.

var (
	// bareName is a name of two or three capitalised words.
	bareName = lazy(`\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2}$`)
	// speaks is a verb of speaking after a sentence's subject.
	speaks = lazy(`^\s+(?:also\s+)?(?:asked|queried|questioned|enquired|inquired|sought|wished|wanted|wondered|raised|said|explained|replied|responded|confirmed|advised|stated|added|noted|commented|thanked|assured|agreed|undertook|highlighted|reported|presented|gave|welcomed|expressed|indicated|informed|outlined|accepted|acknowledged|requested)\b`)
	// initialsAtEnd is a row of an attendance table ending in the
	// person's initials, or a name followed by them in brackets.
	initialsAtEnd = lazy(`(?m)^(.*?\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+.*?)(?:\s+|\()(\p{Lu}{2,3})\)?\s*$`)
)

// notNameWords are capitalised words that open sentences or name bodies,
// and so cannot be part of a person's name.
var notNameWords = map[string]bool{
	"The": true, "A": true, "An": true, "In": true, "On": true, "At": true, "By": true, "For": true, "From": true,
	"Following": true, "After": true, "Before": true, "During": true, "As": true, "With": true, "This": true,
	"That": true, "These": true, "It": true, "He": true, "She": true, "They": true, "Members": true, "Member": true,
	"Councillors": true, "Officers": true, "Services": true, "Service": true, "Council": true, "Police": true,
	"Trust": true, "Board": true, "Committee": true, "Panel": true, "Cabinet": true, "Government": true,
	"Department": true, "Ofsted": true, "NHS": true, "Health": true, "Care": true, "Partnership": true,
	"Agency": true, "School": true, "Schools": true, "Academy": true, "University": true, "College": true,
	"Authority": true, "County": true, "Borough": true, "City": true, "England": true, "Team": true,
	"Group": true, "Forum": true, "Network": true, "Foundation": true, "Society": true, "Inspectors": true,
	"Children": true, "Children's": true, "Children’s": true, "Social": true, "Public": true, "Parent": true,
	"Young": true, "People": true, "Chair": true, "Chairman": true, "Mayor": true, "Leader": true, "Q": true,
	"Question": true, "Answer": true, "Response": true, "Reply": true, "Supplementary": true, "Resolved": true,
	"RESOLVED": true, "Minutes": true, "Agenda": true, "Item": true, "Report": true, "Appendix": true,
}

// isPersonName reports whether words could be a person's name: each is
// capitalised and none is an office or a word that names a body.
func isPersonName(name string) bool {
	for _, w := range strings.Fields(name) {
		if notNameWords[w] || titleWords[w] {
			return false
		}
		if _, ok := officeHeads[strings.ToLower(w)]; ok {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// untitledNames finds names without a title in a sentence, given the
// mentions found already: a name with its office after a comma ("Sarah
// Smith, Head of Safeguarding"), and a name opening the sentence before a
// verb of speaking ("Nasreen Begum asked").
func untitledNames(t string, ms []mention) []mention {
	var out []mention
	taken := func(a, b int) bool {
		for _, m := range ms {
			if a < m.end && m.start < b {
				return true
			}
		}
		return false
	}
	for _, o := range ms {
		if o.kind != office || strings.HasPrefix(strings.ToLower(o.text), "the ") {
			continue
		}
		pre := strings.TrimRight(t[:o.start], " ")
		if !strings.HasSuffix(pre, ",") {
			continue
		}
		pre = strings.TrimSuffix(pre, ",")
		loc := bareName.FindStringIndex(pre)
		if loc == nil || taken(loc[0], loc[1]) || !isPersonName(pre[loc[0]:]) || !nameStart(t, loc[0]) {
			continue
		}
		out = append(out, mention{start: loc[0], end: loc[1], text: pre[loc[0]:loc[1]], kind: named, role: o.role})
	}
	if loc := leadingName(t); loc != nil && !taken(loc[0], loc[1]) {
		out = append(out, mention{start: loc[0], end: loc[1], text: t[loc[0]:loc[1]], kind: named, role: corpus.UnknownRole})
	}
	// Members of the public who put questions are named without a title:
	// "received a question from Hannah Ware, who asked".
	for _, loc := range questionFromName.FindAllStringSubmatchIndex(t, -1) {
		name := t[loc[2]:loc[3]]
		if !taken(loc[2], loc[3]) && isPersonName(name) {
			out = append(out, mention{start: loc[2], end: loc[3], text: name, kind: named, role: corpus.UnknownRole})
		}
	}
	return out
}

// questionFromName is a question and the untitled name of whoever put it:
// "a question from Hannah Ware", "questions submitted by Luke Brannigan".
var questionFromName = lazy(`(?i:\bquestions?\s+(?:(?:submitted|asked|put|raised|received|tabled)\s+)?(?:from|by))\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2})\b`)

// leadingName returns where a name without a title opens the sentence as
// the subject of a verb of speaking, or nil.
func leadingName(t string) []int {
	words := strings.Fields(t)
	for n := min(3, len(words)-1); n >= 2; n-- {
		name := strings.Join(words[:n], " ")
		if !strings.HasPrefix(t, name) || !isPersonName(name) {
			continue
		}
		if speaks.MatchString(t[len(name):]) {
			return []int{0, len(name)}
		}
	}
	return nil
}

// nameStart reports whether a name at byte i starts a clause: the start of
// the sentence, or after a comma, "and" or a bracket.
func nameStart(t string, i int) bool {
	pre := strings.TrimRight(t[:i], " ")
	return pre == "" || strings.HasSuffix(pre, ",") || strings.HasSuffix(pre, ";") || strings.HasSuffix(pre, "(") ||
		strings.HasSuffix(pre, " and") || strings.HasSuffix(pre, ":") || strings.HasSuffix(pre, ".")
}

// knownNames are the people the meeting names without a title: attendees
// listed so ("Sarah Smith", "Tom"), and their initials where the list gives
// them ("PK" for "Cllr Paul Kerrigan ... PK").
type knownNames struct {
	names []knownName
}

type knownName struct {
	text string
	role corpus.Role
}

// newKnownNames gathers the untitled names of the attendance list and the
// initials an attendance table gives beside names in the head of text.
func newKnownNames(people []corpus.Attendee, head string) *knownNames {
	k := &knownNames{}
	for _, a := range people {
		if !hasTitle(a.Name) && isPersonName(a.Name) {
			k.add(a.Name, a.Role)
		}
	}
	for _, m := range initialsAtEnd.FindAllStringSubmatch(head, -1) {
		if initialsOf(m[1], m[2]) {
			k.add(m[2], corpus.UnknownRole)
		}
	}
	return k
}

func (k *knownNames) add(name string, role corpus.Role) {
	for _, n := range k.names {
		if n.text == name {
			return
		}
	}
	k.names = append(k.names, knownName{name, role})
}

// learn remembers the names a sentence gives with an office beside them,
// for the sentences after it that use the name alone.
func (k *knownNames) learn(ms []mention) {
	for _, m := range ms {
		if m.kind == named && m.position != "" && !hasTitle(m.text) && isPersonName(m.text) {
			k.add(m.text, m.role)
		}
	}
}

// mentions returns the known names in t not covered by ms.
func (k *knownNames) mentions(t string, ms []mention) []mention {
	var out []mention
	for _, n := range k.names {
		for from := 0; from < len(t); {
			i := strings.Index(t[from:], n.text)
			if i < 0 {
				break
			}
			i += from
			end := i + len(n.text)
			from = end
			if !wordBoundary(t, i, end) {
				continue
			}
			clash := false
			for _, m := range append(ms, out...) {
				if i < m.end && m.start < end {
					clash = true
				}
			}
			if !clash {
				out = append(out, mention{start: i, end: end, text: n.text, kind: named, role: n.role})
			}
		}
	}
	return out
}

// wordBoundary reports whether t[i:j] stands as whole words.
func wordBoundary(t string, i, j int) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(t[:i])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if j < len(t) {
		r, _ := utf8.DecodeRuneInString(t[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// initialsOf reports whether initials are those of two consecutive
// capitalised words in line: "PK" of "Paul Kerrigan".
func initialsOf(line, initials string) bool {
	words := strings.Fields(strings.NewReplacer(",", " ", "(", " ", ")", " ").Replace(line))
	for i := 0; i+1 < len(words); i++ {
		a, _ := utf8.DecodeRuneInString(words[i])
		b, _ := utf8.DecodeRuneInString(words[i+1])
		if len(initials) == 2 && string([]rune{a, b}) == initials && isCapitalised(words[i]) && isCapitalised(words[i+1]) && !titleWords[words[i]] {
			return true
		}
		if len(initials) == 3 && i+2 < len(words) {
			c, _ := utf8.DecodeRuneInString(words[i+2])
			if string([]rune{a, b, c}) == initials && !titleWords[words[i]] {
				return true
			}
		}
	}
	return false
}
