//go:build !broken

package tlaprimer

import (
	"os"
	"strings"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestModelCheck on CounterRace.cfg in a subprocess
// and asserts that the checkers report AllCounted violated by a
// counterexample of 5 states that ends with both goroutines done and n = 1.
// The README quotes a run in which TLC ran too, so regenerating it
// (PCKIT_UPDATE=1) needs TLA2TOOLS_JAR.
func TestBrokenIsCaught(t *testing.T) {
	t.Parallel()
	out := lessontest.GoTestBroken(t, "^TestModelCheck$")
	sig := []string{
		`--- FAIL: TestModelCheck`,
		`tla-checker on model CounterRace: invariant AllCounted violated; counterexample of 5 states`,
		`n = 1\s+(/\\ )?pc = \(g1 :> "done" @@ g2 :> "done"\)`,
	}
	lessontest.Expect(t, out, sig...)
	byTLC := strings.Contains(out, "tlc on model")
	if os.Getenv("PCKIT_UPDATE") == "1" && !byTLC {
		t.Fatal("regenerating this README needs TLC: set TLA2TOOLS_JAR")
	}
	lessontest.Quote(t, "README.md", shorten(out), append(sig, `tlc on model CounterRace: invariant AllCounted violated; counterexample of 5 states`)...)
}

// shorten cuts the offline checker's trace from the output for quoting: it
// is TLC's trace again, without action names and numbered from 0.
func shorten(out string) string {
	i := strings.Index(out, "tla-checker on model")
	if i < 0 {
		return out
	}
	end := i + strings.Index(out[i:], "\n")
	tail := strings.Index(out[end:], "\nFAIL\n")
	if tail < 0 {
		return out
	}
	return out[:end] + "\n        […]" + out[end+tail:]
}
