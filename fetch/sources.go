package fetch

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The kinds of source.
const (
	ModernGov = "moderngov" // a ModernGov site, by base URL
	Feed      = "feed"      // an RSS or Atom feed
	URL       = "url"       // documents by URL
)

// DefaultCommittees are the committee name patterns a ModernGov source
// follows when its section names none: the committees that hear about
// children's services and their inspections.
var DefaultCommittees = []string{"children", "young people", "scrutiny", "corporate parenting", "cabinet"}

// DefaultDays is the date window when a source sets none: meetings (and
// feed entries) of the last DefaultDays days.
const DefaultDays = 90

// Source is one place to fetch from: a section of the sources file.
type Source struct {
	Name       string   // the section's name; it labels the documents
	Type       string   // ModernGov, Feed or URL
	URLs       []string // ModernGov: the site (one); Feed: feeds; URL: documents
	Authority  string   // the council, stored with each document
	Committees []string // ModernGov: name patterns, matched case-insensitively
	Documents  string   // ModernGov: "minutes" (default) or "all" linked documents
	Match      []string // Feed: only entries whose title or link contains one
	Days       int      // window: the last Days days, unless From is set
	From, To   time.Time
	Line       int // where the section starts in the file
}

// Config is a sources file: settings for the fetcher, and the sources.
type Config struct {
	Contact  string        // put in the User-Agent, so sites can reach whoever runs the fetcher
	Interval time.Duration // least time between requests to one host; negative when not set
	Sources  []Source
}

// LoadSources reads the sources file at path.
func LoadSources(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("sources: %w", err)
	}
	defer f.Close()
	return ParseSources(f, path)
}

var sectionName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*$`)

// ParseSources reads a sources file (see docs/nightly.md): settings as
// "key = value" lines before the first section, then one "[name]" section
// per source. Lines starting with # or ; are comments. Keys that take a
// list (url, committee, match) may be repeated. name is used in errors.
func ParseSources(r io.Reader, name string) (*Config, error) {
	cfg := &Config{Interval: -1}
	defaultDays := DefaultDays
	var cur *Source
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		errf := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", name, n, fmt.Sprintf(format, args...))
		}
		switch {
		case line == "" || line[0] == '#' || line[0] == ';':
			continue
		case line[0] == '[':
			if !strings.HasSuffix(line, "]") {
				return nil, errf("a section header must end with ]")
			}
			sec := strings.TrimSpace(line[1 : len(line)-1])
			if !sectionName.MatchString(sec) {
				return nil, errf("section name %q: use letters, digits, '-', '_' and '.'", sec)
			}
			if at, dup := seen[sec]; dup {
				return nil, errf("section [%s] already defined on line %d", sec, at)
			}
			seen[sec] = n
			cfg.Sources = append(cfg.Sources, Source{Name: sec, Line: n, Days: -1})
			cur = &cfg.Sources[len(cfg.Sources)-1]
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok {
			return nil, errf("want key = value, or [section]")
		}
		key, value = strings.ToLower(strings.TrimSpace(key)), unquote(strings.TrimSpace(value))
		var err error
		if cur == nil {
			err = setGlobal(cfg, &defaultDays, key, value)
		} else {
			err = setSource(cur, key, value)
		}
		if err != nil {
			return nil, errf("%v", err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for i := range cfg.Sources {
		if err := finish(&cfg.Sources[i], defaultDays); err != nil {
			return nil, fmt.Errorf("%s:%d: [%s]: %w", name, cfg.Sources[i].Line, cfg.Sources[i].Name, err)
		}
	}
	return cfg, nil
}

func setGlobal(cfg *Config, days *int, key, value string) error {
	switch key {
	case "contact":
		cfg.Contact = value
	case "interval":
		d, err := time.ParseDuration(value)
		if err != nil || d < 0 {
			return fmt.Errorf("interval %q: want a duration such as 1s or 500ms", value)
		}
		cfg.Interval = d
	case "days":
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 {
			return fmt.Errorf("days %q: want a whole number of days", value)
		}
		*days = n
	default:
		return fmt.Errorf("unknown setting %q before the first [section] (settings: contact, interval, days)", key)
	}
	return nil
}

func setSource(s *Source, key, value string) error {
	switch key {
	case "type":
		switch v := strings.ToLower(value); v {
		case ModernGov, Feed, URL:
			s.Type = v
		default:
			return fmt.Errorf("type %q: want moderngov, feed or url", value)
		}
	case "url":
		u, err := url.Parse(value)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("url %q: want an http:// or https:// address", value)
		}
		s.URLs = append(s.URLs, value)
	case "authority":
		s.Authority = value
	case "committee":
		s.Committees = append(s.Committees, value)
	case "match":
		s.Match = append(s.Match, value)
	case "documents":
		if value != "minutes" && value != "all" {
			return fmt.Errorf("documents %q: want minutes or all", value)
		}
		s.Documents = value
	case "days":
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 {
			return fmt.Errorf("days %q: want a whole number of days", value)
		}
		s.Days = n
	case "from", "to":
		t, err := time.Parse("2006-01-02", value)
		if err != nil {
			return fmt.Errorf("%s %q: want a date as YYYY-MM-DD", key, value)
		}
		if key == "from" {
			s.From = t
		} else {
			s.To = t
		}
	default:
		return fmt.Errorf("unknown key %q (keys: %s)", key, strings.Join(sourceKeys, ", "))
	}
	return nil
}

var sourceKeys = func() []string {
	k := []string{"type", "url", "authority", "committee", "match", "documents", "days", "from", "to"}
	sort.Strings(k)
	return k
}()

// finish checks a source and fills in its defaults.
func finish(s *Source, defaultDays int) error {
	if s.Type == "" {
		return fmt.Errorf("no type (moderngov, feed or url)")
	}
	if len(s.URLs) == 0 {
		return fmt.Errorf("no url")
	}
	if s.Type == ModernGov && len(s.URLs) > 1 {
		return fmt.Errorf("a moderngov source has one url, the site's; make a section per site")
	}
	if s.Type != ModernGov && (len(s.Committees) > 0 || s.Documents != "") {
		return fmt.Errorf("committee and documents apply to moderngov sources only")
	}
	if s.Type != Feed && len(s.Match) > 0 {
		return fmt.Errorf("match applies to feed sources only")
	}
	if !s.From.IsZero() && !s.To.IsZero() && s.To.Before(s.From) {
		return fmt.Errorf("to (%s) is before from (%s)", s.To.Format("2006-01-02"), s.From.Format("2006-01-02"))
	}
	if s.Authority == "" {
		s.Authority = s.Name
	}
	if s.Type == ModernGov && len(s.Committees) == 0 {
		s.Committees = append([]string(nil), DefaultCommittees...)
	}
	if s.Documents == "" && s.Type == ModernGov {
		s.Documents = "minutes"
	}
	if s.Days < 0 {
		s.Days = defaultDays
	}
	return nil
}

// Window returns the dates a source covers, counted back from now: From
// (or now less Days) to To (or now), as whole days.
func (s Source) Window(now time.Time) (from, to time.Time) {
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	from, to = s.From, s.To
	if to.IsZero() {
		to = day
	}
	if from.IsZero() {
		from = day.AddDate(0, 0, -s.Days)
	}
	return from, to
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"') {
		if u, err := strconv.Unquote(s); err == nil {
			return u
		}
		return s[1 : len(s)-1]
	}
	return s
}
