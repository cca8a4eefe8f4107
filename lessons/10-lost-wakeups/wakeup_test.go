package lostwakeup

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
)

type result struct {
	v   int
	err error
}

// TestCloseWakesAllPoppers parks two Pops, with context.Background() so
// that no deadline can wake them, then closes the queue. Once every
// goroutine in the bubble is blocked again (synctest.Wait), both Pops must
// have returned ErrClosed.
func TestCloseWakesAllPoppers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := NewQueue()
		results := make(chan result, 2)
		var wg sync.WaitGroup
		for range 2 {
			wg.Go(func() {
				v, err := q.Pop(context.Background())
				results <- result{v, err}
			})
		}
		synctest.Wait() // both Pops wait in notEmpty.Wait
		q.Close()
		synctest.Wait() // every goroutine has returned or is blocked again
		if n := len(results); n != 2 {
			t.Errorf("lost wake-up: after Close, %d of 2 waiting Pops returned; still blocked:\n%s", n, blockedPops())
			rescue(q)
		}
		wg.Wait()
		for range 2 {
			if r := <-results; !errors.Is(r.err, ErrClosed) {
				t.Errorf("Pop = %d, %v; want ErrClosed", r.v, r.err)
			}
		}
	})
}

// TestCancelledPopperKeepsWakeup parks Pop A (context.Background()) and
// then Pop B (a context the test cancels), cancels B's context, and pushes
// one item once every goroutine is blocked again. The item must not stay
// queued while A sleeps: B returns context.Canceled and A takes the item.
func TestCancelledPopperKeepsWakeup(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := NewQueue()
		a, b := make(chan result, 1), make(chan result, 1)
		ctxB, cancelB := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		wg.Go(func() {
			v, err := q.Pop(context.Background())
			a <- result{v, err}
		})
		synctest.Wait() // A waits
		wg.Go(func() {
			v, err := q.Pop(ctxB)
			b <- result{v, err}
		})
		synctest.Wait() // A and B wait
		cancelB()
		synctest.Wait() // B's cancellation has been delivered
		q.Push(1)
		synctest.Wait() // every goroutine has returned or is blocked again
		if len(a) == 0 && q.Len() > 0 {
			t.Errorf("lost wake-up: %d item queued, yet Pop A is still blocked:\n%s", q.Len(), blockedPops())
			rescue(q)
		}
		q.Close()
		wg.Wait()
		ra, rb := <-a, <-b
		// B left on its cancellation before the Push, so A took the item.
		if !(ra.err == nil && ra.v == 1 && errors.Is(rb.err, context.Canceled)) {
			t.Errorf("Pop A = %d, %v; Pop B = %d, %v; want A to take 1 and B context.Canceled", ra.v, ra.err, rb.v, rb.err)
		}
	})
}

// blockedPops returns the stacks of the goroutines blocked in Pop, cut
// down to the frames of sync.Cond.Wait and of this package.
func blockedPops() string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var out []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		if !strings.Contains(g, ").Pop(") {
			continue
		}
		lines := strings.Split(g, "\n")
		keep := lines[:1] // goroutine N [state]:
		for i := 1; i+1 < len(lines); i += 2 {
			if strings.HasPrefix(lines[i], "sync.(*Cond).Wait") || strings.Contains(lines[i], "lessons/10-lost-wakeups.") {
				keep = append(keep, lines[i], lines[i+1])
			}
		}
		out = append(out, strings.Join(keep, "\n"))
	}
	return strings.Join(out, "\n\n")
}

// rescue wakes every waiter so that the bubble can end after a failure.
func rescue(q *Queue) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.notEmpty.Broadcast()
}
