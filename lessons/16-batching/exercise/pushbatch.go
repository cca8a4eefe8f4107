package exercise

import "context"

// PushBatch adds a prefix of vs to q as one step, waiting while q is full,
// and returns how many items it added: the contract of pckit's
// Queue.PushBatch.
//
// Written as a loop of single pushes: another producer's push can land
// between two of them, inside the batch.
func PushBatch(ctx context.Context, q Sink, vs []int) (int, error) {
	if len(vs) == 0 {
		return 0, nil
	}
	if err := q.Push(ctx, vs[0]); err != nil { // wait for room for the first
		return 0, err
	}
	n := 1
	for n < len(vs) {
		if err := q.TryPush(vs[n]); err != nil { // then add what fits, one at a time
			break
		}
		n++
	}
	return n, nil
}
