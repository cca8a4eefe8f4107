package exercise

import "context"

// awaitItem waits until an item is queued, the queue is closed, or ctx
// ends, and returns nil only in the first case. q.mu must be held.
//
// Defect 1 is fixed: it checks the queue before ctx, so a waiter that
// finds an item takes it even if its ctx has ended.
func (q *Queue) awaitItem(ctx context.Context) error {
	for len(q.items) == 0 && !q.closed {
		if err := ctx.Err(); err != nil {
			return err
		}
		q.wait(ctx)
	}
	if len(q.items) == 0 {
		return ErrClosed
	}
	return nil
}

// wait blocks in notEmpty.Wait until woken or ctx ends. q.mu must be held.
//
// Defect 2 is left: when ctx ends it Signals, which wakes one waiter,
// maybe not the one whose ctx ended.
func (q *Queue) wait(ctx context.Context) {
	stop := context.AfterFunc(ctx, func() {
		q.mu.Lock()
		defer q.mu.Unlock()
		q.notEmpty.Signal()
	})
	defer stop()
	q.notEmpty.Wait()
}
