package lazyre

import "testing"

func TestCompiledOnFirstUse(t *testing.T) {
	re := New(`a(b+)`)
	if re.re != nil {
		t.Fatal("compiled before use")
	}
	if m := re.FindStringSubmatch("xabbb"); len(m) != 2 || m[1] != "bbb" {
		t.Fatalf("FindStringSubmatch = %q", m)
	}
	found := false
	for _, l := range All() {
		found = found || l == re
	}
	if !found {
		t.Error("All does not list a new expression")
	}
}

func TestInvalidReported(t *testing.T) {
	// Made by hand, not New: the registry is every valid expression's.
	if err := (&RE{src: `a(`}).Compile(); err == nil {
		t.Error("an invalid expression compiled")
	}
	defer func() {
		if recover() == nil {
			t.Error("using an invalid expression did not panic")
		}
	}()
	(&RE{src: `(`}).MatchString("x")
}
