// Package lazyre holds regular expressions compiled on first use. The
// rules of classify and extract hold some two hundred and fifty of them;
// compiled when the program starts, they would cost every command —
// a search or an export as much as an ingest — some 30 ms.
package lazyre

import (
	"regexp"
	"sync"
)

// RE is a regular expression compiled when first used.
type RE struct {
	once sync.Once
	src  string
	re   *regexp.Regexp
}

var (
	mu  sync.Mutex
	all []*RE
)

// New returns an expression compiled from src when first used. It panics
// then, as regexp.MustCompile would have at start-up, if src is invalid;
// the packages that use it test that All compiles.
func New(src string) *RE {
	l := &RE{src: src}
	mu.Lock()
	all = append(all, l)
	mu.Unlock()
	return l
}

// All returns every expression made so far: in a test binary, those of
// the package under test and of everything it imports.
func All() []*RE {
	mu.Lock()
	defer mu.Unlock()
	return append([]*RE(nil), all...)
}

// CompileAll compiles every expression made so far and returns how many
// there are and the errors of those that do not compile: for the tests of
// each package that makes them.
func CompileAll() (n int, errs []error) {
	all := All()
	for _, l := range all {
		if err := l.Compile(); err != nil {
			errs = append(errs, err)
		}
	}
	return len(all), errs
}

// Compile compiles the expression now, reporting an invalid one as an
// error instead of a panic.
func (l *RE) Compile() error {
	_, err := regexp.Compile(l.src)
	return err
}

func (l *RE) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}

func (l *RE) MatchString(s string) bool              { return l.get().MatchString(s) }
func (l *RE) FindString(s string) string             { return l.get().FindString(s) }
func (l *RE) FindStringIndex(s string) []int         { return l.get().FindStringIndex(s) }
func (l *RE) FindStringSubmatch(s string) []string   { return l.get().FindStringSubmatch(s) }
func (l *RE) FindStringSubmatchIndex(s string) []int { return l.get().FindStringSubmatchIndex(s) }
func (l *RE) FindAllString(s string, n int) []string { return l.get().FindAllString(s, n) }
func (l *RE) FindAllStringIndex(s string, n int) [][]int {
	return l.get().FindAllStringIndex(s, n)
}
func (l *RE) FindAllStringSubmatch(s string, n int) [][]string {
	return l.get().FindAllStringSubmatch(s, n)
}
func (l *RE) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return l.get().FindAllStringSubmatchIndex(s, n)
}
func (l *RE) ReplaceAllString(src, repl string) string {
	return l.get().ReplaceAllString(src, repl)
}
func (l *RE) ReplaceAllStringFunc(src string, f func(string) string) string {
	return l.get().ReplaceAllStringFunc(src, f)
}
func (l *RE) Split(s string, n int) []string { return l.get().Split(s, n) }
func (l *RE) SubexpIndex(name string) int    { return l.get().SubexpIndex(name) }
func (l *RE) String() string                 { return l.src }
