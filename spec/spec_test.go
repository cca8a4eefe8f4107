package spec_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/pckit/pckit/queue"
	"github.com/pckit/pckit/spec"
)

// TestApply pins the specification's edge cases, call by call, from a new
// queue of capacity 2.
func TestApply(t *testing.T) {
	steps := []struct {
		in    spec.Input
		out   string
		state string
	}{
		{spec.Input{Op: spec.TryPop}, "tryPop() → empty", "[] cap 2"},
		{spec.Input{Op: spec.Pop}, "pop() → cancelled", "[] cap 2"},
		{spec.Input{Op: spec.PopBatch, Value: 3}, "popBatch(3) → cancelled", "[] cap 2"},
		{spec.Input{Op: spec.PopBatch}, "popBatch(0) → []", "[] cap 2"},
		{spec.Input{Op: spec.PushBatch}, "pushBatch([]) → 0", "[] cap 2"},
		{spec.Input{Op: spec.Push, Value: 0}, "push(0) → ok", "[0] cap 2"},
		{spec.Input{Op: spec.PushBatch, Values: []int{7, 8, 9}}, "pushBatch([7 8 9]) → 1", "[0 7] cap 2"},
		{spec.Input{Op: spec.TryPush, Value: 5}, "tryPush(5) → full", "[0 7] cap 2"},
		{spec.Input{Op: spec.Push, Value: 5}, "push(5) → cancelled", "[0 7] cap 2"},
		{spec.Input{Op: spec.PushBatch, Values: []int{5}}, "pushBatch([5]) → cancelled", "[0 7] cap 2"},
		{spec.Input{Op: spec.Resize, Value: 0}, "resize(0) → bad capacity", "[0 7] cap 2"},
		{spec.Input{Op: spec.Resize, Value: 1}, "resize(1) → ok", "[0 7] cap 1"},
		{spec.Input{Op: spec.Len}, "len() → 2", "[0 7] cap 1"},
		{spec.Input{Op: spec.Cap}, "cap() → 1", "[0 7] cap 1"},
		{spec.Input{Op: spec.Pop}, "pop() → 0", "[7] cap 1"},
		{spec.Input{Op: spec.TryPush, Value: 5}, "tryPush(5) → full", "[7] cap 1"},
		{spec.Input{Op: spec.Resize, Value: 3}, "resize(3) → ok", "[7] cap 3"},
		{spec.Input{Op: spec.PushBatch, Values: []int{1, 2, 3}}, "pushBatch([1 2 3]) → 2", "[7 1 2] cap 3"},
		{spec.Input{Op: spec.Closed}, "closed() → false", "[7 1 2] cap 3"},
		{spec.Input{Op: spec.Close}, "close()", "[7 1 2] cap 3 closed"},
		{spec.Input{Op: spec.Close}, "close()", "[7 1 2] cap 3 closed"},
		{spec.Input{Op: spec.Closed}, "closed() → true", "[7 1 2] cap 3 closed"},
		{spec.Input{Op: spec.TryPush, Value: 5}, "tryPush(5) → closed", "[7 1 2] cap 3 closed"},
		{spec.Input{Op: spec.PushBatch}, "pushBatch([]) → closed", "[7 1 2] cap 3 closed"},
		{spec.Input{Op: spec.PopBatch}, "popBatch(0) → []", "[7 1 2] cap 3 closed"},
		{spec.Input{Op: spec.PopBatch, Value: 2}, "popBatch(2) → [7 1]", "[2] cap 3 closed"},
		{spec.Input{Op: spec.TryPop}, "tryPop() → 2", "[] cap 3 closed"},
		{spec.Input{Op: spec.Pop}, "pop() → closed", "[] cap 3 closed"},
		{spec.Input{Op: spec.PopBatch}, "popBatch(0) → closed", "[] cap 3 closed"},
		{spec.Input{Op: spec.TryPop}, "tryPop() → closed", "[] cap 3 closed"},
		{spec.Input{Op: spec.Push, Value: 1}, "push(1) → closed", "[] cap 3 closed"},
	}
	sp := spec.FIFO(2)
	s := sp.Init()
	for i, st := range steps {
		out, next := sp.Apply(s, st.in)
		if got := spec.DescribeOperation(st.in, out); got != st.out || next.String() != st.state {
			t.Fatalf("step %d from %v: got %q, state %v; want %q, state %v", i, s, got, next, st.out, st.state)
		}
		if ok, _ := sp.Step(s, st.in, out); !ok {
			t.Fatalf("step %d: Step rejects Apply's own output", i)
		}
		s = next
	}
}

// TestStepRejects: any response but Apply's is illegal, including a
// cancellation of a call that need not wait and a wrong item.
func TestStepRejects(t *testing.T) {
	sp := spec.FIFO(2)
	_, s := sp.Apply(sp.Init(), spec.Input{Op: spec.Push, Value: 1})
	for _, c := range []struct {
		in  spec.Input
		out spec.Output
	}{
		{spec.Input{Op: spec.Push, Value: 2}, spec.Output{Outcome: spec.Cancelled}}, // room: cannot be cancelled
		{spec.Input{Op: spec.Pop}, spec.Output{Outcome: spec.Cancelled}},            // an item: cannot be cancelled
		{spec.Input{Op: spec.Pop}, spec.Output{Value: 2}},
		{spec.Input{Op: spec.TryPop}, spec.Output{Outcome: spec.Empty}},
		{spec.Input{Op: spec.PopBatch, Value: 2}, spec.Output{Value: 1, Values: []int{2}}},
		{spec.Input{Op: spec.PushBatch, Values: []int{2, 3}}, spec.Output{Value: 2}},
		{spec.Input{Op: spec.Len}, spec.Output{Value: 0}},
		{spec.Input{Op: spec.Push, Value: 2}, spec.Output{Outcome: spec.Unexpected, Err: "boom"}},
	} {
		if ok, _ := sp.Step(s, c.in, c.out); ok {
			t.Errorf("Step accepts %s in %v", spec.DescribeOperation(c.in, c.out), s)
		}
	}
}

// TestPriorityApply: the least item first, equal items in arrival order.
func TestPriorityApply(t *testing.T) {
	sp := spec.Priority(8, func(a, b int) bool { return a%10 < b%10 })
	s := sp.Init()
	for _, v := range []int{13, 21, 3, 11, 20} {
		_, s = sp.Apply(s, spec.Input{Op: spec.Push, Value: v})
	}
	if got := fmt.Sprint(s.Items()); got != "[20 21 11 13 3]" {
		t.Fatalf("items %s, want [20 21 11 13 3]", got)
	}
}

func TestOutcomeOf(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 0)
	defer cancel()
	<-ctx.Done()
	for err, want := range map[error]spec.Outcome{
		nil:            spec.OK,
		queue.ErrFull:  spec.Full,
		queue.ErrEmpty: spec.Empty,
		fmt.Errorf("wrapped: %w", queue.ErrClosed): spec.ClosedErr,
		context.Canceled:    spec.Cancelled,
		ctx.Err():           spec.Cancelled,
		queue.ErrCapacity:   spec.BadCapacity,
		errors.New("other"): spec.Unexpected,
	} {
		if got := spec.OutcomeOf(err); got != want {
			t.Errorf("OutcomeOf(%v) = %v, want %v", err, got, want)
		}
	}
}
