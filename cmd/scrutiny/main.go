// Command scrutiny turns councils' minutes and Ofsted reports on children's
// services into a research database. Run `scrutiny help` for its commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first SIGINT or SIGTERM stops the run between documents. After
	// it the default comes back, so that a second signal ends the process
	// at once: each document is committed whole or not at all, so that
	// loses only the document in hand.
	go func() {
		<-ctx.Done()
		stop()
	}()
	code := Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
