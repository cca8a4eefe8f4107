// Package exercise is lesson 10's exercise: a queue whose Pop waits with a
// context, with two of the lesson's three defects in its wait, and the
// learner fixes one of them.
package exercise

import (
	"context"
	"errors"
	"sync"
)

// ErrClosed is returned by Pop once the queue is closed and drained.
var ErrClosed = errors.New("exercise: queue closed")

// Queue is an unbounded FIFO queue of ints whose Pop blocks while the
// queue is empty, until an item arrives, the queue is closed or ctx ends.
type Queue struct {
	mu       sync.Mutex
	notEmpty sync.Cond // signalled when an item arrives
	items    []int
	closed   bool
}

// NewQueue returns an empty, open queue.
func NewQueue() *Queue {
	q := &Queue{}
	q.notEmpty.L = &q.mu
	return q
}

// Push adds v and wakes one waiting Pop.
func (q *Queue) Push(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append(q.items, v)
	q.notEmpty.Signal()
}

// Pop removes and returns the head item, waiting while the queue is empty
// and open. It returns ErrClosed once the queue is closed and drained, or
// ctx.Err() if ctx ends while it waits.
func (q *Queue) Pop(ctx context.Context) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if err := q.awaitItem(ctx); err != nil {
		return 0, err
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v, nil
}

// Close closes the queue and wakes every waiting Pop.
func (q *Queue) Close() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.closed = true
	q.notEmpty.Broadcast()
}

// Len returns the number of items queued.
func (q *Queue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}
