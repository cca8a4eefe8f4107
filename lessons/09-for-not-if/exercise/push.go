package exercise

// Push adds v at the tail, waiting while the queue is full. It takes no
// context, to keep the exercise to one idea, as the lesson's Pop does.
//
// It checks with if, as the lesson's broken Pop does: it assumes there is
// room once Wait returns.
func (q *Queue) Push(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) >= q.cap {
		q.notFull.Wait()
	}
	q.items = append(q.items, v)
}
