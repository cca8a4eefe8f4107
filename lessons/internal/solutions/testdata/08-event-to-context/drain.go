// Package exercise is lesson 08's exercise: the consumer's side of the
// guide's stop event, ported to a context.
package exercise

import (
	"context"
	"time"

	"github.com/pckit/pckit/queue"
)

// Drain pops items from q for runTime, as a consumer of the guide's demo
// does, and returns them in the order popped. It stops as soon as runTime
// is over or ctx ends, whichever comes first, even while a Pop is waiting
// on an empty queue.
func Drain(ctx context.Context, q *queue.Queue[int], runTime time.Duration) []int {
	ctx, cancel := context.WithTimeout(ctx, runTime)
	defer cancel()
	var got []int
	for {
		v, err := q.Pop(ctx) // returns ctx.Err() once ctx ends: no flag to poll
		if err != nil {
			return got
		}
		got = append(got, v)
	}
}
