package queue

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"time"
)

// blockedOnLock reports whether a goroutine is parked on a sync.Mutex with
// wakeAll's callback in its stack.
func blockedOnLock() bool {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	for _, g := range strings.Split(string(buf), "\n\n") {
		if strings.Contains(g, "[sync.Mutex.Lock") && strings.Contains(g, "wakeAll.func") {
			return true
		}
	}
	return false
}

// The deterministic form of the lost wake-up that an unlocked context
// callback causes (an idle Pop with a deadline of a few microseconds,
// repeated, meets it by chance): a waiter holds q.mu, has armed the
// callback, and its context ends before c.Wait parks it. The callback must
// then wait for the lock, so that its Broadcast comes after the park. One
// that broadcasts at once wakes nobody, and the waiter would sleep forever.
func TestContextCallbackWaitsForTheLock(t *testing.T) {
	q, _ := New[int](1)
	ctx, cancel := context.WithCancel(context.Background())
	q.mu.Lock() // the waiter, in awaitItem: the queue is empty
	returned := make(chan struct{})
	wake := q.wakeAll(ctx, &q.notEmpty)
	stop := context.AfterFunc(ctx, func() { wake(); close(returned) })
	defer stop()
	cancel() // the context ends before the waiter parks
	for start := time.Now(); !blockedOnLock(); {
		select {
		case <-returned:
			q.mu.Unlock()
			t.Fatal("the context callback returned while the waiter held the lock, before it parked: its Broadcast woke nobody")
		default:
			if time.Since(start) > 10*time.Second { // a watchdog, no timed assertion
				q.mu.Unlock()
				t.Fatal("the context callback neither returned nor blocked on the lock (is the stack format that blockedOnLock reads still the runtime's?)")
			}
			runtime.Gosched()
		}
	}
	// The waiter parks; the callback, blocked until now, wakes it.
	q.popWaiters++
	q.notEmpty.Wait()
	q.popWaiters--
	q.mu.Unlock()
	<-returned
}
