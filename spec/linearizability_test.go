package spec_test

import (
	"context"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"

	"github.com/pckit/pckit/queue"
	"github.com/pckit/pckit/spec"
)

// workload is the shape of one concurrent history.
type workload struct {
	clients int // goroutines calling the queue, besides the admin
	ops     int // calls per client
	seed    uint64
}

// watchdogTimeout turns a hung workload into a failure: no timed
// assertion, a healthy workload returns within milliseconds.
const watchdogTimeout = 5 * time.Second

// runWorkload records one concurrent history of q: clients producers,
// consumers and mixed callers racing with Try calls, batch calls, contexts
// that are already done, end by deadline or are cancelled by another
// goroutine, and an admin client that resizes, inspects and closes the
// queue at a random moment. Every goroutine is joined before it returns.
//
// A call that never returns (a lost wake-up) would hang the test; after
// watchdogTimeout, far beyond any healthy run (a few milliseconds), a
// watchdog fails the test instead and lists the calls still pending.
func runWorkload(t *testing.T, q spec.Queue, w workload) []porcupine.Operation {
	t.Helper()
	r := spec.NewRecorder(q)
	var progress atomic.Int64 // calls completed by the clients
	var wg sync.WaitGroup
	for id := range w.clients {
		rng := rand.New(rand.NewPCG(w.seed, uint64(id)))
		c := r.Client(id)
		role := id % 3 // 0 producer, 1 consumer, 2 both
		wg.Go(func() {
			for i := range w.ops {
				in := randomCall(rng, role, id*1000+i+1)
				withContext(rng, func(ctx context.Context) { c.Do(ctx, in) })
				progress.Add(1)
			}
		})
	}
	// The admin closes the queue once a random share of the calls is done
	// (or after a while, should every client be waiting), so that every
	// call waiting with a context that never ends is woken by Close.
	rng := rand.New(rand.NewPCG(w.seed, 1<<32))
	admin := r.Client(w.clients)
	target := int64(w.clients*w.ops) * int64(20+rng.IntN(81)) / 100
	wg.Go(func() {
		for round := 0; round < 100 && progress.Load() < target; round++ {
			switch rng.IntN(4) {
			case 0:
				admin.Resize(1 + rng.IntN(4))
			case 1:
				admin.Len()
			case 2:
				admin.Cap()
			case 3:
				admin.Closed()
			}
			time.Sleep(time.Duration(50+rng.IntN(200)) * time.Microsecond)
		}
		admin.Close()
		if rng.IntN(2) == 0 {
			admin.Close() // Close twice is a no-op
		}
		admin.Len()
	})
	joined := make(chan struct{})
	go func() {
		wg.Wait()
		close(joined)
	}()
	select {
	case <-joined:
	case <-time.After(watchdogTimeout):
		t.Fatalf("calls that never returned (a lost wake-up?):\n%s", describe(r.Pending()))
	}
	return r.History()
}

// randomCall picks a call for a client of the given role; pushed items are
// distinct (base, base+1000*..), so a lost or duplicated item shows.
func randomCall(rng *rand.Rand, role, item int) spec.Input {
	push := role == 0 || (role == 2 && rng.IntN(2) == 0)
	k := rng.IntN(10)
	if push {
		switch {
		case k < 5:
			return spec.Input{Op: spec.Push, Value: item}
		case k < 8:
			return spec.Input{Op: spec.TryPush, Value: item}
		default:
			n := 1 + rng.IntN(4)
			vs := make([]int, n)
			for i := range vs {
				vs[i] = item + (i+1)*1_000_000
			}
			return spec.Input{Op: spec.PushBatch, Values: vs}
		}
	}
	switch {
	case k < 5:
		return spec.Input{Op: spec.Pop}
	case k < 8:
		return spec.Input{Op: spec.TryPop}
	case k < 9:
		return spec.Input{Op: spec.PopBatch, Value: 1 + rng.IntN(4)}
	}
	return spec.Input{Op: spec.Len}
}

// withContext runs f with one of four kinds of context: one that never
// ends (Close wakes it), one already cancelled, one with a short deadline,
// and one that another goroutine cancels after a short while.
func withContext(rng *rand.Rand, f func(ctx context.Context)) {
	switch rng.IntN(4) {
	case 0:
		f(context.Background())
	case 1:
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		f(ctx)
	case 2:
		d := time.Duration(rng.IntN(300)) * time.Microsecond
		ctx, cancel := context.WithTimeout(context.Background(), d)
		defer cancel()
		f(ctx)
	case 3:
		d := time.Duration(rng.IntN(300)) * time.Microsecond
		ctx, cancel := context.WithCancel(context.Background())
		stop := make(chan struct{})
		var wg sync.WaitGroup
		wg.Go(func() {
			t := time.NewTimer(d)
			defer t.Stop()
			select {
			case <-t.C:
			case <-stop:
			}
			cancel()
		})
		f(ctx)
		close(stop)
		wg.Wait()
	}
}

// TestLinearizable checks many concurrent histories of the real queue,
// FIFO and priority, small capacities so that calls block, against the
// specification.
func TestLinearizable(t *testing.T) {
	histories := 200
	if testing.Short() {
		histories = 30
	}
	type kind struct {
		name string
		new  func(capacity int) spec.Queue
		spec func(capacity int) spec.Spec
	}
	less := func(a, b int) bool { return a%7 < b%7 } // ties keep arrival order
	kinds := []kind{
		{"fifo", newQueue, spec.FIFO},
		{"priority", func(c int) spec.Queue {
			q, err := queue.NewPriority(c, less)
			if err != nil {
				panic(err)
			}
			return q
		}, func(c int) spec.Spec { return spec.Priority(c, less) }},
	}
	for _, k := range kinds {
		ok := t.Run(k.name, func(t *testing.T) {
			n := histories
			if k.name == "priority" {
				n /= 3
			}
			total := 0
			for i := range n {
				capacity := 1 + i%4
				w := workload{clients: 3 + i%4, ops: 25, seed: uint64(i)}
				h := runWorkload(t, k.new(capacity), w)
				total += len(h)
				checkOk(t, k.spec(capacity), h, "history %d (cap %d, %d clients)", i, capacity, w.clients)
			}
			t.Logf("%d histories, %d calls, all linearizable", n, total)
		})
		if !ok {
			break // one failure, perhaps a watchdog's, is enough: fail fast
		}
	}
}

// TestLinearizableRefQueue checks the test-only reference queue the seeded
// bugs are built from, under the same workload.
func TestLinearizableRefQueue(t *testing.T) {
	histories := 40
	if testing.Short() {
		histories = 10
	}
	for i := range histories {
		capacity := 1 + i%4
		w := workload{clients: 3 + i%4, ops: 25, seed: uint64(1000 + i)}
		h := runWorkload(t, newRefQueue(capacity), w)
		checkOk(t, spec.FIFO(capacity), h, "history %d (cap %d)", i, capacity)
	}
}

func newQueue(capacity int) spec.Queue {
	q, err := queue.New[int](capacity)
	if err != nil {
		panic(err)
	}
	return q
}

// checkOk fails t unless Check finds h linearizable, and porcupine agrees;
// on Illegal it writes the visualization to t's temp dir and names it.
func checkOk(t *testing.T, sp spec.Spec, h []porcupine.Operation, format string, args ...any) {
	t.Helper()
	path := t.TempDir() + "/history.html"
	res, err := spec.CheckHTML(path, sp, h, time.Minute)
	if err != nil {
		t.Error(err)
	}
	if res.Verdict != porcupine.Ok {
		t.Fatalf(format+": %s\n(%d calls; visualization in %s)", append(args, res, len(h), path)...)
	}
	if p := porcupine.CheckOperationsTimeout(sp.Model(), h, time.Minute); p != porcupine.Ok {
		t.Fatalf(format+": Check says Ok, porcupine %s", append(args, p)...)
	}
}
