package readingtlc

import (
	"fmt"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"github.com/pckit/pckit/tla"
)

// TestModelCheck checks Model with TLC when a tla2tools.jar is found
// (tla.FindTLC: $TLA2TOOLS_JAR or the cached pinned release), else with the
// offline checker. A model that holds must have exactly the distinct states
// tla/models.json expects. Any other verdict fails the test, printing the
// checker's verdict and its counterexample trace as the checker printed it.
func TestModelCheck(t *testing.T) {
	t.Parallel()
	m, r := lessontest.CheckModel(t, Model)
	if r.Verdict != tla.Holds {
		t.Errorf("%s on model %s: %s; counterexample of %d states (%d distinct states explored):\n%s\n%s",
			r.Checker, m.Name, verdict(r), r.TraceStates, r.Distinct, r.Trace, byHand(m))
		return
	}
	if r.Distinct != m.States {
		t.Fatalf("%s on model %s: holds with %d distinct states, tla/models.json expects %d", r.Checker, m.Name, r.Distinct, m.States)
	}
	t.Logf("%s on model %s: holds; %d distinct states, as tla/models.json expects (%v)", r.Checker, m.Name, r.Distinct, r.Elapsed.Round(1e8))
}

// verdict says what the checker found, in one phrase.
func verdict(r tla.Result) string {
	switch r.Verdict {
	case tla.Invariant:
		return "invariant " + r.Violated + " violated"
	case tla.Property:
		return "property " + r.Violated + " violated"
	}
	return string(r.Verdict)
}

// byHand gives the commands that show a checker's whole output for m.
func byHand(m tla.Model) string {
	return fmt.Sprintf("by hand, from the repository root:\n  %s\n  %s", m.TLCCommand(), m.OfflineCommand())
}
