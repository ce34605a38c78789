package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"scrutiny/ingest"
	"scrutiny/internal/testkit"
)

func TestProfIngest(t *testing.T) {
	if os.Getenv("PROF") == "" {
		t.Skip()
	}
	td := testkit.Testdata(t)
	var paths []string
	for _, g := range []string{"seeds/*.txt", "seeds/html/*.html", "seeds/pdf/*.pdf", "minutes/*.md", "ofsted/ilacs/80573_*.pdf", "ofsted/focused-visits/80488_*.pdf"} {
		m, _ := filepath.Glob(filepath.Join(td, g))
		paths = append(paths, m...)
	}
	db := testkit.OpenDB(t)
	sum, err := ingest.Run(context.Background(), db, paths, ingest.Options{Workers: 1})
	t.Logf("%+v %v", sum, err)
}
