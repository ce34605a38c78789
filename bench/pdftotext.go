package main

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"sync"
	"time"
)

// pdftotextArgs are the arguments Scrutiny gives pdftotext, so that the
// reference does the same extraction work and Scrutiny's ratio measures
// its own pipeline: the rest of extraction, splitting, classification and
// storage.
var pdftotextArgs = []string{"-layout", "-enc", "UTF-8", "-eol", "unix"}

// pdftotextRun runs plain pdftotext over files, procs processes at a time,
// writing the text to a pipe that is read and counted, and returns the
// wall time, the processes' CPU time and the pages they read (form feeds in
// their output).
func pdftotextRun(ctx context.Context, files []string, procs int, args []string) (wall, cpu time.Duration, pages int, err error) {
	jobs := make(chan string)
	var (
		mu    sync.Mutex
		first error
		wg    sync.WaitGroup
	)
	began := time.Now()
	for range procs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				cmd := exec.CommandContext(ctx, "pdftotext", append(append([]string{}, args...), f, "-")...)
				out, err := cmd.Output()
				mu.Lock()
				if cmd.ProcessState != nil {
					cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
				}
				if err != nil && first == nil {
					first = fmt.Errorf("pdftotext %s: %w", f, err)
				}
				pages += bytes.Count(out, []byte{'\f'})
				mu.Unlock()
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	return time.Since(began), cpu, pages, first
}

func havePDFToText() bool {
	_, err := exec.LookPath("pdftotext")
	return err == nil
}
