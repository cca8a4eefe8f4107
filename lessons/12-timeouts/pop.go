//go:build !broken

package timeouts

import "context"

// Pop removes and returns the head item, waiting while the queue is empty.
// It returns ctx.Err() if ctx ends while it waits; no item is then consumed.
func (q *CondQueue) Pop(ctx context.Context) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		// When ctx ends, wake the waiters so this one can see ctx.Err().
		// The callback takes the lock, so its Broadcast cannot fall between
		// the ctx check above and Wait below: Wait releases the lock only
		// once this goroutine is waiting.
		stop := context.AfterFunc(ctx, func() {
			q.mu.Lock()
			defer q.mu.Unlock()
			q.notEmpty.Broadcast()
		})
		q.notEmpty.Wait()
		stop()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v, nil
}
