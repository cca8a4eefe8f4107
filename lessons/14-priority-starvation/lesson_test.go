//go:build !broken

package starvation

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestNoStarvation and TestOvertakeBound on the
// strict-priority order and asserts both verdicts: the low-priority task is
// never served, and a task is overtaken by more later tasks than aging
// allows.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^(TestNoStarvation|TestOvertakeBound)$")
	sig := []string{
		`--- FAIL: TestNoStarvation`,
		`scheduler_test\.go:\d+: starvation: the priority-9 task was not served in 1000 takes, while a priority-0 task was always queued`,
		`--- FAIL: TestOvertakeBound`,
		`scheduler_test\.go:\d+: task \d+ of priority \d was overtaken by \d+ later tasks, want at most \d+`,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", out, sig...)
}
