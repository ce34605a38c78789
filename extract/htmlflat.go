package extract

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// flatHTML reads a page that the HTML parser refuses (it keeps at most 512
// open elements, and hostile pages nest far deeper) with the tokenizer
// alone. Open elements are kept on a slice, not the call stack, so depth
// costs memory in proportion to the page and nothing more. It keeps the
// tree walk's line breaks and drops the same furniture, but reads the
// whole page rather than picking out its main content. It returns the text
// and the page's title.
func flatHTML(data []byte) (string, string) {
	z := html.NewTokenizer(bytes.NewReader(data))
	var w htmlWriter
	var title strings.Builder
	var open []string // names of the open elements
	skipFrom := -1    // index in open of the outermost skipped element
	inTitle := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return w.b.String(), strings.TrimSpace(title.String())
		case html.TextToken:
			switch {
			case inTitle:
				title.Write(z.Text())
			case skipFrom < 0:
				w.text(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			if t.Data == "title" {
				inTitle = t.Type == html.StartTagToken
				continue
			}
			if skipFrom < 0 && skipElement(&html.Node{Type: html.ElementNode, Data: t.Data, Attr: t.Attr}) {
				if t.Type == html.SelfClosingTagToken || voidElement(t.Data) {
					continue
				}
				skipFrom = len(open)
			}
			if skipFrom < 0 {
				w.open(t.Data)
			}
			if t.Type == html.StartTagToken && !voidElement(t.Data) {
				open = append(open, t.Data)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if tag == "title" {
				inTitle = false
				continue
			}
			// Close the nearest open element of this name, and any left
			// open inside it. Looking only a little way down keeps a page
			// of stray end tags linear.
			for i := len(open) - 1; i >= 0 && i >= len(open)-64; i-- {
				if open[i] != tag {
					continue
				}
				for j := len(open) - 1; j >= i; j-- {
					if skipFrom < 0 {
						w.close(open[j])
					}
					if j == skipFrom {
						skipFrom = -1
					}
				}
				open = open[:i]
				break
			}
		}
	}
}

// voidElement reports whether an element never has content or an end tag.
func voidElement(tag string) bool {
	switch tag {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
		return true
	}
	return false
}
