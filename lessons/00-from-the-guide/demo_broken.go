//go:build broken

package fromtheguide

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pckit/pckit/queue"
)

// RunDemo runs producers and consumers over a queue of the given capacity
// for runTime, then stops them and waits for them. It returns the number
// of items queued and the number consumed.
//
// BROKEN: the guide's design translated word for word. A shared flag plays
// its threading.Event, and Push and Pop block with no way out
// (context.Background). The flag is read only between items: a worker
// blocked in Pop (or Push) never sees it cleared, and the final Wait never
// returns.
func RunDemo(capacity, producers, consumers int, runTime, produceDelay, consumeDelay time.Duration) (pushed, consumed int, err error) {
	q, err := queue.New[int](capacity)
	if err != nil {
		return 0, 0, err
	}
	var running atomic.Bool
	running.Store(true)
	var queued, count atomic.Int64
	var wg sync.WaitGroup
	for id := range producers {
		wg.Go(func() {
			for i := 0; running.Load(); i++ {
				time.Sleep(produceDelay)
				if q.Push(context.Background(), id*1000+i) == nil {
					queued.Add(1)
				}
			}
		})
	}
	for range consumers {
		wg.Go(func() {
			for running.Load() {
				if _, err := q.Pop(context.Background()); err != nil {
					return
				}
				time.Sleep(consumeDelay)
				count.Add(1)
			}
		})
	}
	time.Sleep(runTime)
	running.Store(false)
	wg.Wait()
	return int(queued.Load()), int(count.Load()), nil
}
