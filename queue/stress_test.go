package queue_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pckit/pckit/queue"
)

// stress runs 16 producers and 16 consumers over a queue of capacity 8
// until the queue has accepted n items, then one producer closes it while
// the others are still pushing. Producers push with Push, TryPush and
// PushBatch, some with a context already cancelled or with a deadline of a
// few microseconds; consumers pop with Pop, TryPop and PopBatch, some with
// deadlines too. A refused push is retried with the same item, so each
// producer's accepted items are 0, 1, 2, ... in order.
//
// It returns the items accepted, or an error saying what was lost,
// duplicated, reordered or miscounted: every accepted item is popped
// exactly once; each consumer sees each producer's items in increasing
// order (FIFO); Stats agree with the counts the workers kept.
func stress(n int) (accepted int64, err error) {
	const producers, consumers, capacity = 16, 16, 8
	q, err := queue.New[int64](capacity)
	if err != nil {
		return 0, err
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	var (
		total    atomic.Int64 // items accepted so far
		progress atomic.Int64 // calls that moved an item
		refused  atomic.Int64 // push calls that queued nothing
		acc      [producers]int64
		popped   [consumers][]int64
		failures = make(chan error, producers+consumers)
		wg       sync.WaitGroup
	)
	// ctxFor returns, rarely, a done context or a deadline of a few
	// microseconds; mostly context.Background(). release ends it.
	ctxFor := func(rng *rand.Rand) (ctx context.Context, release func()) {
		switch rng.IntN(64) {
		case 0:
			return cancelled, func() {}
		case 1:
			return context.WithTimeout(context.Background(), time.Duration(rng.IntN(20))*time.Microsecond)
		}
		return context.Background(), func() {}
	}
	for p := range producers {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(p), 1))
			item := func(seq int64) int64 { return int64(p)<<40 | seq }
			var seq int64 // the next item to push
			batch := make([]int64, 4)
			for {
				ctx, release := ctxFor(rng)
				var got int64
				var err error
				switch k := rng.IntN(8); {
				case k < 5:
					if err = q.Push(ctx, item(seq)); err == nil {
						got = 1
					}
				case k < 6:
					if err = q.TryPush(item(seq)); err == nil {
						got = 1
					}
				default:
					b := batch[:1+rng.IntN(len(batch))]
					for i := range b {
						b[i] = item(seq + int64(i))
					}
					var m int
					m, err = q.PushBatch(ctx, b)
					got = int64(m)
				}
				release()
				seq += got
				switch {
				case errors.Is(err, queue.ErrClosed):
					refused.Add(1)
					acc[p] = seq
					return
				case err != nil:
					refused.Add(1) // full, or its context ended: retry the item
				default:
					progress.Add(1)
					if t := total.Add(got); t >= int64(n) && t-got < int64(n) {
						q.Close() // the producer that crossed n closes, racing the rest
					}
				}
			}
		})
	}
	for c := range consumers {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(c), 2))
			last := make([]int64, producers) // the last seq seen of each producer, plus one
			buf := make([]int64, 4)
			for {
				ctx, release := ctxFor(rng)
				var got []int64
				var err error
				switch k := rng.IntN(8); {
				case k < 5:
					var v int64
					if v, err = q.Pop(ctx); err == nil {
						got = buf[:1]
						got[0] = v
					}
				case k < 6:
					var v int64
					if v, err = q.TryPop(); err == nil {
						got = buf[:1]
						got[0] = v
					}
				default:
					var m int
					m, err = q.PopBatch(ctx, buf[:1+rng.IntN(len(buf))])
					got = buf[:m]
				}
				release()
				if errors.Is(err, queue.ErrClosed) {
					return
				}
				progress.Add(1)
				for _, v := range got {
					p, seq := v>>40, v&(1<<40-1)
					if p < 0 || p >= producers || seq < last[p] {
						failures <- fmt.Errorf("consumer %d popped producer %d's item %d after its item %d (or an item no one pushed)", c, p, seq, last[p]-1)
						return
					}
					last[p] = seq + 1
					popped[c] = append(popped[c], v)
				}
			}
		})
	}
	// A watchdog: a broken queue that strands a call fails the run once a
	// whole watchdogTimeout passes with no item moved.
	joined := make(chan struct{})
	go func() {
		wg.Wait()
		close(joined)
	}()
	for last := int64(-1); ; {
		select {
		case <-joined:
		case <-time.After(watchdogTimeout):
			if now := progress.Load(); now != last {
				last = now
				continue
			}
			return 0, fmt.Errorf("no item moved for %v (%d accepted, closed %v): calls stranded, a lost wake-up?", watchdogTimeout, total.Load(), q.Closed())
		}
		break
	}
	close(failures)
	for err := range failures {
		return 0, err
	}

	// Every accepted item exactly once: producer p's items are 0..acc[p]-1.
	seen := make([][]bool, producers)
	for p := range seen {
		seen[p] = make([]bool, acc[p])
		accepted += acc[p]
	}
	var poppedN int64
	for c := range popped {
		for _, v := range popped[c] {
			p, seq := v>>40, v&(1<<40-1)
			if seq >= acc[p] || seen[p][seq] {
				return 0, fmt.Errorf("producer %d's item %d popped twice, or never accepted", p, seq)
			}
			seen[p][seq] = true
			poppedN++
		}
	}
	if poppedN != accepted {
		return 0, fmt.Errorf("%d items accepted, %d popped: %d lost", accepted, poppedN, accepted-poppedN)
	}
	s := q.Stats()
	if s.Pushed != uint64(accepted) || s.Popped != uint64(poppedN) || s.Len != 0 || s.Rejected != uint64(refused.Load()) ||
		s.HighWater > capacity || s.Cap != capacity || accepted < int64(n) {
		return 0, fmt.Errorf("Stats %+v disagree with %d accepted (≥ %d), %d popped, %d refused", s, accepted, n, poppedN, refused.Load())
	}
	return accepted, nil
}

// TestStress runs the stress workload small enough for every test run.
func TestStress(t *testing.T) {
	n := 100_000
	if testing.Short() {
		n = 20_000
	}
	if _, err := stress(n); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkStress runs the stress workload for b.N accepted items and
// reports items/s; README's figure is
//
//	go test -run '^$' -bench BenchmarkStress -benchtime 10000000x ./queue/
//
// with and without -race. The same run moves as many items, one at a time
// and nothing else, through a buffered channel of the same capacity, with
// 16 senders and 16 receivers.
func BenchmarkStress(b *testing.B) {
	b.Run("impl=queue", func(b *testing.B) {
		accepted, err := stress(b.N)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(accepted)/b.Elapsed().Seconds(), "items/s")
	})
	b.Run("impl=chan", func(b *testing.B) {
		ch := make(chan int64, 8)
		var wg sync.WaitGroup
		for p := range 16 {
			wg.Go(func() {
				for i := range share(b.N, 16, p) {
					ch <- int64(i)
				}
			})
		}
		var recv sync.WaitGroup
		for range 16 {
			recv.Go(func() {
				for range ch {
				}
			})
		}
		wg.Wait()
		close(ch)
		recv.Wait()
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "items/s")
	})
}
