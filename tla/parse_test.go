package tla

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseTLC reads TLC 2.18 outputs captured in testdata/tlc (one per
// verdict, from the models named below) without running Java.
func TestParseTLC(t *testing.T) {
	for _, c := range []struct {
		file     string // captured from the model, cfg as in models.json
		props    []string
		verdict  Verdict
		violated string
		distinct int
		trace    int
	}{
		{"holds.txt", nil, Holds, "", 12, 0},                                              // TwoQueues
		{"deadlock.txt", []string{"Termination"}, Deadlock, "", 1240, 17},                 // QueueOneCond
		{"invariant.txt", nil, Invariant, "Conservation", 401, 6},                         // QueuePopIf
		{"property.txt", []string{"ConsumersReturn"}, Property, "ConsumersReturn", 29, 7}, // QueueNeverClosed: a lasso
		{"property.txt", []string{"Termination", "ConsumersReturn"}, Property, "", 29, 7}, // unnamed: RunTLC finds it
	} {
		data, err := os.ReadFile(filepath.Join("testdata", "tlc", c.file))
		if err != nil {
			t.Fatal(err)
		}
		r, err := ParseTLC(string(data), c.props)
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		if r.Verdict != c.verdict || r.Violated != c.violated || r.Distinct != c.distinct || r.TraceStates != c.trace {
			t.Errorf("%s: %s %q, %d states, trace of %d; want %s %q, %d, %d",
				c.file, r.Verdict, r.Violated, r.Distinct, r.TraceStates, c.verdict, c.violated, c.distinct, c.trace)
		}
		if (c.trace > 0) != strings.HasPrefix(r.Trace, "Error: The") {
			t.Errorf("%s: trace %.80q", c.file, r.Trace)
		}
	}
	if _, err := ParseTLC("Error: TLC threw an unexpected exception.", nil); err == nil {
		t.Error("an output with no verdict parsed without error")
	}
}

// TestOfflineRefusesOtherSpecification: the offline checker applies the
// fairness of the operator named Spec only, so a cfg naming another
// specification must be refused, by RunOffline and by check.mjs.
func TestOfflineRefusesOtherSpecification(t *testing.T) {
	if err := FindOffline(); err != nil {
		t.Fatal(err)
	}
	m, err := Lookup("QueueNeverClosed")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile(filepath.Join(Dir(), m.Config))
	if err != nil {
		t.Fatal(err)
	}
	other := strings.Replace(string(cfg), "SPECIFICATION Spec", "SPECIFICATION SpecWithoutFairness", 1)
	m.Config = filepath.Join(t.TempDir(), "Other.cfg")
	if err := os.WriteFile(m.Config, []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := RunOffline(t.Context(), m); err == nil || !strings.Contains(err.Error(), "fairness only from the operator named Spec") {
		t.Errorf("RunOffline on a cfg naming SpecWithoutFairness: %v", err)
	}
	out, err := execNode(t, m)
	if err == nil || !strings.Contains(out, "fairness only from the operator named Spec") {
		t.Errorf("check.mjs on a cfg naming SpecWithoutFairness: %v: %s", err, out)
	}
}

func execNode(t *testing.T, m Model) (string, error) {
	cmd := exec.CommandContext(t.Context(), "node", filepath.Join(Dir(), "check.mjs"), path(m.Spec), path(m.Config))
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestDisagree: two checkers that each found what the model expects
// disagree only on the verdict, the name, or a holding model's state
// count; a lasso's length may differ (they search differently).
func TestDisagree(t *testing.T) {
	holds := Result{Checker: "tlc", Verdict: Holds, Distinct: 12}
	prop := Result{Checker: "tlc", Verdict: Property, Violated: "ConsumersReturn", Distinct: 29, TraceStates: 7}
	for _, c := range []struct {
		tlc, off Result
		want     bool
	}{
		{holds, holds, false},
		{holds, Result{Verdict: Holds, Distinct: 13}, true},
		{prop, Result{Verdict: Property, Violated: "ConsumersReturn", Distinct: 31, TraceStates: 8}, false},
		{prop, Result{Verdict: Property, Violated: "Termination", Distinct: 29, TraceStates: 7}, true},
		{holds, Result{Verdict: Deadlock, Distinct: 12, TraceStates: 3}, true},
	} {
		if got := disagree(c.tlc, c.off) != ""; got != c.want {
			t.Errorf("disagree(%+v, %+v) = %v, want %v", c.tlc, c.off, got, c.want)
		}
	}
}
