//go:build !broken

package onecond

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestOneProducerTwoConsumers against the queue
// with one condition variable and asserts that the synctest bubble panics
// with a deadlock whose goroutine dump shows a consumer waiting in Pop and
// the producer waiting in Push, on the same sync.Cond, in queue_broken.go.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestOneProducerTwoConsumers$")
	sig := []string{
		`--- FAIL: TestOneProducerTwoConsumers`,
		`panic: deadlock: all goroutines in bubble are blocked`,
		`\[sync\.Cond\.Wait \(durable\), synctest bubble 1\]:\n.*\n.*\n.*\n.*\n[^\n]*\(\*Queue\)\.Pop\(0x…\)\n\s+lessons/11-condvar-deadlock/queue_broken\.go:\d+`,
		`\[sync\.Cond\.Wait \(durable\), synctest bubble 1\]:\n.*\n.*\n.*\n.*\n[^\n]*\(\*Queue\)\.Push\(0x…, 0x2\)\n\s+lessons/11-condvar-deadlock/queue_broken\.go:\d+`,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", lessontest.DeadlockStanzas(out, "queue_broken.go"), sig...)
}
