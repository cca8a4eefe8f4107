//go:build !broken

package onecond

import "sync"

// Queue is a bounded blocking FIFO queue of ints: one lock and two
// condition variables. Producers wait on notFull and consumers on notEmpty,
// so a Signal always wakes a waiter of the kind it is meant for.
type Queue struct {
	mu       mutex
	notFull  sync.Cond // signalled when a slot frees up; producers wait on it
	notEmpty sync.Cond // signalled when an item arrives; consumers wait on it
	items    []int
	cap      int
}

// NewQueue returns an empty queue that holds at most capacity items.
func NewQueue(capacity int) *Queue {
	q := &Queue{mu: make(mutex, 1), cap: capacity}
	q.notFull.L = q.mu
	q.notEmpty.L = q.mu
	return q
}

// Push adds v, waiting while the queue is full. It takes no context, to
// keep the lesson to one idea; lesson 12 adds one.
func (q *Queue) Push(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) >= q.cap {
		q.notFull.Wait()
	}
	q.put(v)
}

// Pop removes and returns the head item, waiting while the queue is empty.
// It takes no context, to keep the lesson to one idea; lesson 12 adds one.
func (q *Queue) Pop() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.notEmpty.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	q.notFull.Signal()
	return v
}

// put appends v and wakes one waiting consumer. q.mu must be held.
func (q *Queue) put(v int) {
	q.items = append(q.items, v)
	q.notEmpty.Signal()
}
