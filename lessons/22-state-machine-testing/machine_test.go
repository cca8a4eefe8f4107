package statemachine

import (
	"strings"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/commands"
	"github.com/pckit/pckit/spec"
)

// TestQueueStateMachine checks Queue against spec.FIFO(2) with gopter's
// command-based state machine (spec.Commands): 200 random sequences of up
// to 40 calls, from a fixed seed, each response compared with the
// specification's. On a failure gopter shrinks the failing sequence to a
// minimal one, and the test prints gopter's report.
func TestQueueStateMachine(t *testing.T) {
	params := gopter.DefaultTestParametersWithSeed(22)
	params.MinSuccessfulTests = 200
	params.MaxSize = 40
	var report strings.Builder
	props := gopter.NewProperties(params)
	props.Property("Queue behaves as spec.FIFO(2)", commands.Prop(spec.Commands(spec.FIFO(2), func(capacity int) spec.Queue {
		q, err := New(capacity)
		if err != nil {
			t.Fatal(err)
		}
		return q
	})))
	if !props.Run(gopter.NewFormatedReporter(true, 100, &report)) {
		t.Fatalf("gopter:\n%s", report.String())
	}
	t.Logf("gopter:\n%s", report.String())
}
