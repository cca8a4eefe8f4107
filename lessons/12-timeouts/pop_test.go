package timeouts

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/pckit/pckit/queue"
)

// TestPopTimeout pops from an empty queue with a one-second deadline, in a
// synctest bubble: the fake clock passes the deadline, synctest.Wait lets
// every goroutine of the bubble run until it is blocked, and Pop must have
// returned context.DeadlineExceeded by then. The broken Pop is still in
// Wait; the bubble then ends with it blocked, and synctest panics, naming it.
func TestPopTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := NewCondQueue()
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		done := make(chan error, 1)
		go func() {
			_, err := q.Pop(ctx)
			done <- err
		}()
		time.Sleep(2 * time.Second) // fake time: the deadline passes
		synctest.Wait()
		select {
		case err := <-done:
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("Pop after its deadline = %v, want context.DeadlineExceeded", err)
			}
		default:
			t.Fatal("Pop is still blocked after its deadline has passed")
		}
	})
}

// TestPushWakesPop checks that the fixed wait still works as a wait: a Pop
// with no deadline (so that no context can rescue it) returns the item a
// later Push adds, and a Pop on a non-empty queue returns at once even with
// a context that has already ended.
func TestPushWakesPop(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := NewCondQueue()
		got := make(chan int, 1)
		go func() {
			v, err := q.Pop(context.Background())
			if err != nil {
				t.Errorf("Pop: %v", err)
			}
			got <- v
		}()
		synctest.Wait() // Pop is waiting
		q.Push(7)
		if v := <-got; v != 7 {
			t.Fatalf("Pop = %d, want 7", v)
		}
		q.Push(8)
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		if v, err := q.Pop(ctx); v != 8 || err != nil {
			t.Fatalf("Pop with an ended context on a non-empty queue = %d, %v; want 8, nil", v, err)
		}
	})
}

// TestQueuePopTimeout is the same timeout on pckit's queue: Pop with
// context.WithTimeout on an empty queue returns context.DeadlineExceeded at
// the deadline, having consumed nothing.
func TestQueuePopTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q, err := queue.New[int](1)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		_, err = q.Pop(ctx)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Pop = %v, want context.DeadlineExceeded", err)
		}
		if waited := time.Since(start); waited != time.Second {
			t.Fatalf("Pop returned after %v of fake time, want 1s", waited)
		}
		if err := q.TryPush(1); err != nil {
			t.Fatalf("TryPush after the timed-out Pop: %v", err)
		}
		if v, err := q.Pop(t.Context()); v != 1 || err != nil {
			t.Fatalf("Pop = %d, %v; want 1, nil", v, err)
		}
	})
}
