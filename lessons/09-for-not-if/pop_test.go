package forloop

import (
	"sync"
	"testing"
	"testing/synctest"
)

// TestBargingConsumer scripts the schedule in which a second consumer takes
// the lock between a Push's Signal and the woken Pop getting the lock back.
// The test plays that schedule itself: it is in the package, so it holds
// q.mu and runs, in order, what a producer's Push does under the lock (put:
// append and Signal) and what the barging consumer's Pop does under the
// lock (take). Only then does the woken consumer get the lock. With if it
// pops an empty slice and panics; with for it waits again and gets the
// next item.
func TestBargingConsumer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := NewQueue()
		got := make(chan int, 1)
		var wg sync.WaitGroup
		wg.Go(func() { got <- q.Pop() }) // consumer 1
		synctest.Wait()                  // consumer 1 is parked in Wait, q.mu free

		// Held across the scripted steps on purpose, so no defer (house rule 1).
		q.mu.Lock()
		q.put(1)           // producer: one item, one Signal; consumer 1 now waits for q.mu
		barged := q.take() // consumer 2 holds the lock first and takes the item
		q.mu.Unlock()      // consumer 1 gets q.mu back; the queue is empty again
		if barged != 1 {
			t.Fatalf("consumer 2 took %d, want 1", barged)
		}

		synctest.Wait() // consumer 1 has had q.mu back: it waits again (for), or has taken from the empty queue (if)
		q.Push(2)
		wg.Wait()
		if v := <-got; v != 2 {
			t.Fatalf("consumer 1 got %d, want 2", v)
		}
	})
}
