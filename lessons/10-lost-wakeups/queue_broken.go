//go:build broken

package lostwakeup

import "context"

// Close closes the queue.
//
// BROKEN: it wakes one waiting Pop. Every waiter has to see closed to
// return, so with two waiters one sleeps on.
func (q *Queue) Close() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.closed = true
	q.notEmpty.Signal()
}

// awaitItem waits until an item is queued, the queue is closed, or ctx
// ends. q.mu must be held.
//
// BROKEN: it checks ctx before the predicate. A waiter whose ctx has ended
// and that is woken by Push's Signal leaves, and takes that Signal with it:
// the item stays queued while another waiter sleeps.
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

// wait blocks in notEmpty.Wait until signalled or ctx ends. q.mu must be
// held.
//
// BROKEN: when ctx ends it wakes one waiter, which may not be the one
// whose ctx ended.
func (q *Queue) wait(ctx context.Context) {
	stop := context.AfterFunc(ctx, func() {
		q.mu.Lock()
		defer q.mu.Unlock()
		q.notEmpty.Signal()
	})
	defer stop()
	q.notEmpty.Wait()
}
