//go:build broken

package eventctx

import (
	"context"
	"time"

	"github.com/pckit/pckit/queue"
)

// Produce runs one producer for runTime, as the guide's demo does: it
// pushes 1, 2, 3, … onto q, one item every delay, and returns how many it
// pushed.
//
// BROKEN: a line-by-line port of the guide. The stop flag is a plain bool
// that one goroutine writes and another reads with nothing ordering the two
// (a data race), and the producer sees it only between sleeps: it finishes
// its delay and pushes one more item after it was told to stop. ctx is
// ignored.
func Produce(ctx context.Context, q *queue.Queue[int], delay, runTime time.Duration) int {
	stop := false // the guide's threading.Event
	done := make(chan int)
	go func() {
		n := 0
		for !stop {
			time.Sleep(delay)
			n++
			_ = q.Push(context.Background(), n)
		}
		done <- n
	}()
	time.Sleep(runTime)
	stop = true
	return <-done
}
