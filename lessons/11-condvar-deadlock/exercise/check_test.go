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
	"go.uber.org/goleak"
)

var (
	//go:embed prediction.txt
	prediction string
	//go:embed A.cfg
	cfgA string
	//go:embed B.cfg
	cfgB string
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// model is one of the learner's two cfgs and what the checker said of it.
type model struct {
	file, cfg string
	capacity  int
	r         tla.Result
}

// TestCheck checks tla/OneCond.tla with each of A.cfg and B.cfg (with TLC
// when a tla2tools.jar is found, else with the offline checker). The two
// capacities must lie on either side of the rule, each verdict must be the
// rule's, and the verdicts and the size of the deadlock are the
// predictions.
func TestCheck(t *testing.T) {
	ms := []*model{{file: "A.cfg", cfg: cfgA}, {file: "B.cfg", cfg: cfgB}}
	for _, m := range ms {
		if p, c := count(m.cfg, "Producers"), count(m.cfg, "Consumers"); p != 3 || c != 2 {
			t.Fatalf("%s: keep Producers = {p1, p2, p3} and Consumers = {c1, c2}; it has %d and %d", m.file, p, c)
		}
		s := regexp.MustCompile(`(?m)^\s*Cap = (-?\d+)\s*$`).FindStringSubmatch(m.cfg)
		if s == nil {
			t.Fatalf("%s: no `Cap = N` line", m.file)
		}
		m.capacity, _ = strconv.Atoi(s[1])
		if m.capacity < 1 {
			t.Fatalf("%s: Cap = %d; choose a capacity of 1 or more", m.file, m.capacity)
		}
	}
	t.Run("models", func(t *testing.T) {
		for _, m := range ms {
			t.Run(m.file, func(t *testing.T) {
				t.Parallel()
				m.r = lessontest.RunModel(t, cfgModel(t, m))
			})
		}
	})
	if t.Failed() {
		return
	}
	rule := func(capacity int) tla.Verdict {
		if 2*capacity < 3+2 {
			return tla.Deadlock
		}
		return tla.Holds
	}
	parked := ""
	for _, m := range ms {
		t.Logf("%s on %s: Cap = %d, 2·Cap = %d, P + C = 5: %s", m.r.Checker, m.file, m.capacity, 2*m.capacity, m.r.Verdict)
		if m.r.Verdict != rule(m.capacity) {
			t.Errorf("%s: Cap = %d: the rule 2·Cap < P + C says %s, the checker says %s", m.file, m.capacity, rule(m.capacity), m.r.Verdict)
		}
		if m.r.Verdict == tla.Deadlock {
			states := regexp.MustCompile(`(?m)^State \d+`).Split(m.r.Trace, -1)
			w := regexp.MustCompile(`(?m)^\s*(?:/\\ )?waitq = <<(.*)>>\s*$`).FindStringSubmatch(states[len(states)-1])
			if w == nil {
				t.Fatalf("%s: no waitq in the deadlocked state:\n%s", m.file, m.r.Trace)
			}
			parked = strconv.Itoa(len(strings.Split(w[1], ",")))
		}
	}
	if ms[0].r.Verdict == ms[1].r.Verdict {
		t.Fatalf("both models: %s. Choose one capacity on each side of 2·Cap < P + C, so that one deadlocks and one holds", ms[0].r.Verdict)
	}
	lessontest.ExpectAnswers(t, prediction, string(ms[0].r.Verdict), string(ms[1].r.Verdict), parked)
}

// count returns how many names the cfg's set name = {…} holds.
func count(cfg, name string) int {
	s := regexp.MustCompile(`(?m)^\s*` + name + ` = \{([^}]*)\}`).FindStringSubmatch(cfg)
	if s == nil {
		return 0
	}
	return len(strings.Split(s[1], ","))
}

// cfgModel writes m's cfg to a temporary folder and returns the model of
// tla/OneCond.tla with it, its paths relative to tla.Dir() as tla.Model
// wants them.
func cfgModel(t *testing.T, m *model) tla.Model {
	path := filepath.Join(t.TempDir(), m.file)
	if err := os.WriteFile(path, []byte(m.cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(tla.Dir(), path)
	if err != nil {
		t.Fatal(err)
	}
	return tla.Model{Name: "OneCond with " + m.file, Spec: "OneCond.tla", Config: rel}
}
