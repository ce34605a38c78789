package classify

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

var (
	months = map[string]time.Month{
		"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
		"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
		"sep": time.September, "sept": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
	}
	monthName = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`
	// dayMonthYear: "13 March 2025", "21ST OCTOBER, 2024", "13th of March 2025".
	dayMonthYear = lazy(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthName + `,?\s+((?:19|20)\d\d)\b`)
	// monthDayYear: "October 28, 2025", "January 29 2018".
	monthDayYear = lazy(`(?i)\b` + monthName + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b`)
	// numericDate: "10/02/2026" (day first, as British minutes write it).
	numericDate = lazy(`\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b`)
)

// findDate returns the first full date in s as an ISO 8601 date, and
// where it starts, or "" and -1.
func findDate(s string) (string, int) {
	best, at := "", -1
	try := func(re *lazyRE, parse func([]string) (string, bool)) {
		m := re.FindStringSubmatchIndex(s)
		if m == nil || (at >= 0 && m[0] >= at) {
			return
		}
		parts := make([]string, len(m)/2)
		for i := range parts {
			if m[2*i] >= 0 {
				parts[i] = s[m[2*i]:m[2*i+1]]
			}
		}
		if d, ok := parse(parts); ok {
			best, at = d, m[0]
		}
	}
	try(dayMonthYear, func(p []string) (string, bool) { return isoDate(p[3], months[monthKey(p[2])], p[1]) })
	try(monthDayYear, func(p []string) (string, bool) { return isoDate(p[3], months[monthKey(p[1])], p[2]) })
	try(numericDate, func(p []string) (string, bool) {
		mo, _ := strconv.Atoi(p[2])
		return isoDate(p[3], time.Month(mo), p[1])
	})
	return best, at
}

func monthKey(s string) string {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) > 3 && s != "sept" {
		s = s[:3]
	}
	return s
}

// isoDate checks a date and writes it as ISO 8601.
func isoDate(year string, month time.Month, day string) (string, bool) {
	y, err1 := strconv.Atoi(year)
	d, err2 := strconv.Atoi(day)
	if err1 != nil || err2 != nil || month < 1 || month > 12 {
		return "", false
	}
	t := time.Date(y, month, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", false // 31 June and the like
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, month, d), true
}
