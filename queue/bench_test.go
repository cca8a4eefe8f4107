package queue_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/pckit/pckit/queue"
)

// The matrix: P producers and P consumers move b.N items through a queue of
// the given capacity. Each cell runs pckit's queue and a buffered channel of
// the same capacity, so the two are measured in the same run:
//
//	go test -run '^$' -bench . -count 6 ./queue/ | tee new.txt
//	benchstat -col /impl new.txt
var (
	benchWorkers    = []int{1, 4, 16}
	benchCapacities = []int{1, 64, 1024}
)

// transfer is one implementation under benchmark.
type transfer struct {
	push func(int)
	pop  func()
}

func BenchmarkTransfer(b *testing.B) {
	for _, p := range benchWorkers {
		for _, c := range benchCapacities {
			b.Run(fmt.Sprintf("workers=%d/cap=%d/impl=queue", p, c), func(b *testing.B) {
				q, _ := queue.New[int](c)
				ctx := context.Background()
				run(b, p, transfer{
					push: func(v int) { _ = q.Push(ctx, v) },
					pop:  func() { _, _ = q.Pop(ctx) },
				})
			})
			b.Run(fmt.Sprintf("workers=%d/cap=%d/impl=chan", p, c), func(b *testing.B) {
				ch := make(chan int, c)
				run(b, p, transfer{
					push: func(v int) { ch <- v },
					pop:  func() { <-ch },
				})
			})
		}
	}
}

// run splits b.N items over p producers and p consumers and waits for all.
func run(b *testing.B, p int, t transfer) {
	b.ReportAllocs()
	var wg sync.WaitGroup
	for i := range p {
		n := share(b.N, p, i)
		wg.Go(func() {
			for j := range n {
				t.push(j)
			}
		})
		wg.Go(func() {
			for range n {
				t.pop()
			}
		})
	}
	wg.Wait()
}

// share is worker i's part of n items split over p workers.
func share(n, p, i int) int {
	s := n / p
	if i < n%p {
		s++
	}
	return s
}

// Batches: one producer and one consumer move items in batches of 64
// through a queue of capacity 1024, against a channel of the same capacity
// moving them one at a time. The figure to compare is items/s.
func BenchmarkBatch(b *testing.B) {
	const batch, capacity = 64, 1024
	b.Run("impl=queue-batch", func(b *testing.B) {
		q, _ := queue.New[int](capacity)
		ctx := context.Background()
		var wg sync.WaitGroup
		wg.Go(func() {
			buf := make([]int, batch)
			for sent := 0; sent < b.N; {
				n, _ := q.PushBatch(ctx, buf[:min(batch, b.N-sent)])
				sent += n
			}
		})
		dst := make([]int, batch)
		for got := 0; got < b.N; {
			n, _ := q.PopBatch(ctx, dst)
			got += n
		}
		wg.Wait()
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "items/s")
	})
	b.Run("impl=chan", func(b *testing.B) {
		ch := make(chan int, capacity)
		var wg sync.WaitGroup
		wg.Go(func() {
			for i := range b.N {
				ch <- i
			}
		})
		for range b.N {
			<-ch
		}
		wg.Wait()
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "items/s")
	})
}

// The non-blocking path: a push and a pop on a queue with room and items.
func BenchmarkUncontended(b *testing.B) {
	b.Run("impl=queue", func(b *testing.B) {
		q, _ := queue.New[int](64)
		ctx := context.Background()
		b.ReportAllocs()
		for i := range b.N {
			_ = q.Push(ctx, i)
			_, _ = q.Pop(ctx)
		}
	})
	// The same with tracing on, reporting to a function that counts the
	// steps: what Trace costs when on (impl=queue is the cost when off).
	b.Run("impl=queue-traced", func(b *testing.B) {
		q, _ := queue.New[int](64)
		steps := 0
		q.Trace(func(queue.Step[int]) { steps++ })
		ctx := context.Background()
		b.ReportAllocs()
		for i := range b.N {
			_ = q.Push(ctx, i)
			_, _ = q.Pop(ctx)
		}
		b.ReportMetric(float64(steps)/float64(b.N), "steps/op")
	})
	b.Run("impl=chan", func(b *testing.B) {
		ch := make(chan int, 64)
		b.ReportAllocs()
		for i := range b.N {
			ch <- i
			<-ch
		}
	})
}
