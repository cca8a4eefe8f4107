//go:build !broken

package forloop

// Pop removes and returns the head item, waiting while the queue is empty.
// It re-checks the condition each time Wait returns, and waits again if
// another consumer took the item first. It takes no context, to keep the
// lesson to one idea; lesson 12 adds one.
func (q *Queue) Pop() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.notEmpty.Wait()
	}
	return q.take()
}
