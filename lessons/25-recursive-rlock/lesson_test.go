//go:build !broken

package recursiverlock

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestTotalWhileWriterWaits against the broken
// Total and asserts that Total's goroutine is reported parked in
// RWMutex.RLock, called from Price, called from Total.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestTotalWhileWriterWaits$")
	sig := []string{
		`--- FAIL: TestTotalWhileWriterWaits`,
		`deadlock: Total never returns`,
		`goroutine N \[sync\.RWMutex\.RLock\]`,
		`(?s)\(\*Catalog\)\.Price\(.*total_broken\.go:\d+.*\(\*Catalog\)\.Total\(.*total_broken\.go:\d+`,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", out, sig...)
}
