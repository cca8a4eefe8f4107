// Package forloop is lesson 09: why every sync.Cond Wait sits in a for loop
// that re-checks its condition, shown by a consumer that barges in between
// a Signal and the woken waiter.
package forloop

import "sync"

// Queue is a tiny unbounded FIFO queue of ints with a blocking Pop, the
// smallest condition-variable queue that shows the bug.
type Queue struct {
	mu       sync.Mutex
	notEmpty sync.Cond // signalled when an item arrives
	items    []int
}

// NewQueue returns an empty queue.
func NewQueue() *Queue {
	q := &Queue{}
	q.notEmpty.L = &q.mu
	return q
}

// Push adds v and wakes one waiting Pop.
func (q *Queue) Push(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.put(v)
}

// put appends v and signals one waiter. q.mu must be held.
func (q *Queue) put(v int) {
	q.items = append(q.items, v)
	q.notEmpty.Signal()
}

// take removes and returns the head item. q.mu must be held.
func (q *Queue) take() int {
	v := q.items[0]
	q.items = q.items[1:]
	return v
}
