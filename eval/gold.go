// Package eval scores findings against hand-made gold files: per-kind
// precision, recall and F1, attribute accuracy, and must-not violations.
// The gold format is documented in docs/eval.md.
package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Gold is one document's expected findings.
type Gold struct {
	Document   string          `json:"document"` // file name of the document the gold describes
	Kind       string          `json:"kind_of_document"`
	Authority  string          `json:"authority"`
	AgendaItem []GoldItem      `json:"agenda_items"`
	Inspection json.RawMessage `json:"inspection"` // facts of the inspection a document is about, when given
	Findings   []GoldEntry     `json:"findings"`
	MustNot    []GoldEntry     `json:"must_not"`

	file string
}

// GoldItem is an expected agenda item.
type GoldItem struct {
	Title string `json:"title"`
}

// GoldEntry is one expected finding, or (in MustNot) a forbidden one.
type GoldEntry struct {
	Kind       string `json:"kind"` // a finding kind, or "any" in must_not
	Evidence   string `json:"evidence"`
	Optional   bool   `json:"optional"`
	Area       string `json:"area"`
	Grade      string `json:"grade"`
	Inspection string `json:"inspection"`
	Previous   bool   `json:"previous"`
	Source     string `json:"source"`
	Asker      string `json:"asker"`
	AnsweredBy string `json:"answered_by"`
	Outcome    string `json:"outcome"` // for a resolution: noted, agreed, approved, deferred or refused
	Why        string `json:"why"`
}

// LoadGold reads every *.json gold file in dir.
func LoadGold(dir string) ([]Gold, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("gold %s: no .json files", dir)
	}
	sort.Strings(files)
	var out []Gold
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("gold: %w", err)
		}
		var g Gold
		if err := json.Unmarshal(b, &g); err != nil {
			return nil, fmt.Errorf("gold %s: %w", f, err)
		}
		if g.Document == "" {
			return nil, fmt.Errorf("gold %s: no \"document\" field", f)
		}
		g.file = f
		out = append(out, g)
	}
	return out, nil
}

// Stem is the document name without its extension: gold for "000_x.txt"
// also describes 000_x.pdf and 000_x.html.
func (g Gold) Stem() string { return stem(g.Document) }

func stem(name string) string {
	base := filepath.Base(name)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
