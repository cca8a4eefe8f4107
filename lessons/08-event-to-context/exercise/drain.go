// Package exercise is lesson 08's exercise: the consumer's side of the
// guide's stop event, ported to a context.
package exercise

import (
	"context"
	"time"

	"github.com/pckit/pckit/queue"
)

// Drain pops items from q for runTime, as a consumer of the guide's demo
// does, and returns them in the order popped. It must stop as soon as
// runTime is over or ctx ends, whichever comes first, even while a Pop is
// waiting on an empty queue.
//
// A line-by-line port of the guide: a stop flag, set by a timer goroutine
// and polled between Pops, and a Pop that waits with no way out.
func Drain(ctx context.Context, q *queue.Queue[int], runTime time.Duration) []int {
	stop := false // the guide's threading.Event
	go func() {
		time.Sleep(runTime)
		stop = true
	}()
	var got []int
	for !stop {
		v, err := q.Pop(context.Background())
		if err != nil {
			break
		}
		got = append(got, v)
	}
	return got
}
