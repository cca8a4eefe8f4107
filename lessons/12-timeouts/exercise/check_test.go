//go:build exercise

package exercise

import (
	"context"
	_ "embed"
	"errors"
	"strconv"
	"testing"
	"testing/synctest"
	"time"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

//go:embed prediction.txt
var prediction string

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// full returns a queue of capacity 1 holding one item.
func full(t *testing.T) *Queue {
	q := NewQueue(1)
	if err := q.Push(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	return q
}

// TestCheck runs Push in synctest bubbles, where time is fake: a Push with
// a deadline on a full queue must return context.DeadlineExceeded once the
// deadline passes, having queued nothing; a Push with no deadline must still
// be woken by a pop; a Push that need not wait succeeds even with an ended
// context.
func TestCheck(t *testing.T) {
	var took time.Duration
	var left int
	synctest.Test(t, func(t *testing.T) {
		q := full(t)
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		type result struct {
			err  error
			took time.Duration
		}
		done := make(chan result, 1)
		start := time.Now()
		go func() {
			err := q.Push(ctx, 2)
			done <- result{err, time.Since(start)}
		}()
		time.Sleep(2 * time.Second) // fake time: the deadline passes
		synctest.Wait()             // Push has returned, or is blocked for good
		if len(done) == 0 {
			q.TryPop() // make room, so that the bubble can end
			<-done
			t.Fatal("Push is still blocked in notFull.Wait after its deadline has passed: nothing wakes it when its context ends")
		}
		r := <-done
		if !errors.Is(r.err, context.DeadlineExceeded) {
			t.Fatalf("Push after its deadline = %v, want context.DeadlineExceeded", r.err)
		}
		took = r.took
		left = q.Len()
	})
	if t.Failed() {
		return
	}
	synctest.Test(t, func(t *testing.T) {
		q := full(t)
		done := make(chan error, 1)
		go func() { done <- q.Push(context.Background(), 2) }()
		synctest.Wait() // Push waits for room
		if v, _ := q.TryPop(); v != 1 {
			t.Fatalf("TryPop = %d, want 1", v)
		}
		if err := <-done; err != nil || q.Len() != 1 {
			t.Fatalf("Push woken by a pop = %v with %d queued; want nil and 1", err, q.Len())
		}
		ended, cancel := context.WithCancel(t.Context())
		cancel()
		q.TryPop()
		if err := q.Push(ended, 3); err != nil {
			t.Fatalf("Push with an ended context on a queue with room = %v, want nil: a Push that need not wait succeeds", err)
		}
	})
	if t.Failed() {
		return
	}
	t.Logf("the timed-out Push returned after %d ms of fake time, with %d item queued", took.Milliseconds(), left)
	lessontest.ExpectAnswers(t, prediction, strconv.FormatInt(took.Milliseconds(), 10), strconv.Itoa(left))
}
