// Package exercise is lesson 17's exercise: make every Stats snapshot of
// this queue consistent, so that Pushed - Popped == Len always holds.
package exercise

import "sync"

// Stats is one snapshot of a queue's counters.
type Stats struct {
	Len            int
	Pushed, Popped uint64
}

// Queue is an unbounded FIFO queue of ints that counts what passes through
// it. It is safe for concurrent use.
//
// pushed and popped are guarded by mu, like the items they count.
type Queue struct {
	mu             sync.Mutex
	items          []int
	pushed, popped uint64

	// pause, if set, is called by step; the check uses it to stop a writer.
	pause func()
}

// Push appends v.
func (q *Queue) Push(v int) {
	q.push(v)
	q.step()
}

func (q *Queue) push(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append(q.items, v)
	q.pushed++
}

// TryPop removes and returns the head item, or reports false if there is
// none.
func (q *Queue) TryPop() (int, bool) {
	v, ok := q.tryPop()
	if ok {
		q.step()
	}
	return v, ok
}

func (q *Queue) tryPop() (int, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		return 0, false
	}
	v := q.items[0]
	q.items = q.items[1:]
	q.popped++
	return v, true
}

// Stats returns a snapshot of the queue's counters, taken in one critical
// section.
func (q *Queue) Stats() Stats {
	q.mu.Lock()
	defer q.mu.Unlock()
	return Stats{Len: len(q.items), Pushed: q.pushed, Popped: q.popped}
}

func (q *Queue) step() {
	if q.pause != nil {
		q.pause()
	}
}
