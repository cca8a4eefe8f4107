package eventctx

import (
	"context"
	"slices"
	"testing"
	"testing/synctest"
	"time"

	"github.com/pckit/pckit/queue"
)

// TestProduce runs the producer for 35ms with a 10ms delay, in a synctest
// bubble, where time is fake and moves only when every goroutine in the
// bubble is blocked. The queue is passed in, made by the test, so the test
// can see what was pushed. Items are made at 10, 20 and 30ms: exactly three
// must be pushed, and Produce must return at 35ms exactly, not at the end
// of the next delay.
func TestProduce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q, err := queue.New[int](10)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		n := Produce(context.Background(), q, 10*time.Millisecond, 35*time.Millisecond)
		// "%d ms", not "%v": the lesson's output normalizer blanks durations.
		if took := time.Since(start); took != 35*time.Millisecond {
			t.Errorf("Produce returned after %d ms of fake time, want 35 ms", took.Milliseconds())
		}
		if got := drain(q); n != 3 || !slices.Equal(got, []int{1, 2, 3}) {
			t.Errorf("Produce = %d and queued %v, want 3 and [1 2 3]", n, got)
		}
	})
}

// TestCancel cancels the producer's context from another goroutine at 25ms
// (time.AfterFunc runs cancel in a goroutine of its own), long before its
// run time of one second is over: it must return at 25ms, with two items
// pushed.
func TestCancel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q, err := queue.New[int](128)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		time.AfterFunc(25*time.Millisecond, cancel) // the guide's stop_event.set()
		start := time.Now()
		n := Produce(ctx, q, 10*time.Millisecond, time.Second)
		if took := time.Since(start); took != 25*time.Millisecond {
			t.Errorf("Produce returned after %d ms of fake time, want 25 ms", took.Milliseconds())
		}
		if got := drain(q); n != 2 || !slices.Equal(got, []int{1, 2}) {
			t.Errorf("Produce = %d and queued %v, want 2 and [1 2]", n, got)
		}
	})
}

// TestFullQueue gives the producer a queue with room for one item, which
// nobody pops: the second Push blocks at 20ms. It must give up when the run
// time is over, at 35ms, having pushed one item.
func TestFullQueue(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q, err := queue.New[int](1)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		n := Produce(context.Background(), q, 10*time.Millisecond, 35*time.Millisecond)
		if took := time.Since(start); took != 35*time.Millisecond {
			t.Errorf("Produce returned after %d ms of fake time, want 35 ms", took.Milliseconds())
		}
		if got := drain(q); n != 1 || !slices.Equal(got, []int{1}) {
			t.Errorf("Produce = %d and queued %v, want 1 and [1]", n, got)
		}
	})
}

// drain pops every item queued in q.
func drain(q *queue.Queue[int]) []int {
	var got []int
	for {
		v, err := q.TryPop()
		if err != nil {
			return got
		}
		got = append(got, v)
	}
}
