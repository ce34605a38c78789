package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"scrutiny/extract"
)

// input is a file to ingest, or a path that could not be walked.
type input struct {
	path string // as the user gave it (joined with the walked name)
	abs  string
	err  error // why the path cannot be read; the file becomes a failure
}

// walk lists the files under paths that Scrutiny reads, in a stable order.
// A path the user named that does not exist, or a file they named in a
// format Scrutiny does not read, is kept with its error so that it is
// reported, not silently dropped; unreadable directories likewise. Hidden
// files and folders found while walking are skipped.
func walk(paths []string) []input {
	var out []input
	seen := map[string]bool{}
	add := func(p string, err error) {
		abs, aerr := filepath.Abs(p)
		if aerr != nil {
			abs = p
		}
		if seen[abs] {
			return
		}
		seen[abs] = true
		out = append(out, input{path: p, abs: abs, err: err})
	}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			add(root, fmt.Errorf("cannot read: %w", unwrapPathError(err)))
			continue
		}
		if !info.IsDir() {
			if _, ok := extract.FormatOf(root); !ok {
				add(root, fmt.Errorf("%w: %q (Scrutiny reads %s)", extract.ErrUnsupported, filepath.Ext(root), extensions()))
				continue
			}
			add(root, nil)
			continue
		}
		var found []string
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				add(p, fmt.Errorf("cannot read: %w", unwrapPathError(err)))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
				return nil
			}
			if _, ok := extract.FormatOf(p); ok {
				found = append(found, p)
			}
			return nil
		})
		sort.Strings(found)
		for _, p := range found {
			add(p, nil)
		}
	}
	return out
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func extensions() string {
	var exts []string
	for e := range extract.Extensions {
		exts = append(exts, e)
	}
	sort.Strings(exts)
	return strings.Join(exts, " ")
}
