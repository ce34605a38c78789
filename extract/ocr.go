package extract

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// ocrPDF reads a PDF without a text layer by rendering each page with
// pdftoppm and recognising it with tesseract, keeping page numbers. Where
// either program is missing it fails with ErrNoTextLayer.
func ocrPDF(ctx context.Context, data []byte, opt Options) (*Text, error) {
	tess := opt.Tesseract
	switch tess {
	case "none":
		return nil, ErrNoTextLayer
	case "":
		p, err := exec.LookPath("tesseract")
		if err != nil {
			return nil, ErrNoTextLayer
		}
		tess = p
	}
	ppm, err := exec.LookPath("pdftoppm")
	if err != nil {
		return nil, ErrNoTextLayer
	}
	dir, err := os.MkdirTemp("", "scrutiny-ocr-")
	if err != nil {
		return nil, fmt.Errorf("ocr: %w", err)
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, fmt.Errorf("ocr: %w", err)
	}
	render := exec.CommandContext(ctx, ppm, "-r", "200", "-gray", "-png", in, filepath.Join(dir, "page"))
	if out, err := render.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("%w: pdftoppm: %v: %s", ErrNoTextLayer, err, strings.TrimSpace(string(out)))
	}
	images, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	// pdftoppm pads page numbers to the width of the largest, so a plain
	// sort keeps page order.
	sort.Strings(images)
	var pages []string
	for _, img := range images {
		cmd := exec.CommandContext(ctx, tess, img, "stdout")
		cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("%w: tesseract: %v", ErrNoTextLayer, err)
		}
		pages = append(pages, trimLines(normalize(string(out))))
	}
	if allBlank(pages) {
		return nil, ErrNoTextLayer
	}
	body, pp := joinPages(pages)
	return &Text{Body: body, Pages: pp, Extractor: "tesseract " + toolVersion(tess)}, nil
}
