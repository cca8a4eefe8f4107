// Package exercise is lesson 09's exercise: the same if, on the producers'
// side of a bounded queue.
package exercise

import "sync"

// Queue is a bounded FIFO queue of ints: Push waits while it is full.
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

// Pop removes and returns the head item, or returns false if the queue is
// empty. It never waits: the exercise is about Push.
func (q *Queue) Pop() (v int, ok bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if ok = len(q.items) > 0; ok {
		v = q.take()
	}
	return v, ok
}

// take removes and returns the head item and wakes one waiting Push. q.mu
// must be held and the queue non-empty.
func (q *Queue) take() int {
	v := q.items[0]
	q.items = q.items[1:]
	q.notFull.Signal()
	return v
}

// Len returns the number of items queued.
func (q *Queue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}
