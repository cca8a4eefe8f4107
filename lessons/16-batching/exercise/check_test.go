//go:build exercise

package exercise

import (
	"context"
	_ "embed"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/pckit/pckit/lessons/internal/lessontest"
	"github.com/pckit/pckit/queue"
	"github.com/pckit/pckit/spec"
	"go.uber.org/goleak"
)

//go:embed prediction.txt
var prediction string

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// hooked is a queue that runs after() once each of its pushes has
// returned: the point where the script lets another producer in.
type hooked struct {
	*queue.Queue[int]
	after func()
}

func (h hooked) Push(ctx context.Context, v int) error {
	defer h.after()
	return h.Queue.Push(ctx, v)
}

func (h hooked) TryPush(v int) error {
	defer h.after()
	return h.Queue.TryPush(v)
}

func (h hooked) PushBatch(ctx context.Context, vs []int) (int, error) {
	defer h.after()
	return h.Queue.PushBatch(ctx, vs)
}

// recorded is the queue as the recorder sees it: pckit's queue, with
// PushBatch replaced by the exercise's, pushing through sink.
type recorded struct {
	*queue.Queue[int]
	sink Sink
}

func (r recorded) PushBatch(ctx context.Context, vs []int) (int, error) {
	return PushBatch(ctx, r.sink, vs)
}

// TestCheck scripts two producers in one goroutine, records every call,
// and has spec.Check check the history against the sequential
// specification, in which a batch push is one step. The final PopBatch is
// the prediction.
func TestCheck(t *testing.T) {
	q, err := queue.New[int](8)
	if err != nil {
		t.Fatal(err)
	}
	var r *spec.Recorder
	var once sync.Once
	other := func() {
		once.Do(func() {
			if err := r.Client(1).TryPush(9); err != nil {
				t.Errorf("client 1 TryPush: %v", err)
			}
		})
	}
	r = spec.NewRecorder(recorded{q, hooked{q, other}})
	a := r.Client(0)
	if n, err := a.PushBatch(t.Context(), []int{1, 2, 3, 4}); n != 4 || err != nil {
		t.Fatalf("PushBatch([1 2 3 4]) = %d, %v; want 4, nil", n, err)
	}
	dst := make([]int, 8)
	n, err := a.PopBatch(t.Context(), dst)
	if err != nil {
		t.Fatal(err)
	}
	history := r.History()
	res := spec.Check(spec.FIFO(8), history, 10*time.Second)
	if res.Verdict != porcupine.Ok {
		t.Fatalf("spec.Check: %s\nthe history is not linearizable: the batch is not one step:%s", res, lessontest.History(history))
	}
	got := fmt.Sprint(dst[:n])
	t.Logf("spec.Check: %s; the PopBatch returned %s", res, got)
	lessontest.ExpectAnswers(t, prediction, got)
}
