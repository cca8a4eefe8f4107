package spec

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/anishathalye/porcupine"
)

// Model returns sp as a porcupine model. Its states are State values, its
// operations carry an Input and an Output, and its Step is Apply seen as a
// predicate.
//
// There is no partition function: a queue's operations all touch the same
// state, so the history cannot be split.
func (sp Spec) Model() porcupine.Model {
	return porcupine.Model{
		Init: func() any { return sp.Init() },
		Step: func(state, input, output any) (bool, any) {
			return sp.step(state.(State), input.(Input), output.(Output))
		},
		Equal: func(a, b any) bool { return a.(State) == b.(State) },
		Hash:  func(state any) uint64 { return state.(State).hash() },
		DescribeOperation: func(input, output any) string {
			return DescribeOperation(input.(Input), output.(Output))
		},
		DescribeState: func(state any) string { return state.(State).String() },
	}
}

// Result is Check's verdict on a history.
type Result struct {
	Verdict porcupine.CheckResult
	// Witness, for Illegal: the calls that cannot be ordered, in
	// invocation order. A violation of one of the queue's patterns names
	// at most three calls.
	Witness []porcupine.Operation
	// Reason says, for Illegal, why the witness cannot be ordered; for
	// Unknown, when the checker gave up.
	Reason string
}

// String renders r: the verdict, then, if any, the reason and the witness,
// one call a line with its client and its invocation and return times.
func (r Result) String() string {
	if r.Verdict == porcupine.Ok {
		return string(r.Verdict)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", r.Verdict, r.Reason)
	for _, op := range r.Witness {
		fmt.Fprintf(&b, "\n  client %d  [%d, %d]  %s", op.ClientId, op.Call, op.Return,
			DescribeOperation(op.Input.(Input), op.Output.(Output)))
	}
	return b.String()
}

// Check decides whether history (completed calls, as Recorder.History
// returns them) is linearizable with respect to sp, giving up after
// timeout (0: no limit) with Unknown.
//
// General linearizability checking is NP-hard, but a queue whose items are
// unique (the Recorder makes them so) is not a general case. Check first
// looks, in O(n log n), for the violations a queue history can have, each
// shown by at most three calls: an item popped that was never pushed,
// popped twice or before its push began; two items popped in the other
// order than they were surely pushed (FIFO); an empty or full observation,
// or a Len, that no count of queued items allows; more items surely queued
// at once than any capacity set allows; a call that found the
// queue open after a Close surely ended, or closed before any began. If
// there is none, an exact search over Apply decides: a depth-first search
// that lets a call that changes nothing take effect as soon as it can,
// orders FIFO pushes by the order their items are popped, and remembers
// the configurations it has found dead. Ok and Illegal are exact; only the
// timeout gives Unknown. Priority queues and repeated items are handled
// by the same search, without the FIFO and item-based shortcuts.
func Check(sp Spec, history []porcupine.Operation, timeout time.Duration) Result {
	return check(sp, history, timeout, true)
}

// check is Check, with the violation patterns left out unless withPatterns.
func check(sp Spec, history []porcupine.Operation, timeout time.Duration, withPatterns bool) Result {
	var deadline time.Time
	if timeout > 0 {
		deadline = time.Now().Add(timeout)
	}
	order := make([]int, len(history))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(history[a].Call, history[b].Call) })
	calls := make([]call, len(history))
	for k, i := range order {
		op := history[i]
		in, ok1 := op.Input.(Input)
		out, ok2 := op.Output.(Output)
		if !ok1 || !ok2 {
			return Result{Verdict: porcupine.Unknown, Reason: fmt.Sprintf("call %d is not a spec.Input with a spec.Output", i)}
		}
		calls[k] = call{in: in, out: out, call: op.Call, ret: op.Return, index: i}
	}
	witness := func(ks []int) []porcupine.Operation {
		var w []porcupine.Operation
		for _, k := range ks {
			w = append(w, history[calls[k].index])
		}
		slices.SortFunc(w, func(a, b porcupine.Operation) int { return cmp.Compare(a.Call, b.Call) })
		return w
	}
	items, uniq := itemsOf(calls)
	if v := patterns(sp, calls, items, uniq); withPatterns && v != nil {
		return Result{Verdict: porcupine.Illegal, Witness: witness(v.calls), Reason: v.reason}
	}
	se := &search{sp: sp, calls: calls, deadline: deadline}
	se.lanes = lanesOf(calls, func(k int) int { return history[calls[k].index].ClientId })
	if sp.Less == nil && uniq {
		se.fifo = true
		fifoShortcuts(se, items)
	}
	switch se.run() {
	case found:
		return Result{Verdict: porcupine.Ok}
	case timedOut:
		return Result{Verdict: porcupine.Unknown, Reason: fmt.Sprintf("gave up after %v with no order found yet", timeout)}
	}
	var ks []int
	for k := range calls {
		if slices.Contains(se.dead, calls[k].index) {
			ks = append(ks, k)
		}
	}
	return Result{Verdict: porcupine.Illegal, Witness: witness(ks),
		Reason: fmt.Sprintf("no order of the calls fits the specification; the longest order found takes %s, leaves the queue %s, and none of these calls can take effect next",
			plural(se.deadDepth, "call"), se.describeState(se.deadState))}
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// fifoShortcuts sets up the FIFO shortcuts of the search: push order by
// pop order, and one name for every item never popped.
func fifoShortcuts(se *search, items []item) {
	n := len(se.calls)
	se.popRetMin, se.popCallMax = make([]int64, n), make([]int64, n)
	for i := range n {
		se.popRetMin[i], se.popCallMax[i] = math.MaxInt64, noPop
	}
	never := map[int]bool{}
	marker, free := math.MinInt, true
	for _, it := range items {
		if it.push < 0 {
			continue // popped, never pushed: no order fits anyway
		}
		if it.pop < 0 {
			never[it.value] = true
		} else if it.value == marker {
			free = false
		}
		se.popRetMin[it.push] = min(se.popRetMin[it.push], it.popRet)
		se.popCallMax[it.push] = max(se.popCallMax[it.push], it.popCall)
	}
	if !free {
		return
	}
	se.renamed, se.marker = true, marker
	rename := func(v int) int {
		if never[v] {
			return marker
		}
		return v
	}
	for i := range se.calls {
		c := &se.calls[i]
		switch c.in.Op {
		case Push, TryPush:
			c.in.Value = rename(c.in.Value)
		case PushBatch:
			vs := make([]int, len(c.in.Values))
			for k, v := range c.in.Values {
				vs[k] = rename(v)
			}
			c.in.Values = vs
		}
	}
}

// CheckHTML is Check followed, when the verdict is Illegal and path is not
// empty, by WriteHTML(path, ...). The error is WriteHTML's.
func CheckHTML(path string, sp Spec, history []porcupine.Operation, timeout time.Duration) (Result, error) {
	res := Check(sp, history, timeout)
	if res.Verdict != porcupine.Illegal || path == "" {
		return res, nil
	}
	return res, WriteHTML(path, sp, history, res)
}

// htmlCalls bounds the calls WriteHTML shows around a witness.
const htmlCalls = 60

// WriteHTML writes porcupine's visualization to the file at path. For an
// Illegal res with a witness it shows the witness and the calls nearest it
// in time (at most htmlCalls in all), with the reason as an annotation over
// the witness's span; otherwise the whole history. porcupine's own search
// over what it shows is bounded by ten seconds.
func WriteHTML(path string, sp Spec, history []porcupine.Operation, res Result) error {
	shown := history
	var notes []porcupine.Annotation
	if res.Verdict == porcupine.Illegal && len(res.Witness) > 0 {
		shown = around(history, res.Witness)
		from, to := res.Witness[0].Call, res.Witness[0].Return
		for _, op := range res.Witness {
			from, to = min(from, op.Call), max(to, op.Return)
		}
		notes = append(notes, porcupine.Annotation{Tag: "witness", Start: from, End: to,
			Description: "cannot be ordered", Details: res.Reason, BackgroundColor: "#ffd0d0"})
	}
	_, info := porcupine.CheckOperationsVerbose(sp.Model(), shown, 10*time.Second)
	info.AddAnnotations(notes)
	if err := porcupine.VisualizePath(sp.Model(), info, path); err != nil {
		return fmt.Errorf("spec: writing %s: %w", path, err)
	}
	return nil
}

// around returns the witness and the calls of history nearest its span,
// htmlCalls in all at most, in invocation order.
func around(history []porcupine.Operation, witness []porcupine.Operation) []porcupine.Operation {
	from, to := witness[0].Call, witness[0].Return
	for _, op := range witness {
		from, to = min(from, op.Call), max(to, op.Return)
	}
	dist := func(op porcupine.Operation) int64 {
		switch {
		case op.Return < from:
			return from - op.Return
		case op.Call > to:
			return op.Call - to
		}
		return 0
	}
	isWitness := func(op porcupine.Operation) bool {
		for _, w := range witness {
			if w.ClientId == op.ClientId && w.Call == op.Call && w.Return == op.Return {
				return true
			}
		}
		return false
	}
	var near []porcupine.Operation
	for _, op := range history {
		if !isWitness(op) {
			near = append(near, op)
		}
	}
	slices.SortStableFunc(near, func(a, b porcupine.Operation) int { return cmp.Compare(dist(a), dist(b)) })
	shown := append(slices.Clone(witness), near[:min(len(near), max(htmlCalls-len(witness), 0))]...)
	slices.SortFunc(shown, func(a, b porcupine.Operation) int { return cmp.Compare(a.Call, b.Call) })
	return shown
}
