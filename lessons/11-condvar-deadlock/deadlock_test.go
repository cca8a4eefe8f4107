package onecond

import (
	"sync"
	"testing"
	"testing/synctest"
)

// TestOneProducerTwoConsumers runs, in a synctest bubble, a queue of
// capacity 1, consumers C1 and C2 that pop one item each, and producer P
// that pushes 2. The test plays producer P0, which pushes 1, and scripts the
// schedule step by step, calling synctest.Wait after each step so that
// every goroutine has run as far as it can:
//
//  1. C1, then C2, call Pop on the empty queue and wait.
//  2. The test takes the lock. P calls Push(2) and blocks on the lock.
//  3. Under the lock, the test does P0's push of 1: the queue is full, and
//     its Signal wakes C1, which blocks on the lock behind P.
//  4. The test releases the lock. P gets it first (the lock's waiters are
//     served in order), finds the queue full and waits; then C1 pops 1 and
//     Signals, meant for P.
//
// Then the test waits for both consumers and P. With one condition
// variable C1's Signal wakes C2, which finds the queue empty and waits
// again: P and C2 wait forever, every goroutine in the bubble is blocked,
// and synctest panics with a deadlock. With two, C1's Signal wakes P, whose
// item C2 then pops.
func TestOneProducerTwoConsumers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := NewQueue(1)
		var wg sync.WaitGroup
		got := make(chan int, 2)
		wg.Go(func() { got <- q.Pop() }) // C1
		synctest.Wait()
		wg.Go(func() { got <- q.Pop() }) // C2
		synctest.Wait()

		// Held across the scripted steps on purpose, so no defer (house rule 1).
		q.mu.Lock()
		wg.Go(func() { q.Push(2) }) // P
		synctest.Wait()             // P waits for the lock
		q.put(1)                    // P0's push: wakes C1, which waits for the lock behind P
		synctest.Wait()
		q.mu.Unlock()

		wg.Wait()
		if a, b := <-got, <-got; a+b != 3 {
			t.Fatalf("consumers popped %d and %d, want 1 and 2", a, b)
		}
	})
}
