package spec

import (
	"fmt"
	"time"

	"github.com/anishathalye/porcupine"
)

// Model returns sp as a porcupine model. Its states are State values, its
// operations carry an Input and an Output, and its Step is Spec.Step.
//
// There is no partition function: a queue's operations all touch the same
// state, so the history cannot be split.
func (sp Spec) Model() porcupine.Model {
	return porcupine.Model{
		Init: func() any { return sp.Init() },
		Step: func(state, input, output any) (bool, any) {
			return sp.Step(state.(State), input.(Input), output.(Output))
		},
		Equal: func(a, b any) bool { return a.(State) == b.(State) },
		Hash:  func(state any) uint64 { return state.(State).hash() },
		DescribeOperation: func(input, output any) string {
			return DescribeOperation(input.(Input), output.(Output))
		},
		DescribeState: func(state any) string { return state.(State).String() },
	}
}

// Check decides whether history is linearizable with respect to model,
// giving up after timeout (0: no limit) with porcupine.Unknown.
//
// When the verdict is porcupine.Illegal it checks again, verbosely and with
// the same timeout, and returns the linearization info that WriteHTML
// renders; otherwise the info is empty. A history holds only completed calls (Recorder.History).
//
// Linearizability checking is NP-hard, and a queue is a hard case: a call
// blocked for long overlaps many others, and each order of concurrent
// pushes is a different state. BenchmarkCheck measures how long a history
// of the real queue Check verifies within 10 s: about 40,000 calls at 8
// clients and 4,500 at 16 on two cores, though one unlucky interleaving
// can cost more than a history several times longer. Keep checked runs
// short, and report Unknown as such.
func Check(model porcupine.Model, history []porcupine.Operation, timeout time.Duration) (porcupine.CheckResult, porcupine.LinearizationInfo) {
	res := porcupine.CheckOperationsTimeout(model, history, timeout)
	if res != porcupine.Illegal {
		return res, porcupine.LinearizationInfo{}
	}
	return porcupine.CheckOperationsVerbose(model, history, timeout)
}

// WriteHTML writes porcupine's visualization of a checked history (the info
// returned by Check) to the file at path.
func WriteHTML(path string, model porcupine.Model, info porcupine.LinearizationInfo) error {
	if err := porcupine.VisualizePath(model, info, path); err != nil {
		return fmt.Errorf("spec: writing %s: %w", path, err)
	}
	return nil
}

// CheckHTML is Check followed, when the verdict is porcupine.Illegal and
// path is not empty, by WriteHTML(path, ...). The error is WriteHTML's.
func CheckHTML(path string, model porcupine.Model, history []porcupine.Operation, timeout time.Duration) (porcupine.CheckResult, error) {
	res, info := Check(model, history, timeout)
	if res != porcupine.Illegal || path == "" {
		return res, nil
	}
	return res, WriteHTML(path, model, info)
}
