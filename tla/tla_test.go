package tla

import (
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
		if !slices.Contains([]string{Holds, Deadlock, Invariant, Property}, m.Verdict) {
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

// TestModels checks every model with every checker found, asserts the
// expected verdict and state counts, and that the checkers agree.
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
		t.Run(m.Name, func(t *testing.T) {
			t.Parallel()
			ctx := t.Context()
			off, err := RunOffline(ctx, m)
			if err != nil {
				t.Fatalf("offline checker: %v", err)
			}
			t.Logf("tla-checker: %s %s, %d distinct states, %v", off.Verdict, off.Violated, off.Distinct, off.Elapsed.Round(1e6))
			expect(t, m, off, m.OfflineStates)
			if jar == "" {
				return
			}
			tlc, err := RunTLC(ctx, jar, m)
			if err != nil {
				t.Fatalf("TLC: %v", err)
			}
			t.Logf("TLC: %s %s, %d distinct states, %v", tlc.Verdict, tlc.Violated, tlc.Distinct, tlc.Elapsed.Round(1e6))
			expect(t, m, tlc, m.TLCStates)
			if tlc.Verdict != off.Verdict || tlc.Violated != off.Violated || tlc.TraceStates != off.TraceStates ||
				(m.Verdict == Holds && tlc.Distinct != off.Distinct) {
				t.Errorf("model %s: the checkers disagree: TLC %s %s (%d states, trace of %d), tla-checker %s %s (%d states, trace of %d)",
					m.Name, tlc.Verdict, tlc.Violated, tlc.Distinct, tlc.TraceStates,
					off.Verdict, off.Violated, off.Distinct, off.TraceStates)
			}
		})
	}
}

func expect(t *testing.T, m Model, r Result, stopStates int) {
	t.Helper()
	if r.Verdict != m.Verdict || r.Violated != m.Violated {
		t.Errorf("model %s under %s: got %s %s, want %s %s\n%s", m.Name, r.Checker, r.Verdict, r.Violated, m.Verdict, m.Violated, tail(r.Output))
		return
	}
	if m.Verdict == Holds {
		if r.Distinct != m.States {
			t.Errorf("model %s under %s: %d distinct states, want %d", m.Name, r.Checker, r.Distinct, m.States)
		}
		return
	}
	if r.TraceStates != m.TraceStates {
		t.Errorf("model %s under %s: counterexample of %d states, want %d\n%s", m.Name, r.Checker, r.TraceStates, m.TraceStates, r.Trace)
	}
	if r.Distinct != stopStates {
		t.Errorf("model %s under %s: stopped at %d distinct states, want %d", m.Name, r.Checker, r.Distinct, stopStates)
	}
	if strings.TrimSpace(r.Trace) == "" {
		t.Errorf("model %s under %s: %s without a counterexample trace", m.Name, r.Checker, r.Verdict)
	}
}

func tail(s string) string {
	if len(s) > 3000 {
		return "..." + s[len(s)-3000:]
	}
	return s
}
