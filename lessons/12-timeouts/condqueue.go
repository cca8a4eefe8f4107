// Package timeouts is lesson 12: a timeout on a sync.Cond wait. A Cond
// cannot select on ctx.Done(), so a Pop that checks its context only before
// Wait stays blocked past its deadline; the fix wakes the wait when the
// context ends.
package timeouts

import "sync"

// CondQueue is an unbounded FIFO queue of ints built, like the guide's
// ThreadSafeQueue, on a mutex and a condition variable. It is safe for
// concurrent use. Make one with NewCondQueue.
type CondQueue struct {
	mu       sync.Mutex
	notEmpty sync.Cond // signalled when an item arrives; Pop waits on it
	items    []int
}

// NewCondQueue returns an empty queue.
func NewCondQueue() *CondQueue {
	q := &CondQueue{}
	q.notEmpty.L = &q.mu
	return q
}

// Push adds v at the tail and wakes one waiting Pop. It never blocks.
func (q *CondQueue) Push(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append(q.items, v)
	q.notEmpty.Signal()
}
