//go:build !broken

package leaks

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestConsume against the broken Consume and asserts
// that goleak reports both consumers left blocked in Pop, started by the
// broken Consume.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestConsume$")
	sig := []string{
		`found unexpected goroutines`,
		`(?s)Goroutine N in state sync\.Cond\.Wait.*Goroutine N in state sync\.Cond\.Wait`,
		`queue\.\(\*Queue\[\.\.\.\]\)\.Pop`,
		`leaks\.Consume\.func1\(\)`,
		`consume_broken\.go:\d+`,
		`--- FAIL: TestConsume`,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", out, sig...)
}
