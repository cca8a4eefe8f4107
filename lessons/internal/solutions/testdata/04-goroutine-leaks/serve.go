// Package exercise is lesson 04's exercise: make Serve stop and join the
// workers it starts. Its check:
//
//	go test -tags exercise -race ./lessons/04-goroutine-leaks/exercise/
package exercise

import (
	"context"
	"sync"
)

// Serve runs n workers that take jobs from the channel and pass each to
// handle, until ctx ends or the channel is closed. handle is called
// concurrently by the workers. Serve returns only once every worker has
// returned.
func Serve(ctx context.Context, jobs <-chan int, n int, handle func(int)) {
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for {
				select {
				case <-ctx.Done():
					return
				case j, ok := <-jobs:
					if !ok {
						return
					}
					handle(j)
				}
			}
		})
	}
	wg.Wait() // the owner joins every worker
}
