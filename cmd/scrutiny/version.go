package main

import (
	"fmt"
	"runtime/debug"

	"scrutiny/classify"
	"scrutiny/extract"
	"scrutiny/store"
)

// toolVersion is the build's revision, or "devel".
func toolVersion() string {
	rev := "devel"
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				rev = s.Value[:12]
			}
		}
	}
	return rev
}

func versionString() string {
	rev := toolVersion()
	v, ok := extract.PDFToTextAvailable(extract.Options{})
	pdf := "pdftotext not found: built-in PDF reader only"
	if ok {
		pdf = "pdftotext " + v
	}
	return fmt.Sprintf("scrutiny %s (extractor %s, classifier %s, schema %d; %s)",
		rev, extract.Version, classify.Version, store.SchemaVersion(), pdf)
}
