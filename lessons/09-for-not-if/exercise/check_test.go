//go:build exercise

package exercise

import (
	_ "embed"
	"strconv"
	"sync"
	"testing"
	"testing/synctest"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"github.com/pckit/pckit/tla"
	"go.uber.org/goleak"
)

//go:embed prediction.txt
var prediction string

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestCheck plays the barging schedule on the producers' side in a
// synctest bubble, then checks the model QueuePopIf, and compares both
// with the predictions.
func TestCheck(t *testing.T) {
	var second int
	synctest.Test(t, func(t *testing.T) {
		q := NewQueue(1)
		q.Push(1) // full
		var wg sync.WaitGroup
		wg.Go(func() { q.Push(2) }) // producer 1
		synctest.Wait()             // producer 1 is parked in Wait, q.mu free

		// Held across the scripted steps on purpose, so no defer.
		q.mu.Lock()
		q.take()                     // a consumer pops 1 and Signals: producer 1 now waits for q.mu
		q.items = append(q.items, 3) // a barging producer fills the slot first
		q.mu.Unlock()                // producer 1 gets q.mu back; the queue is full again
		synctest.Wait()              // producer 1 has pushed (if) or waits again (for)
		if n := q.Len(); n > q.cap {
			q.Pop() // let the bubble end
			wg.Wait()
			t.Fatalf("producer 1 pushed into a full queue: it woke, did not look again, and left %d items in a queue of capacity %d", n, q.cap)
		}
		first, _ := q.Pop()
		wg.Wait() // producer 1 pushes 2 into the freed slot
		second, _ = q.Pop()
		if first != 3 || second != 2 {
			t.Fatalf("the pops after the barging producer returned %d and %d, want 3 and 2", first, second)
		}
	})
	if t.Failed() {
		return
	}
	m, r := lessontest.CheckModel(t, "QueuePopIf")
	if r.Verdict != tla.Invariant {
		t.Fatalf("%s on %s: %s, want an invariant violated\n%s", r.Checker, m.Name, r.Verdict, r.Output)
	}
	t.Logf("%s on %s: invariant %s violated; the check's second pop returned %d", r.Checker, m.Name, r.Violated, second)
	lessontest.ExpectAnswers(t, prediction, r.Violated, strconv.Itoa(second))
}
