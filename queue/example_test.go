package queue_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/pckit/pckit/queue"
)

// A producer and a consumer share a queue of capacity 2. The producer closes
// the queue when it is done; the consumer drains it and stops at ErrClosed.
func Example() {
	q, err := queue.New[string](2)
	if err != nil {
		panic(err)
	}
	ctx := context.Background()
	var wg sync.WaitGroup
	wg.Go(func() {
		defer q.Close()
		for _, v := range []string{"a", "b", "c", "d"} {
			if err := q.Push(ctx, v); err != nil {
				return
			}
		}
	})
	for {
		v, err := q.Pop(ctx)
		if errors.Is(err, queue.ErrClosed) {
			break
		}
		fmt.Println(v)
	}
	wg.Wait()
	// Output:
	// a
	// b
	// c
	// d
}

// A timeout is a context: Pop on an empty queue gives up when it ends.
func ExampleQueue_Pop_timeout() {
	q, _ := queue.New[int](1)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	_, err := q.Pop(ctx)
	fmt.Println(errors.Is(err, context.DeadlineExceeded))
	// Output: true
}

// TryPush and TryPop never wait; closed beats full and empty.
func ExampleQueue_TryPush() {
	q, _ := queue.New[int](1)
	fmt.Println(q.TryPush(1))
	fmt.Println(q.TryPush(2))
	q.Close()
	fmt.Println(q.TryPush(3))
	// Output:
	// <nil>
	// queue: full
	// queue: closed
}

// PushBatch adds what fits as one step and says how much; PopBatch fills
// its buffer the way io.Reader.Read does.
func ExampleQueue_PushBatch() {
	q, _ := queue.New[int](3)
	ctx := context.Background()
	n, err := q.PushBatch(ctx, []int{1, 2, 3, 4, 5})
	fmt.Println(n, err)
	buf := make([]int, 2)
	n, err = q.PopBatch(ctx, buf)
	fmt.Println(buf[:n], err)
	// Output:
	// 3 <nil>
	// [1 2] <nil>
}

// A priority queue pops the least item first; equal items keep their order.
func ExampleNewPriority() {
	type task struct {
		prio int
		name string
	}
	q, _ := queue.NewPriority(4, func(a, b task) bool { return a.prio < b.prio })
	ctx := context.Background()
	for _, t := range []task{{2, "write"}, {1, "read"}, {2, "sync"}, {0, "urgent"}} {
		_ = q.Push(ctx, t)
	}
	for q.Len() > 0 {
		t, _ := q.Pop(ctx)
		fmt.Println(t.prio, t.name)
	}
	// Output:
	// 0 urgent
	// 1 read
	// 2 write
	// 2 sync
}

// Shrinking below Len keeps every item; pushes wait until consumers catch up.
func ExampleQueue_Resize() {
	q, _ := queue.New[int](4)
	ctx := context.Background()
	_, _ = q.PushBatch(ctx, []int{1, 2, 3})
	_ = q.Resize(1)
	fmt.Println(q.Len(), q.Cap(), q.TryPush(4))
	// Output: 3 1 queue: full
}

// Stats is one consistent snapshot: Pushed - Popped == Len.
func ExampleQueue_Stats() {
	q, _ := queue.New[int](2)
	ctx := context.Background()
	_ = q.Push(ctx, 1)
	_ = q.Push(ctx, 2)
	_ = q.TryPush(3)
	_, _ = q.Pop(ctx)
	s := q.Stats()
	fmt.Printf("len=%d pushed=%d popped=%d rejected=%d high-water=%d\n",
		s.Len, s.Pushed, s.Popped, s.Rejected, s.HighWater)
	// Output: len=1 pushed=2 popped=1 rejected=1 high-water=2
}
