package spec_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/commands"

	"github.com/pckit/pckit/queue"
	"github.com/pckit/pckit/spec"
)

// Record calls to a queue through per-client handles, then check the
// history against the specification of the queue.
func ExampleRecorder() {
	q, _ := queue.New[int](2)
	r := spec.NewRecorder(q)
	ctx := context.Background()

	producer, consumer := r.Client(0), r.Client(1)
	producer.Push(ctx, 1)
	producer.Push(ctx, 2)
	producer.TryPush(3) // full
	consumer.PopBatch(ctx, make([]int, 4))
	producer.Close()
	consumer.Pop(ctx) // closed and drained

	for _, op := range r.History() {
		fmt.Println(spec.DescribeOperation(op.Input.(spec.Input), op.Output.(spec.Output)))
	}
	fmt.Println(spec.Check(spec.FIFO(2), r.History(), time.Second))
	// Output:
	// push(1) → ok
	// push(2) → ok
	// tryPush(3) → full
	// popBatch(4) → [1 2]
	// close()
	// pop() → closed
	// Ok
}

// A history the queue could not have produced: Check finds it Illegal,
// with the calls that cannot be ordered and why, and CheckHTML writes
// porcupine's visualization of them.
func ExampleCheckHTML() {
	dir, _ := os.MkdirTemp("", "spec")
	defer os.RemoveAll(dir)

	history := []porcupine.Operation{
		{ClientId: 0, Input: spec.Input{Op: spec.Push, Value: 1}, Call: 1, Output: spec.Output{}, Return: 2},
		{ClientId: 0, Input: spec.Input{Op: spec.Push, Value: 2}, Call: 3, Output: spec.Output{}, Return: 4},
		{ClientId: 1, Input: spec.Input{Op: spec.Pop}, Call: 5, Output: spec.Output{Value: 2}, Return: 6},
	}
	path := filepath.Join(dir, "history.html")
	res, err := spec.CheckHTML(path, spec.FIFO(4), history, time.Second)
	_, statErr := os.Stat(path)
	fmt.Println(res)
	fmt.Println(err, statErr == nil)
	// Output:
	// Illegal: 1 was queued ahead of 2 (push(1) returned before push(2) began), yet pop() → 2 returned before any pop of 1 began
	//   client 0  [1, 2]  push(1) → ok
	//   client 0  [3, 4]  push(2) → ok
	//   client 1  [5, 6]  pop() → 2
	// <nil> true
}

// Apply is the specification: the response of one call and the next state.
func ExampleSpec_Apply() {
	sp := spec.FIFO(2)
	s := sp.Init()
	for _, in := range []spec.Input{
		{Op: spec.PushBatch, Values: []int{1, 2, 3}},
		{Op: spec.Push, Value: 4}, // would wait: only its context can end it
		{Op: spec.Close},
		{Op: spec.Pop},
		{Op: spec.PopBatch, Value: 2},
		{Op: spec.TryPop},
	} {
		var out spec.Output
		out, s = sp.Apply(s, in)
		fmt.Printf("%-24s state %v\n", spec.DescribeOperation(in, out), s)
	}
	// Output:
	// pushBatch([1 2 3]) → 2   state [1 2] cap 2
	// push(4) → cancelled      state [1 2] cap 2
	// close()                  state [1 2] cap 2 closed
	// pop() → 1                state [2] cap 2 closed
	// popBatch(2) → [2]        state [] cap 2 closed
	// tryPop() → closed        state [] cap 2 closed
}

// Priority's Apply pops the least item; equal items keep their order.
func ExamplePriority() {
	sp := spec.Priority(4, func(a, b int) bool { return a/10 < b/10 })
	s := sp.Init()
	_, s = sp.Apply(s, spec.Input{Op: spec.PushBatch, Values: []int{31, 12, 30, 15}})
	fmt.Println(s)
	// Output: [12 15 31 30] cap 4
}

// Run the gopter state machine against the queue, with a fixed seed.
func ExampleCommands() {
	params := gopter.DefaultTestParametersWithSeed(1)
	params.MinSuccessfulTests = 20
	res := commands.Prop(spec.Commands(spec.FIFO(3), func(capacity int) spec.Queue {
		q, _ := queue.New[int](capacity)
		return q
	})).Check(params)
	fmt.Println(res.Status, res.Succeeded)
	// Output: PASSED 20
}
