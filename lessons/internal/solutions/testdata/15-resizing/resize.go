package exercise

// Resize sets the capacity to capacity (1 or more). It keeps every queued
// item: with Len above the new Cap, pushes wait until pops bring Len below
// it. Growing changes the predicate waiting pushers sleep on, so it wakes
// them all; each re-checks Len < Cap in its for loop.
func (q *Queue) Resize(capacity int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if capacity > q.cap {
		q.notFull.Broadcast()
	}
	q.cap = capacity
}
