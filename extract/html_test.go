package extract

import (
	"strings"
	"testing"
)

func TestHTMLWindows1252(t *testing.T) {
	// "Members’ report costs £5" in windows-1252: 0x92 is the curly
	// apostrophe, 0xA3 the pound sign. Neither is valid UTF-8.
	page := []byte("<html><head><meta charset=\"windows-1252\"><title>Minutes</title></head><body>" +
		"<p>Members\x92 report costs \xa35.</p></body></html>")
	got, err := HTML(page)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Members’ report costs £5."; !strings.Contains(got.Body, want) {
		t.Errorf("got %q, want it to contain %q", got.Body, want)
	}
}

func TestHTMLMislabelledUTF8StaysUTF8(t *testing.T) {
	page := []byte(`<html><head><meta charset="windows-1252"></head><body><p>Members’ report costs £5.</p></body></html>`)
	got, err := HTML(page)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Members’ report costs £5."; !strings.Contains(got.Body, want) {
		t.Errorf("got %q, want %q: valid UTF-8 must not be decoded twice", got.Body, want)
	}
}

func TestHTMLBreaksBlocks(t *testing.T) {
	page := []byte(`<body><div>Item 5</div><p>Members noted.</p><p><b>Resolved:</b><br>that the report be noted</p>` +
		`<ul><li>first</li><li>second</li></ul><table><tr><td>Good</td><td>Outstanding</td></tr></table></body>`)
	got, err := HTML(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, glued := range []string{"Item 5Members", "noted.Resolved", "Resolved:that", "firstsecond", "GoodOutstanding"} {
		if strings.Contains(got.Body, glued) {
			t.Errorf("blocks glued together (%q) in %q", glued, got.Body)
		}
	}
	for _, want := range []string{"Item 5\n", "Resolved:\nthat the report be noted", "• first\n• second"} {
		if !strings.Contains(got.Body, want) {
			t.Errorf("got %q, want it to contain %q", got.Body, want)
		}
	}
}

func TestHTMLDropsFurniture(t *testing.T) {
	page := []byte(`<html><body>
		<header><nav>Home | Council | Democracy</nav></header>
		<div id="cookie-banner">We use cookies to improve this site.</div>
		<main><h1>Corporate Parenting Panel</h1><p>RESOLVED that the report be noted.</p></main>
		<footer>Website design by Example Ltd</footer>
		<script>var x = "RESOLVED that nothing";</script>
	</body></html>`)
	got, err := HTML(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, junk := range []string{"Home | Council", "cookies", "Website design", "var x"} {
		if strings.Contains(got.Body, junk) {
			t.Errorf("furniture %q kept in %q", junk, got.Body)
		}
	}
	if !strings.Contains(got.Body, "RESOLVED that the report be noted.") {
		t.Errorf("content lost: %q", got.Body)
	}
}

func TestTrailingWebFooterIsTrimmed(t *testing.T) {
	text := "Durham strengthens services\n\nFinally, Durham should improve the tracking of children missing from education.\n" +
		"Durham County Council\nInspection of children’s social care services\n\n" +
		"Delivering a diverse range of services to children\nTel: 01206 878178Contact Us\n\n" +
		"A Example Group collaboration - market research by Example | website design by Example\n\n" +
		"linkedin facebook pinterest youtube rss twitter instagram\n"
	got := trimBoilerplate(text)
	if strings.Contains(got, "collaboration") || strings.Contains(got, "linkedin") || strings.Contains(got, "Contact Us") {
		t.Errorf("footer kept:\n%s", got)
	}
	if !strings.Contains(got, "Finally, Durham should improve the tracking of children missing from education.") {
		t.Errorf("content before the footer lost:\n%s", got)
	}
}
