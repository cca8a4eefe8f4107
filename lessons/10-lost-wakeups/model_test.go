//go:build !broken

package lostwakeup

import (
	"regexp"
	"strings"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"github.com/pckit/pckit/tla"
)

// TestTLAModels checks the two lost wake-ups in the model of pckit's queue:
// a Close that Signals instead of Broadcasting deadlocks (QueueCloseSignal),
// and a wait loop that checks its context before its predicate violates
// NoLostWakeup (QueueLostWakeup). The last state of each trace must be the
// one the README describes. The models are about the design, not this
// build's Go code, so they run in the fixed build only.
func TestTLAModels(t *testing.T) {
	t.Run("QueueCloseSignal", func(t *testing.T) {
		t.Parallel()
		r := lessontest.ExpectModel(t, "QueueCloseSignal", tla.Deadlock, "")
		// c1 woken by Close's Signal and returned, the producers returned
		// ErrClosed, c2 still parked on notEmpty.
		expectLast(t, r, map[string][]string{
			"pc":    {`c1 :> "done"`, `c2 :> "wait"`, `p1 :> "done"`, `p2 :> "done"`, `p3 :> "done"`},
			"waitq": {`notEmpty |-> <<c2>>`},
		})
	})
	t.Run("QueueLostWakeup", func(t *testing.T) {
		t.Parallel()
		r := lessontest.ExpectModel(t, "QueueLostWakeup", tla.Invariant, "NoLostWakeup")
		// c1 returned ctx.Err(); c2 sleeps beside the item.
		expectLast(t, r, map[string][]string{
			"pc":    {`c1 :> "done"`, `c2 :> "wait"`},
			"waitq": {`notEmpty |-> <<c2>>`},
			"count": {`1`},
		})
	})
}

// expectLast fails the test unless, in the last state of r's trace, the
// value of each variable holds each of its wanted parts: the whole value,
// or an entry such as `c1 :> "done"`, so the order in which a checker
// prints a function's entries does not matter. Both checkers' formats are
// understood.
func expectLast(t *testing.T, r tla.Result, want map[string][]string) {
	t.Helper()
	states := regexp.MustCompile(`(?m)^State \d+`).Split(r.Trace, -1)
	last := states[len(states)-1]
	for name, parts := range want {
		m := regexp.MustCompile(`(?m)^\s*(?:/\\ )?` + name + ` = (.*)$`).FindStringSubmatch(last)
		if m == nil {
			t.Errorf("%s: the last state has no %s:\n%s", r.Checker, name, last)
			continue
		}
		for _, part := range parts {
			if !regexp.MustCompile(`(?:^|[\s(\[,])` + regexp.QuoteMeta(part) + `(?:$|[\s)\],])`).MatchString(strings.TrimSpace(m[1])) {
				t.Errorf("%s: in the last state %s = %s, which lacks %s", r.Checker, name, strings.TrimSpace(m[1]), part)
			}
		}
	}
}
