package spec_test

// Teeth: each seeded bug of bugs_test.go, and the checker that catches it.
// Every scenario is deterministic: synctest.Wait orders the steps (it
// returns once every goroutine of the bubble is durably blocked, e.g. in
// sync.Cond.Wait), so no test depends on timing. Each scenario runs against
// the real queue and the reference queue too, which must pass it.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/leanovate/gopter"

	"github.com/pckit/pckit/spec"
)

// scenario runs one scripted history of a queue made by newQ inside a
// synctest bubble.
type scenario func(t *testing.T, newQ func(capacity int) spec.Queue) []porcupine.Operation

// correct are the queues every scenario must pass.
var correct = []struct {
	name string
	new  func(capacity int) spec.Queue
}{
	{"queue", newQueue},
	{"refQueue", func(c int) spec.Queue { return newRefQueue(c) }},
}

// wantIllegal runs s against the correct queues, and against the
// broken one, whose history porcupine must find Illegal; the
// visualization of the broken history is written to t's temp dir.
func wantIllegal(t *testing.T, capacity int, s scenario, broken func(capacity int) spec.Queue) {
	t.Helper()
	sp := spec.FIFO(capacity)
	for _, c := range correct {
		h := s(t, c.new)
		if res := spec.Check(sp, h, time.Minute); res.Verdict != porcupine.Ok {
			t.Fatalf("%s: %s on the correct queue:\n%s", c.name, res, describe(h))
		}
	}
	h := s(t, broken)
	path := filepath.Join(t.TempDir(), "history.html")
	res, err := spec.CheckHTML(path, sp, h, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != porcupine.Illegal {
		t.Fatalf("Check says %s on the broken queue, want Illegal:\n%s", res, describe(h))
	}
	if p := porcupine.CheckOperations(sp.Model(), h); p {
		t.Fatalf("porcupine finds the broken queue's history linearizable, Check does not: %s", res)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Size() == 0 {
		t.Fatalf("no visualization written: %v", err)
	}
	t.Logf("Illegal, as it should be: %s\nvisualization in %s (%d bytes). History:\n%s", res, path, fi.Size(), describe(h))
}

// describe renders a history, one call per line, in invocation order.
func describe(h []porcupine.Operation) string {
	s := ""
	for _, op := range h {
		out := op.Input.(spec.Input).String() + " …never returned"
		if op.Output != nil {
			out = spec.DescribeOperation(op.Input.(spec.Input), op.Output.(spec.Output))
		}
		s += fmt.Sprintf("  client %d [%d,%d] %s\n", op.ClientId, op.Call, op.Return, out)
	}
	return s
}

// watchdog waits until every goroutine of the bubble is durably blocked
// and returns the calls still pending then: nothing is left to run, so
// these calls will never return. It must be called in a synctest bubble.
func watchdog(r *spec.Recorder) []porcupine.Operation {
	synctest.Wait()
	return r.Pending()
}

// TestTeeth_IfInsteadOfFor: porcupine catches a Wait in an if. Three
// poppers wait on an empty queue; the first one's context ends, and the
// callback's broadcast wakes all three. The broken queue's other two
// poppers do not re-check and return ErrClosed from an open queue.
func TestTeeth_IfInsteadOfFor(t *testing.T) {
	s := func(t *testing.T, newQ func(int) spec.Queue) (h []porcupine.Operation) {
		synctest.Test(t, func(t *testing.T) {
			r := spec.NewRecorder(newQ(2))
			ctx, cancel := context.WithCancel(context.Background())
			var wg sync.WaitGroup
			wg.Go(func() { r.Client(0).Pop(ctx) })
			wg.Go(func() { r.Client(1).Pop(context.Background()) })
			wg.Go(func() { r.Client(2).Pop(context.Background()) })
			synctest.Wait() // all three wait for an item
			cancel()
			synctest.Wait() // popper 0 has left; the broadcast has reached all
			r.Client(3).Close()
			wg.Wait()
			h = r.History()
		})
		return h
	}
	wantIllegal(t, 2, s, func(c int) spec.Queue { return ifQueue{newRefQueue(c)} })
}

// TestTeeth_SignalOnClose: the watchdog catches Close that Signals. Three
// poppers wait on an empty queue, with contexts that do not end; Close
// must wake all three. The broken queue wakes one: the watchdog finds two
// pops that will never return.
func TestTeeth_SignalOnClose(t *testing.T) {
	s := func(t *testing.T, newQ func(int) spec.Queue) (stuck []porcupine.Operation) {
		synctest.Test(t, func(t *testing.T) {
			r := spec.NewRecorder(newQ(2))
			// rescue ends the pops the watchdog found stuck, so that the
			// bubble can end; it is cancelled only after the watchdog ran.
			ctx, rescue := context.WithCancel(context.Background())
			var wg sync.WaitGroup
			for id := range 3 {
				wg.Go(func() { r.Client(id).Pop(ctx) })
			}
			synctest.Wait() // all three wait for an item
			r.Client(3).Close()
			stuck = watchdog(r)
			rescue()
			wg.Wait()
		})
		return stuck
	}
	for _, c := range correct {
		if stuck := s(t, c.new); len(stuck) != 0 {
			t.Fatalf("%s: calls never woken by Close:\n%s", c.name, describe(stuck))
		}
	}
	stuck := s(t, func(c int) spec.Queue { return signalCloseQueue{newRefQueue(c)} })
	if len(stuck) != 2 {
		t.Fatalf("watchdog found %d calls blocked after Close on the broken queue, want 2:\n%s", len(stuck), describe(stuck))
	}
	for _, op := range stuck {
		if op.Input.(spec.Input).Op != spec.Pop {
			t.Fatalf("stuck call is not a pop:\n%s", describe(stuck))
		}
	}
	t.Logf("watchdog: after Close, %d pops never return, as it should find:\n%s", len(stuck), describe(stuck))
}

// TestTeeth_CapacityOffByOne: the gopter state machine catches a queue
// that holds one item more than its capacity, and shrinks the failing
// sequence to a minimal one: pushes of capacity+1 items, nothing else
// (e.g. "tryPush(0) push(0) tryPush(0)" or "pushBatch(0,0) tryPush(0)").
func TestTeeth_CapacityOffByOne(t *testing.T) {
	const capacity = 2
	res := runMachine(t, spec.FIFO(capacity), func(c int) spec.Queue { return offByOneQueue{newRefQueue(c)} })
	calls := wantShrunk(t, res)
	if len(calls) > capacity+1 {
		t.Fatalf("shrunk to %d calls %v, want at most %d pushes", len(calls), calls, capacity+1)
	}
	for _, c := range calls {
		if !isPush(c) {
			t.Fatalf("shrunk sequence %v: %q is not a push", calls, c)
		}
	}
}

// TestTeeth_CancelledWaiterSwallowsWakeup: the watchdog catches a waiter
// that leaves through its context with a wake-up meant for another. Pop B
// waits, then pop A; A's context ends, and the broken callback's Signal
// lands on B (sync.Cond wakes the longest waiter), which waits again,
// while A sleeps on. A push then Signals A, which sees its context ended
// and leaves: the item stays queued and B is never woken.
func TestTeeth_CancelledWaiterSwallowsWakeup(t *testing.T) {
	type outcome struct {
		aAsleep bool                  // A still waiting after its context ended
		stuck   []porcupine.Operation // calls pending at the end
		queued  int                   // Len at the end
	}
	s := func(t *testing.T, newQ func(int) spec.Queue) (o outcome) {
		synctest.Test(t, func(t *testing.T) {
			q := newQ(2)
			r := spec.NewRecorder(q)
			ctxA, cancelA := context.WithCancel(context.Background())
			var wg sync.WaitGroup
			wg.Go(func() { r.Client(0).Pop(context.Background()) }) // B
			synctest.Wait()
			wg.Go(func() { r.Client(1).Pop(ctxA) }) // A
			synctest.Wait()
			cancelA()
			for _, op := range watchdog(r) {
				o.aAsleep = o.aAsleep || op.ClientId == 1
			}
			if err := r.Client(2).Push(context.Background(), 1); err != nil {
				t.Errorf("push: %v", err)
			}
			o.stuck = watchdog(r)
			o.queued = q.Len()
			q.Close() // rescues B, so that the bubble can end
			wg.Wait()
		})
		return o
	}
	for _, c := range correct {
		if o := s(t, c.new); len(o.stuck) != 0 || o.aAsleep {
			t.Fatalf("%s: %+v:\n%s", c.name, o, describe(o.stuck))
		}
	}
	o := s(t, func(c int) spec.Queue { return swallowQueue{newRefQueue(c)} })
	if !o.aAsleep {
		t.Fatal("premise: the callback's Signal was to land on B, the longest waiter, and leave A asleep")
	}
	if len(o.stuck) != 1 || o.stuck[0].Input.(spec.Input).Op != spec.Pop || o.queued != 1 {
		t.Fatalf("watchdog found %d stuck calls with %d items queued, want a pop stuck beside 1 item:\n%s",
			len(o.stuck), o.queued, describe(o.stuck))
	}
	t.Logf("watchdog: a pop waits forever while the queue holds %d item, as it should find:\n%s", o.queued, describe(o.stuck))
}

// TestTeeth_CloseLosesItems: porcupine and the state machine both catch a
// Pop that checks closed before the items, losing what Close left queued.
// Three items are queued; two pops race Close; a last pop, after Close,
// must still get an item, since two pops cannot have taken three.
func TestTeeth_CloseLosesItems(t *testing.T) {
	broken := func(c int) spec.Queue { return loseOnCloseQueue{newRefQueue(c)} }
	t.Run("porcupine", func(t *testing.T) {
		s := func(t *testing.T, newQ func(int) spec.Queue) (h []porcupine.Operation) {
			synctest.Test(t, func(t *testing.T) {
				r := spec.NewRecorder(newQ(4))
				ctx := context.Background()
				if n, err := r.Client(0).PushBatch(ctx, []int{1, 2, 3}); n != 3 || err != nil {
					t.Errorf("pushBatch: %d, %v", n, err)
				}
				var wg sync.WaitGroup
				wg.Go(func() { r.Client(1).Pop(ctx) })
				wg.Go(func() { r.Client(2).Pop(ctx) })
				wg.Go(func() { r.Client(3).Close() })
				wg.Wait()
				r.Client(1).Pop(ctx)
				h = r.History()
			})
			return h
		}
		wantIllegal(t, 4, s, broken)
	})
	t.Run("gopter", func(t *testing.T) {
		calls := wantShrunk(t, runMachine(t, spec.FIFO(2), broken))
		if len(calls) != 3 || !isPush(calls[0]) || calls[1] != "close()" || calls[2] != "pop()" {
			t.Fatalf("shrunk to %v, want [push close() pop()]", calls)
		}
	})
}

// wantShrunk asserts that the state machine failed and shrank the failing
// sequence, and returns the shrunk calls.
func wantShrunk(t *testing.T, res *gopter.TestResult) []string {
	t.Helper()
	if res.Status != gopter.TestFailed || len(res.Args) == 0 {
		t.Fatalf("state machine: %v, want a failure", res.Status)
	}
	a := res.Args[0]
	initial, calls := sequence(a.ArgFormatted)
	_, orig := sequence(a.OrigArgFormatted)
	if a.Shrinks == 0 || len(calls) >= len(orig) {
		t.Fatalf("not shrunk: %d calls after %d shrinks, from %d", len(calls), a.Shrinks, len(orig))
	}
	t.Logf("gopter: failed after %d passing sequences; %d calls shrunk in %d steps to %d, from initial state %s:\n  %v\n  %v",
		res.Succeeded, len(orig), a.Shrinks, len(calls), initial, calls, res.Labels)
	return calls
}

func isPush(call string) bool {
	for _, p := range []string{"push(", "tryPush(", "pushBatch("} {
		if len(call) > len(p) && call[:len(p)] == p {
			return true
		}
	}
	return false
}
