package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// replicaGroup is how many replicas share a folder, so that a prefix of a
// replicated corpus can be named by its first folders.
const replicaGroup = 100

// replicate writes n copies of files, cycling through them, each with a
// few bytes added so that every copy has its own hash: a PDF gains a
// comment after its end, HTML a comment, text a closing line. Copies go in
// folders of replicaGroup under a folder of bench/out named by purpose and
// by a hash of the sources and n, and are reused by later runs; copies made
// for the same purpose from other sources are removed. It returns the
// folders.
func replicate(env *Env, purpose string, files []string, n int) ([]string, error) {
	h := sha256.New()
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(h, "%s %d %d\n", filepath.Base(f), st.Size(), st.ModTime().UnixNano())
	}
	fmt.Fprintf(h, "n=%d", n)
	dir := filepath.Join(env.Root, "bench", "out", purpose+"-"+hex.EncodeToString(h.Sum(nil))[:12])
	var groups []string
	for g := 0; g*replicaGroup < n; g++ {
		groups = append(groups, filepath.Join(dir, fmt.Sprintf("%04d", g)))
	}
	if exists(filepath.Join(dir, ".complete")) {
		return groups, nil
	}
	stale, _ := filepath.Glob(filepath.Join(env.Root, "bench", "out", purpose+"-*"))
	for _, d := range stale {
		os.RemoveAll(d)
	}
	sources := make([][]byte, len(files))
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		sources[i] = b
	}
	for i := range n {
		src := files[i%len(files)]
		out := filepath.Join(groups[i/replicaGroup], fmt.Sprintf("%05d_%s", i, filepath.Base(src)))
		if i%replicaGroup == 0 {
			if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
				return nil, err
			}
		}
		data := append(append([]byte(nil), sources[i%len(files)]...), marker(src, i)...)
		if err := os.WriteFile(out, data, 0o644); err != nil {
			return nil, err
		}
	}
	if err := os.WriteFile(filepath.Join(dir, ".complete"), nil, 0o644); err != nil {
		return nil, err
	}
	return groups, nil
}

func marker(name string, i int) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".pdf":
		return fmt.Sprintf("\n%% replica %d\n", i)
	case ".html", ".htm", ".xhtml":
		return fmt.Sprintf("\n<!-- replica %d -->\n", i)
	}
	return fmt.Sprintf("\n\nCopy %d.\n", i)
}
