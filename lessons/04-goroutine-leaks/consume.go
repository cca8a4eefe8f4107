//go:build !broken

// Package leaks is lesson 04: goroutines that nobody stops or waits for leak,
// blocked forever on a queue nobody serves; goleak names them. The fix: the
// function that starts goroutines stops them through a context and waits
// for them before it returns.
package leaks

import (
	"context"
	"sync"

	"github.com/pckit/pckit/queue"
)

// Consume runs n consumers that pop items from q and pass each to handle,
// until ctx ends or q is closed and drained. It returns only once every
// consumer has returned. handle is called concurrently by the consumers.
func Consume(ctx context.Context, q *queue.Queue[int], n int, handle func(int)) {
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for {
				v, err := q.Pop(ctx) // returns ctx.Err() once ctx ends
				if err != nil {
					return
				}
				handle(v)
			}
		})
	}
	wg.Wait() // the owner joins every consumer
}
