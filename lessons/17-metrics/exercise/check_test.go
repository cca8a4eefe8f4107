//go:build exercise

package exercise

import (
	_ "embed"
	"regexp"
	"strconv"
	"sync"
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
)

//go:embed prediction.txt
var prediction string

// TestPrediction runs the lesson's broken build under the scripted check and
// compares the snapshot it reports inside Pop() with prediction.txt.
func TestPrediction(t *testing.T) {
	out, _ := lessontest.Run(t, "go", "test", "-tags", "broken", "-run", "^TestSnapshotMidStep$", "..")
	m := regexp.MustCompile(`inside Pop\(\): Len=(\d+) Pushed=(\d+) Popped=(\d+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("the broken build reported no snapshot inside Pop():\n%s", out)
	}
	n, _ := strconv.Atoi(m[1])
	pushed, _ := strconv.Atoi(m[2])
	popped, _ := strconv.Atoi(m[3])
	actual := "equal"
	switch d := pushed - popped; {
	case d > n:
		actual = "greater"
	case d < n:
		actual = "less"
	}
	lessontest.ExpectAnswers(t, prediction, actual)
	t.Logf("the checker reported %s", m[0])
}

// TestSnapshotMidStep stops a writer at every q.step and takes a snapshot
// there: each must satisfy Pushed - Popped == Len.
func TestSnapshotMidStep(t *testing.T) {
	q := &Queue{}
	paused, resume := make(chan string), make(chan struct{})
	var where string
	q.pause = func() {
		paused <- where
		<-resume
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		where = "Push(1)"
		q.Push(1)
		where = "Push(2)"
		q.Push(2)
		where = "TryPop()"
		if _, ok := q.TryPop(); !ok {
			t.Error("TryPop found no item after two pushes")
		}
		close(paused)
	})
	stops := 0
	for op := range paused {
		stops++
		if s := q.Stats(); s.Pushed-s.Popped != uint64(s.Len) {
			t.Errorf("snapshot inside %s: Len=%d Pushed=%d Popped=%d, but Pushed-Popped != Len", op, s.Len, s.Pushed, s.Popped)
		}
		resume <- struct{}{}
	}
	wg.Wait()
	if stops != 3 {
		t.Errorf("the writer stopped %d times, want 3: keep every call to q.step", stops)
	}
}

// TestUnderLoad runs 4 writers against a goroutine taking snapshots.
func TestUnderLoad(t *testing.T) {
	q := &Queue{}
	var wg sync.WaitGroup
	done := make(chan struct{})
	var sampler sync.WaitGroup
	sampler.Go(func() {
		for {
			select {
			case <-done:
				return
			default:
			}
			if s := q.Stats(); s.Pushed-s.Popped != uint64(s.Len) {
				t.Errorf("snapshot under load: Len=%d Pushed=%d Popped=%d", s.Len, s.Pushed, s.Popped)
				return
			}
		}
	})
	for w := range 4 {
		wg.Go(func() {
			for i := range 500 {
				q.Push(w*500 + i)
				q.TryPop()
			}
		})
	}
	wg.Wait()
	close(done)
	sampler.Wait()
	if s := q.Stats(); s.Pushed != 2000 || s.Pushed-s.Popped != uint64(s.Len) {
		t.Errorf("final snapshot: %+v, want 2000 pushed and Pushed-Popped == Len", s)
	}
}
