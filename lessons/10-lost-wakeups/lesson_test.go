//go:build !broken

package lostwakeup

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs the three wake-up tests against the broken queue
// and asserts that each reports a Pop still blocked in notEmpty.Wait,
// called from queue_broken.go, after the event that should have woken it:
// a patient Pop after Close, the cancelled Pop after its cancellation, the
// patient Pop beside a queued item.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^(TestCloseWakesAllPoppers|TestCancelWakesItsWaiter|TestWokenWaiterTakesItem)$")
	blocked := func(who string) string {
		return `goroutine N \[sync\.Cond\.Wait \(durable\), synctest bubble \d+\]:(\n.*){2}\n.*\(\*Queue\)\.wait\(.*\n\s+lessons/10-lost-wakeups/queue_broken\.go:\d+\n.*/schedule\.` + who + `\(`
	}
	sig := []string{
		`--- FAIL: TestCloseWakesAllPoppers`,
		`lost wake-up: after Close, 1 of 2 waiting Pops returned; still blocked:\n\s+` + blocked("patient"),
		`--- FAIL: TestCancelWakesItsWaiter`,
		`lost wake-up: the cancelled Pop's context ended, yet it is still blocked:\n\s+` + blocked("cancelled"),
		`--- FAIL: TestWokenWaiterTakesItem`,
		`lost wake-up: 1 item queued, yet the patient Pop is still blocked:\n\s+` + blocked("patient"),
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", out, sig...)
}
