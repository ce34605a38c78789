package classify

import (
	"regexp"
	"testing"
)

// Every rule's expression compiles: they are compiled on first use, so a
// broken one would otherwise fail only when a document reaches its rule.
func TestExpressionsCompile(t *testing.T) {
	if len(allRE) < 100 {
		t.Fatalf("only %d expressions registered", len(allRE))
	}
	for _, l := range allRE {
		if _, err := regexp.Compile(l.src); err != nil {
			t.Errorf("%v", err)
		}
	}
}
