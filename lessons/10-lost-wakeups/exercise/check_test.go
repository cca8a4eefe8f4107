//go:build exercise

package exercise

import (
	_ "embed"
	"testing"

	"github.com/pckit/pckit/lessons/10-lost-wakeups/schedule"
	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

//go:embed prediction.txt
var prediction string

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// WakeAll Broadcasts on notEmpty, so that a schedule can end its bubble
// after a lost wake-up.
func (q *Queue) WakeAll() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.notEmpty.Broadcast()
}

func newQueue() schedule.Queue { return NewQueue() }

// TestCheck runs the lesson's two schedules that a Pop with a context can
// fail: "cancel", where a cancelled Pop must return, and "item", where a
// woken Pop must take the item Push queued. Exactly one must still lose a
// wake-up: the one of the defect left in place. Which one, and who stays
// blocked, are the predictions.
func TestCheck(t *testing.T) {
	lost := map[string]schedule.Lost{
		"cancel": schedule.CancelWakesItsWaiter(t, newQueue),
		"item":   schedule.WokenWaiterTakesItem(t, newQueue),
	}
	if t.Failed() {
		return
	}
	var failing []string
	for _, name := range []string{"cancel", "item"} {
		if lost[name].Report != "" {
			failing = append(failing, name)
		}
	}
	switch len(failing) {
	case 2:
		t.Fatalf("both schedules still lose a wake-up: fix one of the two defects in wait.go.\ncancel: %s\nitem: %s", lost["cancel"].Report, lost["item"].Report)
	case 0:
		t.Fatal("neither schedule loses a wake-up: you fixed both defects. This exercise fixes one, to see what the other does alone: put one back.")
	}
	name := failing[0]
	t.Logf("schedule %q still loses a wake-up, as the defect left in place makes it:\n%s", name, lost[name].Report)
	lessontest.ExpectAnswers(t, prediction, name, lost[name].Blocked)
}
