package tla

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Mutant is one row of mutants.json: a small textual edit of a spec that
// plants a plausible bug, the model (a row of models.json) whose cfg
// checks it, and what must catch it.
type Mutant struct {
	Name string `json:"name"`
	What string `json:"what"` // the bug, in one line
	Spec string `json:"spec"`
	// Model names the models.json row whose cfg checks the mutant.
	Model string `json:"model"`
	From  string `json:"from"` // replaced once; it must occur exactly once
	To    string `json:"to"`
	// LostWakeup mutants strand a waiter: they are checked with
	// NoLostWakeup and TypeOK dropped and the deadlock check off, so that
	// a promise to the user (a temporal property) must catch them.
	LostWakeup bool `json:"lostWakeup"`
	// CaughtBy is the invariant or property violated, or "deadlock".
	CaughtBy string `json:"caughtBy"`
	// Equivalent, if set, says why no property can catch the mutant: the
	// test then asserts that the model still holds.
	Equivalent string `json:"equivalent,omitempty"`
}

func mutants(t *testing.T) []Mutant {
	data, err := os.ReadFile(filepath.Join(Dir(), "mutants.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ms []Mutant
	if err := json.Unmarshal(data, &ms); err != nil {
		t.Fatalf("mutants.json: %v", err)
	}
	return ms
}

// TestMutantsTable checks the table itself: at least 12 mutants, each edit
// applying exactly once, each either caught by a named check or marked
// equivalent with a reason, and every lost-wake-up mutant caught by one of
// its model's temporal properties (they are checked without NoLostWakeup,
// TypeOK and the deadlock check).
func TestMutantsTable(t *testing.T) {
	ms := mutants(t)
	if len(ms) < 12 {
		t.Errorf("mutants.json has %d mutants, want at least 12", len(ms))
	}
	names := map[string]bool{}
	for _, m := range ms {
		if names[m.Name] {
			t.Errorf("mutant %s listed twice", m.Name)
		}
		names[m.Name] = true
		src, err := os.ReadFile(filepath.Join(Dir(), m.Spec))
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(src), m.From); n != 1 {
			t.Errorf("mutant %s: its edit's text occurs %d times in %s, want once", m.Name, n, m.Spec)
		}
		if (m.CaughtBy == "") == (m.Equivalent == "") {
			t.Errorf("mutant %s: needs exactly one of caughtBy and equivalent", m.Name)
		}
		model, err := Lookup(m.Model)
		if err != nil {
			t.Errorf("mutant %s: %v", m.Name, err)
			continue
		}
		cfg, err := os.ReadFile(filepath.Join(Dir(), model.Config))
		if err != nil {
			t.Fatal(err)
		}
		if promises := CfgNames(string(cfg), "PROPERTY", "PROPERTIES"); m.LostWakeup && m.Equivalent == "" && !slices.Contains(promises, m.CaughtBy) {
			t.Errorf("mutant %s: a lost wake-up must be caught by a promise of %s (%s), not by %s", m.Name, m.Model, strings.Join(promises, ", "), m.CaughtBy)
		}
	}
}

// TestMutants applies each mutant to a temporary copy of its spec, checks
// its model, and asserts that it is caught by what the table says (a
// lost-wake-up mutant by a promise alone), or, for an
// equivalent mutant, that the model still holds, under both checkers (TLC
// when present). It runs with PCKIT_TLA_LONG=1, as .ci/run does;
// TestMutantsTable checks the table on every run.
func TestMutants(t *testing.T) {
	if err := FindOffline(); err != nil {
		t.Fatal(err)
	}
	jar, err := FindTLC(t.Context())
	if err != nil {
		t.Logf("TLC not run, offline checker only: %v", err)
	}
	if !longModels() {
		t.Log("each mutant is a full model check, minutes of CPU in all: PCKIT_TLA_LONG=1 go test -run TestMutants ./tla/ runs them (.ci/run does)")
		return
	}
	for _, mu := range mutants(t) {
		t.Run(mu.Name, func(t *testing.T) {
			t.Parallel()
			m := mutate(t, mu)
			check := func(r Result, err error) {
				t.Helper()
				if err != nil {
					t.Fatalf("%s: %v", r.Checker, err)
				}
				switch {
				case mu.Equivalent != "" && r.Verdict != Holds:
					t.Errorf("%s: marked equivalent, but %s found %s %s:\n%s", mu.Name, r.Checker, r.Verdict, r.Violated, r.Trace)
				case mu.Equivalent == "" && r.Verdict == Holds:
					t.Errorf("%s (%s): not caught by %s: every property holds", mu.Name, mu.What, r.Checker)
				case mu.Equivalent == "" && r.Caught() != mu.CaughtBy:
					t.Errorf("%s: caught by %s under %s, the table says %s", mu.Name, r.Caught(), r.Checker, mu.CaughtBy)
				}
				t.Logf("%s: %s %s, %d states, trace of %d, %v", r.Checker, r.Verdict, r.Violated, r.Distinct, r.TraceStates, r.Elapsed.Round(1e6))
			}
			check(RunOffline(t.Context(), m))
			if jar != "" {
				check(RunTLC(t.Context(), jar, m))
			}
		})
	}
}

// mutate writes the mutant's spec and its model's cfg into a temporary
// folder and returns the model. For a lost-wake-up mutant the cfg drops
// NoLostWakeup and TypeOK and turns the deadlock check off, and the spec's
// TypeOK is renamed (the offline checker checks an operator of that name
// even when no cfg lists it).
func mutate(t *testing.T, mu Mutant) Model {
	t.Helper()
	m, err := Lookup(mu.Model)
	if err != nil {
		t.Fatal(err)
	}
	m.Spec = mu.Spec
	return variant(t, m, mu.Name,
		func(src string) string {
			src = strings.Replace(src, mu.From, mu.To, 1)
			if mu.LostWakeup {
				src = strings.Replace(src, "\nTypeOK ==", "\nTypeOKUnchecked ==", 1)
			}
			return src
		},
		func(cfg string) string {
			if mu.LostWakeup {
				return dropNames(cfg, []string{"NoLostWakeup", "TypeOK"}) + "\nCHECK_DEADLOCK FALSE\n"
			}
			return cfg
		})
}

// variant returns m named name, its spec and cfg edited by the given
// functions and written into a temporary folder.
func variant(t *testing.T, m Model, name string, spec, cfg func(string) string) Model {
	t.Helper()
	dir := t.TempDir()
	m.Name = name
	for _, f := range []struct {
		path *string
		edit func(string) string
	}{{&m.Spec, spec}, {&m.Config, cfg}} {
		data, err := os.ReadFile(filepath.Join(Dir(), *f.path))
		if err != nil {
			t.Fatal(err)
		}
		*f.path = filepath.Join(dir, filepath.Base(*f.path))
		if err := os.WriteFile(*f.path, []byte(f.edit(string(data))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return m
}
