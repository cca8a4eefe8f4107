//go:build !broken

// Package metrics is lesson 17: counters kept beside a queue and read one by
// one give snapshots that contradict themselves; counters updated in the
// same critical section as the items, and read in one, always agree.
package metrics

import "context"

// Queue is a bounded FIFO queue of ints that counts what passes through it.
// It is safe for concurrent use.
//
// pushed and popped are guarded by mu, like the items they count.
type Queue struct {
	core
	pushed, popped uint64
}

// New returns an empty queue that holds at most capacity items.
func New(capacity int) *Queue {
	q := &Queue{}
	q.init(capacity)
	return q
}

// Push adds v, waiting while the queue is full.
func (q *Queue) Push(ctx context.Context, v int) error {
	if err := q.push(ctx, v); err != nil {
		return err
	}
	q.step()
	return nil
}

func (q *Queue) push(ctx context.Context, v int) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if err := q.enqueue(ctx, v); err != nil {
		return err
	}
	q.pushed++ // counted in the critical section that queued v
	return nil
}

// Pop removes and returns the head item, waiting while the queue is empty.
func (q *Queue) Pop(ctx context.Context) (int, error) {
	v, err := q.pop(ctx)
	if err != nil {
		return 0, err
	}
	q.step()
	return v, nil
}

func (q *Queue) pop(ctx context.Context) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	v, err := q.dequeue(ctx)
	if err != nil {
		return 0, err
	}
	q.popped++ // counted in the critical section that removed v
	return v, nil
}

// Stats returns one snapshot of the queue's counters, taken in one critical
// section: Pushed - Popped == Len holds in every snapshot.
func (q *Queue) Stats() Stats {
	q.mu.Lock()
	defer q.mu.Unlock()
	return Stats{Len: len(q.items), Cap: q.cap, Pushed: q.pushed, Popped: q.popped}
}
