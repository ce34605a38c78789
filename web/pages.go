package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"time"

	"scrutiny/corpus"
	"scrutiny/store"
)

// searchData is what the search page shows.
type searchData struct {
	Title       string
	P           searchParams
	Results     *store.Results
	Hits        []hitView
	Err         string
	Took        string
	Authorities []string
	Kinds       []corpus.Kind
	Areas       []corpus.Area
	Grades      []corpus.Grade
	Prev, Next  template.URL
	Page, Pages int
	Stats       *store.Stats
}

// hitView is one result as the page lists it.
type hitView struct {
	store.Hit
	URL     string
	Kind    string // "item" for agenda items
	Label   string
	Detail  string
	Snippet []snip
}

// snip is a run of a snippet, matched or not.
type snip struct {
	Text string
	Mark bool
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	d := searchData{Title: "Search", Kinds: corpus.Kinds, Areas: corpus.Areas, Grades: corpus.Grades}
	var err error
	if d.Authorities, err = s.authorities.get(r.Context()); err != nil {
		s.pageError(w, r, err)
		return
	}
	status := http.StatusOK
	p, err := parseSearch(r)
	d.P = p
	switch {
	case err != nil:
		status, d.Err = s.classify(r, err)
	case p.Q == "" && !p.filtered():
		if st, err := s.stats.get(r.Context()); err == nil {
			d.Stats = &st
		}
	default:
		began := time.Now()
		res, err := s.search(r, p)
		if err != nil {
			status, d.Err = s.classify(r, err)
			break
		}
		d.Took = fmt.Sprintf("%.3f s", time.Since(began).Seconds())
		d.Results = &res
		if p.Q != "" {
			d.Title = p.Q + " – Search"
		}
		for _, h := range res.Hits {
			d.Hits = append(d.Hits, newHitView(h))
		}
		d.paginate(r, res)
	}
	s.render(w, r, status, "search", d)
}

// paginate sets the links to the previous and next pages.
func (d *searchData) paginate(r *http.Request, res store.Results) {
	d.Page = res.Offset/res.Limit + 1
	d.Pages = max((min(res.Total, MaxOffset+res.Limit)+res.Limit-1)/res.Limit, 1)
	link := func(page int) template.URL {
		v := r.URL.Query()
		v.Set("page", strconv.Itoa(page))
		return template.URL("?" + v.Encode())
	}
	if d.Page > 1 {
		d.Prev = link(d.Page - 1)
	}
	if res.Offset+len(res.Hits) < res.Total && d.Page < d.Pages {
		d.Next = link(d.Page + 1)
	}
}

func newHitView(h store.Hit) hitView {
	v := hitView{Hit: h}
	if f := h.Finding; f != nil {
		v.URL = fmt.Sprintf("/findings/%d#finding-%d", h.ID, h.ID)
		v.Kind, v.Label = f.Kind, kindLabel(f.Kind)
		switch {
		case f.Area != "" && f.Grade != "":
			v.Detail = areaLabel(f.Area) + ": " + gradeLabel(f.Grade)
			if f.Previous != nil && *f.Previous {
				v.Detail += " (an earlier inspection)"
			}
		case f.Speaker != "":
			v.Detail = f.Speaker
		case f.Outcome != "":
			v.Detail = f.Outcome
		case f.Source == string(corpus.SourceOfsted):
			v.Detail = "from Ofsted"
		case f.Source == string(corpus.SourceReport):
			v.Detail = "in a council report"
		}
	} else {
		v.URL = fmt.Sprintf("/items/%d", h.ID)
		v.Kind, v.Label = "item", "Agenda item"
		v.Detail = h.ItemTitle
	}
	v.Snippet = snips(h.Snippet, h.Highlights)
	return v
}

// snips splits a snippet at its highlights.
func snips(s string, hl [][2]int) []snip {
	rs := []rune(s)
	var out []snip
	at := 0
	for _, h := range hl {
		if h[0] < at || h[1] > len(rs) || h[0] >= h[1] {
			continue
		}
		if h[0] > at {
			out = append(out, snip{Text: string(rs[at:h[0]])})
		}
		out = append(out, snip{Text: string(rs[h[0]:h[1]]), Mark: true})
		at = h[1]
	}
	if at < len(rs) {
		out = append(out, snip{Text: string(rs[at:])})
	}
	return out
}

func (s *Server) findingPage(w http.ResponseWriter, r *http.Request) {
	v, err := s.findingView(r, true)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	title := kindLabel(v.Finding.Kind) + " " + strconv.FormatInt(v.Finding.ID, 10)
	s.render(w, r, http.StatusOK, "finding", struct {
		Title string
		findingView
	}{title, v})
}

func (s *Server) itemPage(w http.ResponseWriter, r *http.Request) {
	v, err := s.itemView(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	title := v.Item.Title
	if title == "" {
		title = fmt.Sprintf("Item %d", v.Item.Number)
	}
	s.render(w, r, http.StatusOK, "item", struct {
		Title string
		itemView
	}{title, v})
}

func (s *Server) documentPage(w http.ResponseWriter, r *http.Request) {
	v, err := s.documentView(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	title := v.Document.Title
	if title == "" {
		title = v.Document.Path
	}
	s.render(w, r, http.StatusOK, "document", struct {
		Title string
		documentView
		Kinds []corpus.Kind
	}{title, v, corpus.Kinds})
}

// pageError shows an error page.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := s.classify(r, err)
	s.render(w, r, status, "error", struct {
		Title   string
		Status  int
		Message string
	}{http.StatusText(status), status, msg})
}

// render executes a template into a buffer first, so that a failure
// midway never sends half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	var b bytes.Buffer
	if err := s.tmpl.ExecuteTemplate(&b, name, data); err != nil {
		s.log.Error("rendering page", "template", name, "path", r.URL.Path, "err", err)
		http.Error(w, "Something went wrong on the server; it has been logged.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(b.Bytes())
	}
}
