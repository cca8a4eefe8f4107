//go:build exercise

package exercise

import (
	_ "embed"
	"slices"
	"strconv"
	"sync"
	"testing"
	"testing/synctest"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

//go:embed prediction.txt
var prediction string

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestCheck shrinks a queue below its length, then grows a full one with a
// pusher waiting, and compares what it saw with the predictions.
func TestCheck(t *testing.T) {
	q := NewQueue(4)
	for v := 1; v <= 4; v++ {
		q.Push(v)
	}
	q.Resize(2)
	n := q.Len()
	var popped []int
	firstPush := 0
	for pops := 1; ; pops++ {
		v, ok := q.TryPop()
		if !ok {
			break
		}
		popped = append(popped, v)
		if firstPush == 0 && q.TryPush(5) == nil {
			firstPush = pops
		}
	}
	kept := slices.DeleteFunc(slices.Clone(popped), func(v int) bool { return v == 5 })
	if !slices.Equal(kept, []int{1, 2, 3, 4}) {
		t.Fatalf("lost items: pushed [1 2 3 4], shrank to 2, and of those popped %v", kept)
	}
	if q.Cap() != 2 {
		t.Fatalf("after Resize(2), Cap = %d, want 2", q.Cap())
	}

	synctest.Test(t, func(t *testing.T) {
		q := NewQueue(1)
		q.Push(1)
		var wg sync.WaitGroup
		done := make(chan struct{})
		wg.Go(func() {
			q.Push(2) // waits for room, with no deadline to rescue it
			close(done)
		})
		synctest.Wait() // the pusher waits
		q.Resize(2)
		synctest.Wait() // the pusher has pushed, or still waits
		select {
		case <-done:
		default:
			q.TryPop() // let it in, so that the bubble can end
			wg.Wait()
			t.Fatal("Resize(2) made room, but the waiting Push is still blocked: nobody woke it")
		}
		wg.Wait()
	})
	if t.Failed() {
		return
	}
	t.Logf("after Resize(2): Len = %d; the first TryPush succeeded after %d pops", n, firstPush)
	lessontest.ExpectAnswers(t, prediction, strconv.Itoa(n), strconv.Itoa(firstPush))
}
