// Package exercise is lesson 21's exercise: make a batch pop linearizable.
package exercise

import (
	"context"
	"errors"
	"sync"
)

// ErrClosed is returned by Pop and PopBatch once the queue is closed and
// drained.
var ErrClosed = errors.New("queue closed")

// Queue is an unbounded FIFO queue of ints: a mutex, one condition variable
// and a slice. It is safe for concurrent use.
type Queue struct {
	mu       sync.Mutex
	notEmpty sync.Cond
	items    []int
	closed   bool

	// yield, if set, is called by PopBatch where it lets other goroutines
	// at the queue in the middle of a batch; the check scripts with it.
	yield func()
}

// New returns an empty queue.
func New() *Queue {
	q := &Queue{}
	q.notEmpty.L = &q.mu
	return q
}

// Push appends v.
func (q *Queue) Push(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append(q.items, v)
	q.notEmpty.Signal()
}

// Pop removes and returns the head item, waiting while the queue is empty.
func (q *Queue) Pop(ctx context.Context) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if err := q.awaitItem(ctx); err != nil {
		return 0, err
	}
	return q.take(), nil
}

// PopBatch removes up to len(dst) head items, in order, waiting while the
// queue is empty, and returns how many it took. It must take effect at one
// instant: the items it returns were the queue's head items together.
func (q *Queue) PopBatch(ctx context.Context, dst []int) (int, error) {
	if len(dst) == 0 {
		return 0, nil
	}
	q.step() // others may run before the batch, never inside it
	q.mu.Lock()
	defer q.mu.Unlock()
	if err := q.awaitItem(ctx); err != nil {
		return 0, err
	}
	n := min(len(dst), len(q.items))
	for i := range n {
		dst[i] = q.take()
	}
	return n, nil
}

// Close closes the queue: pops drain what is left, then return ErrClosed.
func (q *Queue) Close() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.closed = true
	q.notEmpty.Broadcast()
}

// awaitItem waits until an item is queued or the queue is closed and
// drained (ErrClosed), or ctx ends. q.mu must be held.
func (q *Queue) awaitItem(ctx context.Context) error {
	for len(q.items) == 0 && !q.closed {
		if err := ctx.Err(); err != nil {
			return err
		}
		stop := context.AfterFunc(ctx, func() {
			q.mu.Lock()
			defer q.mu.Unlock()
			q.notEmpty.Broadcast()
		})
		q.notEmpty.Wait()
		stop()
	}
	if len(q.items) == 0 {
		return ErrClosed
	}
	return nil
}

// take removes and returns the head item. q.mu must be held.
func (q *Queue) take() int {
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

func (q *Queue) step() {
	if q.yield != nil {
		q.yield()
	}
}
