// Package exercise is lesson 16's exercise: the batch on the producers'
// side. A PushBatch must be one step too.
package exercise

import "context"

// Sink is the part of a queue that PushBatch uses; *queue.Queue[int] is
// one.
type Sink interface {
	Push(ctx context.Context, v int) error
	TryPush(v int) error
	PushBatch(ctx context.Context, vs []int) (int, error)
}
