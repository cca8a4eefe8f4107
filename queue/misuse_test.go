package queue_test

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pckit/pckit/queue"
)

// mustPanic calls f and fails unless it panics with a message containing
// want.
func mustPanic(t *testing.T, call, want string, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		v := recover()
		if v == nil {
			t.Errorf("%s did not panic; want a panic saying %q", call, want)
		} else if !strings.Contains(fmt.Sprint(v), want) {
			t.Errorf("%s panicked with %q; want a message saying %q", call, v, want)
		}
	}()
	f()
}

// drain pops everything queued, without waiting.
func drain[T any](q *queue.Queue[T]) []T {
	var got []T
	for {
		v, err := q.TryPop()
		if err != nil {
			return got
		}
		got = append(got, v)
	}
}

// A queue's memory grows with the items it holds, not with its capacity.
func TestMemoryFollowsItemsNotCapacity(t *testing.T) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	q := mustNew[int](t, 1<<20) // 8 MiB, were slots made for the capacity
	for i := range 10 {
		_ = q.TryPush(i)
	}
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<16 {
		t.Fatalf("a queue of capacity 1<<20 holding 10 ints allocated %d bytes", grew)
	}
	// Capacities that no memory could hold work the same way.
	for _, c := range []int{1 << 40, 1 << 62, int(^uint(0) >> 1)} {
		q := mustNew[int](t, c)
		p, err := queue.NewPriority(c, func(a, b int) bool { return a < b })
		if err != nil {
			t.Fatal(err)
		}
		for i := range 10 {
			_ = q.TryPush(i)
			_ = p.TryPush(9 - i)
		}
		if got := drain(q); !slices.Equal(got, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}) {
			t.Errorf("New(%d): popped %v", c, got)
		}
		if got := drain(p); !slices.Equal(got, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}) {
			t.Errorf("NewPriority(%d): popped %v", c, got)
		}
	}
}

// Resize to a capacity no memory could hold, and back, keeps every item in
// order.
func TestResizeHugeKeepsTheQueueIntact(t *testing.T) {
	for _, huge := range []int{1 << 40, 1 << 62} {
		q := mustNew[int](t, 2)
		_ = q.TryPush(1)
		_ = q.TryPush(2)
		if err := q.Resize(huge); err != nil {
			t.Fatal(err)
		}
		for i := 3; i <= 20; i++ {
			if err := q.TryPush(i); err != nil {
				t.Fatalf("TryPush(%d) after Resize(%d): %v", i, huge, err)
			}
		}
		if err := q.Resize(2); err != nil { // shrink below Len: all stay
			t.Fatal(err)
		}
		if s := q.Stats(); s.Cap != 2 || s.Len != 20 || q.Cap() != 2 {
			t.Fatalf("after Resize(2): Cap() %d, Stats %+v", q.Cap(), s)
		}
		if got, want := drain(q), []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}; !slices.Equal(got, want) {
			t.Fatalf("Resize(%d) then Resize(2): popped %v, want %v", huge, got, want)
		}
	}
}

// A nil context panics at the call, whether or not the call would wait,
// and changes nothing.
func TestNilContextPanicsAtTheCall(t *testing.T) {
	const want = "queue: nil Context"
	var nilCtx context.Context
	for _, full := range []bool{false, true} {
		q := mustNew[int](t, 1)
		if full {
			_ = q.TryPush(1)
		}
		before := q.Stats()
		mustPanic(t, fmt.Sprintf("Push(nil) (full %v)", full), want, func() { _ = q.Push(nilCtx, 2) })
		mustPanic(t, fmt.Sprintf("Pop(nil) (full %v)", full), want, func() { _, _ = q.Pop(nilCtx) })
		mustPanic(t, fmt.Sprintf("PushBatch(nil) (full %v)", full), want, func() { _, _ = q.PushBatch(nilCtx, []int{2}) })
		mustPanic(t, fmt.Sprintf("PopBatch(nil) (full %v)", full), want, func() { _, _ = q.PopBatch(nilCtx, make([]int, 1)) })
		if after := q.Stats(); after != before {
			t.Errorf("a call with a nil context changed the queue: %+v, was %+v", after, before)
		}
	}
}

// Every method of a zero Queue, or a nil *Queue, panics saying so, whether
// or not the call would wait.
func TestZeroQueuePanicsAtEveryCall(t *testing.T) {
	const want = "not made by New"
	ctx := t.Context()
	for _, q := range []*queue.Queue[int]{new(queue.Queue[int]), nil} {
		calls := map[string]func(){
			"Push":      func() { _ = q.Push(ctx, 1) },
			"TryPush":   func() { _ = q.TryPush(1) },
			"PushBatch": func() { _, _ = q.PushBatch(ctx, []int{1}) },
			"Pop":       func() { _, _ = q.Pop(ctx) },
			"TryPop":    func() { _, _ = q.TryPop() },
			"PopBatch":  func() { _, _ = q.PopBatch(ctx, make([]int, 1)) },
			"Close":     func() { q.Close() },
			"Len":       func() { _ = q.Len() },
			"Cap":       func() { _ = q.Cap() },
			"Closed":    func() { _ = q.Closed() },
			"Resize":    func() { _ = q.Resize(4) },
			"Stats":     func() { _ = q.Stats() },
		}
		for name, call := range calls {
			mustPanic(t, fmt.Sprintf("%s on %#v", name, q), want, call)
		}
	}
}

// A less that is not strict (<=) panics at the push that meets it, before
// changing anything, whether or not the push would wait.
func TestNonStrictLessPanicsAtThePush(t *testing.T) {
	const want = "strict order"
	if _, err := queue.NewPriority[int](1, nil); err == nil {
		t.Error("NewPriority with a nil less: no error")
	}
	q, err := queue.NewPriority(4, func(a, b int) bool { return a <= b })
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	mustPanic(t, "Push with <=", want, func() { _ = q.Push(ctx, 1) })
	mustPanic(t, "TryPush with <=", want, func() { _ = q.TryPush(1) })
	mustPanic(t, "PushBatch with <=", want, func() { _, _ = q.PushBatch(ctx, []int{1, 2}) })
	if s := q.Stats(); s.Len != 0 || s.Pushed != 0 || s.Rejected != 0 {
		t.Errorf("pushes that panicked changed the queue: %+v", s)
	}

	// Strict but for 7, on a full queue: the push that would wait panics
	// at once, and a batch is checked whole before any item of it enters.
	q, _ = queue.NewPriority(2, func(a, b int) bool { return a < b || a == 7 && b == 7 })
	_, _ = q.PushBatch(ctx, []int{2, 1})
	mustPanic(t, "Push(7) on a full queue", want, func() { _ = q.Push(ctx, 7) })
	_, _ = q.TryPop()
	mustPanic(t, "PushBatch(3, 7)", want, func() { _, _ = q.PushBatch(ctx, []int{3, 7}) })
	if got := drain(q); !slices.Equal(got, []int{2}) {
		t.Errorf("after the panics the queue holds %v, want [2]", got)
	}
}

// Stats marshal to JSON in snake_case, waits in nanoseconds, as the demo's
// -json prints the rest of its summary.
func TestStatsJSON(t *testing.T) {
	b, err := json.Marshal(queue.Stats{Len: 1, Cap: 2, HighWater: 3, Pushed: 4, Popped: 5, Rejected: 6,
		BlockedPushes: 7, BlockedPops: 8, PushWait: 9 * time.Nanosecond, PopWait: time.Microsecond})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"len":1,"cap":2,"high_water":3,"pushed":4,"popped":5,"rejected":6,"blocked_pushes":7,"blocked_pops":8,"push_wait_ns":9,"pop_wait_ns":1000}`
	if string(b) != want {
		t.Fatalf("Stats as JSON:\n%s\nwant\n%s", b, want)
	}
}
