//go:build !broken

package chancond

import (
	"strings"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestMergeUneven on the broken Merge and asserts
// that the process panics with "send on closed channel" in the producer of
// merge_broken.go, inside ChanQueue.Push, and the package's tests fail.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestMergeUneven$")
	sig := []string{
		`panic: send on closed channel`,
		`\(\*ChanQueue\[\.\.\.\]\)\.Push\(`,
		`chanqueue\.go:\d+`,
		`Merge\.func1\(\)`,
		`merge_broken\.go:\d+`,
		`FAIL\tgithub\.com/pckit/pckit/lessons/20-channels-vs-cond`,
	}
	lessontest.Expect(t, out, sig...)
	if strings.Contains(out, "DATA RACE") {
		t.Errorf("unexpected race report:\n%s", out)
	}
	lessontest.Quote(t, "README.md", out, sig...)
}
