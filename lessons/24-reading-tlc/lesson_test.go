//go:build !broken

package readingtlc

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"github.com/pckit/pckit/tla"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestModelCheck on the broken model in a
// subprocess and asserts that the checker, whichever one ran, reports
// NoLostWakeup violated with a trace as long as tla/models.json expects, and
// that the trace shows the lost wake-up: both consumers parked on notEmpty,
// c1 woken while c2 waits, c1's context ending, c1 returning while c2 still
// waits. TLC also names each step's action; when TLC ran, the actions must be
// those the README walks through. The README always quotes TLC's run, so
// regenerating it (PCKIT_UPDATE=1) needs TLA2TOOLS_JAR.
func TestBrokenIsCaught(t *testing.T) {
	t.Parallel()
	m, err := tla.Lookup("QueueLostWakeup")
	if err != nil {
		t.Fatal(err)
	}
	out := lessontest.GoTestBroken(t, "^TestModelCheck$")
	sig := []string{
		`--- FAIL: TestModelCheck`,
		`on model QueueLostWakeup: invariant NoLostWakeup violated`,
		fmt.Sprintf(`counterexample of %d states`, m.TraceStates),
		`waitq = \[.*notEmpty \|-> <<c1, c2>>`,
		`pc = \(.*c1 :> "woken" @@ c2 :> "wait"`,
		`(?i)ctxDone = \(.*c1 :> true`,
		`pc = \(.*c1 :> "done" @@ c2 :> "wait"`,
	}
	lessontest.Expect(t, out, sig...)
	byTLC := strings.Contains(out, "tlc on model")
	if byTLC {
		lessontest.Expect(t, out, tlcActions)
	}
	// The README walks through TLC's trace, so it must quote TLC's output,
	// whichever checker ran here.
	if os.Getenv("PCKIT_UPDATE") == "1" && !byTLC {
		t.Fatal("regenerating this README needs TLC: set TLA2TOOLS_JAR")
	}
	lessontest.Quote(t, "README.md", changesOnly(out), append(sig, `tlc on model`, tlcActions)...)
}

// tlcActions is the sequence of actions in TLC's trace of QueueLostWakeup,
// as the README walks through it.
var tlcActions = `(?s)State 1: <Initial predicate>.*State 2: <Lock .*State 3: <Pop .*State 4: <Lock .*` +
	`State 5: <Pop .*State 6: <Lock .*State 7: <Push .*State 8: <Relock .*State 9: <CtxEnd .*State 10: <Pop `

var (
	reState = regexp.MustCompile(`^State \d+`)
	reVar   = regexp.MustCompile(`^(?:/\\ )?(\w+) = `)
)

// changesOnly shortens the broken run's output for quoting: the FAIL line,
// the verdict line and the trace, in which the first state is its header
// alone (every goroutine idle, the queue empty and open, mu free) and each
// later state lists only the variables its step changed. Both checkers'
// trace formats are understood.
func changesOnly(out string) string {
	var keep []string
	last := map[string]string{}
	inTrace := false
	for _, line := range strings.Split(out, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "--- FAIL"):
			keep = append(keep, line)
		case strings.Contains(line, "counterexample of"):
			keep = append(keep, line)
			inTrace = true
		case !inTrace:
		case strings.HasPrefix(line, "by hand"):
			inTrace = false
		case reState.MatchString(line):
			keep = append(keep, line)
		case reVar.MatchString(line):
			name := reVar.FindStringSubmatch(line)[1]
			value := line[len(reVar.FindString(line)):]
			if old, seen := last[name]; seen && old != value {
				keep = append(keep, line)
			}
			last[name] = value
		}
	}
	return strings.Join(keep, "\n")
}

// TestByHandCommands checks that the README gives the commands that run
// both models by hand, as the tla package spells them.
func TestByHandCommands(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"QueueLostWakeup", Model} {
		m, err := tla.Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, cmd := range []string{m.TLCCommand(), m.OfflineCommand()} {
			if !strings.Contains(string(readme), cmd) {
				t.Errorf("README.md lacks the command %s", cmd)
			}
		}
	}
}
