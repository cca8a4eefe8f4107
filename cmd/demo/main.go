// Command demo runs producers and consumers over pckit's bounded blocking
// queue: the guide's run_producer_consumer_demo, with a graceful shutdown,
// a summary and an accounting that shows nothing was lost. Run it with
// `go run ./cmd/demo`; `go run ./cmd/demo -h` explains its flags.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// After the first signal starts the graceful shutdown, a second one
	// gets the default behaviour: the process ends at once.
	context.AfterFunc(ctx, stop)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
