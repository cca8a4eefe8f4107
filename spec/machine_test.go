package spec_test

import (
	"strings"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/commands"

	"github.com/pckit/pckit/queue"
	"github.com/pckit/pckit/spec"
)

// machineSeed is the state machine tests' fixed seed: a failure is
// reproduced by running the test again.
const machineSeed = 20250601

// machineParams returns gopter's parameters: the fixed seed, printed, and
// sizes that keep the run quick (trimmed by -short).
func machineParams(t *testing.T) *gopter.TestParameters {
	t.Helper()
	p := gopter.DefaultTestParametersWithSeed(machineSeed)
	p.MinSuccessfulTests = 200
	p.MaxSize = 60
	if testing.Short() {
		p.MinSuccessfulTests = 50
	}
	t.Logf("gopter seed %d, %d sequences of up to %d calls", p.Seed(), p.MinSuccessfulTests, p.MaxSize)
	return p
}

// runMachine checks the state machine of sp against queues made by
// newQ and returns gopter's result.
func runMachine(t *testing.T, sp spec.Spec, newQ func(capacity int) spec.Queue) *gopter.TestResult {
	t.Helper()
	return commands.Prop(spec.Commands(sp, newQ)).Check(machineParams(t))
}

// sequence returns the calls of a state machine result's (shrunk)
// sequence, and its initial state, from gopter's rendering
// "initialState=[] cap 2 sequential=[push(0) pop()]".
func sequence(arg string) (initial string, calls []string) {
	initial, seq, _ := strings.Cut(strings.TrimPrefix(arg, "initialState="), " sequential=")
	return initial, strings.Fields(strings.Trim(seq, "[]"))
}

func TestMachineQueue(t *testing.T) {
	for capacity := 1; capacity <= 4; capacity++ {
		res := runMachine(t, spec.FIFO(capacity), newQueue)
		if !res.Passed() {
			t.Fatalf("cap %d: %v: %v %v", capacity, res.Status, res.Labels, res.Args)
		}
	}
}

func TestMachinePriorityQueue(t *testing.T) {
	less := func(a, b int) bool { return a%5 < b%5 } // ties keep arrival order
	for capacity := 1; capacity <= 4; capacity++ {
		res := runMachine(t, spec.Priority(capacity, less), func(c int) spec.Queue {
			q, err := queue.NewPriority(c, less)
			if err != nil {
				t.Fatal(err)
			}
			return q
		})
		if !res.Passed() {
			t.Fatalf("cap %d: %v: %v %v", capacity, res.Status, res.Labels, res.Args)
		}
	}
}

func TestMachineRefQueue(t *testing.T) {
	res := runMachine(t, spec.FIFO(2), func(c int) spec.Queue { return newRefQueue(c) })
	if !res.Passed() {
		t.Fatalf("%v: %v %v", res.Status, res.Labels, res.Args)
	}
}
