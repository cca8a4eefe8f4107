//go:build !broken

package lockorder

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestOppositeTransfers against the broken lock
// order and asserts that the synctest bubble panics with a deadlock whose
// goroutine dump shows both transfers blocked in Lock in transfer_broken.go.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestOppositeTransfers$")
	sig := []string{
		`--- FAIL: TestOppositeTransfers`,
		`panic: deadlock: all goroutines in bubble are blocked`,
		`(?s)\[chan send \(durable\), synctest bubble 1\]:\n[^\n]*mutex\.Lock\(\.\.\.\)\n[^\n]*\n[^\n]*\(\*Bank\)\.Transfer\([^\n]*\n\s+lessons/03-lock-order/transfer_broken\.go:14.*` +
			`\[chan send \(durable\), synctest bubble 1\]:\n[^\n]*mutex\.Lock\(\.\.\.\)\n[^\n]*\n[^\n]*\(\*Bank\)\.Transfer\([^\n]*\n\s+lessons/03-lock-order/transfer_broken\.go:14`,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", lessontest.DeadlockStanzas(out, "transfer_broken.go"), sig...)
}
