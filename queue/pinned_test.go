package queue_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/pckit/pckit/queue"
)

// watchdogTimeout is how long a test waits for a call that a healthy queue
// returns from at once, before it fails naming the call. It is no timed
// assertion: it turns a hang into a failure.
const watchdogTimeout = 10 * time.Second

// Every kind of push that queues nothing counts once in Rejected; pops
// never do.
func TestRejectedCountsEveryRefusedPush(t *testing.T) {
	q := mustNew[int](t, 1)
	ctx := t.Context()
	done, cancel := context.WithCancel(ctx)
	cancel()
	_ = q.TryPush(0)
	steps := []struct {
		name    string
		refused bool // a push that queued nothing
		call    func() error
	}{
		{"TryPush on a full queue", true, func() error { return q.TryPush(1) }},
		{"Push on a full queue, context done", true, func() error { return q.Push(done, 1) }},
		{"PushBatch on a full queue, context done", true, func() error { _, err := q.PushBatch(done, []int{1}); return err }},
		{"Close", false, func() error { q.Close(); return nil }},
		{"TryPush on a closed queue", true, func() error { return q.TryPush(1) }},
		{"Push on a closed queue", true, func() error { return q.Push(ctx, 1) }},
		{"PushBatch on a closed queue", true, func() error { _, err := q.PushBatch(ctx, []int{1}); return err }},
		{"empty PushBatch on a closed queue", true, func() error { _, err := q.PushBatch(ctx, nil); return err }},
		{"Pop", false, func() error { _, err := q.Pop(ctx); return err }},
		{"Pop on a closed, drained queue", false, func() error { _, err := q.Pop(ctx); return err }},
		{"TryPop on a closed, drained queue", false, func() error { _, err := q.TryPop(); return err }},
		{"PopBatch on a closed, drained queue", false, func() error { _, err := q.PopBatch(ctx, make([]int, 1)); return err }},
	}
	var want uint64
	for _, s := range steps {
		err := s.call()
		if s.refused {
			want++
		}
		if got := q.Stats().Rejected; got != want {
			t.Fatalf("after %s (%v): Rejected = %d, want %d", s.name, err, got, want)
		}
	}
	if want != 7 {
		t.Fatalf("%d pushes refused, want 7", want)
	}
}

// Cap, Closed, Len and Stats read the queue while other goroutines resize,
// push, pop and close it: under -race, a read without the lock is a
// reported race, and every snapshot must be consistent.
func TestReadersRaceWithWriters(t *testing.T) {
	q := mustNew[int](t, 4)
	ctx := t.Context()
	var wg sync.WaitGroup
	var stop atomic.Bool
	wg.Go(func() { // resizes
		for i := 0; !stop.Load(); i++ {
			_ = q.Resize(1 + i%8)
		}
	})
	wg.Go(func() { // pushes, then closes
		for i := range 300 {
			_ = q.TryPush(i)
			_, _ = q.PushBatch(ctx, []int{i, i})
		}
		q.Close()
	})
	wg.Go(func() { // pops until closed and drained
		for {
			if _, err := q.Pop(ctx); err != nil {
				stop.Store(true)
				return
			}
		}
	})
	for !stop.Load() {
		c, closed, n, s := q.Cap(), q.Closed(), q.Len(), q.Stats()
		if c < 1 || c > 8 || n < 0 || s.Pushed-s.Popped != uint64(s.Len) || s.Cap < 1 || s.Cap > 8 {
			t.Fatalf("inconsistent reads: Cap %d, Closed %v, Len %d, Stats %+v", c, closed, n, s)
		}
	}
	wg.Wait()
	if !q.Closed() || q.Len() != 0 {
		t.Fatalf("after the run: Closed %v, Len %d", q.Closed(), q.Len())
	}
}

// A call that waits, is woken, finds its predicate still false and waits
// again counts once in BlockedPushes or BlockedPops, however little time
// passed (in a synctest bubble, none).
func TestLoopingWaiterCountsOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		bg := context.Background()
		full, empty := mustNew[int](t, 1), mustNew[int](t, 1)
		_ = full.TryPush(0)
		ctx, cancel := context.WithCancel(bg)
		var wg sync.WaitGroup
		wg.Go(func() { _ = full.Push(ctx, 1) })
		wg.Go(func() { _, _ = empty.Pop(ctx) })
		wg.Go(func() { _ = full.Push(bg, 2) })
		wg.Go(func() { _, _ = empty.Pop(bg) })
		synctest.Wait()
		cancel() // the callback wakes every waiter; the bg ones loop and wait again
		synctest.Wait()
		_, _ = full.Pop(bg)
		_ = empty.TryPush(3)
		wg.Wait()
		for name, s := range map[string]queue.Stats{"full": full.Stats(), "empty": empty.Stats()} {
			if s.BlockedPushes+s.BlockedPops != 2 {
				t.Errorf("%s queue: two calls waited, Stats count %d pushes and %d pops", name, s.BlockedPushes, s.BlockedPops)
			}
		}
	})
}
