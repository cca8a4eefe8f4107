package recursiverlock

import (
	"runtime"
	"sync"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
)

// TestTotalWhileWriterWaits calls Total and, while Total holds its read
// lock, starts a writer (Set) and waits until that writer is queued in Lock:
// TryRLock fails from then on. Total must still return the sum read before
// the write. If Total's goroutine parks in RWMutex.RLock instead, nothing
// can wake it (lessontest.Stuck polls the goroutine stacks, with no
// timeout), and the test fails with that goroutine's stack.
func TestTotalWhileWriterWaits(t *testing.T) {
	c := NewCatalog()
	c.Set("tea", 3)
	c.Set("milk", 2)
	var writer sync.WaitGroup
	c.Pause = func() {
		writer.Go(func() { c.Set("tea", 4) }) // waits for Total's read lock
		for c.mu.TryRLock() {                 // succeeds until the writer is queued
			c.mu.RUnlock()
			runtime.Gosched()
		}
	}
	var total int
	if stack := lessontest.Stuck(func() { total = c.Total("tea", "milk") }, "sync.RWMutex.RLock", ""); stack != "" {
		t.Fatalf("deadlock: Total never returns; its goroutine waits for a read lock behind a writer that waits for Total's own read lock:\n\n%s", stack)
	}
	writer.Wait()
	if total != 5 {
		t.Errorf("Total = %d, want 5 (the prices before the write)", total)
	}
}
