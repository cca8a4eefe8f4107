// Package exercise is lesson 12's exercise: the same timeout, on the other
// side of the queue. Push waits for room on a bounded queue, and its
// context must be able to end that wait.
package exercise

import "sync"

// Queue is a bounded FIFO queue of ints: Push waits while it is full. It
// is safe for concurrent use. Make one with NewQueue.
type Queue struct {
	mu      sync.Mutex
	notFull sync.Cond // signalled when a slot frees up; Push waits on it
	items   []int
	cap     int
}

// NewQueue returns an empty queue that holds at most capacity items.
func NewQueue(capacity int) *Queue {
	q := &Queue{cap: capacity}
	q.notFull.L = &q.mu
	return q
}

// TryPop removes and returns the head item and wakes one waiting Push;
// ok is false if the queue is empty.
func (q *Queue) TryPop() (v int, ok bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		return 0, false
	}
	v, q.items = q.items[0], q.items[1:]
	q.notFull.Signal()
	return v, true
}

// Len returns the number of items queued.
func (q *Queue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}
