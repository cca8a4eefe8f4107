package exercise

import "context"

// Push adds v at the tail, waiting while the queue is full. It returns
// ctx.Err() if ctx ends while it waits; v is then not queued.
func (q *Queue) Push(ctx context.Context, v int) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) >= q.cap { // room first: a Push that need not wait succeeds
		if err := ctx.Err(); err != nil {
			return err
		}
		// When ctx ends, wake the waiting pushers, under the lock, so that
		// this one sees ctx.Err() on its next turn of the loop.
		stop := context.AfterFunc(ctx, func() {
			q.mu.Lock()
			defer q.mu.Unlock()
			q.notFull.Broadcast()
		})
		q.notFull.Wait()
		stop()
	}
	q.items = append(q.items, v)
	return nil
}
