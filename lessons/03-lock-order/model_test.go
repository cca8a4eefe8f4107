//go:build !broken

package lockorder

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"github.com/pckit/pckit/tla"
)

// TestTLAModels checks the lock-order models of tla/TwoQueues.tla: two
// transfers that lock two queues in opposite orders deadlock
// (TwoQueuesABBA); locking both in one global order holds (TwoQueues).
// They are about the design, not this build's Go code, so they run in the
// fixed build only.
func TestTLAModels(t *testing.T) {
	t.Run("TwoQueuesABBA", func(t *testing.T) {
		t.Parallel()
		lessontest.ExpectModel(t, "TwoQueuesABBA", tla.Deadlock, "")
	})
	t.Run("TwoQueues", func(t *testing.T) {
		t.Parallel()
		lessontest.ExpectModel(t, "TwoQueues", tla.Holds, "")
	})
}
