package doubleclose

import (
	"sync"
	"testing"
)

// TestTwoFinishers: three watchers wait on Done; two workers each call Stop
// when they finish, as when either one's failure, or the end of the work,
// should stop everyone. Both calls must return, Done must be closed, and
// every watcher must wake (wg.Wait joins them all).
func TestTwoFinishers(t *testing.T) {
	s := NewStopper()
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() { <-s.Done() })
	}
	for range 2 {
		wg.Go(func() {
			// … the worker's work …
			s.Stop()
		})
	}
	wg.Wait()
	select {
	case <-s.Done():
	default:
		t.Fatal("Done is not closed after Stop")
	}
}
