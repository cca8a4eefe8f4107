package lostwakeup

import (
	"errors"
	"testing"

	"github.com/pckit/pckit/lessons/10-lost-wakeups/schedule"
)

// WakeAll Broadcasts on notEmpty, so that a schedule can end its bubble
// after a lost wake-up.
func (q *Queue) WakeAll() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.notEmpty.Broadcast()
}

func newQueue() schedule.Queue { return NewQueue() }

// Each test runs one of the schedules of package schedule, which loses a
// wake-up on exactly one of the three defects: a Close that Signals, a
// context callback that Signals, a wait loop that checks its context before
// its predicate.

func TestCloseWakesAllPoppers(t *testing.T) {
	isClosed := func(err error) bool { return errors.Is(err, ErrClosed) }
	if lost := schedule.CloseWakesAll(t, newQueue, isClosed); lost.Report != "" {
		t.Error(lost.Report)
	}
}

func TestCancelWakesItsWaiter(t *testing.T) {
	if lost := schedule.CancelWakesItsWaiter(t, newQueue); lost.Report != "" {
		t.Error(lost.Report)
	}
}

func TestWokenWaiterTakesItem(t *testing.T) {
	if lost := schedule.WokenWaiterTakesItem(t, newQueue); lost.Report != "" {
		t.Error(lost.Report)
	}
}
