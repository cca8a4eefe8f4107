package spec_test

import (
	"context"
	"sync"

	"github.com/pckit/pckit/queue"
	"github.com/pckit/pckit/spec"
)

// refQueue is a small, correct bounded FIFO queue of ints, built the way
// the kit teaches (a ring, one mutex, two condition variables, a context
// callback that broadcasts). The seeded bugs in bugs_test.go embed it and
// replace one method each with a copy that has one bug, so that each
// broken queue differs from a correct one in exactly one place; the tests
// check refQueue itself too, so a catch is the bug's doing.
type refQueue struct {
	mu                sync.Mutex
	notFull, notEmpty sync.Cond

	ring        []int // ring[head], ring[head+1], ... wrapping, n items
	head, n     int
	cap         int
	closed      bool
	pushW, popW int // waiters per condition
}

var _ spec.Queue = (*refQueue)(nil)

func newRefQueue(capacity int) *refQueue {
	q := &refQueue{ring: make([]int, capacity), cap: capacity}
	q.notFull.L = &q.mu
	q.notEmpty.L = &q.mu
	return q
}

// wait blocks on c until it is signalled or ctx ends; q.mu must be held.
func (q *refQueue) wait(ctx context.Context, c *sync.Cond) {
	stop := context.AfterFunc(ctx, func() {
		q.mu.Lock()
		defer q.mu.Unlock()
		c.Broadcast()
	})
	c.Wait()
	stop()
}

func (q *refQueue) awaitRoom(ctx context.Context) error {
	for !q.closed && q.n >= q.cap {
		if err := ctx.Err(); err != nil {
			return err
		}
		q.pushW++
		q.wait(ctx, &q.notFull)
		q.pushW--
	}
	if q.closed {
		return queue.ErrClosed
	}
	return nil
}

func (q *refQueue) awaitItem(ctx context.Context) error {
	for q.n == 0 && !q.closed {
		if err := ctx.Err(); err != nil {
			return err
		}
		q.popW++
		q.wait(ctx, &q.notEmpty)
		q.popW--
	}
	if q.n == 0 {
		return queue.ErrClosed
	}
	return nil
}

func (q *refQueue) put(v int) {
	if q.n == len(q.ring) { // never while n < cap <= len(ring); only a broken capacity check gets here
		q.reserve(2 * len(q.ring))
	}
	q.ring[(q.head+q.n)%len(q.ring)] = v
	q.n++
	if q.popW > 0 {
		q.notEmpty.Signal()
	}
}

func (q *refQueue) take() int {
	v := q.ring[q.head]
	q.ring[q.head] = 0
	q.head = (q.head + 1) % len(q.ring)
	q.n--
	if q.pushW > 0 {
		q.notFull.Signal()
	}
	return v
}

func (q *refQueue) reserve(size int) {
	size = max(size, q.n, 1)
	ring := make([]int, size)
	for i := range q.n {
		ring[i] = q.ring[(q.head+i)%len(q.ring)]
	}
	q.ring, q.head = ring, 0
}

func (q *refQueue) Push(ctx context.Context, v int) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if err := q.awaitRoom(ctx); err != nil {
		return err
	}
	q.put(v)
	return nil
}

func (q *refQueue) TryPush(v int) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	switch {
	case q.closed:
		return queue.ErrClosed
	case q.n >= q.cap:
		return queue.ErrFull
	}
	q.put(v)
	return nil
}

func (q *refQueue) PushBatch(ctx context.Context, vs []int) (int, error) {
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
	n := min(len(vs), q.cap-q.n)
	for _, v := range vs[:n] {
		q.put(v)
	}
	return n, nil
}

func (q *refQueue) Pop(ctx context.Context) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if err := q.awaitItem(ctx); err != nil {
		return 0, err
	}
	return q.take(), nil
}

func (q *refQueue) TryPop() (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	switch {
	case q.n > 0:
		return q.take(), nil
	case q.closed:
		return 0, queue.ErrClosed
	}
	return 0, queue.ErrEmpty
}

func (q *refQueue) PopBatch(ctx context.Context, dst []int) (int, error) {
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

func (q *refQueue) Close() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.closed = true
	q.notFull.Broadcast()
	q.notEmpty.Broadcast()
}

func (q *refQueue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.n
}

func (q *refQueue) Cap() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.cap
}

func (q *refQueue) Resize(capacity int) error {
	if capacity < 1 {
		return queue.ErrCapacity
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if capacity > q.cap {
		q.notFull.Broadcast()
	}
	q.cap = capacity
	q.reserve(capacity)
	return nil
}

func (q *refQueue) Closed() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.closed
}
