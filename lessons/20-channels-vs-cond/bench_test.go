package chancond

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/pckit/pckit/queue"
)

// The benchmarks move b.N ints from 4 producers to 4 consumers through a
// queue of capacity 64: a bare buffered channel, ChanQueue (the channel
// with a context in every select), and pckit's queue (a mutex and two
// condition variables). Run them without -race:
//
//	go test -run '^$' -bench . ./lessons/20-channels-vs-cond/
const (
	benchProducers = 4
	benchConsumers = 4
	benchCapacity  = 64
)

// share splits n items among the producers.
func share(n, p int) int {
	return n/benchProducers + min(1, max(0, n%benchProducers-p))
}

func BenchmarkChannel(b *testing.B) {
	ch := make(chan int, benchCapacity)
	var prod, cons sync.WaitGroup
	b.ResetTimer()
	for range benchConsumers {
		cons.Go(func() {
			for range ch {
			}
		})
	}
	for p := range benchProducers {
		prod.Go(func() {
			for i := range share(b.N, p) {
				ch <- i
			}
		})
	}
	prod.Wait()
	close(ch)
	cons.Wait()
}

func BenchmarkChanQueue(b *testing.B) {
	benchQueue(b, NewChanQueue[int](benchCapacity))
}

func BenchmarkCondQueue(b *testing.B) {
	q, err := queue.New[int](benchCapacity)
	if err != nil {
		b.Fatal(err)
	}
	benchQueue(b, q)
}

func benchQueue(b *testing.B, q interface {
	Push(context.Context, int) error
	Pop(context.Context) (int, error)
	Close()
}) {
	ctx := b.Context()
	var prod, cons sync.WaitGroup
	b.ResetTimer()
	for range benchConsumers {
		cons.Go(func() {
			for {
				if _, err := q.Pop(ctx); err != nil {
					if !errors.Is(err, queue.ErrClosed) {
						b.Error(err)
					}
					return
				}
			}
		})
	}
	for p := range benchProducers {
		prod.Go(func() {
			for i := range share(b.N, p) {
				if err := q.Push(ctx, i); err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	prod.Wait()
	q.Close()
	cons.Wait()
}
