package queue

import "time"

// Stats is a snapshot of a queue's counters, all taken at one instant under
// the queue's lock, so they are consistent with each other: at any snapshot,
// Pushed - Popped == Len.
type Stats struct {
	Len       int // items queued now
	Cap       int // capacity now
	HighWater int // the largest Len ever reached

	Pushed   uint64 // items accepted, by every kind of push
	Popped   uint64 // items removed, by every kind of pop
	Rejected uint64 // push calls that queued nothing: ErrFull, ErrClosed or their context ended

	BlockedPushes uint64        // push calls that had to wait at least once
	BlockedPops   uint64        // pop calls that had to wait at least once
	PushWait      time.Duration // total time push calls spent waiting
	PopWait       time.Duration // total time pop calls spent waiting
}

// Stats returns a consistent snapshot of the queue's counters.
func (q *Queue[T]) Stats() Stats {
	q.mu.Lock()
	defer q.mu.Unlock()
	s := q.stats
	s.Len = q.items.len()
	return s
}
