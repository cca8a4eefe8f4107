//go:build !broken

package forloop

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestBargingConsumer against the Pop that checks
// with if, and asserts that the woken consumer panics taking from the empty
// queue in pop_broken.go.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestBargingConsumer$")
	sig := []string{
		`panic: runtime error: index out of range \[0\] with length 0`,
		`\(\*Queue\)\.take\(\.\.\.\)`,
		`\(\*Queue\)\.Pop\(0x…\)\n\s+lessons/09-for-not-if/pop_broken\.go:16`,
		`FAIL\s+github\.com/pckit/pckit/lessons/09-for-not-if`,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", out, sig...)
}
