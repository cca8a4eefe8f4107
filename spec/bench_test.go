package spec_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"

	"github.com/pckit/pckit/spec"
)

// BenchmarkCheck decides histories of the real queue (capacity 8, every
// kind of call, cancellations, a Close at the end) of 10k, 100k and 1M
// calls at 8 and 16 clients, with Check and, in the same run, with
// porcupine given 10 s: a run that gives up reports decided=0. porcupine
// is left out of the 1M histories: at 100k it is already undecided after
// 10 s. Each history is recorded once, before the timer.
//
//	go test -run '^$' -bench 'BenchmarkCheck' -benchtime=1x -timeout 30m ./spec/
func BenchmarkCheck(b *testing.B) {
	for _, clients := range []int{8, 16} {
		for _, calls := range []int{10_000, 100_000, 1_000_000} {
			h := benchHistory(clients, calls, uint64(clients*calls))
			for _, checker := range []string{"queue", "porcupine"} {
				if checker == "porcupine" && calls > 100_000 {
					continue
				}
				b.Run(fmt.Sprintf("clients=%d/calls=%d/%s", clients, calls, checker), func(b *testing.B) {
					benchDecide(b, checker, h, porcupine.Ok)
				})
			}
		}
	}
}

// BenchmarkCheckIllegal decides 1M-call, 16-client histories of the real
// queue, each changed in one way a broken queue would answer, and asserts
// Illegal with a witness of at most three calls; porcupine, given 10 s,
// beside it.
//
//	go test -run '^$' -bench 'BenchmarkCheckIllegal' -benchtime=1x -timeout 30m ./spec/
func BenchmarkCheckIllegal(b *testing.B) {
	h := benchHistory(16, 1_000_000, 16)
	for _, kind := range []string{"lost", "duplicate", "reordering", "fake-empty", "fake-full", "len-off-by-one"} {
		bad := breakHistory(b, h, kind)
		for _, checker := range []string{"queue", "porcupine"} {
			b.Run(kind+"/"+checker, func(b *testing.B) { benchDecide(b, checker, bad, porcupine.Illegal) })
		}
	}
}

// benchDecide decides h with checker b.N times and fails unless the
// verdict is want or, for porcupine, Unknown. Check runs with no time
// limit, porcupine with 10 s. Besides the time per call it reports the
// CPU time the process spent per call, which a machine shared with other
// work does not inflate as it does the elapsed time.
func benchDecide(b *testing.B, checker string, h []porcupine.Operation, want porcupine.CheckResult) {
	sp := spec.FIFO(benchCap)
	var res spec.Result
	cpu := cpuTime()
	for b.Loop() {
		if checker == "queue" {
			res = spec.Check(sp, h, 0)
		} else {
			res = spec.Result{Verdict: porcupine.CheckOperationsTimeout(sp.Model(), h, 10*time.Second)}
		}
	}
	cpu = cpuTime() - cpu
	if res.Verdict != want && (checker == "queue" || res.Verdict != porcupine.Unknown) {
		b.Fatalf("%s on %d calls: %s, want %s", checker, len(h), res, want)
	}
	if checker == "queue" && want == porcupine.Illegal && len(res.Witness) > 3 {
		b.Fatalf("witness of %d calls: %s", len(res.Witness), res)
	}
	decided := 0.0
	if res.Verdict != porcupine.Unknown {
		decided = 1
	}
	perM := func(d time.Duration) float64 { return d.Seconds() / float64(b.N) / float64(len(h)) * 1e6 }
	b.ReportMetric(decided, "decided")
	b.ReportMetric(float64(len(h)), "calls")
	b.ReportMetric(perM(b.Elapsed()), "s/Mcall")
	b.ReportMetric(perM(cpu), "cpu-s/Mcall")
	if want == porcupine.Illegal && checker == "queue" {
		b.Logf("%s", res)
	}
}

// cpuTime is the user and system CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// breakHistory returns a copy of h, a linearizable history of the real
// queue that ends closed and drained, with one change of the given kind:
//
//   - lost: a pop of an item is left out, so the item is never popped;
//   - duplicate: a pop returns the item of a pop 1000 calls earlier;
//   - reordering: two pops 1000 calls apart swap their items;
//   - fake-empty: a Len during which an item was surely queued becomes a
//     TryPop that found the queue empty;
//   - fake-full: a Len during which fewer than 7 items (the least
//     capacity a resize sets) can have been queued becomes a TryPush of a
//     new item that found the queue full;
//   - len-off-by-one: a Len that returned as many items as can have been
//     queued during it returns one more.
//
// Each change is made in the middle of the history.
func breakHistory(b *testing.B, h []porcupine.Operation, kind string) []porcupine.Operation {
	h = slices.Clone(h)
	out := func(i int) spec.Output { return h[i].Output.(spec.Output) }
	op := func(i int) spec.Kind { return h[i].Input.(spec.Input).Op }
	var pops, lens []int
	for i := len(h) / 2; i < len(h); i++ {
		switch {
		case (op(i) == spec.Pop || op(i) == spec.TryPop) && out(i).Outcome == spec.OK:
			pops = append(pops, i)
		case op(i) == spec.Len:
			lens = append(lens, i)
		}
	}
	// Bounds on the items queued during call i, as Check computes them.
	var pushCalls, popRets []int64
	pushed := map[int]int64{} // item → return of its push
	popCall := map[int]int64{}
	for _, o := range h {
		in, res := o.Input.(spec.Input), o.Output.(spec.Output)
		n := 0
		switch {
		case res.Outcome != spec.OK:
		case in.Op == spec.Push || in.Op == spec.TryPush:
			n, pushed[in.Value] = 1, o.Return
		case in.Op == spec.PushBatch:
			n = res.Value
			for _, v := range in.Values[:n] {
				pushed[v] = o.Return
			}
		case in.Op == spec.Pop || in.Op == spec.TryPop:
			popRets, popCall[res.Value] = append(popRets, o.Return), o.Call
		case in.Op == spec.PopBatch:
			for _, v := range res.Values {
				popRets, popCall[v] = append(popRets, o.Return), o.Call
			}
		}
		for range n {
			pushCalls = append(pushCalls, o.Call)
		}
	}
	slices.Sort(pushCalls)
	slices.Sort(popRets)
	most := func(i int) int {
		a, _ := slices.BinarySearch(pushCalls, h[i].Return+1)
		r, _ := slices.BinarySearch(popRets, h[i].Call)
		return a - r
	}
	surelyQueued := func(i int) bool {
		for v, ret := range pushed {
			if ret < h[i].Call && popCall[v] > h[i].Return {
				return true
			}
		}
		return false
	}
	switch kind {
	case "lost":
		return slices.Delete(h, pops[0], pops[0]+1)
	case "duplicate", "reordering":
		a, z := pops[0], pops[1000]
		va, vz := out(a), out(z)
		if kind == "reordering" {
			h[a].Output = vz
		}
		h[z].Output = va
		return h
	case "fake-empty", "fake-full", "len-off-by-one":
		for _, i := range lens {
			switch {
			case kind == "fake-empty" && surelyQueued(i):
				h[i].Input, h[i].Output = spec.Input{Op: spec.TryPop}, spec.Output{Outcome: spec.Empty}
				return h
			case kind == "fake-full" && most(i) < benchCap-1:
				h[i].Input, h[i].Output = spec.Input{Op: spec.TryPush, Value: 1 << 40}, spec.Output{Outcome: spec.Full}
				return h
			case kind == "len-off-by-one" && out(i).Value == most(i):
				h[i].Output = spec.Output{Value: most(i) + 1}
				return h
			}
		}
	}
	b.Fatalf("no place for a %s change in the second half of the history", kind)
	return nil
}

const benchCap = 8

// benchHistory records a history of about target calls: half the clients
// produce (push, tryPush, pushBatch), half consume (pop, tryPop, popBatch,
// len, and, one call in 64, cap, closed or a resize to 7, 8 or 9) until
// the queue is closed and drained; one call in eight has a context that is
// already cancelled or ends within 100µs. The queue is closed once every
// producer is done.
func benchHistory(clients, target int, seed uint64) []porcupine.Operation {
	r := spec.NewRecorder(newQueue(benchCap))
	producers := clients / 2
	perProducer := target / 2 / producers
	var prod, cons sync.WaitGroup
	for id := range clients {
		rng := rand.New(rand.NewPCG(seed, uint64(id)))
		c := r.Client(id)
		if id < producers {
			prod.Go(func() {
				for i := range perProducer {
					in := randomCall(rng, 0, (id+1)*10_000_000+i)
					benchContext(rng, func(ctx context.Context) { c.Do(ctx, in) })
				}
			})
			continue
		}
		cons.Go(func() {
			for {
				in := randomCall(rng, 1, 0)
				switch rng.IntN(64 * 3) {
				case 0:
					in = spec.Input{Op: spec.Cap}
				case 1:
					in = spec.Input{Op: spec.Closed}
				case 2:
					in = spec.Input{Op: spec.Resize, Value: benchCap - 1 + rng.IntN(3)}
				}
				var out spec.Output
				benchContext(rng, func(ctx context.Context) { out = c.Do(ctx, in) })
				if out.Outcome == spec.ClosedErr {
					return
				}
			}
		})
	}
	prod.Wait()
	r.Client(clients).Close()
	cons.Wait()
	return r.History()
}

func benchContext(rng *rand.Rand, f func(context.Context)) {
	switch rng.IntN(16) {
	case 0:
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		f(ctx)
	case 1:
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Microsecond)
		defer cancel()
		f(ctx)
	default:
		f(context.Background())
	}
}
