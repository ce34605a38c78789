package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"scrutiny/classify"
	"scrutiny/corpus"
	"scrutiny/extract"
	"scrutiny/store"
)

// result is a worker's outcome for one input, handed to the writer.
type result struct {
	in     input
	doc    *corpus.Document // set when the document is ready to store
	status string           // New, Unchanged or Failed
	stage  string           // the failing stage
	err    error
	known  bool // failure remembered from an earlier run
	size   int64
	sha    string
	took   time.Duration
}

// StageError is a document's failure at one stage of the pipeline.
type StageError struct {
	Stage string // read, extract, split, classify
	Err   error
}

func (e *StageError) Error() string { return e.Stage + ": " + e.Err.Error() }
func (e *StageError) Unwrap() error { return e.Err }

// process takes one input through read, hash, extract, split and classify.
func process(ctx context.Context, in input, known *store.Known, opt *Options) result {
	r := result{in: in}
	fail := func(stage string, err error) result {
		r.status, r.stage, r.err = Failed, stage, err
		return r
	}
	if in.err != nil {
		return fail("read", in.err)
	}
	info, err := os.Stat(in.path)
	if err != nil {
		return fail("read", unwrapPathError(err))
	}
	if !info.Mode().IsRegular() {
		// A named pipe would block the worker for ever on open, and a
		// device may never end: only regular files (or links to them)
		// are read.
		return fail("read", fmt.Errorf("not a regular file (%s)", fileKind(info.Mode())))
	}
	r.size = info.Size()
	if st, ok := known.Files[in.abs]; ok && st.Size == info.Size() && st.ModTime.Equal(info.ModTime()) && known.Docs[st.SHA256] {
		// Same size and modification time as when this content was
		// stored: unchanged, without reading a byte.
		r.status, r.sha = Unchanged, st.SHA256
		return r
	}
	if info.Size() > opt.MaxSize {
		return fail("read", fmt.Errorf("file is %s, over the limit of %s (--max-size)", humanBytes(info.Size()), humanBytes(opt.MaxSize)))
	}
	data, err := readFile(in.path, opt.MaxSize)
	if err != nil {
		return fail("read", err)
	}
	sum := sha256.Sum256(data)
	r.sha = hex.EncodeToString(sum[:])
	doc := &corpus.Document{
		Path: in.path, AbsPath: in.abs, SHA256: r.sha, Size: int64(len(data)), ModTime: info.ModTime(),
		Meta: opt.Meta[in.abs],
	}
	if doc.Meta == nil {
		doc.Meta = opt.MetaBySHA[r.sha]
	}
	if known.Docs[r.sha] {
		r.status, r.doc = Unchanged, doc
		return r
	}
	if reason, ok := known.Failed[r.sha]; ok && !opt.RetryFailed {
		r.known = true
		stage, msg, _ := strings.Cut(reason, ": ")
		return fail(stage, errors.New(msg))
	}
	format, _ := extract.FormatOf(in.path)
	doc.Format = format

	dctx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()
	var text *extract.Text
	if err := guard(dctx, "extract", func() (err error) {
		text, err = opt.Extractor(dctx, in.path, format, data, opt.Extract)
		return err
	}); err != nil {
		return fail("extract", err)
	}
	data = nil // the bytes are no longer needed; let a large file go
	doc.Text, doc.Pages, doc.Extractor, doc.Title = text.Body, text.Pages, text.Extractor, text.Title
	if err := guard(dctx, "split", func() error {
		doc.Items = extract.Items(doc.Text, doc.Pages)
		return nil
	}); err != nil {
		return fail("split", err)
	}
	if err := guard(dctx, "classify", func() error {
		classify.Classify(doc)
		applyMeta(doc)
		return nil
	}); err != nil {
		return fail("classify", err)
	}
	r.status, r.doc = New, doc
	return r
}

// guard runs a stage under recover and the document's deadline. A panic in
// a library becomes the document's error, not the batch's end. A stage that
// overruns the deadline is abandoned: its goroutine finishes in the
// background, but the document fails and the batch moves on.
func guard(ctx context.Context, stage string, fn func() error) error {
	done := make(chan error, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Errorf("panic in %s: %v [%s]", stage, p, panicSite(debug.Stack()))
			}
		}()
		done <- fn()
	}()
	select {
	case err := <-done:
		if err != nil && ctx.Err() == context.DeadlineExceeded {
			return fmt.Errorf("deadline exceeded during %s: %w", stage, err)
		}
		return err
	case <-ctx.Done():
		if ctx.Err() == context.DeadlineExceeded {
			return fmt.Errorf("deadline exceeded during %s (--timeout)", stage)
		}
		return ctx.Err()
	}
}

// panicSite picks the frame that panicked out of a stack trace: the first
// line below the runtime's own frames.
func panicSite(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	for i := 0; i+1 < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if strings.HasPrefix(l, "panic(") {
			for j := i + 2; j+1 < len(lines); j += 2 {
				fn := strings.TrimSpace(lines[j])
				if !strings.HasPrefix(fn, "runtime.") {
					return fn
				}
			}
		}
	}
	return "unknown site"
}

// readFile reads at most limit bytes of a file.
func readFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("file is over the limit of %s (--max-size)", humanBytes(limit))
	}
	return data, nil
}

// fileKind names what a file that is not a regular file is.
func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.String()
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
