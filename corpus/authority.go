package corpus

import (
	_ "embed"
	"encoding/csv"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Authority is an English local authority with children's services
// responsibilities, as listed in authorities.csv.
type Authority struct {
	URN    string // Ofsted unique reference number
	Code   string // DfE local authority code
	ONS    string // ONS geography code
	Name   string
	Region string
	Domain string
	Type   string
	// Aliases are other names the authority goes by ("Hull", "BCP").
	Aliases []string
}

//go:embed authorities.csv
var authoritiesCSV string

var authorities = sync.OnceValue(func() []Authority {
	recs, err := csv.NewReader(strings.NewReader(authoritiesCSV)).ReadAll()
	if err != nil {
		panic("corpus: authorities.csv: " + err.Error()) // embedded, so a build-time bug
	}
	var out []Authority
	for _, r := range recs[1:] {
		a := Authority{URN: r[0], Code: r[1], ONS: r[2], Name: r[3], Region: r[5], Domain: r[6], Type: r[7]}
		if aka := strings.Trim(r[4], "[]"); aka != "" {
			for _, s := range strings.Split(aka, ",") {
				if s = strings.TrimSpace(s); s != "" {
					a.Aliases = append(a.Aliases, s)
				}
			}
		}
		out = append(out, a)
	}
	return out
})

// Authorities returns the reference list of local authorities.
func Authorities() []Authority { return authorities() }

// AuthorityByURN returns the authority with the given Ofsted URN.
func AuthorityByURN(urn string) (Authority, bool) {
	for _, a := range authorities() {
		if a.URN == urn {
			return a, true
		}
	}
	return Authority{}, false
}

// names returns the ways a text may name a: its name in natural order
// ("City of Bristol" for "Bristol, City of"), and its aliases.
func (a Authority) names() []string {
	n := []string{a.Name}
	if i := strings.Index(a.Name, ", City of"); i > 0 {
		n = append(n, a.Name[:i], "City of "+a.Name[:i])
	}
	n = append(n, a.Aliases...)
	n = append(n, shortNames[a.Name]...)
	return n
}

// shortNames are the everyday names of authorities that the reference
// list does not give: Ofsted's letters write "Focused visit to Newcastle
// children’s services".
var shortNames = map[string][]string{
	"Newcastle upon Tyne": {"Newcastle"},
	"Southend-on-Sea":     {"Southend"},
	"Durham":              {"County Durham"},
}

// authorityMatcher finds any name of any authority in a text in one pass:
// an alternation of every name as whole words, longest first, so that
// "North Somerset" wins over "Somerset" where both would match. A match is
// mapped back to its authority by its key (matchKey).
type authorityMatcher struct {
	re  *regexp.Regexp
	key map[string]int // matchKey of a name -> index into authorities()
	// first holds the first word of every name, lower case. The alternation
	// of some three hundred names, case-folded, is slow to run at every
	// position of a long text, so it is run only where a word that can
	// begin a name begins.
	first map[string]bool
	// longest is the length of the longest name, in bytes: the window the
	// alternation needs after a candidate position.
	longest int
}

var authorityMatch = sync.OnceValue(func() authorityMatcher {
	type name struct {
		s string
		a int
	}
	var ns []name
	for i, a := range authorities() {
		for _, n := range a.names() {
			ns = append(ns, name{n, i})
		}
	}
	sort.SliceStable(ns, func(i, j int) bool { return len(ns[i].s) > len(ns[j].s) })
	m := authorityMatcher{key: map[string]int{}, first: map[string]bool{}}
	var alts []string
	for _, n := range ns {
		k := matchKey(n.s)
		if _, dup := m.key[k]; dup {
			continue // the same name twice: the first authority keeps it
		}
		m.key[k] = n.a
		first, _, _ := strings.Cut(k, " ")
		m.first[first] = true
		m.longest = max(m.longest, len(n.s))
		q := regexp.QuoteMeta(n.s)
		// "St. Helens" is written "St Helens" as often as not.
		q = strings.ReplaceAll(q, `\.`, `\.?`)
		q = strings.ReplaceAll(q, ` and `, `\s+(?:and|&)\s+`)
		q = strings.ReplaceAll(q, ` `, `[\s-]+`)
		alts = append(alts, q)
	}
	m.re = regexp.MustCompile(`(?i)\b(?:` + strings.Join(alts, "|") + `)\b`)
	return m
})

// find returns where names occur in text, as m.re.FindAllStringIndex
// would, but running the alternation only where a word that can begin a
// name begins.
func (m authorityMatcher) find(text string) [][]int {
	var out [][]int
	// Room for a name written with extra spaces or "&" spelt out.
	window := 2*m.longest + 16
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		// i starts a word; the word runs over letters only, as a name's
		// first word does ("St." is "st", "Southend-on-Sea" is "southend").
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += n
		}
		if j > i && m.first[strings.ToLower(text[i:j])] {
			end := min(len(text), i+window)
			if loc := m.re.FindStringIndex(text[i:end]); loc != nil && loc[0] == 0 && (loc[1] < end-i || end == len(text)) {
				out = append(out, []int{i, i + loc[1]})
				i += loc[1]
				continue
			}
		}
		// Skip the rest of the word: a name starts only at a word's start.
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				break
			}
			i += n
		}
	}
	return out
}

// isWordRune reports whether r is a word character as the regular
// expression's \b sees one.
func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r == '_' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z')
}

// matchKey is the form in which a name and the text it matched compare:
// lower case, "&" as "and", full stops dropped, runs of spaces and hyphens
// as one space.
func matchKey(s string) string {
	s = strings.ReplaceAll(strings.ToLower(s), "&", " and ")
	s = strings.ReplaceAll(s, ".", "")
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '-' }), " ")
}

// councilContext are the phrases that make a place name an authority rather
// than a passing mention: "Durham County Council", "London Borough of Brent",
// "Inspection of Barnsley local authority children's services".
var councilContext = regexp.MustCompile(`(?i)^[\s,]*(?:county|city|borough|metropolitan|district|council|local authority|’s|'s)|(?:london borough of|council of|inspection of|city of)\s*$`)

// MatchAuthority finds the authority a text is about. It scores each name
// found by where it appears (the start of a document names its authority)
// and whether council words surround it, and returns the best. Names inside
// longer names ("Somerset" in "North Somerset") do not count.
func MatchAuthority(text string) (Authority, bool) {
	if len(text) > 20000 {
		text = text[:20000]
	}
	m := authorityMatch()
	scores := map[int]float64{}
	for _, loc := range m.find(text) {
		a, ok := m.key[matchKey(text[loc[0]:loc[1]])]
		if !ok {
			continue
		}
		w := 1.0
		if loc[0] < 600 {
			w += 2
		}
		before := text[max(0, loc[0]-20):loc[0]]
		after := text[loc[1]:min(len(text), loc[1]+20)]
		if councilContext.MatchString(after) || councilContext.MatchString(before) {
			w += 3
		}
		scores[a] += w
	}
	best, bestScore := -1, 0.0
	for a, s := range scores {
		if s > bestScore || (s == bestScore && a < best) {
			best, bestScore = a, s
		}
	}
	if best < 0 || bestScore < 3 {
		return Authority{}, false
	}
	return authorities()[best], true
}

// AuthorityNamed returns the authority a name as a title writes it refers
// to: "Wakefield District Metropolitan Council", "London Borough of
// Bexley", "St Helens Metropolitan Borough Council", "Bradford Children and
// Families Trust", "Newcastle". The council words around the place name are
// set aside and the rest compared with every authority's names; a name that
// compares with none is searched for as MatchAuthority searches a text.
func AuthorityNamed(name string) (Authority, bool) {
	key := authorityKey(name)
	if key == "" {
		return Authority{}, false
	}
	if i, ok := authorityKeys()[key]; ok {
		return authorities()[i], true
	}
	return MatchAuthority(name)
}

// authorityKeys maps the key of every name of every authority to its
// index; a key two authorities share is the first's.
var authorityKeys = sync.OnceValue(func() map[string]int {
	keys := map[string]int{}
	for i, a := range authorities() {
		for _, n := range a.names() {
			if _, taken := keys[authorityKey(n)]; !taken {
				keys[authorityKey(n)] = i
			}
		}
	}
	return keys
})

var (
	keyPrefix = regexp.MustCompile(`^(?:the\s+)?(?:(?:london|royal|metropolitan)\s+borough\s+of|city\s+and\s+county\s+of|county\s+of|city\s+of|borough\s+of)\s+`)
	keySuffix = regexp.MustCompile(`(?:\s+(?:metropolitan|district|borough|city|county|unitary|local|council|mbc|authority|children\s+and\s+families\s+trust|corporation|children's\s+(?:services\s+)?trust|trust|area))+$`)
)

// authorityKey reduces a name to the place it names, in lower case: "City of
// Bristol" and "Bristol, City of" are both "bristol", "St. Helens" and "St
// Helens Metropolitan Borough Council" both "st helens".
func authorityKey(name string) string {
	s := strings.ToLower(strings.Join(strings.Fields(name), " "))
	s = strings.NewReplacer("’", "'", "&", "and", "st.", "st", "-", " ").Replace(s)
	s = strings.TrimSuffix(s, ", city of")
	s = strings.Join(strings.Fields(s), " ")
	s = keyPrefix.ReplaceAllString(s, "")
	if k := keySuffix.ReplaceAllString(s, ""); k != "" {
		s = k
	}
	return strings.TrimSpace(s)
}
