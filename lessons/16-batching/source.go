// Package batching is lesson 16: taking many items at once. A PopBatch
// written as a loop of single pops is not one step: another consumer's pop
// can land between its pops, and its batch is no longer a run of
// consecutive items. pckit's Queue.PopBatch takes the whole batch under one
// lock.
package batching

import "context"

// Source is the part of a queue that PopBatch uses; *queue.Queue[int] is
// one.
type Source interface {
	Pop(ctx context.Context) (int, error)
	TryPop() (int, error)
	PopBatch(ctx context.Context, dst []int) (int, error)
}
