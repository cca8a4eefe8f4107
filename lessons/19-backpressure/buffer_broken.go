//go:build broken

package backpressure

import (
	"context"
	"sync"

	"github.com/pckit/pckit/queue"
)

// Buffer sits between the producer and the consumer. It is safe for
// concurrent use.
//
// BROKEN: the buffer is unbounded. Push never waits; the capacity is only
// the initial size of the slice, and append grows it for as long as the
// producer outruns the consumer.
type Buffer struct {
	mu        sync.Mutex
	items     [][]byte
	capHint   int
	highWater int
	pushed    uint64
	popped    uint64
	closed    bool
	wake      chan struct{} // holds a token while items may be queued
	done      chan struct{} // closed by Close
}

// NewBuffer returns an empty buffer with room for capacity items to start.
func NewBuffer(capacity int) *Buffer {
	return &Buffer{
		items:   make([][]byte, 0, capacity),
		capHint: capacity,
		wake:    make(chan struct{}, 1),
		done:    make(chan struct{}),
	}
}

// Push adds v. It never waits.
func (b *Buffer) Push(ctx context.Context, v []byte) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return queue.ErrClosed
	}
	b.items = append(b.items, v)
	b.pushed++
	b.highWater = max(b.highWater, len(b.items))
	b.signal()
	return nil
}

// Pop removes and returns the oldest item, waiting while the buffer is empty.
func (b *Buffer) Pop(ctx context.Context) ([]byte, error) {
	for {
		if v, err, ok := b.tryPop(); ok {
			return v, err
		}
		select {
		case <-b.wake:
		case <-b.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

func (b *Buffer) tryPop() (v []byte, err error, ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.items) == 0 {
		if b.closed {
			return nil, queue.ErrClosed, true
		}
		return nil, nil, false
	}
	v = b.items[0]
	b.items[0] = nil
	b.items = b.items[1:]
	b.popped++
	if len(b.items) > 0 {
		b.signal()
	}
	return v, nil, true
}

// signal leaves a wake-up token for a waiting Pop. b.mu must be held.
func (b *Buffer) signal() {
	select {
	case b.wake <- struct{}{}:
	default:
	}
}

// Close closes the buffer: pushes fail, pops drain what is left.
func (b *Buffer) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.closed {
		b.closed = true
		close(b.done)
	}
}

// Len returns the number of items queued.
func (b *Buffer) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.items)
}

// Stats returns a snapshot of the buffer's counters; Cap is the capacity
// NewBuffer was given.
func (b *Buffer) Stats() queue.Stats {
	b.mu.Lock()
	defer b.mu.Unlock()
	return queue.Stats{
		Len:       len(b.items),
		Cap:       b.capHint,
		HighWater: b.highWater,
		Pushed:    b.pushed,
		Popped:    b.popped,
	}
}
