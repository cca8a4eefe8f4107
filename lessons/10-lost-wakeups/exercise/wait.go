package exercise

import "context"

// awaitItem waits until an item is queued, the queue is closed, or ctx
// ends, and returns nil only in the first case. q.mu must be held.
//
// Defect 1 (the order): it checks ctx before the queue, so a waiter woken
// by Push's Signal whose ctx has just ended leaves with that wake-up.
func (q *Queue) awaitItem(ctx context.Context) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		if len(q.items) > 0 {
			return nil
		}
		if q.closed {
			return ErrClosed
		}
		q.wait(ctx)
	}
}

// wait blocks in notEmpty.Wait until woken or ctx ends. q.mu must be held.
//
// Defect 2 (the callback): when ctx ends it Signals, which wakes one
// waiter, maybe not the one whose ctx ended.
func (q *Queue) wait(ctx context.Context) {
	stop := context.AfterFunc(ctx, func() {
		q.mu.Lock()
		defer q.mu.Unlock()
		q.notEmpty.Signal()
	})
	defer stop()
	q.notEmpty.Wait()
}
