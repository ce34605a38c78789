package corpus

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The prefiltered scan must find exactly what the alternation finds when
// run over the whole text.
func TestAuthorityFindMatchesAlternation(t *testing.T) {
	texts := []string{
		"KENT COUNTY COUNCIL\nMinutes of Kent and Medway Fire Authority",
		"Inspection of St. Helens local authority children’s services; St Helens; Southend-on-Sea and Telford & Wrekin.",
		"Bournemouth, Christchurch and Poole — BCP — North Somerset, Somerset, Bath and North East Somerset.",
		"éKent ŁDurham Kentish Durhamshire newcastle upon tyne NEWCASTLE-UPON-TYNE",
		"Kingston upon Thames, Kingston Upon Hull, City of Bristol, Bristol, City of London",
	}
	filepath.Walk(filepath.Join("..", "testdata"), func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && (strings.HasSuffix(p, ".txt") || strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".html")) && info.Size() < 1<<20 {
			if b, err := os.ReadFile(p); err == nil {
				texts = append(texts, string(b))
			}
		}
		return nil
	})
	if len(texts) < 20 {
		t.Fatalf("only %d texts: testdata missing?", len(texts))
	}
	m := authorityMatch()
	for i, text := range texts {
		want := m.re.FindAllStringIndex(text, -1)
		got := m.find(text)
		if len(want) == 0 && len(got) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("text %d: scan found %v, alternation %v", i, got, want)
		}
	}
}
