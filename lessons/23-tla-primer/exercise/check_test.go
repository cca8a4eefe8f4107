//go:build exercise

package exercise

import (
	_ "embed"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"github.com/pckit/pckit/tla"
	"go.uber.org/goleak"
)

var (
	//go:embed Slots.tla
	spec string
	//go:embed Slots.cfg
	cfg string
	//go:embed prediction.txt
	prediction string
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// model writes the spec (with extra definitions before its last line) and
// a cfg into a temporary folder and returns the model of the two.
func model(t *testing.T, extra, cfgText string) tla.Model {
	t.Helper()
	dir := t.TempDir()
	end := strings.LastIndex(spec, "\n====")
	if end < 0 {
		t.Fatal("Slots.tla lost its closing ==== line")
	}
	text := spec[:end] + "\n" + extra + spec[end:]
	if err := os.WriteFile(filepath.Join(dir, "Slots.tla"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "Slots.cfg"), []byte(cfgText), 0o644); err != nil {
		t.Fatal(err)
	}
	return lessontest.LocalModel(t, dir, "Slots.tla", "Slots.cfg")
}

// TestNeverOver checks Slots.tla under Slots.cfg with both checkers: each
// must say the model holds.
func TestNeverOver(t *testing.T) {
	t.Parallel()
	if !strings.Contains(spec, "NeverOver == used <= Cap") || !regexp.MustCompile(`(?m)^INVARIANTS? .*NeverOver`).MatchString(cfg) {
		t.Fatal("keep the invariant as it was: NeverOver == used <= Cap in Slots.tla, and listed under INVARIANT in Slots.cfg")
	}
	for _, r := range lessontest.CheckBoth(t, model(t, "", cfg)) {
		if r.Verdict != tla.Holds {
			t.Errorf("%s: %s %s; counterexample of %d states:\n%s", r.Checker, r.Verdict, r.Violated, r.TraceStates, r.Trace)
		}
	}
}

// TestASlotIsTaken checks, with the offline checker, that the model still
// lets a goroutine take a slot: the invariant "no slot is ever taken",
// added by this check, must be violated. (A model where nothing happens
// breaks no invariant.)
func TestASlotIsTaken(t *testing.T) {
	t.Parallel()
	m := model(t, "CheckNoneTaken == used = 0", regexp.MustCompile(`(?m)^INVARIANTS? .*$`).ReplaceAllString(cfg, "INVARIANT CheckNoneTaken"))
	r := offline(t, m)
	if r.Verdict != tla.Invariant || r.Violated != "CheckNoneTaken" {
		t.Errorf("%s: %s %s, want a state where a slot is taken (used > 0): no goroutine can take a slot any more", r.Checker, r.Verdict, r.Violated)
	}
}

// offline checks m with the offline checker.
func offline(t *testing.T, m tla.Model) tla.Result {
	t.Helper()
	if err := tla.FindOffline(); err != nil {
		t.Fatalf("the offline TLA+ checker is needed: %v (run npm ci --prefix tla)", err)
	}
	r, err := tla.RunOffline(t.Context(), m)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestPrediction checks the lesson's broken model, Counter.tla under
// CounterRace.cfg, with the offline checker and compares prediction.txt
// with its verdict and the last state of its counterexample.
func TestPrediction(t *testing.T) {
	t.Parallel()
	r := offline(t, lessontest.LocalModel(t, "..", "Counter.tla", "CounterRace.cfg"))
	ns := regexp.MustCompile(`(?m)^\s*n = (\d+)`).FindAllStringSubmatch(r.Trace, -1)
	if r.Verdict != tla.Invariant || len(ns) == 0 {
		t.Fatalf("the lesson's broken model gave no counterexample: %s %s\n%s", r.Verdict, r.Violated, r.Output)
	}
	lessontest.ExpectAnswers(t, prediction, r.Violated, ns[len(ns)-1][1])
}
