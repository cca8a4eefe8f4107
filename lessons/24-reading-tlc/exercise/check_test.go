//go:build exercise

package exercise

import (
	_ "embed"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"github.com/pckit/pckit/tla"
)

var (
	//go:embed prediction.txt
	prediction string
	//go:embed Mailbox.tla
	mailbox string
)

// check model-checks Mailbox.tla as it is now with the given cfg constants,
// by TLC where a tla2tools.jar is found, else by the offline checker.
func check(t *testing.T, name, constants string) tla.Result {
	t.Helper()
	dir := t.TempDir()
	spec, cfg := filepath.Join(dir, "Mailbox.tla"), filepath.Join(dir, name+".cfg")
	if err := os.WriteFile(spec, []byte(mailbox), 0o644); err != nil {
		t.Fatal(err)
	}
	text := "SPECIFICATION Spec\nCONSTANTS\n" + constants + "\nINVARIANT TypeOK\n"
	if err := os.WriteFile(cfg, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	relSpec, err := filepath.Rel(tla.Dir(), spec)
	if err != nil {
		t.Fatal(err)
	}
	relCfg, err := filepath.Rel(tla.Dir(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return lessontest.RunModel(t, tla.Model{Name: name, Spec: relSpec, Config: relCfg})
}

// TestPrediction checks the Signal variant with two consumers and compares
// the checker's verdict, trace length and parked consumers at the end with
// prediction.txt.
func TestPrediction(t *testing.T) {
	r := check(t, "MailboxSignal", "    Consumers = {c1, c2}\n    CloseSignals = TRUE")
	states := regexp.MustCompile(`(?m)^State \d+`).Split(r.Trace, -1)
	last := states[len(states)-1]
	parked := strings.Count(last, `"wait"`)
	lessontest.ExpectAnswers(t, prediction, string(r.Verdict), strconv.Itoa(r.TraceStates), strconv.Itoa(parked))
	t.Logf("%s: %s, counterexample of %d states:\n%s", r.Checker, r.Verdict, r.TraceStates, r.Trace)
}

// TestBroadcastWakesEveryone checks the Broadcast variant with three
// consumers: it must hold (no deadlock, TypeOK).
func TestBroadcastWakesEveryone(t *testing.T) {
	r := check(t, "MailboxBroadcast", "    Consumers = {c1, c2, c3}\n    CloseSignals = FALSE")
	if r.Verdict != tla.Holds {
		t.Fatalf("%s on Mailbox with Broadcast: %s %s, want holds; the counterexample:\n%s", r.Checker, r.Verdict, r.Violated, r.Trace)
	}
	t.Logf("%s: holds, %d distinct states", r.Checker, r.Distinct)
}
