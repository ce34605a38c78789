package lazyre_test

import (
	"testing"

	_ "scrutiny/classify" // the rules' expressions
	_ "scrutiny/extract"  // the extractors' expressions
	"scrutiny/internal/lazyre"
)

// Every expression of the extractors and the rules compiles: they are
// compiled on first use, so a broken one would otherwise fail only when
// some document reaches it.
func TestEveryExpressionCompiles(t *testing.T) {
	n, errs := lazyre.CompileAll()
	if n < 200 {
		t.Fatalf("only %d expressions registered", n)
	}
	for _, err := range errs {
		t.Error(err)
	}
}
