//go:build broken

package linearizable

import "context"

// PopBatch removes up to len(dst) items from the head of the queue and
// stores them in dst, waiting while the queue is empty.
//
// BROKEN: it is a loop of single pops. Each Pop and TryPop holds the
// queue's lock, so every call is "thread-safe", but the lock is released
// between them: another consumer can pop in the middle of the batch, and
// the batch returns items that were never the queue's head items together.
func (q *Queue) PopBatch(ctx context.Context, dst []int) (int, error) {
	if len(dst) == 0 {
		return 0, nil
	}
	v, err := q.Queue.Pop(ctx)
	if err != nil {
		return 0, err
	}
	dst[0] = v
	n := 1
	for n < len(dst) {
		q.yield()
		v, err := q.Queue.TryPop()
		if err != nil {
			break
		}
		dst[n] = v
		n++
	}
	return n, nil
}
