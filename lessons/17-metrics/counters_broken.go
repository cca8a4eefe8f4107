//go:build broken

package metrics

import (
	"context"
	"sync/atomic"
)

// Queue is a bounded FIFO queue of ints that counts what passes through it.
//
// BROKEN: the counters are atomics updated after the queue's lock is
// released, and Stats reads them one by one. Each counter is safe on its
// own, so the race detector is silent, but a snapshot can catch Push between
// "item queued" and "item counted".
type Queue struct {
	core
	pushed, popped atomic.Uint64
}

// New returns an empty queue that holds at most capacity items.
func New(capacity int) *Queue {
	q := &Queue{}
	q.init(capacity)
	return q
}

// Push adds v, waiting while the queue is full.
func (q *Queue) Push(ctx context.Context, v int) error {
	q.mu.Lock()
	err := q.enqueue(ctx, v)
	q.mu.Unlock()
	if err != nil {
		return err
	}
	q.step() // v is queued but not yet counted
	q.pushed.Add(1)
	return nil
}

// Pop removes and returns the head item, waiting while the queue is empty.
func (q *Queue) Pop(ctx context.Context) (int, error) {
	q.mu.Lock()
	v, err := q.dequeue(ctx)
	q.mu.Unlock()
	if err != nil {
		return 0, err
	}
	q.step() // v is gone but not yet counted
	q.popped.Add(1)
	return v, nil
}

// Stats returns the queue's counters, read one at a time.
func (q *Queue) Stats() Stats {
	q.mu.Lock()
	n := len(q.items)
	q.mu.Unlock()
	return Stats{Len: n, Cap: q.cap, Pushed: q.pushed.Load(), Popped: q.popped.Load()}
}
