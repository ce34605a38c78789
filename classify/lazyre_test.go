package classify

import (
	"testing"

	"scrutiny/internal/lazyre"
)

// Every rule's expression compiles: they are compiled on first use, so a
// broken one would otherwise fail only when a document reaches its rule.
func TestExpressionsCompile(t *testing.T) {
	all := lazyre.All()
	if len(all) < 100 {
		t.Fatalf("only %d expressions registered", len(all))
	}
	for _, l := range all {
		if err := l.Compile(); err != nil {
			t.Errorf("%v", err)
		}
	}
}
