package workers_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"

	"github.com/pckit/pckit/queue"
	"github.com/pckit/pckit/workers"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// run starts a group and waits for it to end.
func run(ctx context.Context, q workers.Queue[int], p []workers.Producer[int], c []workers.Consumer[int], opts workers.Options[int]) (workers.Report, error) {
	g, err := workers.Start(ctx, q, p, c, opts)
	if err != nil {
		return workers.Report{}, err
	}
	return g.Wait(context.WithoutCancel(ctx))
}

// counting returns a Make that makes id*1000+seq, and stops (ErrDone) after
// n items if n > 0.
func counting(id, n int) func(context.Context, int) (int, error) {
	return func(_ context.Context, seq int) (int, error) {
		if n > 0 && seq > n {
			return 0, workers.ErrDone
		}
		return id*1000 + seq, nil
	}
}

func newQueue(t *testing.T, capacity int) *queue.Queue[int] {
	t.Helper()
	q, err := queue.New[int](capacity)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// ledger records every item a group's events report, to check that each
// produced item is consumed (or failed, or left) exactly once.
type ledger struct {
	mu                         sync.Mutex
	produced, consumed, failed []int
	dropped                    []int
	// order[consumer] is the items consumer saw, in order.
	order map[int][]int
}

func (l *ledger) onEvent(e workers.Event[int]) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch e.Kind {
	case workers.Produced:
		l.produced = append(l.produced, e.Item)
	case workers.Dropped:
		l.dropped = append(l.dropped, e.Item)
	case workers.Consumed:
		l.consumed = append(l.consumed, e.Item)
	case workers.Failed:
		l.failed = append(l.failed, e.Item)
	}
	if e.Kind == workers.Consumed || e.Kind == workers.Failed {
		if l.order == nil {
			l.order = map[int][]int{}
		}
		l.order[e.WorkerID] = append(l.order[e.WorkerID], e.Item)
	}
}

// checkConserved checks, item by item, that produced = consumed + failed +
// left, with no item seen twice, and that the report agrees with the events.
func (l *ledger) checkConserved(t *testing.T, rep workers.Report, left []int) {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := rep.Accounting.Check(); err != nil {
		t.Error(err)
	}
	in := slices.Sorted(slices.Values(l.produced))
	out := slices.Sorted(slices.Values(slices.Concat(l.consumed, l.failed, left)))
	if !slices.Equal(in, out) {
		t.Errorf("items in and out differ:\n in  %v\n out %v", in, out)
	}
	if got, want := rep.Accounting.Produced, int64(len(l.produced)); got != want {
		t.Errorf("report says produced %d, events %d", got, want)
	}
	if got, want := rep.Accounting.Consumed, int64(len(l.consumed)); got != want {
		t.Errorf("report says consumed %d, events %d", got, want)
	}
	if got, want := rep.Accounting.Failed, int64(len(l.failed)); got != want {
		t.Errorf("report says failed %d, events %d", got, want)
	}
	if got, want := rep.Accounting.Dropped, int64(len(l.dropped)); got != want {
		t.Errorf("report says dropped %d, events %d", got, want)
	}
	if got, want := rep.Accounting.Left, int64(len(left)); got != want {
		t.Errorf("report says left %d, queue holds %d", got, want)
	}
}

// drainAll pops what is left in a closed queue.
func drainAll(q *queue.Queue[int]) []int {
	var left []int
	for {
		v, err := q.TryPop()
		if err != nil {
			return left
		}
		left = append(left, v)
	}
}

// orderQueue wraps a queue and checks the shutdown order from the queue's
// side: Close must come when no Push is in flight, and no Push after it.
type orderQueue struct {
	*queue.Queue[int]
	inFlight   atomic.Int64
	closed     atomic.Bool
	violations atomic.Int64
}

func (o *orderQueue) Push(ctx context.Context, v int) error {
	o.inFlight.Add(1)
	defer o.inFlight.Add(-1)
	if o.closed.Load() {
		o.violations.Add(1)
	}
	return o.Queue.Push(ctx, v)
}

func (o *orderQueue) Close() {
	if o.inFlight.Load() != 0 {
		o.violations.Add(1)
	}
	o.closed.Store(true)
	o.Queue.Close()
}

// The queue is full and producers are blocked in Push when the stop comes.
// Closing the queue before they return would make those pushes fail: their
// items would be made and lost. The group waits for them instead.
func TestGracefulShutdownClosesAfterProducersAndLosesNothing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := &orderQueue{Queue: newQueue(t, 2)}
		var l ledger
		var producers []workers.Producer[int]
		for id := 1; id <= 3; id++ {
			producers = append(producers, workers.Producer[int]{ID: id, Make: counting(id, 0)})
		}
		consumers := []workers.Consumer[int]{
			{ID: 1, Delay: time.Second},
			{ID: 2, Delay: time.Second},
		}
		ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second+time.Second/2)
		defer cancel()
		rep, err := run(ctx, q, producers, consumers, workers.Options[int]{OnEvent: l.onEvent})
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
		if n := q.violations.Load(); n != 0 {
			t.Errorf("queue closed while producers could still push (%d violations)", n)
		}
		if rep.Queue == nil || rep.Queue.BlockedPushes == 0 {
			t.Fatalf("producers never waited for room: the test shows nothing (queue stats %+v)", rep.Queue)
		}
		if rep.Accounting.Dropped != 0 || rep.Accounting.Left != 0 || rep.Accounting.Failed != 0 {
			t.Errorf("graceful shutdown: want nothing dropped, failed or left, got %v", rep.Accounting)
		}
		l.checkConserved(t, rep, drainAll(q.Queue))
		// Two consumers at one item a second: 20 items by 10 s. At the stop
		// (10.5 s) each holds one, two are queued and each of the three
		// producers is blocked pushing one: 20 + 2 + 2 + 3.
		if got := rep.Accounting.Consumed; got != 27 {
			t.Errorf("consumed %d items, want 27", got)
		}
	})
}

// Every item of one producer reaches a single consumer in the order it was
// made: the queue is FIFO and the workers add no reordering.
func TestItemsKeepProducerOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := newQueue(t, 3)
		var l ledger
		producers := []workers.Producer[int]{
			{ID: 1, Delay: time.Millisecond, Make: counting(1, 50)},
			{ID: 2, Delay: 3 * time.Millisecond, Make: counting(2, 50)},
		}
		consumers := []workers.Consumer[int]{{ID: 1, Delay: 2 * time.Millisecond}}
		rep, err := run(t.Context(), q, producers, consumers, workers.Options[int]{OnEvent: l.onEvent})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Accounting.Consumed != 100 {
			t.Fatalf("consumed %d, want 100", rep.Accounting.Consumed)
		}
		l.checkConserved(t, rep, nil)
		last := map[int]int{}
		for _, v := range l.order[1] {
			p, seq := v/1000, v%1000
			if seq != last[p]+1 {
				t.Fatalf("producer %d: item %d after item %d", p, seq, last[p])
			}
			last[p] = seq
		}
	})
}

func TestDelaysAndBlockedTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		// One item a second for 10.5 s, consumed at once: the producer never
		// waits on the queue; the consumer waits the whole run.
		q := newQueue(t, 5)
		ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second+time.Second/2)
		defer cancel()
		start := time.Now()
		rep, err := run(ctx, q,
			[]workers.Producer[int]{{ID: 1, Delay: time.Second, Make: counting(1, 0)}},
			[]workers.Consumer[int]{{ID: 7}},
			workers.Options[int]{})
		if err != nil {
			t.Fatal(err)
		}
		if got := time.Since(start); got != 10*time.Second+time.Second/2 {
			t.Errorf("run took %v, want 10.5s", got)
		}
		want := workers.Accounting{Produced: 10, Consumed: 10}
		if rep.Accounting != want {
			t.Errorf("accounting %v, want %v", rep.Accounting, want)
		}
		if got := rep.Producers[0].Blocked; got != 0 {
			t.Errorf("producer blocked %v, want 0", got)
		}
		c := rep.Consumers[0]
		if c.ID != 7 || c.Items != 10 || c.Blocked != 10*time.Second+time.Second/2 {
			t.Errorf("consumer stats %+v, want id 7, 10 items, blocked 10.5s", c)
		}
		if rep.ConsumerTotal.Blocked != c.Blocked || rep.ProducerTotal.Items != 10 {
			t.Errorf("totals %+v %+v do not add up", rep.ProducerTotal, rep.ConsumerTotal)
		}
		if rep.Elapsed != 10*time.Second+time.Second/2 {
			t.Errorf("elapsed %v, want 10.5s", rep.Elapsed)
		}
	})
}

func TestBackpressureShowsInBlockedTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		// A fast producer and a slow consumer: the producer spends its time
		// waiting for room, the consumer never waits for an item.
		q := newQueue(t, 2)
		ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
		defer cancel()
		rep, err := run(ctx, q,
			[]workers.Producer[int]{{ID: 1, Make: counting(1, 0)}},
			[]workers.Consumer[int]{{ID: 1, Delay: time.Second}},
			workers.Options[int]{})
		if err != nil {
			t.Fatal(err)
		}
		if p, c := rep.Producers[0].Blocked, rep.Consumers[0].Blocked; p < 9*time.Second || c != 0 {
			t.Errorf("producer blocked %v (want ≥ 9s), consumer blocked %v (want 0)", p, c)
		}
		if err := rep.Accounting.Check(); err != nil || rep.Accounting.Left != 0 {
			t.Errorf("accounting %v: %v", rep.Accounting, err)
		}
		if rep.Queue.HighWater != 2 {
			t.Errorf("high water %d, want 2", rep.Queue.HighWater)
		}
	})
}

func TestFailFastCancelsEveryone(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := newQueue(t, 4)
		var l ledger
		errBoom := errors.New("boom")
		var otherCancelled atomic.Bool
		consumers := []workers.Consumer[int]{
			{ID: 1, Delay: time.Second, Handle: func(context.Context, int) error { return errBoom }},
			{ID: 2, Handle: func(ctx context.Context, _ int) error {
				<-ctx.Done() // would hang forever if fail-fast did not cancel it
				otherCancelled.Store(true)
				return ctx.Err()
			}},
		}
		producers := []workers.Producer[int]{
			{ID: 1, Delay: 100 * time.Millisecond, Make: counting(1, 0)},
			{ID: 2, Delay: 100 * time.Millisecond, Make: counting(2, 0)},
		}
		start := time.Now()
		// Only the error should end the run; the minute-long bounds are
		// there so that a group that does not fail fast ends too, and fails
		// the test instead of hanging it.
		ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
		defer cancel()
		rep, err := run(ctx, q, producers, consumers, workers.Options[int]{ShutdownTimeout: time.Minute, OnEvent: l.onEvent})
		if !errors.Is(err, errBoom) {
			t.Fatalf("Run: %v, want boom", err)
		}
		if errors.Is(err, context.Canceled) {
			t.Errorf("fail-fast returned the others' cancellations too: %v", err)
		}
		var we *workers.Error
		if !errors.As(err, &we) || we.Role != workers.RoleConsumer || we.WorkerID != 1 || !we.HasItem || we.Panic != nil {
			t.Errorf("error %#v, want an *Error of consumer 1 with its item", err)
		}
		if !otherCancelled.Load() {
			t.Error("consumer 2 was not cancelled")
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("run went on for %v after the first error at about 1.1s", d)
		}
		if rep.ConsumerTotal.Errors != 1 {
			t.Errorf("%d errors counted, want 1 (cancellations are not errors)", rep.ConsumerTotal.Errors)
		}
		if rep.Accounting.Failed != 2 || rep.Accounting.Consumed != 0 {
			t.Errorf("accounting %v: want both items in hand failed", rep.Accounting)
		}
		l.checkConserved(t, rep, drainAll(q))
	})
}

func TestCollectAllReturnsEveryError(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := newQueue(t, 3)
		var l ledger
		errOdd := errors.New("odd item")
		handle := func(_ context.Context, v int) error {
			if v%2 == 1 {
				return fmt.Errorf("%d: %w", v, errOdd)
			}
			return nil
		}
		rep, err := run(t.Context(), q,
			[]workers.Producer[int]{{ID: 1, Delay: time.Millisecond, Make: counting(1, 10)}},
			[]workers.Consumer[int]{{ID: 1, Delay: 2 * time.Millisecond, Handle: handle}, {ID: 2, Delay: 3 * time.Millisecond, Handle: handle}},
			workers.Options[int]{CollectAll: true, OnEvent: l.onEvent})
		joined, ok := err.(interface{ Unwrap() []error })
		if !ok {
			t.Fatalf("Run: %v, want joined errors", err)
		}
		var items []int
		for _, e := range joined.Unwrap() {
			var we *workers.Error
			if !errors.As(e, &we) || !errors.Is(e, errOdd) || !we.HasItem {
				t.Fatalf("error %v is not a consumer's odd-item error", e)
			}
			items = append(items, we.Item.(int))
		}
		slices.Sort(items)
		if want := []int{1001, 1003, 1005, 1007, 1009}; !slices.Equal(items, want) {
			t.Errorf("errors for items %v, want %v", items, want)
		}
		if rep.Accounting.Consumed != 5 || rep.Accounting.Failed != 5 || rep.ConsumerTotal.Errors != 5 {
			t.Errorf("accounting %v, %d errors: want 5 consumed, 5 failed, 5 errors", rep.Accounting, rep.ConsumerTotal.Errors)
		}
		l.checkConserved(t, rep, nil)
	})
}

func TestPanicInConsumerIsRecoveredAndItsItemAccounted(t *testing.T) {
	for _, collectAll := range []bool{false, true} {
		t.Run(fmt.Sprint("CollectAll=", collectAll), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				q := newQueue(t, 2)
				var l ledger
				rep, err := run(t.Context(), q,
					[]workers.Producer[int]{{ID: 1, Delay: time.Millisecond, Make: counting(1, 6)}},
					[]workers.Consumer[int]{{ID: 4, Delay: 5 * time.Millisecond, Handle: func(_ context.Context, v int) error {
						if v == 1003 {
							panic("boom")
						}
						return nil
					}}},
					workers.Options[int]{CollectAll: collectAll, OnEvent: l.onEvent})
				var pe *workers.Error
				if !errors.As(err, &pe) {
					t.Fatalf("Run: %v, want an *Error", err)
				}
				if pe.Role != workers.RoleConsumer || pe.WorkerID != 4 || !pe.HasItem || pe.Item != 1003 || pe.Panic != "boom" || pe.Err != nil {
					t.Errorf("panic error %+v, want consumer 4, item 1003, value boom", pe)
				}
				if !strings.Contains(string(pe.Stack), "TestPanicInConsumer") {
					t.Errorf("stack does not show where the panic happened:\n%s", pe.Stack)
				}
				if !strings.Contains(pe.Error(), "consumer 4") || !strings.Contains(pe.Error(), "1003") {
					t.Errorf("message %q names neither worker nor item", pe.Error())
				}
				if !slices.Equal(l.failed, []int{1003}) {
					t.Errorf("failed items %v, want [1003]", l.failed)
				}
				l.checkConserved(t, rep, drainAll(q))
				if collectAll && rep.Accounting.Consumed != 5 {
					t.Errorf("collect-all: consumed %d, want the 5 other items", rep.Accounting.Consumed)
				}
			})
		})
	}
}

func TestPanicInProducerIsRecovered(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := newQueue(t, 2)
		mk := counting(3, 5)
		rep, err := run(t.Context(), q,
			[]workers.Producer[int]{{ID: 3, Make: func(ctx context.Context, seq int) (int, error) {
				if seq == 2 {
					panic(fmt.Errorf("bad seq %d", seq))
				}
				return mk(ctx, seq)
			}}},
			[]workers.Consumer[int]{{ID: 1}},
			workers.Options[int]{CollectAll: true})
		var pe *workers.Error
		if !errors.As(err, &pe) || pe.Role != workers.RoleProducer || pe.WorkerID != 3 || pe.HasItem || pe.Panic == nil {
			t.Fatalf("Run: %#v, want a producer 3 panic *Error with no item", err)
		}
		if pe.Unwrap() == nil || pe.Unwrap().Error() != "bad seq 2" {
			t.Errorf("panic(err) does not unwrap to err: %v", pe.Unwrap())
		}
		if rep.Accounting.Produced != 4 || rep.Accounting.Consumed != 4 {
			t.Errorf("accounting %v, want the 4 other items produced and consumed", rep.Accounting)
		}
	})
}

func TestShutdownTimeoutAborts(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := newQueue(t, 5)
		var l ledger
		g, err := workers.Start(t.Context(), q,
			[]workers.Producer[int]{{ID: 1, Make: counting(1, 0)}},
			[]workers.Consumer[int]{{ID: 1, Delay: time.Hour}},
			workers.Options[int]{CollectAll: true, ShutdownTimeout: 5 * time.Second, OnEvent: l.onEvent})
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Second)
		stopped := time.Now()
		g.Stop()
		rep, err := g.Wait(t.Context())
		if !errors.Is(err, workers.ErrShutdownTimeout) {
			t.Fatalf("Wait: %v, want ErrShutdownTimeout", err)
		}
		if d := time.Since(stopped); d != 5*time.Second {
			t.Errorf("shutdown took %v, want the 5s bound", d)
		}
		// The consumer holds one item, five are queued, one producer's push
		// was cut short: 1 failed, 5 left, 1 dropped.
		want := workers.Accounting{Produced: 6, Dropped: 1, Failed: 1, Left: 5}
		if rep.Accounting != want {
			t.Errorf("accounting %v, want %v", rep.Accounting, want)
		}
		l.checkConserved(t, rep, drainAll(q))
	})
}

func TestEveryConsumerGoneAborts(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := &brokenPop{Queue: newQueue(t, 1)}
		_, err := run(t.Context(), q,
			[]workers.Producer[int]{{ID: 1, Make: counting(1, 0)}},
			[]workers.Consumer[int]{{ID: 1}, {ID: 2}},
			workers.Options[int]{CollectAll: true})
		if !errors.Is(err, workers.ErrNoConsumers) || !errors.Is(err, errBrokenPop) {
			t.Fatalf("Run: %v, want ErrNoConsumers and the consumers' errors", err)
		}
	})
}

var errBrokenPop = errors.New("pop is broken")

type brokenPop struct{ *queue.Queue[int] }

func (brokenPop) Pop(context.Context) (int, error) { return 0, errBrokenPop }

// Stop right after Start: the producer makes nothing, the consumer still
// drains what was queued, and Stop and Wait may be called again.
func TestStopRightAfterStartDrains(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := newQueue(t, 3)
		for v := range 3 {
			if err := q.Push(t.Context(), v); err != nil {
				t.Fatal(err)
			}
		}
		g, err := workers.Start(t.Context(), q,
			[]workers.Producer[int]{{ID: 1, Delay: time.Second, Make: counting(1, 0)}},
			[]workers.Consumer[int]{{ID: 1}},
			workers.Options[int]{})
		if err != nil {
			t.Fatal(err)
		}
		g.Stop()
		g.Stop()
		rep, err := g.Wait(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		want := workers.Accounting{Initial: 3, Consumed: 3}
		if rep.Accounting != want {
			t.Errorf("accounting %v, want %v", rep.Accounting, want)
		}
		if again, err := g.Wait(t.Context()); err != nil || again.Accounting != want {
			t.Errorf("second Wait: %v, %v; want the same report", again.Accounting, err)
		}
		if !q.Closed() {
			t.Error("queue not closed after the group ended")
		}
	})
}

func TestWaitGivesUpWithItsContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := newQueue(t, 1)
		g, err := workers.Start(t.Context(), q,
			[]workers.Producer[int]{{ID: 1, Delay: time.Second, Make: counting(1, 0)}},
			[]workers.Consumer[int]{{ID: 1}},
			workers.Options[int]{})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(t.Context(), 3*time.Second+time.Second/2)
		defer cancel()
		if _, err := g.Wait(ctx); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Wait: %v, want DeadlineExceeded", err)
		}
		g.Stop() // at 3.5s: three items made, the fourth's delay cut short
		rep, err := g.Wait(t.Context())
		if err != nil || rep.Accounting.Check() != nil || rep.Accounting.Produced != 3 || rep.Elapsed != 3*time.Second+time.Second/2 {
			t.Fatalf("Wait: %v, accounting %v after %v; want 3 produced after 3.5s", err, rep.Accounting, rep.Elapsed)
		}
	})
}

// An abort (here the first error: producer 2 gives up at 90s) leaves what
// is queued, drops the item being pushed and fails the item in hand, and
// counts every one.
func TestAbortLeavesQueuedItemsAccounted(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := newQueue(t, 4)
		var l ledger
		errGiveUp := errors.New("operator said so")
		rep, err := run(t.Context(), q,
			[]workers.Producer[int]{
				{ID: 1, Make: counting(1, 0)},
				{ID: 2, Delay: 90 * time.Second, Make: func(context.Context, int) (int, error) { return 0, errGiveUp }},
			},
			[]workers.Consumer[int]{{ID: 1, Delay: time.Minute}},
			workers.Options[int]{OnEvent: l.onEvent})
		if !errors.Is(err, errGiveUp) {
			t.Errorf("Wait: %v, want the producer's error", err)
		}
		want := workers.Accounting{Produced: 6, Dropped: 1, Consumed: 1, Failed: 1, Left: 4}
		if rep.Accounting != want {
			t.Errorf("accounting %v, want %v", rep.Accounting, want)
		}
		l.checkConserved(t, rep, drainAll(q))
	})
}

func TestStartRejectsBadWorkers(t *testing.T) {
	q := newQueue(t, 1)
	mk := counting(1, 0)
	for name, tc := range map[string]struct {
		p []workers.Producer[int]
		c []workers.Consumer[int]
	}{
		"no consumer":         {p: []workers.Producer[int]{{ID: 1, Make: mk}}},
		"nil Make":            {p: []workers.Producer[int]{{ID: 1}}, c: []workers.Consumer[int]{{ID: 1}}},
		"negative delay":      {p: []workers.Producer[int]{{ID: 1, Make: mk, Delay: -1}}, c: []workers.Consumer[int]{{ID: 1}}},
		"negative cons delay": {p: []workers.Producer[int]{{ID: 1, Make: mk}}, c: []workers.Consumer[int]{{ID: 1, Delay: -1}}},
		"duplicate producer":  {p: []workers.Producer[int]{{ID: 1, Make: mk}, {ID: 1, Make: mk}}, c: []workers.Consumer[int]{{ID: 1}}},
		"duplicate consumer":  {c: []workers.Consumer[int]{{ID: 2}, {ID: 2}}},
	} {
		if _, err := workers.Start(t.Context(), q, tc.p, tc.c, workers.Options[int]{}); err == nil {
			t.Errorf("%s: Start accepted it", name)
		}
	}
	if _, err := workers.Start[int](t.Context(), nil, nil, []workers.Consumer[int]{{ID: 1}}, workers.Options[int]{}); err == nil {
		t.Error("nil queue accepted")
	}
	if _, err := workers.Start(t.Context(), q, nil, []workers.Consumer[int]{{ID: 1}}, workers.Options[int]{ShutdownTimeout: -1}); err == nil {
		t.Error("negative ShutdownTimeout accepted")
	}
}

func TestAccountingCheck(t *testing.T) {
	ok := workers.Accounting{Initial: 1, Produced: 10, Dropped: 2, Consumed: 6, Failed: 1, Left: 4}
	if err := ok.Check(); err != nil {
		t.Errorf("%v: %v", ok, err)
	}
	if got, want := ok.String(), "initial 1 + produced 10 = consumed 6 + failed 1 + left 4 (dropped 2)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	lost := ok
	lost.Left--
	if err := lost.Check(); err == nil {
		t.Errorf("%v: an item was lost and Check said nothing", lost)
	}
}

// viewQueue hands each worker its own view and checks that a view is used by
// one goroutine at a time, and by the worker it was made for.
type viewQueue struct {
	*queue.Queue[int]
	mu    sync.Mutex
	views map[string]*view
}

type view struct {
	*queue.Queue[int]
	role       workers.Role
	id         int
	inFlight   atomic.Int64
	overlaps   atomic.Int64
	wrongItems atomic.Int64
	calls      atomic.Int64
}

func (v *view) enter() func() {
	v.calls.Add(1)
	if v.inFlight.Add(1) > 1 {
		v.overlaps.Add(1)
	}
	return func() { v.inFlight.Add(-1) }
}

func (v *view) Push(ctx context.Context, x int) error {
	defer v.enter()()
	if v.role != workers.RoleProducer || x/1000 != v.id {
		v.wrongItems.Add(1)
	}
	return v.Queue.Push(ctx, x)
}

func (v *view) Pop(ctx context.Context) (int, error) {
	defer v.enter()()
	if v.role != workers.RoleConsumer {
		v.wrongItems.Add(1)
	}
	return v.Queue.Pop(ctx)
}

func (v *view) Len() int {
	defer v.enter()()
	return v.Queue.Len()
}

func (q *viewQueue) ForWorker(role workers.Role, id int) workers.Queue[int] {
	q.mu.Lock()
	defer q.mu.Unlock()
	v := &view{Queue: q.Queue, role: role, id: id}
	q.views[fmt.Sprint(role, id)] = v
	return v
}

func TestWorkerQueuesGivesEachWorkerItsOwnView(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := &viewQueue{Queue: newQueue(t, 2), views: map[string]*view{}}
		var steps []workers.Step
		rep, err := run(t.Context(), q,
			[]workers.Producer[int]{{ID: 1, Make: counting(1, 30)}, {ID: 2, Delay: time.Millisecond, Make: counting(2, 30)}},
			[]workers.Consumer[int]{{ID: 1, Delay: time.Millisecond}, {ID: 2}},
			workers.Options[int]{
				OnEvent: func(workers.Event[int]) {}, // makes the workers call Len on their views
				OnStep: func(s workers.Step, queued int) {
					if s == workers.StepCloseQueue && !q.Closed() {
						t.Error("CloseQueue step reported before the queue was closed")
					}
					steps = append(steps, s)
				},
			})
		if err != nil || rep.Accounting.Consumed != 60 {
			t.Fatalf("Run: %v, %v", err, rep.Accounting)
		}
		if len(q.views) != 4 {
			t.Fatalf("%d views made, want one per worker (4)", len(q.views))
		}
		for name, v := range q.views {
			if v.calls.Load() == 0 || v.overlaps.Load() != 0 || v.wrongItems.Load() != 0 {
				t.Errorf("view %s: %d calls, %d overlapping, %d by the wrong worker", name, v.calls.Load(), v.overlaps.Load(), v.wrongItems.Load())
			}
		}
		want := []workers.Step{workers.StepStopProducers, workers.StepCloseQueue, workers.StepDrain, workers.StepJoin}
		if !slices.Equal(steps, want) {
			t.Errorf("shutdown steps %v, want %v", steps, want)
		}
	})
}

// An abort is never reported as ErrNoConsumers, which is only for
// consumers that all left on errors of their own. On the first error the
// consumers leave because of the abort, so the supervisor sees "every
// consumer returned" and "stopped" at once; whichever it picks, Wait
// returns that error alone. The race is the scheduler's, so the test
// repeats it.
func TestAbortIsNotErrNoConsumers(t *testing.T) {
	errGiveUp := errors.New("operator said so")
	for range 200 {
		q, _ := queue.New[int](1)
		g, err := workers.Start(context.Background(), q,
			[]workers.Producer[int]{{ID: 1, Make: func(context.Context, int) (int, error) { return 0, errGiveUp }}},
			[]workers.Consumer[int]{{ID: 1}, {ID: 2}}, // wait in Pop on the empty queue
			workers.Options[int]{})
		if err != nil {
			t.Fatal(err)
		}
		// A watchdog: a healthy group ends at once; one that a broken
		// queue strands fails the test instead of hanging it.
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		_, err = g.Wait(ctx)
		cancel()
		if errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("the group never ended: a consumer's Pop was not woken by the abort or by Close (%d queued)", q.Len())
		}
		if !errors.Is(err, errGiveUp) || errors.Is(err, workers.ErrNoConsumers) {
			t.Fatalf("Wait after the first error = %v, want that error alone", err)
		}
	}
}
