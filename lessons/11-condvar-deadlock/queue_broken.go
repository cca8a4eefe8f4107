//go:build broken

package onecond

import "sync"

// Queue is a bounded blocking FIFO queue of ints.
//
// BROKEN: producers waiting for room and consumers waiting for an item
// share one condition variable, and each operation wakes one waiter with
// Signal. That waiter may be of the wrong kind: a consumer woken by a pop
// finds the queue empty and waits again, and the producer the pop freed a
// slot for sleeps on.
type Queue struct {
	mu    mutex
	cond  sync.Cond // signalled when a slot frees up or an item arrives
	items []int
	cap   int
}

// NewQueue returns an empty queue that holds at most capacity items.
func NewQueue(capacity int) *Queue {
	q := &Queue{mu: make(mutex, 1), cap: capacity}
	q.cond.L = q.mu
	return q
}

// Push adds v, waiting while the queue is full.
func (q *Queue) Push(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) >= q.cap {
		q.cond.Wait()
	}
	q.put(v)
}

// Pop removes and returns the head item, waiting while the queue is empty.
func (q *Queue) Pop() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	q.cond.Signal() // meant for a producer
	return v
}

// put appends v and wakes one waiter. q.mu must be held.
func (q *Queue) put(v int) {
	q.items = append(q.items, v)
	q.cond.Signal() // meant for a consumer
}
