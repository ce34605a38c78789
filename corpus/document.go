package corpus

import "time"

// Page is one page of a document's text: the half-open byte range
// [Start, End) of Document.Text that the page holds. Number is 1-based.
type Page struct {
	Number     int
	Start, End int
}

// Item is an agenda item of minutes, or a section of a report: the byte range
// [Start, End) of the document text under one heading.
type Item struct {
	Number     int    // 1-based position in the document
	Label      string // the number as printed ("84", "1.3"), if any
	Title      string
	Start, End int
	Page       int  // page the item starts on
	Procedural bool // apologies, declarations, previous minutes, exclusion of the press
}

// Document is one ingested file: its identity, its text with pages and
// items, and what classification found in it.
type Document struct {
	Path    string // as given to ingest
	AbsPath string // absolute path, the key for versions of one file
	SHA256  string // hex SHA-256 of the file's bytes: the document's identity
	Size    int64
	ModTime time.Time
	Format  Format

	// Extractor names the program (and version) that produced Text, such
	// as "pdftotext 22.12.0" or "ledongthuc/pdf".
	Extractor string
	Text      string
	Pages     []Page
	Items     []Item
	Title     string

	Type      DocType
	Authority string // canonical authority name, when one could be matched
	// AuthorityURN is the Ofsted URN of the authority, when matched.
	AuthorityURN string

	Inspection *InspectionFacts
	Meeting    *MeetingFacts
	Findings   []Finding

	// Meta carries what a fetcher knew about the file before it was read
	// (source URL, committee, meeting date, item number).
	Meta map[string]string
}

// PageAt returns the number of the page holding byte offset off, or 0 when
// the document has no pages.
func (d *Document) PageAt(off int) int {
	return PageAt(d.Pages, off)
}

// PageAt returns the number of the page in pages holding byte offset off.
// An offset past the last page belongs to the last page.
func PageAt(pages []Page, off int) int {
	if len(pages) == 0 {
		return 0
	}
	lo, hi := 0, len(pages)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if pages[mid].Start <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return pages[lo].Number
}

// ItemAt returns the 1-based number of the item holding byte offset off, or
// 0 when no item holds it.
func ItemAt(items []Item, off int) int {
	for _, it := range items {
		if it.Start <= off && off < it.End {
			return it.Number
		}
	}
	return 0
}
