//go:build !broken

package statemachine

import (
	"context"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/commands"
	"github.com/pckit/pckit/queue"
	"github.com/pckit/pckit/spec"
)

// loopBatch is pckit's queue with lesson 21's bug: PopBatch is a loop of
// single pops, so another goroutine can pop in the middle of a batch.
type loopBatch struct{ *queue.Queue[int] }

func (q loopBatch) PopBatch(ctx context.Context, dst []int) (int, error) {
	if len(dst) == 0 {
		return q.Queue.PopBatch(ctx, dst)
	}
	v, err := q.Pop(ctx)
	if err != nil {
		return 0, err
	}
	dst[0] = v
	n := 1
	for ; n < len(dst); n++ {
		if dst[n], err = q.TryPop(); err != nil {
			break
		}
	}
	return n, nil
}

// TestSequentialMachineMissesNonAtomicBatch runs the same state machine as
// TestQueueStateMachine on a queue whose PopBatch is not atomic, and asserts
// that it passes: on one goroutine nothing can run between the pops of a
// batch, so a sequential state machine cannot see the bug that porcupine
// catches in lesson 21.
func TestSequentialMachineMissesNonAtomicBatch(t *testing.T) {
	params := gopter.DefaultTestParametersWithSeed(22)
	params.MinSuccessfulTests = 200
	params.MaxSize = 40
	props := gopter.NewProperties(params)
	props.Property("loopBatch behaves as spec.FIFO(2)", commands.Prop(spec.Commands(spec.FIFO(2), func(capacity int) spec.Queue {
		q, err := queue.New[int](capacity)
		if err != nil {
			t.Fatal(err)
		}
		return loopBatch{q}
	})))
	if !props.Run(gopter.ConsoleReporter(false)) {
		t.Fatal("the sequential state machine failed a queue whose only flaw is a non-atomic PopBatch; the README says it cannot see that flaw")
	}
}
