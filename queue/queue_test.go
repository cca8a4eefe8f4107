package queue_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/pckit/pckit/queue"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// Tests whose calls could wait forever on a broken queue run in a synctest
// bubble: a call left blocked there is a deadlock, reported at once with
// the blocked goroutines' stacks, instead of a hang until go test's
// timeout.

func mustNew[T any](t *testing.T, capacity int) *queue.Queue[T] {
	t.Helper()
	q, err := queue.New[T](capacity)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func wantErr(t *testing.T, got, want error) {
	t.Helper()
	if !errors.Is(got, want) {
		t.Fatalf("err = %v, want %v", got, want)
	}
}

func TestNewRejectsCapacityBelowOne(t *testing.T) {
	for _, c := range []int{0, -1} {
		if _, err := queue.New[int](c); !errors.Is(err, queue.ErrCapacity) {
			t.Errorf("New(%d) err = %v, want ErrCapacity", c, err)
		}
		if _, err := queue.NewPriority(c, func(a, b int) bool { return a < b }); !errors.Is(err, queue.ErrCapacity) {
			t.Errorf("NewPriority(%d) err = %v, want ErrCapacity", c, err)
		}
	}
	if _, err := queue.NewPriority[int](1, nil); err == nil {
		t.Error("NewPriority with a nil less: no error")
	}
}

func TestFIFOOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := mustNew[int](t, 6) // 10 items through 6 slots: the ring wraps around
		ctx := t.Context()
		var got []int
		for i := range 10 {
			if err := q.Push(ctx, i); err != nil {
				t.Fatal(err)
			}
			if i%2 == 1 { // one pop per two pushes: Len peaks at 6
				v, _ := q.Pop(ctx)
				got = append(got, v)
			}
		}
		for q.Len() > 0 {
			v, _ := q.TryPop()
			got = append(got, v)
		}
		if want := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}; !slices.Equal(got, want) {
			t.Fatalf("order %v, want %v", got, want)
		}
	})
}

func TestTryOps(t *testing.T) {
	q := mustNew[string](t, 1)
	if _, err := q.TryPop(); !errors.Is(err, queue.ErrEmpty) {
		t.Fatalf("TryPop on empty: %v, want ErrEmpty", err)
	}
	if err := q.TryPush("a"); err != nil {
		t.Fatal(err)
	}
	wantErr(t, q.TryPush("b"), queue.ErrFull)
	q.Close()
	wantErr(t, q.TryPush("c"), queue.ErrClosed) // closed beats full
	if v, err := q.TryPop(); err != nil || v != "a" {
		t.Fatalf("TryPop after Close = %q, %v; want the queued item", v, err)
	}
	_, err := q.TryPop()
	wantErr(t, err, queue.ErrClosed) // closed beats empty
}

func TestZeroValuesAreItems(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := mustNew[*int](t, 2)
		ctx := t.Context()
		if err := q.Push(ctx, nil); err != nil {
			t.Fatal(err)
		}
		if q.Len() != 1 {
			t.Fatalf("Len = %d after pushing nil, want 1", q.Len())
		}
		v, err := q.Pop(ctx)
		if err != nil || v != nil {
			t.Fatalf("Pop = %v, %v; want nil, nil", v, err)
		}
	})
}

// An op that need not wait succeeds even with a done context.
func TestDoneContextDoesNotStopAnOpThatNeedNotWait(t *testing.T) {
	q := mustNew[int](t, 1)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := q.Push(ctx, 7); err != nil {
		t.Fatalf("Push with room and a done ctx: %v", err)
	}
	wantErr(t, q.Push(ctx, 8), context.Canceled) // would wait: leaves
	if v, err := q.Pop(ctx); err != nil || v != 7 {
		t.Fatalf("Pop with an item and a done ctx = %d, %v", v, err)
	}
	_, err := q.Pop(ctx)
	wantErr(t, err, context.Canceled)
	s := q.Stats()
	if s.Pushed != 1 || s.Popped != 1 || s.Len != 0 {
		t.Fatalf("cancelled ops changed the queue: %+v", s)
	}
	if s.BlockedPushes != 0 || s.BlockedPops != 0 || s.Rejected != 1 {
		t.Fatalf("no call waited, one push was rejected; Stats = %+v", s)
	}
}

func TestPushBlocksUntilPop(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := mustNew[int](t, 1)
		ctx := context.Background()
		_ = q.Push(ctx, 1)
		done := make(chan error)
		go func() { done <- q.Push(ctx, 2) }()
		synctest.Wait()
		select {
		case err := <-done:
			t.Fatalf("Push on a full queue returned %v without waiting", err)
		default:
		}
		if v, _ := q.Pop(ctx); v != 1 {
			t.Fatalf("Pop = %d, want 1", v)
		}
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		if v, _ := q.Pop(ctx); v != 2 {
			t.Fatalf("Pop = %d, want 2", v)
		}
	})
}

func TestDeadline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := mustNew[int](t, 1)
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		start := time.Now()
		_, err := q.Pop(ctx)
		wantErr(t, err, context.DeadlineExceeded)
		if waited := time.Since(start); waited != time.Second {
			t.Fatalf("Pop waited %v of fake time, want exactly the 1s deadline", waited)
		}
		_ = q.Push(ctx, 1)
		ctx2, cancel2 := context.WithTimeout(context.Background(), time.Second)
		defer cancel2()
		wantErr(t, q.Push(ctx2, 2), context.DeadlineExceeded)
		if q.Len() != 1 {
			t.Fatalf("a timed-out Push enqueued: Len = %d", q.Len())
		}
	})
}

// Close wakes every blocked caller. The waiters use context.Background(), so
// nothing but Close can wake them.
func TestCloseWakesEveryWaiter(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		empty := mustNew[int](t, 1)
		full := mustNew[int](t, 1)
		_ = full.Push(context.Background(), 0)
		errs := make(chan error, 6)
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(func() {
				_, err := empty.Pop(context.Background())
				errs <- err
			})
			wg.Go(func() { errs <- full.Push(context.Background(), 1) })
		}
		synctest.Wait() // all six are blocked
		empty.Close()
		full.Close()
		wg.Wait()
		close(errs)
		for err := range errs {
			wantErr(t, err, queue.ErrClosed)
		}
		if full.Len() != 1 {
			t.Fatalf("a Push woken by Close enqueued: Len = %d", full.Len())
		}
	})
}

func TestCloseIsGracefulAndIdempotent(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := mustNew[int](t, 3)
		ctx := t.Context()
		_ = q.Push(ctx, 1)
		_ = q.Push(ctx, 2)
		q.Close()
		q.Close()
		if !q.Closed() {
			t.Fatal("Closed() = false after Close")
		}
		wantErr(t, q.Push(ctx, 3), queue.ErrClosed)
		for _, want := range []int{1, 2} {
			if v, err := q.Pop(ctx); err != nil || v != want {
				t.Fatalf("Pop = %d, %v; want %d", v, err, want)
			}
		}
		_, err := q.Pop(ctx)
		wantErr(t, err, queue.ErrClosed)
	})
}

// lateCtx is a context whose Err turns non-nil while its Done channel stays
// open, so its AfterFunc never runs. It stands for the window, in a real
// context, between wait's stop() (the AfterFunc disarmed) and the loop's
// next ctx.Err() check: no Broadcast comes to rescue anyone.
type lateCtx struct {
	context.Context
	done  chan struct{}
	ended atomic.Bool
}

func (c *lateCtx) Done() <-chan struct{} { return c.done }

func (c *lateCtx) Err() error {
	if c.ended.Load() {
		return context.Canceled
	}
	return nil
}

// A waiter that leaves through its context must not swallow a wake-up meant
// for another. P1 and P2 wait on a full queue, P1 first. P1's context ends
// (with no Broadcast), then a Pop frees the slot and Signals P1, the longest
// waiter. P1 must take the slot: the predicate is checked before the
// context. Checking the context first (tla/QueueLostWakeup.cfg) leaves with
// the wake-up while P2, on context.Background(), sleeps beside a free slot.
func TestCancelledWaiterDoesNotSwallowWakeUp(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := mustNew[int](t, 1)
		bg := context.Background()
		_ = q.Push(bg, 0)
		ctx1 := &lateCtx{Context: bg, done: make(chan struct{})}
		var wg sync.WaitGroup
		wg.Go(func() { _ = q.Push(ctx1, 1) })
		synctest.Wait()
		wg.Go(func() { _ = q.Push(bg, 2) })
		synctest.Wait() // P1, then P2, on notFull's notify list
		ctx1.ended.Store(true)
		_, _ = q.Pop(bg) // Signals P1
		synctest.Wait()
		if q.Len() != 1 {
			t.Errorf("slot freed, nobody pushed: Len = %d (a wake-up was swallowed)", q.Len())
		}
		q.Close() // release whichever pusher still waits
		wg.Wait()
	})
}

func TestPushBatch(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := mustNew[int](t, 4)
		ctx := t.Context()
		n, err := q.PushBatch(ctx, []int{1, 2, 3, 4, 5, 6})
		if err != nil || n != 4 {
			t.Fatalf("PushBatch = %d, %v; want the 4 that fit", n, err)
		}
		dst := make([]int, 3)
		n, err = q.PopBatch(ctx, dst)
		if err != nil || !slices.Equal(dst[:n], []int{1, 2, 3}) {
			t.Fatalf("PopBatch = %v, %v", dst[:n], err)
		}
		n, _ = q.PopBatch(ctx, make([]int, 10))
		if n != 1 {
			t.Fatalf("PopBatch took %d, want the 1 left", n)
		}
		if n, err := q.PushBatch(ctx, nil); n != 0 || err != nil {
			t.Fatalf("empty PushBatch = %d, %v", n, err)
		}
		q.Close()
		if n, err := q.PushBatch(ctx, []int{1}); n != 0 || !errors.Is(err, queue.ErrClosed) {
			t.Fatalf("PushBatch after Close = %d, %v", n, err)
		}
		if n, err := q.PopBatch(ctx, dst); n != 0 || !errors.Is(err, queue.ErrClosed) {
			t.Fatalf("PopBatch on closed, drained = %d, %v", n, err)
		}
	})
}

// A batch of n items wakes up to n waiting poppers, not just one.
func TestPushBatchWakesEnoughPoppers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := mustNew[int](t, 4)
		got := make(chan int, 3)
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(func() {
				v, err := q.Pop(context.Background())
				if err == nil {
					got <- v
				}
			})
		}
		synctest.Wait()
		_, _ = q.PushBatch(context.Background(), []int{1, 2, 3})
		synctest.Wait()
		if len(got) != 3 {
			t.Fatalf("%d of 3 poppers got an item; the rest sleep beside queued items", len(got))
		}
		q.Close()
		wg.Wait()
	})
}

// A batch pop of n items wakes up to n waiting pushers, not just one.
func TestPopBatchWakesEnoughPushers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := mustNew[int](t, 3)
		ctx := context.Background()
		_, _ = q.PushBatch(ctx, []int{1, 2, 3})
		var pushed atomic.Int32
		var wg sync.WaitGroup
		for i := range 3 {
			wg.Go(func() {
				if q.Push(ctx, 10+i) == nil {
					pushed.Add(1)
				}
			})
		}
		synctest.Wait()
		if n, err := q.PopBatch(ctx, make([]int, 3)); n != 3 || err != nil {
			t.Fatalf("PopBatch = %d, %v", n, err)
		}
		synctest.Wait()
		if got := pushed.Load(); got != 3 {
			t.Errorf("%d of 3 pushers got a slot; the rest sleep beside free slots", got)
		}
		q.Close()
		wg.Wait()
	})
}

func TestPriority(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		type job struct {
			prio int
			name string
		}
		q, err := queue.NewPriority(8, func(a, b job) bool { return a.prio < b.prio })
		if err != nil {
			t.Fatal(err)
		}
		ctx := t.Context()
		for _, j := range []job{{3, "c"}, {1, "a1"}, {2, "b"}, {1, "a2"}, {0, "z"}, {1, "a3"}} {
			_ = q.Push(ctx, j)
		}
		var got []string
		dst := make([]job, 2)
		n, _ := q.PopBatch(ctx, dst)
		for _, j := range dst[:n] {
			got = append(got, j.name)
		}
		for q.Len() > 0 {
			j, _ := q.Pop(ctx)
			got = append(got, j.name)
		}
		if want := []string{"z", "a1", "a2", "a3", "b", "c"}; !slices.Equal(got, want) {
			t.Fatalf("order %v, want %v (least first, equal ones in arrival order)", got, want)
		}
	})
}

func TestResize(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		q := mustNew[int](t, 2)
		_ = q.Push(ctx, 1)
		_ = q.Push(ctx, 2)
		var wg sync.WaitGroup
		wg.Go(func() { _ = q.Push(ctx, 3) })
		wg.Go(func() { _ = q.Push(ctx, 4) })
		synctest.Wait()
		if err := q.Resize(4); err != nil { // growing wakes both waiting pushers
			t.Fatal(err)
		}
		wg.Wait()
		if err := q.Resize(1); err != nil { // shrinking keeps all four
			t.Fatal(err)
		}
		if q.Len() != 4 || q.Cap() != 1 {
			t.Fatalf("Len, Cap = %d, %d; want 4, 1", q.Len(), q.Cap())
		}
		wantErr(t, q.TryPush(5), queue.ErrFull)
		var got []int
		for q.Len() > 0 {
			v, _ := q.Pop(ctx)
			got = append(got, v)
		}
		if len(got) != 4 || got[0] != 1 || got[1] != 2 {
			t.Fatalf("after shrinking, drained %v; want 1, 2 and both of 3, 4", got)
		}
		if err := q.TryPush(5); err != nil {
			t.Fatalf("TryPush once below the new capacity: %v", err)
		}
		wantErr(t, q.Resize(0), queue.ErrCapacity)
	})
}

func TestStats(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		q := mustNew[int](t, 2)
		_ = q.Push(ctx, 1)
		_ = q.Push(ctx, 2)
		_ = q.TryPush(3) // rejected: full
		var wg sync.WaitGroup
		wg.Go(func() { _ = q.Push(ctx, 4) }) // blocks 2s
		synctest.Wait()
		time.Sleep(2 * time.Second)
		_, _ = q.Pop(ctx)
		wg.Wait()
		_, _ = q.PopBatch(ctx, make([]int, 5))
		wg.Go(func() { _, _ = q.Pop(ctx) }) // blocks until Close, 1s later
		synctest.Wait()
		time.Sleep(time.Second)
		q.Close()
		wg.Wait()
		got := q.Stats()
		want := queue.Stats{
			Len: 0, Cap: 2, HighWater: 2,
			Pushed: 3, Popped: 3, Rejected: 1,
			BlockedPushes: 1, BlockedPops: 1,
			PushWait: 2 * time.Second, PopWait: time.Second,
		}
		if got != want {
			t.Fatalf("Stats = %+v\nwant    %+v", got, want)
		}
	})
}

func TestNonBlockingPathDoesNotAllocate(t *testing.T) {
	q := mustNew[int](t, 64)
	ctx := t.Context()
	buf := make([]int, 16)
	allocs := testing.AllocsPerRun(1000, func() {
		_ = q.Push(ctx, 1)
		_, _ = q.Pop(ctx)
		_ = q.TryPush(2)
		_, _ = q.TryPop()
		_, _ = q.PushBatch(ctx, buf)
		_, _ = q.PopBatch(ctx, buf)
	})
	if allocs != 0 {
		t.Fatalf("%v allocations per run on the non-blocking path, want 0", allocs)
	}
}
