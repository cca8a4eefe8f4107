package leaks

import (
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/pckit/pckit/queue"
	"go.uber.org/goleak"
)

// TestConsume queues three items and runs two consumers until the third
// item is handled. Every item must be handled once, and when Consume returns
// no goroutine of it may be left: goleak fails the test otherwise, naming
// each leaked goroutine's state and stack.
func TestConsume(t *testing.T) {
	defer goleak.VerifyNone(t)

	q, err := queue.New[int](3)
	if err != nil {
		t.Fatal(err)
	}
	for v := 1; v <= 3; v++ {
		if err := q.TryPush(v); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var (
		mu  sync.Mutex
		got []int
	)
	Consume(ctx, q, 2, func(v int) {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, v)
		if len(got) == 3 {
			cancel() // the work is done: stop
		}
	})

	mu.Lock()
	defer mu.Unlock()
	slices.Sort(got)
	if !slices.Equal(got, []int{1, 2, 3}) {
		t.Errorf("handled %v, want [1 2 3]", got)
	}
}
