package classify

import (
	"strings"
	"unicode"

	"scrutiny/corpus"
)

// Minutes open with the facts of their meeting: the body that met ("MINUTES
// of a meeting of the Cabinet held ... on Thursday, 30 January 2025"), and
// who attended ("PRESENT: Mr R W Gough (Chairman), ...", "IN ATTENDANCE:
// Mrs S Hammond (Corporate Director Children, Young People and
// Education)").

// meetingHead is how far into minutes their facts are looked for.
const meetingHead = 6000

var (
	// meetingOf names the body in the sentence that opens minutes.
	meetingOf = []*lazyRE{
		lazy(`(?i)\bminutes\s+of\s+(?:the\s+)?(?:proceedings\s+(?:at|of)\s+)?(?:an?\s+|the\s+)?(?:(?:regular|special|ordinary|extraordinary|monthly|annual|adjourned|virtual|remote|informal|joint)\s+)*meeting\s+of\s+(?:the\s+)?(.{3,90}?)\s+(?:held|which\s+took\s+place|convened|on\s+\p{L}+day|at\s+\d|at\s+the\b)`),
		lazy(`(?i)\b(?:an?|the)\s+(?:(?:regular|special|ordinary|extraordinary|monthly|annual|adjourned|virtual|remote)\s+)*meeting\s+of\s+(?:the\s+)?(.{3,90}?)\s+(?:was|will\s+be)\s+held\b`),
		// "MINUTES OF THE CORPORATE PARENTING BOARD HELD ON ...".
		lazy(`(?i)^\W*minutes\s+of\s+(?:the\s+)?((?:\S+\s+){0,8}?(?:committee|sub-committee|board|panel|cabinet|council|forum|commission|executive|group|assembly))\s+(?:held|meeting)\b`),
	}
	// heldOn is a date the meeting was held on, after the body is named.
	heldOn = lazy(`(?i)\b(?:held|took\s+place|convened|meeting)\b[^.]{0,160}?\bon\s+`)
	// earlierMinutes is the previous meeting's record named before "held
	// on" its date.
	earlierMinutes = lazy(`(?i)\b(?:minutes|record|notes|minute\s+\d+)(?:\s*\([^()]{0,60}\))?\s+of\s+(?:the\s+|a\s+)?(?:previous\s+|last\s+)?$`)
	// dateLabel introduces the date in an agenda's header, or a ModernGov
	// page's "Meeting: 26/06/2024 - Committee (Item 6)".
	dateLabel = lazy(`(?i)\b(?:date(?:\s+of\s+meeting)?|meeting\s+date|meeting)\s*:\s*`)
)

// meetingFacts reads the committee, date and attendance list from the head
// of minutes. Facts a fetcher recorded in doc.Meta come first.
func meetingFacts(doc *corpus.Document) *corpus.MeetingFacts {
	head := doc.Text[:min(len(doc.Text), meetingHead)]
	flat := strings.Join(strings.Fields(strings.ReplaceAll(head, "*", "")), " ")
	m := &corpus.MeetingFacts{Committee: doc.Meta["committee"], Date: doc.Meta["meeting_date"]}
	if m.Committee == "" {
		m.Committee = committeeName(flat)
	}
	if m.Date == "" {
		m.Date = meetingDate(flat)
	}
	m.Attendees = attendance(head)
	if m.Committee == "" && m.Date == "" && len(m.Attendees) == 0 {
		return nil
	}
	return m
}

// committeeName returns the body named in a sentence such as "MINUTES of a
// meeting of the County Council held in ...", in title case when the
// minutes set it in capitals.
func committeeName(flat string) string {
	for _, re := range meetingOf {
		if m := re.FindStringSubmatch(flat); m != nil {
			name := strings.TrimRight(strings.TrimSpace(m[1]), ",")
			if isCapitals(name) {
				name = titleCase(name)
			}
			return name
		}
	}
	return ""
}

// meetingDate returns the date the meeting was held on: the date after a
// "Date:" label, else after "held ... on", else a date among the title
// lines.
func meetingDate(flat string) string {
	for _, re := range []*lazyRE{dateLabel, heldOn} {
		for _, loc := range re.FindAllStringIndex(flat, 4) {
			if re == dateLabel && strings.HasSuffix(strings.ToLower(strings.TrimSpace(flat[max(0, loc[0]-12):loc[0]])), "next") {
				continue // "Date of next meeting:"
			}
			if re == heldOn && loc[0] > 300 && earlierMinutes.MatchString(flat[max(0, loc[0]-90):loc[0]]) {
				// "the minutes of the meeting held on 16 January were
				// confirmed": the last meeting's date, not this one's.
				continue
			}
			if d, at := findDate(flat[loc[1]:min(len(flat), loc[1]+60)]); d != "" && at < 30 {
				return d
			}
			break
		}
	}
	// A date in the title lines is the meeting's; a date further on may
	// be any date (a letter's, a report's).
	d, _ := findDate(flat[:min(len(flat), 400)])
	return d
}

// isCapitals reports whether s has letters and none in lower case.
func isCapitals(s string) bool { return corpus.CapitalLetters(s) > 1 }

// titleCase sets a name in capitals in title case, keeping the little
// words of names in lower case: "METROPOLITAN DISTRICT OF LIMERICK" reads
// "Metropolitan District of Limerick".
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if i > 0 && (w == "of" || w == "and" || w == "the" || w == "for" || w == "in" || w == "on") {
			continue
		}
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		for j := 1; j < len(r); j++ {
			if r[j-1] == '-' || r[j-1] == '(' {
				r[j] = unicode.ToUpper(r[j])
			}
		}
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}
