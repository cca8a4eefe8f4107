//go:build broken

// Package resizing is lesson 15: a queue whose capacity changes while it is
// in use. A naive Resize loses items when it shrinks and strands waiting
// pushers when it grows; pckit's Queue.Resize does neither.
package resizing

import (
	"context"
	"sync"

	"github.com/pckit/pckit/queue"
)

// Queue is a naive resizable bounded FIFO queue of ints: a mutex, two
// condition variables and a ring buffer whose length is the capacity. Every
// method but Resize follows pckit's queue contract.
type Queue struct {
	mu                sync.Mutex
	notFull, notEmpty sync.Cond
	ring              []int // len(ring) is the capacity
	head, n           int
	closed            bool
}

// New returns an empty queue that holds at most capacity items.
func New(capacity int) (*Queue, error) {
	if capacity < 1 {
		return nil, queue.ErrCapacity
	}
	q := &Queue{ring: make([]int, capacity)}
	q.notFull.L = &q.mu
	q.notEmpty.L = &q.mu
	return q, nil
}

// Resize sets the queue's capacity by copying the items into a ring of the
// new size.
//
// BROKEN twice: shrinking below Len copies only the first capacity items
// and drops the rest; growing makes room but wakes no pusher waiting for it.
func (q *Queue) Resize(capacity int) error {
	if capacity < 1 {
		return queue.ErrCapacity
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	ring := make([]int, capacity)
	n := min(q.n, capacity) // items past the new capacity are lost
	for i := range n {
		ring[i] = q.ring[(q.head+i)%len(q.ring)]
	}
	q.ring, q.head, q.n = ring, 0, n
	return nil // no q.notFull.Broadcast(): waiting pushers sleep on
}

// Push adds v, waiting while the queue is full; see queue.Queue.Push.
func (q *Queue) Push(ctx context.Context, v int) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if err := q.awaitRoom(ctx); err != nil {
		return err
	}
	q.put(v)
	return nil
}

// TryPush adds v if there is room; see queue.Queue.TryPush.
func (q *Queue) TryPush(v int) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	switch {
	case q.closed:
		return queue.ErrClosed
	case q.n >= len(q.ring):
		return queue.ErrFull
	}
	q.put(v)
	return nil
}

// PushBatch adds as many items of vs as fit, at once; see
// queue.Queue.PushBatch.
func (q *Queue) PushBatch(ctx context.Context, vs []int) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(vs) == 0 {
		if q.closed {
			return 0, queue.ErrClosed
		}
		return 0, nil
	}
	if err := q.awaitRoom(ctx); err != nil {
		return 0, err
	}
	n := min(len(vs), len(q.ring)-q.n)
	for _, v := range vs[:n] {
		q.put(v)
	}
	return n, nil
}

// Pop removes the head item, waiting while the queue is empty; see
// queue.Queue.Pop.
func (q *Queue) Pop(ctx context.Context) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if err := q.awaitItem(ctx); err != nil {
		return 0, err
	}
	return q.take(), nil
}

// TryPop removes the head item if there is one; see queue.Queue.TryPop.
func (q *Queue) TryPop() (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.n == 0 {
		if q.closed {
			return 0, queue.ErrClosed
		}
		return 0, queue.ErrEmpty
	}
	return q.take(), nil
}

// PopBatch removes up to len(dst) items at once; see queue.Queue.PopBatch.
func (q *Queue) PopBatch(ctx context.Context, dst []int) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(dst) == 0 {
		if q.closed && q.n == 0 {
			return 0, queue.ErrClosed
		}
		return 0, nil
	}
	if err := q.awaitItem(ctx); err != nil {
		return 0, err
	}
	n := min(len(dst), q.n)
	for i := range n {
		dst[i] = q.take()
	}
	return n, nil
}

// Close closes the queue and wakes every waiter; see queue.Queue.Close.
func (q *Queue) Close() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.closed = true
	q.notFull.Broadcast()
	q.notEmpty.Broadcast()
}

// Len returns the number of items queued.
func (q *Queue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.n
}

// Cap returns the capacity.
func (q *Queue) Cap() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.ring)
}

// Closed reports whether Close has been called.
func (q *Queue) Closed() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.closed
}

// awaitRoom waits for room, Close or the end of ctx. q.mu must be held.
func (q *Queue) awaitRoom(ctx context.Context) error {
	for !q.closed && q.n >= len(q.ring) {
		if err := ctx.Err(); err != nil {
			return err
		}
		q.wait(ctx, &q.notFull)
	}
	if q.closed {
		return queue.ErrClosed
	}
	return nil
}

// awaitItem waits for an item, Close or the end of ctx. q.mu must be held.
func (q *Queue) awaitItem(ctx context.Context) error {
	for q.n == 0 && !q.closed {
		if err := ctx.Err(); err != nil {
			return err
		}
		q.wait(ctx, &q.notEmpty)
	}
	if q.n == 0 {
		return queue.ErrClosed
	}
	return nil
}

// wait is Wait on c that also wakes when ctx ends (lesson 12). q.mu must be
// held.
func (q *Queue) wait(ctx context.Context, c *sync.Cond) {
	stop := context.AfterFunc(ctx, func() {
		q.mu.Lock()
		defer q.mu.Unlock()
		c.Broadcast()
	})
	c.Wait()
	stop()
}

func (q *Queue) put(v int) {
	q.ring[(q.head+q.n)%len(q.ring)] = v
	q.n++
	q.notEmpty.Broadcast()
}

func (q *Queue) take() int {
	v := q.ring[q.head]
	q.head = (q.head + 1) % len(q.ring)
	q.n--
	q.notFull.Broadcast()
	return v
}
