package fromtheguide

import (
	"testing"
	"testing/synctest"
	"time"
)

// TestRunDemo runs the demo with the guide's defaults (capacity 5, three
// producers at 0.5 s an item, two consumers at 1 s an item, 15 s) on
// synctest's fake clock, so it takes no real time. RunDemo must return,
// having consumed every item it queued. If
// it cannot, every goroutine of the bubble ends up durably blocked and
// synctest panics with a deadlock, listing them.
func TestRunDemo(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		pushed, consumed, err := RunDemo(5, 3, 2, 15*time.Second, 500*time.Millisecond, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if consumed != pushed || consumed < 28 {
			t.Errorf("queued %d items, consumed %d; want every queued item consumed, and at least 28 (two consumers at 1 s an item for 15 s)", pushed, consumed)
		}
		t.Logf("queued and consumed %d items", consumed)
	})
}
