//go:build broken

package metrics

import (
	"context"
	"sync/atomic"

	"github.com/pckit/pckit/queue"
)

// Queue is a bounded FIFO queue of ints that counts what passes through it.
//
// BROKEN: the counters are atomics kept beside the queue and updated after
// the queue's own lock is released, and Stats reads them one by one. Each
// counter is safe on its own, so the race detector is silent, but a snapshot
// can catch Push between "item queued" and "item counted".
type Queue struct {
	q              *queue.Queue[int]
	pushed, popped atomic.Uint64

	// pause, if set, is called at every point where Push or Pop has changed
	// some of the queue's state and returns to code that another goroutine
	// could interleave with. Tests use it to stop a writer there.
	pause func()
}

// New returns an empty queue that holds at most capacity items.
func New(capacity int) *Queue {
	q, err := queue.New[int](capacity)
	if err != nil {
		panic(err)
	}
	return &Queue{q: q}
}

// Push adds v, waiting while the queue is full.
func (q *Queue) Push(ctx context.Context, v int) error {
	if err := q.q.Push(ctx, v); err != nil {
		return err
	}
	q.step() // v is queued but not yet counted
	q.pushed.Add(1)
	return nil
}

// Pop removes and returns the head item, waiting while the queue is empty.
func (q *Queue) Pop(ctx context.Context) (int, error) {
	v, err := q.q.Pop(ctx)
	if err != nil {
		return 0, err
	}
	q.step() // v is gone but not yet counted
	q.popped.Add(1)
	return v, nil
}

// Close closes the queue: pushes fail, pops drain what is left.
func (q *Queue) Close() { q.q.Close() }

// Stats returns the queue's counters, read one at a time.
func (q *Queue) Stats() queue.Stats {
	return queue.Stats{
		Len:    q.q.Len(),
		Cap:    q.q.Cap(),
		Pushed: q.pushed.Load(),
		Popped: q.popped.Load(),
	}
}

func (q *Queue) step() {
	if q.pause != nil {
		q.pause()
	}
}
