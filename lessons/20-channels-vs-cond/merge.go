//go:build !broken

package chancond

import (
	"context"
	"sync"
)

// Merge pushes every item of every source onto q, one producer goroutine per
// source, and closes q once every source is exhausted. It returns when all
// its goroutines have, with the first error a Push returned.
func Merge(ctx context.Context, q *ChanQueue[int], sources ...<-chan int) error {
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	for _, src := range sources {
		wg.Go(func() {
			for v := range src {
				if err := q.Push(ctx, v); err != nil {
					once.Do(func() { first = err })
					return
				}
			}
		})
	}
	// Merge owns every producer: it closes q only after joining them all,
	// so no Push can follow the Close.
	wg.Wait()
	q.Close()
	return first
}
