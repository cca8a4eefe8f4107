//go:build !broken

package timeoutleak

import (
	"strings"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs both tests against the broken Call and asserts
// that goleak reports Call's goroutine blocked on its send, in
// call_broken.go, after the timeout, while the happy path passes.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestCall(Result|Timeout)$")
	if strings.Contains(out, "--- FAIL: TestCallResult") {
		t.Errorf("the broken Call failed the happy path too; only the timeout should leak:\n%s", out)
	}
	sig := []string{
		`found unexpected goroutines`,
		`Goroutine N in state chan send, with github\.com/pckit/pckit/lessons/05-leak-after-timeout\.Call\.func1 on top of the stack`,
		`call_broken\.go:\d+`,
		`--- FAIL: TestCallTimeout`,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", out, sig...)
}
