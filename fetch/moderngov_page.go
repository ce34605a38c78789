package fetch

import (
	"html"
	"regexp"
	"strings"
)

// itemPage renders an agenda item's minutes, which GetMeeting carries as
// an HTML fragment, as a page laid out like ModernGov's own agenda item
// page (mgAi.aspx): "Agenda item", the numbered title, the meeting, then
// "Minutes:" and the minutes. Ingest reads such a page as one agenda item
// of minutes, numbered as the council numbered it. The page depends only
// on what the service sent, so the same minutes always make the same
// bytes, and the same document.
func itemPage(committee, meetingDate, itemURL string, it mgItem) []byte {
	title := itemTitle(it)
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<title>" + html.EscapeString(committee+", "+meetingDate+": "+title) + "</title>\n")
	b.WriteString("<link rel=\"canonical\" href=\"" + html.EscapeString(itemURL) + "\">\n")
	b.WriteString("</head>\n<body>\n<div id=\"modgov\">\n")
	b.WriteString("<h1>Agenda item</h1>\n")
	b.WriteString("<h2>" + html.EscapeString(title) + "</h2>\n")
	meeting := "Meeting: " + meetingDate + " - " + committee
	if n := itemNumber(it); n != "" {
		meeting += " (Item " + n + ".)"
	}
	b.WriteString("<p>" + html.EscapeString(meeting) + "</p>\n")
	b.WriteString("<p>Minutes:</p>\n<div class=\"mgMinutes\">\n")
	b.WriteString(strings.TrimSpace(it.MinutesHTML))
	b.WriteString("\n</div>\n</div>\n</body>\n</html>\n")
	return []byte(b.String())
}

// itemTitle is an item's title as the council prints it: "9. Work
// Programme".
func itemTitle(it mgItem) string {
	t := strings.Join(strings.Fields(it.Title), " ")
	if n := strings.TrimSpace(it.Number); n != "" {
		return n + " " + t
	}
	return t
}

// itemNumber is an item's printed number without its trailing full stop.
func itemNumber(it mgItem) string {
	return strings.TrimRight(strings.TrimSpace(it.Number), ".")
}

var tags = regexp.MustCompile(`<[^>]*>`)

// hasMinutes reports whether an item carries minutes with any text: Word's
// HTML for an empty paragraph is not minutes.
func hasMinutes(it mgItem) bool {
	if mgTrue(it.Restricted) || (strings.TrimSpace(it.MinutePublished) != "" && !mgTrue(it.MinutePublished)) {
		return false
	}
	text := html.UnescapeString(tags.ReplaceAllString(it.MinutesHTML, " "))
	return strings.TrimSpace(strings.ReplaceAll(text, "\u00a0", " ")) != ""
}
