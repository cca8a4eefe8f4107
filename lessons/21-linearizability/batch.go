//go:build !broken

package linearizable

import "context"

// PopBatch removes up to len(dst) items from the head of the queue and
// stores them in dst, waiting while the queue is empty. It is pckit's
// PopBatch, which takes the whole batch under one hold of the queue's lock:
// other goroutines get at the queue before it starts or after it ends,
// never in the middle.
func (q *Queue) PopBatch(ctx context.Context, dst []int) (int, error) {
	q.yield()
	return q.Queue.PopBatch(ctx, dst)
}
