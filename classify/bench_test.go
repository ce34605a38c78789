package classify

import (
	"context"
	"os"
	"testing"

	"scrutiny/corpus"
	"scrutiny/extract"
	"scrutiny/internal/testkit"
)

// BenchmarkClassifyMinutes classifies Kent's full council minutes, text
// already extracted.
func BenchmarkClassifyMinutes(b *testing.B) {
	path := testkit.Testdata(b, "minutes", "limerick_metropolitan_district_minutes_2024-10-21.md")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	tx, err := extract.Extract(context.Background(), path, corpus.Txt, data, extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	doc := &corpus.Document{Text: tx.Body, Pages: tx.Pages}
	doc.Items = extract.Items(doc.Text, doc.Pages)
	b.SetBytes(int64(len(doc.Text)))
	for b.Loop() {
		Classify(doc)
	}
}
