package extract

import (
	"strings"
	"testing"
)

// TestFlatHTML checks the reader used for pages nested past the parser's
// limit: it keeps paragraphs apart and drops the same furniture as the
// tree walk.
func TestFlatHTML(t *testing.T) {
	content := "<nav><a>Home</a> <a>Menu</a></nav><h1>Cabinet</h1><p>First paragraph.</p><p>Second <b>paragraph</b>.</p>" +
		"<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table><script>var x;</script>" +
		"<div class=\"cookie-banner\">Accept cookies</div><p>After<br>the furniture.</p>"
	page := func(depth int) string {
		return "<html><head><title>Minutes</title><style>p{}</style></head><body>" + strings.Repeat("<div>", depth) +
			content + strings.Repeat("</div>", depth) + "</body></html>"
	}
	got, err := HTML([]byte(page(600)))
	if err != nil {
		t.Fatal(err)
	}
	if got.Extractor != "html tokenizer" {
		t.Fatalf("extractor %q: the page did not take the flat path", got.Extractor)
	}
	if got.Title != "Minutes" {
		t.Errorf("title %q, want Minutes", got.Title)
	}
	for _, want := range []string{"Cabinet\n\nFirst paragraph.\n\nSecond paragraph.", "one", "two", "After\nthe furniture."} {
		if !strings.Contains(got.Body, want) {
			t.Errorf("text lacks %q:\n%s", want, got.Body)
		}
	}
	for _, unwanted := range []string{"Menu", "var x", "Accept cookies", "p{}"} {
		if strings.Contains(got.Body, unwanted) {
			t.Errorf("text holds furniture %q:\n%s", unwanted, got.Body)
		}
	}

	// Where the parser can build the tree, the flat reader gives the same
	// text as the tree walk.
	shallow := page(3)
	tree, err := HTML([]byte(shallow))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := flatHTML([]byte(shallow))
	if flat := strings.TrimLeft(trimBoilerplate(trimLines(normalize(raw))), "\n"); flat != tree.Body {
		t.Errorf("flat reader:\n%q\ntree walk:\n%q", flat, tree.Body)
	}
}
