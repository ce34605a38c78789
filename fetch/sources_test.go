package fetch

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"scrutiny/internal/testkit"
)

const sampleSources = `# Sources for the nightly run.
contact = mailto:research@example.org
interval = 2s
days = 60

[manchester]
type = moderngov
url = https://democracy.manchester.gov.uk/
authority = Manchester
committee = Children and Education Scrutiny
committee = "Corporate Parenting, Panel"
documents = all

[news]
type = feed
url = https://council.example/feeds/documents.rss
match = minutes
days = 10

; a comment
[letters]
type = url
url = https://council.example/a.pdf
url = https://council.example/b.pdf
from = 2025-01-01
to = 2025-12-31
`

func TestParseSources(t *testing.T) {
	cfg, err := ParseSources(strings.NewReader(sampleSources), "sources.ini")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Contact != "mailto:research@example.org" || cfg.Interval != 2*time.Second || len(cfg.Sources) != 3 {
		t.Fatalf("settings: %+v", cfg)
	}
	mg := cfg.Sources[0]
	want := Source{Name: "manchester", Type: ModernGov, URLs: []string{"https://democracy.manchester.gov.uk/"},
		Authority: "Manchester", Committees: []string{"Children and Education Scrutiny", "Corporate Parenting, Panel"},
		Documents: "all", Days: 60, Line: 6}
	if !reflect.DeepEqual(mg, want) {
		t.Fatalf("moderngov source:\n got %+v\nwant %+v", mg, want)
	}
	feed := cfg.Sources[1]
	if feed.Authority != "news" || feed.Days != 10 || len(feed.Match) != 1 || feed.Committees != nil {
		t.Fatalf("feed source: %+v", feed)
	}
	now := time.Date(2026, 2, 1, 15, 4, 5, 0, time.UTC)
	from, to := feed.Window(now)
	if from.Format("2006-01-02") != "2026-01-22" || to.Format("2006-01-02") != "2026-02-01" {
		t.Fatalf("feed window %s to %s", from, to)
	}
	from, to = cfg.Sources[2].Window(now)
	if from.Format("2006-01-02") != "2025-01-01" || to.Format("2006-01-02") != "2025-12-31" {
		t.Fatalf("fixed window %s to %s", from, to)
	}
}

func TestParseSourcesDefaults(t *testing.T) {
	cfg, err := ParseSources(strings.NewReader("[s]\ntype = moderngov\nurl = https://x.example\n"), "s.ini")
	if err != nil {
		t.Fatal(err)
	}
	s := cfg.Sources[0]
	if !reflect.DeepEqual(s.Committees, DefaultCommittees) || s.Documents != "minutes" || s.Days != DefaultDays || s.Authority != "s" {
		t.Fatalf("defaults: %+v", s)
	}
}

func TestParseSourcesErrorsNameTheLine(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"[a]\ntype = moderngov\nurl = https://x.example\ncomittee = children\n", `s.ini:4: unknown key "comittee"`},
		{"[a]\ntype = gopher\n", `s.ini:2: type "gopher"`},
		{"[a]\ntype = url\nurl = ftp://x.example/a\n", `s.ini:3: url "ftp://x.example/a"`},
		{"[a]\ntype = url\n", `s.ini:1: [a]: no url`},
		{"[a]\nurl = https://x.example\n", `s.ini:1: [a]: no type`},
		{"[a]\ntype = url\nurl = https://x.example\n[a]\n", `s.ini:4: section [a] already defined on line 1`},
		{"verbose = yes\n", `s.ini:1: unknown setting "verbose"`},
		{"[a]\ntype = moderngov\nurl = https://x.example\nurl = https://y.example\n", "one url"},
		{"[a]\ntype = url\nurl = https://x.example\nfrom = 2025-02-30\n", `from "2025-02-30"`},
		{"[a]\ntype = url\nurl = https://x.example\nfrom = 2025-03-01\nto = 2025-02-01\n", "before from"},
		{"[a]\ntype = url\nurl = https://x.example\ncommittee = cabinet\n", "moderngov sources only"},
		{"[a b]\n", `section name "a b"`},
		{"just words\n", "want key = value"},
	} {
		_, err := ParseSources(strings.NewReader(tc.src), "s.ini")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v; want it to contain %q", tc.src, err, tc.want)
		}
	}
}

func TestShippedSourcesExampleParses(t *testing.T) {
	path := filepath.Join(testkit.Root(t), "contrib", "sources.example.ini")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("contrib/sources.example.ini: %v", err)
	}
	cfg, err := LoadSources(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Sources) == 0 {
		t.Fatal("the example lists no sources")
	}
}
