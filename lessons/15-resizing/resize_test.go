package resizing

import (
	"context"
	"errors"
	"slices"
	"testing"
	"testing/synctest"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/commands"
	"github.com/pckit/pckit/queue"
	"github.com/pckit/pckit/spec"
)

// TestSpec runs spec's gopter state machine against the queue: random
// sequences of every call, Resize included, each response checked against
// the sequential specification, in which Resize changes the capacity and
// nothing else. The seed is fixed, so every run checks the same sequences.
func TestSpec(t *testing.T) {
	params := gopter.DefaultTestParametersWithSeed(15)
	params.MinSuccessfulTests = 300
	props := gopter.NewProperties(params)
	props.Property("the queue follows spec.FIFO(2)", commands.Prop(spec.Commands(spec.FIFO(2),
		func(capacity int) spec.Queue {
			q, err := New(capacity)
			if err != nil {
				t.Fatal(err)
			}
			return q
		})))
	props.TestingRun(t)
}

// TestShrinkKeepsItems fills a queue of capacity 4, shrinks it to 2, and
// drains it: all 4 items must come out, in order. Meanwhile the queue is
// full: TryPush returns queue.ErrFull.
func TestShrinkKeepsItems(t *testing.T) {
	q, err := New(4)
	if err != nil {
		t.Fatal(err)
	}
	for v := 1; v <= 4; v++ {
		if err := q.TryPush(v); err != nil {
			t.Fatal(err)
		}
	}
	if err := q.Resize(2); err != nil {
		t.Fatal(err)
	}
	if n, c := q.Len(), q.Cap(); n != 4 || c != 2 {
		t.Errorf("after Resize(2): Len = %d, Cap = %d; want 4, 2", n, c)
	}
	if err := q.TryPush(99); !errors.Is(err, queue.ErrFull) {
		t.Errorf("TryPush with Len 4, Cap 2 = %v, want queue.ErrFull", err)
	}
	var got []int
	for {
		v, err := q.TryPop()
		if err != nil {
			break
		}
		got = append(got, v)
	}
	if want := []int{1, 2, 3, 4}; !slices.Equal(got, want) {
		t.Fatalf("lost items: pushed %v, shrank to 2, popped %v", want, got)
	}
}

// TestGrowWakesPusher blocks a Push on a full queue of capacity 1, with
// context.Background() so that no deadline can rescue it, then grows the
// queue to 2. In a synctest bubble, once every goroutine is blocked again,
// the Push must have returned.
func TestGrowWakesPusher(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q, err := New(1)
		if err != nil {
			t.Fatal(err)
		}
		if err := q.TryPush(1); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- q.Push(context.Background(), 2) }()
		synctest.Wait() // the Push is waiting for room
		if err := q.Resize(2); err != nil {
			t.Fatal(err)
		}
		synctest.Wait()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("Push after Resize(2) = %v, want nil", err)
			}
		default:
			t.Error("Resize(2) made room, but the waiting Push is still blocked")
			if _, err := q.Pop(t.Context()); err != nil { // free the pusher
				t.Fatal(err)
			}
			<-done
		}
	})
}
