//go:build broken

package forloop

// Pop removes and returns the head item, waiting while the queue is empty.
//
// BROKEN: it checks the condition with if, so it assumes the queue is
// non-empty once Wait returns. Between the Signal that woke it and its
// getting the lock back, another consumer may have taken the item.
func (q *Queue) Pop() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		q.notEmpty.Wait()
	}
	return q.take()
}
