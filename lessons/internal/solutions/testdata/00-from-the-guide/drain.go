// Package exercise is lesson 00's exercise: the guide's consumer loop, in
// Go.
package exercise

import (
	"context"

	"github.com/pckit/pckit/queue"
)

// Drain pops items from q and passes each to handle until ctx ends (or q
// is closed and drained). It must return soon after ctx ends, even if it is
// waiting for an item then.
func Drain(ctx context.Context, q *queue.Queue[int], handle func(int)) {
	for {
		v, err := q.Pop(ctx) // returns ctx.Err() once ctx ends, even while waiting
		if err != nil {
			return
		}
		handle(v)
	}
}
