//go:build !broken

package lostwakeup

import "context"

// Close closes the queue and wakes every waiting Pop: each must see closed.
func (q *Queue) Close() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.closed = true
	q.notEmpty.Broadcast()
}

// awaitItem waits until an item is queued, the queue is closed, or ctx
// ends, and returns nil only in the first case. q.mu must be held.
//
// It checks the predicate before ctx: a waiter that finds an item takes it,
// even if its ctx has ended, so the Signal that woke it is never wasted.
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
// When ctx ends it wakes every waiter: each re-checks its predicate and only
// those whose ctx ended leave, so the cancelled one is sure to be woken.
func (q *Queue) wait(ctx context.Context) {
	stop := context.AfterFunc(ctx, func() {
		q.mu.Lock()
		defer q.mu.Unlock()
		q.notEmpty.Broadcast()
	})
	defer stop()
	q.notEmpty.Wait()
}
