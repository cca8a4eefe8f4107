//go:build !broken

package doubleclose

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestTwoFinishers against the broken Stopper and
// asserts the runtime's panic, with the close in stopper_broken.go on the
// panicking goroutine's stack.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestTwoFinishers$")
	sig := []string{
		`panic: close of closed channel`,
		`\(\*Stopper\)\.Stop\(\.\.\.\)`,
		`stopper_broken\.go:\d+`,
		`TestTwoFinishers\.func\d+\(\)`,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", out, sig...)
}
