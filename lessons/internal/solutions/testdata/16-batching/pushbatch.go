package exercise

import "context"

// PushBatch adds a prefix of vs to q as one step, waiting while q is full,
// and returns how many items it added. It is q.PushBatch: one step, under
// the queue's lock, so no other push lands inside the batch.
func PushBatch(ctx context.Context, q Sink, vs []int) (int, error) {
	return q.PushBatch(ctx, vs)
}
