//go:build broken

package chancond

import (
	"context"
	"sync"
)

// Merge pushes every item of every source onto q, one producer goroutine per
// source, and closes q once every source is exhausted. It returns when all
// its goroutines have, with the first error a Push returned.
//
// BROKEN: each producer closes q when its own source is exhausted. The
// sync.Once keeps a second Close from panicking, but the first producer to
// finish closes q while the others are still pushing: their next Push is a
// send on a closed channel, and the process panics.
func Merge(ctx context.Context, q *ChanQueue[int], sources ...<-chan int) error {
	var (
		wg        sync.WaitGroup
		closeOnce sync.Once
		errOnce   sync.Once
		first     error
	)
	for _, src := range sources {
		wg.Go(func() {
			defer closeOnce.Do(q.Close) // "I'm done, so we're done"
			for v := range src {
				if err := q.Push(ctx, v); err != nil {
					errOnce.Do(func() { first = err })
					return
				}
			}
		})
	}
	wg.Wait()
	return first
}
