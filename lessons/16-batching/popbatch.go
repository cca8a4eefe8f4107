//go:build !broken

package batching

import "context"

// PopBatch removes up to len(dst) items from the head of q into dst and
// returns how many, waiting while q is empty. It is q.PopBatch: one step,
// under the queue's lock, so the batch is a run of consecutive items.
func PopBatch(ctx context.Context, q Source, dst []int) (int, error) {
	return q.PopBatch(ctx, dst)
}
