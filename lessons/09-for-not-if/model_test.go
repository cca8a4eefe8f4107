//go:build !broken

package forloop

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"github.com/pckit/pckit/tla"
)

// TestTLAModel checks QueuePopIf, the model of pckit's queue whose Pop
// waits under if instead of for: a woken consumer pops from the empty ring,
// and the invariant Conservation fails. The model is about the design, not
// this build's Go code, so it runs in the fixed build only.
func TestTLAModel(t *testing.T) {
	lessontest.ExpectModel(t, "QueuePopIf", tla.Invariant, "Conservation")
}
