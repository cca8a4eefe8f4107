// Package exercise is lesson 04's exercise: make Serve stop and join the
// workers it starts. Its check:
//
//	go test -tags exercise -race ./lessons/04-goroutine-leaks/exercise/
package exercise

import "context"

// Serve runs n workers that take jobs from the channel and pass each to
// handle, until ctx ends. handle is called concurrently by the workers.
// Serve should return only once every worker has returned.
func Serve(ctx context.Context, jobs <-chan int, n int, handle func(int)) {
	for range n {
		go func() {
			for j := range jobs {
				handle(j)
			}
		}()
	}
	<-ctx.Done()
}
