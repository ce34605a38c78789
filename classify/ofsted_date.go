package classify

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

const monthNames = `january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec`

var (
	// dateRE is a date as reports write it: "7 November 2017",
	// "07 February 2017", "4th June 2018".
	dateRE = lazy(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthNames + `)\.?,?\s+((?:19|20)\d\d)\b`)
	// dateRangeRE is a span of days: "4 June to 15 June 2018", "11 to 15
	// September 2023", "28 February to 4 March 2022", "14 September – 8
	// October 2015", "13 and 14 February 2025". The first date borrows
	// what it leaves out from the second.
	dateRangeRE = lazy(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+(` + monthNames + `)\.?)?(?:,?\s+((?:19|20)\d\d))?\s*(?:to|until|–|—|-|and)\s*(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthNames + `)\.?,?\s+((?:19|20)\d\d)\b`)
)

// reportISODate returns the ISO 8601 form of a day, month name and year, or ""
// when they make no date.
func reportISODate(day, month, year string) string {
	d, err1 := strconv.Atoi(day)
	y, err2 := strconv.Atoi(year)
	m := monthNumber(month)
	if err1 != nil || err2 != nil || m == 0 {
		return ""
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "" // 31 June
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

func monthNumber(name string) int {
	name = strings.ToLower(name)
	for i, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.HasPrefix(name, m) {
			return i + 1
		}
	}
	return 0
}

// parseDateRange reads the first span of days in s ("11 to 15 September
// 2023"), or failing that a single date, as ISO start and end dates.
func parseDateRange(s string) (string, string) {
	if m := dateRangeRE.FindStringSubmatch(s); m != nil {
		month, year := m[2], m[3]
		if month == "" {
			month = m[5]
		}
		if year == "" {
			year = m[6]
		}
		start, end := reportISODate(m[1], month, year), reportISODate(m[4], m[5], m[6])
		if start != "" && end != "" && start <= end {
			return start, end
		}
		if start != "" && end != "" && m[3] == "" {
			// "28 December to 8 January 2021": the span crosses a year.
			y, _ := strconv.Atoi(m[6])
			if s2 := reportISODate(m[1], month, strconv.Itoa(y-1)); s2 != "" {
				return s2, end
			}
		}
	}
	if m := dateRE.FindStringSubmatch(s); m != nil {
		d := reportISODate(m[1], m[2], m[3])
		return d, d
	}
	return "", ""
}

// daysBetween returns the number of days from one ISO date to another.
func daysBetween(from, to string) int {
	a, err1 := time.Parse("2006-01-02", from)
	b, err2 := time.Parse("2006-01-02", to)
	if err1 != nil || err2 != nil {
		return -1
	}
	return int(b.Sub(a).Hours() / 24)
}
