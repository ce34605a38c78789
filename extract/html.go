package extract

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// maxDepth bounds the tree walk: deeply nested hostile HTML must not
// exhaust the stack. Deeper content is still read, flattened.
const maxDepth = 512

// HTML extracts the text of an HTML page. goquery ignores <meta charset>, so
// bytes that are not valid UTF-8 are decoded by what the page declares (or
// windows-1252, the web's default). Its Text() glues blocks together, so the
// tree is walked here with line breaks after block elements and <br>, and
// page furniture (scripts, navigation, headers, footers, cookie banners) is
// dropped.
func HTML(data []byte) (*Text, error) {
	if looksBinary(data) {
		return nil, ErrBinary
	}
	page, err := decodeHTML(data)
	if err != nil {
		return nil, err
	}
	var raw, title, extractor string
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	switch {
	case err == nil:
		title = strings.TrimSpace(doc.Find("title").First().Text())
		var w htmlWriter
		for _, n := range contentRoot(doc).Nodes {
			w.walk(n, 0)
		}
		raw, extractor = w.b.String(), "goquery"
	case strings.Contains(err.Error(), "open stack of elements"):
		// Nested deeper than the parser allows: read it flat.
		raw, title = flatHTML(page)
		extractor = "html tokenizer"
	default:
		return nil, fmt.Errorf("parse html: %w", err)
	}
	body := trimBoilerplate(trimLines(normalize(raw)))
	body = strings.TrimLeft(body, "\n")
	return &Text{Body: body, Pages: onePage(body), Extractor: extractor, Title: normalize(title)}, nil
}

// decodeHTML returns the page as UTF-8.
func decodeHTML(data []byte) ([]byte, error) {
	if utf8.Valid(data) {
		return data, nil
	}
	enc, name, _ := charset.DetermineEncoding(data, "text/html")
	if name == "utf-8" {
		// Declared UTF-8 (or nothing declared) but not valid: the web's
		// default for undeclared legacy pages is windows-1252.
		enc, _ = charset.Lookup("windows-1252")
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("html: decode %s: %w", name, err)
	}
	return out, nil
}

// contentRoot picks the part of the page that holds its content: ModernGov's
// #modgov block, a <main> element, or the body.
func contentRoot(doc *goquery.Document) *goquery.Selection {
	for _, sel := range []string{"#modgov", "main", "[role=main]", "article", "body"} {
		if s := doc.Find(sel).First(); s.Length() > 0 && strings.TrimSpace(s.Text()) != "" {
			return s
		}
	}
	return doc.Selection
}

type htmlWriter struct {
	b strings.Builder
}

func (w *htmlWriter) walk(n *html.Node, depth int) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		if skipElement(n) {
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	tag := ""
	if n.Type == html.ElementNode {
		tag = n.Data
	}
	if tag == "br" {
		w.open(tag)
		return
	}
	w.open(tag)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if depth >= maxDepth {
			w.text(nodeText(c))
			continue
		}
		w.walk(c, depth+1)
	}
	w.close(tag)
}

// open writes what starts an element: a line break before a block, a
// bullet before a list entry, a tab before a table cell.
func (w *htmlWriter) open(tag string) {
	switch tag {
	case "br":
		w.b.WriteByte('\n')
		return
	case "li":
		w.newline()
		w.b.WriteString("• ")
	case "td", "th":
		w.b.WriteByte('\t')
	}
	if isBlock(tag) && tag != "li" {
		w.newline()
	}
}

// close writes what ends an element: a blank line after a paragraph, a
// line break after other blocks.
func (w *htmlWriter) close(tag string) {
	switch {
	case isParagraph(tag):
		w.b.WriteString("\n\n")
	case isBlock(tag):
		w.newline()
	}
}

// text writes a text node with its whitespace collapsed, as a browser
// renders it.
func (w *htmlWriter) text(s string) {
	if s == "" {
		return
	}
	lead := strings.IndexFunc(s, func(r rune) bool { return !isHTMLSpace(r) }) != 0
	trail := len(s) > 0 && isHTMLSpace(rune(s[len(s)-1]))
	f := strings.Fields(s)
	if len(f) == 0 {
		if w.b.Len() > 0 && !w.endsSpace() {
			w.b.WriteByte(' ')
		}
		return
	}
	if lead && !w.endsSpace() {
		w.b.WriteByte(' ')
	}
	w.b.WriteString(strings.Join(f, " "))
	if trail {
		w.b.WriteByte(' ')
	}
}

func (w *htmlWriter) endsSpace() bool {
	s := w.b.String()
	return s == "" || strings.HasSuffix(s, " ") || strings.HasSuffix(s, "\n") || strings.HasSuffix(s, "\t")
}

func (w *htmlWriter) newline() {
	if s := w.b.String(); s != "" && !strings.HasSuffix(s, "\n") {
		w.b.WriteByte('\n')
	}
}

func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var f func(*html.Node)
	f = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	// Iterate rather than recurse at the top so that depth stays bounded
	// by the caller's walk; the subtree itself is walked recursively but
	// only once per too-deep node.
	f(n)
	return b.String()
}

var paragraphTags = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"blockquote": true, "pre": true, "table": true, "ul": true, "ol": true, "dl": true,
	"section": true, "article": true, "hr": true, "figure": true, "address": true,
}

var blockTags = map[string]bool{
	"div": true, "li": true, "tr": true, "dt": true, "dd": true, "caption": true,
	"tbody": true, "thead": true, "tfoot": true, "main": true, "center": true,
	"fieldset": true, "details": true, "summary": true, "figcaption": true,
}

func isParagraph(tag string) bool { return paragraphTags[tag] }
func isBlock(tag string) bool     { return paragraphTags[tag] || blockTags[tag] }

var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true,
	"iframe": true, "object": true, "embed": true, "canvas": true, "head": true,
	"nav": true, "header": true, "footer": true, "aside": true, "form": true,
	"button": true, "select": true, "input": true, "textarea": true, "menu": true,
	"math": true,
}

// furniture are id and class words that mark page furniture rather than
// content. They are matched against whole hyphen- or underscore-separated
// words so that "mgContent" or "article-header-image" are not caught by
// accident where they hold text.
var furniture = []string{
	"cookie", "cookies", "consent", "gdpr", "banner", "navbar", "nav", "navigation",
	"menu", "breadcrumb", "breadcrumbs", "skip", "skiplink", "footer", "colophon",
	"masthead", "social", "share", "sharing", "sidebar", "widget", "comments",
	"mgfooter", "mgheader", "search", "newsletter", "advert", "ads",
}

var furnitureSet = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range furniture {
		m[f] = true
	}
	return m
}()

func skipElement(n *html.Node) bool {
	if skipTags[n.Data] {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "role":
			switch a.Val {
			case "navigation", "banner", "contentinfo", "search", "complementary", "dialog", "alertdialog":
				return true
			}
		case "id", "class":
			for _, tok := range strings.FieldsFunc(strings.ToLower(a.Val), func(r rune) bool {
				return r == ' ' || r == '-' || r == '_'
			}) {
				if furnitureSet[tok] {
					return true
				}
			}
		}
	}
	return false
}

// looksBinary reports whether data is binary rather than markup: NUL bytes
// in its first kilobytes.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 8192)]
	return bytes.IndexByte(head, 0) >= 0 && !utf16BOM(head)
}

func utf16BOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff})
}
