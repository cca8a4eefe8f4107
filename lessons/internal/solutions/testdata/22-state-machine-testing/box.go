// Package exercise is lesson 22's exercise: a small non-blocking queue that
// a gopter state machine checks against a model of its contract.
package exercise

import (
	"errors"
	"sync"
)

// Errors returned by a Box.
var (
	ErrClosed = errors.New("box: closed")
	ErrFull   = errors.New("box: full")
	ErrEmpty  = errors.New("box: empty")
)

// Box is a bounded FIFO queue of ints that never blocks. It is safe for
// concurrent use. Its contract is pckit's: closed beats full and empty —
// TryPush on a closed Box returns ErrClosed (never ErrFull), and TryPop on a
// closed Box returns the items still queued, then ErrClosed (never
// ErrEmpty).
type Box struct {
	mu     sync.Mutex
	items  []int
	cap    int
	closed bool
}

// NewBox returns an empty Box that holds at most capacity items.
func NewBox(capacity int) *Box { return &Box{cap: capacity} }

// TryPush adds v if there is room.
func (b *Box) TryPush(v int) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed { // closed beats full
		return ErrClosed
	}
	if len(b.items) >= b.cap {
		return ErrFull
	}
	b.items = append(b.items, v)
	return nil
}

// TryPop removes and returns the head item if there is one.
func (b *Box) TryPop() (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.items) == 0 {
		if b.closed {
			return 0, ErrClosed
		}
		return 0, ErrEmpty
	}
	v := b.items[0]
	b.items = b.items[1:]
	return v, nil
}

// Close closes the Box; closing twice does nothing.
func (b *Box) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
}

// Len returns the number of items queued.
func (b *Box) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.items)
}
