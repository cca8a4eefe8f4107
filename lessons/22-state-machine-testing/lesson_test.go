//go:build !broken

package statemachine

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestQueueStateMachine against the TryPop that
// loses items after Close and asserts gopter's report: the property
// falsified, the failing postcondition, and the sequence shrunk to
// tryPush(0) close() tryPop().
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestQueueStateMachine$")
	sig := []string{
		`! Queue behaves as spec\.FIFO\(2\): Falsified after \d+ passed tests\.`,
		`Labels of failing property: tryPop\(\): want tryPop\(\) → 0, got tryPop\(\) → closed`,
		`ARG_0: initialState=\[\] cap 2 sequential=\[tryPush\(0\) close\(\) tryPop\(\)\]`,
		`ARG_0_ORIGINAL \(\d+ shrinks\): initialState=\[\] cap 2 sequential=\[`,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", out, sig...)
}

// TestReadmeQuotesTryPop checks that the lines the README quotes from
// queue.Queue.TryPop stand, in that order, in its body in queue/queue.go.
func TestReadmeQuotesTryPop(t *testing.T) {
	lessontest.QuotesFunc(t, "<!-- queue.go TryPop -->", "../../queue/queue.go", "func (q *Queue[T]) TryPop(")
}
