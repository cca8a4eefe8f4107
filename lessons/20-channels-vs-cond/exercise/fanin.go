// Package exercise is lesson 20's exercise: close a channel that several
// goroutines send on, once, at the right moment.
package exercise

import (
	"context"
	"sync"
)

// FanIn returns a channel that receives every item of every source, one
// goroutine per source, and is closed once every source is exhausted (or ctx
// has ended), so that a consumer can range over it. Every sender has
// returned by the time the channel is closed.
//
// YOUR TURN: each sender closes out when its own source is done; the Once
// only hides the double close.
func FanIn(ctx context.Context, sources ...<-chan int) <-chan int {
	out := make(chan int)
	var (
		wg   sync.WaitGroup
		once sync.Once
	)
	for _, src := range sources {
		wg.Go(func() {
			defer once.Do(func() { close(out) })
			for v := range src {
				select {
				case out <- v:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	return out
}
