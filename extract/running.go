package extract

import (
	"strings"

	"scrutiny/internal/lazyre"
)

// dropRunningLines removes running headers and footers: lines near the top
// or bottom of a page that recur, digits aside, on at least half the pages
// ("Inspection of Barnsley local authority children’s services",
// "11 to 15 September 2023    2"), and bare page numbers. They are not
// content, and left in they split sentences that run across pages.
func dropRunningLines(pages []string) []string {
	const edge = 4 // lines from the top and bottom considered
	counts := map[string]int{}
	split := make([][]string, len(pages))
	for i, p := range pages {
		split[i] = strings.Split(p, "\n")
		seen := map[string]bool{}
		for _, j := range edgeLines(split[i], edge) {
			k := runningKey(split[i][j])
			if k != "" && !seen[k] {
				seen[k] = true
				counts[k]++
			}
		}
	}
	minPages := max(3, (len(pages)+1)/2)
	out := make([]string, len(pages))
	for i, lines := range split {
		drop := map[int]bool{}
		for _, j := range edgeLines(lines, edge) {
			line := lines[j]
			if pageNumberLine.MatchString(line) || (len(pages) >= 3 && counts[runningKey(line)] >= minPages) {
				drop[j] = true
			}
		}
		if len(drop) == 0 {
			out[i] = pages[i]
			continue
		}
		var b strings.Builder
		for j, line := range lines {
			if drop[j] {
				continue
			}
			b.WriteString(line)
			if j < len(lines)-1 {
				b.WriteByte('\n')
			}
		}
		out[i] = b.String()
	}
	return out
}

// edgeLines returns the indexes of the first and last n non-blank lines.
func edgeLines(lines []string, n int) []int {
	var idx []int
	for j, c := 0, 0; j < len(lines) && c < n; j++ {
		if strings.TrimSpace(lines[j]) != "" {
			idx = append(idx, j)
			c++
		}
	}
	for j, c := len(lines)-1, 0; j >= 0 && c < n; j-- {
		if strings.TrimSpace(lines[j]) != "" {
			idx = append(idx, j)
			c++
		}
	}
	return idx
}

var (
	digits         = lazyre.New(`\d+`)
	pageNumberLine = lazyre.New(`^\s*(?:-\s*)?(?:(?i:page)\s+)?\d{1,4}(?:\s+(?i:of)\s+\d{1,4})?(?:\s*-)?\s*$`)
)

// runningKey is the form of a line compared across pages: digits folded
// and space collapsed, so "Page 2" and "Page 3" are one line. Short lines
// are not keys: a lone "Good" recurs in judgement tables.
func runningKey(line string) string {
	k := strings.Join(strings.Fields(digits.ReplaceAllString(line, "#")), " ")
	if len(k) < 8 {
		return ""
	}
	return k
}
