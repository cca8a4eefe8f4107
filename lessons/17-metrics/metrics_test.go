package metrics

import (
	"errors"
	"sync"
	"testing"
)

// consistent reports whether a snapshot agrees with itself: every item
// pushed and not yet popped is queued.
func consistent(s Stats) bool {
	return s.Pushed-s.Popped == uint64(s.Len)
}

// TestSnapshotMidStep stops a writer at every point where another goroutine
// could run between its steps, and takes a Stats snapshot there from the
// test's goroutine. Every snapshot must satisfy Pushed - Popped == Len.
func TestSnapshotMidStep(t *testing.T) {
	q := New(4)
	paused := make(chan struct{})
	resume := make(chan struct{})
	q.pause = func() {
		paused <- struct{}{}
		<-resume
	}
	ops := []string{"Push(1)", "Push(2)", "Pop()"}
	var wg sync.WaitGroup
	wg.Go(func() {
		ctx := t.Context()
		if err := q.Push(ctx, 1); err != nil {
			t.Error(err)
		}
		if err := q.Push(ctx, 2); err != nil {
			t.Error(err)
		}
		if _, err := q.Pop(ctx); err != nil {
			t.Error(err)
		}
	})
	for _, op := range ops {
		<-paused // the writer is stopped inside op
		s := q.Stats()
		if !consistent(s) {
			t.Errorf("snapshot inside %s: Len=%d Pushed=%d Popped=%d, but Pushed-Popped=%d != Len",
				op, s.Len, s.Pushed, s.Popped, s.Pushed-s.Popped)
		}
		resume <- struct{}{}
	}
	wg.Wait()
}

// TestStatsUnderLoad runs 4 producers of 1000 pushes and 4 consumers on a
// queue of capacity 8, with one goroutine taking Stats snapshots until all of
// them are done. Every snapshot must satisfy Pushed - Popped == Len and
// Len <= Cap, and the last one must count 4000 pushed and 4000 popped.
func TestStatsUnderLoad(t *testing.T) {
	const producers, consumers, each = 4, 4, 1000
	q := New(8)
	ctx := t.Context()
	done := make(chan struct{})

	var sampler sync.WaitGroup
	snapshots, bad := 0, 0
	sampler.Go(func() {
		for {
			select {
			case <-done:
				return
			default:
			}
			s := q.Stats()
			snapshots++
			if !consistent(s) || s.Len > s.Cap {
				bad++
				if bad <= 3 {
					t.Errorf("snapshot: Len=%d Cap=%d Pushed=%d Popped=%d", s.Len, s.Cap, s.Pushed, s.Popped)
				}
			}
		}
	})

	var prod, cons sync.WaitGroup
	for p := range producers {
		prod.Go(func() {
			for i := range each {
				if err := q.Push(ctx, p*each+i); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	for range consumers {
		cons.Go(func() {
			for {
				if _, err := q.Pop(ctx); err != nil {
					if !errors.Is(err, ErrClosed) {
						t.Error(err)
					}
					return
				}
			}
		})
	}
	prod.Wait()
	q.Close()
	cons.Wait()
	close(done)
	sampler.Wait()

	s := q.Stats()
	if s.Pushed != producers*each || s.Popped != producers*each || s.Len != 0 {
		t.Errorf("final snapshot: Len=%d Pushed=%d Popped=%d, want 0, %d, %d", s.Len, s.Pushed, s.Popped, producers*each, producers*each)
	}
	if bad > 0 {
		t.Errorf("%d of %d snapshots were inconsistent", bad, snapshots)
	}
	t.Logf("%d snapshots under load, all consistent: %t", snapshots, bad == 0)
}
