package spec_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"

	"github.com/pckit/pckit/spec"
)

// BenchmarkCheck measures the checker: the longest history of the real
// queue, at 8 and at 16 clients, that spec.Check verifies (Ok) within 10
// s. A length passes when at least two of three freshly recorded histories
// of that length check within the budget (the difficulty of a history
// varies with the interleaving). The benchmark doubles the length from
// 1000 until one fails (halving first if 1000 fails), then bisects three
// times between the longest that passed and the shortest that failed, and
// reports the longest history that passed as calls/10s. It is one long
// measurement: run it with -benchtime=1x.
//
//	go test -run '^$' -bench BenchmarkCheck -benchtime=1x -timeout 60m ./spec/
func BenchmarkCheck(b *testing.B) {
	const (
		budget = 10 * time.Second
		maxLen = 1 << 22
		minLen = 32
	)
	for _, clients := range []int{8, 16} {
		b.Run(fmt.Sprintf("clients=%d", clients), func(b *testing.B) {
			for range b.N {
				// sample records one history of about target calls and
				// checks it.
				sample := func(target, i int) (calls int, took time.Duration, ok bool) {
					h := benchHistory(clients, target, uint64(target*3+i))
					start := time.Now()
					res, _ := spec.Check(spec.FIFO(benchCap).Model(), h, budget)
					took = time.Since(start)
					if res == porcupine.Illegal {
						b.Fatalf("%d calls: Illegal", len(h))
					}
					b.Logf("%8d calls: %-7s in %v", len(h), res, took.Round(time.Millisecond))
					return len(h), took, res == porcupine.Ok && took <= budget
				}
				// try reports whether two of three samples pass, and the
				// longest passing sample.
				try := func(target int) (calls int, took time.Duration, ok bool) {
					passed := 0
					for i := 0; i < 3 && passed < 2 && i-passed < 2; i++ {
						if c, d, ok := sample(target, i); ok {
							passed++
							if c > calls {
								calls, took = c, d
							}
						}
					}
					return calls, took, passed >= 2
				}
				best, bestTook, lo, hi := 0, time.Duration(0), 0, 0
				for target := 1000; target >= minLen && target <= maxLen; {
					calls, took, ok := try(target)
					switch {
					case ok:
						best, bestTook, lo = calls, took, target
						if hi != 0 {
							target = 0 // found both ends
							continue
						}
						target *= 2
					default:
						hi = target
						if lo != 0 {
							target = 0
							continue
						}
						target /= 2
					}
				}
				for i := 0; i < 3 && lo > 0 && hi > 0; i++ {
					mid := (lo + hi) / 2
					if calls, took, ok := try(mid); ok {
						lo = mid
						if calls > best {
							best, bestTook = calls, took
						}
					} else {
						hi = mid
					}
				}
				b.ReportMetric(float64(best), "calls/10s")
				b.ReportMetric(bestTook.Seconds(), "s-at-best")
			}
		})
	}
}

const benchCap = 8

// benchHistory records a history of about target calls: half the clients
// produce (push, tryPush, pushBatch), half consume (pop, tryPop, popBatch,
// len) until the queue is closed and drained; one call in eight has a
// context that is already cancelled or ends within 100µs. The queue is
// closed once every producer is done.
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
