package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"scrutiny/corpus"
	"scrutiny/store"
)

// The JSON API: docs/api.md documents every endpoint and shape. Fields may
// be added, never renamed or removed; clients ignore fields they do not
// know.

// apiSearchResponse is /api/search's answer: the store's results and how
// long they took.
type apiSearchResponse struct {
	store.Results
	TookMS float64 `json:"took_ms"`
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	p, err := parseSearch(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	began := time.Now()
	res, err := s.search(r, p)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, apiSearchResponse{Results: res, TookMS: ms(time.Since(began))})
}

// search runs a search, or lists findings when there are no words.
func (s *Server) search(r *http.Request, p searchParams) (store.Results, error) {
	if p.Q == "" {
		return s.db.List(r.Context(), p.filter(), p.options())
	}
	return s.db.Search(r.Context(), p.filter(), p.options())
}

// findingResponse is /api/findings/{id}: a finding with the item it is in,
// the passage around it, and its question-and-answer thread.
type findingResponse struct {
	Finding store.Row         `json:"finding"`
	Item    *store.ItemDetail `json:"item"`
	Context contextText       `json:"context"`
	Thread  *store.Thread     `json:"thread"`
}

// contextText is a stretch of the document's text: [start, end) in code
// points.
type contextText struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

func (s *Server) apiFinding(w http.ResponseWriter, r *http.Request) {
	v, err := s.findingView(r, false)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	resp := findingResponse{Finding: v.Finding, Item: v.Item, Thread: v.Thread,
		Context: contextText{Start: v.Passage.Start, End: v.Passage.End, Text: v.passageText}}
	if resp.Item != nil {
		resp.Item.Text = "" // the context carries the text
	}
	s.writeJSON(w, r, http.StatusOK, resp)
}

// itemResponse is /api/items/{id}.
type itemResponse struct {
	Item     store.ItemDetail     `json:"item"`
	Document store.DocumentDetail `json:"document"`
	Findings []store.Row          `json:"findings"`
	Threads  []store.Thread       `json:"threads"`
}

func (s *Server) apiItem(w http.ResponseWriter, r *http.Request) {
	v, err := s.itemView(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, itemResponse{Item: v.Item, Document: v.Document, Findings: v.Findings, Threads: v.Threads})
}

// documentResponse is /api/documents/{id}.
type documentResponse struct {
	Document   store.DocumentDetail `json:"document"`
	Items      []store.ItemDetail   `json:"items"`
	Judgements []store.Row          `json:"judgements"`
	Findings   map[string]int       `json:"findings"` // by kind
}

func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) {
	v, err := s.documentView(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, documentResponse{Document: v.Document, Items: v.Items, Judgements: v.Judgements, Findings: v.Counts})
}

// vocabularyResponse is /api/vocabulary: the values filters accept.
type vocabularyResponse struct {
	Kinds       []corpus.Kind  `json:"kinds"`
	Areas       []corpus.Area  `json:"areas"`
	Grades      []corpus.Grade `json:"grades"`
	Sources     []string       `json:"sources"`
	Authorities []string       `json:"authorities"`
	Limits      map[string]int `json:"limits"`
}

func (s *Server) apiVocabulary(w http.ResponseWriter, r *http.Request) {
	auth, err := s.authorities.get(r.Context())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, vocabularyResponse{
		Kinds: corpus.Kinds, Areas: corpus.Areas, Grades: corpus.Grades,
		Sources: []string{string(corpus.SourceOfsted), string(corpus.SourceReport)}, Authorities: auth,
		Limits: map[string]int{"max_limit": MaxPerPage, "max_offset": MaxOffset, "rank_window": store.RankWindow},
	})
}

// apiErrorBody is the shape of every API error.
type apiErrorBody struct {
	Error struct {
		Status  int    `json:"status"`
		Message string `json:"message"`
	} `json:"error"`
}

func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	var body apiErrorBody
	body.Error.Status, body.Error.Message = s.classify(r, err)
	s.writeJSON(w, r, body.Error.Status, body)
}

func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		s.log.Error("encoding JSON", "path", r.URL.Path, "err", err)
		status = http.StatusInternalServerError
		b.Reset()
		b.WriteString(`{"error":{"status":500,"message":"the response could not be encoded"}}` + "\n")
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(b.Bytes())
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
