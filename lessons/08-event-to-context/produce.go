//go:build !broken

// Package eventctx is lesson 08: the guide's threading.Event stop flag
// becomes a context.Context, and an injected queue plus testing/synctest's
// fake clock make the time-dependent producer testable, exactly.
package eventctx

import (
	"context"
	"time"

	"github.com/pckit/pckit/queue"
)

// Produce runs one producer for runTime, as the guide's demo does: it
// pushes 1, 2, 3, … onto q, one item every delay, and returns how many it
// pushed. It stops as soon as runTime is over or ctx ends, whichever comes
// first, even in the middle of a delay or of a Push blocked on a full queue.
func Produce(ctx context.Context, q *queue.Queue[int], delay, runTime time.Duration) int {
	ctx, cancel := context.WithTimeout(ctx, runTime)
	defer cancel()
	tick := time.NewTicker(delay)
	defer tick.Stop()
	n := 0
	for {
		select {
		case <-ctx.Done(): // the stop signal: no flag to poll
			return n
		case <-tick.C: // the next item is made
		}
		if err := q.Push(ctx, n+1); err != nil {
			return n // ctx ended while q was full, or q was closed
		}
		n++
	}
}
