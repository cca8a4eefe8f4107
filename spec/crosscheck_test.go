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
// a batch count off, a pop moved before its push. A mutation need not make
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
		switch rng.IntN(8) {
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
