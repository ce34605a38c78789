package web

import (
	"fmt"
	"html/template"
	"net/url"
	"path/filepath"
	"strings"
)

// Labels for people: the database stores snake_case vocabulary labels,
// the pages show these.
var (
	areaLabels = map[string]string{
		"overall_effectiveness":             "Overall effectiveness",
		"impact_of_leaders":                 "Impact of leaders on social work practice",
		"help_and_protection":               "Children who need help and protection",
		"children_in_care":                  "Children in care",
		"care_leavers":                      "Care leavers",
		"children_in_care_and_care_leavers": "Children in care and care leavers",
		"looked_after_and_permanence":       "Children looked after and achieving permanence",
		"adoption":                          "Adoption performance",
		"leadership_management_governance":  "Leadership, management and governance",
		"unspecified":                       "Area not named",
	}
	gradeLabels = map[string]string{
		"outstanding":          "Outstanding",
		"good":                 "Good",
		"requires_improvement": "Requires improvement",
		"inadequate":           "Inadequate",
	}
	kindLabels = map[string]string{
		"judgement":      "Judgement",
		"recommendation": "Recommendation",
		"question":       "Question",
		"answer":         "Answer",
		"resolution":     "Resolution",
		"strength":       "Strength",
	}
	scopeLabels = map[string]string{"all": "Findings and items", "findings": "Findings only", "items": "Agenda items only"}
)

func areaLabel(a string) string  { return labelOr(areaLabels, a) }
func gradeLabel(g string) string { return labelOr(gradeLabels, g) }
func kindLabel(k string) string  { return labelOr(kindLabels, k) }

func labelOr(m map[string]string, k string) string {
	if l, ok := m[k]; ok {
		return l
	}
	return strings.ReplaceAll(k, "_", " ")
}

// funcs are the templates' helpers.
var funcs = template.FuncMap{
	"area":      areaLabel,
	"grade":     gradeLabel,
	"kind":      kindLabel,
	"scope":     func(s string) string { return labelOr(scopeLabels, s) },
	"base":      filepath.Base,
	"thousands": thousands,
	"add":       func(a, b int) int { return a + b },
	"sourceURL": sourceURL,
	"query":     func(v url.Values) template.URL { return template.URL("?" + v.Encode()) },
	"hasKind": func(ks []string, k string) bool {
		for _, x := range ks {
			if x == k {
				return true
			}
		}
		return false
	},
}

// sourceURL links to a document's original file, at a page for PDFs
// (which browsers' PDF viewers honour).
func sourceURL(docID int64, format string, page int) string {
	u := fmt.Sprintf("/documents/%d/source", docID)
	if format == "pdf" && page > 0 {
		u += fmt.Sprintf("#page=%d", page)
	}
	return u
}

// thousands writes n with thousands separators.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
