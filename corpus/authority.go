package corpus

import (
	_ "embed"
	"encoding/csv"
	"regexp"
	"sort"
	"strings"
	"sync"
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

type authorityPattern struct {
	re  *regexp.Regexp
	a   int // index into authorities()
	len int
	// key is the name's first word in lower case. Every match of re starts
	// with it, so a text whose lower-cased form lacks it cannot match and
	// re need not run: running some three hundred case-insensitive
	// patterns over every document was most of classification's time.
	key string
}

// authorityPatterns match any name of any authority as whole words, longest
// names first so that "North Somerset" wins over "Somerset".
var authorityPatterns = sync.OnceValue(func() []authorityPattern {
	var ps []authorityPattern
	for i, a := range authorities() {
		for _, n := range a.names() {
			q := regexp.QuoteMeta(n)
			// "St. Helens" is written "St Helens" as often as not.
			q = strings.ReplaceAll(q, `\.`, `\.?`)
			q = strings.ReplaceAll(q, ` and `, `\s+(?:and|&)\s+`)
			q = strings.ReplaceAll(q, ` `, `[\s-]+`)
			key, _, _ := strings.Cut(strings.ToLower(n), " ")
			ps = append(ps, authorityPattern{re: regexp.MustCompile(`(?i)\b` + q + `\b`), a: i, len: len(n), key: key})
		}
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].len > ps[j].len })
	return ps
})

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
	// The prefilter compares lower-cased text. Case-insensitive matching
	// also folds the long s (ſ) to s, which lower-casing does not, so a
	// text holding one is matched without the prefilter.
	lower := strings.ToLower(text)
	prefilter := !strings.ContainsRune(text, 'ſ')
	scores := map[int]float64{}
	var taken [][2]int
	overlaps := func(s, e int) bool {
		for _, t := range taken {
			if s < t[1] && t[0] < e {
				return true
			}
		}
		return false
	}
	for _, p := range authorityPatterns() {
		if prefilter && !strings.Contains(lower, p.key) {
			continue
		}
		for _, m := range p.re.FindAllStringIndex(text, -1) {
			if overlaps(m[0], m[1]) {
				continue
			}
			taken = append(taken, [2]int{m[0], m[1]})
			w := 1.0
			if m[0] < 600 {
				w += 2
			}
			before := text[max(0, m[0]-20):m[0]]
			after := text[m[1]:min(len(text), m[1]+20)]
			if councilContext.MatchString(after) || councilContext.MatchString(before) {
				w += 3
			}
			scores[p.a] += w
		}
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
