package extract

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"
	"sync"

	"scrutiny/internal/lazyre"
)

// pdftotextPath resolves the pdftotext binary: "none" disables it, an
// explicit path is used as given, and empty looks it up on PATH.
func pdftotextPath(opt string) string {
	switch opt {
	case "none":
		return ""
	case "":
		p, err := exec.LookPath("pdftotext")
		if err != nil {
			return ""
		}
		return p
	}
	return opt
}

// PDFToTextAvailable reports whether the primary PDF extractor is usable
// with these options, and its version.
func PDFToTextAvailable(opt Options) (string, bool) {
	bin := pdftotextPath(opt.PDFToText)
	if bin == "" {
		return "", false
	}
	return toolVersion(bin), true
}

var versions sync.Map // binary path -> version string

var versionRE = lazyre.New(`\d+\.\d+(?:\.\d+)?`)

// toolVersion asks a Poppler or Tesseract binary for its version once.
func toolVersion(bin string) string {
	if v, ok := versions.Load(bin); ok {
		return v.(string)
	}
	out, _ := exec.Command(bin, "-v").CombinedOutput()
	v := versionRE.FindString(string(out))
	if v == "" {
		v = "unknown"
	}
	versions.Store(bin, v)
	return v
}

// pdftotext runs pdftotext -layout over data, fed on stdin so that the text
// is of exactly the bytes that were hashed, and splits its output at form
// feeds into pages.
func pdftotext(ctx context.Context, bin string, data []byte) ([]string, error) {
	cmd := exec.CommandContext(ctx, bin, "-layout", "-enc", "UTF-8", "-eol", "unix", "-", "-")
	cmd.Stdin = bytes.NewReader(data)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	msg := pdftotextMessage(stderr.String())
	if err != nil {
		switch {
		case strings.Contains(msg, "Incorrect password"), strings.Contains(msg, "encrypted"):
			return nil, ErrEncrypted
		case msg != "":
			return nil, fmt.Errorf("%w: pdftotext: %s", ErrDamaged, msg)
		}
		return nil, fmt.Errorf("%w: pdftotext: %v", ErrDamaged, err)
	}
	out := stdout.String()
	pages := strings.Split(out, "\f")
	// pdftotext ends every page with a form feed, so the last piece is the
	// empty remainder after the final page.
	if len(pages) > 1 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages, nil
}

// pdftotextMessage picks the most telling line of pdftotext's complaints:
// it prints many "Syntax Error" lines for files it reads well enough, and
// one plain line ("Couldn't find trailer dictionary") when it gives up.
func pdftotextMessage(stderr string) string {
	var last string
	for _, line := range strings.Split(stderr, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.Contains(line, "Incorrect password") {
			return line
		}
		last = line
	}
	if len(last) > 200 {
		last = last[:200]
	}
	return last
}
