package testkit

import (
	"os"
	"os/exec"
	"testing"
)

// NeedTool returns the path of an external program a test needs
// (pdftotext, tesseract), or skips the test when it is not installed, with
// hint saying how to install it. Under CI (the variable CI set, as .ci/run
// sets it), which installs them all, a missing program fails the test
// instead: a skip there would hide a broken set-up.
func NeedTool(tb testing.TB, name, hint string) string {
	tb.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	msg := name + " is not installed (" + hint + ")"
	if os.Getenv("CI") != "" {
		tb.Fatal(msg + ": CI installs it, so its absence is a failure")
	}
	tb.Skip(msg)
	return ""
}
