package races

import (
	"sync"
	"testing"
)

// TestCounter runs 4 goroutines of 1000 increments each: the count must be
// 4000. The broken Counter can lose increments (without -race this test
// may pass on it all the same); under -race the detector reports the
// unsynchronized accesses to Counter.n on every run.
func TestCounter(t *testing.T) {
	var c Counter
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 1000 {
				c.Inc()
			}
		})
	}
	wg.Wait()
	if got := c.Value(); got != 4000 {
		t.Fatalf("count = %d, want 4000", got)
	}
}
