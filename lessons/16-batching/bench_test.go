package batching

import (
	"sync"
	"testing"

	"github.com/pckit/pckit/queue"
)

// BenchmarkBatch moves b.N items from one producer goroutine to one
// consumer through a queue of capacity 1024, and reports items/s: with
// PushBatch/PopBatch of 64, with Push/Pop one at a time, and, for scale,
// through a buffered channel of the same capacity.
func BenchmarkBatch(b *testing.B) {
	const capacity, batch = 1024, 64
	b.Run("queue/batch=64", func(b *testing.B) {
		q, err := queue.New[int](capacity)
		if err != nil {
			b.Fatal(err)
		}
		ctx := b.Context()
		var wg sync.WaitGroup
		b.ResetTimer()
		wg.Go(func() {
			buf := make([]int, batch)
			for left := b.N; left > 0; {
				k, err := q.PushBatch(ctx, buf[:min(batch, left)])
				if err != nil {
					b.Error(err)
					return
				}
				left -= k
			}
		})
		dst := make([]int, batch)
		for got := 0; got < b.N; {
			k, err := q.PopBatch(ctx, dst)
			if err != nil {
				b.Fatal(err)
			}
			got += k
		}
		wg.Wait()
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "items/s")
	})
	b.Run("queue/one-at-a-time", func(b *testing.B) {
		q, err := queue.New[int](capacity)
		if err != nil {
			b.Fatal(err)
		}
		ctx := b.Context()
		var wg sync.WaitGroup
		b.ResetTimer()
		wg.Go(func() {
			for i := range b.N {
				if err := q.Push(ctx, i); err != nil {
					b.Error(err)
					return
				}
			}
		})
		for range b.N {
			if _, err := q.Pop(ctx); err != nil {
				b.Fatal(err)
			}
		}
		wg.Wait()
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "items/s")
	})
	b.Run("channel", func(b *testing.B) {
		ch := make(chan int, capacity)
		var wg sync.WaitGroup
		b.ResetTimer()
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
