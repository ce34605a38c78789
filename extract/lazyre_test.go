package extract

import (
	"testing"

	"scrutiny/internal/lazyre"
)

// Every expression of the extractors compiles: they are compiled on first
// use, so a broken one would otherwise fail only on some document.
func TestExpressionsCompile(t *testing.T) {
	all := lazyre.All()
	if len(all) < 20 {
		t.Fatalf("only %d expressions registered", len(all))
	}
	for _, l := range all {
		if err := l.Compile(); err != nil {
			t.Errorf("%v", err)
		}
	}
}
