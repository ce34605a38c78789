// Package archtest checks the project's architecture: the rules of its
// package layout that the compiler does not enforce.
package archtest

import (
	"os/exec"
	"strings"
	"testing"
)

// extract, classify and store each adapt one thing (documents, rules, the
// database) and never import each other; the domain types in corpus import
// nothing of the project. Only cmd and ingest wire them together.
func TestPackagesStayApart(t *testing.T) {
	forbidden := map[string][]string{
		"scrutiny/corpus":   {"scrutiny/extract", "scrutiny/classify", "scrutiny/store", "scrutiny/ingest"},
		"scrutiny/extract":  {"scrutiny/classify", "scrutiny/store", "scrutiny/ingest"},
		"scrutiny/classify": {"scrutiny/extract", "scrutiny/store", "scrutiny/ingest"},
		"scrutiny/store":    {"scrutiny/extract", "scrutiny/classify", "scrutiny/ingest"},
	}
	for pkg, bad := range forbidden {
		out, err := exec.Command("go", "list", "-tags", "sqlite_fts5", "-deps", pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		deps := map[string]bool{}
		for _, d := range strings.Fields(string(out)) {
			deps[d] = true
		}
		for _, b := range bad {
			if deps[b] {
				t.Errorf("%s depends on %s", pkg, b)
			}
		}
	}
	// corpus is the domain: the standard library only.
	out, err := exec.Command("go", "list", "-f", `{{join .Imports "\n"}}`, "scrutiny/corpus").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range strings.Fields(string(out)) {
		if strings.Contains(imp, ".") || strings.HasPrefix(imp, "scrutiny/") {
			t.Errorf("corpus imports %s; it should use the standard library only", imp)
		}
	}
}
