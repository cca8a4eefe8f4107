// Package exercise is lesson 15's exercise: Resize on a small bounded
// queue whose capacity is a number the pushers compare with, not the size
// of a buffer.
package exercise

import (
	"errors"
	"sync"
)

// ErrFull is returned by TryPush on a full queue.
var ErrFull = errors.New("exercise: queue full")

// Queue is a bounded FIFO queue of ints: Push waits while Len >= Cap.
type Queue struct {
	mu      sync.Mutex
	notFull sync.Cond // signalled when there may be room; Push waits on it
	items   []int
	cap     int
}

// NewQueue returns an empty queue that holds at most capacity items.
func NewQueue(capacity int) *Queue {
	q := &Queue{cap: capacity}
	q.notFull.L = &q.mu
	return q
}

// Push adds v at the tail, waiting while the queue is full. It takes no
// context, to keep the exercise to one idea (lesson 12 adds one).
func (q *Queue) Push(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) >= q.cap {
		q.notFull.Wait()
	}
	q.items = append(q.items, v)
}

// TryPush adds v at the tail, or returns ErrFull if the queue is full.
func (q *Queue) TryPush(v int) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) >= q.cap {
		return ErrFull
	}
	q.items = append(q.items, v)
	return nil
}

// TryPop removes and returns the head item and wakes one waiting Push, or
// returns false if the queue is empty.
func (q *Queue) TryPop() (int, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		return 0, false
	}
	v := q.items[0]
	q.items = q.items[1:]
	q.notFull.Signal()
	return v, true
}

// Len returns the number of items queued; Cap the capacity.
func (q *Queue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}

// Cap returns the capacity.
func (q *Queue) Cap() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.cap
}
