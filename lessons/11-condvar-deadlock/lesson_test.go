//go:build !broken

package onecond

import (
	"strings"
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
	lessontest.Quote(t, "README.md", deadlockStanzas(out, "queue_broken.go"), sig...)
}

// deadlockStanzas shortens a synctest deadlock report for quoting: it keeps
// the test's FAIL line, the panic line, the goroutines whose stacks pass
// through file, and go test's closing lines, and marks each cut with "[…]".
func deadlockStanzas(out, file string) string {
	var keep []string
	for i, stanza := range strings.Split(strings.TrimRight(out, "\n"), "\n\n") {
		switch {
		case i == 0:
			head := stanza
			if j := strings.Index(head, "\ngoroutine N [running]"); j >= 0 {
				head = head[:j]
			}
			keep = append(keep, head)
		case strings.Contains(stanza, file):
			keep = append(keep, stanza)
		case keep[len(keep)-1] != "[…]":
			keep = append(keep, "[…]")
		}
	}
	last := keep[len(keep)-1]
	if i := strings.Index(last, "\nFAIL"); i >= 0 && last != "[…]" {
		keep[len(keep)-1], last = last[:i], last[i+1:]
		keep = append(keep, last)
	}
	return strings.Join(keep, "\n\n")
}
