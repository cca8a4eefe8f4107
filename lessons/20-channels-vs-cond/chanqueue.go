// Package chancond is lesson 20: the same bounded queue built on a buffered
// channel and on pckit's mutex and two condition variables; what each
// gives, and the rule a channel imposes on Close.
package chancond

import (
	"context"

	"github.com/pckit/pckit/queue"
)

// ChanQueue is a bounded blocking FIFO queue built on a buffered channel.
// Push and Pop may be called by any number of goroutines.
//
// Close closes the channel, so it follows the channel's rule: it may be
// called once, and only after every Push has returned. A Push that runs
// after Close panics with "send on closed channel"; a second Close panics
// with "close of closed channel". So exactly one owner, who knows every
// producer is done, may close it.
type ChanQueue[T any] struct {
	ch chan T
}

// NewChanQueue returns an empty queue that holds at most capacity items.
func NewChanQueue[T any](capacity int) *ChanQueue[T] {
	return &ChanQueue[T]{ch: make(chan T, capacity)}
}

// Push adds v, waiting while the queue is full. It returns ctx.Err() if ctx
// ends first. It panics if the queue is closed.
func (q *ChanQueue[T]) Push(ctx context.Context, v T) error {
	select {
	case q.ch <- v:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Pop removes and returns the head item, waiting while the queue is empty.
// It returns queue.ErrClosed once the queue is closed and drained, and
// ctx.Err() if ctx ends first.
func (q *ChanQueue[T]) Pop(ctx context.Context) (T, error) {
	select {
	case v, ok := <-q.ch:
		if !ok {
			return v, queue.ErrClosed
		}
		return v, nil
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

// Close closes the queue; see the type's comment for who may call it.
func (q *ChanQueue[T]) Close() { close(q.ch) }

// Len returns the number of items queued.
func (q *ChanQueue[T]) Len() int { return len(q.ch) }

// Cap returns the queue's capacity, fixed when it was made.
func (q *ChanQueue[T]) Cap() int { return cap(q.ch) }

// C returns the channel to receive from, for use as one case of a select.
func (q *ChanQueue[T]) C() <-chan T { return q.ch }
