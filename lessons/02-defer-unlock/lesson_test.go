//go:build !broken

package deferunlock

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs the three tests against the broken Ledger and
// asserts that each one reports its call stuck for good in sync.Mutex.Lock,
// with the runtime's stack naming the method in ledger_broken.go.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^Test(EarlyReturn|PanicWhileLocked|DoubleLock)$")
	sig := []string{
		`deadlock: the call never returns`,
		`goroutine N \[sync\.Mutex\.Lock\]`,
		`sync\.\(\*Mutex\)\.Lock`,
		`\(\*Ledger\)\.Add`,
		`ledger_broken\.go:\d+`,
		`--- FAIL: TestEarlyReturn`,
	}
	lessontest.Expect(t, out, append(sig,
		`--- FAIL: TestPanicWhileLocked`,
		`--- FAIL: TestDoubleLock`,
		`\(\*Ledger\)\.Move`,
	)...)
	lessontest.Quote(t, "README.md", out, sig...)
}
