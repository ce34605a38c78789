package main

import (
	"path/filepath"
	"sort"
	"strings"
)

// docSet is a named set of files of one format.
type docSet struct {
	Name  string
	Files []string
}

// glob lists the files matching patterns under root, sorted, without
// duplicates.
func glob(root string, patterns ...string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range patterns {
		m, _ := filepath.Glob(filepath.Join(root, p))
		for _, f := range m {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	sort.Strings(out)
	return out
}

// testdataPDFs are the PDFs a clone of the project has: Ofsted reports,
// focused-visit letters, council minutes and the seed PDFs.
func testdataPDFs(env *Env) docSet {
	td := filepath.Join(env.Root, "testdata")
	return docSet{Name: "testdata PDFs", Files: dedupe(glob(td, "ofsted/ilacs/*.pdf", "ofsted/focused-visits/*.pdf", "minutes/*.pdf", "seeds/pdf/*.pdf", "sample/*.pdf"))}
}

// ilacsPDFs are the 40 Ofsted inspection reports of the shared corpus.
func ilacsPDFs(env *Env) (docSet, bool) {
	if env.Corpus == "" {
		return docSet{}, false
	}
	files := glob(env.Corpus, "ofsted/ilacs/*.pdf")
	return docSet{Name: "shared corpus: 40 Ofsted ILACS/SIF reports", Files: files}, len(files) > 0
}

// htmlFiles and textFiles are the pages and texts of testdata and, when
// present, the shared corpus.
func htmlFiles(env *Env) []string {
	out := glob(filepath.Join(env.Root, "testdata"), "seeds/html/*.html", "sample/*.html")
	if env.Corpus != "" {
		out = append(out, glob(env.Corpus, "minutes/html/*.html")...)
	}
	return dedupe(out)
}

func textFiles(env *Env) []string {
	out := glob(filepath.Join(env.Root, "testdata"), "seeds/*.txt", "sample/*.txt", "minutes/*.md")
	if env.Corpus != "" {
		out = append(out, glob(env.Corpus, "minutes/text/*.md")...)
	}
	return dedupe(out)
}

// dedupe drops files whose base name was seen before: testdata holds
// copies of some shared-corpus files.
func dedupe(files []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range files {
		b := strings.ToLower(filepath.Base(f))
		if !seen[b] {
			seen[b] = true
			out = append(out, f)
		}
	}
	return out
}
