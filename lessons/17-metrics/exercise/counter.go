// Package exercise is lesson 17's exercise: make every Stats snapshot of
// this queue consistent, so that Pushed - Popped == Len always holds.
package exercise

import (
	"sync"
	"sync/atomic"
)

// Stats is one snapshot of a queue's counters.
type Stats struct {
	Len            int
	Pushed, Popped uint64
}

// Queue is an unbounded FIFO queue of ints that counts what passes through
// it. It is safe for concurrent use.
//
// YOUR TURN: the counters are atomics updated after the lock is released,
// and Stats reads them one by one. Keep every call to q.step where it is
// (the check stops a writer there) and make every snapshot consistent.
type Queue struct {
	mu     sync.Mutex
	items  []int
	pushed atomic.Uint64
	popped atomic.Uint64

	// pause, if set, is called by step; the check uses it to stop a writer.
	pause func()
}

// Push appends v.
func (q *Queue) Push(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	q.step()
	q.pushed.Add(1)
}

// TryPop removes and returns the head item, or reports false if there is
// none.
func (q *Queue) TryPop() (int, bool) {
	q.mu.Lock()
	if len(q.items) == 0 {
		q.mu.Unlock()
		return 0, false
	}
	v := q.items[0]
	q.items = q.items[1:]
	q.mu.Unlock()
	q.step()
	q.popped.Add(1)
	return v, true
}

// Stats returns a snapshot of the queue's counters.
func (q *Queue) Stats() Stats {
	q.mu.Lock()
	n := len(q.items)
	q.mu.Unlock()
	return Stats{Len: n, Pushed: q.pushed.Load(), Popped: q.popped.Load()}
}

func (q *Queue) step() {
	if q.pause != nil {
		q.pause()
	}
}
