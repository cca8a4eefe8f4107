//go:build !broken

package batching

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestBatchIsOneStep on the loop-of-pops PopBatch
// and asserts porcupine's verdict on the recorded history, with the batch
// [1 3 4 5] and client 1's item 2.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestBatchIsOneStep$")
	sig := []string{
		`--- FAIL: TestBatchIsOneStep`,
		`porcupine: Illegal — the history is not linearizable`,
		`client 1, t=\d+\.\.\d+: tryPop\(\) → 2`,
		`client 0, t=\d+\.\.\d+: popBatch\(4\) → \[1 3 4 5\]`,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", out, sig...)
}
