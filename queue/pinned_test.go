package queue_test

import (
	"context"
	"maps"
	"slices"
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
	synctest.Test(t, func(t *testing.T) {
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
	})
}

// Cap, Closed, Len and Stats read the queue while other goroutines resize,
// push, pop and close it: under -race, a read without the lock is a
// reported race, and every snapshot must be consistent.
func TestReadersRaceWithWriters(t *testing.T) {
	q := mustNew[int](t, 4)
	ctx := t.Context()
	var w watched
	var stop atomic.Bool
	w.Go("Resize, until the pops are over", func() {
		for i := 0; !stop.Load(); i++ {
			_ = q.Resize(1 + i%8)
		}
	})
	w.Go("TryPush and PushBatch, then Close", func() {
		for i := range 100 {
			_ = q.TryPush(i)
			_, _ = q.PushBatch(ctx, []int{i, i})
		}
		q.Close()
	})
	w.Go("Pop until closed and drained", func() {
		defer stop.Store(true)
		for {
			if _, err := q.Pop(ctx); err != nil {
				return
			}
		}
	})
	// Each reader calls one method only, so that no other call's lock
	// orders its reads after the writes: an unlocked read is a race.
	w.Go("Closed, until true", func() {
		for !q.Closed() {
		}
	})
	w.Go("Cap, until the pops are over", func() {
		for !stop.Load() {
			if c := q.Cap(); c < 1 || c > 8 {
				t.Errorf("Cap() = %d, not a capacity Resize set", c)
			}
		}
	})
	w.Go("Len, until the pops are over", func() {
		for !stop.Load() {
			if n := q.Len(); n < 0 {
				t.Errorf("Len() = %d", n)
			}
		}
	})
	w.Go("Stats, until the pops are over", func() {
		for !stop.Load() {
			if s := q.Stats(); s.Pushed-s.Popped != uint64(s.Len) || s.Cap < 1 || s.Cap > 8 {
				t.Errorf("inconsistent Stats: %+v", s)
			}
		}
	})
	w.Wait(t)
	if !q.Closed() || q.Len() != 0 {
		t.Fatalf("after the run: Closed %v, Len %d", q.Closed(), q.Len())
	}
}

// Growing the queue wakes a pusher that waits for room, even a lone one.
func TestResizeWakesALonePusher(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := mustNew[int](t, 1)
		_ = q.TryPush(0)
		var w watched
		w.Go("Push(1) on a full queue, then Resize(2)", func() { _ = q.Push(context.Background(), 1) })
		synctest.Wait()
		if err := q.Resize(2); err != nil {
			t.Fatal(err)
		}
		synctest.Wait()
		if q.Len() != 2 {
			t.Errorf("Resize(2) left the pusher asleep beside a free slot: Len = %d", q.Len())
		}
		q.Close()
		w.Wait(t)
	})
}

// watched runs goroutines under a watchdog: Wait fails the test, naming
// the calls that have not returned, instead of hanging on a broken queue.
type watched struct {
	wg      sync.WaitGroup
	mu      sync.Mutex
	pending map[string]bool
}

// Go runs f on a goroutine of its own; name says what it calls.
func (w *watched) Go(name string, f func()) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.pending == nil {
		w.pending = map[string]bool{}
	}
	w.pending[name] = true
	w.wg.Go(func() {
		f()
		w.mu.Lock()
		defer w.mu.Unlock()
		delete(w.pending, name)
	})
}

// Wait waits for every goroutine, or fails t after watchdogTimeout naming
// those still blocked (in a synctest bubble a hang is a deadlock panic
// instead, which names them too).
func (w *watched) Wait(t *testing.T) {
	t.Helper()
	joined := make(chan struct{})
	go func() {
		w.wg.Wait()
		close(joined)
	}()
	select {
	case <-joined:
	case <-time.After(watchdogTimeout):
		w.mu.Lock()
		defer w.mu.Unlock()
		t.Fatalf("calls that never returned (a lost wake-up?): %v", slices.Sorted(maps.Keys(w.pending)))
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
