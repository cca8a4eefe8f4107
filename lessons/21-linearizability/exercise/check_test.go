//go:build exercise

package exercise

import (
	"context"
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/anishathalye/porcupine"
	"github.com/pckit/pckit/lessons/internal/lessontest"
)

//go:embed prediction.txt
var prediction string

// TestPrediction runs the lesson's broken build and compares what its batch
// returned with prediction.txt.
func TestPrediction(t *testing.T) {
	out, _ := lessontest.Run(t, "go", "test", "-tags", "broken", "-run", "^TestPopBatchLinearizable$", "..")
	m := regexp.MustCompile(`popBatch\(2\)\s*→\s*(\[[\d ]*\])`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("the broken build reported no popBatch(2):\n%s", out)
	}
	lessontest.ExpectAnswers(t, prediction, m[1])
}

// call is one recorded call: its input ("push", "pop", "popBatch",
// "close"), its argument, and what it returned (nil for closed).
type call struct {
	op  string
	arg int
	out []int
}

// recorder records calls as porcupine operations on one logical clock.
type recorder struct {
	clock atomic.Int64
	mu    sync.Mutex
	ops   []porcupine.Operation
}

func (r *recorder) do(client int, c call, f func() []int) []int {
	start := r.clock.Add(1)
	c.out = f()
	end := r.clock.Add(1)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ops = append(r.ops, porcupine.Operation{ClientId: client, Input: c, Call: start, Output: c.out, Return: end})
	return c.out
}

func (r *recorder) push(client int, q *Queue, v int) {
	r.do(client, call{op: "push", arg: v}, func() []int { q.Push(v); return []int{} })
}

func (r *recorder) pop(client int, q *Queue) []int {
	return r.do(client, call{op: "pop"}, func() []int {
		v, err := q.Pop(context.Background())
		if err != nil {
			return nil
		}
		return []int{v}
	})
}

func (r *recorder) popBatch(client int, q *Queue, n int) []int {
	return r.do(client, call{op: "popBatch", arg: n}, func() []int {
		dst := make([]int, n)
		k, err := q.PopBatch(context.Background(), dst)
		if err != nil {
			return nil
		}
		return dst[:k]
	})
}

// state is the specification's state: the items queued, and closed.
type state struct {
	items  []int
	closed bool
}

// model is the sequential specification, for porcupine: each call takes
// effect at one instant, a batch included.
var model = porcupine.Model{
	Init: func() any { return state{} },
	Step: func(st, input, output any) (bool, any) {
		s, c, out := st.(state), input.(call), output.([]int)
		switch c.op {
		case "push":
			return true, state{append(slices.Clone(s.items), c.arg), s.closed}
		case "close":
			return true, state{s.items, true}
		}
		// pop and popBatch: on an empty queue only "closed" (nil) is
		// legal, and only once the queue is closed.
		if len(s.items) == 0 {
			return out == nil && s.closed, s
		}
		n := 1
		if c.op == "popBatch" {
			n = min(c.arg, len(s.items))
		}
		return slices.Equal(out, s.items[:n]), state{slices.Clone(s.items[n:]), s.closed}
	},
	Equal: func(a, b any) bool {
		x, y := a.(state), b.(state)
		return x.closed == y.closed && slices.Equal(x.items, y.items)
	},
	DescribeOperation: func(input, output any) string {
		c, out := input.(call), output.([]int)
		switch {
		case c.op == "push":
			return fmt.Sprintf("push(%d)", c.arg)
		case c.op == "close":
			return "close()"
		case out == nil:
			return c.op + "() → closed"
		case c.op == "pop":
			return fmt.Sprintf("pop() → %d", out[0])
		}
		return fmt.Sprintf("popBatch(%d) → %v", c.arg, out)
	},
}

func describe(ops []porcupine.Operation) string {
	var b strings.Builder
	slices.SortFunc(ops, func(x, y porcupine.Operation) int { return int(x.Call - y.Call) })
	for _, op := range ops {
		fmt.Fprintf(&b, "  client %d  [%2d, %2d]  %s\n", op.ClientId, op.Call, op.Return, model.DescribeOperation(op.Input, op.Output))
	}
	return b.String()
}

// TestScriptedBatch: client 0 pushes 1, 2, 3 and asks PopBatch for two
// items; at q.step, client 1 pops once. The history must be linearizable.
func TestScriptedBatch(t *testing.T) {
	q, r := New(), &recorder{}
	for v := 1; v <= 3; v++ {
		r.push(0, q, v)
	}
	popped := false
	q.yield = func() {
		if !popped {
			popped = true
			r.pop(1, q)
		}
	}
	r.popBatch(0, q, 2)
	if !popped {
		t.Fatal("PopBatch never called q.step: keep it, before the batch")
	}
	if !porcupine.CheckOperations(model, r.ops) {
		t.Fatalf("porcupine: Illegal: the history is not linearizable:\n%s", describe(r.ops))
	}
}

// TestConcurrentBatches: one client pushes 1..200 then closes; two clients
// pop and pop batches of 3 until the queue is closed and drained. The
// history must be linearizable and every item popped once.
func TestConcurrentBatches(t *testing.T) {
	q, r := New(), &recorder{}
	var wg sync.WaitGroup
	wg.Go(func() {
		for v := 1; v <= 200; v++ {
			r.push(0, q, v)
		}
		r.do(0, call{op: "close"}, func() []int { q.Close(); return []int{} })
	})
	var mu sync.Mutex
	var got []int
	for c := 1; c <= 2; c++ {
		wg.Go(func() {
			for i := 0; ; i++ {
				var vs []int
				if i%2 == 0 {
					vs = r.pop(c, q)
				} else {
					vs = r.popBatch(c, q, 3)
				}
				if vs == nil {
					return
				}
				mu.Lock()
				got = append(got, vs...)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	slices.Sort(got)
	if len(got) != 200 || got[0] != 1 || got[199] != 200 || slices.Compact(got)[199] != 200 {
		t.Fatalf("popped %d items, want 1..200 once each", len(got))
	}
	if !porcupine.CheckOperations(model, r.ops) {
		t.Fatalf("porcupine: Illegal: a history of %d calls is not linearizable", len(r.ops))
	}
}
