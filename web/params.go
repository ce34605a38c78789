package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"scrutiny/corpus"
	"scrutiny/store"
)

// searchParams are the parameters of a search, from a page's form or an
// API request. Every value is checked against its vocabulary or format
// before it reaches the store, which binds it as a parameter in any case.
type searchParams struct {
	Q         string
	Raw       bool
	Kinds     []string
	Authority string
	Area      string
	Grade     string
	Source    string
	Since     string
	Until     string
	In        string
	Limit     int
	Offset    int
}

// filter is the store filter the parameters ask for.
func (p searchParams) filter() store.Filter {
	return store.Filter{
		Query: p.Q, Raw: p.Raw, Kinds: p.Kinds, Authority: p.Authority, Area: p.Area, Grade: p.Grade,
		Source: p.Source, Since: p.Since, Until: p.Until,
	}
}

func (p searchParams) options() store.SearchOptions {
	return store.SearchOptions{Scope: store.Scope(p.In), Limit: p.Limit, Offset: p.Offset}
}

// filtered reports whether any filter is set.
func (p searchParams) filtered() bool {
	return len(p.Kinds) > 0 || p.Authority != "" || p.Area != "" || p.Grade != "" || p.Source != "" ||
		p.Since != "" || p.Until != ""
}

// parseSearch reads and checks search parameters. Pages paginate with
// page and per, the API with limit and offset; both are bounded.
func parseSearch(r *http.Request) (searchParams, error) {
	v := r.URL.Query()
	p := searchParams{
		Q:         strings.TrimSpace(v.Get("q")),
		Authority: strings.TrimSpace(v.Get("authority")),
		Area:      v.Get("area"),
		Grade:     v.Get("grade"),
		Source:    v.Get("source"),
		Since:     v.Get("since"),
		Until:     v.Get("until"),
		In:        v.Get("in"),
	}
	if len(p.Q) > 1000 {
		return p, badRequest("The query is too long: at most 1000 characters.")
	}
	if len(p.Authority) > 200 {
		return p, badRequest("The authority is too long: at most 200 characters.")
	}
	var err error
	if p.Raw, err = boolParam(v, "raw"); err != nil {
		return p, err
	}
	for _, k := range v["kind"] {
		for _, k := range strings.Split(k, ",") {
			if k = strings.TrimSpace(k); k == "" {
				continue
			}
			if !corpus.Kind(k).Valid() {
				return p, badRequest("Unknown kind %q: the kinds are %s.", k, kindList())
			}
			p.Kinds = append(p.Kinds, k)
		}
	}
	if p.Area != "" && !corpus.Area(p.Area).Valid() {
		return p, badRequest("Unknown area %q.", p.Area)
	}
	if p.Grade != "" && !corpus.Grade(p.Grade).Valid() {
		return p, badRequest("Unknown grade %q: the grades are outstanding, good, requires_improvement and inadequate.", p.Grade)
	}
	if p.Source != "" && p.Source != string(corpus.SourceOfsted) && p.Source != string(corpus.SourceReport) {
		return p, badRequest("Unknown source %q: the sources are ofsted and report.", p.Source)
	}
	for _, d := range []struct{ name, v string }{{"since", p.Since}, {"until", p.Until}} {
		if d.v != "" && !store.ValidDate(d.v) {
			return p, badRequest("The %s date %q is not a date: use YYYY-MM-DD, YYYY-MM or YYYY.", d.name, d.v)
		}
	}
	switch p.In {
	case "":
		p.In = string(store.ScopeAll)
	case string(store.ScopeAll), string(store.ScopeFindings), string(store.ScopeItems):
	default:
		return p, badRequest("Unknown scope in=%q: use all, findings or items.", p.In)
	}
	return p, p.paginate(v, isAPI(r))
}

// paginate reads limit and offset (the API) or per and page (pages).
func (p *searchParams) paginate(v url.Values, api bool) error {
	limitName, err := "limit", error(nil)
	if !api {
		limitName = "per"
	}
	if p.Limit, err = intParam(v, limitName, DefaultPerPage, 1, MaxPerPage); err != nil {
		return err
	}
	if api {
		p.Offset, err = intParam(v, "offset", 0, 0, MaxOffset)
		return err
	}
	page, err := intParam(v, "page", 1, 1, MaxOffset/p.Limit+1)
	p.Offset = (page - 1) * p.Limit
	return err
}

func intParam(v url.Values, name string, def, lo, hi int) (int, error) {
	s := v.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return def, badRequest("The parameter %s must be a whole number from %d to %d, not %q.", name, lo, hi, clip(s, 40))
	}
	return n, nil
}

func boolParam(v url.Values, name string) (bool, error) {
	switch v.Get(name) {
	case "", "0", "false", "off":
		return false, nil
	case "1", "true", "on":
		return true, nil
	}
	return false, badRequest("The parameter %s must be 1 or 0.", name)
}

// idParam reads the integer id in a path.
func idParam(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return 0, notFound("There is nothing with that id: ids are positive whole numbers.")
	}
	return id, nil
}

func kindList() string {
	var ks []string
	for _, k := range corpus.Kinds {
		ks = append(ks, string(k))
	}
	return strings.Join(ks, ", ")
}

func clip(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}
