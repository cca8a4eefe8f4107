//go:build broken

package batching

import "context"

// PopBatch removes up to len(dst) items from the head of q into dst and
// returns how many, waiting while q is empty.
//
// BROKEN: it is a loop of single pops, each its own step. Between two of
// them another consumer can pop, so the batch need not be a run of
// consecutive items, and no single instant of the queue's history matches
// what it returns.
func PopBatch(ctx context.Context, q Source, dst []int) (int, error) {
	if len(dst) == 0 {
		return 0, nil
	}
	v, err := q.Pop(ctx) // wait for the first item
	if err != nil {
		return 0, err
	}
	dst[0] = v
	n := 1
	for n < len(dst) {
		v, err := q.TryPop() // then take what is there, one at a time
		if err != nil {
			break
		}
		dst[n] = v
		n++
	}
	return n, nil
}
