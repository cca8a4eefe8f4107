//go:build broken

package errprop

import (
	"context"
	"log"
	"sync"

	"github.com/pckit/pckit/queue"
)

// Consume runs n consumers, with IDs 1 to n, that pop items from q and call
// handle on each, until q is closed and drained.
//
// BROKEN: an error from handle is logged and the consumer goes on: the
// caller gets nil, and collectAll is ignored, since no error ever comes back
// to decide on. A panic in handle is not recovered: it ends the whole
// process, every other goroutine with it.
func Consume(ctx context.Context, q *queue.Queue[int], n int, collectAll bool, handle func(context.Context, int) error) error {
	var wg sync.WaitGroup
	for id := 1; id <= n; id++ {
		wg.Go(func() {
			for {
				v, err := q.Pop(ctx)
				if err != nil {
					return // closed and drained
				}
				if err := handle(ctx, v); err != nil {
					log.Printf("consumer %d: item %d: %v", id, v, err)
				}
			}
		})
	}
	wg.Wait()
	return nil
}
