//go:build !broken

package eventctx

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestProduce against the broken Produce and
// asserts the race detector's report on the stop flag (written by Produce,
// read by its producer goroutine, both in produce_broken.go) and the test's
// own verdict in fake time: one item too many, pushed at 40ms.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestProduce$")
	sig := []string{
		`WARNING: DATA RACE`,
		`Write at 0x… by goroutine N:\n\s+github\.com/pckit/pckit/lessons/08-event-to-context\.Produce\(\)\n\s+lessons/08-event-to-context/produce_broken\.go:\d+`,
		`Previous read at 0x… by goroutine N:\n\s+github\.com/pckit/pckit/lessons/08-event-to-context\.Produce\.func1\(\)\n\s+lessons/08-event-to-context/produce_broken\.go:\d+`,
		`Produce returned after 40 ms of fake time, want 35 ms`,
		`Produce = 4 and queued \[1 2 3 4\], want 3 and \[1 2 3\]`,
		`testing\.go:\d+: race detected during execution of test`,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", out, sig...)
}
