package generics

import (
	"testing"

	"github.com/pckit/pckit/queue"
)

// Job is a struct item: a Queue[Job] carries whole values, copied in and
// out, with no boxing and no assertion.
type Job struct {
	Name string
	Size int
}

// TestStructAndZeroItems checks that a queue of a struct type returns what
// was pushed, in order, and that zero values and nil pointers are ordinary
// items: a popped Job{} or nil is an item, told apart from "no item" by the
// error, never by the value.
func TestStructAndZeroItems(t *testing.T) {
	jobs, err := queue.New[Job](3)
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range []Job{{"resize", 3}, {}, {"encode", 5}} {
		if err := jobs.Push(t.Context(), j); err != nil {
			t.Fatal(err)
		}
	}
	for _, want := range []Job{{"resize", 3}, {}, {"encode", 5}} {
		got, err := jobs.Pop(t.Context())
		if err != nil || got != want {
			t.Fatalf("Pop = %+v, %v; want %+v, nil", got, err, want)
		}
	}
	if _, err := jobs.TryPop(); err != queue.ErrEmpty {
		t.Fatalf("TryPop on the drained queue: %v, want queue.ErrEmpty", err)
	}

	ptrs, err := queue.New[*Job](2)
	if err != nil {
		t.Fatal(err)
	}
	if err := ptrs.TryPush(nil); err != nil {
		t.Fatalf("TryPush(nil): %v", err)
	}
	if n := ptrs.Len(); n != 1 {
		t.Fatalf("Len after pushing nil = %d, want 1", n)
	}
	if p, err := ptrs.TryPop(); p != nil || err != nil {
		t.Fatalf("TryPop = %v, %v; want nil, nil", p, err)
	}
}
