package fetch

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/net/html/charset"
)

// ErrNotXML means a site answered with something other than the XML it
// was asked for: most often a web page (a redirect to https, a login or
// error page) served in its place. Test for it with errors.Is.
var ErrNotXML = errors.New("not XML")

// notXML says what came instead of XML; it is ErrNotXML.
type notXML struct{ msg string }

func (e *notXML) Error() string        { return e.msg }
func (e *notXML) Is(target error) bool { return target == ErrNotXML }

func notXMLf(format string, args ...any) error { return &notXML{fmt.Sprintf(format, args...)} }

// decodeXML decodes body, which should be an XML document whose root
// element is root, into v. A web page in its place is reported as
// ErrNotXML with a description of the page.
func decodeXML(body []byte, root string, v any) error {
	head := bytes.TrimLeft(body, "\xef\xbb\xbf \t\r\n")
	if len(head) == 0 {
		return notXMLf("the site answered with an empty body instead of XML")
	}
	if looksLikeHTML(head) {
		return notXMLf("the site answered with %s instead of XML", describePage(head))
	}
	dec := xml.NewDecoder(bytes.NewReader(head))
	dec.CharsetReader = charset.NewReaderLabel
	dec.Strict = false
	if err := dec.Decode(v); err != nil {
		return notXMLf("the site's answer is not the XML expected (<%s>): %v", root, err)
	}
	return nil
}

var (
	htmlStart = regexp.MustCompile(`(?i)^(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<script\b|<meta\b|<title\b)`)
	pageTitle = regexp.MustCompile(`(?is)<title[^>]*>\s*(.*?)\s*</title>`)
	redirect  = regexp.MustCompile(`(?i)window\.location|http-equiv\s*=\s*["']?refresh|HttpRedirect`)
	httpsHint = regexp.MustCompile(`(?i)["']https://["']|location\.protocol|https:`)
)

func looksLikeHTML(head []byte) bool {
	return htmlStart.Match(head[:min(len(head), 4096)])
}

// describePage names a web page for an error message: a redirect, or the
// page's title.
func describePage(page []byte) string {
	switch {
	case redirect.Match(page) && httpsHint.Match(page):
		return "a redirect page (to https; try the site's https:// address)"
	case redirect.Match(page):
		return "a redirect page"
	}
	if m := pageTitle.FindSubmatch(page); m != nil {
		t := strings.Join(strings.Fields(string(m[1])), " ")
		if len(t) > 80 {
			t = t[:80] + "…"
		}
		if t != "" {
			return fmt.Sprintf("a web page titled %q", t)
		}
	}
	return "a web page"
}
