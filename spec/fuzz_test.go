package spec_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"

	"github.com/pckit/pckit/queue"
	"github.com/pckit/pckit/spec"
)

// The fuzz targets decode their input as a program of queue calls. Run one
// for longer with, e.g.,
//
//	go test -run '^$' -fuzz '^FuzzSequential$' -fuzztime 10m ./spec/
//
// A failing input is written to testdata/fuzz/<target>/ and replayed by
// every later go test run, as are the seeds already there.

// program reads fuzz bytes: each read takes the next byte, or 0 once the
// input is used up.
type program struct{ b []byte }

func (p *program) next() int {
	if len(p.b) == 0 {
		return 0
	}
	v := int(p.b[0])
	p.b = p.b[1:]
	return v
}

func (p *program) done() bool { return len(p.b) == 0 }

// capacity decodes a capacity: mostly 1 to 8, so that calls block, but
// also 0 and -1 (refused) and ones no memory could hold as slots.
func (p *program) capacity() int {
	switch c := p.next(); {
	case c < 200:
		return 1 + c%8
	case c < 220:
		return c%2 - 1 // 0 or -1
	case c < 240:
		return 1 << 40
	default:
		return 1 << 62
	}
}

// call decodes one call of any kind, with items from 0 up.
func (p *program) call() spec.Input {
	kind := spec.Kind(p.next() % (int(spec.Closed) + 1))
	in := spec.Input{Op: kind}
	switch kind {
	case spec.Push, spec.TryPush:
		in.Value = p.next()
	case spec.PushBatch:
		in.Values = make([]int, p.next()%5) // empty batches too
		for i := range in.Values {
			in.Values[i] = p.next()
		}
	case spec.PopBatch:
		in.Value = p.next() % 5
	case spec.Resize:
		in.Value = p.capacity()
	}
	return in
}

// newSpecQueue makes the real queue and its specification: FIFO, or, when
// priority is set, a priority queue whose less looks at the item mod 7 (so
// that equal items must keep their order).
func newSpecQueue(priority bool, capacity int) (spec.Queue, spec.Spec, error) {
	if !priority {
		q, err := queue.New[int](capacity)
		return q, spec.FIFO(capacity), err
	}
	less := func(a, b int) bool { return a%7 < b%7 }
	q, err := queue.NewPriority(capacity, less)
	return q, spec.Priority(capacity, less), err
}

// call makes the call in through c with ctx, as Apply describes it.
func call(c *spec.Client, ctx context.Context, in spec.Input) {
	switch in.Op {
	case spec.Push:
		_ = c.Push(ctx, in.Value)
	case spec.TryPush:
		_ = c.TryPush(in.Value)
	case spec.PushBatch:
		_, _ = c.PushBatch(ctx, in.Values)
	case spec.Pop:
		_, _ = c.Pop(ctx)
	case spec.TryPop:
		_, _ = c.TryPop()
	case spec.PopBatch:
		_, _ = c.PopBatch(ctx, make([]int, in.Value))
	case spec.Close:
		c.Close()
	case spec.Len:
		_ = c.Len()
	case spec.Cap:
		_ = c.Cap()
	case spec.Resize:
		_ = c.Resize(in.Value)
	case spec.Closed:
		_ = c.Closed()
	}
}

// FuzzSequential runs a program of calls on one goroutine against the real
// queue and checks each response against Spec.Apply. A call that Apply says
// would wait gets a context that is already done (it must then change
// nothing); any other call gets a done context or context.Background, as
// the input says: an op that need not wait succeeds either way.
func FuzzSequential(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		p := &program{b: data}
		priority := p.next()%2 == 1
		capacity := p.capacity()
		q, sp, err := newSpecQueue(priority, capacity)
		if capacity < 1 {
			if err == nil {
				t.Fatalf("capacity %d accepted", capacity)
			}
			return
		}
		if err != nil {
			t.Fatalf("capacity %d: %v", capacity, err)
		}
		done, cancel := context.WithCancel(context.Background())
		cancel()
		r := spec.NewRecorder(q)
		c := r.Client(0)
		s := sp.Init()
		for n := 0; !p.done() && n < 200; n++ {
			in := p.call()
			want, next := sp.Apply(s, in)
			ctx := context.Background()
			if want.Outcome == spec.Cancelled || p.next()%2 == 1 {
				ctx = done
			}
			call(c, ctx, in)
			s = next
		}
		// The recorder's history is the calls as made, in order; walk the
		// specification along it.
		s = sp.Init()
		var seq []string
		for _, op := range r.History() {
			in, got := op.Input.(spec.Input), op.Output.(spec.Output)
			want, next := sp.Apply(s, in)
			seq = append(seq, spec.DescribeOperation(in, got))
			if !got.Equal(want) {
				t.Fatalf("%s, cap %d: after\n  %s\nthe queue answered %s, the specification %s (state %v)",
					map[bool]string{false: "FIFO", true: "priority"}[priority], capacity,
					strings.Join(seq, "\n  "), spec.DescribeOperation(in, got), spec.DescribeOperation(in, want), s)
			}
			s = next
		}
	})
}

// FuzzConcurrent runs a small concurrent schedule from the input: two to
// four clients, each with a few calls, racing on one queue; blocking calls
// have contexts with deadlines of up to a few hundred microseconds (so the
// schedule always ends), and one client may close the queue. The recorded
// history must be linearizable against the specification.
func FuzzConcurrent(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		p := &program{b: data}
		priority := p.next()%2 == 1
		capacity := 1 + p.next()%3
		q, sp, err := newSpecQueue(priority, capacity)
		if err != nil {
			t.Fatal(err)
		}
		clients := 2 + p.next()%3
		type step struct {
			in      spec.Input
			timeout time.Duration
		}
		plans := make([][]step, clients)
		for i := range plans {
			for range 1 + p.next()%6 {
				plans[i] = append(plans[i], step{p.call(), time.Duration(p.next()) * 2 * time.Microsecond})
			}
		}
		r := spec.NewRecorder(q)
		var wg sync.WaitGroup
		for i, plan := range plans {
			c := r.Client(i)
			wg.Go(func() {
				for _, st := range plan {
					ctx, cancel := context.WithTimeout(context.Background(), st.timeout)
					call(c, ctx, st.in)
					cancel()
				}
			})
		}
		joined := make(chan struct{})
		go func() {
			wg.Wait()
			close(joined)
		}()
		select {
		case <-joined:
		case <-time.After(watchdogTimeout):
			t.Fatalf("calls that never returned (every one has a deadline):\n%s", describe(r.Pending()))
		}
		h := r.History()
		if !linearizable(t, sp, h) {
			t.Fatalf("history not linearizable (cap %d, priority %v):\n%s", capacity, priority, describe(h))
		}
	})
}

// linearizable checks h against sp within a generous time budget; Unknown
// (the budget spent) fails the test too, saying so.
func linearizable(t *testing.T, sp spec.Spec, h []porcupine.Operation) bool {
	t.Helper()
	res := spec.Check(sp, h, time.Minute)
	if res.Verdict == porcupine.Unknown {
		t.Fatalf("the checker gave up on a history of %d calls", len(h))
	}
	if res.Verdict == porcupine.Illegal {
		t.Log(res)
	}
	return res.Verdict == porcupine.Ok
}
