package exercise

// Resize sets the capacity to capacity (1 or more). It must keep every
// queued item, and wake the pushers that the new room lets in.
//
// Written naively: shrinking drops the items past the new capacity, and
// growing tells no waiting pusher.
func (q *Queue) Resize(capacity int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) > capacity {
		q.items = q.items[:capacity]
	}
	q.cap = capacity
}
