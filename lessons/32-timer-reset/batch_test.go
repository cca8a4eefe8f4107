package timerreset

import (
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// TestBatchAfterAQuietSpell sends "a" and "b", stays quiet for twice the
// idle time (the timer fires and Batch flushes both), then sends "c" and
// closes the channel: Batch must flush [a b], then [c], and return. In
// synctest's bubble the time is fake and exact; if Batch waits for ever,
// every goroutine ends up durably blocked and synctest reports the deadlock.
func TestBatchAfterAQuietSpell(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		in := make(chan string)
		var flushed [][]string
		var wg sync.WaitGroup
		wg.Go(func() {
			Batch(in, time.Second, func(b []string) { flushed = append(flushed, slices.Clone(b)) })
		})
		in <- "a"
		in <- "b"
		time.Sleep(2 * time.Second) // quiet: the timer fires
		in <- "c"
		close(in)
		wg.Wait()
		if want := [][]string{{"a", "b"}, {"c"}}; !slices.EqualFunc(flushed, want, slices.Equal) {
			t.Errorf("flushed %q, want %q", flushed, want)
		}
	})
}
