package chancond

import (
	"context"
	"errors"
	"slices"
	"testing"
	"testing/synctest"
	"time"

	"github.com/pckit/pckit/queue"
)

// TestPushAfterClose: on a ChanQueue a Push after Close panics with "send on
// closed channel"; on pckit's queue it returns queue.ErrClosed and the
// items queued before Close are still popped.
func TestPushAfterClose(t *testing.T) {
	ctx := t.Context()
	t.Run("channel", func(t *testing.T) {
		q := NewChanQueue[int](4)
		q.Close()
		defer func() {
			r := recover()
			err, ok := r.(error)
			if !ok || err.Error() != "send on closed channel" {
				t.Errorf("Push after Close: recovered %v, want the runtime's send on closed channel panic", r)
			}
		}()
		_ = q.Push(ctx, 1)
		t.Error("Push after Close returned")
	})
	t.Run("cond", func(t *testing.T) {
		q, err := queue.New[int](4)
		if err != nil {
			t.Fatal(err)
		}
		if err := q.Push(ctx, 1); err != nil {
			t.Fatal(err)
		}
		q.Close()
		if err := q.Push(ctx, 2); !errors.Is(err, queue.ErrClosed) {
			t.Errorf("Push after Close = %v, want queue.ErrClosed", err)
		}
		if v, err := q.Pop(ctx); v != 1 || err != nil {
			t.Errorf("Pop = %v, %v; want 1, nil", v, err)
		}
		if _, err := q.Pop(ctx); !errors.Is(err, queue.ErrClosed) {
			t.Errorf("Pop on the closed, drained queue = %v, want queue.ErrClosed", err)
		}
	})
}

// TestWhatEachGives checks each row of the lesson's comparison table.
func TestWhatEachGives(t *testing.T) {
	newQueue := func(t *testing.T, capacity int) *queue.Queue[int] {
		t.Helper()
		q, err := queue.New[int](capacity)
		if err != nil {
			t.Fatal(err)
		}
		return q
	}

	t.Run("drain after close", func(t *testing.T) {
		ctx := t.Context()
		c := NewChanQueue[int](4)
		q := newQueue(t, 4)
		for _, v := range []int{1, 2} {
			_ = c.Push(ctx, v)
			_ = q.Push(ctx, v)
		}
		c.Close()
		q.Close()
		for _, want := range []int{1, 2} {
			if v, err := c.Pop(ctx); v != want || err != nil {
				t.Errorf("channel Pop = %v, %v; want %v", v, err, want)
			}
			if v, err := q.Pop(ctx); v != want || err != nil {
				t.Errorf("cond Pop = %v, %v; want %v", v, err, want)
			}
		}
		if _, err := c.Pop(ctx); !errors.Is(err, queue.ErrClosed) {
			t.Errorf("channel Pop when drained = %v", err)
		}
		if _, err := q.Pop(ctx); !errors.Is(err, queue.ErrClosed) {
			t.Errorf("cond Pop when drained = %v", err)
		}
	})

	t.Run("timeout", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			c := NewChanQueue[int](1)
			q := newQueue(t, 1)
			_ = c.Push(t.Context(), 0)
			_ = q.Push(t.Context(), 0)
			ctx, cancel := context.WithTimeout(t.Context(), time.Second)
			defer cancel()
			if err := c.Push(ctx, 1); !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("channel Push on a full queue = %v, want DeadlineExceeded", err)
			}
			if err := q.Push(ctx, 1); !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("cond Push on a full queue = %v, want DeadlineExceeded", err)
			}
		})
	})

	t.Run("select among channels", func(t *testing.T) {
		c := NewChanQueue[int](4)
		other := make(chan string, 1)
		other <- "other"
		_ = c.Push(t.Context(), 7)
		got := map[any]bool{}
		for range 2 {
			select {
			case v := <-c.C():
				got[v] = true
			case s := <-other:
				got[s] = true
			}
		}
		if !got[7] || !got["other"] {
			t.Errorf("select received %v, want 7 and other", got)
		}
	})

	t.Run("len and cap", func(t *testing.T) {
		ctx := t.Context()
		c := NewChanQueue[int](4)
		q := newQueue(t, 4)
		_ = c.Push(ctx, 1)
		_ = q.Push(ctx, 1)
		if c.Len() != 1 || c.Cap() != 4 || q.Len() != 1 || q.Cap() != 4 {
			t.Errorf("channel Len/Cap %d/%d, cond Len/Cap %d/%d; want 1/4", c.Len(), c.Cap(), q.Len(), q.Cap())
		}
	})

	t.Run("batch", func(t *testing.T) {
		ctx := t.Context()
		q := newQueue(t, 4)
		n, err := q.PushBatch(ctx, []int{1, 2, 3, 4, 5})
		if n != 4 || err != nil {
			t.Errorf("PushBatch of 5 into capacity 4 = %d, %v; want 4, nil", n, err)
		}
		dst := make([]int, 8)
		n, err = q.PopBatch(ctx, dst)
		if n != 4 || err != nil || !slices.Equal(dst[:n], []int{1, 2, 3, 4}) {
			t.Errorf("PopBatch = %v, %v; want [1 2 3 4]", dst[:n], err)
		}
	})

	t.Run("resize", func(t *testing.T) {
		q := newQueue(t, 2)
		_ = q.TryPush(1)
		_ = q.TryPush(2)
		if err := q.TryPush(3); !errors.Is(err, queue.ErrFull) {
			t.Fatalf("TryPush on a full queue = %v", err)
		}
		if err := q.Resize(3); err != nil {
			t.Fatal(err)
		}
		if err := q.TryPush(3); err != nil || q.Cap() != 3 {
			t.Errorf("after Resize(3): TryPush = %v, Cap = %d", err, q.Cap())
		}
	})

	t.Run("priority", func(t *testing.T) {
		q, err := queue.NewPriority(4, func(a, b int) bool { return a < b })
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range []int{3, 1, 2} {
			_ = q.TryPush(v)
		}
		var got []int
		for range 3 {
			v, _ := q.TryPop()
			got = append(got, v)
		}
		if !slices.Equal(got, []int{1, 2, 3}) {
			t.Errorf("priority pops %v, want [1 2 3]", got)
		}
	})

	t.Run("stats", func(t *testing.T) {
		q := newQueue(t, 4)
		_ = q.TryPush(1)
		_ = q.TryPush(2)
		_, _ = q.TryPop()
		s := q.Stats()
		if s.Pushed != 2 || s.Popped != 1 || s.Len != 1 || s.HighWater != 2 {
			t.Errorf("Stats = %+v", s)
		}
	})
}
