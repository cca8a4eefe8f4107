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
	for ctx.Err() == nil { // the guide's `while running.is_set()`
		v, err := q.Pop(context.Background())
		if err != nil {
			return
		}
		handle(v)
	}
}
