// Package exercise is lesson 19's exercise: give a buffer backpressure.
package exercise

import (
	"context"
	"errors"
	"sync"
)

// ErrClosed is returned by Push after Close, and by Pop once the buffer is
// closed and drained.
var ErrClosed = errors.New("buffer closed")

// Buffer is a FIFO queue of byte slices between a producer and a consumer.
// It is safe for concurrent use.
type Buffer struct {
	mu                sync.Mutex
	notFull, notEmpty sync.Cond
	items             [][]byte
	capacity          int
	highWater         int
	closed            bool
}

// NewBuffer returns an empty buffer that holds at most capacity items.
func NewBuffer(capacity int) *Buffer {
	b := &Buffer{capacity: capacity}
	b.notFull.L = &b.mu
	b.notEmpty.L = &b.mu
	return b
}

// Push adds v, waiting while the buffer is full.
func (b *Buffer) Push(ctx context.Context, v []byte) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	for len(b.items) >= b.capacity && !b.closed {
		if err := b.wait(ctx, &b.notFull); err != nil {
			return err
		}
	}
	if b.closed {
		return ErrClosed
	}
	b.items = append(b.items, v)
	b.highWater = max(b.highWater, len(b.items))
	b.notEmpty.Signal()
	return nil
}

// Pop removes and returns the oldest item, waiting while the buffer is empty.
func (b *Buffer) Pop(ctx context.Context) ([]byte, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for len(b.items) == 0 && !b.closed {
		if err := b.wait(ctx, &b.notEmpty); err != nil {
			return nil, err
		}
	}
	if len(b.items) == 0 {
		return nil, ErrClosed
	}
	v := b.items[0]
	b.items[0] = nil
	b.items = b.items[1:]
	b.notFull.Signal()
	return v, nil
}

// wait blocks on c until it is signalled or ctx ends, and returns ctx.Err()
// if ctx has ended. b.mu must be held; like c.Wait, it releases b.mu while
// blocked. Callers re-check their predicate in a for loop.
func (b *Buffer) wait(ctx context.Context, c *sync.Cond) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	stop := context.AfterFunc(ctx, func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		c.Broadcast()
	})
	defer stop()
	c.Wait()
	return nil
}

// Close closes the buffer: pushes fail, pops drain what is left.
func (b *Buffer) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	b.notFull.Broadcast()
	b.notEmpty.Broadcast()
}

// Len returns the number of items queued.
func (b *Buffer) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.items)
}

// HighWater returns the largest number of items ever queued.
func (b *Buffer) HighWater() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.highWater
}
