//go:build !broken

// Package fromtheguide is lesson 00: the Python guide pckit grew from,
// mapped onto pckit. Its demo, translated word for word (a shared stop
// flag for threading.Event, calls that block with no way out), never
// stops: synctest reports the deadlock. Translated the pckit way (a
// context reaches every blocking call, and Close lets consumers drain),
// it stops and loses nothing.
package fromtheguide

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pckit/pckit/queue"
)

// RunDemo runs producers and consumers over a queue of the given capacity
// for runTime, then stops the producers, lets the consumers drain the
// queue, and waits for all of them. It returns the number of items queued
// and the number consumed.
func RunDemo(capacity, producers, consumers int, runTime, produceDelay, consumeDelay time.Duration) (pushed, consumed int, err error) {
	q, err := queue.New[int](capacity)
	if err != nil {
		return 0, 0, err
	}
	ctx, stop := context.WithTimeout(context.Background(), runTime) // the producers' "running"
	defer stop()
	var queued, count atomic.Int64
	var makers, takers sync.WaitGroup
	for id := range producers {
		makers.Go(func() {
			for i := 0; ; i++ {
				select {
				case <-ctx.Done():
					return
				case <-time.After(produceDelay):
				}
				if q.Push(ctx, id*1000+i) != nil {
					return // ctx ended while the queue was full: the item was not queued
				}
				queued.Add(1)
			}
		})
	}
	for range consumers {
		takers.Go(func() {
			for {
				if _, err := q.Pop(context.Background()); err != nil {
					return // queue.ErrClosed: closed and drained
				}
				time.Sleep(consumeDelay)
				count.Add(1)
			}
		})
	}
	makers.Wait() // every producer has returned: nothing more will be pushed
	q.Close()     // consumers drain what is queued, then Pop says ErrClosed
	takers.Wait()
	return int(queued.Load()), int(count.Load()), nil
}
