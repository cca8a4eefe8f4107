//go:build !broken

// Package backpressure is lesson 19: an unbounded queue between a fast
// producer and a slow consumer grows without limit; a bounded one makes the
// producer wait, and its length and memory stay bounded.
package backpressure

import (
	"context"

	"github.com/pckit/pckit/queue"
)

// Buffer sits between the producer and the consumer. It is safe for
// concurrent use.
type Buffer struct {
	q *queue.Queue[[]byte]
}

// NewBuffer returns an empty buffer that holds at most capacity items: a
// Push on a full buffer waits until the consumer has made room.
func NewBuffer(capacity int) *Buffer {
	q, err := queue.New[[]byte](capacity)
	if err != nil {
		panic(err)
	}
	return &Buffer{q: q}
}

// Push adds v, waiting while the buffer is full.
func (b *Buffer) Push(ctx context.Context, v []byte) error { return b.q.Push(ctx, v) }

// Pop removes and returns the oldest item, waiting while the buffer is empty.
func (b *Buffer) Pop(ctx context.Context) ([]byte, error) { return b.q.Pop(ctx) }

// Close closes the buffer: pushes fail, pops drain what is left.
func (b *Buffer) Close() { b.q.Close() }

// Len returns the number of items queued.
func (b *Buffer) Len() int { return b.q.Len() }

// Stats returns a snapshot of the buffer's counters.
func (b *Buffer) Stats() queue.Stats { return b.q.Stats() }
