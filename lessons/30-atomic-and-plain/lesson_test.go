//go:build !broken

package atomicplain

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestHitsWhileHitting against the broken Counter
// under the race detector and asserts a DATA RACE between the plain read in
// Hits and an atomic.AddInt64, in whichever order the two came. (The
// detector keeps a short history of a finished goroutine's stack, so the
// add's frames may stop at sync/atomic.)
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestHitsWhileHitting$")
	sig := []string{
		`WARNING: DATA RACE`,
		`(?s)(Read at|Previous read at).*\(\*Counter\)\.Hits\(\).*counter_broken\.go:\d+`,
		`(Write at|Previous write at) [^\n]*\n\s*sync/atomic\.AddInt64\(\)`,
		`--- FAIL: TestHitsWhileHitting`,
		`race detected during execution of test`,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", out, sig...)
}
