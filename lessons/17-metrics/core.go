package metrics

import (
	"context"
	"errors"
	"sync"
)

// ErrClosed is returned by Push after Close, and by Pop once the queue is
// closed and drained.
var ErrClosed = errors.New("metrics: queue closed")

// Stats is one snapshot of a queue's counters.
type Stats struct {
	Len, Cap       int
	Pushed, Popped uint64
}

// core is the lesson's bounded blocking queue: a mutex, two condition
// variables and a slice. The broken and the fixed Queue share it and differ
// only in where they count.
type core struct {
	mu                sync.Mutex
	notFull, notEmpty sync.Cond
	items             []int
	cap               int
	closed            bool

	// pause, if set, is called at every point where Push or Pop has changed
	// some of the queue's state and returns to code that another goroutine
	// could interleave with. Tests use it to stop a writer there.
	pause func()
}

func (c *core) init(capacity int) {
	c.cap = capacity
	c.notFull.L = &c.mu
	c.notEmpty.L = &c.mu
}

// enqueue waits for room and appends v. c.mu must be held.
func (c *core) enqueue(ctx context.Context, v int) error {
	for len(c.items) >= c.cap && !c.closed {
		if err := c.wait(ctx, &c.notFull); err != nil {
			return err
		}
	}
	if c.closed {
		return ErrClosed
	}
	c.items = append(c.items, v)
	c.notEmpty.Signal()
	return nil
}

// dequeue waits for an item and removes it. c.mu must be held.
func (c *core) dequeue(ctx context.Context) (int, error) {
	for len(c.items) == 0 && !c.closed {
		if err := c.wait(ctx, &c.notEmpty); err != nil {
			return 0, err
		}
	}
	if len(c.items) == 0 {
		return 0, ErrClosed
	}
	v := c.items[0]
	c.items = c.items[1:]
	c.notFull.Signal()
	return v, nil
}

// wait blocks on cond until it is signalled or ctx ends; c.mu must be held.
// When ctx ends, a callback broadcasts so that the waiter re-checks.
func (c *core) wait(ctx context.Context, cond *sync.Cond) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	stop := context.AfterFunc(ctx, func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		cond.Broadcast()
	})
	defer stop()
	cond.Wait()
	return nil
}

// Close closes the queue: pushes fail, pops drain what is left.
func (c *core) Close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	c.notFull.Broadcast()
	c.notEmpty.Broadcast()
}

func (c *core) step() {
	if c.pause != nil {
		c.pause()
	}
}
