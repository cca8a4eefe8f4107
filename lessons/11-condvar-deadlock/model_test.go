//go:build !broken

package onecond

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"github.com/pckit/pckit/tla"
)

// TestTLAModels checks the one-condition models of tla/OneCond.tla, pckit's
// Push and Pop with notFull and notEmpty made one cond and Go's FIFO Signal,
// producers and consumers looping for ever. OneCond (2 producers, 1
// consumer, capacity 1) deadlocks; OneCondFree (2, 2, capacity 2) holds.
// Each side of the rule tla/README.md's sweep found, deadlock exactly when
// 2·capacity < producers + consumers, is checked against the cfg's sizes.
// OneCond's deadlock must be the state the README describes: all three
// asleep on the one condition, c1 first, with an item in the queue. The
// models are about the design, not this build's Go code, so they run in the
// fixed build only.
func TestTLAModels(t *testing.T) {
	for _, c := range []struct {
		name    string
		verdict tla.Verdict
	}{
		{"OneCond", tla.Deadlock},
		{"OneCondFree", tla.Holds},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			r := lessontest.ExpectModel(t, c.name, c.verdict, "")
			if c.name == "OneCond" {
				states := regexp.MustCompile(`(?m)^State \d+`).Split(r.Trace, -1)
				last := states[len(states)-1]
				for name, want := range map[string]string{"waitq": "<<c1, p1, p2>>", "count": "1"} {
					if got := value(last, name); got != want {
						t.Errorf("%s: in the last state %s = %q, want %s:\n%s", r.Checker, name, got, want, last)
					}
				}
			}
			m, err := tla.Lookup(c.name)
			if err != nil {
				t.Fatal(err)
			}
			p, cons, capacity := cfgSizes(t, m)
			rule := tla.Holds
			if 2*capacity < p+cons {
				rule = tla.Deadlock
			}
			if rule != c.verdict {
				t.Errorf("%s: P=%d C=%d cap=%d: the rule 2·cap < P+C says %s, the model %s", c.name, p, cons, capacity, rule, c.verdict)
			}
			t.Logf("%s: P=%d C=%d cap=%d: 2·cap = %d, P+C = %d: %s", c.name, p, cons, capacity, 2*capacity, p+cons, c.verdict)
		})
	}
}

// value returns the value of the variable name in a state of a trace,
// whether the checker prints it as TLC does (`/\ name = v`) or as the
// offline checker does (`name = v`), or "" if the state has no such
// variable.
func value(state, name string) string {
	m := regexp.MustCompile(`(?m)^\s*(?:/\\ )?` + regexp.QuoteMeta(name) + ` = (.*)$`).FindStringSubmatch(state)
	if m == nil {
		return ""
	}
	return strings.TrimSpace(m[1])
}

// cfgSizes reads the number of producers and consumers and the capacity
// from the model's cfg.
func cfgSizes(t *testing.T, m tla.Model) (producers, consumers, capacity int) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(tla.Dir(), m.Config))
	if err != nil {
		t.Fatal(err)
	}
	cfg := string(data)
	set := func(name string) int {
		s := regexp.MustCompile(`(?m)^\s*` + name + ` = \{([^}]*)\}`).FindStringSubmatch(cfg)
		if s == nil {
			t.Fatalf("%s: no %s", m.Config, name)
		}
		return len(strings.Split(s[1], ","))
	}
	c := regexp.MustCompile(`(?m)^\s*Cap = (\d+)`).FindStringSubmatch(cfg)
	if c == nil {
		t.Fatalf("%s: no Cap", m.Config)
	}
	capacity, err = strconv.Atoi(c[1])
	if err != nil {
		t.Fatal(err)
	}
	return set("Producers"), set("Consumers"), capacity
}

// TestThreeMeaningsOfDeadlock checks what the README says of each meaning.
func TestThreeMeaningsOfDeadlock(t *testing.T) {
	// TLC's deadlock is a state with no successor, and a system that has
	// simply finished has none either. TwoQueues, whose two transfers end,
	// holds; the same spec with its Finished step taken out of Next (in a
	// temporary copy) deadlocks in the state where both transfers are done.
	t.Run("TLCFinished", func(t *testing.T) {
		t.Parallel()
		lessontest.ExpectModel(t, "TwoQueues", tla.Holds, "")
		m, err := tla.Lookup("TwoQueues")
		if err != nil {
			t.Fatal(err)
		}
		m.Name = "TwoQueues without Finished"
		m.Spec = withoutFinished(t, m.Spec)
		r := lessontest.RunModel(t, m)
		if r.Verdict != tla.Deadlock {
			t.Fatalf("%s on %s: %s, want deadlock\n%s", r.Checker, m.Name, r.Verdict, r.Output)
		}
		states := regexp.MustCompile(`(?m)^State \d+`).Split(r.Trace, -1)
		if last := states[len(states)-1]; !regexp.MustCompile(`g1 \|-> "done", g2 \|-> "done"`).MatchString(last) {
			t.Errorf("%s on %s: the deadlock is not the finished state:\n%s", r.Checker, m.Name, r.Trace)
		}
		t.Logf("%s on %s: deadlock, in the state where both transfers are done", r.Checker, m.Name)
	})

	// An invariant over the wait sets flags a lost wake-up in the state
	// where it happens, while goroutines can still move: in the last state
	// of QueueLostWakeup's trace, producers p2 and p3 are still idle.
	t.Run("Invariant", func(t *testing.T) {
		t.Parallel()
		r := lessontest.ExpectModel(t, "QueueLostWakeup", tla.Invariant, "NoLostWakeup")
		states := regexp.MustCompile(`(?m)^State \d+`).Split(r.Trace, -1)
		last := states[len(states)-1]
		for _, want := range []string{`p2 :> "idle"`, `p3 :> "idle"`, `c2 :> "wait"`} {
			if !strings.Contains(last, want) {
				t.Errorf("%s: the last state lacks %s:\n%s", r.Checker, want, last)
			}
		}
	})

	// Go's runtime: a plain program whose goroutines are all blocked dies
	// with "all goroutines are asleep". The same code in a test binary
	// hangs until the test's -timeout alarm fires: the alarm is a pending
	// timer, and the runtime reports no deadlock while a timer could still
	// wake someone. With -timeout 0 there is no alarm, and the runtime
	// reports it again.
	t.Run("Runtime", func(t *testing.T) {
		t.Parallel()
		out, code := lessontest.Run(t, "go", "run", "./testdata/asleep")
		if code == 0 {
			t.Fatalf("the program exited 0:\n%s", out)
		}
		lessontest.Expect(t, out,
			`fatal error: all goroutines are asleep - deadlock!`,
			`goroutine N \[sync\.Cond\.Wait\]:`,
			`\(\*Queue\)\.Pop\(`)
	})
	t.Run("TestBinaryTimer", func(t *testing.T) {
		t.Parallel()
		out, code := lessontest.Run(t, "go", "test", "-timeout", "1s", "./testdata/asleep")
		if code == 0 || strings.Contains(out, "all goroutines are asleep") {
			t.Fatalf("want the test binary to hang until its alarm, got (exit %d):\n%s", code, out)
		}
		lessontest.Expect(t, out, `panic: test timed out after 1s`, `TestAsleep`)
	})
	t.Run("TestBinaryNoTimer", func(t *testing.T) {
		t.Parallel()
		out, code := lessontest.Run(t, "go", "test", "-timeout", "0", "./testdata/asleep")
		if code == 0 {
			t.Fatalf("the test binary exited 0:\n%s", out)
		}
		lessontest.Expect(t, out, `fatal error: all goroutines are asleep - deadlock!`, `\(\*Queue\)\.Pop\(`)
	})
}

// withoutFinished copies spec (relative to tla.Dir()) into a temporary
// folder with the disjunct Finished removed from Next, and returns the
// copy's path relative to tla.Dir(), as tla.Model wants it.
func withoutFinished(t *testing.T, spec string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(tla.Dir(), spec))
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?m)^(Next ==.*?) \\/ Finished$`)
	if !re.Match(data) {
		t.Fatalf("%s: no `Next == ... \\/ Finished` line", spec)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, filepath.Base(spec))
	if err := os.WriteFile(path, re.ReplaceAll(data, []byte("$1")), 0o644); err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(tla.Dir(), path)
	if err != nil {
		t.Fatal(err)
	}
	return rel
}
