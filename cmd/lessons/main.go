// Command lessons runs the lessons' exercises and keeps track of them.
// From the repository root:
//
//	go run ./cmd/lessons            # every lesson and its state
//	go run ./cmd/lessons check NN   # run lesson NN's check; a hint if it fails
//	go run ./cmd/lessons hint NN    # the next hint for lesson NN
//
// A lesson's state is "not started" (never checked), "exercise failing"
// (the last check failed) or "done" (the last check passed). Progress is
// kept in pckit/progress.json under the user config directory
// (os.UserConfigDir: $XDG_CONFIG_HOME or ~/.config on Linux), never in the
// repository.
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
