package classify

import (
	"regexp"
	"sync"
)

// lazyRE is a regular expression compiled on first use. The rules hold
// some two hundred of them; compiled when the program starts, they cost
// every command about 27 ms — a search or an export as much as an ingest.
type lazyRE struct {
	once sync.Once
	src  string
	re   *regexp.Regexp
}

// allRE lists every lazy expression, so that a test can compile them all.
var allRE []*lazyRE

// lazy returns an expression compiled from src when first used. It panics
// then, as regexp.MustCompile would have at start-up, if src is invalid:
// TestExpressionsCompile compiles every one.
func lazy(src string) *lazyRE {
	l := &lazyRE{src: src}
	allRE = append(allRE, l)
	return l
}

func (l *lazyRE) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}

func (l *lazyRE) MatchString(s string) bool              { return l.get().MatchString(s) }
func (l *lazyRE) FindString(s string) string             { return l.get().FindString(s) }
func (l *lazyRE) FindStringIndex(s string) []int         { return l.get().FindStringIndex(s) }
func (l *lazyRE) FindStringSubmatch(s string) []string   { return l.get().FindStringSubmatch(s) }
func (l *lazyRE) FindStringSubmatchIndex(s string) []int { return l.get().FindStringSubmatchIndex(s) }
func (l *lazyRE) FindAllString(s string, n int) []string { return l.get().FindAllString(s, n) }
func (l *lazyRE) FindAllStringIndex(s string, n int) [][]int {
	return l.get().FindAllStringIndex(s, n)
}
func (l *lazyRE) FindAllStringSubmatch(s string, n int) [][]string {
	return l.get().FindAllStringSubmatch(s, n)
}
func (l *lazyRE) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return l.get().FindAllStringSubmatchIndex(s, n)
}
func (l *lazyRE) ReplaceAllString(src, repl string) string {
	return l.get().ReplaceAllString(src, repl)
}
func (l *lazyRE) ReplaceAllStringFunc(src string, f func(string) string) string {
	return l.get().ReplaceAllStringFunc(src, f)
}
func (l *lazyRE) Split(s string, n int) []string { return l.get().Split(s, n) }
func (l *lazyRE) SubexpIndex(name string) int    { return l.get().SubexpIndex(name) }
func (l *lazyRE) String() string                 { return l.src }
