package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Exit codes.
const (
	exitOK          = 0
	exitFatal       = 1
	exitUsage       = 2
	exitSomeFailed  = 3
	exitInterrupted = 130
)

// env is what a command may touch: its streams.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

// usageError is a mistake in the command line: exit code 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// errSomeFailed ends a command whose batch completed but with failed
// documents: exit code 3.
var errSomeFailed = errors.New("some documents failed")

// errInterrupted ends a command stopped by SIGINT or SIGTERM: exit 130.
var errInterrupted = errors.New("interrupted")

// Run runs the command line args and returns the process's exit code.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" || name == "-help" {
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				return code(c.run(ctx, e, []string{"-h"}), stderr, c.name)
			}
		}
		usage(stdout)
		return exitOK
	}
	if name == "version" || name == "--version" {
		fmt.Fprintln(stdout, versionString())
		return exitOK
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "scrutiny: unknown command %q\n\n", name)
		usage(stderr)
		return exitUsage
	}
	return code(c.run(ctx, e, args[1:]), stderr, c.name)
}

// code turns a command's error into an exit code, reporting it once.
func code(err error, stderr io.Writer, name string) int {
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "scrutiny %s: %s\n", name, ue.msg)
		fmt.Fprintf(stderr, "Run 'scrutiny help %s' for usage.\n", name)
		return exitUsage
	case errors.Is(err, errSomeFailed):
		return exitSomeFailed
	case errors.Is(err, errInterrupted), errors.Is(err, context.Canceled):
		fmt.Fprintf(stderr, "scrutiny %s: interrupted\n", name)
		return exitInterrupted
	}
	fmt.Fprintf(stderr, "scrutiny %s: %v\n", name, err)
	return exitFatal
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Scrutiny turns councils' minutes and Ofsted reports on children's services into a research database.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: scrutiny <command> [flags] [arguments]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	var names []string
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-11s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'scrutiny help <command>' for a command's flags.")
}

// defaultDB is the database path when --db is not given: $SCRUTINY_DB, or
// scrutiny.db in the current directory.
func defaultDB() string {
	if p := os.Getenv("SCRUTINY_DB"); p != "" {
		return p
	}
	return "scrutiny.db"
}

// joinArgs records a command line in the run ledger.
func joinArgs(args []string) string { return strings.Join(args, " ") }
