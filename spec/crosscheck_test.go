package spec

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
)

// TestCheckAgreesWithPorcupine generates 4,000 random histories, half of
// them mutated, and asserts that Check, its search alone (no violation
// patterns) and porcupine give the same verdict on every one.
//
// A history is made from a random sequence of calls (every kind; items
// unique; capacities 1 to 4; 2 to 6 clients), each given its response by
// Apply at its instant, and then an interval around that instant that
// overlaps other clients' calls: so Close, Resize, Try calls and calls that
// return Cancelled (their context ended while they waited) race with
// everything else, and the history is linearizable. One in four uses a
// priority queue. A mutated history has one response changed, in one of
// the ways a broken queue would answer: an item lost, invented or popped
// twice, two items swapped, a fake empty or full, a Len, Cap or Closed off,
// a batch count off, a pop moved before its push, a push accepted while
// the queue was full. A mutation need not make
// the history illegal (a swap of two concurrent pops may still be
// orderable); the test requires that at least a third of all histories,
// and some of each mutation, are illegal, so the comparison covers both
// verdicts.
func TestCheckAgreesWithPorcupine(t *testing.T) {
	const histories = 4000
	less := func(a, b int) bool { return a%3 < b%3 }
	illegal := map[string]int{}
	tried := map[string]int{}
	for i := range histories {
		rng := rand.New(rand.NewPCG(uint64(i), 7))
		sp := FIFO(1 + rng.IntN(4))
		if i%4 == 3 {
			sp = Priority(sp.Capacity, less)
		}
		h := randomHistory(rng, sp, 2+rng.IntN(5), 6+rng.IntN(14))
		kind := "none"
		if i%2 == 1 {
			kind = mutate(rng, h)
		}
		got := Check(sp, h, 0)
		want := porcupine.CheckOperations(sp.Model(), h)
		searched := check(sp, h, 0, false)
		for _, r := range []Result{got, searched} {
			if (r.Verdict == porcupine.Ok) != want || r.Verdict == porcupine.Unknown {
				t.Fatalf("history %d (mutation %s, cap %d, priority %v): Check says %s (the search alone: %s), porcupine says linearizable=%v:\n%s",
					i, kind, sp.Capacity, sp.Less != nil, got, searched.Verdict, want, describeAll(h))
			}
		}
		tried[kind]++
		if !want {
			illegal[kind]++
			if len(got.Witness) == 0 || got.Reason == "" {
				t.Fatalf("history %d: Illegal with no witness or reason: %s", i, got)
			}
			for _, w := range got.Witness {
				if !slices.ContainsFunc(h, func(op porcupine.Operation) bool { return op.Call == w.Call && op.ClientId == w.ClientId }) {
					t.Fatalf("history %d: witness call %v is not in the history", i, w)
				}
			}
		}
	}
	total := 0
	for kind, n := range tried {
		if kind != "none" && illegal[kind] == 0 {
			t.Errorf("mutation %s made no history illegal in %d tries", kind, n)
		}
		total += illegal[kind]
	}
	if illegal["none"] != 0 {
		t.Errorf("%d unmutated histories are illegal: the generator is wrong", illegal["none"])
	}
	if total < histories/3 {
		t.Errorf("only %d of %d histories are illegal", total, histories)
	}
	t.Logf("%d histories, %d illegal; by mutation (illegal/tried): %v / %v", histories, total, illegal, tried)
}

// randomHistory makes a linearizable history of n calls by clients
// clients on a queue specified by sp: each call takes effect, through
// Apply, at instant 10, 20, 30, ... and its interval reaches up to 25
// either side, within its client's turn.
func randomHistory(rng *rand.Rand, sp Spec, clients, n int) []porcupine.Operation {
	s := sp.Init()
	lastRet := make([]int64, clients)
	item := 0
	var h []porcupine.Operation
	for at := int64(10); len(h) < n; at += 10 {
		var free []int
		for c, r := range lastRet {
			if r < at {
				free = append(free, c)
			}
		}
		if len(free) == 0 {
			continue
		}
		c := free[rng.IntN(len(free))]
		in := randomInput(rng, &item, len(h) > n/3)
		out, next := sp.Apply(s, in)
		s = next
		call := max(lastRet[c]+1, at-int64(rng.IntN(26)))
		ret := at + int64(rng.IntN(26))
		lastRet[c] = ret
		h = append(h, porcupine.Operation{ClientId: c, Input: in, Call: call, Output: out, Return: ret})
	}
	return h
}

// randomInput picks a call of any kind; Close only once a third of the
// calls are made.
func randomInput(rng *rand.Rand, item *int, mayClose bool) Input {
	next := func() int { *item++; return *item }
	switch k := rng.IntN(24); {
	case k < 4:
		return Input{Op: Push, Value: next()}
	case k < 7:
		return Input{Op: TryPush, Value: next()}
	case k < 9:
		vs := make([]int, rng.IntN(4))
		for i := range vs {
			vs[i] = next()
		}
		return Input{Op: PushBatch, Values: vs}
	case k < 13:
		return Input{Op: Pop}
	case k < 16:
		return Input{Op: TryPop}
	case k < 18:
		return Input{Op: PopBatch, Value: rng.IntN(4)}
	case k < 19:
		return Input{Op: Len}
	case k < 20:
		return Input{Op: Cap}
	case k < 21:
		return Input{Op: Resize, Value: rng.IntN(5)}
	case k < 22:
		return Input{Op: Closed}
	case k < 23 && mayClose:
		return Input{Op: Close}
	}
	return Input{Op: Len}
}

// mutate changes one response of h in place, in a way picked at random
// among those that apply, and names it.
func mutate(rng *rand.Rand, h []porcupine.Operation) string {
	is := func(op porcupine.Operation, kinds ...Kind) bool {
		return slices.Contains(kinds, op.Input.(Input).Op)
	}
	set := func(i int, f func(o *Output)) {
		o := h[i].Output.(Output)
		o.Values = slices.Clone(o.Values)
		f(&o)
		h[i].Output = o
	}
	var pops, pushes, reads []int
	for i, op := range h {
		o := op.Output.(Output)
		switch {
		case is(op, Pop, TryPop) && o.Outcome == OK:
			pops = append(pops, i)
		case is(op, Push, TryPush) && o.Outcome == OK:
			pushes = append(pushes, i)
		case is(op, Len, Cap, Closed, PushBatch, PopBatch):
			reads = append(reads, i)
		}
	}
	pick := func(xs []int) int { return xs[rng.IntN(len(xs))] }
	for {
		switch rng.IntN(9) {
		case 0:
			if len(pops) > 0 {
				set(pick(pops), func(o *Output) { o.Value = 1 << 40 })
				return "invented"
			}
		case 1:
			if len(pops) > 1 {
				a, b := pick(pops), pick(pops)
				if a != b {
					v := h[a].Output.(Output).Value
					set(b, func(o *Output) { o.Value = v })
					return "duplicate"
				}
			}
		case 2:
			if len(pops) > 1 {
				a, b := pick(pops), pick(pops)
				va, vb := h[a].Output.(Output).Value, h[b].Output.(Output).Value
				if va != vb {
					set(a, func(o *Output) { o.Value = vb })
					set(b, func(o *Output) { o.Value = va })
					return "reorder"
				}
			}
		case 3:
			if len(pops) > 0 {
				i := pick(pops)
				set(i, func(o *Output) {
					o.Value, o.Outcome = 0, Empty
					if is(h[i], Pop) {
						o.Outcome = Cancelled
					}
				})
				return "lost (fake empty)"
			}
		case 4:
			if len(pushes) > 0 {
				i := pick(pushes)
				set(i, func(o *Output) {
					o.Outcome = Full
					if is(h[i], Push) {
						o.Outcome = Cancelled
					}
				})
				return "fake full"
			}
		case 5:
			if len(reads) > 0 {
				i := pick(reads)
				set(i, func(o *Output) {
					o.Value += 1 - 2*rng.IntN(2)
					if len(o.Values) > 0 {
						o.Values = o.Values[:len(o.Values)-1]
					}
				})
				return "count off by one"
			}
		case 6:
			if len(pops) > 0 {
				// Move a pop to the very start: before its item's push.
				i := pick(pops)
				h[i].Call, h[i].Return = -2, -1
				return "early pop"
			}
		case 8:
			for _, i := range rng.Perm(len(h)) {
				if is(h[i], TryPush) && h[i].Output.(Output).Outcome == Full {
					set(i, func(o *Output) { o.Outcome = OK })
					return "accepted while full"
				}
			}
		case 7:
			for _, i := range rng.Perm(len(h)) {
				o := h[i].Output.(Output)
				if o.Outcome == ClosedErr {
					set(i, func(o *Output) { o.Outcome = Empty })
					if is(h[i], Push, PushBatch) {
						set(i, func(o *Output) { o.Outcome = Full })
					}
					return "open after close"
				}
				if is(h[i], Closed) {
					set(i, func(o *Output) { o.Value = 1 - o.Value })
					return "open after close"
				}
			}
		}
	}
}

func describeAll(h []porcupine.Operation) string {
	var b strings.Builder
	for _, op := range h {
		fmt.Fprintf(&b, "  client %d [%d,%d] %s\n", op.ClientId, op.Call, op.Return,
			DescribeOperation(op.Input.(Input), op.Output.(Output)))
	}
	return b.String()
}

// TestCheckHTMLCentresOnWitness writes the visualization of a long illegal
// history: it shows at most htmlCalls calls, the witness among them, and
// the reason.
func TestCheckHTMLCentresOnWitness(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	sp := FIFO(3)
	h := randomHistory(rng, sp, 4, 2000)
	var pops []int
	for i, op := range h {
		if op.Input.(Input).Op == Pop && op.Output.(Output).Outcome == OK {
			pops = append(pops, i)
		}
	}
	bad := pops[len(pops)/2]
	h[bad].Output = Output{Value: 1 << 40}
	path := filepath.Join(t.TempDir(), "history.html")
	res, err := CheckHTML(path, sp, h, time.Minute)
	if err != nil || res.Verdict != porcupine.Illegal || len(res.Witness) != 1 || res.Witness[0].Call != h[bad].Call {
		t.Fatalf("CheckHTML: %v, %s; want Illegal with the pop of %d at %d as the witness", err, res, 1<<40, h[bad].Call)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	html := string(b)
	shown := strings.Count(html, `"OriginalStart"`)
	if shown == 0 || shown > htmlCalls || !strings.Contains(html, res.Reason) || !strings.Contains(html, `"witness"`) {
		t.Errorf("the visualization shows %d calls (want 1..%d), reason included %v, witness tag included %v",
			shown, htmlCalls, strings.Contains(html, res.Reason), strings.Contains(html, `"witness"`))
	}
}

// TestPatterns gives each violation pattern a small history it alone
// catches first, and checks the witness and the sentence.
func TestPatterns(t *testing.T) {
	op := func(client int, call int64, in Input, out Output) porcupine.Operation {
		return porcupine.Operation{ClientId: client, Call: call, Return: call + 1, Input: in, Output: out}
	}
	push := func(c int, at int64, v int) porcupine.Operation {
		return op(c, at, Input{Op: Push, Value: v}, Output{})
	}
	pop := func(c int, at int64, v int) porcupine.Operation { return op(c, at, Input{Op: Pop}, Output{Value: v}) }
	for _, tc := range []struct {
		reason  string
		witness int
		h       []porcupine.Operation
	}{
		{"no push accepted 7", 1, []porcupine.Operation{pop(0, 1, 7)}},
		{"pushed once and popped twice", 3, []porcupine.Operation{push(0, 1, 1), pop(1, 3, 1), pop(1, 5, 1)}},
		{"returned before push(1) began", 2, []porcupine.Operation{pop(1, 1, 1), push(0, 3, 1)}},
		{"1 was queued ahead of 2", 3, []porcupine.Operation{push(0, 1, 1), push(0, 3, 2), pop(1, 5, 2)}},
		{"1 was queued throughout tryPop() → empty", 2, []porcupine.Operation{push(0, 1, 1), op(1, 3, Input{Op: TryPop}, Output{Outcome: Empty})}},
		{"at most 0 items can have been queued", 1, []porcupine.Operation{op(0, 1, Input{Op: TryPush, Value: 1}, Output{Outcome: Full})}},
		{"len() → 1, but at most 0 items", 1, []porcupine.Operation{op(0, 1, Input{Op: Len}, Output{Value: 1})}},
		{"len() → 0, but 1 items were queued throughout it", 1, []porcupine.Operation{push(0, 1, 1), op(0, 3, Input{Op: Len}, Output{Value: 0})}},
		{"2 items were queued throughout cap() → 1", 1, []porcupine.Operation{push(0, 1, 1), push(0, 3, 2), op(0, 5, Input{Op: Cap}, Output{Value: 1})}},
		{"began after close() returned, yet found the queue open", 2, []porcupine.Operation{op(0, 1, Input{Op: Close}, Output{}), push(0, 3, 1)}},
		{"found the queue closed before any close began", 1, []porcupine.Operation{op(0, 1, Input{Op: Closed}, Output{Value: 1})}},
	} {
		res := Check(FIFO(1), tc.h, time.Second)
		if res.Verdict != porcupine.Illegal || len(res.Witness) != tc.witness || !strings.Contains(res.Reason, tc.reason) {
			t.Errorf("got %s\nwant Illegal with %d calls, saying %q", res, tc.witness, tc.reason)
		}
		if porcupine.CheckOperations(FIFO(1).Model(), tc.h) {
			t.Errorf("porcupine finds linearizable: %s", describeAll(tc.h))
		}
	}
}
