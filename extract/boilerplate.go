package extract

import (
	"strings"

	"scrutiny/internal/lazyre"
)

// webFurniture matches the lines a web page's footer is made of: social
// network link lists, agency credits, contact links and legal notices.
var webFurniture = lazyre.New(`(?i)` + strings.Join([]string{
	`\b(?:linkedin|facebook|twitter|instagram|youtube|pinterest|tiktok)\b.*\b(?:linkedin|facebook|twitter|instagram|youtube|pinterest|rss|tiktok)\b`,
	`website (?:design|designed|built|by)\b`,
	`\bweb design by\b`,
	`\ba .{1,40} collaboration\b`,
	`\bcontact us\s*$`,
	`^\s*(?:©|\(c\)|copyright)\s`,
	`\ball rights reserved\b`,
	`\b(?:privacy|cookie) (?:policy|notice|settings)\b`,
	`\baccessibility statement\b`,
	`\bterms (?:and|&) conditions\b`,
	`^\s*tel(?:ephone)?:?\s*[\d ]{8,}`,
	`\bsign up (?:to|for) our newsletter\b`,
	`\bfollow us\b`,
	`\bback to top\b`,
}, "|"))

// trimBoilerplate cuts a web page's trailing furniture from a text: the
// block of lines at its end, from the first furniture line on, once no
// sentence of content follows. A footer of a news page reprinted as text
// (seed 003) is not content and must not yield findings.
func trimBoilerplate(s string) string {
	lines := strings.Split(s, "\n")
	cut := len(lines)
	// Walk back from the end while lines are furniture, blank, or short
	// lines of a footer (an address, a strapline) near furniture.
	furnitureSeen := 0
walk:
	for i := len(lines) - 1; i >= 0 && i >= len(lines)-20; i-- {
		line := strings.TrimSpace(lines[i])
		switch {
		case line == "":
			continue
		case webFurniture.MatchString(line):
			furnitureSeen++
			cut = i
		case furnitureSeen > 0 && len(line) < 120 && !strings.HasSuffix(line, "."):
			cut = i
		default:
			break walk // content
		}
	}
	if furnitureSeen == 0 || cut == len(lines) {
		return s
	}
	return strings.Join(lines[:cut], "\n") + "\n"
}
