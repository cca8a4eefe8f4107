package queue

import "time"

// Stats is a snapshot of a queue's counters, all taken at one instant under
// the queue's lock, so they are consistent with each other: at any snapshot,
// Pushed - Popped == Len.
type Stats struct {
	Len       int `json:"len"`        // items queued now
	Cap       int `json:"cap"`        // capacity now
	HighWater int `json:"high_water"` // the largest Len ever reached

	Pushed   uint64 `json:"pushed"`   // items accepted, by every kind of push
	Popped   uint64 `json:"popped"`   // items removed, by every kind of pop
	Rejected uint64 `json:"rejected"` // push calls that queued nothing: ErrFull, ErrClosed or their context ended

	BlockedPushes uint64        `json:"blocked_pushes"` // push calls that had to wait at least once
	BlockedPops   uint64        `json:"blocked_pops"`   // pop calls that had to wait at least once
	PushWait      time.Duration `json:"push_wait_ns"`   // total time push calls spent waiting
	PopWait       time.Duration `json:"pop_wait_ns"`    // total time pop calls spent waiting
}

// Stats returns a consistent snapshot of the queue's counters.
func (q *Queue[T]) Stats() Stats {
	q.made()
	q.mu.Lock()
	defer q.mu.Unlock()
	s := q.stats
	s.Len = q.items.len()
	return s
}
