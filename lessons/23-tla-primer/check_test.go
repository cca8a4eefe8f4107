package tlaprimer

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"github.com/pckit/pckit/tla"
)

// TestModelCheck checks Counter.tla under Config with both checkers (TLC
// when a tla2tools.jar is found; the offline checker always). Each must say
// the model holds and find its 5 distinct states; otherwise the test fails
// with that checker's verdict and counterexample.
func TestModelCheck(t *testing.T) {
	t.Parallel()
	m := lessontest.LocalModel(t, ".", "Counter.tla", Config)
	for _, r := range lessontest.CheckBoth(t, m) {
		switch {
		case r.Verdict == tla.Invariant || r.Verdict == tla.Property:
			t.Errorf("%s on model %s: %s %s violated; counterexample of %d states:\n%s", r.Checker, m.Name, r.Verdict, r.Violated, r.TraceStates, r.Trace)
		case r.Verdict != tla.Holds:
			t.Errorf("%s on model %s: %s; counterexample of %d states:\n%s", r.Checker, m.Name, r.Verdict, r.TraceStates, r.Trace)
		case r.Distinct != 5:
			t.Errorf("%s on model %s: holds with %d distinct states, want 5", r.Checker, m.Name, r.Distinct)
		default:
			t.Logf("%s on model %s: holds, %d distinct states", r.Checker, m.Name, r.Distinct)
		}
	}
}
