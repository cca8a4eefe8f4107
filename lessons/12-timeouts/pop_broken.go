//go:build broken

package timeouts

import "context"

// Pop removes and returns the head item, waiting while the queue is empty.
//
// BROKEN: ctx is consulted only before each Wait. Nothing wakes the Wait
// when ctx ends, so a Pop on an empty queue stays blocked past its deadline
// until some Push happens to signal it.
func (q *CondQueue) Pop(ctx context.Context) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		q.notEmpty.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v, nil
}
