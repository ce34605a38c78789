// Package web serves a Scrutiny database to people and programs: a search
// page, pages for findings, agenda items and documents, and a JSON API
// behind them (docs/api.md). It only reads: the database is opened
// read-only, every query is parameterised, only GET and HEAD are
// answered, and page sizes are bounded. Templates and styles are embedded;
// there is no front-end build step.
package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"scrutiny/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Limits on what one request may ask for.
const (
	DefaultPerPage = 20
	MaxPerPage     = 100
	// MaxOffset bounds pagination: deep pages cost as much as all the
	// pages before them.
	MaxOffset = 10000
	// DefaultTimeout bounds the work of one request.
	DefaultTimeout = 10 * time.Second
)

// Options configure a Server.
type Options struct {
	Logger  *slog.Logger  // request errors; nil discards them
	Timeout time.Duration // per request; 0 means DefaultTimeout
}

// Server answers HTTP requests from a read-only database.
type Server struct {
	db      *store.DB
	tmpl    *template.Template
	mux     *http.ServeMux
	log     *slog.Logger
	timeout time.Duration
	// Lists shown on every search page, cached because counting a large
	// database takes longer than a search.
	authorities *cached[[]string]
	stats       *cached[store.Stats]
}

// New makes a server over db, which should be opened with
// store.OpenReadOnly.
func New(db *store.DB, opt Options) (*Server, error) {
	tmpl, err := template.New("").Funcs(funcs).ParseFS(templateFS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("web templates: %w", err)
	}
	s := &Server{db: db, tmpl: tmpl, mux: http.NewServeMux(), log: opt.Logger, timeout: opt.Timeout}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.timeout <= 0 {
		s.timeout = DefaultTimeout
	}
	s.authorities = newCached(time.Minute, db.Authorities)
	s.stats = newCached(time.Minute, db.Stats)

	static, _ := fs.Sub(staticFS, "static")
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", cacheFor(time.Hour, http.FileServerFS(static))))
	s.mux.HandleFunc("GET /{$}", s.searchPage)
	s.mux.HandleFunc("GET /findings/{id}", s.findingPage)
	s.mux.HandleFunc("GET /items/{id}", s.itemPage)
	s.mux.HandleFunc("GET /documents/{id}", s.documentPage)
	s.mux.HandleFunc("GET /documents/{id}/source", s.source)
	s.mux.HandleFunc("GET /api/search", s.apiSearch)
	s.mux.HandleFunc("GET /api/findings/{id}", s.apiFinding)
	s.mux.HandleFunc("GET /api/items/{id}", s.apiItem)
	s.mux.HandleFunc("GET /api/documents/{id}", s.apiDocument)
	s.mux.HandleFunc("GET /api/vocabulary", s.apiVocabulary)
	s.mux.HandleFunc("GET /api/", func(w http.ResponseWriter, r *http.Request) {
		s.apiError(w, r, notFound("no such endpoint: see docs/api.md"))
	})
	s.mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		s.pageError(w, r, notFound("There is no page here."))
	})
	return s, nil
}

// ServeHTTP answers a request: only GET and HEAD, with security headers,
// a time limit, and a plain error rather than a crash when a handler
// panics.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		s.fail(w, r, &httpError{status: http.StatusMethodNotAllowed, msg: "This server only reads: use GET."})
		return
	}
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.Error("panic serving request", "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
			s.fail(w, r, errors.New("panic"))
		}
	}()
	ctx, cancel := context.WithTimeout(r.Context(), s.timeout)
	defer cancel()
	s.mux.ServeHTTP(w, r.WithContext(ctx))
}

// httpError is an error with the status and message to show for it.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &httpError{status: http.StatusBadRequest, msg: fmt.Sprintf(format, args...)}
}

func notFound(msg string) error { return &httpError{status: http.StatusNotFound, msg: msg} }

// classify turns any error into a status and a message safe to show:
// known request errors say what was wrong, anything else is logged and
// shown as an internal error without details.
func (s *Server) classify(r *http.Request, err error) (int, string) {
	var he *httpError
	var qe *store.QueryError
	switch {
	case errors.As(err, &he):
		return he.status, he.msg
	case errors.As(err, &qe):
		return http.StatusBadRequest, "Your search could not be run: " + qe.Reason + "."
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, "Nothing has that id."
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "The request took too long: add words or filters to narrow it."
	case errors.Is(err, context.Canceled):
		return 499, "The request was cancelled."
	}
	s.log.Error("serving request", "path", r.URL.Path, "query", r.URL.RawQuery, "err", err)
	return http.StatusInternalServerError, "Something went wrong on the server; it has been logged."
}

// fail answers with an error in the form the request expects.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if isAPI(r) {
		s.apiError(w, r, err)
		return
	}
	s.pageError(w, r, err)
}

func isAPI(r *http.Request) bool {
	return len(r.URL.Path) >= 5 && r.URL.Path[:5] == "/api/"
}

func cacheFor(d time.Duration, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", fmt.Sprintf("public, max-age=%d", int(d.Seconds())))
		h.ServeHTTP(w, r)
	})
}
