package exercise

// Push adds v at the tail, waiting while the queue is full. It takes no
// context, to keep the exercise to one idea, as the lesson's Pop does. It
// re-checks for room each time Wait returns: another producer may have
// filled the slot first.
func (q *Queue) Push(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) >= q.cap {
		q.notFull.Wait()
	}
	q.items = append(q.items, v)
}
