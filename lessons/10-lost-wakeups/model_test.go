//go:build !broken

package lostwakeup

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"github.com/pckit/pckit/tla"
)

// TestTLAModels checks the two lost wake-ups in the model of pckit's queue:
// a Close that Signals instead of Broadcasting deadlocks (QueueCloseSignal),
// and a wait loop that checks its context before its predicate violates
// NoLostWakeup (QueueLostWakeup). The models are about the design, not this
// build's Go code, so they run in the fixed build only.
func TestTLAModels(t *testing.T) {
	t.Run("QueueCloseSignal", func(t *testing.T) {
		t.Parallel()
		lessontest.ExpectModel(t, "QueueCloseSignal", tla.Deadlock, "")
	})
	t.Run("QueueLostWakeup", func(t *testing.T) {
		t.Parallel()
		lessontest.ExpectModel(t, "QueueLostWakeup", tla.Invariant, "NoLostWakeup")
	})
}
