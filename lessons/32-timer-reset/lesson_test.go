//go:build !broken

package timerreset

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestBatchAfterAQuietSpell against the broken
// Batch and asserts synctest's deadlock, with Batch parked on a channel
// receive (the drain) in batch_broken.go.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestBatchAfterAQuietSpell$")
	sig := []string{
		`--- FAIL: TestBatchAfterAQuietSpell`,
		`panic: deadlock: all goroutines in bubble are blocked`,
		`(?s)goroutine N \[chan receive \(durable\), synctest bubble \d+\]:\n[^\n]*\.Batch\([^\n]*\n\s+lessons/32-timer-reset/batch_broken\.go:\d+`,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", lessontest.DeadlockStanzas(out, "batch_broken.go"), sig...)
}
