package atomicplain

import (
	"sync"
	"testing"
)

// TestHitsWhileHitting reads Hits while two goroutines hit the counter,
// then checks the total once both are joined. Under -race, an access that
// is not atomic and not ordered with the atomic ones fails the test with a
// DATA RACE report, whatever the timing: the detector follows the
// happens-before order, and nothing orders the monitor's read after the
// hits.
func TestHitsWhileHitting(t *testing.T) {
	var c Counter
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for range 100 {
				c.Hit()
			}
		})
	}
	if n := c.Hits(); n < 0 || n > 200 { // a monitor's read, while the hits go on
		t.Errorf("Hits() = %d while hitting, want 0..200", n)
	}
	wg.Wait()
	if n := c.Hits(); n != 200 {
		t.Errorf("Hits() = %d, want 200", n)
	}
}
