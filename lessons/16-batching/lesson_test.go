//go:build !broken

package batching

import (
	"testing"

	"github.com/pckit/pckit/lessons/internal/lessontest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBrokenIsCaught runs TestBatchIsOneStep on the loop-of-pops PopBatch
// and asserts spec.Check's verdict on the recorded history, with the batch
// [1 3 4 5] and client 1's item 2 as the witness.
func TestBrokenIsCaught(t *testing.T) {
	out := lessontest.GoTestBroken(t, "^TestBatchIsOneStep$")
	sig := []string{
		`--- FAIL: TestBatchIsOneStep`,
		`spec.Check: Illegal: no order of the calls fits the specification`,
		`client 0  \[3, 6\]  popBatch\(4\) → \[1 3 4 5\]\n +client 1  \[4, 5\]  tryPop\(\) → 2\n`,
		`client 0, t=\d+\.\.\d+: popBatch\(4\) → \[1 3 4 5\]`,
	}
	lessontest.Expect(t, out, sig...)
	lessontest.Quote(t, "README.md", out, sig...)
}
