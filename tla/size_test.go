package tla

import (
	"strings"
	"testing"
)

// TestQueueModelSize checks what the default model's row in models.json
// claims of its size: in tla/Queue.cfg two pushers wait at once, so do two
// poppers, and two AfterFunc callbacks are pending on one cond. Each
// situation is the negation of an invariant that must be violated (found
// by breadth-first search long before the whole state space, so this runs
// on every test run), in a temporary copy of the spec with the invariant
// added.
func TestQueueModelSize(t *testing.T) {
	if err := FindOffline(); err != nil {
		t.Fatal(err)
	}
	m, err := Lookup("Queue")
	if err != nil {
		t.Fatal(err)
	}
	never := map[string]string{
		"TwoPushersWait":   `Cardinality({p \in Producers : pc[p] = "wait"}) < 2`,
		"TwoPoppersWait":   `Cardinality({p \in Consumers : pc[p] = "wait"}) < 2`,
		"TwoPushCallbacks": `Cardinality({p \in Producers : pending[p]}) < 2`,
		"TwoPopCallbacks":  `Cardinality({p \in Consumers : pending[p]}) < 2`,
	}
	for name, inv := range never {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			v := variant(t, m, name,
				func(src string) string {
					end := strings.LastIndex(src, "\n====")
					return src[:end] + "\n" + name + " == " + inv + src[end:]
				},
				func(cfg string) string {
					return DropSections(cfg, "INVARIANT", "INVARIANTS", "PROPERTY", "PROPERTIES") + "\nINVARIANT " + name + "\n"
				})
			r, err := RunOffline(t.Context(), v)
			if err != nil {
				t.Fatal(err)
			}
			if r.Verdict != Invariant || r.Violated != name {
				t.Fatalf("model Queue: %s never happens (the checker found %s %s in %d states)", strings.TrimSuffix(inv, " < 2"), r.Verdict, r.Violated, r.Distinct)
			}
			t.Logf("reached in %d steps (%d states explored)", r.TraceStates-1, r.Distinct)
		})
	}
}
