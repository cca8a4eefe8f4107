//go:build !broken

// Package metrics is lesson 17: counters kept beside a queue, read one by
// one, give snapshots that contradict themselves; pckit's Queue.Stats takes
// every counter in one step under the queue's lock.
package metrics

import (
	"context"

	"github.com/pckit/pckit/queue"
)

// Queue is a bounded FIFO queue of ints that counts what passes through it.
// It is safe for concurrent use.
type Queue struct {
	q *queue.Queue[int]

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
	// queue.Push queues v and counts it in one step, under one lock.
	if err := q.q.Push(ctx, v); err != nil {
		return err
	}
	q.step()
	return nil
}

// Pop removes and returns the head item, waiting while the queue is empty.
func (q *Queue) Pop(ctx context.Context) (int, error) {
	v, err := q.q.Pop(ctx)
	if err != nil {
		return 0, err
	}
	q.step()
	return v, nil
}

// Close closes the queue: pushes fail, pops drain what is left.
func (q *Queue) Close() { q.q.Close() }

// Stats returns one snapshot of the queue's counters, taken under the
// queue's lock: Pushed - Popped == Len holds in every snapshot.
func (q *Queue) Stats() queue.Stats { return q.q.Stats() }

func (q *Queue) step() {
	if q.pause != nil {
		q.pause()
	}
}
