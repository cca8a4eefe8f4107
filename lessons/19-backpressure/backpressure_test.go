package backpressure

import (
	"errors"
	"runtime"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/pckit/pckit/queue"
)

const (
	capacity = 16
	items    = 1000
	itemSize = 4 << 10 // bytes per item
	// maxHeld bounds the heap the run may still hold once the producer is
	// done: the items a bounded buffer can hold, four times over.
	maxHeld = 4 * capacity * itemSize
)

// TestBackpressure runs a producer that makes one 4 KiB item every
// millisecond and a consumer that takes one every 10 ms, through a buffer of
// capacity 16, in a synctest bubble: time is fake, so the ratio of 10 items
// made per item taken is exact on every run. It measures the buffer's peak
// length, and the heap still held (after a GC) when the producer is done,
// and asserts both stay within what capacity 16 allows, and that the buffer
// did fill to 16, so the producer met backpressure.
func TestBackpressure(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := t.Context()
		buf := NewBuffer(capacity)
		before := heapInUse()

		var wg sync.WaitGroup
		peak, held := 0, int64(0)
		wg.Go(func() { // producer
			defer buf.Close()
			for range items {
				if err := buf.Push(ctx, make([]byte, itemSize)); err != nil {
					t.Error(err)
					return
				}
				peak = max(peak, buf.Len())
				time.Sleep(time.Millisecond)
			}
			held = heapInUse() - before
		})
		consumed := 0
		wg.Go(func() { // consumer, half a millisecond out of step
			time.Sleep(time.Millisecond / 2)
			for {
				time.Sleep(10 * time.Millisecond)
				if _, err := buf.Pop(ctx); err != nil {
					if !errors.Is(err, queue.ErrClosed) {
						t.Error(err)
					}
					return
				}
				consumed++
			}
		})
		wg.Wait()

		s := buf.Stats()
		t.Logf("peak Len %d, HighWater %d, Cap %d; heap held when the producer was done: %d bytes",
			peak, s.HighWater, s.Cap, held)
		if peak > capacity || s.HighWater > s.Cap {
			t.Errorf("the buffer grew to %d items (HighWater %d); capacity is %d", peak, s.HighWater, capacity)
		}
		if peak < capacity || s.HighWater < capacity {
			t.Errorf("peak Len %d, HighWater %d: the producer never filled the buffer, so backpressure was not exercised", peak, s.HighWater)
		}
		if held > maxHeld {
			t.Errorf("heap held %d bytes; a buffer of %d items of %d bytes should hold under %d", held, capacity, itemSize, maxHeld)
		}
		if consumed != items {
			t.Errorf("consumed %d items, want %d", consumed, items)
		}
	})
}

// heapInUse returns the bytes of live heap objects, after a collection.
func heapInUse() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}
