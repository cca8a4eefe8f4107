package lockorder

import (
	"sync"
	"testing"
	"testing/synctest"
)

// TestOppositeTransfers runs Transfer(a, b) and Transfer(b, a) at once in a
// synctest bubble. Each transfer pauses at a gate while it holds its first
// lock; synctest.Wait returns once both goroutines are blocked, then the gate
// opens. With the broken lock order each transfer holds one account and
// waits for the other's: every goroutine in the bubble is blocked, and
// synctest panics with a deadlock. The fix finishes both transfers.
func TestOppositeTransfers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		a, b := NewAccount(1, 100), NewAccount(2, 100)
		gate := make(chan struct{})
		bank := &Bank{Pause: func() { <-gate }}
		var wg sync.WaitGroup
		wg.Go(func() { bank.Transfer(a, b, 10) })
		wg.Go(func() { bank.Transfer(b, a, 20) })
		synctest.Wait() // both transfers are blocked: at the gate or on a lock
		close(gate)
		wg.Wait()
		if a.Balance() != 110 || b.Balance() != 90 {
			t.Fatalf("balances a=%d b=%d, want 110 and 90", a.Balance(), b.Balance())
		}
	})
}
