//go:build !broken

package forloop

import (
	"regexp"
	"strings"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"github.com/pckit/pckit/tla"
)

// TestTLAModel checks QueuePopIf, the model of pckit's queue whose Pop
// waits under if instead of for: a woken consumer pops from the empty ring,
// and the invariant Conservation fails. In the trace's last state the
// consumer has handed out ticket 0, an item nobody pushed, as the README
// says. The model is about the design, not this build's Go code, so it runs
// in the fixed build only.
func TestTLAModel(t *testing.T) {
	r := lessontest.ExpectModel(t, "QueuePopIf", tla.Invariant, "Conservation")
	last := lastState(r.Trace)
	if got := value(last, "popped"); got != "<<0>>" {
		t.Errorf("%s: in the last state popped = %q, want <<0>>:\n%s", r.Checker, got, last)
	}
}

// lastState returns the last state of a counterexample, in either checker's
// format.
func lastState(trace string) string {
	states := regexp.MustCompile(`(?m)^State \d+`).Split(trace, -1)
	return states[len(states)-1]
}

// value returns the value of the variable name in state, whether the
// checker prints it as TLC does (`/\ name = v`) or as the offline checker
// does (`name = v`), or "" if state has no such variable.
func value(state, name string) string {
	m := regexp.MustCompile(`(?m)^\s*(?:/\\ )?` + regexp.QuoteMeta(name) + ` = (.*)$`).FindStringSubmatch(state)
	if m == nil {
		return ""
	}
	return strings.TrimSpace(m[1])
}
