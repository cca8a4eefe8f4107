package tla

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestEveryFileHasAnExpectation fails when a .tla or .cfg in this folder is
// not in models.json, or models.json names a file that is not here.
func TestEveryFileHasAnExpectation(t *testing.T) {
	ms, err := Models()
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	names := map[string]bool{}
	for _, m := range ms {
		if names[m.Name] {
			t.Errorf("models.json: model %s listed twice", m.Name)
		}
		names[m.Name] = true
		listed[m.Spec], listed[m.Config] = true, true
		for _, f := range []string{m.Spec, m.Config} {
			if _, err := os.Stat(filepath.Join(Dir(), f)); err != nil {
				t.Errorf("model %s: %v", m.Name, err)
			}
		}
		if !slices.Contains([]Verdict{Holds, Deadlock, Invariant, Property}, m.Verdict) {
			t.Errorf("model %s: unknown verdict %q", m.Name, m.Verdict)
		}
		if (m.Verdict == Invariant || m.Verdict == Property) != (m.Violated != "") {
			t.Errorf("model %s: verdict %s with violated %q", m.Name, m.Verdict, m.Violated)
		}
		if m.Verdict == Holds && m.States == 0 {
			t.Errorf("model %s: holds, but no expected state count", m.Name)
		}
		if m.Verdict != Holds && (m.TraceStates == 0 || m.TLCStates == 0 || m.OfflineStates == 0) {
			t.Errorf("model %s: a counterexample needs traceStates, tlcStates and offlineStates", m.Name)
		}
		cfg, err := os.ReadFile(filepath.Join(Dir(), m.Config))
		if err != nil {
			continue
		}
		// TLC's symmetry reduction is unsound for temporal properties, and
		// the offline checker ignores a SYMMETRY line: the two would count
		// different states. The models need none (see README.md).
		if len(CfgNames(string(cfg), "SYMMETRY")) > 0 {
			t.Errorf("model %s: a SYMMETRY in its cfg: TLC's reduction is unsound for temporal properties and the offline checker ignores it", m.Name)
		}
		if err := SpecIsSpec(cfg); err != nil {
			t.Errorf("model %s: %v", m.Name, err)
		}
	}
	for _, pattern := range []string{"*.tla", "*.cfg"} {
		files, err := filepath.Glob(filepath.Join(Dir(), pattern))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if !listed[filepath.Base(f)] {
				t.Errorf("%s has no expectation in models.json", filepath.Base(f))
			}
		}
	}
}

// longModels reports whether the models marked long run too: .ci/run sets
// PCKIT_TLA_LONG=1.
func longModels() bool { return os.Getenv("PCKIT_TLA_LONG") == "1" }

// TestModels checks every model with every checker found, asserts the
// expected verdict and state counts, and that the checkers agree. Models
// marked long run only with PCKIT_TLA_LONG=1.
func TestModels(t *testing.T) {
	ms, err := Models()
	if err != nil {
		t.Fatal(err)
	}
	if err := FindOffline(); err != nil {
		t.Fatal(err)
	}
	jar, err := FindTLC(t.Context())
	if err != nil {
		t.Logf("TLC not run, offline checker only: %v", err)
	}
	for _, m := range ms {
		if m.Long && !longModels() {
			t.Logf("model %s is long: run it with PCKIT_TLA_LONG=1 go test ./tla/ (.ci/run does)", m.Name)
			continue
		}
		t.Run(m.Name, func(t *testing.T) {
			t.Parallel()
			ctx := t.Context()
			off, err := RunOffline(ctx, m)
			if err != nil {
				t.Fatalf("offline checker: %v", err)
			}
			t.Logf("tla-checker: %s %s, %d distinct states, trace of %d, %v", off.Verdict, off.Violated, off.Distinct, off.TraceStates, off.Elapsed.Round(1e6))
			offOK := expect(t, m, off)
			if jar == "" {
				return
			}
			tlc, err := RunTLC(ctx, jar, m)
			if err != nil {
				t.Fatalf("TLC: %v", err)
			}
			t.Logf("TLC: %s %s, %d distinct states, trace of %d, %v", tlc.Verdict, tlc.Violated, tlc.Distinct, tlc.TraceStates, tlc.Elapsed.Round(1e6))
			if expect(t, m, tlc) && offOK {
				if msg := disagree(tlc, off); msg != "" {
					t.Errorf("model %s: the checkers disagree: %s", m.Name, msg)
				}
			}
		})
	}
}

// disagree compares what two checkers found, each as the model expects
// (so a changed verdict is reported by expect, never as a disagreement):
// verdict, violated name, and the distinct states of a model that holds.
// A counterexample's length may differ only for a lasso, as models.json
// records it.
func disagree(tlc, off Result) string {
	switch {
	case tlc.Verdict != off.Verdict || tlc.Violated != off.Violated:
		return fmt.Sprintf("TLC %s %s, tla-checker %s %s", tlc.Verdict, tlc.Violated, off.Verdict, off.Violated)
	case tlc.Verdict == Holds && tlc.Distinct != off.Distinct:
		return fmt.Sprintf("TLC %d distinct states, tla-checker %d", tlc.Distinct, off.Distinct)
	}
	return ""
}

// expect reports whether r is what models.json expects of m under r's
// checker, and fails the test naming what changed otherwise.
func expect(t *testing.T, m Model, r Result) bool {
	t.Helper()
	if r.Verdict != m.Verdict || r.Violated != m.Violated {
		t.Errorf("model %s under %s: the verdict changed: got %s %s, want %s %s\n%s", m.Name, r.Checker, r.Verdict, r.Violated, m.Verdict, m.Violated, tail(r.Output))
		return false
	}
	if m.Verdict == Holds {
		if r.Distinct != m.States {
			t.Errorf("model %s under %s: %d distinct states, want %d", m.Name, r.Checker, r.Distinct, m.States)
			return false
		}
		return true
	}
	trace, stop := m.TraceStates, m.TLCStates
	if r.Checker != "tlc" {
		stop = m.OfflineStates
		if m.OfflineTraceStates != 0 {
			trace = m.OfflineTraceStates
		}
	}
	ok := true
	if r.TraceStates != trace {
		t.Errorf("model %s under %s: counterexample of %d states, want %d\n%s", m.Name, r.Checker, r.TraceStates, trace, r.Trace)
		ok = false
	}
	if r.Distinct != stop {
		t.Errorf("model %s under %s: stopped at %d distinct states, want %d", m.Name, r.Checker, r.Distinct, stop)
		ok = false
	}
	if strings.TrimSpace(r.Trace) == "" {
		t.Errorf("model %s under %s: %s without a counterexample trace", m.Name, r.Checker, r.Verdict)
		ok = false
	}
	return ok
}

func tail(s string) string {
	if len(s) > 3000 {
		return "..." + s[len(s)-3000:]
	}
	return s
}
