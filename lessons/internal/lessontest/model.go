package lessontest

import (
	"os"
	"strings"
	"testing"

	"github.com/pckit/pckit/tla"
)

// CheckModel runs the named model of tla/models.json with TLC when a
// tla2tools.jar is found (tla.FindTLC), else with the offline checker. It
// fails, never skips, when neither can run.
func CheckModel(t testing.TB, name string) (tla.Model, tla.Result) {
	t.Helper()
	m, err := tla.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	return m, RunModel(t, m)
}

// RunModel checks m as CheckModel does.
func RunModel(t testing.TB, m tla.Model) tla.Result {
	t.Helper()
	ctx := t.Context()
	var (
		r   tla.Result
		err error
	)
	if jar, tlcErr := tla.FindTLC(ctx); tlcErr == nil {
		r, err = tla.RunTLC(ctx, jar, m)
	} else if offErr := tla.FindOffline(); offErr == nil {
		r, err = tla.RunOffline(ctx, m)
	} else {
		t.Fatalf("no TLA+ checker can run: TLC: %v; offline: %v", tlcErr, offErr)
	}
	if err != nil {
		t.Fatalf("model %s: %v", m.Name, err)
	}
	return r
}

// ExpectModel checks the named model and fails unless the checker's verdict
// is verdict (and, for an invariant, names violated), with the
// counterexample length or, for a model that holds, the number of distinct
// states that tla/models.json records. It also fails unless the lesson's
// README gives the command that runs the model with TLC by hand.
func ExpectModel(t testing.TB, name string, verdict tla.Verdict, violated string) tla.Result {
	t.Helper()
	m, r := CheckModel(t, name)
	if r.Verdict != verdict || r.Violated != violated {
		t.Fatalf("%s on model %s: %s %s, want %s %s\n%s", r.Checker, name, r.Verdict, r.Violated, verdict, violated, r.Trace)
	}
	switch {
	case verdict == tla.Holds && r.Distinct != m.States:
		t.Errorf("%s on model %s: holds with %d distinct states, want %d", r.Checker, name, r.Distinct, m.States)
	case verdict != tla.Holds && r.TraceStates != m.TraceStates:
		t.Errorf("%s on model %s: counterexample of %d states, want %d\n%s", r.Checker, name, r.TraceStates, m.TraceStates, r.Trace)
	}
	if verdict == tla.Holds {
		t.Logf("%s on model %s: holds, %d distinct states", r.Checker, name, r.Distinct)
	} else {
		t.Logf("%s on model %s: %s, counterexample of %d states", r.Checker, name, strings.TrimSpace(string(r.Verdict)+" "+r.Violated), r.TraceStates)
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), m.TLCCommand()) {
		t.Errorf("README.md lacks the command that runs %s by hand: %s", name, m.TLCCommand())
	}
	return r
}
