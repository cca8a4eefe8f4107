//go:build exercise

package exercise

import (
	"context"
	_ "embed"
	"strings"
	"testing"
	"testing/synctest"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"github.com/pckit/pckit/queue"
	"go.uber.org/goleak"
)

//go:embed prediction.txt
var prediction string

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestDrainStopsWhileWaiting queues two items, lets Drain handle both and
// wait in Pop on the empty queue, then ends its context: Drain must return.
// (In the synctest bubble, synctest.Wait returns once Drain is blocked.)
func TestDrainStopsWhileWaiting(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q, err := queue.New[int](2)
		if err != nil {
			t.Fatal(err)
		}
		for v := range 2 {
			if err := q.TryPush(v); err != nil {
				t.Fatal(err)
			}
		}
		ctx, cancel := context.WithCancel(t.Context())
		handled := 0
		done := make(chan struct{})
		go func() {
			defer close(done)
			Drain(ctx, q, func(int) { handled++ })
		}()
		synctest.Wait() // both items handled; Drain waits for a third
		cancel()
		synctest.Wait()
		select {
		case <-done:
		default:
			t.Errorf("Drain is still waiting in Pop after its context ended (it had handled %d items)", handled)
			q.Close() // let it go, so that the check ends
			<-done
		}
		if handled != 2 {
			t.Errorf("Drain handled %d items, want 2", handled)
		}
	})
}

// TestPrediction runs the lesson's broken demo and compares prediction.txt
// with synctest's report.
func TestPrediction(t *testing.T) {
	out := lessontest.GoTestBrokenIn(t, "..", "^TestRunDemo$")
	ending := "returns"
	if strings.Contains(out, "panic: deadlock") {
		ending = "deadlock"
	}
	method := ""
	for _, stanza := range strings.Split(out, "\n\n") {
		if !strings.Contains(stanza, "demo_broken.go") {
			continue
		}
		for _, m := range []string{"Push", "Pop"} {
			if strings.Contains(stanza, "queue.(*Queue[...])."+m+"(") {
				method = m
			}
		}
	}
	lessontest.ExpectAnswers(t, prediction, ending, method)
}
