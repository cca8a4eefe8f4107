//go:build broken

package leaks

import (
	"context"

	"github.com/pckit/pckit/queue"
)

// Consume runs n consumers that pop items from q and pass each to handle,
// until ctx ends. handle is called concurrently by the consumers.
//
// BROKEN: the consumers block in Pop without ctx, so nothing but Close can
// stop them, and Consume returns when ctx ends without waiting for them.
// Once the queue is empty they stay blocked for good: leaked.
func Consume(ctx context.Context, q *queue.Queue[int], n int, handle func(int)) {
	for range n {
		go func() {
			for {
				v, err := q.Pop(context.Background())
				if err != nil {
					return
				}
				handle(v)
			}
		}()
	}
	<-ctx.Done()
}
