//go:build exercise

package exercise

import (
	"context"
	_ "embed"
	"errors"
	"regexp"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/pckit/pckit/lessons/internal/lessontest"
)

//go:embed prediction.txt
var prediction string

// TestPrediction runs the lesson's broken build and compares the peak
// length it reports with prediction.txt.
func TestPrediction(t *testing.T) {
	out, _ := lessontest.Run(t, "go", "test", "-tags", "broken", "-run", "^TestBackpressure$", "..")
	m := regexp.MustCompile(`peak Len (\d+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("the broken build reported no peak length:\n%s", out)
	}
	lessontest.ExpectAnswers(t, prediction, m[1])
}

// TestBackpressure: a producer of one item a millisecond and a consumer of
// one every 10 ms, through a buffer of capacity 8, in fake time. The buffer
// must fill to 8 and never hold more, and every item must be consumed.
func TestBackpressure(t *testing.T) {
	const capacity, items = 8, 200
	synctest.Test(t, func(t *testing.T) {
		ctx := t.Context()
		b := NewBuffer(capacity)
		var wg sync.WaitGroup
		peak := 0
		wg.Go(func() {
			defer b.Close()
			for range items {
				if err := b.Push(ctx, make([]byte, 64)); err != nil {
					t.Error(err)
					return
				}
				peak = max(peak, b.Len())
				time.Sleep(time.Millisecond)
			}
		})
		consumed := 0
		wg.Go(func() {
			for {
				time.Sleep(10 * time.Millisecond)
				if _, err := b.Pop(ctx); err != nil {
					if !errors.Is(err, ErrClosed) {
						t.Error(err)
					}
					return
				}
				consumed++
			}
		})
		wg.Wait()
		if peak != capacity || b.HighWater() != capacity {
			t.Errorf("peak Len %d, HighWater %d; a buffer of capacity %d that the producer outruns must fill to exactly %d", peak, b.HighWater(), capacity, capacity)
		}
		if consumed != items {
			t.Errorf("consumed %d items, want %d", consumed, items)
		}
	})
}

// TestPushGivesUpWithItsContext: a Push on a full buffer returns ctx.Err()
// when its deadline passes, having queued nothing.
func TestPushGivesUpWithItsContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := NewBuffer(1)
		if err := b.Push(t.Context(), []byte("a")); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		if err := b.Push(ctx, []byte("b")); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Push on a full buffer = %v, want context.DeadlineExceeded", err)
		}
		if n := b.Len(); n != 1 {
			t.Errorf("Len = %d after a Push that gave up, want 1", n)
		}
	})
}
