//go:build !broken

package lostwakeup

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs both wake-up tests against the broken queue and
// asserts that each reports a Pop still blocked in notEmpty.Wait, called
// from queue_broken.go, after the event that should have woken it.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^(TestCloseWakesAllPoppers|TestCancelledPopperKeepsWakeup)$")
	blocked := `goroutine N \[sync\.Cond\.Wait \(durable\), synctest bubble \d+\]:(\n.*){2}\n.*\(\*Queue\)\.wait\(.*\n\s+lessons/10-lost-wakeups/queue_broken\.go:\d+`
	sig := []string{
		`--- FAIL: TestCloseWakesAllPoppers`,
		`lost wake-up: after Close, 1 of 2 waiting Pops returned; still blocked:\n\s+` + blocked,
		`--- FAIL: TestCancelledPopperKeepsWakeup`,
		`lost wake-up: 1 item queued, yet Pop A is still blocked:\n\s+` + blocked,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", out, sig...)
}
