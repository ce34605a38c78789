package store

import (
	"fmt"
	"strings"
	"unicode"
)

// QueryError is a search query that cannot be run: an empty query, one
// that only excludes words, or (in raw mode) malformed FTS5 syntax. Its
// reason is written for the person who typed the query.
type QueryError struct {
	Query  string
	Reason string
}

func (e *QueryError) Error() string {
	return fmt.Sprintf("search %q: %s", e.Query, e.Reason)
}

// MatchExpr turns what a person typed into an FTS5 MATCH expression.
//
// The default syntax is forgiving: words must all appear (matched through
// their stems, so "inspect" finds "inspection"); "double quotes" mark a
// phrase; word* matches a prefix; OR between terms matches either; -word
// or NOT word excludes; parentheses group. Any other punctuation is part of
// a word, never an operator, so text pasted from a document always parses.
//
// With raw, the text is FTS5's own query syntax, passed through unchanged
// (column filters, NEAR, ^ initial tokens); mistakes in it are reported
// when the query runs.
func MatchExpr(text string, raw bool) (string, error) {
	if strings.TrimSpace(text) == "" {
		return "", &QueryError{Query: text, Reason: "the query is empty: type a word or phrase to search for"}
	}
	if raw {
		return text, nil
	}
	p := &queryParser{toks: lexQuery(text)}
	n := p.or()
	if p.onlyNegative {
		return "", &QueryError{Query: text, Reason: "the query only excludes words (-word, NOT word): add a word to search for"}
	}
	if n == "" {
		return "", &QueryError{Query: text, Reason: "the query has no words to search for"}
	}
	return n, nil
}

type tokKind int

const (
	tokWord tokKind = iota
	tokPhrase
	tokOr
	tokAnd
	tokNot
	tokOpen
	tokClose
)

type queryTok struct {
	kind   tokKind
	text   string // words and phrases, as FTS5 strings ("..." with "" for ")
	negate bool   // -word
}

// lexQuery splits a query into words, phrases, operators and parentheses.
func lexQuery(s string) []queryTok {
	var toks []queryTok
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '(':
			toks = append(toks, queryTok{kind: tokOpen})
			i++
		case r == ')':
			toks = append(toks, queryTok{kind: tokClose})
			i++
		case r == '"' || r == '“' || r == '”':
			j := i + 1
			for j < len(rs) && rs[j] != '"' && rs[j] != '”' && rs[j] != '“' {
				j++
			}
			if hasTokenChars(string(rs[i+1 : j])) {
				toks = append(toks, queryTok{kind: tokPhrase, text: ftsString(string(rs[i+1 : j]))})
			}
			i = j + 1 // an unclosed phrase runs to the end
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && !strings.ContainsRune(`()"“”`, rs[j]) {
				j++
			}
			if t, ok := wordTok(string(rs[i:j])); ok {
				toks = append(toks, t)
			}
			i = j
		}
	}
	return toks
}

// wordTok reads one bare word: an operator, or a term with an optional
// leading - (exclude) and trailing * (prefix).
func wordTok(w string) (queryTok, bool) {
	switch w {
	case "OR", "|":
		return queryTok{kind: tokOr}, true
	case "AND", "&":
		return queryTok{kind: tokAnd}, true
	case "NOT":
		return queryTok{kind: tokNot}, true
	}
	t := queryTok{kind: tokWord}
	if len(w) > 1 && w[0] == '-' {
		t.negate = true
		w = w[1:]
	}
	prefix := strings.HasSuffix(w, "*")
	w = strings.Trim(w, "*")
	if !hasTokenChars(w) {
		return t, false
	}
	t.text = ftsString(w)
	if prefix {
		t.text += "*"
	}
	return t, true
}

// hasTokenChars reports whether s holds a letter or digit, without which
// FTS5's tokenizer would see no token at all.
func hasTokenChars(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// ftsString quotes s as an FTS5 string, inside which every character but
// the quote itself is literal.
func ftsString(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// queryParser builds a well-formed FTS5 expression from tokens, dropping
// operators that have nothing to join rather than failing.
type queryParser struct {
	toks         []queryTok
	pos          int
	depth        int
	onlyNegative bool
}

func (p *queryParser) peek() (queryTok, bool) {
	if p.pos >= len(p.toks) {
		return queryTok{}, false
	}
	return p.toks[p.pos], true
}

// or parses terms joined by OR.
func (p *queryParser) or() string {
	var alts []string
	for {
		if a := p.and(); a != "" {
			alts = append(alts, a)
		}
		t, ok := p.peek()
		if !ok || (t.kind == tokClose && p.depth > 0) {
			break
		}
		if t.kind == tokOr || t.kind == tokClose {
			p.pos++ // a stray ")" at the top level is dropped
		}
	}
	switch len(alts) {
	case 0:
		return ""
	case 1:
		return alts[0]
	}
	return "(" + strings.Join(alts, " OR ") + ")"
}

// and parses terms that must all appear, and those excluded, up to the
// next OR or closing parenthesis. FTS5's NOT is binary, so the excluded
// terms follow the included ones.
func (p *queryParser) and() string {
	var pos, neg []string
	negateNext := false
	for {
		t, ok := p.peek()
		if !ok || t.kind == tokOr || t.kind == tokClose {
			break
		}
		p.pos++
		var term string
		switch t.kind {
		case tokAnd:
			continue
		case tokNot:
			negateNext = true
			continue
		case tokWord, tokPhrase:
			term = t.text
		case tokOpen:
			p.depth++
			term = p.or()
			p.depth--
			if t, ok := p.peek(); ok && t.kind == tokClose {
				p.pos++
			}
		}
		if term == "" {
			negateNext = false
			continue
		}
		if t.negate || negateNext {
			neg = append(neg, term)
		} else {
			pos = append(pos, term)
		}
		negateNext = false
	}
	if len(pos) == 0 {
		if len(neg) > 0 {
			p.onlyNegative = true
		}
		return ""
	}
	expr := strings.Join(pos, " AND ")
	if len(pos) > 1 && len(neg) > 0 {
		expr = "(" + expr + ")"
	}
	for _, n := range neg {
		expr += " NOT " + n
	}
	if len(neg) > 0 {
		expr = "(" + expr + ")"
	}
	return expr
}
