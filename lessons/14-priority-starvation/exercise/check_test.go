//go:build exercise

package exercise

import (
	_ "embed"
	"strconv"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"github.com/pckit/pckit/queue"
	"go.uber.org/goleak"
)

//go:embed prediction.txt
var prediction string

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestCheck runs the starvation script of the lesson on a priority queue
// ordered by Less: a priority-9 job first, then 1000 rounds of one
// priority-0 arrival and one take. The job must be served within its bound,
// 9*Aging later arrivals; priority must still count; and the take it is
// served on is the answer to the prediction.
func TestCheck(t *testing.T) {
	q, err := queue.NewPriority(4, Less)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	push := func(j Job) {
		if err := q.Push(ctx, j); err != nil {
			t.Fatal(err)
		}
	}
	pop := func() Job {
		j, err := q.Pop(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return j
	}

	// Priority still counts: an urgent job right behind a low one goes first.
	push(Job{Prio: 9, Seq: 1})
	push(Job{Prio: 0, Seq: 2})
	if j := pop(); j.Prio != 0 {
		t.Fatalf("a priority-0 job that arrived right after a priority-9 job was served second: Less no longer orders by priority")
	}
	pop()

	const rounds = 1000
	push(Job{Prio: 9, Seq: 1})
	served := 0
	for i := 1; i <= rounds && served == 0; i++ {
		push(Job{Prio: 0, Seq: uint64(i + 1)})
		if pop().Prio == 9 {
			served = i
		}
	}
	switch {
	case served == 0:
		t.Fatalf("starvation: the priority-9 job was not served in %d takes, while a priority-0 job was always queued", rounds)
	case served > 9*Aging:
		t.Fatalf("the priority-9 job was served on take %d, after %d later arrivals; aging promises at most 9*Aging = %d", served, served-1, 9*Aging)
	}
	t.Logf("the priority-9 job was served on take %d", served)
	lessontest.ExpectAnswers(t, prediction, strconv.Itoa(served))
}
